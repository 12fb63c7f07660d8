using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Figures.Index;

/// <summary>Whole-year questions, which the index answers from per-year facility sets and top lists kept between questions.</summary>
public sealed class FiguresIndexYearTests
{
    private static IEnumerable<FigureQuery> WholeYearQueries(FigureFixture f)
    {
        string?[] activities = [null, .. f.ActivityIds.Take(4)];
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            foreach (var activity in activities)
            {
                foreach (var measure in new[] { Measures.Facilities, Measures.Funding, Measures.Booths, Measures.Participations })
                {
                    yield return new FigureQuery(activity, measure, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                }
            }
        }
        yield return new FigureQuery(null, Measures.Facilities, new DateOnly(2023, 1, 1), new DateOnly(2026, 12, 31));
        yield return new FigureQuery(null, Measures.Facilities, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), Status: RecordStatus.Estimate);
        yield return new FigureQuery(null, Measures.Facilities, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Status: RecordStatus.Actual);
        yield return new FigureQuery(null, Measures.Facilities, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), f.Catalogue.UnitsOf("phu-tho").ToHashSet());
        yield return new FigureQuery(f.ActivityIds[0], Measures.Facilities, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31),
            f.Catalogue.Regions[0].Members.SelectMany(f.Catalogue.UnitsOf).ToHashSet(), RecordStatus.Estimate);
    }

    private static void AssertYearsSame(FigureFixture f, FiguresIndex index)
    {
        var scan = f.Scan();
        foreach (var q in WholeYearQueries(f))
        {
            Assert.Equal(scan.Total(q), index.Total(q));
            foreach (var by in Enum.GetValues<BreakdownBy>())
            {
                Assert.True(scan.Breakdown(q, by).SequenceEqual(index.Breakdown(q, by)), $"{q.Metric} {q.From}..{q.To} by {by}");
            }
            if (FigureRules.IsAdditive(q.Measure))
            {
                foreach (var n in new[] { 1, 10, 50, 60 })
                {
                    Assert.True(scan.TopFacilities(q, n).SequenceEqual(index.TopFacilities(q, n)), $"top {n} {q.Metric} {q.From}..{q.To}");
                }
            }
        }
    }

    [Fact]
    public void Whole_years_answer_like_the_scan_before_and_after_changes()
    {
        using var f = new FigureFixture(41);
        f.AddRandom(3000);
        using var index = f.Index();
        AssertYearsSame(f, index);
        // The kept sets and lists of a changed year must go: add, move to another year, delete.
        var added = f.Store.Records.Add(f.NewRecord());
        var moved = f.Store.Records.All().First(r => r.Date.Year == 2024 && r.FacilityId is not null);
        moved.Date = new DateOnly(2025, 6, 1);
        moved.FundingVnd = 9_000_000_000;
        f.Store.Records.Update(moved);
        f.Store.Records.Delete(f.Store.Records.All().First(r => r.Date.Year == 2023 && r.Id != added).Id);
        AssertYearsSame(f, index);
    }

    [Fact]
    public void Random_questions_with_whole_years_answer_like_the_scan()
    {
        using var f = new FigureFixture(42);
        f.AddRandom(1500);
        using var index = f.Index();
        FiguresIndexTests.AssertSame(f.Scan(), index, f, 150);
    }
}
