using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Reading the words of "/kehoach 2027 Phú Thọ gian hàng 150": where the amount starts, its unit word, a near province name.</summary>
internal static class PlanWords
{
    /// <summary>Unit words an admin may type after the number ("150 gian", "40 cơ sở"); folded.</summary>
    private static readonly string[][] Units =
    [
        ["gian", "hang"], ["gian"], ["co", "so"], ["hoc", "vien"], ["hv"], ["nguoi"], ["may"], ["chiec"], ["san", "pham"],
        ["de", "an"], ["du", "an"], ["lop"], ["luot"], ["don", "vi"]
    ];

    /// <summary>Index of the first token of the amount at the end ("150", "150 gian", "9,92 tỷ", "hai trăm", "mười"), from
    /// <paramref name="from"/> on; -1 when the words do not end with an amount. The longest amount wins.</summary>
    public static int AmountStart(string[] tokens, int from = 1)
    {
        for (var i = from; i < tokens.Length; i++)
        {
            var text = WithoutUnit(tokens[i..]);
            if (text.Length > 0 && (VnParse.TryParseInteger(text, out _) || VnParse.TryParseMoney(text, out _) || BareNumber(text) is not null))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A number with a decimal part and no unit ("9,92", "1.5"): the value, or null.</summary>
    public static decimal? BareNumber(string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Length > 12 || !char.IsAsciiDigit(t[0]) || !char.IsAsciiDigit(t[^1]) || t.Count(c => c is ',' or '.') != 1
            || !t.All(c => char.IsAsciiDigit(c) || c is ',' or '.'))
        {
            return null;
        }
        return decimal.Parse(t.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The amount's words without a trailing unit word ("150 gian" → "150"); money units stay ("9,92 tỷ").</summary>
    public static string WithoutUnit(string[] tokens)
    {
        var folded = tokens.Select(t => VnText.FoldWords(t)).ToArray();
        foreach (var unit in Units)
        {
            if (folded.Length > unit.Length && folded[^unit.Length..].SequenceEqual(unit)
               )
            {
                return string.Join(' ', tokens[..^unit.Length]);
            }
        }
        return string.Join(' ', tokens);
    }

    /// <summary>The current province whose name is within two letters of <paramref name="text"/> ("phu to" → Phú Thọ); null when none
    /// or several are that close.</summary>
    public static ProvinceUnit? Nearest(CatalogueIndex catalogue, string text)
    {
        var folded = VnText.FoldWords(text);
        foreach (var prefix in new[] { "tinh ", "thanh pho ", "tp " })
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
            }
        }
        if (folded.Length < 3)
        {
            return null;
        }
        var close = catalogue.Provinces
            .Where(p => p.IsCurrent)
            .Select(p => (Unit: p, Distance: FacilitySearch.Levenshtein(folded, VnText.FoldWords(p.ShortName))))
            .Where(x => x.Distance <= Math.Min(2, folded.Length / 3))
            .OrderBy(x => x.Distance)
            .ToList();
        return close.Count > 0 && (close.Count == 1 || close[0].Distance < close[1].Distance) ? close[0].Unit : null;
    }
}
