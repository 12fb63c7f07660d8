using System.Collections.Concurrent;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Fakes;

/// <summary>How to start the bot for a Telegram transcript test.</summary>
public sealed class TelegramBotFixtureOptions
{
    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Telegram user ids that are admins from start (Bot:Admins).</summary>
    public List<long> Admins { get; } = [TelegramBotFixture.AdminId];

    /// <summary>Extra configuration (e.g. "Bot:EditWindowDays"); wins over the fixture's defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>When set, the bot lives at 09:00 Vietnam time on this day (a FakeTimeProvider, see <see cref="TelegramBotFixture.Time"/>).</summary>
    public DateOnly? Today { get; set; }

    public bool Demo { get; set; }

    /// <summary>Extra services (modules under test) added after the host's own.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>An already running fake server to use (not disposed by the fixture).</summary>
    public FakeTelegramServer? Server { get; set; }

    /// <summary>A folder for the database and outputs, kept on dispose (to start another host on the same data); a new temp folder when null.</summary>
    public string? Folder { get; set; }
}

/// <summary>
/// The bot host composed like `run` (HostComposition + ChannelRegistration) on a temp LiteDB file, talking to a
/// <see cref="FakeTelegramServer"/> through the real Telegram.Bot client. Dispose stops it.
/// </summary>
public sealed class TelegramBotFixture : IAsyncDisposable
{
    public const long AdminId = 1001;
    public const string WebhookPath = "/telegram/webhook";
    public const string WebhookSecret = "test-secret_123";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly bool _ownsServer;
    private readonly bool _ownsFolder;
    private readonly string _folder;
    private readonly ConcurrentDictionary<int, int> _handled = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TelegramBotFixture(FakeTelegramServer server, bool ownsServer, WebApplication app, RecordingLoggerProvider logs, string folder, bool ownsFolder, FakeTimeProvider? time)
    {
        Server = server;
        _ownsServer = ownsServer;
        _ownsFolder = ownsFolder;
        App = app;
        Logs = logs;
        _folder = folder;
        Time = time;
    }

    public FakeTelegramServer Server { get; }
    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public RecordingLoggerProvider Logs { get; }
    public FakeTimeProvider? Time { get; }

    /// <summary>The bot's own base URL (for posting to the webhook).</summary>
    public string BotUrl => App.Urls.First();

    public static async Task<TelegramBotFixture> StartAsync(Action<TelegramBotFixtureOptions>? configure = null)
    {
        var options = new TelegramBotFixtureOptions();
        configure?.Invoke(options);
        var server = options.Server ?? await FakeTelegramServer.StartAsync();
        var folder = options.Folder ?? Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "bot.db"),
            ["Backup:Folder"] = Path.Combine(folder, "backups"),
            ["Storage:LoadDemoData"] = options.Demo ? "true" : "false",
            ["Storage:OutputPath"] = Path.Combine(folder, "out"),
            ["Telegram:BotToken"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl,
            ["Telegram:Mode"] = options.Mode.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "2",
            ["Telegram:ErrorBackoffMilliseconds"] = "50",
        };
        if (options.Mode == TelegramMode.Webhook)
        {
            settings["Telegram:WebhookUrl"] = "https://bot.example.test" + WebhookPath;
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }
        for (var i = 0; i < options.Admins.Count; i++)
        {
            settings[$"Bot:Admins:{i}"] = "telegram:" + options.Admins[i];
        }
        foreach (var (key, value) in options.Settings)
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new RecordingLoggerProvider();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        FakeTimeProvider? time = null;
        if (options.Today is { } today)
        {
            time = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)));
            builder.Services.AddSingleton<TimeProvider>(time);
        }
        var channels = ChannelRegistration.AddChannels(builder.Services, builder.Configuration);
        if (!channels.Contains("telegram"))
        {
            throw new InvalidOperationException("Telegram channel was not registered");
        }
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        ChannelRegistration.MapEndpoints(app);

        var fixture = new TelegramBotFixture(server, options.Server is null, app, logs, folder, options.Folder is null, time);
        app.Services.GetRequiredService<TelegramUpdateHandler>().Handled += fixture.OnHandled;
        await app.StartAsync();
        await app.Services.GetRequiredService<TelegramBot>().Ready.WaitAsync(Timeout);
        return fixture;
    }

    /// <summary>The person types <paramref name="text"/>; returns what the bot sent to that chat in response.</summary>
    public Task<IReadOnlyList<SentMessage>> Say(long userId, string text, string? languageCode = "vi") =>
        Deliver(userId, () => Server.UserSends(userId, text, languageCode));

    /// <summary>The person presses a button (callback data) on message <paramref name="messageId"/>.</summary>
    public Task<IReadOnlyList<SentMessage>> Press(long userId, string callbackData, int messageId, string? languageCode = "vi") =>
        Deliver(userId, () => Server.UserPresses(userId, callbackData, messageId, languageCode));

    /// <summary>The person presses the button labelled <paramref name="label"/> on <paramref name="message"/>.</summary>
    public Task<IReadOnlyList<SentMessage>> Press(long userId, SentMessage message, string label)
    {
        var button = message.AllButtons.FirstOrDefault(b => b.Text == label)
            ?? throw new InvalidOperationException($"No button '{label}' on {message}");
        return Press(userId, button.Data!, message.MessageId);
    }

    /// <summary>Queues an update with <paramref name="enqueue"/>, waits until the bot handled it, returns the messages sent to <paramref name="chatId"/> meanwhile.</summary>
    public async Task<IReadOnlyList<SentMessage>> Deliver(long chatId, Func<int> enqueue, int occurrence = 1)
    {
        var before = Server.SentTo(chatId).Count;
        var updateId = enqueue();
        await WaitHandled(updateId, occurrence);
        return Server.SentTo(chatId).Skip(before).ToList();
    }

    /// <summary>Waits until update <paramref name="updateId"/> has been handled <paramref name="occurrence"/> times.</summary>
    public async Task WaitHandled(int updateId, int occurrence = 1)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                if (_handled.GetValueOrDefault(updateId) >= occurrence)
                {
                    return;
                }
                signal = _changed.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Update {updateId} was not handled within {Timeout}. Logs:\n{Logs.All}");
            }
            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    private void OnHandled(int updateId)
    {
        lock (_gate)
        {
            _handled.AddOrUpdate(updateId, 1, (_, n) => n + 1);
            var old = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            old.TrySetResult();
        }
    }

    /// <summary>A transcript line per message, for assertion messages.</summary>
    public static string Transcript(IEnumerable<SentMessage> messages) => string.Join("\n", messages);

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await App.StopAsync(cts.Token);
        }
        await App.DisposeAsync();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
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
}
