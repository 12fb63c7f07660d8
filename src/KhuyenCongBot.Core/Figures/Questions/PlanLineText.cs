using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Plan progress in an answer: the year plan of a metric, the line "đạt 75 % kế hoạch năm", a breakdown row's share of its province's plan.</summary>
public sealed class PlanLineText(IBotStore store, CatalogueIndex catalogue, UserTexts texts, PlanCoverage coverage)
{
    /// <summary>The year plan of a metric over a set of recorded units (a region's plan is the sum of its provinces'); null when none is set.</summary>
    public decimal? PlanTarget(int year, string metric, IReadOnlySet<string>? unitIds)
    {
        var plans = CountedPlans(year).Where(p => p.Metric == metric && (unitIds is null || unitIds.Contains(p.ProvinceId))).ToList();
        return plans.Count == 0 ? null : plans.Sum(p => p.Target);
    }

    /// <summary>The year's plans that count in figures (not a former province's after the 2025 merger: see <see cref="ProvinceUnit.PlansCountIn"/>).</summary>
    public IEnumerable<Plan> CountedPlans(int year) => store.Plans.ForYear(year).CountedIn(year, catalogue);

    /// <summary>The main figure against its year plan in the question's scope. When only some provinces of the scope have a plan, the
    /// plan is said to be theirs and compared with what those provinces did (like with like), and the others are named.</summary>
    /// <param name="achievedIn">The figure over a set of recorded units (the provinces that have a plan); without it a partly planned
    /// scope gets no percentage.</param>
    public string PlanLine(Question q, AnswerLine main, string metricName, bool english, Func<IReadOnlySet<string>, FigureValue>? achievedIn = null)
    {
        var metric = $"{main.ActivityId ?? "*"}.{main.Measure}";
        if (q.From.Year != q.To.Year)
        {
            return texts.Text(english, "figures.plan_line.one_year");
        }
        if (coverage.Of(q.To.Year, metric, q.Scope) is not { } cover)
        {
            return texts.Text(english, "figures.plan_line.no_plan", ("year", q.To.Year),
                ("metric", metricName.Length > 0 ? metricName[2..] : MetricText.Title(texts, catalogue, main.ActivityId, main.Measure ?? "", english)));
        }
        var counted = q.Status switch
        {
            RecordStatus.Estimate => texts.Text(english, "figures.plan_line.estimates_only"),
            RecordStatus.Actual => texts.Text(english, "figures.plan_line.actual_only"),
            _ => "",
        };
        if (q.Source is { } source)
        {
            counted += texts.Text(english, "figures.plan_line.source_only", ("source", FundingSources.Label(texts, source, english)));
        }
        var t = cover.Target;
        if (cover.Partial)
        {
            // Outside tester: the country's booths against Phú Thọ's plan alone, called "kế hoạch năm 2027", 17 provinces unsaid.
            if (achievedIn is null)
            {
                return texts.Text(english, "figures.plan_line.partly_planned", ("year", q.To.Year), ("planned_count", cover.Planned.Count), ("planned", coverage.Names(cover.Planned)),
                    ("missing_count", cover.Missing.Count), ("missing", coverage.Names(cover.Missing)));
            }
            var done = achievedIn(cover.PlannedUnits).Value;
            return texts.Text(english, "hplan.line.partial", ("year", q.To.Year), ("metric", metricName), ("planned_count", cover.Planned.Count), ("total", cover.Total),
                ("planned", coverage.Names(cover.Planned)), ("target", MetricText.Value(texts, main.Measure, t, english)), ("done", MetricText.Value(texts, main.Measure, done, english)),
                ("percent", NumberText.For(english).Percent(done / t)), ("missing_count", cover.Missing.Count), ("missing", coverage.Names(cover.Missing)))
                + Left(q, main.Measure, t - done, english) + counted;
        }
        var ratio = main.Value.Value / t;
        return texts.Text(english, "figures.plan_line.against", ("year", q.To.Year), ("metric", metricName), ("target", MetricText.Value(texts, main.Measure, t, english)),
            ("percent", NumberText.For(english).Percent(ratio)), ("counted", counted)) + Left(q, main.Measure, t - main.Value.Value, english);
    }

    /// <summary>" Còn thiếu 286 gian hàng để đạt kế hoạch năm." after "ước cả năm": what is left, since the bot does not forecast.</summary>
    private string Left(Question q, string measure, decimal left, bool english) => !q.WholeYear ? ""
        : left > 0 ? texts.Text(english, "hplan.whole_year.left", ("value", MetricText.Value(texts, measure, left, english)))
        : texts.Text(english, "hplan.whole_year.reached", ("value", MetricText.Value(texts, measure, -left, english)));

    /// <summary>" – 75% kế hoạch năm (4 cơ sở)" for one province of a breakdown against the plan; " – chưa có kế hoạch" without one.</summary>
    public string RowPlan(Question q, string metric, string measure, string provinceId, decimal done, bool english) =>
        PlanTarget(q.To.Year, metric, catalogue.UnitsOf(provinceId).ToHashSet(StringComparer.Ordinal)) is { } target and > 0
            ? texts.Text(english, "figures.plan_line.row", ("percent", NumberText.For(english).Percent(done / target)), ("target", MetricText.Value(texts, measure, target, english)))
            : texts.Text(english, "figures.plan_line.row_no_plan");
}
