using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Tests.Figures.Index;

/// <summary>Small hand-made cases that pin the meaning of the measures in both sources.</summary>
public sealed class FigureSemanticsTests
{
    private static SupportRecord Rec(string activity, string date, string province, long? facility, int booths = 0, RecordStatus status = RecordStatus.Actual) => new()
    {
        ActivityId = activity, Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), ProvinceId = province,
        FacilityId = facility, Booths = booths, Status = status, RevenueVnd = booths * 1000L,
    };

    private static List<IFigureSource> Sources(FigureFixture f) => [f.Scan(), f.Index()];

    [Fact]
    public void A_facility_counts_once_across_the_merger_and_records_without_one_are_no_facility()
    {
        using var f = new FigureFixture(0);
        var vinhPhuc = f.Catalogue.Provinces.Single(p => !p.IsCurrent && p.Name == "Vĩnh Phúc").Id;
        f.Store.Records.AddMany(
        [
            Rec("machinery", "2024-03-10", vinhPhuc, 7),
            Rec("machinery", "2026-02-01", "phu-tho", 7, status: RecordStatus.Estimate),
            Rec("machinery", "2026-02-02", "phu-tho", null, status: RecordStatus.Estimate),
            Rec("machinery", "2026-02-03", "phu-tho", null),
            Rec("trade_fair", "2026-02-03", "phu-tho", 7, booths: 5),
        ]);
        var units = f.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var q = new FigureQuery("machinery", Measures.Facilities, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), units);
        foreach (var source in Sources(f))
        {
            Assert.Equal(new FigureValue(1, 1, 4), source.Total(q));
            Assert.Equal(new FigureValue(1, 1, 5), source.Total(q with { ActivityId = null }));
            Assert.Equal(new FigureValue(1, 0, 1), source.Total(q with { ProvinceIds = new HashSet<string> { vinhPhuc } }));
            var byProvince = source.Breakdown(q, BreakdownBy.Province);
            Assert.Equal([new("phu-tho", new FigureValue(1, 1, 4))], byProvince);
            var byRecorded = source.Breakdown(q, BreakdownBy.RecordedProvince);
            Assert.Equal(new[] { "phu-tho", vinhPhuc }.Order(StringComparer.Ordinal), byRecorded.Select(x => x.Key));
            var byMonth = source.Breakdown(q, BreakdownBy.Month);
            Assert.Equal(["2024-03", "2026-02"], byMonth.Select(x => x.Key));
            var booths = q with { ActivityId = "trade_fair", Measure = Measures.Booths };
            Assert.Equal(new FigureValue(5, 0, 1), source.Total(booths));
            Assert.Throws<ArgumentException>(() => source.Total(q with { Measure = "gian_hang" }));
        }
    }

    [Fact]
    public void A_source_filters_records_whatever_the_measure_and_breaks_down_with_records_without_one_apart()
    {
        using var f = new FigureFixture(0);
        SupportRecord Funded(string date, long? facility, long funding, string? source, int booths = 0) =>
            Rec("trade_fair", date, "phu-tho", facility, booths) is var r ? Set(r, funding, source) : r;
        f.Store.Records.AddMany(
        [
            Funded("2025-01-10", 1, 100, "KCQG", 3),
            Funded("2025-02-10", 1, 50, "KCDP", 2),
            Funded("2025-02-11", 2, 20, "KCĐP", 1),
            Funded("2025-04-12", null, 0, null),
            Funded("2025-05-12", 3, 7, "Đối ứng"),
        ]);
        var q = new FigureQuery(null, Measures.Funding, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        foreach (var source in Sources(f))
        {
            Assert.Equal(new FigureValue(100, 0, 1), source.Total(q with { Source = FundingSource.Kcqg }));
            Assert.Equal(new FigureValue(70, 0, 2), source.Total(q with { Source = FundingSource.Kcdp }));
            Assert.Equal(new FigureValue(3, 0, 2), source.Total(q with { Source = FundingSource.Kcdp, Measure = Measures.Booths }));
            Assert.Equal(new FigureValue(2, 0, 2), source.Total(q with { Source = FundingSource.Kcdp, Measure = Measures.Facilities }));
            Assert.Equal(new FigureValue(3, 0, 5), source.Total(q with { Measure = Measures.Facilities }));
            Assert.Equal(
                [new("kcqg", new FigureValue(100, 0, 1)), new("kcdp", new FigureValue(70, 0, 2)), new("counterpart", new FigureValue(7, 0, 1)), new(FundingSources.UnknownKey, new FigureValue(0, 0, 1))],
                source.Breakdown(q, BreakdownBy.Source));
            Assert.Equal(["2025-Q1", "2025-Q2"], source.Breakdown(q, BreakdownBy.Quarter).Select(x => x.Key));
            Assert.Equal(new FigureValue(2, 0, 3), source.Breakdown(q with { Measure = Measures.Facilities }, BreakdownBy.Quarter)[0].Value);
        }
    }

    [Fact]
    public void A_split_record_counts_under_each_of_its_sources_with_that_sources_part()
    {
        using var f = new FigureFixture(0);
        SupportRecord Split(string date, long facility, FundingSplit split, int booths)
        {
            var r = Rec("machinery", date, "phu-tho", facility, booths);
            RecordFunding.Set(r, split);
            return r;
        }
        f.Store.Records.AddMany(
        [
            Split("2025-03-01", 1, new FundingSplit(100, 50, 80), 2),
            Split("2025-03-05", 2, new FundingSplit(0, 0, 30), 1),
            Set(Rec("machinery", "2025-06-01", "phu-tho", 1, 0), 40, "KCQG"),
        ]);
        var q = new FigureQuery(null, Measures.Funding, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        foreach (var source in Sources(f))
        {
            // "Kinh phí hỗ trợ" is the khuyến công support (KCQG + KCĐP); the counterpart is asked by its name.
            Assert.Equal(new FigureValue(190, 0, 3), source.Total(q));
            Assert.Equal(new FigureValue(140, 0, 2), source.Total(q with { Source = FundingSource.Kcqg }));
            Assert.Equal(new FigureValue(50, 0, 1), source.Total(q with { Source = FundingSource.Kcdp }));
            Assert.Equal(new FigureValue(110, 0, 2), source.Total(q with { Source = FundingSource.Counterpart }));
            Assert.Equal(new FigureValue(2, 0, 2), source.Total(q with { Source = FundingSource.Counterpart, Measure = Measures.Facilities }));
            Assert.Equal(new FigureValue(3, 0, 2), source.Total(q with { Source = FundingSource.Counterpart, Measure = Measures.Booths }));
            Assert.Equal(
                [new("kcqg", new FigureValue(140, 0, 2)), new("counterpart", new FigureValue(110, 0, 2)), new("kcdp", new FigureValue(50, 0, 1))],
                source.Breakdown(q, BreakdownBy.Source));
            Assert.Equal([new("counterpart", new FigureValue(110, 0, 2))], source.Breakdown(q with { Source = FundingSource.Counterpart }, BreakdownBy.Source));
            Assert.Equal(new FigureValue(110, 0, 2), Assert.Single(source.Breakdown(q with { Source = FundingSource.Counterpart }, BreakdownBy.Province)).Value);
            Assert.Equal([new(1L, new FigureValue(80, 0, 1)), new(2L, new FigureValue(30, 0, 1))],
                ((IFacilityFigures)source).TopFacilities(q with { Source = FundingSource.Counterpart }, 5));
        }
    }

    private static SupportRecord Set(SupportRecord r, long funding, string? source)
    {
        r.FundingVnd = funding;
        r.FundingSource = source;
        return r;
    }

    [Fact]
    public void Registration_gives_the_index_as_the_figure_source()
    {
        using var f = new FigureFixture(0);
        var services = new ServiceCollection()
            .AddSingleton<IBotStore>(f.Store)
            .AddSingleton(f.Catalogue)
            .AddKhuyenCongFigureIndex()
            .BuildServiceProvider();
        Assert.IsType<FiguresIndex>(services.GetRequiredService<IFigureSource>());
        Assert.NotNull(services.GetRequiredService<ScanFigureSource>());
    }
}
