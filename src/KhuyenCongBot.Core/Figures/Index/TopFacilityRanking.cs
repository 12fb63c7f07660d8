using System.Runtime.CompilerServices;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The facilities with the largest sums of a measure: a whole year without filters from the year's kept list, else summed per facility.</summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s read lock, the query already validated.</remarks>
internal sealed class TopFacilityRanking(IndexedRecords index, YearSets years, BeneficiaryMasks beneficiaries)
{
    /// <summary>See <see cref="IFacilityFigures.TopFacilities"/>.</summary>
    public IReadOnlyList<KeyValuePair<long, FigureValue>> TopFacilities(FigureQuery query, int count)
    {
        // A whole year without filters: the year's longest list, built by the first such question and dropped by a change in that year.
        if (count <= YearSets.TopKept && query.ProvinceIds is null && query.Source is null && query.Status is null && query.Beneficiary is null
            && YearSets.WholeYears(query, out var y, out var last) && y == last)
        {
            var activity = query.ActivityId is null ? -1 : index.TryActivity(query.ActivityId, out var a) ? a : -2;
            if (activity == -2)
            {
                return [];
            }
            // Participations of every activity leave out the activities without facilities: not the same list as the projects' count.
            var key = activity == -1 && query.Measure == Measures.Participations ? -3 : activity;
            var kept = years.CacheOf(y).Top.GetOrAdd((key, IndexQueries.KindOf(query.Measure)), _ => Top(query, YearSets.TopKept));
            return kept.GetRange(0, Math.Min(count, kept.Count));
        }
        return Top(query, count);
    }

    private List<KeyValuePair<long, FigureValue>> Top(FigureQuery q, int count)
    {
        var n = index.Facilities;
        // Per-thread scratch sized for every facility, cleared only where a question wrote (no large allocation per question).
        var scratch = TopScratch.For(n);
        var (total, estimate, records, touched) = (scratch.Total, scratch.Estimate, scratch.Records, scratch.Touched);
        var kind = IndexQueries.KindOf(q.Measure);
        var from = Math.Max(IndexedRecords.MonthOf(q.From), index.MinMonth);
        var to = Math.Min(IndexedRecords.MonthOf(q.To), index.MaxMonth);
        var source = q.Source is { } s ? FundingSources.Code(s) : -1;
        bool[]? mask = q.ProvinceIds is { } ids ? index.UnitMask(ids) : null;
        var kept = q.Beneficiary is { } beneficiary ? beneficiaries.Kept(beneficiary) : null;
        for (var a = 0; a < index.Series.Count; a++)
        {
            if ((q.ActivityId is not null && index.ActivityIds[a] != q.ActivityId) || !FigureRules.Counts(index.Catalogue, q, index.ActivityIds[a]))
            {
                continue;
            }
            for (var m = from; m <= to; m++)
            {
                if (index.Series[a].Get(m) is { Count: > 0 } bucket)
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
            best.Enqueue(f, (total[f], index.FacilityIds[f]));
            if (best.Count > count)
            {
                best.Dequeue();
            }
        }
        var result = new List<KeyValuePair<long, FigureValue>>(best.Count);
        while (best.TryDequeue(out var f, out _))
        {
            result.Add(new(index.FacilityIds[f], new FigureValue(total[f], estimate[f], (int)records[f])));
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
            if (e.Facility < 0 || e.Day < fromDay || e.Day > toDay || (source >= 0 && !e.Under(source))
                || (q.Status is { } st && e.Estimate != (st == RecordStatus.Estimate))
                || (mask is not null && !mask[e.Unit]) || (kept is not null && (e.Facility >= kept.Length || !kept[e.Facility])))
            {
                continue;
            }
            long v = kind switch
            {
                MeasureKind.Booths => e.Booths,
                MeasureKind.Revenue => e.Revenue,
                MeasureKind.Funding => source >= 0 ? bucket.FundingUnder(e, source) : e.Funding,
                MeasureKind.Trainees => Math.Max(e.Trainees, 0),
                MeasureKind.NoTrainees => e.Trainees < 0 ? 1 : 0,
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
