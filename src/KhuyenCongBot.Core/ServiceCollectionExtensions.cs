using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Conversations.Pipeline;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core;

/// <summary>Registers the channel-agnostic core: options, clock, catalogue, engine and modules.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BotClock(
            sp.GetRequiredService<TimeProvider>(),
            BotClock.FindZone(sp.GetRequiredService<IOptions<BotOptions>>().Value.TimeZone)));
        // The importer (for the demo data) is asked for when needed: it needs the seeder's folder itself.
        services.TryAddSingleton(sp => new Seeder(
            sp.GetRequiredService<IBotStore>(),
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            () => sp.GetService<Records.IRecordImporter>(),
            sp.GetService<BotClock>()));
        // What the bot says (seeds/texts/*.json), read once; loaded with the catalogue so that a missing or malformed file stops the start.
        services.TryAddSingleton(sp => UserTexts.Load(SeedFiles.Locate(sp.GetRequiredService<IOptions<StorageOptions>>().Value.SeedsPath)));
        services.TryAddSingleton(sp =>
        {
            _ = sp.GetRequiredService<UserTexts>();
            return sp.GetRequiredService<Seeder>().EnsureSeeded();
        });
        services.TryAddSingleton<IUnknownUserHandler, DefaultUnknownUserHandler>();
        services.AddSingleton<IBotModule, CoreModule>();
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new FloodGate(sp.GetRequiredService<BotClock>().TimeProvider, o.FloodBurst, o.FloodPerSecond);
        });
        services.TryAddSingleton<StoreChannelPorts>();
        services.TryAddSingleton<IUserLanguages>(sp => sp.GetRequiredService<StoreChannelPorts>());
        services.TryAddSingleton<IChannelQueue>(sp => sp.GetRequiredService<StoreChannelPorts>());
        services.TryAddSingleton<MessageRouter>();
        services.TryAddSingleton<ConversationStates>();
        // The path of one message, in order (docs/architecture.md).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, CleanInputStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, GroupBookkeepingStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, FloodControlStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, OnePerPersonStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, DeduplicateStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, IdentifyStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, LoadStateStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, DescribeGroupStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, CommitStep>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMessageStep, RouteStep>());
        services.TryAddSingleton<BotEngine>();
        services.TryAddSingleton<IBotEngine>(sp => sp.GetRequiredService<BotEngine>());
        return services;
    }
}

/// <summary>Loads the catalogue (and, when asked, the demo data) from seeds/ into the store; safe to run at every start.</summary>
public sealed class Seeder(IBotStore store, IOptions<StorageOptions> options, Func<Records.IRecordImporter?> importers, BotClock? clock = null)
{
    public string SeedsPath => SeedFiles.Locate(options.Value.SeedsPath);

    public CatalogueIndex EnsureSeeded()
    {
        var seeds = SeedsPath;
        store.Catalogue.UpsertActivities(SeedFiles.Activities(seeds));
        store.Catalogue.UpsertProvinces(SeedFiles.Provinces(seeds));
        store.Catalogue.UpsertRegions(SeedFiles.Regions(seeds));
        var index = new CatalogueIndex(store.Catalogue.Activities(), store.Catalogue.Provinces(), store.Catalogue.Regions());
        var now = clock?.Now ?? DateTimeOffset.UtcNow;
        if (options.Value.LoadDemoData && store.Meta.Get("demo-loaded") is null)
        {
            LoadDemo(seeds, index, importers() ?? throw new InvalidOperationException("No IRecordImporter registered to load the demo data."), now);
        }
        if (options.Value.LoadDemoData)
        {
            // Demo projects (issue 15) on the demo facilities; a demo database made before them (or before records named them) gets them at its next start.
            Projects.DemoProjects.LoadOnce(seeds, store, index, now);
        }
        return index;
    }

    private void LoadDemo(string seeds, CatalogueIndex index, Records.IRecordImporter importer, DateTimeOffset now)
    {
        var loaded = Projects.DemoData.Load(seeds, store, index, importer, now);
        foreach (var (result, file) in new[] { (loaded.Records, "records.csv"), (loaded.Plans, "plans.csv") })
        {
            if (!result.Ok)
            {
                throw new SeedException(Path.Combine(seeds, "demo", file), string.Join("; ", result.Errors.Take(5).Select(e => $"dòng {e.Line}: {e.Reason}")));
            }
        }
        store.Meta.Set("demo-loaded", "1");
    }
}
