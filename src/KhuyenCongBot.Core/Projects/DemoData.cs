using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// The demo data of seeds/demo, in the order its files need: the projects (records.csv names them in project_code), the records and
/// plans, then the projects' facilities (which the records made). Used by the seeder and by the demo tests, so both load the same.
/// </summary>
public static class DemoData
{
    /// <summary>What the two imports said (the projects are checked as they load: a bad one throws <see cref="SeedException"/>).</summary>
    public sealed record Result(ImportResult Records, ImportResult Plans);

    public static Result Load(string seedsPath, IBotStore store, CatalogueIndex catalogue, IRecordImporter importer, DateTimeOffset now)
    {
        DemoProjects.AddBeforeRecords(seedsPath, store, catalogue, now);
        ImportResult records, plans;
        using (var reader = new StreamReader(Path.Combine(seedsPath, "demo", "records.csv")))
        {
            records = importer.ImportRecords(reader, 0, "demo");
        }
        using (var reader = new StreamReader(Path.Combine(seedsPath, "demo", "plans.csv")))
        {
            plans = importer.ImportPlans(reader);
        }
        if (records.Ok)
        {
            DemoProjects.LoadOnce(seedsPath, store, catalogue, now);
        }
        return new Result(records, plans);
    }
}
