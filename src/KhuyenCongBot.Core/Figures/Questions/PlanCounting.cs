using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Which stored year plans count in figures.</summary>
public static class PlanCounting
{
    /// <summary>
    /// The plans of <paramref name="year"/> that count: not a former province's after the 2025 merger (see
    /// <see cref="ProvinceUnit.PlansCountIn"/>), which would be added silently to its current unit's and the country's plans.
    /// </summary>
    public static IEnumerable<Plan> CountedIn(this IEnumerable<Plan> plans, int year, CatalogueIndex catalogue) =>
        plans.Where(p => catalogue.Province(p.ProvinceId)?.PlansCountIn(year) != false);
}
