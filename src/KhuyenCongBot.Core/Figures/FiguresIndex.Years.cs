using System.Collections.Concurrent;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>The distinct facilities of one activity (or all) in one calendar year: per recorded unit, per current province and in all.</summary>
internal sealed class YearFacilities
{
    /// <summary>Per unit, sorted distinct facility numbers: of all records, of estimates, of actuals.</summary>
    public required int[][] All, Estimates, Actuals;

    /// <summary>Per unit, records (with or without a facility) and estimate records.</summary>
    public required long[] Records, EstRecords;

    /// <summary>Distinct facilities per current province (former units in the one they merged into): all, estimates, actuals.</summary>
    public required int[] GroupAll, GroupEst, GroupAct;

    public required int TotalAll, TotalEst, TotalAct;

    public int Units => All.Length;
}

/// <summary>What the index keeps per calendar year, built by the first question that needs it and dropped by any change in that year.</summary>
internal sealed class YearCache
{
    /// <summary>Distinct facilities per activity number; key -1 for every activity.</summary>
    public readonly ConcurrentDictionary<int, YearFacilities> Facilities = new();

    /// <summary>The facilities with the largest sums, per (activity number or -1, measure kind): at most <see cref="FiguresIndex.TopKept"/>.</summary>
    public readonly ConcurrentDictionary<(int Activity, MeasureKind Kind), List<KeyValuePair<long, FigureValue>>> Top = new();
}

public sealed partial class FiguresIndex
{
    /// <summary>How many top facilities a year keeps for questions over the whole year (the most a question shows).</summary>
    internal const int TopKept = 50;

    private readonly ConcurrentDictionary<int, YearCache> _years = new();

    private void DropYearCaches(int year)
    {
        if (_years.ContainsKey(year))
        {
            _years.TryRemove(year, out _);
        }
    }

    private YearCache CacheOf(int year) => _years.GetOrAdd(year, _ => new YearCache());

    /// <summary>The whole calendar years a query covers exactly (1/1 to 31/12), or false.</summary>
    private static bool WholeYears(FigureQuery q, out int first, out int last)
    {
        first = q.From.Year;
        last = q.To.Year;
        return q.From <= q.To && q.From == new DateOnly(first, 1, 1) && q.To == new DateOnly(last, 12, 31);
    }

    /// <summary>Reads one year's distinct facilities (under the read lock: no writer runs meanwhile; two readers may both build, either result is the same).</summary>
    private YearFacilities YearFacilitiesOf(int activity, int year) =>
        CacheOf(year).Facilities.GetOrAdd(activity, a => BuildYear(a, year));

    private YearFacilities BuildYear(int activity, int year)
    {
        var units = _unitIds.Count;
        var all = new List<int>[units];
        var est = new List<int>[units];
        var act = new List<int>[units];
        var records = new long[units];
        var estRecords = new long[units];
        for (var u = 0; u < units; u++)
        {
            (all[u], est[u], act[u]) = ([], [], []);
        }
        for (var a = 0; a < _series.Count; a++)
        {
            if (activity >= 0 && a != activity)
            {
                continue;
            }
            for (var m = year * 12; m < year * 12 + 12; m++)
            {
                if (_series[a].Get(m) is not { } bucket)
                {
                    continue;
                }
                foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
                {
                    records[e.Unit]++;
                    if (e.Estimate)
                    {
                        estRecords[e.Unit]++;
                    }
                    if (e.Facility >= 0)
                    {
                        all[e.Unit].Add(e.Facility);
                        (e.Estimate ? est : act)[e.Unit].Add(e.Facility);
                    }
                }
            }
        }
        var (allSets, estSets, actSets) = (all.Select(Distinct).ToArray(), est.Select(Distinct).ToArray(), act.Select(Distinct).ToArray());
        return new YearFacilities
        {
            All = allSets, Estimates = estSets, Actuals = actSets, Records = records, EstRecords = estRecords,
            GroupAll = GroupCounts(allSets), GroupEst = GroupCounts(estSets), GroupAct = GroupCounts(actSets),
            TotalAll = DistinctCount(allSets), TotalEst = DistinctCount(estSets), TotalAct = DistinctCount(actSets),
        };
    }

    private int[] GroupCounts(int[][] perUnit)
    {
        var counts = new int[_groupIds.Count];
        for (var g = 0; g < counts.Length; g++)
        {
            counts[g] = DistinctCount(Enumerable.Range(0, perUnit.Length).Where(u => _unitGroup[u] == g).Select(u => perUnit[u]));
        }
        return counts;
    }

    private static int DistinctCount(IEnumerable<int[]> sets)
    {
        var merged = sets.SelectMany(s => s).ToList();
        return Distinct(merged).Length;
    }

