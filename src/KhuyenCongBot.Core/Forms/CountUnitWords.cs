using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Unit words typed after a count ("35 người", "2 gian", "35hv"): stripped when they fit the question, named back when
/// they count another kind of thing than the question asks.</summary>
internal static class CountUnitWords
{
    private static readonly string[] CountUnits =
        ["nguoi", "hoc vien", "hv", "gian hang", "gian", "co so", "may", "chiec", "cai", "bo", "lop", "doanh nghiep", "san pham",
         // The same in English ("two booths", "35 trainees", "three machines").
         "people", "persons", "person", "trainees", "trainee", "participants", "booths", "booth", "facilities", "facility", "enterprises", "businesses",
         "machines", "machine", "units", "unit", "pieces", "sets", "set", "classes", "class", "products", "product"];

    /// <summary>Count words that name the same kind of thing; a count typed with a word of another kind is not this field's count.</summary>
    private static readonly string[][] UnitKinds =
        [["nguoi", "hoc vien", "hv", "people", "persons", "person", "trainees", "trainee", "participants"], ["gian hang", "gian", "booths", "booth"],
         ["co so", "doanh nghiep", "facilities", "facility", "enterprises", "businesses"], ["may", "machines", "machine"], ["lop", "classes", "class"],
         ["san pham", "products", "product"]];

    private static int KindOf(string folded) => Array.FindIndex(UnitKinds, kind => kind.Contains(folded));

    /// <summary>The unit word typed after the number when it names another kind of thing than the field counts ("35 người" for the
    /// number of classes); null when it fits, is a general classifier ("chiếc", "cái") or there is none.</summary>
    internal static string? OtherKind(FormField field, string text)
    {
        if (field.Unit is null || KindOf(VnText.FoldWords(field.Unit)) is var want && want < 0)
        {
            return null;
        }
        var folded = VnText.FoldWords(text.Trim());
        foreach (var unit in CountUnits)
        {
            if (folded.EndsWith(" " + unit, StringComparison.Ordinal) && KindOf(unit) is var typed && typed >= 0 && typed != want)
            {
                return text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^unit.Split(' ').Length..] is var words ? string.Join(' ', words) : unit;
            }
        }
        return null;
    }

    /// <summary>"2 gian hàng", "2 gian", "2gian", "35 hv" (the unit's initials) → the number alone; other text unchanged.</summary>
    internal static string Strip(FormField field, string text)
    {
        // Words people add after a count whatever the question's unit: "35 người", "3 gian", "2 chiếc".
        var trimmed = text.Trim();
        foreach (var unit in CountUnits)
        {
            var folded = VnText.FoldWords(trimmed);
            if (folded.EndsWith(" " + unit, StringComparison.Ordinal) && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts
                && unit.Split(' ').Length is var n && parts.Length > n)
            {
                return string.Join(' ', parts[..^n]);
            }
        }
        if (field.Unit is null)
        {
            return text;
        }
        var unitWords = VnText.FoldWords(field.Unit).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (unitWords.Length == 0)
        {
            return text;
        }
        var initials = string.Concat(unitWords.Select(w => w[0]));
        // "2gian", "35hv": a number glued to its unit.
        var glued = Regex.Match(text.Trim(), @"^(\d[\d.,]*)(\p{L}[\p{L} ]*)$");
        var words = glued.Success
            ? [glued.Groups[1].Value, .. glued.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)]
            : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = Math.Min(words.Length - 1, unitWords.Length); k >= 1; k--)
        {
            var tail = VnText.FoldWords(string.Join(' ', words[^k..]));
            if (tail == string.Join(' ', unitWords[..k]) || (k == 1 && unitWords.Length > 1 && tail == initials))
            {
                return string.Join(' ', words[..^k]);
            }
        }
        return text;
    }
}
