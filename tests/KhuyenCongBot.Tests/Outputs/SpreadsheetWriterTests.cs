using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Outputs;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace KhuyenCongBot.Tests.Outputs;

public sealed class SpreadsheetWriterTests
{
    private static readonly Lazy<CatalogueIndex> Catalogue = new(() =>
    {
        var seeds = SeedFiles.Locate(null);
        return new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
    });

    private static readonly string[][] Summary =
    [
        ["Tỉnh/thành", "Số gian hàng", "Kế hoạch", "Đạt"],
        ["Phú Thọ (gồm Vĩnh Phúc, Hòa Bình)", "1.250", "2.000", "62,5%"],
        ["Thành phố Hà Nội", "701", "", "—"],
    ];

    private static List<SupportRecord> Records() =>
    [
        new()
        {
            Id = 2, ActivityId = "consulting", Date = new DateOnly(2025, 8, 3), ProvinceId = "phu-tho",
            FacilityName = "HTX Mây tre đan Phú Vinh", Commune = "Xã Phú Nghĩa", RevenueVnd = 4_870_000_000,
            FundingVnd = 120_000_000, FundingSource = "KCDP", Status = RecordStatus.Actual,
        },
        new()
        {
            Id = 1, ActivityId = "trade_fair", Date = new DateOnly(2024, 5, 15), ProvinceId = FormerId("Vĩnh Phúc"),
            FacilityName = "Cơ sở gốm Hương Canh", Commune = "Xã Hương Canh", Booths = 12,
            FundingVnd = 45_000_000, FundingSource = "KCQG", Status = RecordStatus.Estimate, Note = "Hội chợ CNNT khu vực phía Bắc",
        },
    ];

    /// <summary>The id of a former province, looked up by name so the test does not depend on how ids are slugged.</summary>
    private static string FormerId(string name) => Catalogue.Value.Provinces.First(p => !p.IsCurrent && p.Name == name).Id;

    [Fact]
    public void Reading_the_xlsx_back_gives_the_sheets_headers_and_rows()
    {
        var bytes = new MiniExcelSpreadsheetWriter().Write(Summary, Records(), Catalogue.Value);

        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Tổng hợp", "Bản ghi"], stream.GetSheetNames());

        var summary = Rows(stream, "Tổng hợp");
        Assert.Equal(Summary.Length, summary.Count);
        Assert.Equal(Summary[0], summary[0].Select(c => c?.ToString() ?? ""));
        // Whole numbers written the Vietnamese way are numbers in the sheet; the rest stays text.
        Assert.Equal("Phú Thọ (gồm Vĩnh Phúc, Hòa Bình)", summary[1][0]);
        Assert.Equal(1250m, Number(summary[1][1]));
        Assert.Equal(2000m, Number(summary[1][2]));
        Assert.Equal("62,5%", summary[1][3]);
        Assert.Equal(701m, Number(summary[2][1]));

        var records = Rows(stream, "Bản ghi");
        Assert.Equal(3, records.Count);
        Assert.Equal(
            ["Ngày", "Tỉnh/thành", "Hoạt động", "Cơ sở", "Xã/phường", "Số gian hàng", "Doanh thu (đồng)", "Kinh phí (đồng)", "Nguồn kinh phí", "Tình trạng", "Ghi chú"],
            records[0].Take(11).Select(c => c?.ToString()));
        // Then a column for every other field the forms collect, from seeds/forms.
        Assert.Contains("Tên hội chợ/triển lãm", records[0].Select(c => c?.ToString()));
        Assert.Contains("Số học viên", records[0].Select(c => c?.ToString()));

        // Oldest first; a former province is written under its own name, as recorded.
        var fair = records[1];
        Assert.Equal("15/05/2024", fair[0]);
        Assert.Equal("Vĩnh Phúc", fair[1]);
        Assert.Equal(Catalogue.Value.Activity("trade_fair")!.ShortName, fair[2]);
        Assert.Equal("Cơ sở gốm Hương Canh", fair[3]);
        Assert.Equal("Xã Hương Canh", fair[4]);
        Assert.Equal(12m, Number(fair[5]));
        Assert.Null(fair[6]); // a fair has no revenue: empty, not 0
        Assert.Equal(45_000_000m, Number(fair[7]));
        Assert.Equal("KCQG", fair[8]);
        Assert.Equal("Ước thực hiện", fair[9]);
        Assert.Equal("Hội chợ CNNT khu vực phía Bắc", fair[10]);

        var consulting = records[2];
        Assert.Equal("03/08/2025", consulting[0]);
        Assert.Equal("Phú Thọ", consulting[1]);
        Assert.Equal("Tư vấn phát triển công nghiệp", consulting[2]);
        Assert.Equal(4_870_000_000m, Number(consulting[6]));
        Assert.Equal("KCĐP", consulting[8]);
        Assert.Equal("Chính thức", consulting[9]);
    }

    [Fact]
    public void No_records_still_gives_both_sheets()
    {
        var bytes = new MiniExcelSpreadsheetWriter().Write([["Chỉ tiêu", "Giá trị"]], [], Catalogue.Value);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Tổng hợp", "Bản ghi"], stream.GetSheetNames());
        Assert.Equal("Ngày", Assert.Single(Rows(stream, "Bản ghi"))[0]);
    }

    [Fact]
    public void AddKhuyenCongOutputs_registers_both_as_singletons()
    {
        using var provider = new ServiceCollection().AddKhuyenCongOutputs().BuildServiceProvider();
        Assert.IsType<ScottPlotChartRenderer>(provider.GetRequiredService<IChartRenderer>());
        Assert.IsType<MiniExcelSpreadsheetWriter>(provider.GetRequiredService<ISpreadsheetWriter>());
        Assert.Same(provider.GetRequiredService<IChartRenderer>(), provider.GetRequiredService<IChartRenderer>());
        Assert.Same(provider.GetRequiredService<ISpreadsheetWriter>(), provider.GetRequiredService<ISpreadsheetWriter>());
    }

    /// <summary>The cells of each row, in column order, as MiniExcel reads them (numbers come back as numbers).</summary>
    private static List<object?[]> Rows(MemoryStream stream, string sheet)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(row => row.Values.ToArray())
            .ToList();
    }

    private static decimal Number(object? cell)
    {
        Assert.True(cell is double or decimal or int or long, $"expected a number cell, got {cell?.GetType().Name ?? "null"}: {cell}");
        return Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture);
    }
}
