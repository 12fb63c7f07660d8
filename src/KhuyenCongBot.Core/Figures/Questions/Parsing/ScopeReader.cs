using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads where a question is about: "cả nước", "tỉnh tôi", a region ("khu vực phía Bắc"), one province or several, current or
/// former (a former province keeps its own name and counts what was recorded under it). Extra names of places
/// (seeds/lexicon/places.json: "Hanoi", "Bac Ninh province") are turned into the catalogue's before the recognisers run.
/// </summary>
internal sealed partial class ScopeReader(CatalogueIndex catalogue, Lexicon lexicon)
{
    // Folded once (they were folded at every question: a quarter of the parse's time).
    private readonly Lazy<List<(string Phrase, Region Region)>> _regionPhrases = new(() => catalogue.Regions
        .SelectMany(r => r.Aliases.Append(r.Name).Select(a => (VnText.FoldWords(a), r)))
        .OrderByDescending(x => x.Item1.Length).ToList());

    /// <summary>A former province by any of its folded names, the first in catalogue order when two share one.</summary>
    private readonly Lazy<Dictionary<string, ProvinceUnit>> _formerByPhrase = new(() =>
    {
        var byPhrase = new Dictionary<string, ProvinceUnit>(StringComparer.Ordinal);
        foreach (var p in catalogue.Provinces.Where(p => !p.IsCurrent && p.Id != p.CurrentId))
        {
            foreach (var name in new[] { p.Name, p.ShortName }.Concat(p.Aliases))
            {
                byPhrase.TryAdd(VnText.FoldWords(name), p);
            }
        }
        return byPhrase;
    });

    public void Read(ref string s, QuestionParts parts)
    {
        if (Take(ref s, lexicon.AllScope) is not null)
        {
            parts.Scope = "all";
            return;
        }
        if (Take(ref s, lexicon.OwnScope) is not null)
        {
            parts.Scope = "own";
            return;
        }
        foreach (var (phrase, region) in _regionPhrases.Value)
        {
            if (phrase.Length > 0 && VnText.ContainsWords(s, phrase))
            {
                parts.Scope = "r:" + region.Id;
                s = Remove(s, phrase);
                return;
            }
        }
        var found = new List<(string Id, bool Former, string Name, int At)>();
        var asked = s;
        while (found.Count < 12 && catalogue.FindProvinceIn(s.Trim()) is { } hit)
        {
            // A former province keeps its own name; the catalogue returns the current unit when a former one shares its id.
            var former = _formerByPhrase.Value.GetValueOrDefault(hit.Phrase);
            var unit = former ?? hit.Unit;
            if (!found.Any(f => f.Id == unit.Id))
            {
                found.Add((unit.Id, !unit.IsCurrent, former?.Name ?? unit.ShortName, asked.IndexOf(" " + hit.Phrase + " ", StringComparison.Ordinal)));
            }
            var before = s;
            foreach (var prefix in new[] { "tinh ", "thanh pho ", "tp ", "o ", "tai ", "cua ", "in ", "of ", "" })
            {
                s = Remove(s, prefix + hit.Phrase);
                if (s != before)
                {
                    break;
                }
            }
            if (s == before)
            {
                break;
            }
        }
        found = found.OrderBy(f => f.At).ToList();
        // "former Vinh Phuc", "the former province of Phu Tho": the English word for "cu" (former), before the name.
        var formerEnglish = found.Count == 1 && FormerEnglishRegex().Matches(asked).Any(m => m.Index + m.Length == found[0].At)
            && FormerEnglishRegex().Match(s) is { Success: true } fe ? fe : null;
        if (found.Count == 1 && !found[0].Former && SharesItsName(found[0].Id) && formerEnglish is not null)
        {
            parts.Scope = "f:" + found[0].Id;
            s = WorkingText.Cut(s, formerEnglish);
        }
        else if (found.Count == 1 && found[0].Former && formerEnglish is not null)
        {
            parts.Scope = "f:" + found[0].Id;
            s = WorkingText.Cut(s, formerEnglish);
        }
        else if (found.Count == 1 && !found[0].Former && SharesItsName(found[0].Id) && FormerWordRegex().Match(s) is { Success: true } old
            && asked.Contains(" " + VnText.FoldWords(found[0].Name) + " cu ", StringComparison.Ordinal))
        {
            // "Phú Thọ cũ": the former province whose name the merged one kept, not the merged one (its records carry the same id
            // until 1/7/2025; the answer refuses what comes after, see FormerSameName).
            parts.Scope = "f:" + found[0].Id;
            s = WorkingText.Cut(s, old);
        }
        else if (found.Count == 1)
        {
            parts.Scope = (found[0].Former ? "f:" : "p:") + found[0].Id;
        }
        else if (found.Count > 1)
        {
            // Several provinces: "m:phu-tho,bac-ninh" (each id current or former, as in the catalogue).
            parts.Scope = ScopeResolver.Many(found.Select(f => f.Id));
        }
        else if (OwnProvinceRegex().Match(s) is { Success: true } own)
        {
            // "bao nhiêu gian hàng của tỉnh năm nay": "của tỉnh" with no province named after it is the asker's own, as "tỉnh mình".
            parts.Scope = "own";
            s = WorkingText.Cut(s, own);
        }
    }

    /// <summary>Extra names of places (seeds/lexicon/places.json: "Hanoi", "Bac Ninh province") become the catalogue's name.</summary>
    public string ApplyPlaceAliases(string folded)
    {
        var s = " " + folded + " ";
        foreach (var (phrase, id) in lexicon.Places)
        {
            var padded = " " + phrase + " ";
            if (s.Contains(padded, StringComparison.Ordinal))
            {
                var name = catalogue.Province(id)?.ShortName ?? catalogue.Region(id)?.Name ?? id;
                s = s.Replace(padded, " " + VnText.FoldWords(name) + " ", StringComparison.Ordinal);
            }
        }
        return s.Trim();
    }

    /// <summary>Whether a current province kept the name (and id) of one of the former provinces merged into it (Phú Thọ, Bắc Ninh).</summary>
    private bool SharesItsName(string id) => catalogue.Provinces.Any(p => !p.IsCurrent && p.Id == id)
        || (catalogue.Province(id) is { IsCurrent: true } && catalogue.FormerUnitsOf(id).Count > 0 && !catalogue.FormerUnitsOf(id).Any(f => f.Id == id));

    [System.Text.RegularExpressions.GeneratedRegex(" (the )?former( province| city)?( of)?(?= )")]
    private static partial System.Text.RegularExpressions.Regex FormerEnglishRegex();

    [System.Text.RegularExpressions.GeneratedRegex(" (cua tinh|tinh ta)(?= )(?! (nao|cac|tung|khac|do|kia|ban)(?= ))")]
    private static partial System.Text.RegularExpressions.Regex OwnProvinceRegex();

    [System.Text.RegularExpressions.GeneratedRegex(" cu(?= )")]
    private static partial System.Text.RegularExpressions.Regex FormerWordRegex();
}
