using System.Runtime.CompilerServices;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

public sealed partial class FiguresIndex
{
    public FigureValue Total(FigureQuery query)
    {
        FigureRules.Validate(query);
        _lock.EnterReadLock();
        try
        {
            var acc = Compute(query, null, out _);
            return acc.Records.Length == 0 ? default : acc.Value(0);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by)
    {
        FigureRules.Validate(query);
        _lock.EnterReadLock();
        try
        {
            var acc = Compute(query, by, out var firstMonth);
            var groups = new List<KeyValuePair<string, FigureValue>>();
            for (var g = 0; g < acc.Records.Length; g++)
            {
                if (acc.Records[g] > 0)
                {
                    groups.Add(new(KeyOf(by, g, firstMonth), acc.Value(g)));
                }
            }
            return FigureRules.Order(groups, by);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private string KeyOf(BreakdownBy by, int group, int firstMonth) => by switch
    {
        BreakdownBy.Province => _groupIds[group],
        BreakdownBy.RecordedProvince => _unitIds[group],
        BreakdownBy.Activity => _activityIds[group],
        BreakdownBy.Month => FigureRules.MonthKey((firstMonth + group) / 12, (firstMonth + group) % 12 + 1),
        BreakdownBy.Year => FigureRules.YearKey(firstMonth / 12 + group),
        BreakdownBy.Quarter => FigureRules.QuarterKey((firstMonth / 3 + group) / 4, (firstMonth / 3 + group) % 4 + 1),
        BreakdownBy.Source => FundingSources.KeyOfCode((byte)group),
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    private static MeasureKind KindOf(string measure) => measure switch
    {
        Measures.Facilities => MeasureKind.Facilities,
        Measures.Booths => MeasureKind.Booths,
        Measures.Revenue => MeasureKind.Revenue,
        Measures.Funding => MeasureKind.Funding,
        _ => MeasureKind.Count,
    };

    /// <summary>Per-group results of one question.</summary>
    private readonly struct Accumulator(int groups, RecordStatus? status)
    {
        public readonly long[] Total = new long[groups];
        public readonly long[] Estimate = new long[groups];
        public readonly long[] Records = new long[groups];

        public FigureValue Value(int g) => new(Total[g], Estimate[g], checked((int)Records[g]));

        /// <summary>Adds bucket sums, applying the status filter.</summary>
        public void AddSums(int g, in Sums sums, MeasureKind kind)
        {
            var (total, estimate) = sums.Of(kind);
            switch (status)
            {
                case RecordStatus.Estimate:
                    Total[g] += estimate;
                    Estimate[g] += estimate;
                    Records[g] += sums.EstCount;
                    break;
                case RecordStatus.Actual:
                    Total[g] += total - estimate;
                    Records[g] += sums.Count - sums.EstCount;
                    break;
                default:
                    Total[g] += total;
                    Estimate[g] += estimate;
                    Records[g] += sums.Count;
                    break;
            }
        }
    }

    /// <summary>Walks the buckets of the question's activities and months; fills one accumulator slot per group.</summary>
    private Accumulator Compute(FigureQuery q, BreakdownBy? by, out int firstMonth)
    {
        var kind = KindOf(q.Measure);
        var from = Math.Max(MonthOf(q.From), _minMonth);
        var to = Math.Min(MonthOf(q.To), _maxMonth);
        firstMonth = from;
        int[] activities;
        if (q.ActivityId is null)
        {
            activities = Enumerable.Range(0, _series.Count).ToArray();
        }
        else
        {
            activities = _activityIndex.TryGetValue(q.ActivityId, out var a) ? [a] : [];
        }

        bool[]? mask = null;
        int[]? selected = null;
        if (q.ProvinceIds is { } ids)
        {
            mask = new bool[_unitIds.Count];
            var list = new List<int>();
            for (var u = 0; u < _unitIds.Count; u++)
            {
                if (ids.Contains(_unitIds[u]))
                {
                    mask[u] = true;
                    list.Add(u);
                }
            }
            selected = [.. list];
            if (selected.Length == 0)
            {
                activities = [];
            }
        }

        var groups = by switch
        {
            null => 1,
            BreakdownBy.Province => _groupIds.Count,
            BreakdownBy.RecordedProvince => _unitIds.Count,
            BreakdownBy.Activity => _activityIds.Count,
            BreakdownBy.Year => to < from ? 0 : to / 12 - from / 12 + 1,
            BreakdownBy.Quarter => to < from ? 0 : to / 3 - from / 3 + 1,
            BreakdownBy.Source => FundingSources.Codes,
            _ => Math.Max(0, to - from + 1),
        };
        var acc = new Accumulator(groups, q.Status);
        if (from > to || q.From > q.To || activities.Length == 0)
        {
            return acc;
        }

        if (kind == MeasureKind.Facilities && TryYears(q, by, activities, mask, from, acc))
        {
            return acc;
        }
        var walk = new Walk(this, q, by, kind, mask, selected, acc, from);
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        all.Reset(_facilityIndex.Count);
        est.Reset(_facilityIndex.Count);
        if (by is { } chrono && FigureRules.IsChronological(chrono))
        {
            for (var m = from; m <= to; m++)
            {
                // Months (quarters, years) are separate groups: forgetting the marks at each one keeps the overflow set empty.
                if (by == BreakdownBy.Month || m == from || (by == BreakdownBy.Quarter ? m % 3 : m % 12) == 0)
                {
                    all.Reset(_facilityIndex.Count);
                    est.Reset(_facilityIndex.Count);
                }
                foreach (var a in activities)
                {
                    walk.Bucket(a, m);
                }
            }
        }
        else
        {
            foreach (var a in activities)
            {
                if (by == BreakdownBy.Activity)
                {
                    all.Reset(_facilityIndex.Count);
                    est.Reset(_facilityIndex.Count);
                }
                for (var m = from; m <= to; m++)
                {
                    walk.Bucket(a, m);
                }
            }
        }
        return acc;
    }

    /// <summary>The state of one question's walk over the buckets.</summary>
    private readonly struct Walk(FiguresIndex index, FigureQuery q, BreakdownBy? by, MeasureKind kind, bool[]? mask, int[]? selected, Accumulator acc, int firstMonth)
    {
        private readonly int _fromDay = q.From.DayNumber;
        private readonly int _toDay = q.To.DayNumber;

        public void Bucket(int activity, int month)
        {
            if (index._series[activity].Get(month) is not { Count: > 0 } bucket)
            {
                return;
            }
            var whole = FirstDay(month) >= _fromDay && LastDay(month) <= _toDay;
            var fixedGroup = by switch
            {
                null => 0,
                BreakdownBy.Activity => activity,
                BreakdownBy.Month => month - firstMonth,
                BreakdownBy.Year => month / 12 - firstMonth / 12,
                BreakdownBy.Quarter => month / 3 - firstMonth / 3,
                _ => -1,
            };
            if (!whole)
            {
                Scan(bucket, fixedGroup);
            }
            else if (kind == MeasureKind.Facilities)
            {
                if (fixedGroup >= 0 && mask is null && q.Source is null)
                {
                    MergeFacilities(bucket, fixedGroup);
                }
                else
                {
                    Scan(bucket, fixedGroup);
                }
            }
            else if (q.Source is { } source)
            {
                // A source filter: the bucket's sums of that source, unless provinces are asked (then the records).
                if (fixedGroup >= 0 && selected is null)
                {
                    acc.AddSums(fixedGroup, bucket.BySource[FundingSources.Code(source)], kind);
                }
                else
                {
                    Scan(bucket, fixedGroup);
                }
            }
            else if (by == BreakdownBy.Source)
            {
                if (selected is null)
                {
                    for (var c = 0; c < FundingSources.Codes; c++)
                    {
                        acc.AddSums(c, bucket.BySource[c], kind);
                    }
                }
                else
                {
                    Scan(bucket, fixedGroup);
                }
            }
            else
            {
                AddSums(bucket, fixedGroup);
            }
        }

        /// <summary>A whole month's distinct facilities from the bucket's sorted sets (built once, under the read lock).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void MergeFacilities(MonthBucket bucket, int g)
        {
            var sets = Volatile.Read(ref bucket.Facilities);
            if (sets is null)
            {
                sets = FacilitySets.Of(bucket);
                Volatile.Write(ref bucket.Facilities, sets);
            }
            var all = DistinctMarks.All;
            var est = DistinctMarks.Estimates;
            var (counted, records) = q.Status switch
            {
                RecordStatus.Estimate => (sets.Estimates, bucket.Total.EstCount),
                RecordStatus.Actual => (sets.Actuals, bucket.Total.Count - bucket.Total.EstCount),
                _ => (sets.All, bucket.Total.Count),
            };
            acc.Records[g] += records;
            foreach (var f in counted)
            {
                if (all.Mark(f, g))
                {
                    acc.Total[g]++;
                }
            }
            if (q.Status != RecordStatus.Actual)
            {
                foreach (var f in sets.Estimates)
                {
                    if (est.Mark(f, g))
                    {
                        acc.Estimate[g]++;
                    }
                }
            }
        }

        // Hot loops are compiled fully optimized at once: the first questions after a start should be fast too.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void AddSums(MonthBucket bucket, int fixedGroup)
        {
            if (fixedGroup >= 0 && selected is null)
            {
                acc.AddSums(fixedGroup, bucket.Total, kind);
                return;
            }
            var byUnit = bucket.ByUnit;
            if (selected is null)
            {
                for (var u = 0; u < byUnit.Length; u++)
                {
                    if (byUnit[u].Count == 0)
                    {
                        continue; // also the spare slots beyond the known units
                    }
                    acc.AddSums(GroupOfUnit(u), byUnit[u], kind);
                }
                return;
            }
            foreach (var u in selected)
            {
                if (u < byUnit.Length)
                {
                    acc.AddSums(fixedGroup >= 0 ? fixedGroup : GroupOfUnit(u), byUnit[u], kind);
                }
            }
        }

        private int GroupOfUnit(int u) => by == BreakdownBy.Province ? index._unitGroup[u] : u;


        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Scan(MonthBucket bucket, int fixedGroup)
        {
            var items = bucket.Items.AsSpan(0, bucket.Count);
            var status = q.Status;
            var source = q.Source is { } s0 ? FundingSources.Code(s0) : -1;
            var all = DistinctMarks.All;
            var est = DistinctMarks.Estimates;
            foreach (ref readonly var e in items)
            {
                if (e.Day < _fromDay || e.Day > _toDay || (mask is not null && !mask[e.Unit]))
                {
                    continue;
                }
                if ((status is { } s && e.Estimate != (s == RecordStatus.Estimate)) || (source >= 0 && !e.Under(source)))
                {
                    continue;
                }
                if (by == BreakdownBy.Source)
                {
                    // A record funded by several sources counts in each (its funding there: that source's part).
                    for (var c = 0; c < FundingSources.Codes; c++)
                    {
                        if (e.Under(c) && (source < 0 || c == source))
                        {
                            Count(e, c, c, all, est);
                        }
                    }
                    continue;
                }
                Count(e, fixedGroup >= 0 ? fixedGroup : GroupOfUnit(e.Unit), source, all, est);
            }
        }

        /// <summary>Adds one entry to a group; <paramref name="code"/> is the source whose part is its funding (-1: the support total).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Count(in IndexEntry e, int g, int code, DistinctMarks all, DistinctMarks est)
        {
            acc.Records[g]++;
            long v;
            switch (kind)
            {
                case MeasureKind.Facilities:
                    // A record without a facility (information, propaganda) is no facility.
                    if (e.Facility >= 0)
                    {
                        if (all.Mark(e.Facility, g))
                        {
                            acc.Total[g]++;
                        }
                        if (e.Estimate && est.Mark(e.Facility, g))
                        {
                            acc.Estimate[g]++;
                        }
                    }
                    return;
                case MeasureKind.Booths: v = e.Booths; break;
                case MeasureKind.Revenue: v = e.Revenue; break;
                case MeasureKind.Funding: v = code >= 0 ? e.FundingUnder(code) : e.Funding; break;
                default: v = 1; break;
            }
            acc.Total[g] += v;
            if (e.Estimate)
            {
                acc.Estimate[g] += v;
            }
        }
    }
}
