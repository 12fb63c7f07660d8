namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Answers a <see cref="FigureQuery"/> from the index: one accumulator slot per group of the answer, filled from the per-year
/// sets when they suffice (<see cref="YearFacilityCounts"/>, <see cref="KeptYearSums"/>), else by a walk over the months' buckets (<see cref="BucketWalk"/>).
/// </summary>
/// <remarks>Called under <see cref="FiguresIndex"/>'s read lock, the query already validated.</remarks>
internal sealed class IndexQueries(IndexedRecords index, YearFacilityCounts yearCounts, KeptYearSums keptSums, BeneficiaryMasks beneficiaries)
{
    public FigureValue Total(FigureQuery query)
    {
        var acc = Compute(query, null, out _);
        return acc.Records.Length == 0 ? default : acc.Value(0);
    }

    public IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by)
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

    private string KeyOf(BreakdownBy by, int group, int firstMonth) => by switch
    {
        BreakdownBy.Province => index.GroupIds[group],
        BreakdownBy.RecordedProvince => index.UnitIds[group],
        BreakdownBy.Activity => index.ActivityIds[group],
        BreakdownBy.Month => FigureRules.MonthKey((firstMonth + group) / 12, (firstMonth + group) % 12 + 1),
        BreakdownBy.Year => FigureRules.YearKey(firstMonth / 12 + group),
        BreakdownBy.Quarter => FigureRules.QuarterKey((firstMonth / 3 + group) / 4, (firstMonth / 3 + group) % 4 + 1),
        BreakdownBy.Source => FundingSources.KeyOfCode((byte)group),
        _ => throw new ArgumentOutOfRangeException(nameof(by)),
    };

    public static MeasureKind KindOf(string measure) => measure switch
    {
        Measures.Facilities => MeasureKind.Facilities,
        Measures.Booths => MeasureKind.Booths,
        Measures.Revenue => MeasureKind.Revenue,
        Measures.Funding => MeasureKind.Funding,
        Measures.Trainees => MeasureKind.Trainees,
        Measures.TraineesUnknown => MeasureKind.NoTrainees,
        _ => MeasureKind.Count,
    };

    /// <summary>Walks the buckets of the question's activities and months; fills one accumulator slot per group.</summary>
    private FigureAccumulator Compute(FigureQuery q, BreakdownBy? by, out int firstMonth)
    {
        var kind = KindOf(q.Measure);
        var from = Math.Max(IndexedRecords.MonthOf(q.From), index.MinMonth);
        var to = Math.Min(IndexedRecords.MonthOf(q.To), index.MaxMonth);
        firstMonth = from;
        int[] activities;
        if (q.ActivityId is null)
        {
            // Participations of every activity: the activities that support facilities only (FigureRules.Counts).
            activities = Enumerable.Range(0, index.Series.Count).Where(a => FigureRules.Counts(index.Catalogue, q, index.ActivityIds[a])).ToArray();
        }
        else
        {
            activities = index.TryActivity(q.ActivityId, out var a) ? [a] : [];
        }

        bool[]? mask = null;
        int[]? selected = null;
        if (q.ProvinceIds is { } ids)
        {
            mask = new bool[index.UnitIds.Count];
            var list = new List<int>();
            for (var u = 0; u < index.UnitIds.Count; u++)
            {
                if (ids.Contains(index.UnitIds[u]))
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
            BreakdownBy.Province => index.GroupIds.Count,
            BreakdownBy.RecordedProvince => index.UnitIds.Count,
            BreakdownBy.Activity => index.ActivityIds.Count,
            BreakdownBy.Year => to < from ? 0 : to / 12 - from / 12 + 1,
            BreakdownBy.Quarter => to < from ? 0 : to / 3 - from / 3 + 1,
            BreakdownBy.Source => FundingSources.Codes,
            _ => Math.Max(0, to - from + 1),
        };
        var acc = new FigureAccumulator(groups, q.Status);
        if (from > to || q.From > q.To || activities.Length == 0)
        {
            return acc;
        }

        // Whole years: distinct facilities from the year sets; a beneficiary filter's sums from the year's sums of the facilities it keeps.
        var kept = q.Beneficiary is { } beneficiary ? beneficiaries.Kept(beneficiary) : null;
        if (kind == MeasureKind.Facilities ? yearCounts.TryYears(q, by, activities, mask, from, kept, acc)
            : kept is not null && keptSums.TryYears(q, by, kind, activities, mask, from, kept, acc))
        {
            return acc;
        }
        var walk = new BucketWalk(index, q, by, kind, mask, selected, acc, from, kept);
        var all = DistinctMarks.All;
        var est = DistinctMarks.Estimates;
        all.Reset(index.Facilities);
        est.Reset(index.Facilities);
        if (by is { } chrono && FigureRules.IsChronological(chrono))
        {
            for (var m = from; m <= to; m++)
            {
                // Months (quarters, years) are separate groups: forgetting the marks at each one keeps the overflow set empty.
                if (by == BreakdownBy.Month || m == from || (by == BreakdownBy.Quarter ? m % 3 : m % 12) == 0)
                {
                    all.Reset(index.Facilities);
                    est.Reset(index.Facilities);
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
                    all.Reset(index.Facilities);
                    est.Reset(index.Facilities);
                }
                for (var m = from; m <= to; m++)
                {
                    walk.Bucket(a, m);
                }
            }
        }
        return acc;
    }
}
