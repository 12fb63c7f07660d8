using System.Runtime.CompilerServices;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The record ids of one facility: a small unsorted list (a facility has a handful of records).</summary>
internal sealed class FacilityRecords
{
    private long[] _ids = [];
    private int _count;

    public void Add(long id)
    {
        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(2, _ids.Length * 2));
        }
        _ids[_count++] = id;
    }

    public void Remove(long id)
    {
        var i = Array.IndexOf(_ids, id, 0, _count);
        if (i >= 0)
        {
            _ids[i] = _ids[--_count];
        }
    }

    public long[] ToSortedArray()
    {
        var copy = _ids.AsSpan(0, _count).ToArray();
        Array.Sort(copy);
        return copy;
    }
}

public sealed partial class FiguresIndex
{
    public IReadOnlyList<long> RecordIdsOf(long facilityId)
    {
        _lock.EnterReadLock();
        try
        {
            return _facilityIndex.TryGetValue(facilityId, out var f) ? _facilityRecords[f].ToSortedArray() : [];
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
        var kept = q.Beneficiary is { } beneficiary ? FacilitiesOf(beneficiary) : null;
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
                    Accumulate(bucket, q, kind, source, mask, kept, total, estimate, records, touched);
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
    private void Accumulate(MonthBucket bucket, FigureQuery q, MeasureKind kind, int source, bool[]? mask, bool[]? kept, long[] total, long[] estimate, long[] records, List<int> touched)
    {
        var fromDay = q.From.DayNumber;
        var toDay = q.To.DayNumber;
        foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
        {
            if (e.Facility < 0 || e.Day < fromDay || e.Day > toDay || (source >= 0 && e.Source != source)
                || (q.Status is { } st && e.Estimate != (st == RecordStatus.Estimate))
                || (mask is not null && !mask[e.Unit]) || (kept is not null && (e.Facility >= kept.Length || !kept[e.Facility])))
            {
                continue;
            }
            long v = kind switch
            {
                MeasureKind.Booths => e.Booths,
                MeasureKind.Revenue => e.Revenue,
                MeasureKind.Funding => e.Funding,
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
