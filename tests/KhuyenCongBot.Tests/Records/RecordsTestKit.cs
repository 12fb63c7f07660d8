using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Records;

/// <summary>Catalogue, clock and fresh stores for the import tests.</summary>
internal static class RecordsTestKit
{
    private static readonly Lazy<CatalogueIndex> Index = new(() =>
    {
        var seeds = SeedsPath;
        return new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
    });

    public static string SeedsPath => SeedFiles.Locate(null);

    public static CatalogueIndex Catalogue => Index.Value;

    public static BotClock Clock() =>
        new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)), BotClock.FindZone("Asia/Ho_Chi_Minh"));

    public static (LiteDbStore Store, CsvRecordImporter Importer) NewStore()
    {
        var store = new LiteDbStore(":memory:");
        return (store, new CsvRecordImporter(store, Catalogue, Clock()));
    }

    public const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note";

    public static ImportResult Import(CsvRecordImporter importer, params string[] rows) =>
        importer.ImportRecords(new StringReader(Header + "\n" + string.Join("\n", rows) + "\n"), 7);
}

/// <summary>The real demo files (projects, records, plans) loaded once into an in-memory store, shared by the demo tests.</summary>
public sealed class DemoStoreFixture : IDisposable
{
    public DemoStoreFixture()
    {
        (Store, Importer) = RecordsTestKit.NewStore();
        // As the seeder loads them: the projects first (records.csv names them), then the records and plans, then the projects' facilities.
        var loaded = Core.Projects.DemoData.Load(RecordsTestKit.SeedsPath, Store, RecordsTestKit.Catalogue, Importer, RecordsTestKit.Clock().Now);
        (RecordsResult, PlansResult) = (loaded.Records, loaded.Plans);
        Records = Store.Records.All().ToList();
    }

    internal LiteDbStore Store { get; }
    internal CsvRecordImporter Importer { get; }
    public ImportResult RecordsResult { get; }
    public ImportResult PlansResult { get; }
    public List<SupportRecord> Records { get; }

    public void Dispose() => Store.Dispose();
}
