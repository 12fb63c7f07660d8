using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Where the records of one facility are: one (activity number, month) bucket per record, packed in an int (activity in the
/// high 15 bits, month number in the low 17: any year up to 9999); a small unsorted list (a facility has a handful of records).
/// </summary>
internal sealed class FacilityRecords
{
    private int[] _places = [];
    private int _count;

    public static int Pack(int activity, int month) => (activity << 17) | month;

    public static (int Activity, int Month) Unpack(int place) => (place >>> 17, place & 0x1FFFF);

    /// <summary>The buckets holding this facility's records, each once.</summary>
    public int[] DistinctPlaces()
    {
        var copy = _places.AsSpan(0, _count).ToArray();
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

    public void Add(int place)
    {
        if (_count == _places.Length)
        {
            Array.Resize(ref _places, Math.Max(2, _places.Length * 2));
        }
        _places[_count++] = place;
    }

    /// <summary>Forgets one record in this bucket (another record of the facility may still be there).</summary>
    public void Remove(int place)
    {
        var i = Array.IndexOf(_places, place, 0, _count);
        if (i >= 0)
        {
            _places[i] = _places[--_count];
        }
    }

    public void TrimExcess()
    {
        if (_places.Length > _count)
        {
            Array.Resize(ref _places, _count);
        }
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
        foreach (var place in index.FacilityPlaces[f].DistinctPlaces())
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
                    rows.Add(new FacilityRecordRow(e.Id, DateOnly.FromDayNumber(e.Day), index.ActivityIds[a], index.UnitIds[e.Unit], e.Booths, e.Revenue, e.Funding,
                        (e.Kcqg | e.Kcdp | e.Counterpart | e.Other) == 0 ? null : new Funding.FundingSplit(e.Kcqg, e.Kcdp, e.Counterpart, e.Other),
                        e.Sources, e.Estimate ? RecordStatus.Estimate : RecordStatus.Actual));
                }
            }
        }
        rows.Sort((x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Id.CompareTo(y.Id));
        return rows;
    }
}
