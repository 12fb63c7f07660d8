using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Plan progress in an answer: the year plan of a metric, the line "đạt 75 % kế hoạch năm", a breakdown row's share of its province's plan.</summary>
public sealed class PlanLineText(IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, UserTexts texts)
{
    /// <summary>The year plan of a metric over a set of recorded units (a region's plan is the sum of its provinces'); null when none is set.</summary>
    public decimal? PlanTarget(int year, string metric, IReadOnlySet<string>? unitIds)
    {
        var plans = CountedPlans(year).Where(p => p.Metric == metric && (unitIds is null || unitIds.Contains(p.ProvinceId))).ToList();
        return plans.Count == 0 ? null : plans.Sum(p => p.Target);
    }

    /// <summary>The year's plans that count in figures (not a former province's after the 2025 merger: see <see cref="ProvinceUnit.PlansCountIn"/>).</summary>
    public IEnumerable<Plan> CountedPlans(int year) => store.Plans.ForYear(year).CountedIn(year, catalogue);

    /// <summary>The main figure against its year plan in the question's scope, or why it cannot be compared.</summary>
    /// <param name="unitsWithFigures">The current provinces whose records make up the figure: each must have a plan, or the whole
    /// figure would be measured against some provinces' plans only (the country's funding against Hà Nội's plan: "1.907 %").</param>
    public string PlanLine(Question q, AnswerLine main, string metricName, bool english, Func<IEnumerable<string>>? unitsWithFigures = null)
    {
        var metric = $"{main.ActivityId ?? "*"}.{main.Measure}";
        if (q.From.Year != q.To.Year)
        {
            return texts.Text(english, "figures.plan_line.one_year");
        }
        var target = PlanTarget(q.To.Year, metric, scopes.UnitIds(q.Scope));
        if (target is not { } t || t == 0)
        {
            return texts.Text(english, "figures.plan_line.no_plan", ("year", q.To.Year),
                ("metric", metricName.Length > 0 ? metricName[2..] : MetricText.Title(texts, catalogue, main.ActivityId, main.Measure ?? "", english)));
        }
        if (Unplanned(q.To.Year, metric, q.Scope, unitsWithFigures) is { } gap)
        {
            var (planned, missing) = gap;
            return texts.Text(english, "figures.plan_line.partly_planned", ("year", q.To.Year), ("planned_count", planned.Count), ("planned", Names(planned)),
                ("missing_count", missing.Count), ("missing", Names(missing)));
        }
        var ratio = main.Value.Value / t;
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
        return texts.Text(english, "figures.plan_line.against", ("year", q.To.Year), ("metric", metricName), ("target", MetricText.Value(texts, main.Measure, t, english)),
            ("percent", NumberText.For(english).Percent(ratio)), ("counted", counted));
    }

    /// <summary>The provinces with a plan and those counted in the figure without one, when the scope holds several; null when every
    /// province counted has a plan.</summary>
    private (List<string> Planned, List<string> Missing)? Unplanned(int year, string metric, string scope, Func<IEnumerable<string>>? unitsWithFigures)
    {
        if (unitsWithFigures is null)
        {
            return null;
        }
        var units = scopes.UnitIds(scope);
        var planned = CountedPlans(year).Where(p => p.Metric == metric && p.Target > 0 && (units is null || units.Contains(p.ProvinceId)))
            .Select(p => catalogue.CurrentOf(p.ProvinceId)?.Id ?? p.ProvinceId).ToHashSet(StringComparer.Ordinal);
        var missing = unitsWithFigures().Select(id => catalogue.CurrentOf(id)?.Id ?? id).Distinct(StringComparer.Ordinal)
            .Where(id => !planned.Contains(id)).ToList();
        return missing.Count == 0 ? null : ([.. planned], missing);
    }

    private string Names(IReadOnlyCollection<string> provinceIds) =>
        string.Join(", ", provinceIds.Take(4).Select(id => catalogue.Province(id)?.ShortName ?? id)) + (provinceIds.Count > 4 ? ", …" : "");

    /// <summary>" – 75% kế hoạch năm (4 cơ sở)" for one province of a breakdown against the plan; " – chưa có kế hoạch" without one.</summary>
    public string RowPlan(Question q, string metric, string measure, string provinceId, decimal done, bool english) =>
        PlanTarget(q.To.Year, metric, catalogue.UnitsOf(provinceId).ToHashSet(StringComparer.Ordinal)) is { } target and > 0
            ? texts.Text(english, "figures.plan_line.row", ("percent", NumberText.For(english).Percent(done / target)), ("target", MetricText.Value(texts, measure, target, english)))
            : texts.Text(english, "figures.plan_line.row_no_plan");
}
