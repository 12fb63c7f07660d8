namespace KhuyenCongBot.Core.Figures;

/// <summary>Figures per facility: one facility's records, and the facilities with the largest figures.</summary>
public interface IFacilityFigures
{
    /// <summary>Ids of every record of one facility (any date, activity or province), in increasing order.</summary>
    IReadOnlyList<long> RecordIdsOf(long facilityId);

    /// <summary>
    /// The facilities with the largest value of an additive measure (not distinct facilities) over the query's records,
    /// largest first, ties by facility id; only facilities with a value above zero; at most <paramref name="count"/>.
    /// </summary>
    IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count);
}
