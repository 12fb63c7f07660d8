using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Outputs;
using KhuyenCongBot.Storage;
using MiniExcelLibs;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// The .xlsx data export (issue 15): it carries the projects in a sheet "Đề án" (amounts as numbers), so the workbook alone imports
/// back into an empty database with the same records, projects, links and figures; the records sheet names a facility's legal form
/// and priority groups ("Hợp tác xã", "Do phụ nữ làm chủ"), not their ids, and reads them back; a demo trade fair's name is in the
/// fair name column, not in "Ghi chú".
/// </summary>
public sealed class XlsxExportProjectsTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly MiniExcelSpreadsheetWriter Sheets = new();

    private byte[] Export() =>
        Sheets.WriteRecords([["Chỉ tiêu", "Giá trị"]], demo.Store.Records.All(), id => demo.Store.Facilities.Get(id),
            projects: ProjectCsv.SheetRows(demo.Store, RecordsTestKit.Catalogue));

    private static List<List<object?>> Sheet(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
    }

    [Fact]
    public void The_xlsx_export_has_a_projects_sheet_whose_amounts_are_numbers()
    {
        var rows = Sheet(Export(), MiniExcelSpreadsheetWriter.ProjectsSheet);
        var projects = demo.Store.Projects.Read(ProjectFilter.Everything);
        Assert.Equal(projects.Count + 1, rows.Count);
        var header = rows[0].Select(c => c?.ToString()).ToList();
        Assert.Equal(ProjectCsv.Headers, header.Take(ProjectCsv.Headers.Count));
        foreach (var (column, amount) in new (string, Func<Project, long>)[]
        {
            ("KCQG được duyệt (đồng)", p => p.Approved.Kcqg), ("KCĐP được duyệt (đồng)", p => p.Approved.Kcdp),
            ("Vốn đối ứng được duyệt (đồng)", p => p.Approved.Counterpart), ("Đã giải ngân (đồng)", p => p.DisbursedVnd),
        })
        {
            var at = header.IndexOf(column);
            Assert.All(rows.Skip(1), r => Assert.IsType<double>(r[at]));
            Assert.Equal(projects.Sum(amount), rows.Skip(1).Sum(r => (long)(double)r[at]!));
        }
        var code = header.IndexOf("Mã đề án");
        Assert.Contains(rows.Skip(1), r => Equals(r[code], "KC-2026-07"));
    }

    [Fact]
    public void The_xlsx_alone_imports_into_an_empty_database_with_the_same_records_projects_links_and_figures()
    {
        var xlsx = Export();
        using var copy = new LiteDbStore(":memory:");
        var importer = new CsvRecordImporter(copy, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock(), null, Sheets);
        var result = importer.Import(xlsx, new ImportOptions(0, "test", "ban-ghi.xlsx"));
        Assert.True(result.Ok, result.Describe());
        Assert.Contains(result.Notes, n => n.Contains($"thêm {demo.Store.Projects.Count()} đề án từ tệp ban-ghi.xlsx (trang Đề án)", StringComparison.Ordinal));

        string Key(SupportRecord r) => CsvRecordImporter.Fingerprint(r) + "|" + r.ProjectCode;
        Assert.Equal(demo.Store.Records.All().Select(Key).Order(StringComparer.Ordinal), copy.Records.All().Select(Key).Order(StringComparer.Ordinal));
        var original = demo.Store.Projects.Read(ProjectFilter.Everything).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var copied = copy.Projects.Read(ProjectFilter.Everything).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Assert.Equal(original.Select(p => p.Code), copied.Select(p => p.Code));
        var facilities = ProjectCsv.Columns.ToList().IndexOf("facilities");
        foreach (var (a, b) in original.Zip(copied))
        {
            var cellsA = ProjectCsv.Cells(a, demo.Store, RecordsTestKit.Catalogue, withNames: false).Where((_, i) => i != facilities);
            var cellsB = ProjectCsv.Cells(b, copy, RecordsTestKit.Catalogue, withNames: false).Where((_, i) => i != facilities);
            Assert.Equal(cellsA, cellsB);
            Assert.Equal(a.FacilityIds.Select(id => demo.Store.Facilities.Get(id)!.Name).Order(), b.FacilityIds.Select(id => copy.Facilities.Get(id)!.Name).Order());
            Assert.Equal(ProjectLinks.Of(demo.Store, a).Funding, ProjectLinks.Of(copy, b).Funding);
        }
        // The facilities' legal form and priority groups came back as the ids the sheet named.
        static string Profile(Facility f) => $"{f.NormalizedName}|{f.LegalForm}|{string.Join(';', f.PriorityGroups ?? ["?"])}";
        Assert.Equal(demo.Store.Facilities.All().Select(Profile).Order(StringComparer.Ordinal).Distinct(),
            copy.Facilities.All().Select(Profile).Order(StringComparer.Ordinal).Distinct());
        // And the figures: the same money by project, and importing the workbook again adds nothing.
        Assert.Equal(demo.Store.Records.All().Sum(r => r.FundingVnd), copy.Records.All().Sum(r => r.FundingVnd));
        Assert.Equal(0, importer.Import(xlsx, new ImportOptions(0, "test", "ban-ghi.xlsx")).Imported);
    }

    [Fact]
    public void The_records_sheet_names_legal_forms_and_priority_groups_and_puts_a_demo_fairs_name_in_its_own_column()
    {
        var rows = Sheet(Export(), MiniExcelSpreadsheetWriter.RecordsSheet);
        var header = rows[0].Select(c => c?.ToString()).ToList();
        var legal = header.IndexOf("Loại hình cơ sở");
        var groups = header.IndexOf("Nhóm ưu tiên");
        var note = header.IndexOf("Ghi chú");
        var fair = header.IndexOf("Tên hội chợ/triển lãm");
        var activity = header.IndexOf("Hoạt động");
        Assert.True(legal > 0 && groups > 0 && note > 0 && fair > 0);
        var legalForms = rows.Skip(1).Select(r => r[legal]?.ToString()).OfType<string>().ToHashSet();
        Assert.Contains("Hợp tác xã", legalForms);
        Assert.Contains("Doanh nghiệp nhỏ và vừa", legalForms);
        Assert.DoesNotContain("sme", legalForms);
        Assert.DoesNotContain("cooperative", legalForms);
        var priority = rows.Skip(1).Select(r => r[groups]?.ToString()).OfType<string>().ToHashSet();
        Assert.Contains("Do phụ nữ làm chủ", priority);
        Assert.Contains(MiniExcelSpreadsheetWriter.NoGroupName, priority);
        Assert.DoesNotContain(priority, p => p.Contains("women_owned", StringComparison.Ordinal) || p == "none");

        // The trade fairs of the demo: the fair in "Tên hội chợ/triển lãm", "Ghi chú" empty.
        var fairs = rows.Skip(1).Where(r => Equals(r[activity], "Hội chợ, triển lãm")).ToList();
        Assert.True(fairs.Count > 2000);
        Assert.All(fairs, r => Assert.Null(r[note]));
        Assert.All(fairs, r => Assert.NotEmpty(Assert.IsType<string>(r[fair])));
        Assert.Contains(fairs, r => Equals(r[fair], "Hội chợ triển lãm hàng CNNT tiêu biểu khu vực phía Bắc 2026"));
    }
}
