using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Core.Records;

/// <summary>Registers the CSV importer/exporter of records and plans.</summary>
public static class RecordsServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongRecords(this IServiceCollection services)
    {
        // The seeder asks for the importer while it is building the CatalogueIndex singleton, so the
        // importer reads the catalogue from the store (already seeded by then) on first use instead.
        services.AddSingleton<Conversations.IBotModule, ImportModule>();
        services.AddSingleton<IRecordImporter>(sp =>
        {
            var store = sp.GetRequiredService<IBotStore>();
            return new CsvRecordImporter(
                store,
                () => new CatalogueIndex(store.Catalogue.Activities(), store.Catalogue.Provinces(), store.Catalogue.Regions()),
                sp.GetRequiredService<BotClock>());
        });
        return services;
    }
}
