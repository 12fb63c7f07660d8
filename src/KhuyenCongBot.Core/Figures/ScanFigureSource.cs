using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The plain reference: reads every record from the store for each question (slow, obviously correct).</summary>
public sealed class ScanFigureSource(IBotStore store, CatalogueIndex catalogue) : IFigureSource, IFacilityFigures
{
    public IReadOnlyList<long> RecordIdsOf(long facilityId) =>
        store.Records.All().Where(r => r.FacilityId == facilityId).Select(r => r.Id).Order().ToList();

    public IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count)
    {
        FigureRules.Validate(query);
        if (!FigureRules.IsAdditive(query.Measure))
        {
            throw new ArgumentException("Top facilities need an additive measure.", nameof(query));
        }
        return Matching(query).Where(r => r.FacilityId is not null)
            .GroupBy(r => r.FacilityId!.Value)
            .Select(g => new KeyValuePair<long, FigureValue>(g.Key, Compute(g.ToList(), query.Measure)))
            .Where(kv => kv.Value.Value > 0)
            .OrderByDescending(kv => kv.Value.Value).ThenBy(kv => kv.Key)
            .Take(count).ToList();
    }

    public FigureValue Total(FigureQuery query)
    {
        FigureRules.Validate(query);
        return Compute(Matching(query).ToList(), query.Measure);
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by)
    {
        FigureRules.Validate(query);
        var groups = Matching(query)
            .GroupBy(r => KeyOf(r, by), StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, FigureValue>(g.Key, Compute(g.ToList(), query.Measure)));
        return FigureRules.Order(groups, by);
    }

    private IEnumerable<SupportRecord> Matching(FigureQuery q) =>
        store.Records.All().Where(r =>
            (q.ActivityId is null || r.ActivityId == q.ActivityId)
            && r.Date >= q.From && r.Date <= q.To
            && (q.ProvinceIds is null || q.ProvinceIds.Contains(r.ProvinceId))
            && (q.Status is null || r.Status == q.Status)
            && (q.Source is null || FundingSources.Of(r.FundingSource) == q.Source));

    private string KeyOf(SupportRecord r, BreakdownBy by) => by switch
    {
        BreakdownBy.Province => catalogue.CurrentOf(r.ProvinceId)?.Id ?? r.ProvinceId,
        BreakdownBy.RecordedProvince => r.ProvinceId,
        BreakdownBy.Activity => r.ActivityId,
        BreakdownBy.Month => FigureRules.MonthKey(r.Date.Year, r.Date.Month),
        BreakdownBy.Year => FigureRules.YearKey(r.Date.Year),
        BreakdownBy.Quarter => FigureRules.QuarterKey(r.Date.Year, (r.Date.Month + 2) / 3),
        BreakdownBy.Source => FundingSources.Key(FundingSources.Of(r.FundingSource)),
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static FigureValue Compute(List<SupportRecord> records, string measure) =>
        new(Measure(records, measure), Measure(records.Where(r => r.Status == RecordStatus.Estimate).ToList(), measure), records.Count);

    /// <summary>A measure over records, as every figure counts it (the report workbook uses the same rules).</summary>
    internal static decimal Measure(IReadOnlyList<SupportRecord> records, string measure) => measure switch
    {
        Measures.Facilities => records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count(),
        Measures.Participations or Measures.Projects => records.Count,
        Measures.Booths => records.Sum(r => (decimal)r.Booths),
        Measures.Revenue => records.Sum(r => (decimal)r.RevenueVnd),
        Measures.Funding => records.Sum(r => (decimal)r.FundingVnd),
        _ => throw new ArgumentException($"Unknown measure '{measure}'.", nameof(measure)),
    };
}
