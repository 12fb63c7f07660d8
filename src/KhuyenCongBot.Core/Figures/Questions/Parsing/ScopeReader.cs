using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads where a question is about: "cả nước", "tỉnh tôi", a region ("khu vực phía Bắc"), one province or several, current or
/// former (a former province keeps its own name and counts what was recorded under it). Extra names of places
/// (seeds/lexicon/places.json: "Hanoi", "Bac Ninh province") are turned into the catalogue's before the recognisers run.
/// </summary>
internal sealed class ScopeReader(CatalogueIndex catalogue, Lexicon lexicon)
{
    public void Read(ref string s, QuestionParts parts)
    {
        if (Take(ref s, lexicon.AllScope) is { } all)
        {
            parts.Scope = "all";
            parts.ScopeName = all;
            return;
        }
        if (Take(ref s, lexicon.OwnScope) is not null)
        {
            parts.Scope = "own";
            return;
        }
        foreach (var (phrase, region) in catalogue.Regions
                     .SelectMany(r => r.Aliases.Append(r.Name).Select(a => (VnText.FoldWords(a), r)))
                     .OrderByDescending(x => x.Item1.Length))
        {
            if (phrase.Length > 0 && VnText.ContainsWords(s, phrase))
            {
                parts.Scope = "r:" + region.Id;
                parts.ScopeName = region.Name;
                s = Remove(s, phrase);
                return;
            }
        }
        var found = new List<(string Id, bool Former, string Name, int At)>();
        var asked = s;
        while (found.Count < 12 && catalogue.FindProvinceIn(s.Trim()) is { } hit)
        {
            // A former province keeps its own name; the catalogue returns the current unit when a former one shares its id.
            var former = catalogue.Provinces.FirstOrDefault(p => !p.IsCurrent && p.Id != p.CurrentId
                && new[] { p.Name, p.ShortName }.Concat(p.Aliases).Any(a => VnText.FoldWords(a) == hit.Phrase));
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
        if (found.Count == 1)
        {
            parts.Scope = (found[0].Former ? "f:" : "p:") + found[0].Id;
            parts.ScopeName = found[0].Name;
        }
        else if (found.Count > 1)
        {
            // Several provinces: "m:phu-tho,bac-ninh" (each id current or former, as in the catalogue).
            parts.Scope = ScopeResolver.Many(found.Select(f => f.Id));
            parts.ScopeName = string.Join(", ", found.Take(found.Count - 1).Select(f => f.Name)) + " và " + found[^1].Name;
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
}
