using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The plain reference: reads every record from the store for each question (slow, obviously correct).</summary>
public sealed class ScanFigureSource(IBotStore store, CatalogueIndex catalogue) : IFigureSource, IFacilityFigures, IEnteredFigures
{
    public IReadOnlyList<FacilityRecordRow> RecordsOf(long facilityId) =>
        store.Records.All().Where(r => r.FacilityId == facilityId).OrderBy(r => r.Date).ThenBy(r => r.Id)
            .Select(r => new FacilityRecordRow(r.Id, r.Date, r.ActivityId, r.ProvinceId, r.Booths, r.RevenueVnd, r.FundingVnd,
                RecordFunding.SplitOf(r) is { IsZero: false } split ? split : null, RecordFunding.Mask(r), r.Status))
            .ToList();

    public IReadOnlyList<KeyValuePair<string, int>> EnteredByActivity(long? creatorId, IReadOnlySet<string>? provinceIds, DateTimeOffset from, DateTimeOffset to) =>
        store.Records.All()
            .Where(r => (creatorId is null || r.CreatedByUserId == creatorId) && (provinceIds is null || provinceIds.Contains(r.ProvinceId))
                && r.CreatedAt >= from && r.CreatedAt < to)
            .GroupBy(r => r.ActivityId, StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    public IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count)
    {
        FigureRules.Validate(query);
        if (!FigureRules.IsAdditive(query.Measure))
        {
            throw new ArgumentException("Top facilities need an additive measure.", nameof(query));
        }
        return Matching(query).Where(r => r.FacilityId is not null)
            .GroupBy(r => r.FacilityId!.Value)
            .Select(g => new KeyValuePair<long, FigureValue>(g.Key, Compute(g.ToList(), query.Measure, FundingOf(query.Source))))
            .Where(kv => kv.Value.Value > 0)
            .OrderByDescending(kv => kv.Value.Value).ThenBy(kv => kv.Key)
            .Take(count).ToList();
    }

    public FigureValue Total(FigureQuery query)
    {
        FigureRules.Validate(query);
        return Compute(Matching(query).ToList(), query.Measure, FundingOf(query.Source));
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by)
    {
        FigureRules.Validate(query);
        if (by == BreakdownBy.Source)
        {
            // A record funded by several sources counts in each of them (its funding: that source's part).
            var bySource = Matching(query)
                .SelectMany(r => SourcesOf(r).Select(s => (Source: s, Record: r)))
                .Where(x => query.Source is null || x.Source == query.Source)
                .GroupBy(x => x.Source)
                .Select(g => new KeyValuePair<string, FigureValue>(FundingSources.Key(g.Key), Compute(g.Select(x => x.Record).ToList(), query.Measure, FundingOf(g.Key))));
            return FigureRules.Order(bySource, by);
        }
        var groups = Matching(query)
            .GroupBy(r => KeyOf(r, by), StringComparer.Ordinal)
            .Select(g => new KeyValuePair<string, FigureValue>(g.Key, Compute(g.ToList(), query.Measure, FundingOf(query.Source))));
        return FigureRules.Order(groups, by);
    }

    private IEnumerable<SupportRecord> Matching(FigureQuery q) =>
        store.Records.All().Where(r =>
            (q.ActivityId is null || r.ActivityId == q.ActivityId)
            && FigureRules.Counts(catalogue, q, r.ActivityId)
            && r.Date >= q.From && r.Date <= q.To
            && (q.ProvinceIds is null || q.ProvinceIds.Contains(r.ProvinceId))
            && (q.Status is null || r.Status == q.Status)
            && (q.Source is null || RecordFunding.Has(r, q.Source.Value))
            && (q.Beneficiary is null || (r.FacilityId is { } f && BeneficiaryFilter.Matches(store.Facilities.Get(f), q.Beneficiary))));

    /// <summary>The sources that funded a record; a single null when none did.</summary>
    private static IEnumerable<FundingSource?> SourcesOf(SupportRecord r)
    {
        var sources = FundingSources.All.Where(s => RecordFunding.Has(r, s)).Select(s => (FundingSource?)s).ToList();
        return sources.Count == 0 ? [null] : sources;
    }

    /// <summary>The funding a record adds: its part of the source asked, or its support total (no source, or none recorded).</summary>
    private static Func<SupportRecord, long> FundingOf(FundingSource? source) =>
        source is { } s ? r => RecordFunding.Amount(r, s) : r => r.FundingVnd;

    private string KeyOf(SupportRecord r, BreakdownBy by) => by switch
    {
        BreakdownBy.Province => catalogue.CurrentOf(r.ProvinceId)?.Id ?? r.ProvinceId,
        BreakdownBy.RecordedProvince => r.ProvinceId,
        BreakdownBy.Activity => r.ActivityId,
        BreakdownBy.Month => FigureRules.MonthKey(r.Date.Year, r.Date.Month),
        BreakdownBy.Year => FigureRules.YearKey(r.Date.Year),
        BreakdownBy.Quarter => FigureRules.QuarterKey(r.Date.Year, (r.Date.Month + 2) / 3),
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static FigureValue Compute(List<SupportRecord> records, string measure, Func<SupportRecord, long> funding) =>
        new(Measure(records, measure, funding), Measure(records.Where(r => r.Status == RecordStatus.Estimate).ToList(), measure, funding), records.Count);

    /// <summary>A measure over records, as every figure counts it (the report workbook uses the same rules).</summary>
    internal static decimal Measure(IReadOnlyList<SupportRecord> records, string measure, Func<SupportRecord, long> funding) => measure switch
    {
        Measures.Facilities => records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count(),
        Measures.Participations or Measures.Projects => records.Count,
        Measures.Booths => records.Sum(r => (decimal)r.Booths),
        Measures.Revenue => records.Sum(r => (decimal)r.RevenueVnd),
        Measures.Funding => records.Sum(r => (decimal)funding(r)),
        Measures.Trainees => records.Sum(r => (decimal)(Reports.ReportWorkbook.Trainees(r) ?? 0)),
        Measures.TraineesUnknown => records.Count(r => Reports.ReportWorkbook.Trainees(r) is null),
        _ => throw new ArgumentException($"Unknown measure '{measure}'.", nameof(measure)),
    };
}
