using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// The database written by main before the funding split (Fixtures/main-f47dff9.db.gz: KCĐP 30 tr, KCQG 450 tr, no money,
/// KCĐP 45 tr logged by a form) upgrades in place, once: each single amount becomes its source's part, nothing else moves,
/// and every funding figure is the one the old fields give.
/// </summary>
public sealed partial class UpgradeFromMainTests
{
    [Fact]
    public void A_single_amount_becomes_its_sources_part_and_every_other_field_stays()
    {
        var path = OldDatabase();
        using var store = new LiteDbStore(path);
        var records = store.Records.All().OrderBy(r => r.Id).ToList();
        Assert.Equal([new FundingSplit(0, 30_000_000), new FundingSplit(450_000_000, 0), (FundingSplit?)null, new FundingSplit(0, 45_000_000)],
            records.Select(r => r.Split));
        Assert.Equal([30_000_000L, 450_000_000, 0, 45_000_000], records.Select(r => r.FundingVnd));
        Assert.Equal(["KCDP", "KCQG", null, "KCDP"], records.Select(r => r.FundingSource));
        Assert.Equal(LiteDbStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Meta.Get(LiteDbStore.SchemaVersionKey));
        Assert.Equal(4, LiteDbStore.SchemaVersion);
        Assert.Equal((6, "form", RecordStatus.Actual), (records[3].Booths, records[3].Source, records[3].Status));
        Assert.Equal(RecordStatus.Estimate, records[1].Status);
    }

    [Fact]
    public void Funding_figures_by_source_are_the_ones_the_old_amount_and_source_give()
    {
        var path = OldDatabase();
        using var store = new LiteDbStore(path);
        var records = store.Records.All().ToList();
        var scan = new ScanFigureSource(store, ReportingTestKit.Catalogue);
        using var index = new FiguresIndex(store, ReportingTestKit.Catalogue);
        var query = new FigureQuery(null, Measures.Funding, new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 31));
        foreach (var source in FundingSources.All)
        {
            // Independent reading: the old single amount under the old named source.
            var expected = records.Where(r => r.FundingSource == source switch { FundingSource.Kcqg => "KCQG", FundingSource.Kcdp => "KCDP", _ => "?" })
                .Sum(r => (decimal)r.FundingVnd);
            Assert.Equal(expected, scan.Total(query with { Source = source }).Value);
            Assert.Equal(expected, index.Total(query with { Source = source }).Value);
        }
        Assert.Equal(records.Sum(r => (decimal)r.FundingVnd), index.Total(query).Value);
        Assert.Equal(scan.Breakdown(query, BreakdownBy.Source), index.Breakdown(query, BreakdownBy.Source));
    }

    [Fact]
    public void The_upgrade_runs_once()
    {
        var path = OldDatabase();
        using (var store = new LiteDbStore(path))
        {
            Assert.Equal(3, store.Records.All().Count(r => r.Split is not null));
            // A record saved after the upgrade the way old code did (no split): a second start must not touch it.
            store.Records.Add(new SupportRecord
            {
                ActivityId = "trade_fair", Date = new DateOnly(2026, 11, 1), ProvinceId = "phu-tho", FundingVnd = 5_000_000, FundingSource = "KCQG",
            });
        }
        using (var reopened = new LiteDbStore(path))
        {
            var records = reopened.Records.All().OrderBy(r => r.Id).ToList();
            Assert.Equal(5, records.Count);
            Assert.Null(records[^1].Split);
            Assert.Equal(new FundingSplit(5_000_000, 0), RecordFunding.SplitOf(records[^1]));
            Assert.Equal(3, records.Count(r => r.Split is not null));
        }
    }
}
