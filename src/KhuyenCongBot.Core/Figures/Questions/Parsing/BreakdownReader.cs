using System.Globalization;
using System.Text.RegularExpressions;
using static KhuyenCongBot.Core.Figures.Questions.WorkingText;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Reads how a question breaks its figure down or ranks it: "top 5 tỉnh", "tỉnh nào nhiều gian hàng nhất", "xếp hạng các tỉnh",
/// "theo tháng", "hoạt động nào". The ranking words are data (seeds/lexicon/rankings.json, through <see cref="PhrasePatterns"/>);
/// the superlatives split around a measure ("nhiều gian hàng nhất") and the breakdown words are patterns here.
/// </summary>
internal sealed partial class BreakdownReader(PhrasePatterns patterns)
{
    /// <summary>The patterns written here, whose words the typo corrector knows.</summary>
    public static IEnumerable<Regex> Own => [SplitMostRegex(), LooseTopRegex(), ByRegex(), WhichRegex()];

    public void Read(ref string s, QuestionParts parts)
    {
        var p = patterns;
        var topN = p.Top.Match(s);
        if (topN.Success)
        {
            parts.Top = int.Parse(topN.Groups["n"].Success ? topN.Groups["n"].Value : topN.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (topN.Groups["what"].Success)
            {
                parts.Breakdown = ByWord(topN.Groups["what"].Value);
            }
            if (topN.Groups["low"].Success)
            {
                parts.Ascending = true;
            }
            s = Cut(s, topN);
        }
        if (parts.Top is null && p.AnySuperlative.IsMatch(s))
        {
            var loose = LooseTopRegex().Match(s);
            if (loose.Success)
            {
                parts.Top = int.Parse(loose.Groups["m"].Value, CultureInfo.InvariantCulture);
                parts.Breakdown = ByWord(loose.Groups["what"].Value);
                parts.Ascending = LowestRegex().IsMatch(s);
                s = Cut(s, loose);
            }
        }
        // "top tỉnh" without a number: the first five; "xếp hạng các tỉnh": all of them, highest first.
        if (parts.Top is null && p.BareTop.Match(s) is { Success: true } bareTop)
        {
            parts.Top = bareTop.Groups["rank"].Success ? null : QuestionParser.DefaultTop;
            parts.Breakdown = ByWord(bareTop.Groups["what"].Success ? bareTop.Groups["what"].Value : "tinh");
            s = Cut(s, bareTop);
        }
        var by = ByRegex().Match(s);
        // "kinh phí KCQG và KCĐP theo tỉnh": one breakdown at a time; the second is left for the bot to say it did not understand it.
        if (by.Success && parts.Breakdown != BreakdownBy.Source)
        {
            parts.Breakdown ??= ByWord(by.Groups["what"].Value);
            s = Cut(s, by);
        }
        var which = WhichRegex().Match(s);
        if (which.Success)
        {
            parts.Breakdown ??= ByWord(which.Groups["what"].Value);
            parts.Top ??= 1;
            s = Cut(s, which);
        }
        var most = p.Most.Match(s);
        if (most.Success)
        {
            parts.Top ??= 1;
            if (most.Groups["low"].Success)
            {
                parts.Ascending = true;
            }
            s = Cut(s, most);
        }
        // "tỉnh nhiều gian hàng nhất", "hoạt động ít kinh phí nhất" (not "bao nhiêu … gần nhất").
        if (parts.Top is null && SplitMostRegex().Match(s) is { Success: true } splitMost)
        {
            parts.Top = 1;
            parts.Ascending = splitMost.Groups["low"].Success;
            if (splitMost.Groups["what"].Success)
            {
                parts.Breakdown ??= ByWord(splitMost.Groups["what"].Value);
                var what = splitMost.Groups["what"];
                s = s[..what.Index] + " " + s[(what.Index + what.Length)..];
            }
        }
        if (parts.Top is not null && !parts.Ascending && LeastMostRegex().IsMatch(s))
        {
            parts.Ascending = true;
        }
        if (parts.Top is not null)
        {
            parts.Breakdown ??= BreakdownBy.Province;
        }
        // "tỉnh dẫn đầu về gian hàng": the word that says what is ranked.
        if (parts.Breakdown == BreakdownBy.Province && RankedUnitRegex().Match(s) is { Success: true } unit)
        {
            s = Cut(s, unit);
        }
    }

    private static BreakdownBy ByWord(string word) => word switch
    {
        _ when word.StartsWith("thang", StringComparison.Ordinal) || word.StartsWith("month", StringComparison.Ordinal) => BreakdownBy.Month,
        _ when word == "nam" || word.StartsWith("year", StringComparison.Ordinal) => BreakdownBy.Year,
        _ when word.StartsWith("hoat dong", StringComparison.Ordinal) || word.StartsWith("linh vuc", StringComparison.Ordinal)
            || word.StartsWith("noi dung", StringComparison.Ordinal) || word.StartsWith("activit", StringComparison.Ordinal) => BreakdownBy.Activity,
        _ => BreakdownBy.Province,
    };

    [GeneratedRegex(@"( (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang)( co| dat| duoc)?)?(?<!bao) ((?<high>nhieu|cao|lon)|(?<low>it|thap))( (?!gan |moi |cap |som |muon )\w+){1,4} nhat(?= )")]
    private static partial Regex SplitMostRegex();

    [GeneratedRegex(@" (?<m>[0-9]{1,2}) (?<what>tinh thanh|tinh|dia phuong|hoat dong|provinces|activities)(?= )")]
    private static partial Regex LooseTopRegex();

    [GeneratedRegex(@" (theo tung|theo cac|theo|tung|cac|moi|chia theo|phan theo|by|per|each) (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang|province|provinces|activity|activities|month|months|year|years)(?= )| (theo tung|theo cac|theo|tung|chia theo|phan theo) (?<what>nam)(?= )(?! [0-9]| (nay|ngoai|truoc|qua|roi) )| (?<what>month|year)ly(?= )")]
    private static partial Regex ByRegex();

    [GeneratedRegex(@" (?<what>tinh thanh|tinh|dia phuong|hoat dong|linh vuc|noi dung|thang|nam) nao| which (?<what>province|activity|month|year)")]
    private static partial Regex WhichRegex();

    // The patterns below were written inline (Regex.IsMatch(s, "...")): Regex's cache of 15 then rebuilt them at each question.
    [GeneratedRegex(" (it|thap|lowest|least) ")]
    private static partial Regex LowestRegex();

    [GeneratedRegex(@" (it|thap)( \w+){0,4} nhat ")]
    private static partial Regex LeastMostRegex();

    [GeneratedRegex(" (cac )?(tinh thanh|tinh|dia phuong|provinces?)(?= )")]
    private static partial Regex RankedUnitRegex();
}
