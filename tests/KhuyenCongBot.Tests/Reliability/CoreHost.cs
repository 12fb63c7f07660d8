using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The core composed as the host composes it, on an in-memory LiteDB, with every log line captured.</summary>
public sealed class CoreHost : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _folder;

    private CoreHost(ServiceProvider services, RecordingLoggerProvider logs, FakeTimeProvider time, string folder)
    {
        _services = services;
        Logs = logs;
        Time = time;
        _folder = folder;
    }

    public RecordingLoggerProvider Logs { get; }
    public FakeTimeProvider Time { get; }
    public IServiceProvider Services => _services;
    public IBotStore Store => _services.GetRequiredService<IBotStore>();
    public IBotEngine Engine => _services.GetRequiredService<IBotEngine>();

    public static CoreHost Create(IDictionary<string, string?>? settings = null, bool demo = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = ":memory:",
            ["Storage:LoadDemoData"] = demo ? "true" : "false",
            ["Storage:OutputPath"] = Path.Combine(folder, "out"),
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Bot:FloodBurst"] = "0",
            ["Bot:Admins:0"] = "telegram:1001",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddKhuyenCongBot(configuration);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<CatalogueIndex>();
        return new CoreHost(provider, logs, time, folder);
    }

    /// <summary>Registers a Telegram person with a role and scope.</summary>
    public BotUser AddUser(long telegramId, Role role, string? provinceId)
    {
        var user = new BotUser
        {
            DisplayName = "Người " + telegramId, Role = role,
            ScopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province, ScopeId = provinceId,
            Identities = [$"telegram:{telegramId}"], CreatedAt = Time.GetUtcNow(),
        };
        user.Id = Store.Users.Add(user);
        return user;
    }

    /// <summary>Error (and worse) log lines; the engine logs every exception it caught as an error.</summary>
    public IReadOnlyList<string> Errors => Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();

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