    private static int[] Distinct(List<int> ids)
    {
        ids.Sort();
        var n = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (n == 0 || ids[i] != ids[n - 1])
            {
                ids[n++] = ids[i];
            }
        }
        return ids.GetRange(0, n).ToArray();
    }

    /// <summary>
    /// Distinct facilities over whole calendar years from the year sets: counts kept per year when one year is asked without
    /// a province filter, else the years' per-unit sets merged. False when the question is not one of whole years without a source.
    /// </summary>
    private bool TryYears(FigureQuery q, BreakdownBy? by, int[] activities, bool[]? mask, int firstMonth, Accumulator acc)
    {
        if (q.Source is not null || by is BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Source || !WholeYears(q, out var y1, out var y2))
        {
            return false;
        }
        y1 = Math.Max(y1, _minMonth / 12);
        y2 = Math.Min(y2, _maxMonth / 12);
        var perActivity = by == BreakdownBy.Activity || q.ActivityId is not null;
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        foreach (var a in perActivity ? activities : [-1])
        {
            if (by == BreakdownBy.Activity || a == -1 || a == activities[0])
            {
                all.Reset(_facilityIndex.Count);
                est.Reset(_facilityIndex.Count);
            }
            for (var y = y1; y <= y2; y++)
            {
                if (by == BreakdownBy.Year)
                {
                    all.Reset(_facilityIndex.Count);
                    est.Reset(_facilityIndex.Count);
                }
                var year = YearFacilitiesOf(a, y);
                var fixedGroup = by switch
                {
                    null => 0,
                    BreakdownBy.Activity => a,
                    BreakdownBy.Year => y - firstMonth / 12,
                    _ => -1,
                };
                if (mask is null && (y1 == y2 || by == BreakdownBy.Year))
                {
                    AddYearCounts(year, by, fixedGroup, q.Status, acc);
                }
                else
                {
                    MergeYear(year, by, fixedGroup, q.Status, mask, acc);
                }
            }
        }
        return true;
    }

    /// <summary>The counts a year keeps: one year, every unit.</summary>
    private void AddYearCounts(YearFacilities year, BreakdownBy? by, int fixedGroup, RecordStatus? status, Accumulator acc)
    {
        if (fixedGroup >= 0)
        {
            var records = year.Records.Sum();
            var estRecords = year.EstRecords.Sum();
            AddCount(acc, fixedGroup, status, year.TotalAll, year.TotalEst, year.TotalAct, records, estRecords);
            return;
        }
        for (var u = 0; u < year.Units; u++)
        {
            if (by == BreakdownBy.RecordedProvince)
            {
                AddCount(acc, u, status, year.All[u].Length, year.Estimates[u].Length, year.Actuals[u].Length, year.Records[u], year.EstRecords[u]);
            }
            else
            {
                acc.Records[_unitGroup[u]] += status switch
                {
                    RecordStatus.Estimate => year.EstRecords[u],
                    RecordStatus.Actual => year.Records[u] - year.EstRecords[u],
                    _ => year.Records[u],
                };
            }
        }
        if (by == BreakdownBy.Province)
        {
            for (var g = 0; g < year.GroupAll.Length; g++)
            {
                AddCount(acc, g, status, year.GroupAll[g], year.GroupEst[g], year.GroupAct[g], 0, 0);
            }
        }
    }

    private static void AddCount(Accumulator acc, int g, RecordStatus? status, int all, int est, int act, long records, long estRecords)
    {
        switch (status)
        {
            case RecordStatus.Estimate:
                acc.Total[g] += est;
                acc.Estimate[g] += est;
                acc.Records[g] += estRecords;
                break;
            case RecordStatus.Actual:
                acc.Total[g] += act;
                acc.Records[g] += records - estRecords;
                break;
            default:
                acc.Total[g] += all;
                acc.Estimate[g] += est;
                acc.Records[g] += records;
                break;
        }
    }

    /// <summary>A year's per-unit sets merged into the groups (several years, or some provinces only).</summary>
    private void MergeYear(YearFacilities year, BreakdownBy? by, int fixedGroup, RecordStatus? status, bool[]? mask, Accumulator acc)
    {
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        for (var u = 0; u < year.Units; u++)
        {
            if (mask is not null && !mask[u])
            {
                continue;
            }
            var g = fixedGroup >= 0 ? fixedGroup : by == BreakdownBy.Province ? _unitGroup[u] : u;
            var (counted, records) = status switch
            {
                RecordStatus.Estimate => (year.Estimates[u], year.EstRecords[u]),
                RecordStatus.Actual => (year.Actuals[u], year.Records[u] - year.EstRecords[u]),
                _ => (year.All[u], year.Records[u]),
            };
            acc.Records[g] += records;
            foreach (var f in counted)
            {
                if (all.Mark(f, g))
                {
                    acc.Total[g]++;
                }
            }
            if (status != RecordStatus.Actual)
            {
                foreach (var f in year.Estimates[u])
                {
                    if (est.Mark(f, g))
                    {
                        acc.Estimate[g]++;
                    }
                }
            }
        }
    }
}
