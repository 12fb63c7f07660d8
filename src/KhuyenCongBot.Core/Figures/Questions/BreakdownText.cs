using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A breakdown as the answer's lines: the top one and the next, a top N, or every row (with its share of the plan when asked).</summary>
public sealed class BreakdownText(Breakdowns breakdowns, PlanLineText plans, UserTexts texts)
{
    /// <summary>The breakdown's lines of the answer, each ending with a new line.</summary>
    public string Text(Question q, string? activityId, string measure, BreakdownBy by, bool english)
    {
        var rows = breakdowns.Rows(q, activityId, measure, by).Select(r => (r.Key, Label: breakdowns.KeyLabel(r.Key, by, english), r.Value)).ToList();
        if (by == BreakdownBy.Source && measure == Measures.Funding)
        {
            // The support (KCQG, KCĐP, records without a source) first, adding up to the headline; the facility's counterpart and other
            // money after it, under their own line: the outside tester read "Hạng 1 · Vốn đối ứng" as the largest part of the support.
            rows = rows.OrderBy(r => IsBesideSupport(r.Key) ? 1 : 0).ToList();
        }
        // "24 lượt" for information and propaganda (no facility), never "lượt cơ sở" (outside tester, issue 13).
        string Value(decimal value) => MetricText.Value(texts, breakdowns.Catalogue, by == BreakdownBy.Activity ? null : activityId, measure, value, english);
        var sb = new StringBuilder();
        var what = by switch
        {
            BreakdownBy.Month => texts.Text(english, "figures.breakdown.what_month"),
            BreakdownBy.Quarter => texts.Text(english, "figures.breakdown.what_quarter"),
            BreakdownBy.Source => texts.Text(english, "figures.breakdown.what_source"),
            BreakdownBy.Year => texts.Text(english, "figures.breakdown.what_year"),
            BreakdownBy.Activity => texts.Text(english, "figures.breakdown.what_activity"),
            _ => texts.Text(english, "figures.breakdown.what_province"),
        };
        if (rows.Count == 0)
        {
            return texts.Text(english, "figures.breakdown.no_data", ("what", what)) + "\n";
        }
        if (q.Top is 1)
        {
            var first = rows[0];
            var most = q.Ascending ? texts.Text(english, "figures.breakdown.lowest") : texts.Text(english, "figures.breakdown.highest");
            // Vietnamese starts the sentence with the word ("Tỉnh, thành phố có số liệu cao nhất"), English puts it after "The".
            sb.Append(texts.Text(english, "figures.breakdown.top_one", ("what", english ? what : Capital(what)), ("most", most)))
              .Append(first.Label).Append(" – ").Append(Value(first.Value.Value))
              .Append(RowNote(texts, q, measure, first.Value, english)).AppendLine(".");
            if (rows.Count > 1)
            {
                sb.AppendLine(texts.Text(english, "figures.breakdown.next",
                    ("rows", string.Join("; ", rows.Skip(1).Take(3).Select(r => $"{r.Label} – {Value(r.Value.Value)}")))));
            }
            return sb.ToString();
        }
        var shown = rows.Take(q.Top ?? 40).ToList();
        sb.AppendLine(q.Top is { } n
            ? q.Ascending ? texts.Text(english, "figures.breakdown.top_lowest", ("n", n), ("what", what)) : texts.Text(english, "figures.breakdown.top_highest", ("n", n), ("what", what))
            : texts.Text(english, "figures.breakdown.by", ("what", what), ("note", MetricText.StatusNote(texts, q.Status, english))));
        // Rows are bulleted, not numbered: the answer's next-step choices are its one numbered list, so a typed "2" means one thing.
        // Rows ordered by their figure (provinces, activities: not months, years or sources, which list the support first) say their rank ("Hạng 2 · Hà Nội").
        var ranked = q.Top is not null || by is not (BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Year or BreakdownBy.Source);
        // Equal figures share a rank ("Hạng 11" twice, then "Hạng 13"): the outside tester saw two provinces of 56 ranked 11 and 12.
        var (position, rank, previous) = (0, 0, (decimal?)null);
        var besideSaid = false;
        foreach (var r in shown)
        {
            if (by == BreakdownBy.Source && measure == Measures.Funding && IsBesideSupport(r.Key) && !besideSaid)
            {
                besideSaid = true;
                sb.AppendLine(texts.Text(english, "figures.breakdown.beside_support"));
            }
            rank = ++position == 1 || r.Value.Value != previous ? position : rank;
            previous = r.Value.Value;
            if (Breakdowns.NotYet(q, r.Key, by))
            {
                // "Tháng 12/2026: — (chưa đến)": a month after today is not a month with nothing.
                sb.Append(RowStart(texts, ranked, rank, english)).Append(r.Label).Append(": ").AppendLine(texts.Text(english, "hfig.breakdown.not_yet"));
                continue;
            }
            sb.Append(RowStart(texts, ranked, rank, english)).Append(r.Label).Append(": ").Append(Value(r.Value.Value))
              .Append(RowNote(texts, q, measure, r.Value, english))
              .Append(q.ComparePlan && by == BreakdownBy.Province ? plans.RowPlan(q, $"{activityId ?? "*"}.{measure}", measure, r.Key, r.Value.Value, english) : "")
              .AppendLine(by == BreakdownBy.Source && r.Key == FundingSources.UnknownKey
                  ? texts.Text(english, "figures.breakdown.no_source_records", ("count", NumberText.For(english).Number(r.Value.Records)))
                  : "");
        }
        if (rows.Count > shown.Count && q.Top is null)
        {
            sb.AppendLine(texts.Text(english, "figures.breakdown.more", ("count", rows.Count - shown.Count)));
        }
        if (RoundingNote(measure, by, rows.Select(r => (r.Key, r.Value.Value)).ToList(), shown.Count, q.Top, english) is { } rounding)
        {
            sb.AppendLine(rounding);
        }
        if (by == BreakdownBy.Source && measure == Measures.Funding && shown.Any(r => r.Key is "counterpart" or "other"))
        {
            sb.AppendLine(texts.Text(english, "figures.breakdown.funding_parts"));
        }
        if (by == BreakdownBy.Source && measure != Measures.Funding && shown.Count > 1)
        {
            // Booths, facilities, trainees cannot be split by source: a record funded by both counts in both rows (outside tester:
            // KCĐP 101 + KCQG 45 = 146 gian hàng under a total of 136, with nothing said).
            sb.AppendLine(texts.Text(english, "figures.breakdown.source_overlap"));
        }
        if (measure == Measures.Facilities && by != BreakdownBy.Source && shown.Count > 1)
        {
            // Distinct facilities per row: one facility supported in two quarters (or two activities) counts in each row.
            sb.AppendLine(texts.Text(english, "figures.breakdown.facilities_overlap", ("what", what),
                ("sum", english ? NumberText.En.Number((long)shown.Sum(r => r.Value.Value)) : VnFormat.Number((long)shown.Sum(r => r.Value.Value)))));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Money rows shown rounded ("107,8 tỷ") may add up to more or less than the total rounded from the exact sum (outside tester:
    /// 107,8 + 103,16 + 95,37 = 306,33 under a total of 306,32): one line says so with both; the exact figures are never changed.
    /// Only for every row of a breakdown that adds up to the total (not a top N, not the money beside the support).
    /// </summary>
    private string? RoundingNote(string measure, BreakdownBy by, List<(string Key, decimal Value)> rows, int shown, int? top, bool english)
    {
        if (!MetricText.IsMoney(measure) || top is not null || shown < rows.Count || rows.Count < 2)
        {
            return null;
        }
        var parts = rows.Where(r => !(by == BreakdownBy.Source && IsBesideSupport(r.Key))).Select(r => (long)Math.Round(r.Value, MidpointRounding.AwayFromZero)).ToList();
        var n = NumberText.For(english);
        var (exact, rowsShown) = (parts.Sum(), parts.Sum(n.MoneyShown));
        return n.MoneyShown(exact) == rowsShown ? null
            : texts.Text(english, "figures2.breakdown.rounding", ("rows", n.Money(rowsShown)), ("total", n.Money(exact)), ("exact", n.MoneyFull(exact)));
    }

    /// <summary>Money outside khuyến công support: the facility's counterpart and other sources.</summary>
    private static bool IsBesideSupport(string key) => key is "counterpart" or "other";

    /// <summary>A row's estimate note; nothing when a status filter already says what was counted.</summary>
    internal static string RowNote(UserTexts texts, Question q, string measure, FigureValue value, bool english) =>
        q.Status is null ? MetricText.EstimateNote(texts, measure, value, english) : "";

    /// <summary>"• " before a row, "• Hạng 2 · " in a ranking.</summary>
    internal static string RowStart(UserTexts texts, bool ranked, int rank, bool english) =>
        !ranked ? "• " : texts.Text(english, "figures.breakdown.rank", ("rank", rank));

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
