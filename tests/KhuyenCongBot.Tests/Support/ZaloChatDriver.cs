using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Zalo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Support;

/// <summary>How a <see cref="ZaloChatDriver"/> sets up the bot.</summary>
public sealed record ZaloDriverOptions
{
    public DateOnly Today { get; init; } = new(2026, 11, 26);
    public ZaloMode Mode { get; init; } = ZaloMode.Polling;

    /// <summary>Whether Zalo:PublicBaseUrl is set (to the bot's own test address).</summary>
    public bool PublicBaseUrl { get; init; } = true;

    public bool Demo { get; init; }

    /// <summary>Extra configuration (e.g. "Zalo:MessagesPerSecond").</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra services (e.g. a test module).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>A folder for the database and outputs, kept on dispose (to start another bot on the same data); a new temp folder when null.</summary>
    public string? Folder { get; init; }
}

/// <summary>
/// The whole bot hosted in-process with the Zalo channel only, on a temporary LiteDB file and a fake clock, talking to a
/// <see cref="FakeZaloServer"/>; people are Zalo users whose chat id is their name.
/// </summary>
public sealed class ZaloChatDriver : IChatDriver
{
    public const string WebhookSecret = "webhook-secret-for-tests-0123";
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _handled = new();
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private ZaloChatDriver(WebApplication app, FakeZaloServer fake, RecordingLoggerProvider logs, FakeTimeProvider time, string folder, bool ownsFolder, string botUrl)
    {
        _ownsFolder = ownsFolder;
        App = app;
        Fake = fake;
        Logs = logs;
        Time = time;
        _folder = folder;
        BotUrl = botUrl;
        app.Services.GetRequiredService<ZaloUpdateProcessor>().UpdateHandled += id =>
            _handled.GetOrAdd(id, _ => NewSignal()).TrySetResult();
    }

    public string Channel => "zalo";
    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public FakeZaloServer Fake { get; }
    public RecordingLoggerProvider Logs { get; }
    public FakeTimeProvider Time { get; }
    public IBotStore Store => Services.GetRequiredService<IBotStore>();

    /// <summary>The bot's own address (http://127.0.0.1:port).</summary>
    public string BotUrl { get; }

    /// <summary>Where the webhook is served in Webhook mode.</summary>
    public string WebhookUrl => BotUrl + "/zalo/webhook";

    public static async Task<ZaloChatDriver> StartAsync(ZaloDriverOptions? options = null)
    {
        options ??= new ZaloDriverOptions();
        var fake = await FakeZaloServer.StartAsync();
        fake.MaxPollMilliseconds = 500;
        var folder = options.Folder ?? Path.Combine(Path.GetTempPath(), "kcb-tests", "zalo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var botUrl = "http://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture);
        var config = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db"),
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Storage:LoadDemoData"] = options.Demo ? "true" : "false",
            ["Storage:OutputPath"] = Path.Combine(folder, "out"),
            ["Zalo:BotToken"] = fake.Token,
            ["Zalo:ApiBaseUrl"] = fake.BaseUrl,
            ["Zalo:Mode"] = options.Mode.ToString(),
            ["Zalo:PollTimeoutSeconds"] = "1",
            ["Zalo:ErrorBackoffMilliseconds"] = "50",
            ["Zalo:MessagesPerSecond"] = "50",
            ["Zalo:PublicBaseUrl"] = options.PublicBaseUrl ? botUrl : null,
        };
        if (options.Mode == ZaloMode.Webhook)
        {
            config["Zalo:WebhookUrl"] = botUrl + "/zalo/webhook";
            config["Zalo:WebhookSecret"] = WebhookSecret;
        }
        foreach (var (k, v) in options.Settings)
        {
            config[k] = v;
        }
        var logs = new RecordingLoggerProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(options.Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(botUrl);
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        builder.Services.AddKhuyenCongZalo(builder.Configuration);
        options.Services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapZaloEndpoints();
        _ = app.Services.GetRequiredService<CatalogueIndex>();
        var driver = new ZaloChatDriver(app, fake, logs, time, folder, options.Folder is null, botUrl);
        await app.StartAsync();
        if (options.Mode == ZaloMode.Webhook)
        {
            // The bot registers its webhook at start; people's messages are pushed to it from then on.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (fake.WebhookUrl is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
        return driver;
    }

    public string IdentityOf(string user) => "zalo:" + user;

    public void Advance(TimeSpan by) => Time.Advance(by);

    public IReadOnlyList<string> Received(string user) => Fake.SentTo(user).Select(m => m.ToString()).ToList();

    public void AddUser(string user, Role role, string? provinceId)
    {
        var person = new BotUser
        {
            DisplayName = user, Role = role,
            ScopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province, ScopeId = provinceId,
            Identities = [$"zalo:{user}"], Chats = { ["zalo"] = user },
            CreatedAt = Services.GetRequiredService<BotClock>().Now,
        };
        person.Id = Store.Users.Add(person);
    }

    public async Task<IReadOnlyList<string>> SayAsync(string user, string text)
    {
        var before = Fake.SentTo(user).Count;
        var id = Fake.UserSends(user, text, user);
        await WaitHandledAsync(id);
        return Fake.SentTo(user).Skip(before).Select(m => m.ToString()).ToList();
    }

    public Task<IReadOnlyList<string>> ChooseAsync(string user, int number, string label) =>
        SayAsync(user, number.ToString(CultureInfo.InvariantCulture));

    /// <summary>A person sends a sticker; returns what the bot answered.</summary>
    public async Task<IReadOnlyList<string>> SendStickerAsync(string user)
    {
        var before = Fake.SentTo(user).Count;
        var id = Fake.UserSendsSticker(user);
        await WaitHandledAsync(id);
        return Fake.SentTo(user).Skip(before).Select(m => m.ToString()).ToList();
    }

    /// <summary>Zalo's Bot API has no file messages: the person's file reaches the bot as "message.unsupported.received" (see
    /// <see cref="FakeZaloServer.UserSendsFile"/>); returns what the bot answered.</summary>
    public async Task<IReadOnlyList<string>> SendFileAsync(string user, string fileName, byte[] content, string? caption = null)
    {
        var before = Fake.SentTo(user).Count;
        var id = Fake.UserSendsFile(user, fileName);
        await WaitHandledAsync(id);
        return Fake.SentTo(user).Skip(before).Select(m => m.ToString()).ToList();
    }

    /// <summary>Waits until the bot has handled (and answered) the message with this id.</summary>
    public Task WaitHandledAsync(string messageId, TimeSpan? timeout = null) =>
        _handled.GetOrAdd(messageId, _ => NewSignal()).Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Whether the bot has handled the message with this id.</summary>
    public bool WasHandled(string messageId) => _handled.TryGetValue(messageId, out var s) && s.Task.IsCompleted;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        if (!_ownsFolder)
        {
            return;
        }
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
