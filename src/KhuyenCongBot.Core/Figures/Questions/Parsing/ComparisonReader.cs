using System.Globalization;
using System.Text.RegularExpressions;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads what a question compares with: the same period a year before ("so với cùng kỳ", "yoy", "so với 2023"), the year plan
/// ("đạt bao nhiêu % kế hoạch"), a change ("tăng giảm") and "so sánh … với …". Its words are data (seeds/lexicon/comparisons.json,
/// through <see cref="PhrasePatterns"/>), except the plan's pattern.
/// </summary>
internal sealed partial class ComparisonReader(PhrasePatterns patterns)
{
    /// <summary>The patterns written here, whose words the typo corrector knows.</summary>
    public static IEnumerable<Regex> Own => [PlanRegex(), YearAndYearRegex()];

    public void Read(ref string s, QuestionParts parts)
    {
        var p = patterns;
        var yoy = p.Yoy.Match(s);
        if (yoy.Success)
        {
            parts.CompareLastYear = true;
            if (yoy.Groups["year"].Success)
            {
                parts.CompareYear = int.Parse(yoy.Groups["year"].Value, CultureInfo.InvariantCulture);
            }
            s = Cut(s, yoy);
        }
        else if (p.YoyShort.Match(s) is { Success: true } shortYoy)
        {
            parts.CompareLastYear = true;
            s = Cut(s, shortYoy);
        }
        var plan = PlanRegex().Match(s);
        if (plan.Success)
        {
            parts.ComparePlan = true;
            s = Cut(s, plan);
        }
        var change = p.Change.Match(s);
        if (change.Success)
        {
            parts.Change = true;
            if (!parts.ComparePlan)
            {
                parts.CompareLastYear = true;
            }
            s = Cut(s, change);
        }
        // "chênh lệch bao nhiêu so với 2023": the year compared with, also after a word of change.
        if (!parts.ComparePlan && parts.CompareYear is null && p.VsYear.Match(s) is { Success: true } vs)
        {
            parts.CompareLastYear = true;
            parts.CompareYear = int.Parse(vs.Groups["year"].Value, CultureInfo.InvariantCulture);
            s = Cut(s, vs);
        }
        // "so sánh gian hàng 2024 với 2023", "so sánh năm nay và năm ngoái": the second period is what to compare with
        // (read before the periods, so that "năm ngoái" is not taken for the period asked about).
        if (p.CompareWord.Match(s) is { Success: true } compare)
        {
            parts.CompareWord = true;
            s = Cut(s, compare);
            if (!parts.CompareLastYear && !parts.ComparePlan && p.CompareWith.Match(s) is { Success: true } with)
            {
                parts.CompareLastYear = true;
                if (with.Groups["year"].Success)
                {
                    parts.CompareYear = int.Parse(with.Groups["year"].Value, CultureInfo.InvariantCulture);
                }
                s = Cut(s, with);
            }
        }
        ReadYearAndYear(ref s, parts);
    }

    /// <summary>
    /// "gian hàng năm 2024 và 2025", "kinh phí 2024 và năm 2025" with no word of comparison: two years named are two periods, the
    /// later compared with the earlier (both figures and the difference), never "2025" not understood. "giai đoạn 2021 và 2025",
    /// "between 2024 and 2025" stay a span.
    /// </summary>
    private static void ReadYearAndYear(ref string s, QuestionParts parts)
    {
        if (parts.CompareLastYear || parts.ComparePlan || YearAndYearRegex().Match(s) is not { Success: true } pair)
        {
            return;
        }
        parts.CompareLastYear = true;
        parts.CompareYear = int.Parse(pair.Groups["year"].Value, CultureInfo.InvariantCulture);
        var tail = pair.Groups["tail"];
        s = s[..tail.Index] + " " + s[(tail.Index + tail.Length)..];
    }

    [GeneratedRegex(@"(?<!(?:tu|from|between|giai doan|thoi ky|period|den|to)(?: nam| year)?) (?:19|20)[0-9]{2}(?<tail> (?:va|and|voi|with) (?:nam |year )?(?<year>(?:19|20)[0-9]{2}))(?= )")]
    private static partial Regex YearAndYearRegex();

    // "kế hoạch năm" is the plan of the year asked about; "kế hoạch năm nay/ngoái…" leaves the period ("năm nay") to be read.
    [GeneratedRegex(@" ((dat |vuot )?(duoc )?(bao nhieu )?(ty le phan tram |ti le phan tram |phan tram |ty le |ti le |%)?(hoan thanh )?(so voi |so voi |cua |of |against |vs |versus |compared (?:to|with|against) )?(the )?(ke hoach|chi tieu|plan|target|annual plan|year plan)(( nam(?! nay| ngoai| truoc| kia| sau| toi| qua| hien tai)| year)(?! [0-9]))?)(?= )")]
    private static partial Regex PlanRegex();
}
