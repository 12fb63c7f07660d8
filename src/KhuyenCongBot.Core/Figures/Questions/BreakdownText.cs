using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A breakdown as the answer's lines: the top one and the next, a top N, or every row (with its share of the plan when asked).</summary>
public sealed class BreakdownText(Breakdowns breakdowns, PlanLineText plans)
{
    /// <summary>The breakdown's lines of the answer, each ending with a new line.</summary>
    public string Text(Question q, string? activityId, string measure, BreakdownBy by, bool english)
    {
        var rows = breakdowns.Rows(q, activityId, measure, by).Select(r => (r.Key, Label: breakdowns.KeyLabel(r.Key, by, english), r.Value)).ToList();
        var sb = new StringBuilder();
        var what = (by, english) switch
        {
            (BreakdownBy.Month, false) => "tháng",
            (BreakdownBy.Quarter, false) => "quý",
            (BreakdownBy.Source, false) => "nguồn kinh phí",
            (BreakdownBy.Quarter, true) => "quarter",
            (BreakdownBy.Source, true) => "funding source",
            (BreakdownBy.Year, false) => "năm",
            (BreakdownBy.Activity, false) => "hoạt động",
            (_, false) => "tỉnh, thành phố",
            (BreakdownBy.Month, true) => "month",
            (BreakdownBy.Year, true) => "year",
            (BreakdownBy.Activity, true) => "activity",
            _ => "province",
        };
        if (rows.Count == 0)
        {
            return english ? $"No data to break down by {what}.\n" : $"Không có số liệu để chia theo {what}.\n";
        }
        if (q.Top is 1)
        {
            var first = rows[0];
            var most = english ? (q.Ascending ? "lowest" : "highest") : (q.Ascending ? "thấp nhất" : "cao nhất");
            sb.Append(english ? $"The {what} with the {most} figure: " : $"{Capital(what)} có số liệu {most}: ")
              .Append(first.Label).Append(" – ").Append(MetricText.Value(measure, first.Value.Value, english))
              .Append(RowNote(q, measure, first.Value, english)).AppendLine(".");
            if (rows.Count > 1)
            {
                sb.Append(english ? "Next: " : "Tiếp theo: ")
                  .AppendLine(string.Join("; ", rows.Skip(1).Take(3).Select(r => $"{r.Label} – {MetricText.Value(measure, r.Value.Value, english)}")) + ".");
            }
            return sb.ToString();
        }
        var shown = rows.Take(q.Top ?? 40).ToList();
        sb.AppendLine(q.Top is { } n
            ? (english ? $"Top {n} by {what}:" : $"{n} {what} {(q.Ascending ? "thấp nhất" : "cao nhất")}:")
            : (english ? $"By {what}" : $"Chia theo {what}") + MetricText.StatusNote(q.Status, english) + ":");
        // Rows are bulleted, not numbered: the answer's next-step choices are its one numbered list, so a typed "2" means one thing.
        // Rows ordered by their figure (provinces, activities, sources: not months or years) say their rank ("Hạng 2 · Hà Nội").
        var ranked = q.Top is not null || by is not (BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Year);
        // Equal figures share a rank ("Hạng 11" twice, then "Hạng 13"): the outside tester saw two provinces of 56 ranked 11 and 12.
        var (position, rank, previous) = (0, 0, (decimal?)null);
        foreach (var r in shown)
        {
            rank = ++position == 1 || r.Value.Value != previous ? position : rank;
            previous = r.Value.Value;
            sb.Append(RowStart(ranked, rank, english)).Append(r.Label).Append(": ").Append(MetricText.Value(measure, r.Value.Value, english))
              .Append(RowNote(q, measure, r.Value, english))
              .Append(q.ComparePlan && by == BreakdownBy.Province ? plans.RowPlan(q, $"{activityId ?? "*"}.{measure}", measure, r.Key, r.Value.Value, english) : "")
              .AppendLine(by == BreakdownBy.Source && r.Key == FundingSources.UnknownKey
                  ? (english ? $" ({VnFormat.Number(r.Value.Records)} records name no source)" : $" ({VnFormat.Number(r.Value.Records)} bản ghi không ghi nguồn kinh phí)")
                  : "");
        }
        if (rows.Count > shown.Count && q.Top is null)
        {
            sb.AppendLine(english ? $"... and {rows.Count - shown.Count} more." : $"... và {rows.Count - shown.Count} mục khác.");
        }
        if (by == BreakdownBy.Source && measure == Measures.Funding && shown.Any(r => r.Key is "counterpart" or "other"))
        {
            sb.AppendLine(english
                ? "(Funding = KCQG + KCĐP; the facilities' counterpart and other sources are listed apart, not added to it.)"
                : "(Kinh phí hỗ trợ = KCQG + KCĐP; vốn đối ứng của cơ sở và nguồn khác ghi riêng, không cộng vào.)");
        }
        return sb.ToString();
    }

    /// <summary>A row's estimate note; nothing when a status filter already says what was counted.</summary>
    internal static string RowNote(Question q, string measure, FigureValue value, bool english) =>
        q.Status is null ? MetricText.EstimateNote(measure, value, english) : "";

    /// <summary>"• " before a row, "• Hạng 2 · " in a ranking.</summary>
    internal static string RowStart(bool ranked, int rank, bool english) =>
        !ranked ? "• " : english ? $"• #{rank} · " : $"• Hạng {rank} · ";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
