using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Support;

/// <summary>The whole core composed as the host composes it, on a temporary LiteDB file, with a fake clock; talks like the terminal does.</summary>
public sealed class BotHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private BotHarness(ServiceProvider services, FakeTimeProvider time, string folder, string dbPath, RecordingLoggerProvider logs)
    {
        _services = services;
        Time = time;
        Logs = logs;
        _folder = folder;
        DatabasePath = dbPath;
    }

    public FakeTimeProvider Time { get; }

    /// <summary>Every log line of Warning level and above.</summary>
    public RecordingLoggerProvider Logs { get; }

    /// <summary>Error (and worse) log lines; the engine logs every exception it caught as an error.</summary>
    public IReadOnlyList<string> Errors => Logs.AtLeast(LogLevel.Error);
    public IServiceProvider Services => _services;
    public IBotStore Store => _services.GetRequiredService<IBotStore>();
    public IBotEngine Engine => _services.GetRequiredService<IBotEngine>();
    public CatalogueIndex Catalogue => _services.GetRequiredService<CatalogueIndex>();
    public string DatabasePath { get; }

    /// <summary>Starts a harness at 09:00 Vietnam time on <paramref name="today"/>; <paramref name="demo"/> loads the demo data.</summary>
    public static BotHarness Create(DateOnly today, bool demo = false, string? databasePath = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var dbPath = databasePath ?? Path.Combine(folder, "bot.db");
        var config = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = dbPath,
            ["Storage:LoadDemoData"] = demo ? "true" : "false",
            ["Storage:OutputPath"] = Path.Combine(folder, "out"),
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        var services = new ServiceCollection();
        var logs = new RecordingLoggerProvider();
        services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddKhuyenCongBot(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<CatalogueIndex>();
        return new BotHarness(provider, time, folder, dbPath, logs);
    }

    /// <summary>Registers a person with a role and (for officers and managers) a current province id.</summary>
    public BotUser AddUser(string id, Role role, string? provinceId = null, string channel = "terminal")
    {
        var user = new BotUser
        {
            DisplayName = id, Role = role,
            ScopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province, ScopeId = provinceId,
            Identities = [$"{channel}:{id}"], CreatedAt = Services.GetRequiredService<BotClock>().Now,
        };
        user.Id = Store.Users.Add(user);
        return user;
    }

    /// <summary>Sends a typed line as user <paramref name="user"/> and returns the replies rendered as the terminal shows them.</summary>
    public async Task<string> Say(string text, string user = "admin", string language = "vi")
    {
        var replies = await Send(new Incoming { Channel = "terminal", ChatId = user, UserId = user, Text = text, LanguageCode = language });
        return string.Join("\n", replies.Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds, language) + (r.Attachment is { } a ? $"\n[{a.Kind}: {a.FileName}]" : "")));
    }

    /// <summary>Sends a button press (choice data) as user <paramref name="user"/>.</summary>
    public async Task<IReadOnlyList<Reply>> Press(string data, string user = "admin") =>
        await Send(new Incoming { Channel = "terminal", ChatId = user, UserId = user, ButtonData = data });

    public Task<IReadOnlyList<Reply>> Send(Incoming message) => Engine.HandleAsync(message);

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
