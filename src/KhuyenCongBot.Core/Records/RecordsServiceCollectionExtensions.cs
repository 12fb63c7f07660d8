using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Core.Records;

/// <summary>Registers the importer/exporter of records and plans, the export columns, and the import chat module.</summary>
public static class RecordsServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongRecords(this IServiceCollection services)
    {
        // The seeder asks for the importer while it is building the CatalogueIndex singleton, so the
        // importer reads the catalogue (and the forms) from the store (already seeded by then) on first use instead.
        services.AddSingleton<Conversations.IBotModule, ImportModule>();
        services.AddSingleton<IRecordImporter>(sp =>
        {
            var store = sp.GetRequiredService<IBotStore>();
            var seeder = sp.GetRequiredService<Seeder>();
            return new CsvRecordImporter(
                store,
                () => new CatalogueIndex(store.Catalogue.Activities(), store.Catalogue.Provinces(), store.Catalogue.Regions()),
                sp.GetRequiredService<BotClock>(),
                () => FormCatalogue.Load(seeder.SeedsPath, store.Catalogue.Activities().Select(a => a.Id).ToList()),
                new LazySpreadsheet(() => sp.GetService<IRecordSpreadsheet>()),
                () => sp.GetRequiredService<Text.UserTexts>());
        });
        services.AddSingleton(sp => ((CsvRecordImporter)sp.GetRequiredService<IRecordImporter>()).Layout);
        return services;
    }

    /// <summary>The spreadsheet reader, resolved when first used (it needs the layout, which needs the importer).</summary>
    private sealed class LazySpreadsheet(Func<IRecordSpreadsheet?> resolve) : IRecordSpreadsheet
    {
        private IRecordSpreadsheet Inner => resolve()
            ?? throw new InvalidOperationException("No spreadsheet library registered");

        public IReadOnlyList<IReadOnlyList<string>> ReadRecordRows(byte[] xlsx) => Inner.ReadRecordRows(xlsx);

        public IReadOnlyList<IReadOnlyList<string>>? ReadProjectRows(byte[] xlsx) => Inner.ReadProjectRows(xlsx);

        public byte[] WriteRecords(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, Func<long, Facility?> facilities, Func<long, string?>? files = null,
            IReadOnlyList<IReadOnlyList<object?>>? projects = null) =>
            Inner.WriteRecords(summary, records, facilities, files, projects);
    }
}
