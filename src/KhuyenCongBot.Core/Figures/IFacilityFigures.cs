using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>One support record as a facility's history shows it.</summary>
/// <remarks><paramref name="Split"/>: the money by source (null when none is known); <paramref name="Sources"/>: bit (1 &lt;&lt; source) for each source that funded it.</remarks>
public sealed record FacilityRecordRow(
    long Id, DateOnly Date, string ActivityId, string ProvinceId, int Booths, long RevenueVnd, long FundingVnd, FundingSplit? Split, byte Sources, RecordStatus Status)
{
    /// <summary>Whether the source funded the record (as <see cref="RecordFunding.Has"/>).</summary>
    public bool Has(FundingSource source) => (Sources & (1 << (int)source)) != 0;
}

/// <summary>Figures per facility: one facility's records, and the facilities with the largest figures.</summary>
public interface IFacilityFigures
{
    /// <summary>Every record of one facility (any date, activity or province), by date then id.</summary>
    IReadOnlyList<FacilityRecordRow> RecordsOf(long facilityId);

    /// <summary>
    /// The facilities with the largest value of an additive measure (not distinct facilities) over the query's records,
    /// largest first, ties by facility id; only facilities with a value above zero; at most <paramref name="count"/>.
    /// </summary>
    IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count);
}
