using System.Runtime.CompilerServices;
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

public sealed partial class FiguresIndex
{
    public IReadOnlyList<FacilityRecordRow> RecordsOf(long facilityId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_facilityIndex.TryGetValue(facilityId, out var f))
            {
                return [];
            }
            var rows = new List<FacilityRecordRow>();
            foreach (var place in _facilityRecords[f].DistinctPlaces())
            {
                var (a, month) = FacilityRecords.Unpack(place);
                if (_series[a].Get(month) is not { } bucket)
                {
                    continue;
                }
                foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
                {
                    if (e.Facility == f)
                    {
                        rows.Add(new FacilityRecordRow(e.Id, DateOnly.FromDayNumber(e.Day), _activityIds[a], _unitIds[e.Unit], e.Booths, e.Revenue, e.Funding,
                            (e.Kcqg | e.Kcdp | e.Counterpart | e.Other) == 0 ? null : new Funding.FundingSplit(e.Kcqg, e.Kcdp, e.Counterpart, e.Other),
                            e.Sources, e.Estimate ? RecordStatus.Estimate : RecordStatus.Actual));
                    }
                }
            }
            rows.Sort((x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Id.CompareTo(y.Id));
            return rows;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count)
    {
        FigureRules.Validate(query);
        if (!FigureRules.IsAdditive(query.Measure))
        {
            throw new ArgumentException("Top facilities need an additive measure.", nameof(query));
        }
        _lock.EnterReadLock();
        try
        {
            // A whole year without filters: the year's longest list, built by the first such question and dropped by a change in that year.
            if (count <= TopKept && query.ProvinceIds is null && query.Source is null && query.Status is null && WholeYears(query, out var y, out var last) && y == last)
            {
                var activity = query.ActivityId is null ? -1 : _activityIndex.GetValueOrDefault(query.ActivityId, -2);
                if (activity == -2)
                {
                    return [];
                }
                var kept = CacheOf(y).Top.GetOrAdd((activity, KindOf(query.Measure)), _ => Top(query, TopKept));
                return kept.GetRange(0, Math.Min(count, kept.Count));
            }
            return Top(query, count);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private List<KeyValuePair<long, FigureValue>> Top(FigureQuery q, int count)
    {
        var n = _facilityIndex.Count;
        // Per-thread scratch sized for every facility, cleared only where a question wrote (no large allocation per question).
        var scratch = TopScratch.For(n);
        var (total, estimate, records, touched) = (scratch.Total, scratch.Estimate, scratch.Records, scratch.Touched);
        var kind = KindOf(q.Measure);
        var from = Math.Max(MonthOf(q.From), _minMonth);
        var to = Math.Min(MonthOf(q.To), _maxMonth);
        var source = q.Source is { } s ? FundingSources.Code(s) : -1;
        bool[]? mask = q.ProvinceIds is { } ids ? _unitIds.Select(ids.Contains).ToArray() : null;
        for (var a = 0; a < _series.Count; a++)
        {
            if (q.ActivityId is not null && _activityIds[a] != q.ActivityId)
            {
                continue;
            }
            for (var m = from; m <= to; m++)
            {
                if (_series[a].Get(m) is { Count: > 0 } bucket)
                {
                    Accumulate(bucket, q, kind, source, mask, total, estimate, records, touched);
                }
            }
        }
        var best = new PriorityQueue<int, (long Value, long Id)>(Comparer<(long Value, long Id)>.Create((x, y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Id.CompareTo(x.Id)));
        foreach (var f in touched)
        {
            if (total[f] <= 0)
            {
                continue;
            }
            best.Enqueue(f, (total[f], _facilityIds[f]));
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }
        var result = new List<KeyValuePair<long, FigureValue>>(best.Count);
        while (best.TryDequeue(out var f, out _))
        {
            result.Add(new(_facilityIds[f], new FigureValue(total[f], estimate[f], (int)records[f])));
        }
        result.Reverse();
        foreach (var f in touched)
        {
            total[f] = estimate[f] = records[f] = 0;
        }
        touched.Clear();
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(MonthBucket bucket, FigureQuery q, MeasureKind kind, int source, bool[]? mask, long[] total, long[] estimate, long[] records, List<int> touched)
    {
        var fromDay = q.From.DayNumber;
        var toDay = q.To.DayNumber;
        foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
        {
            if (e.Facility < 0 || e.Day < fromDay || e.Day > toDay || (source >= 0 && !e.Under(source))
                || (q.Status is { } st && e.Estimate != (st == RecordStatus.Estimate))
                || (mask is not null && !mask[e.Unit]))
            {
                continue;
            }
            long v = kind switch
            {
                MeasureKind.Booths => e.Booths,
                MeasureKind.Revenue => e.Revenue,
                MeasureKind.Funding => source >= 0 ? e.FundingUnder(source) : e.Funding,
                _ => 1,
            };
            if (records[e.Facility]++ == 0)
            {
                touched.Add(e.Facility);
            }
            total[e.Facility] += v;
            if (e.Estimate)
            {
                estimate[e.Facility] += v;
            }
        }
    }
}

/// <summary>Per-thread sums per facility for top-facility questions.</summary>
internal sealed class TopScratch
{
    [ThreadStatic] private static TopScratch? _current;

    public long[] Total = [];
    public long[] Estimate = [];
    public long[] Records = [];
    public readonly List<int> Touched = [];

    public static TopScratch For(int facilities)
    {
        var s = _current ??= new TopScratch();
        if (s.Total.Length < facilities)
        {
            var size = Math.Max(facilities, s.Total.Length * 2);
            (s.Total, s.Estimate, s.Records) = (new long[size], new long[size], new long[size]);
        }
        return s;
    }
}
