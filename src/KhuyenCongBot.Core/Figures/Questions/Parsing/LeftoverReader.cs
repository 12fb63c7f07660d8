using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// The last readers: greetings and thanks (a message made only of them is small talk), then whatever is left once filler is
/// dropped, which was not understood: quoted as typed in <see cref="QuestionParts.Unknown"/> so the bot asks instead of answering.
/// </summary>
internal sealed partial class LeftoverReader(Lexicon lexicon, QuestionNormaliser normaliser)
{
    /// <summary>Greetings and thanks: a message made only of them is small talk, not a figures question.</summary>
    public void ReadSocial(ref string s, QuestionParts parts)
    {
        if (Take(ref s, lexicon.Greetings) is not null)
        {
            parts.Greeting = true;
            while (Take(ref s, lexicon.Greetings) is not null)
            {
            }
        }
        if (Take(ref s, lexicon.Thanks) is not null)
        {
            parts.Thanks = true;
            // "ok thanks bot": every thanks word, as for greetings.
            while (Take(ref s, lexicon.Thanks) is not null)
            {
            }
        }
    }

    /// <summary>Exclusion words before something other than the estimates ("không tính số ước" is read elsewhere) or "nào".</summary>
    [GeneratedRegex(@" (?<w>khong bao gom|khong tinh|khong ke|khong gom|ngoai tru|loai tru|tru|excluding|except) (?!(nao|cac so uoc|so lieu uoc|so uoc|uoc|estimates?|estimated)( |$))")]
    private static partial Regex ExclusionRegex();

    /// <summary>Drops filler words; what remains was not understood and is kept, as typed, in <see cref="QuestionParts.Unknown"/>.</summary>
    public void Read(string s, string original, QuestionParts parts)
    {
        // "không tính Hà Nội", "trừ Phú Thọ": an exclusion the bot cannot apply. Its words are read one by one ("không" a filler,
        // "tính" as "tỉnh"), so without this the place after them was read as the scope: the opposite of what was asked.
        if (ExclusionRegex().Match(" " + VnText.FoldWords(original) + " ") is { Success: true } exclusion)
        {
            parts.Unknown.Add(exclusion.Groups["w"].Value);
        }
        foreach (var filler in lexicon.Filler)
        {
            while (VnText.ContainsWords(s, filler))
            {
                s = Remove(" " + s.Trim() + " ", filler);
            }
        }
        var left = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (left.Count == 0)
        {
            return;
        }
        // Quote the words as typed: each typed word is read the way Parse read it (abbreviation expanded, typo corrected);
        // a short word between two unknown ones is quoted with them ("tỉnh Hà Sơn Bình").
        var corrected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (typed, read) in parts.Corrections)
        {
            corrected.TryAdd(typed, read);
        }
        var words = WordRegex().Matches(original).Select(m => m.Value).ToList();
        var unknown = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var read = normaliser.Expand(VnText.FoldWords(words[i])).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => corrected.GetValueOrDefault(t, t)).ToList();
            if (read.Count > 0 && read.All(left.Contains))
            {
                read.ForEach(t => left.Remove(t));
                unknown[i] = true;
            }
        }
        for (var i = 1; i + 1 < words.Count; i++)
        {
            unknown[i] |= unknown[i - 1] && unknown[i + 1] && words[i].Length <= 3;
        }
        var phrase = new StringBuilder();
        for (var i = 0; i <= words.Count; i++)
        {
            if (i < words.Count && unknown[i])
            {
                phrase.Append(phrase.Length > 0 ? " " : "").Append(words[i]);
            }
            else if (phrase.Length > 0)
            {
                parts.Unknown.Add(phrase.ToString());
                phrase.Clear();
            }
        }
        if (left.Count > 0)
        {
            parts.Unknown.Add(string.Join(' ', left));
        }
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordRegex();
}
