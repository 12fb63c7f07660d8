using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Where the records of one facility are: one (activity number, month) bucket per record, packed in an int (activity in the
/// high 15 bits, month number in the low 17: any year up to 9999), in an unsorted array of exactly that many (a facility has a
/// handful of records; an array per facility and no object around it: 120.000 facilities, 1.000.000 records took 11.3 MB as
/// objects with spare room, 7 MB so).
/// </summary>
internal static class FacilityRecords
{
    public static int Pack(int activity, int month) => (activity << 17) | month;

    public static (int Activity, int Month) Unpack(int place) => (place >>> 17, place & 0x1FFFF);

    /// <summary>The buckets holding this facility's records, each once.</summary>
    public static int[] DistinctPlaces(int[] places)
    {
        var copy = places.ToArray();
        Array.Sort(copy);
        var n = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            if (n == 0 || copy[i] != copy[n - 1])
            {
                copy[n++] = copy[i];
            }
        }
        return copy[..n];
    }

    /// <summary>The places with one more record in this bucket.</summary>
    public static int[] With(int[] places, int place) => [.. places, place];

    /// <summary>The places with one record in this bucket forgotten (another record of the facility may still be there).</summary>
    public static int[] Without(int[] places, int place)
    {
        var i = Array.IndexOf(places, place);
        return i < 0 ? places : [.. places.AsSpan(0, i), .. places.AsSpan(i + 1)];
    }
}

/// <summary>One facility's history from the index: the buckets its records are in, read for its entries.</summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s read lock.</remarks>
internal sealed class FacilityHistory(IndexedRecords index)
{
    /// <summary>See <see cref="IFacilityFigures.RecordsOf"/>.</summary>
    public IReadOnlyList<FacilityRecordRow> RecordsOf(long facilityId)
    {
        if (!index.TryFacility(facilityId, out var f))
        {
            return [];
        }
        var rows = new List<FacilityRecordRow>();
        foreach (var place in FacilityRecords.DistinctPlaces(index.FacilityPlaces[f]))
        {
            var (a, month) = FacilityRecords.Unpack(place);
            if (index.Series[a].Get(month) is not { } bucket)
            {
                continue;
            }
            foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
            {
                if (e.Facility == f)
                {
                    var (kcqg, kcdp, counterpart, other) = bucket.PartsOf(e);
                    rows.Add(new FacilityRecordRow(e.Id, DateOnly.FromDayNumber(e.Day), index.ActivityIds[a], index.UnitIds[e.Unit], e.Booths, e.Revenue, e.Funding,
                        (kcqg | kcdp | counterpart | other) == 0 ? null : new Funding.FundingSplit(kcqg, kcdp, counterpart, other),
                        e.Sources, e.Estimate ? RecordStatus.Estimate : RecordStatus.Actual));
                }
            }
        }
        rows.Sort((x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Id.CompareTo(y.Id));
        return rows;
    }
}
