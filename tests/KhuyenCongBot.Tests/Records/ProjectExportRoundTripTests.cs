using System.Text;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// The projects travel with an export (issue 15, outside tester): the demo data exported (records + the projects file) and imported
/// into an empty database gives back every record, every project (each field, its history and disbursements, its facilities) and
/// every record→project link; a second import doubles nothing, a changed project is refused (never overwritten), a dry run changes
/// nothing and an undo removes the batch's projects with its records.
/// </summary>
public sealed class ProjectExportRoundTripTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static CsvRecordImporter Importer(LiteDbStore store) => new(store, () => RecordsTestKit.Catalogue, RecordsTestKit.Clock());

    private (byte[] Records, byte[] Projects) Export()
    {
        var records = new StringWriter();
        var projects = new StringWriter();
        Importer(demo.Store).ExportRecords(records);
        Importer(demo.Store).ExportProjects(projects);
        return (Encoding.UTF8.GetBytes(records.ToString()), Encoding.UTF8.GetBytes(projects.ToString()));
    }

    private static ImportResult Import(LiteDbStore store, byte[] records, byte[]? projects, bool dryRun = false, string name = "ban-ghi.csv") =>
        Importer(store).Import(records, new ImportOptions(0, "test", name, DryRun: dryRun, Projects: projects, ProjectsFileName: "ban-ghi-de-an.csv"));

    private static string FacilityName(LiteDbStore store, long id) => store.Facilities.Get(id)!.Name;

    [Fact]
    public void The_demo_data_exported_and_imported_into_an_empty_database_gives_the_same_records_projects_and_links()
    {
        var (records, projects) = Export();
        using var copy = new LiteDbStore(":memory:");
        var result = Import(copy, records, projects);
        Assert.True(result.Ok, result.Describe());

        // Every record, by what it holds, and its project.
        string Key(SupportRecord r) => CsvRecordImporter.Fingerprint(r) + "|" + r.ProjectCode;
        Assert.Equal(demo.Store.Records.All().Select(Key).Order(), copy.Records.All().Select(Key).Order());

        // Every project, field by field.
        var original = demo.Store.Projects.Find(ProjectFilter.Everything).OrderBy(p => p.Code).ToList();
        var copied = copy.Projects.Find(ProjectFilter.Everything).OrderBy(p => p.Code).ToList();
        Assert.True(original.Count >= 20);
        Assert.Equal(original.Select(p => p.Code), copied.Select(p => p.Code));
        foreach (var (a, b) in original.Zip(copied))
        {
            Assert.Equal((a.Name, a.DecisionNumber, a.DecisionDate, a.Programme, a.Type, a.ProvinceId, a.ActivityId, a.PlannedStart, a.PlannedEnd),
                (b.Name, b.DecisionNumber, b.DecisionDate, b.Programme, b.Type, b.ProvinceId, b.ActivityId, b.PlannedStart, b.PlannedEnd));
            Assert.Equal(a.Approved, b.Approved);
            Assert.Equal((a.Status, a.StartedOn, a.AcceptedOn, a.SettledOn, a.DisbursedVnd), (b.Status, b.StartedOn, b.AcceptedOn, b.SettledOn, b.DisbursedVnd));
            Assert.Equal(a.History.Select(h => (h.From, h.To, h.Date, h.At, h.Correction, h.Note)), b.History.Select(h => (h.From, h.To, h.Date, h.At, h.Correction, h.Note)));
            Assert.Equal(a.Disbursements.Select(d => (d.AmountVnd, d.AsOf, d.At)), b.Disbursements.Select(d => (d.AmountVnd, d.AsOf, d.At)));
            Assert.Equal(a.FacilityIds.Select(id => FacilityName(demo.Store, id)).Order(), b.FacilityIds.Select(id => FacilityName(copy, id)).Order());
            // The links: the same records (by content) name the project in both.
            Assert.Equal(demo.Store.Records.ByProject(a.Code).Select(Key).Order(), copy.Records.ByProject(b.Code).Select(Key).Order());
            Assert.Equal(ProjectLinks.Of(demo.Store, a).Funding, ProjectLinks.Of(copy, b).Funding);
        }
    }

    [Fact]
    public void Without_the_projects_file_the_linked_rows_are_refused_and_nothing_is_imported()
    {
        var (records, _) = Export();
        using var copy = new LiteDbStore(":memory:");
        var result = Import(copy, records, null);
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Reason.Contains("không có đề án mã", StringComparison.Ordinal));
        Assert.Equal(0, copy.Records.Count());
        Assert.Equal(0, copy.Projects.Count());
    }

    [Fact]
    public void A_second_import_doubles_nothing_a_changed_project_is_refused_a_dry_run_changes_nothing_and_undo_removes_the_projects()
    {
        var (records, projects) = Export();
        using var copy = new LiteDbStore(":memory:");
        var dry = Import(copy, records, projects, dryRun: true);
        Assert.True(dry.Ok, dry.Describe());
        Assert.Contains(dry.Notes, n => n.Contains($"sẽ thêm {demo.Store.Projects.Count()} đề án", StringComparison.Ordinal));
        Assert.Equal((0, 0), (copy.Records.Count(), copy.Projects.Count()));

        var first = Import(copy, records, projects);
        Assert.True(first.Ok, first.Describe());
        var count = copy.Projects.Count();
        Assert.Equal(demo.Store.Projects.Count(), count);

        // The same projects again (alone, as a projects file): skipped, counted as already there, nothing doubled.
        var again = Importer(copy).Import(projects, new ImportOptions(0, "test", "ban-ghi-de-an.csv"));
        Assert.True(again.Ok, again.Describe());
        Assert.Contains(again.Notes, n => n.Contains($"{count} đề án đã có, giống hệt", StringComparison.Ordinal));
        Assert.Equal(count, copy.Projects.Count());

        // One project's name changed in the file: refused, the stored project unchanged.
        var some = copy.Projects.Find(ProjectFilter.Everything).First(p => p.Name.Length > 10);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(projects).Replace(some.Name, "Tên khác hẳn", StringComparison.Ordinal));
        var refused = Importer(copy).Import(changed, new ImportOptions(0, "test", "sua.csv"));
        Assert.False(refused.Ok);
        Assert.Contains(refused.Errors, e => e.Reason.Contains($"đề án {some.Code} đã có", StringComparison.Ordinal) && e.Reason.Contains("name", StringComparison.Ordinal));
        Assert.Equal(some.Name, copy.Projects.FindByCode(some.Code)!.Name);

        var undo = Importer(copy).Undo(first.Batch!.Id, 0)!;
        Assert.Equal(count, undo.ProjectsRemoved);
        Assert.Equal((0, 0), (copy.Records.Count(), copy.Projects.Count()));
    }

    [Fact]
    public void Undo_keeps_a_project_that_a_record_of_another_batch_links_to()
    {
        var (_, projects) = Export();
        using var copy = new LiteDbStore(":memory:");
        var batch = Importer(copy).Import(projects, new ImportOptions(0, "test", "ban-ghi-de-an.csv"));
        Assert.True(batch.Ok, batch.Describe());
        var linked = demo.Store.Records.All().First(r => r.ProjectCode is not null);
        var record = demo.Store.Records.All().First(r => r.ProjectCode == linked.ProjectCode);
        var exported = new StringWriter();
        Importer(demo.Store).ExportRecords(exported);
        var lines = exported.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var row = lines.Skip(1).First(l => l.Contains("," + record.ProjectCode + ",", StringComparison.Ordinal));
        var one = Importer(copy).Import(Encoding.UTF8.GetBytes(lines[0] + "\n" + row + "\n"), new ImportOptions(0, "test", "mot.csv"));
        Assert.True(one.Ok, one.Describe());

        var undo = Importer(copy).Undo(batch.Batch!.Id, 0)!;
        Assert.Equal([record.ProjectCode!], undo.ProjectsKept);
        Assert.NotNull(copy.Projects.FindByCode(record.ProjectCode!));
        Assert.Equal(demo.Store.Projects.Count() - 1, undo.ProjectsRemoved);
    }
}
