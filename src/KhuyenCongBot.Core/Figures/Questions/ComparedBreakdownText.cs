using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// A comparison of two periods broken down, as the answer's lines: "• Ninh Bình: 189 gian hàng – năm 2024: 150 gian hàng → tăng 39
/// gian hàng" (rows from <see cref="ComparedBreakdown"/>), then what a reader must know to copy them (provinces within their present
/// borders, rows that overlap).
/// </summary>
public sealed class ComparedBreakdownText(ComparedBreakdown compared, Breakdowns breakdowns, UserTexts texts)
{
    public string Text(Question q, string? activityId, string measure, BreakdownBy by, bool english)
    {
        var rows = compared.Rows(q, activityId, measure, by);
        var basePeriod = ComparisonText.BasePeriod(q);
        var (nowText, baseText) = (q.Period.Text(texts, english), basePeriod.Text(texts, english));
        var what = What(texts, by, english);
        if (rows.Count == 0)
        {
            return texts.Text(english, "figures.breakdown.no_data", ("what", what)) + "\n";
        }
        var chronological = FigureRules.IsChronological(by);
        string Value(decimal value) => MetricText.Value(texts, breakdowns.Catalogue, by == BreakdownBy.Activity ? null : activityId, measure, value, english);
        var sb = new StringBuilder();
        sb.AppendLine(texts.Text(english, "hcmp.by", ("what", what), ("now", nowText), ("base", baseText), ("note", MetricText.StatusNote(texts, q.Status, english))));
        var besideSaid = false;
        foreach (var r in rows)
        {
            if (by == BreakdownBy.Source && measure == Measures.Funding && r.Key is "counterpart" or "other" && !besideSaid)
            {
                besideSaid = true;
                sb.AppendLine(texts.Text(english, "figures.breakdown.beside_support"));
            }
            var label = breakdowns.KeyLabel(r.Key, by, english);
            if (r.NotYet || (chronological && r.BaseKey is null))
            {
                sb.Append("• ").Append(label).Append(": ").AppendLine(texts.Text(english, "hfig.breakdown.not_yet"));
                continue;
            }
            var baseLabel = chronological ? breakdowns.KeyLabel(r.BaseKey!, by, english) : baseText;
            sb.Append("• ").AppendLine(texts.Text(english, "hcmp.row", ("label", label),
                ("now", Value(r.Now.Value) + BreakdownText.RowNote(texts, q, measure, r.Now, english)),
                ("base", baseLabel),
                ("before", Value(r.Before.Value) + BreakdownText.RowNote(texts, q, measure, r.Before, english)),
                ("change", Change(texts, measure, r.Now, r.Before, english)))
                + (by == BreakdownBy.Source && r.Key == FundingSources.UnknownKey
                    ? texts.Text(english, "figures.breakdown.no_source_records", ("count", NumberText.For(english).Number(r.Now.Records))) : ""));
        }
        var merged = compared.MergedShown(q, rows.Select(r => r.Key), by);
        if (merged.Count > 0)
        {
            sb.AppendLine(texts.Text(english, "hcmp.merged", ("date", VnFormat.Date(Catalogue.ProvinceUnit.MergedOn)),
                ("list", string.Join("; ", merged.Select(m => texts.Text(english, "hcmp.merged_item", ("current", m.Current), ("formers", string.Join(", ", m.Formers))))))));
        }
        if (by == BreakdownBy.Source && measure != Measures.Funding && rows.Count > 1)
        {
            sb.AppendLine(texts.Text(english, "figures.breakdown.source_overlap"));
        }
        if (measure == Measures.Facilities && by != BreakdownBy.Source && rows.Count > 1)
        {
            sb.AppendLine(texts.Text(english, "hcmp.facilities_overlap", ("what", what)));
        }
        return sb.ToString();
    }

    /// <summary>"tăng 39 gian hàng", "giảm 2 tỷ đồng", "không thay đổi"; "không so sánh được" when the compared period has no record.</summary>
    public static string Change(UserTexts texts, string measure, FigureValue now, FigureValue before, bool english)
    {
        var delta = now.Value - before.Value;
        if (before.Value == 0 && before.Records == 0 && now.Value != 0)
        {
            return texts.Text(english, "hcmp.no_base_records");
        }
        var deltaText = MetricText.Value(texts, measure, Math.Abs(delta), english);
        return delta == 0 ? texts.Text(english, "figures.compare.no_change")
            : delta > 0 ? texts.Text(english, "figures.compare.up", ("value", deltaText))
            : texts.Text(english, "figures.compare.down", ("value", deltaText));
    }

    /// <summary>"tỉnh, thành phố", "tháng", … as the breakdown's heading names it.</summary>
    public static string What(UserTexts texts, BreakdownBy by, bool english) => by switch
    {
        BreakdownBy.Month => texts.Text(english, "figures.breakdown.what_month"),
        BreakdownBy.Quarter => texts.Text(english, "figures.breakdown.what_quarter"),
        BreakdownBy.Source => texts.Text(english, "figures.breakdown.what_source"),
        BreakdownBy.Year => texts.Text(english, "figures.breakdown.what_year"),
        BreakdownBy.Activity => texts.Text(english, "figures.breakdown.what_activity"),
        _ => texts.Text(english, "figures.breakdown.what_province"),
    };
}
