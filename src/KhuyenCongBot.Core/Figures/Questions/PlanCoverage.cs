using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A year plan of one metric over a scope: its target, the current provinces that have it, and those of the scope that hold
/// data (records, or another plan that year) without it.</summary>
public sealed record PlanCover(decimal Target, IReadOnlyList<string> Planned, IReadOnlyList<string> Missing, IReadOnlySet<string> PlannedUnits)
{
    /// <summary>Some provinces of the scope have no plan for the metric: the target is theirs only, not the scope's.</summary>
    public bool Partial => Missing.Count > 0;

    public int Total => Planned.Count + Missing.Count;
}

/// <summary>
/// Which part of a scope a year plan covers (outside tester: after "/kehoach 2027 Phú Thọ gian hàng 150" the country's booths were
/// measured against "kế hoạch năm 2027 (150 gian hàng)" without a word that 17 provinces have none). "Cả nước" is every province
/// that holds data, as the scope's label says.
/// </summary>
public sealed class PlanCoverage(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes)
{
    /// <summary>The plan of <paramref name="metric"/> ("trade_fair.booths") in <paramref name="year"/> over the scope; null when no
    /// province of it has one above 0.</summary>
    public PlanCover? Of(int year, string metric, string scope)
    {
        var units = scopes.UnitIds(scope);
        var plans = store.Plans.ForYear(year).CountedIn(year, catalogue)
            .Where(p => p.Target > 0 && (units is null || units.Contains(p.ProvinceId))).ToList();
        var mine = plans.Where(p => p.Metric == metric).ToList();
        if (mine.Count == 0)
        {
            return null;
        }
        var planned = mine.Select(p => Current(p.ProvinceId)).Distinct(StringComparer.Ordinal).ToList();
        var plannedUnits = planned.SelectMany(catalogue.UnitsOf).Where(u => units is null || units.Contains(u)).ToHashSet(StringComparer.Ordinal);
        var target = mine.Sum(p => p.Target);
        if (!scopes.IsMultiProvince(scope))
        {
            return new PlanCover(target, planned, [], plannedUnits);
        }
        // The provinces of the scope that hold data up to the plan's year: a record, or any plan that year.
        var withData = figures.Breakdown(new FigureQuery(null, Measures.Funding, PeriodParser.Beginning, new DateOnly(year, 12, 31), units), BreakdownBy.Province)
            .Where(kv => kv.Value.Records > 0).Select(kv => kv.Key)
            .Concat(plans.Select(p => Current(p.ProvinceId)))
            .ToHashSet(StringComparer.Ordinal);
        var missing = catalogue.Provinces.Where(p => p.IsCurrent && withData.Contains(p.Id) && !planned.Contains(p.Id)).Select(p => p.Id).Distinct(StringComparer.Ordinal).ToList();
        return new PlanCover(target, Ordered(planned), missing, plannedUnits);
    }

    /// <summary>"Hà Nội, Cao Bằng, Tuyên Quang, Điện Biên, …" (the first four).</summary>
    public string Names(IReadOnlyCollection<string> provinceIds) =>
        string.Join(", ", provinceIds.Take(4).Select(id => catalogue.Province(id)?.ShortName ?? id)) + (provinceIds.Count > 4 ? ", …" : "");

    private List<string> Ordered(IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        // A former province that kept its name shares its id with the current one: each id once.
        return catalogue.Provinces.Where(p => p.IsCurrent && set.Contains(p.Id)).Select(p => p.Id)
            .Concat(set.Where(id => catalogue.Province(id) is not { IsCurrent: true })).Distinct(StringComparer.Ordinal).ToList();
    }

    private string Current(string provinceId) => catalogue.CurrentOf(provinceId)?.Id ?? provinceId;
}
