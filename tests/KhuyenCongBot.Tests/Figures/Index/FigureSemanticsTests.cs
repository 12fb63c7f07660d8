using KhuyenCongBot.Core.Figures;
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
    public void A_facility_counts_once_across_the_merger_and_records_without_one_count_each()
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
            Assert.Equal(new FigureValue(3, 2, 4), source.Total(q));
            Assert.Equal(new FigureValue(3, 2, 5), source.Total(q with { ActivityId = null }));
            Assert.Equal(new FigureValue(1, 0, 1), source.Total(q with { ProvinceIds = new HashSet<string> { vinhPhuc } }));
            var byProvince = source.Breakdown(q, BreakdownBy.Province);
            Assert.Equal([new("phu-tho", new FigureValue(3, 2, 4))], byProvince);
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
