using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The comparison line of an answer: against the same period of an earlier year, the span just before, or a named period.</summary>
public sealed class ComparisonText(IFigureSource figures, QuestionQueries queries, UserTexts texts)
{
    /// <summary>The period of the comparison year ("cùng kỳ năm 2023").</summary>
    public static Period BasePeriod(Question q)
    {
        if (q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            return new Period(vf, vt, q.VsLabel ?? PeriodLabel.Empty);
        }
        var period = q.Period;
        if (q.CompareYear is { } later && later > q.To.Year)
        {
            // "so sánh năm 2024 và năm 2025": the same period of the later year named, not the year before (which nobody asked).
            var shift = later - q.To.Year;
            var from = q.From.AddYears(shift);
            var to = q.To.AddYears(shift);
            if (q.To.Day == DateTime.DaysInMonth(q.To.Year, q.To.Month))
            {
                to = new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month));
            }
            return Period.Of(from, to);
        }
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
        var deltaText = MetricText.Value(texts, main.Measure, Math.Abs(delta), english);
        var change = delta == 0 ? texts.Text(english, "figures.compare.no_change")
            : delta > 0 ? texts.Text(english, "figures.compare.up", ("value", deltaText)) : texts.Text(english, "figures.compare.down", ("value", deltaText));
        if (delta != 0 && before.Value != 0)
        {
            // The change in per cent too: a tester asking "tăng bao nhiêu %" got only "đạt 91,4%", easy to paste as "tăng 91,4%".
            var percent = NumberText.For(english).Percent(Math.Abs(delta) / before.Value);
            change += delta > 0 ? texts.Text(english, "figures.compare.up_percent", ("percent", percent))
                : texts.Text(english, "figures.compare.down_percent", ("percent", percent));
        }
        // With a status filter both sides count the same kind of records; say so.
        var same = q.Status switch
        {
            RecordStatus.Estimate => texts.Text(english, "figures.compare.both_estimates"),
            RecordStatus.Actual => texts.Text(english, "figures.compare.both_actual"),
            _ => "",
        };
        // The earlier figure, with how much of it is estimated when no status filter says it (in English too: "171 booths (estimate)").
        var beforeText = MetricText.Value(texts, main.Measure, before.Value, english) + (q.Status is not null ? "" : MetricText.EstimateNote(texts, main.Measure, before, english));
        if (q.VsFrom is not null)
        {
            var vs = basePeriod.Text(texts, english);
            if (before.Value == 0 && before.Records == 0)
            {
                change = texts.Text(english, "figures.compare.no_comparison");
            }
            if (before.Value == 0)
            {
                return texts.Text(english, "figures.compare.vs_zero", ("vs", vs), ("range", range), ("metric", metricName), ("change", change), ("same", same));
            }
            return texts.Text(english, "figures.compare.vs", ("vs", vs), ("metric", metricName), ("before", beforeText), ("range", range),
                ("percent", NumberText.For(english).Percent(main.Value.Value / before.Value)), ("change", change), ("same", same));
        }
        if (before.Value == 0 && before.Records == 0)
        {
            // Nothing recorded in the base period: "tăng 1.230 gian hàng" would be read as growth from a real zero (outside tester).
            change = texts.Text(english, "figures.compare.no_comparison");
        }
        var year = basePeriod.To.Year;
        if (before.Value == 0)
        {
            return multi
                ? texts.Text(english, "figures.compare.span_zero", ("years", years), ("range", range), ("metric", metricName), ("change", change), ("same", same))
                : texts.Text(english, "figures.compare.year_zero", ("year", year), ("range", range), ("metric", metricName), ("change", change), ("same", same));
        }
        var ratio = main.Value.Value / before.Value;
        return multi
            ? texts.Text(english, "figures.compare.span", ("years", years), ("metric", metricName), ("before", beforeText), ("range", range),
                ("percent", NumberText.For(english).Percent(ratio)), ("change", change), ("same", same))
            : texts.Text(english, "figures.compare.year", ("year", year), ("metric", metricName), ("before", beforeText), ("range", range),
                ("percent", NumberText.For(english).Percent(ratio)), ("change", change), ("same", same));
    }
}
