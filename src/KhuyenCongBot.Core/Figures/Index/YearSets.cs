using System.Collections.Concurrent;

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

    public required int TotalAll;
    public required int TotalEst;
    public required int TotalAct;

    public int Units => All.Length;

    /// <summary>Takes in one more record (under the index's write lock), keeping every set and count exact; false when its unit is new here.</summary>
    public bool Add(int unit, int facility, bool estimate, int[] unitGroup)
    {
        if (unit >= Units)
        {
            return false;
        }
        Records[unit]++;
        if (estimate)
        {
            EstRecords[unit]++;
        }
        if (facility >= 0)
        {
            AddTo(All, GroupAll, ref TotalAll, unit, facility, unitGroup);
            if (estimate)
            {
                AddTo(Estimates, GroupEst, ref TotalEst, unit, facility, unitGroup);
            }
            else
            {
                AddTo(Actuals, GroupAct, ref TotalAct, unit, facility, unitGroup);
            }
        }
        return true;
    }

    private static void AddTo(int[][] sets, int[] groups, ref int total, int unit, int facility, int[] unitGroup)
    {
        var at = Array.BinarySearch(sets[unit], facility);
        if (at >= 0)
        {
            return;
        }
        var (inGroup, anywhere) = (false, false);
        for (var u = 0; u < sets.Length && !(inGroup && anywhere); u++)
        {
            if (u != unit && Array.BinarySearch(sets[u], facility) >= 0)
            {
                anywhere = true;
                inGroup |= unitGroup[u] == unitGroup[unit];
            }
        }
        sets[unit] = [.. sets[unit].AsSpan(0, ~at), facility, .. sets[unit].AsSpan(~at)];
        if (!inGroup)
        {
            groups[unitGroup[unit]]++;
        }
        if (!anywhere)
        {
            total++;
        }
    }
}

/// <summary>What the index keeps per calendar year, built by the first question that needs it and dropped by any change in that year.</summary>
internal sealed class YearCache
{
    /// <summary>Distinct facilities per activity number; key -1 for every activity.</summary>
    public readonly ConcurrentDictionary<int, YearFacilities> Facilities = new();

    /// <summary>The facilities with the largest sums, per (activity number or -1, measure kind): at most <see cref="YearSets.TopKept"/>.</summary>
    public readonly ConcurrentDictionary<(int Activity, MeasureKind Kind), List<KeyValuePair<long, FigureValue>>> Top = new();

    /// <summary>Per (activity number or -1, beneficiary filter), the records of the facilities the filter keeps; added records join them.</summary>
    public readonly ConcurrentDictionary<(int Activity, string Beneficiary), KeptYear> Kept = new();
}

/// <summary>One year's records of the facilities a beneficiary filter keeps: their distinct facilities, and their sums per recorded unit.</summary>
internal sealed class KeptYear(YearFacilities facilities, Sums[] byUnit)
{
    public YearFacilities Facilities { get; } = facilities;

    /// <summary>Per recorded unit, the sums of the kept records (funding: the support total).</summary>
    public Sums[] ByUnit { get; } = byUnit;
}

/// <summary>What the index keeps per calendar year (distinct facilities, top lists, beneficiary filters' records), built on first use and kept exact or dropped by changes.</summary>
/// <remarks>Read under <see cref="FiguresIndex"/>'s read lock (two readers may both build a year; either result is the same), changed under its write lock.</remarks>
internal sealed class YearSets(IndexedRecords index)
{
    /// <summary>How many top facilities a year keeps for questions over the whole year (the most a question shows).</summary>
    internal const int TopKept = 50;

    private readonly ConcurrentDictionary<int, YearCache> _years = new();

    public void Drop(int year)
    {
        if (_years.ContainsKey(year))
        {
            _years.TryRemove(year, out _);
        }
    }

    /// <summary>
    /// A record added: the year's facility sets take it in (entering records must not make the next question rebuild the
    /// year), and so do its beneficiary filters' sets and sums when the filter keeps its facility (<paramref name="keeps"/>); its top
    /// lists go (a facility's sum changed). A change or a delete drops the year (<see cref="Drop"/>).
    /// </summary>
    public void Add(int year, int activity, int unit, int facility, in IndexEntry entry, Func<string, int, bool> keeps)
    {
        if (!_years.TryGetValue(year, out var cache))
        {
            return;
        }
        cache.Top.Clear();
        var groups = index.UnitGroups;
        foreach (var key in new[] { activity, -1 })
        {
            if (cache.Facilities.TryGetValue(key, out var sets) && !sets.Add(unit, facility, entry.Estimate, groups))
            {
                cache.Facilities.TryRemove(key, out _);
            }
        }
        foreach (var (key, kept) in cache.Kept)
        {
            if ((key.Activity != activity && key.Activity != -1) || !keeps(key.Beneficiary, facility))
            {
                continue;
            }
            if (unit < kept.ByUnit.Length && kept.Facilities.Add(unit, facility, entry.Estimate, groups))
            {
                kept.ByUnit[unit].Add(entry, 1);
            }
            else
            {
                cache.Kept.TryRemove(key, out _);
            }
        }
    }

