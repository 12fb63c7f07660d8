using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Plan progress in an answer: the year plan of a metric, the line "đạt 75 % kế hoạch năm", a breakdown row's share of its province's plan.</summary>
public sealed class PlanLineText(IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes)
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
            return english
                ? "Plans are set per year: ask about one year (e.g. 2025) to compare with its plan."
                : "Kế hoạch được đặt theo từng năm: hãy hỏi số liệu của một năm (ví dụ: năm 2025) để so với kế hoạch.";
        }
        var target = PlanTarget(q.To.Year, metric, scopes.UnitIds(q.Scope));
        if (target is not { } t || t == 0)
        {
            return english
                ? $"No {q.To.Year} plan is set for {(metricName.Length > 0 ? metricName[2..] : MetricText.Title(catalogue, main.ActivityId, main.Measure ?? "", true))} in this scope (admins set it with /plan)."
                : $"Chưa có kế hoạch năm {q.To.Year} cho chỉ tiêu {(metricName.Length > 0 ? metricName[2..] : MetricText.Title(catalogue, main.ActivityId, main.Measure ?? ""))} trong phạm vi này (quản trị viên đặt bằng /kehoach).";
        }
        if (Unplanned(q.To.Year, metric, q.Scope, unitsWithFigures) is { } gap)
        {
            var (planned, missing) = gap;
            return english
                ? $"Not compared with the {q.To.Year} plan: it is set for {planned.Count} province(s) ({Names(planned)}) but the figure also counts {missing.Count} without one ({Names(missing)}). Ask about a province with a plan, or see /plan {q.To.Year}."
                : $"Chưa so được với kế hoạch năm {q.To.Year}: kế hoạch mới có cho {planned.Count} tỉnh, thành phố ({Names(planned)}), còn số liệu trên gồm cả {missing.Count} tỉnh, thành phố chưa có kế hoạch ({Names(missing)}). Bạn hỏi riêng một tỉnh có kế hoạch, hoặc xem /kehoach {q.To.Year}.";
        }
        var ratio = main.Value.Value / t;
        var counted = q.Status switch
        {
            RecordStatus.Estimate => english ? " Only estimates are counted against the plan." : " Phần thực hiện chỉ tính số ước thực hiện.",
            RecordStatus.Actual => english ? " Only actual figures are counted against the plan." : " Phần thực hiện chỉ tính số chính thức.",
            _ => "",
        };
        if (q.Source is { } source)
        {
            counted += english
                ? $" The plan is not split by source: only {FundingSources.Label(source, true)} is counted against it."
                : $" Kế hoạch không chia theo nguồn: phần thực hiện chỉ tính nguồn {FundingSources.Label(source)}.";
        }
        return english
            ? $"Against the {q.To.Year} plan{metricName} ({MetricText.Value(main.Measure, t, true)}): {VnFormat.Percent(ratio)} achieved.{counted}"
            : $"So với kế hoạch năm {q.To.Year}{metricName} ({MetricText.Value(main.Measure, t)}): đạt {VnFormat.Percent(ratio)} kế hoạch năm.{counted}";
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
            ? english ? $" – {VnFormat.Percent(done / target)} of the year plan ({MetricText.Value(measure, target, true)})"
                : $" – {VnFormat.Percent(done / target)} kế hoạch năm ({MetricText.Value(measure, target)})"
            : english ? " – no year plan" : " – chưa có kế hoạch năm";
}
