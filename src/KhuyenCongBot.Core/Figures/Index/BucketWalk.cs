using System.Runtime.CompilerServices;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The state of one question's walk over the index's buckets: whole months add their sums (or merge their facility sets), the edges are scanned.</summary>
/// <param name="mask">Per recorded unit, whether the question keeps it (null: every unit); <paramref name="selected"/> lists the kept ones.</param>
/// <param name="facilities">Per dense facility number, whether a beneficiary filter keeps it (null: no such filter).</param>
internal readonly struct BucketWalk(IndexedRecords index, FigureQuery q, BreakdownBy? by, MeasureKind kind, bool[]? mask, int[]? selected, FigureAccumulator acc, int firstMonth,
    bool[]? facilities)
{
    private readonly int _fromDay = q.From.DayNumber;
    private readonly int _toDay = q.To.DayNumber;

    public void Bucket(int activity, int month)
    {
        if (index.Series[activity].Get(month) is not { Count: > 0 } bucket)
        {
            return;
        }
        // A beneficiary filter keeps some facilities' records: the bucket's sums do not know them apart.
        var whole = IndexedRecords.FirstDay(month) >= _fromDay && IndexedRecords.LastDay(month) <= _toDay && facilities is null;
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

    private int GroupOfUnit(int u) => by == BreakdownBy.Province ? index.UnitGroup[u] : u;

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
            if (facilities is not null && (e.Facility < 0 || e.Facility >= facilities.Length || !facilities[e.Facility]))
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
                        Count(bucket, e, c, c, all, est);
                    }
                }
                continue;
            }
            Count(bucket, e, fixedGroup >= 0 ? fixedGroup : GroupOfUnit(e.Unit), source, all, est);
        }
    }

    /// <summary>Adds one entry to a group; <paramref name="code"/> is the source whose part is its funding (-1: the support total).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(MonthBucket bucket, in IndexEntry e, int g, int code, DistinctMarks all, DistinctMarks est)
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
            case MeasureKind.Funding: v = code >= 0 ? bucket.FundingUnder(e, code) : e.Funding; break;
            case MeasureKind.Trainees: v = Math.Max(e.Trainees, 0); break;
            case MeasureKind.NoTrainees: v = e.Trainees < 0 ? 1 : 0; break;
            default: v = 1; break;
        }
        acc.Total[g] += v;
        if (e.Estimate)
        {
            acc.Estimate[g] += v;
        }
    }
}
