using System.Text;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Records;

/// <summary>records.csv carries project_code: a known code of the record's province and activity links the record, an export imports
/// back to the same links and figures, and an unknown or foreign code refuses its row in Vietnamese.</summary>
public sealed class ProjectCodeImportTests
{
    private const string Header = RecordsTestKit.Header + ",kcqg_vnd,kcdp_vnd,counterpart_vnd,other_vnd,project_code";

    private static LiteDbStore NewStore()
    {
        var store = new LiteDbStore(":memory:");
        foreach (var (code, province) in new[] { ("KC-2026-07", "phu-tho"), ("KC-2026-50", "bac-ninh") })
        {
            store.Projects.Add(new Project
            {
                Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = "Đoàn " + code, DecisionNumber = "1/QĐ-BCT", DecisionDate = new DateOnly(2024, 1, 2),
                Type = ProjectType.Group, ProvinceId = province, ActivityId = "trade_fair", Approved = new FundingSplit(500_000_000, 0),
            });
        }
        return store;
    }

    private static ImportResult Import(LiteDbStore store, byte[] bytes, string name = "records.csv") =>
        new CsvRecordImporter(store, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock()).Import(bytes, new ImportOptions(1, "test", name, true));

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    private static readonly string[] Rows =
    [
        "10/04/2024,Phú Thọ,trade_fair,Công ty CP Gốm Hương Canh,,4,,200000000,,,,150000000,50000000,,,kc-2026-07",
        "11/04/2024,Phú Thọ,trade_fair,Công ty CP Mộc Bích Chu,,2,,100000000,,,,60000000,40000000,,,KC-2026-07",
        "12/04/2024,Phú Thọ,trade_fair,HTX Chè Long Cốc,,1,,30000000,KCĐP,,,,,,,",
    ];

    [Fact]
    public void Codes_link_records_and_an_export_imports_back_to_the_same_links_and_money()
    {
        using var store = NewStore();
        var result = Import(store, Csv(Rows));
        Assert.True(result.Ok, result.Describe());
        Assert.Equal(["KC-2026-07", "KC-2026-07", null], store.Records.All().OrderBy(r => r.Date).Select(r => r.ProjectCode));

        var csv = new StringWriter();
        new CsvRecordImporter(store, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock()).ExportRecords(csv);
        Assert.Contains(",project_code,", csv.ToString().Split('\n')[0] + ",");
        using var copy = NewStore();
        var back = Import(copy, Encoding.UTF8.GetBytes(csv.ToString()), "export.csv");
        Assert.True(back.Ok, back.Describe());
        foreach (var code in new[] { "KC-2026-07", "KC-2026-50" })
        {
            // Independent reading: LINQ over the original records.
            var expected = store.Records.All().Where(r => r.ProjectCode == code).ToList();
            var links = ProjectLinks.Of(copy, copy.Projects.FindByCode(code)!);
            Assert.Equal(expected.Count, links.Records.Count);
            Assert.Equal(expected.Sum(r => (decimal)r.Split!.Value.Kcqg), links.Funding.Kcqg);
            Assert.Equal(expected.Sum(r => (decimal)r.Split!.Value.Kcdp), links.Funding.Kcdp);
            Assert.Equal(expected.Select(r => r.FacilityName).OrderBy(n => n), links.Facilities.OrderBy(n => n));
        }
    }

    [Theory]
    [InlineData("10/04/2024,Phú Thọ,trade_fair,Gốm,,2,,,,,,,,,,KC-2099-01", "không có đề án mã 'KC-2099-01'")]
    [InlineData("10/04/2024,Phú Thọ,trade_fair,Gốm,,2,,,,,,,,,,KC-2026-50", "đề án KC-2026-50 là đề án của Bắc Ninh")]
    [InlineData("10/04/2024,Phú Thọ,machinery,Gốm,,,,,,,,,,,,KC-2026-07", "khác hoạt động của bản ghi")]
    public void A_code_that_is_not_a_project_of_the_rows_province_and_activity_refuses_the_row(string row, string reason)
    {
        using var store = NewStore();
        var result = Import(store, Csv(row));
        Assert.False(result.Ok);
        Assert.Contains(reason, result.Describe());
        Assert.Equal(0, store.Records.Count());
    }
}