    public YearCache CacheOf(int year) => _years.GetOrAdd(year, _ => new YearCache());

    /// <summary>The whole calendar years a query covers exactly (1/1 to 31/12), or false.</summary>
    public static bool WholeYears(FigureQuery q, out int first, out int last)
    {
        first = q.From.Year;
        last = q.To.Year;
        return q.From <= q.To && q.From == new DateOnly(first, 1, 1) && q.To == new DateOnly(last, 12, 31);
    }

    /// <summary>Reads one year's distinct facilities (under the read lock: no writer runs meanwhile; two readers may both build, either result is the same).</summary>
    public YearFacilities FacilitiesOf(int activity, int year) =>
        CacheOf(year).Facilities.GetOrAdd(activity, a => BuildYear(a, year));

    /// <summary>
    /// One year's records of the facilities a beneficiary filter keeps (<paramref name="kept"/>: per facility number), built by the
    /// first question that needs them, kept exact by added records (<see cref="Add"/>), dropped with the year by a changed or deleted
    /// one, and all forgotten (<see cref="ForgetKept"/>) when a filter's mask changes for a facility already numbered.
    /// </summary>
    public KeptYear KeptOf(int activity, int year, string beneficiary, bool[] kept) =>
        CacheOf(year).Kept.GetOrAdd((activity, beneficiary), static (key, arg) =>
        {
            var byUnit = new Sums[arg.Units];
            return new KeptYear(arg.Sets.BuildYear(key.Activity, arg.Year, arg.Kept, byUnit), byUnit);
        }, (Sets: this, Year: year, Kept: kept, Units: index.UnitIds.Count));

    public void ForgetKept()
    {
        foreach (var cache in _years.Values)
        {
            cache.Kept.Clear();
        }
    }

    /// <summary>Reads a year's buckets; with <paramref name="kept"/>, only the records of the facilities it keeps, summed per unit in <paramref name="byUnit"/>.</summary>
    private YearFacilities BuildYear(int activity, int year, bool[]? kept = null, Sums[]? byUnit = null)
    {
        var units = index.UnitIds.Count;
        var all = new List<int>[units];
        var est = new List<int>[units];
        var act = new List<int>[units];
        var records = new long[units];
        var estRecords = new long[units];
        for (var u = 0; u < units; u++)
        {
            (all[u], est[u], act[u]) = ([], [], []);
        }
        for (var a = 0; a < index.Series.Count; a++)
        {
            if (activity >= 0 && a != activity)
            {
                continue;
            }
            for (var m = year * 12; m < year * 12 + 12; m++)
            {
                if (index.Series[a].Get(m) is not { } bucket)
                {
                    continue;
                }
                foreach (ref readonly var e in bucket.Items.AsSpan(0, bucket.Count))
                {
                    if (kept is not null && (e.Facility < 0 || e.Facility >= kept.Length || !kept[e.Facility]))
                    {
                        continue;
                    }
                    if (byUnit is not null)
                    {
                        byUnit[e.Unit].Add(e, 1);
                    }
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
        var (allSets, estSets, actSets) = (all.Select(FacilitySets.Distinct).ToArray(), est.Select(FacilitySets.Distinct).ToArray(), act.Select(FacilitySets.Distinct).ToArray());
        return new YearFacilities
        {
            All = allSets, Estimates = estSets, Actuals = actSets, Records = records, EstRecords = estRecords,
            GroupAll = GroupCounts(allSets), GroupEst = GroupCounts(estSets), GroupAct = GroupCounts(actSets),
            TotalAll = DistinctCount(allSets), TotalEst = DistinctCount(estSets), TotalAct = DistinctCount(actSets),
        };
    }

    private int[] GroupCounts(int[][] perUnit)
    {
        var counts = new int[index.GroupIds.Count];
        for (var g = 0; g < counts.Length; g++)
        {
            counts[g] = DistinctCount(Enumerable.Range(0, perUnit.Length).Where(u => index.UnitGroup[u] == g).Select(u => perUnit[u]));
        }
        return counts;
    }

    private static int DistinctCount(IEnumerable<int[]> sets)
    {
        var merged = sets.SelectMany(s => s).ToList();
        return FacilitySets.Distinct(merged).Length;
    }
}
