using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A new facility's name typed without capitals or diacritics ("xuong moc thanh dat") written back the way names are written
/// ("Xưởng mộc Thành Đạt"), from how the same words are written in the facilities already registered: offered, never imposed.
/// </summary>
public static class FacilityNameStyle
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["htx"] = "HTX", ["tnhh"] = "TNHH", ["cp"] = "CP", ["dntn"] = "DNTN", ["tm"] = "TM", ["dv"] = "DV", ["xnk"] = "XNK", ["mtv"] = "MTV",
    };

    /// <summary>The name written properly, or null when <paramref name="typed"/> already has capitals and diacritics, nothing would
    /// change, or the diacritics could be given back to some of its words only (or with a tone that cannot be told).</summary>
    public static string? Suggest(string typed, IEnumerable<string> knownNames)
    {
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || (typed.Any(char.IsUpper) && HasDiacritics(typed)))
        {
            return null;
        }
        var forms = SurfaceForms(knownNames);
        var restored = false;
        var unsure = false;
        var sb = new StringBuilder();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var key = VnText.Fold(word);
            string written;
            if (Acronyms.TryGetValue(key, out var acronym))
            {
                written = acronym;
            }
            else if (forms.TryGetValue(key, out var seen))
            {
                // The most frequent way the word is written; a word typed with diacritics keeps them.
                var ranked = seen.GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal)
                    .Select(g => (Lower: g.Key, Count: g.Sum(p => p.Value))).OrderByDescending(g => g.Count).ToList();
                var best = seen.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;
                written = HasDiacritics(word) ? WithCaseOf(word.ToLowerInvariant(), best) : best;
                // "luong" written both "Lương" and "lượng" about as often: which one is meant cannot be told.
                unsure |= !HasDiacritics(word) && ranked.Count > 1 && ranked[0].Count < 2 * ranked[1].Count;
                restored |= !HasDiacritics(word) && HasDiacritics(written);
            }
            else
            {
                // An unknown word in a name is most likely a proper name; typed without diacritics, it may need some nobody knows.
                written = Capitalised(word.ToLowerInvariant());
                unsure |= !HasDiacritics(word) && word.Length > 1 && word.All(char.IsAsciiLetter);
            }
            if (i == 0)
            {
                written = Capitalised(written);
            }
            sb.Append(i == 0 ? "" : " ").Append(written);
        }
        if (restored && unsure)
        {
            // Half written back ("Hoi Cho Hang Viet Nam Chat Lương Cao", a wrong tone among words left bare): not offered.
            return null;
        }
        var suggestion = sb.ToString();
        return suggestion == string.Join(' ', words) ? null : suggestion;
    }

    private static Dictionary<string, Dictionary<string, int>> SurfaceForms(IEnumerable<string> names)
    {
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i].Trim('(', ')', ',', '.', '"', '-');
                if (word.Length == 0 || !word.All(char.IsLetter))
                {
                    continue;
                }
                // The first word of a name is capitalised whatever it is: it says nothing of how the word is written elsewhere.
                var surface = i == 0 && word.Skip(1).All(char.IsLower) ? word.ToLowerInvariant() : word;
                var key = VnText.Fold(word);
                if (!forms.TryGetValue(key, out var seen))
                {
                    forms[key] = seen = new Dictionary<string, int>(StringComparer.Ordinal);
                }
                seen[surface] = seen.GetValueOrDefault(surface) + (i == 0 ? 0 : 1) + 1;
            }
        }
        return forms;
    }

    private static bool HasDiacritics(string text) => VnText.Fold(text) != text.ToLowerInvariant();

    private static string Capitalised(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string WithCaseOf(string lower, string model) =>
        model.Length > 0 && char.IsUpper(model[0]) ? Capitalised(lower) : lower;
}
