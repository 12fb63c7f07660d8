using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "kinh phí bình quân mỗi gian hàng theo tỉnh", "trung bình mỗi cơ sở từng tháng": the plain average's definition applied to each
/// bucket (the bucket's money over the bucket's booths, or its distinct facilities), every bucket of a period listed, a bucket with
/// nothing to divide by said so. By source or activity the average is not given (a record of both sources, or of several
/// activities, has one set of facilities): the reply says so after the plain average, with no rows.
/// </summary>
internal static class AverageRows
{
    /// <summary>The lines after the plain average (each ending with a new line); empty without a breakdown.</summary>
    public static string Text(FigureAnswerer answerer, Question q, string? activity, string measure, string per, bool english)
    {
        if (q.Breakdown is not { } by)
        {
            return "";
        }
        var texts = answerer.Texts;
        if (by is not (BreakdownBy.Province or BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Year))
        {
            return texts.Text(english, "figures2.average.no_breakdown") + "\n";
        }
        var all = q with { Top = null };
        var tops = answerer.BreakdownRows(all, activity, measure, by).ToDictionary(r => r.Key, r => r.Value.Value);
        var bottoms = answerer.BreakdownRows(all, activity, per, by);
        var rows = bottoms.Select(r => (r.Key, r.Label, Top: tops.GetValueOrDefault(r.Key), Bottom: r.Value.Value))
            .Concat(tops.Keys.Except(bottoms.Select(b => b.Key)).Select(k => (Key: k, Label: answerer.KeyLabel(k, by, english), Top: tops[k], Bottom: 0m)))
            .ToList();
        if (by == BreakdownBy.Province)
        {
            // Highest average first (lowest first when asked); provinces with nothing to divide by last.
            var rated = rows.Where(r => r.Bottom > 0);
            var ordered = q.Ascending ? rated.OrderBy(r => r.Top / r.Bottom) : rated.OrderByDescending(r => r.Top / r.Bottom);
            rows = ordered.ThenBy(r => r.Key, StringComparer.Ordinal).Concat(rows.Where(r => r.Bottom == 0)).ToList();
            if (q.Top is { } n)
            {
                rows = rows.Take(n).ToList();
            }
        }
        var perName = MetricText.Unit(texts, per, english);
        var numbers = NumberText.For(english);
        var sb = new StringBuilder();
        sb.AppendLine(texts.Text(english, "figures2.average.by", ("what", BreakdownWord(texts, by, english)), ("per", perName)));
        foreach (var r in rows)
        {
            sb.Append("• ").Append(r.Label).Append(": ");
            if (r.Bottom == 0)
            {
                sb.AppendLine(texts.Text(english, "figures2.average.row_none", ("per", perName)));
                continue;
            }
            var average = r.Top / r.Bottom;
            sb.Append(MetricText.IsMoney(measure)
                ? numbers.Money((long)Math.Round(average, MidpointRounding.AwayFromZero))
                : numbers.Decimal(average, 2) + " " + MetricText.Unit(texts, measure, english));
            sb.Append(" (= ").Append(MetricText.Value(texts, measure, r.Top, english)).Append(" / ").Append(MetricText.Value(texts, per, r.Bottom, english)).AppendLine(")");
        }
        return sb.ToString();
    }

    private static string BreakdownWord(UserTexts texts, BreakdownBy by, bool english) => by switch
    {
        BreakdownBy.Month => texts.Text(english, "figures.breakdown.what_month"),
        BreakdownBy.Quarter => texts.Text(english, "figures.breakdown.what_quarter"),
        BreakdownBy.Year => texts.Text(english, "figures.breakdown.what_year"),
        _ => texts.Text(english, "figures.breakdown.what_province"),
    };
}
