using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;

namespace KhuyenCongBot.Benchmarks.Broadcast;

/// <summary>One "process" of the bot: the LiteDB file, the broadcast repository, the Telegram channel composed as the host does, and the runner.</summary>
public sealed class BotSide : IDisposable
{
    private readonly ServiceProvider _services;

    private BotSide(ServiceProvider services, LiteDbStore store, LiteDbBroadcastRepository repository, BroadcastRunner runner)
    {
        _services = services;
        Store = store;
        Repository = repository;
        Runner = runner;
    }

    public LiteDbStore Store { get; }
    public LiteDbBroadcastRepository Repository { get; }
    public BroadcastRunner Runner { get; }

    /// <summary>Opens <paramref name="file"/> and composes the Telegram channel against <paramref name="apiBaseUrl"/>; <paramref name="crash"/> abandons sends in flight at a stop (as a killed process would).</summary>
    public static BotSide Open(string file, string apiBaseUrl, BroadcastOptions options, bool crash)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKhuyenCongTelegram(configuration);
        var provider = services.BuildServiceProvider();
        var store = new LiteDbStore(file);
        var repository = new LiteDbBroadcastRepository(store);
        var runner = new BroadcastRunner(repository, store, provider.GetServices<IMessageSender>(), TimeProvider.System, options,
            Core.Text.UserTexts.Load(Core.Catalogue.SeedFiles.Locate(null)))
        {
            StopGrace = crash ? TimeSpan.Zero : TimeSpan.FromSeconds(10),
        };
        return new BotSide(provider, store, repository, runner);
    }

    /// <summary>getMe through the same client, so a wrong URL fails before the measurement.</summary>
    public async Task CheckConnectionAsync()
    {
        var me = await _services.GetRequiredService<TelegramBot>().Client.GetMe();
        BroadcastBenchmark.Log($"connected as @{me.Username}");
    }

    public void Dispose()
    {
        _services.Dispose();
        Store.Dispose();
    }
}
