using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Figures.Index;

public sealed class FiguresIndexTests
{
    private static readonly BreakdownBy[] Breakdowns = Enum.GetValues<BreakdownBy>();

    internal static void AssertSame(IFigureSource expected, IFigureSource actual, FigureFixture f, int questions)
    {
        for (var i = 0; i < questions; i++)
        {
            var q = f.NewQuery();
            var by = Breakdowns[f.Random.Next(Breakdowns.Length)];
            var (te, ta) = (expected.Total(q), actual.Total(q));
            Assert.True(te == ta, $"Total differs for {Describe(q)}: {te} vs {ta}");
            var e = expected.Breakdown(q, by);
            var a = actual.Breakdown(q, by);
            Assert.True(e.SequenceEqual(a), $"Breakdown by {by} differs for {Describe(q)}:\n{string.Join(", ", e)}\nvs\n{string.Join(", ", a)}");
            if (expected is IFacilityFigures ef && actual is IFacilityFigures af)
            {
                if (FigureRules.IsAdditive(q.Measure))
                {
                    var n = f.Random.Next(1, 8);
                    Assert.True(ef.TopFacilities(q, n).SequenceEqual(af.TopFacilities(q, n)), $"Top {n} facilities differ for {Describe(q)}");
                }
                var facility = f.Random.Next(0, 252);
                Assert.Equal(ef.RecordsOf(facility), af.RecordsOf(facility));
            }
            if (expected is IEnteredFigures ee && actual is IEnteredFigures ae)
            {
                var (from, to) = f.NewEnteredPeriod();
                long? creator = f.Random.Next(3) == 0 ? null : f.Random.Next(0, 7);
                var units = f.Random.Next(2) == 0 ? null : q.ProvinceIds;
                Assert.True(ee.EnteredByActivity(creator, units, from, to).SequenceEqual(ae.EnteredByActivity(creator, units, from, to)),
                    $"Records entered by {creator} in {from:O}..{to:O} differ");
            }
        }
    }

    private static string Describe(FigureQuery q) =>
        $"{q.Metric} {q.From:yyyy-MM-dd}..{q.To:yyyy-MM-dd} status={q.Status} source={q.Source} provinces=[{(q.ProvinceIds is null ? "*" : string.Join(",", q.ProvinceIds))}]";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Index_answers_like_the_plain_scan(int seed)
    {
        using var f = new FigureFixture(seed);
        f.AddRandom(2000);
        using var index = f.Index();
        Assert.Equal(2000, index.Count);
        AssertSame(f.Scan(), index, f, 120);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Index_follows_adds_updates_and_deletes(int seed)
    {
        using var f = new FigureFixture(seed);
        f.AddRandom(1000);
        using var index = f.Index();
        var scan = f.Scan();
        var ids = f.Store.Records.All().Select(r => r.Id).ToList();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                ids.Add(f.Store.Records.Add(f.NewRecord()));
            }
            f.AddRandom(100);
            foreach (var id in Enumerable.Range(0, 60).Select(_ => ids[f.Random.Next(ids.Count)]).Distinct())
            {
                var record = f.Store.Records.Get(id)!;
                var fresh = f.NewRecord();
                switch (f.Random.Next(5))
                {
                    case 0: record.Date = fresh.Date; break;
                    case 1: record.ActivityId = fresh.ActivityId; break;
                    case 2: record.ProvinceId = fresh.ProvinceId; record.FacilityId = fresh.FacilityId; break;
                    case 3: record.Status = record.Status == RecordStatus.Actual ? RecordStatus.Estimate : RecordStatus.Actual; break;
                    case 4 when f.Random.Next(2) == 0: record.FundingSource = fresh.FundingSource; break;
                    default: record.Booths = fresh.Booths; record.RevenueVnd = fresh.RevenueVnd; record.FundingVnd = fresh.FundingVnd; break;
                }
                f.Store.Records.Update(record);
            }
            foreach (var id in Enumerable.Range(0, 50).Select(_ => ids[f.Random.Next(ids.Count)]).Distinct().ToList())
            {
                f.Store.Records.Delete(id);
                ids.Remove(id);
            }
            Assert.Equal(f.Store.Records.Count(), index.Count);
            AssertSame(scan, index, f, 40);
        }
    }

    [Fact]
    public void Rolled_back_writes_do_not_reach_the_index()
    {
        using var f = new FigureFixture(21);
        f.AddRandom(200);
        using var index = f.Index();
        Assert.ThrowsAny<InvalidOperationException>(() => f.Store.InTransaction<int>(() =>
        {
            f.Store.Records.Add(f.NewRecord());
            throw new InvalidOperationException("rollback");
        }));
        f.Store.InTransaction(() => f.Store.Records.Add(f.NewRecord()));
        Assert.Equal(201, f.Store.Records.Count());
        Assert.Equal(201, index.Count);
        AssertSame(f.Scan(), index, f, 40);
    }

    [Fact]
    public async Task Readers_run_while_records_are_written()
    {
        using var f = new FigureFixture(31);
        f.AddRandom(1000);
        using var index = f.Index();
        var queries = Enumerable.Range(0, 50).Select(_ => f.NewQuery()).ToList();
        using var stop = new CancellationTokenSource();
        var started = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var n = 0;
            Interlocked.Increment(ref started);
            while (!stop.IsCancellationRequested || n < 50)
            {
                var q = queries[n++ % queries.Count];
                index.Total(q);
                index.Breakdown(q, BreakdownBy.Province);
                Thread.Sleep(0);
            }
            return n;
        })).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref started) == 2, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 150; i++)
        {
            f.Store.Records.Add(f.NewRecord());
        }
        stop.Cancel();
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, n => Assert.True(n > 0));
        Assert.Equal(1150, index.Count);
        AssertSame(f.Scan(), index, f, 20);
    }
}
