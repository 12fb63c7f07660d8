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
            if (!PeriodParser.TryFind(rest, today, out var vs, out var matched) || matched.Length == 0
                || !rest.StartsWith(matched, StringComparison.Ordinal) || patterns.SamePeriodStart.IsMatch(rest))
            {
                continue;
            }
            if (IsWholeYear(vs))
            {
                // "so với (năm) 2023": the same period of that year, as the parser's year comparison reads it.
                parts.CompareLastYear = true;
                // "so với năm trước" is the year before whatever the period; only a typed year names one.
                parts.CompareYear = FourDigitsRegex().IsMatch(matched) ? vs.From.Year : null;
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

    /// <summary>"so với năm 2023", "so với năm ngoái": the parser's year comparison reads them (the same period of that year).</summary>
    private static bool IsWholeYear(Text.Period p) => p.From == new DateOnly(p.From.Year, 1, 1) && p.To == new DateOnly(p.From.Year, 12, 31);

    [GeneratedRegex("[0-9]{4}")]
    private static partial Regex FourDigitsRegex();

}
