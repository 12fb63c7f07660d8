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
        var total = new long[n];
        var estimate = new long[n];
        var records = new int[n];
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
                    Accumulate(bucket, q, kind, source, mask, total, estimate, records);
                }
            }
        }
        var best = new PriorityQueue<int, (long Value, long Id)>(Comparer<(long Value, long Id)>.Create((x, y) =>
            x.Value != y.Value ? x.Value.CompareTo(y.Value) : y.Id.CompareTo(x.Id)));
        for (var f = 0; f < n; f++)
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
            result.Add(new(_facilityIds[f], new FigureValue(total[f], estimate[f], records[f])));
        }
        result.Reverse();
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(MonthBucket bucket, FigureQuery q, MeasureKind kind, int source, bool[]? mask, long[] total, long[] estimate, int[] records)
    {
        var fromDay = q.From.DayNumber;
        var toDay = q.To.DayNumber;
        foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
        {
            if (e.Facility < 0 || e.Day < fromDay || e.Day > toDay || (source >= 0 && e.Source != source)
                || (q.Status is { } st && e.Estimate != (st == RecordStatus.Estimate))
                || (mask is not null && !mask[e.Unit]))
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
            total[e.Facility] += v;
            records[e.Facility]++;
            if (e.Estimate)
            {
                estimate[e.Facility] += v;
            }
        }
    }
}
