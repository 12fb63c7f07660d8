using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Distinct facilities over whole calendar years, from the per-year sets of <see cref="YearSets"/> rather than the records:
/// the counts a year keeps, or the years' per-unit sets merged into the question's groups.
/// </summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s read lock.</remarks>
internal sealed class YearFacilityCounts(IndexedRecords index, YearSets years)
{
    /// <summary>
    /// Distinct facilities over whole calendar years from the year sets: counts kept per year when one year is asked without
    /// a province filter, else the years' per-unit sets merged; with a beneficiary filter, the sets of the facilities it keeps. False when the
    /// question is not one of whole years without a source.
    /// </summary>
    /// <param name="kept">With a beneficiary filter, the facilities it keeps: the years' sets of their records (<see cref="YearSets.KeptOf"/>).</param>
    public bool TryYears(FigureQuery q, BreakdownBy? by, int[] activities, bool[]? mask, int firstMonth, bool[]? kept, FigureAccumulator acc)
    {
        if (q.Source is not null || (q.Beneficiary is null) != (kept is null) || by is BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Source || !YearSets.WholeYears(q, out var y1, out var y2))
        {
            return false;
        }
        y1 = Math.Max(y1, index.MinMonth / 12);
        y2 = Math.Min(y2, index.MaxMonth / 12);
        var perActivity = by == BreakdownBy.Activity || q.ActivityId is not null;
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        foreach (var a in perActivity ? activities : [-1])
        {
            if (by == BreakdownBy.Activity || a == -1 || a == activities[0])
            {
                all.Reset(index.Facilities);
                est.Reset(index.Facilities);
            }
            for (var y = y1; y <= y2; y++)
            {
                if (by == BreakdownBy.Year)
                {
                    all.Reset(index.Facilities);
                    est.Reset(index.Facilities);
                }
                var year = kept is null ? years.FacilitiesOf(a, y) : years.KeptOf(a, y, q.Beneficiary!, kept).Facilities;
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
    private void AddYearCounts(YearFacilities year, BreakdownBy? by, int fixedGroup, RecordStatus? status, FigureAccumulator acc)
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
                acc.Records[index.UnitGroup[u]] += status switch
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

    private static void AddCount(FigureAccumulator acc, int g, RecordStatus? status, int all, int est, int act, long records, long estRecords)
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
    private void MergeYear(YearFacilities year, BreakdownBy? by, int fixedGroup, RecordStatus? status, bool[]? mask, FigureAccumulator acc)
    {
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        for (var u = 0; u < year.Units; u++)
        {
            if (mask is not null && !mask[u])
            {
                continue;
            }
            var g = fixedGroup >= 0 ? fixedGroup : by == BreakdownBy.Province ? index.UnitGroup[u] : u;
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
