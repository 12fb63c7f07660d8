using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Any two periods compared: "quý 3 năm nay so với quý 3 năm ngoái", "tháng này so với tháng trước" (the month before,
/// not a year before), "6 tháng đầu năm 2025 so với 6 tháng đầu năm 2024". Both sides must name a period.
/// </summary>
public static partial class TwoPeriodRecogniser
{
    /// <param name="patterns">The connectives ("so với") and "cùng kỳ" come from seeds/lexicon/comparisons.json.</param>
    public static void Read(ref string s, QuestionParts parts, DateOnly today, PhrasePatterns patterns)
    {
        // "so sánh quý 3 năm nay với quý 3 năm ngoái": after a word of comparison, "với"/"và" joins two periods too.
        var compare = patterns.CompareStart.Match(s);
        var connectives = patterns.Connective.Matches(s).AsEnumerable();
        if (compare.Success)
        {
            connectives = connectives.Concat(patterns.CompareConnective.Matches(s).Where(m => m.Index > compare.Index));
        }
        foreach (var m in connectives)
        {
            var left = s[..m.Index] + " ";
            var right = " " + s[(m.Index + m.Length)..];
            if (!PeriodParser.TryFind(left.Trim(), today, out _, out var leftMatched) || leftMatched.Length == 0)
            {
                continue;
            }
            var rest = right.Trim();
            if (BeforeRegex().Match(rest) is { Success: true } before && PeriodParser.TryFind(left.Trim(), today, out var later, out _)
                && Previous(later, before.Groups["u"].Value, today) is { } earlier)
            {
                // "quý trước so với quý trước đó", "last quarter compared with the quarter before": the one before the period asked.
                parts.VsPeriod = earlier;
                parts.CompareLastYear = true;
                s = left + " " + rest[before.Length..] + " ";
                return;
            }
            if (!PeriodParser.TryFind(rest, today, out var vs, out var matched) || matched.Length == 0
                || !rest.StartsWith(matched, StringComparison.Ordinal) || patterns.SamePeriodStart.IsMatch(rest))
            {
                continue;
            }
            if (YearlessRegex().IsMatch(leftMatched) && OwnYearRegex().Match(matched) is { Success: true }
                && left.LastIndexOf(leftMatched, StringComparison.Ordinal) is var at and >= 0)
            {
                // "quý 1 và quý 2 năm 2024", "6 tháng đầu năm và 6 tháng cuối năm 2025": one year at the end names both periods
                // (read alone, "quý 1" would be this year's).
                var dated = leftMatched + (leftMatched.EndsWith(" nam", StringComparison.Ordinal) ? " " : " nam ") + vs.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (PeriodParser.TryFind(dated, today, out var own, out _) && own.From.Year == vs.From.Year)
                {
                    left = left[..at] + dated + left[(at + leftMatched.Length)..];
                }
            }
            var hasAsked = PeriodParser.TryFind(left.Trim(), today, out var asked, out _);
            if (IsWholeYear(vs))
            {
                // "so với (năm) 2023": the same period of that year, as the parser's year comparison reads it. "năm ngoái", "năm kia"
                // name a year from today's ("năm kia và năm ngoái" is 2024 with 2025), unless that is the year asked about: "năm 2025
                // so với năm ngoái" means the year before 2025, as "so với năm trước" always does.
                parts.CompareLastYear = true;
                var named = FourDigitsRegex().IsMatch(matched) || TodayYearRegex().IsMatch(matched) ? vs.From.Year : (int?)null;
                parts.CompareYear = named is { } y && !FourDigitsRegex().IsMatch(matched) && hasAsked && asked.To.Year == y ? null : named;
            }
            else if (hasAsked && asked.From == vs.From && asked.To == vs.To)
            {
                // "quý trước với quý trước nữa": both sides read as one period ("nữa" not understood); a period compared with itself
                // ("đạt 100%, không thay đổi") is no answer: said not understood.
                parts.Unknown.Add(rest);
                s = left + " ";
                return;
            }
            else
            {
                parts.VsPeriod = vs;
            }
            parts.CompareLastYear = true;
            s = left + " " + rest[matched.Length..] + " ";
            return;
        }
    }

    /// <summary>The quarter or month before <paramref name="p"/> (a whole quarter or month, or one running), as the parser names it; null otherwise.</summary>
    private static Text.Period? Previous(Text.Period p, string unit, DateOnly today)
    {
        var quarter = unit is "quarter" or "quy";
        if (p.From.Day != 1 || (quarter && (p.From.Month - 1) % 3 != 0) || p.To > p.From.AddMonths(quarter ? 3 : 1).AddDays(-1))
        {
            return null;
        }
        var from = p.From.AddMonths(quarter ? -3 : -1);
        var phrase = quarter ? $"quy {(from.Month - 1) / 3 + 1} nam {from.Year}" : $"thang {from.Month} nam {from.Year}";
        return PeriodParser.TryFind(phrase, today, out var previous, out _) ? previous : null;
    }

    /// <summary>"the quarter before", "the month before (that)", "quý trước đó", "tháng liền trước": the one before the period asked.</summary>
    [GeneratedRegex("^(?:(?:the )?(?<u>quarter|month) before(?: that| it)?|(?<u>quy|thang) (?:truoc do|lien truoc|ngay truoc do))(?= |$)", RegexOptions.ExplicitCapture)]
    private static partial Regex BeforeRegex();

    /// <summary>"so với năm 2023", "so với năm ngoái": the parser's year comparison reads them (the same period of that year).</summary>
    private static bool IsWholeYear(Text.Period p) => p.From == new DateOnly(p.From.Year, 1, 1) && p.To == new DateOnly(p.From.Year, 12, 31);

    /// <summary>A part of a year with no year of its own: "quý 1", "tháng 3", "6 tháng đầu năm", "nửa cuối năm".</summary>
    [GeneratedRegex("^((thang|quy|q|t) ?([0-9]{1,2}|i{1,3}|iv)|([0-9]{1,2}|sau|chin) thang (dau|cuoi)( nam)?|nua (dau|cuoi)( nam)?)$")]
    private static partial Regex YearlessRegex();

    /// <summary>A period that names its year: "năm 2024", "quý 2/2024", "năm ngoái".</summary>
    [GeneratedRegex("(19|20)[0-9]{2}|nam (nay|ngoai|truoc|kia|qua)|(this|last) year")]
    private static partial Regex OwnYearRegex();

    [GeneratedRegex("nam (nay|ngoai|kia|qua|roi)|(this|last|previous) year|year before last")]
    private static partial Regex TodayYearRegex();

    [GeneratedRegex("[0-9]{4}")]
    private static partial Regex FourDigitsRegex();

}
