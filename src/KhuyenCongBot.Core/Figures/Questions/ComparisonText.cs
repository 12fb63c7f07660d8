using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The comparison line of an answer: against the same period of an earlier year, the span just before, or a named period.</summary>
public sealed class ComparisonText(IFigureSource figures, QuestionQueries queries)
{
    /// <summary>The period of the comparison year ("cùng kỳ năm 2023").</summary>
    public static Period BasePeriod(Question q)
    {
        if (q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            return new Period(vf, vt, q.VsLabel ?? "");
        }
        var period = q.Period;
        // A period of several years ("3 năm qua", "giai đoạn 2021-2025") is compared with the same span just before it.
        var span = q.To.Year - q.From.Year + 1;
        var years = q.CompareYear is null && span > 1 ? span : Math.Max(1, q.To.Year - (q.CompareYear ?? q.To.Year - 1));
        for (var i = 0; i < years; i++)
        {
            period = period.SamePeriodLastYear();
        }
        return period;
    }

    /// <summary>The line comparing the answer's main figure with the base period's (<see cref="BasePeriod"/>).</summary>
    public string YearLine(Question q, AnswerLine main, string metricName, bool english)
    {
        var basePeriod = BasePeriod(q);
        var before = figures.Total(queries.Query(q, main.ActivityId, main.Measure, basePeriod));
        var range = $"{VnFormat.Date(basePeriod.From)} – {VnFormat.Date(basePeriod.To)}";
        var delta = main.Value.Value - before.Value;
        var multi = basePeriod.From.Year < basePeriod.To.Year && q.VsFrom is null;
        var years = $"{basePeriod.From.Year}–{basePeriod.To.Year}";
        var deltaText = MetricText.Value(main.Measure, Math.Abs(delta), english);
        var change = english
            ? delta == 0 ? "no change" : (delta > 0 ? "up " : "down ") + deltaText
            : delta == 0 ? "không thay đổi" : (delta > 0 ? "tăng " : "giảm ") + deltaText;
        // With a status filter both sides count the same kind of records; say so.
        var same = q.Status switch
        {
            RecordStatus.Estimate => english ? " Both sides count estimates only." : " Cả hai kỳ đều chỉ tính số ước thực hiện.",
            RecordStatus.Actual => english ? " Both sides count actual figures only." : " Cả hai kỳ đều chỉ tính số chính thức.",
            _ => "",
        };
        if (q.VsFrom is not null)
        {
            var vs = english ? PeriodLabels.DescribeEnglish(basePeriod.From, basePeriod.To) : basePeriod.Label;
            if (before.Value == 0 && before.Records == 0)
            {
                change = english ? "no comparison can be made" : "không so sánh được";
            }
            if (before.Value == 0)
            {
                return english
                    ? $"Against {vs} ({range}){metricName}: 0, so no ratio; {change}.{same}"
                    : $"So với {vs} ({range}){metricName}: chưa có số liệu (0), không tính được tỷ lệ; {change}.{same}";
            }
            return english
                ? $"Against {vs}{metricName} ({MetricText.Value(main.Measure, before.Value, true)}, {range}): {VnFormat.Percent(main.Value.Value / before.Value)}, {change}.{same}"
                : $"So với {vs}{metricName} ({MetricText.Value(main.Measure, before.Value)}{(q.Status is null ? MetricText.EstimateNote(main.Measure, before) : "")}, {range}): đạt {VnFormat.Percent(main.Value.Value / before.Value)}, {change}.{same}";
        }
        if (before.Value == 0 && before.Records == 0)
        {
            // Nothing recorded in the base period: "tăng 1.230 gian hàng" would be read as growth from a real zero (outside tester).
            change = english ? "no comparison can be made" : "không so sánh được";
        }
        if (before.Value == 0)
        {
            return english
                ? $"{(multi ? "Same span " + years : "Same period of " + basePeriod.To.Year)} ({range}){metricName}: 0, so no ratio; {change}.{same}"
                : $"{(multi ? "Cùng kỳ giai đoạn " + years : "Cùng kỳ năm " + basePeriod.To.Year)} ({range}){metricName}: chưa có số liệu (0), không tính được tỷ lệ; {change}.{same}";
        }
        var ratio = main.Value.Value / before.Value;
        return english
            ? $"Against {(multi ? "the same span " + years : "the same period of " + basePeriod.To.Year)}{metricName} ({MetricText.Value(main.Measure, before.Value, true)}, {range}): {VnFormat.Percent(ratio)}, {change}.{same}"
            : $"So với {(multi ? "cùng kỳ giai đoạn " + years : "cùng kỳ năm " + basePeriod.To.Year)}{metricName} ({MetricText.Value(main.Measure, before.Value)}{(q.Status is null ? MetricText.EstimateNote(main.Measure, before) : "")}, {range}): đạt {VnFormat.Percent(ratio)}, {change}.{same}";
    }
}
