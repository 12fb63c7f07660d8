namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Sums of an additive measure over whole calendar years for the facilities a beneficiary filter keeps ("cơ sở do phụ nữ làm
/// chủ"), from each year's sums of their records per recorded unit (<see cref="YearSets.KeptOf"/>) rather than the records.
/// </summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s read lock.</remarks>
internal sealed class KeptYearSums(IndexedRecords index, YearSets years)
{
    /// <summary>Adds the question's sums to the accumulator; false when it is not one of whole years without a source, or is broken down by month, quarter or source.</summary>
    public bool TryYears(FigureQuery q, BreakdownBy? by, MeasureKind kind, int[] activities, bool[]? mask, int firstMonth, bool[] kept, FigureAccumulator acc)
    {
        if (q.Source is not null || q.Beneficiary is not { } beneficiary || by is BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Source
            || !YearSets.WholeYears(q, out var y1, out var y2))
        {
            return false;
        }
        y1 = Math.Max(y1, index.MinMonth / 12);
        y2 = Math.Min(y2, index.MaxMonth / 12);
        // Participations of every activity: per activity, so those without facilities stay out (FigureRules.Counts).
        foreach (var a in by == BreakdownBy.Activity || q.ActivityId is not null || q.Measure == Measures.Participations ? activities : [-1])
        {
            for (var y = y1; y <= y2; y++)
            {
                var byUnit = years.KeptOf(a, y, beneficiary, kept).ByUnit;
                var fixedGroup = by switch
                {
                    null => 0,
                    BreakdownBy.Activity => a,
                    BreakdownBy.Year => y - firstMonth / 12,
                    _ => -1,
                };
                for (var u = 0; u < byUnit.Length; u++)
                {
                    if (byUnit[u].Count == 0 || (mask is not null && !mask[u]))
                    {
                        continue;
                    }
                    acc.AddSums(fixedGroup >= 0 ? fixedGroup : by == BreakdownBy.Province ? index.UnitGroup[u] : u, byUnit[u], kind);
                }
            }
        }
        return true;
    }
}
