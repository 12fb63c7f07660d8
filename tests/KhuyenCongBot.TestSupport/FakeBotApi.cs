using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using static KhuyenCongBot.TestSupport.FakeTelegramWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>
/// A minimal Telegram Bot API on 127.0.0.1 (getMe, sendMessage) that enforces Telegram's limits like the real one:
/// at most <see cref="PerSecond"/> messages in any sliding second overall and <see cref="PerChatPerSecond"/> per chat,
/// answering 429 with parameters.retry_after beyond; every accepted message is recorded.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token_abcdefghijklmnopqrstuvwxyz";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<TimeSpan> _window = new();
    private readonly Dictionary<long, TimeSpan> _lastByChat = [];
    private readonly List<(long Chat, TimeSpan At)> _delivered = [];
    private readonly List<(long Chat, TimeSpan At, bool PerChat, int RetryAfter)> _refused = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _nextMessageId = 1;
    private int _rateLimited;
    private int _peak;
    private (int Count, TaskCompletionSource Reached)? _watch;

    private FakeBotApi(WebApplication app, int perSecond, int perChatPerSecond, TimeSpan latency)
    {
        _app = app;
        PerSecond = perSecond;
        PerChatPerSecond = perChatPerSecond;
        Latency = latency;
    }

    public int PerSecond { get; }
    public int PerChatPerSecond { get; }

    /// <summary>Delay before each answer (after the message is accepted), like a network round trip.</summary>
    public TimeSpan Latency { get; }

    /// <summary>Base URL to give the bot (Telegram:ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeBotApi> StartAsync(int perSecond, int perChatPerSecond, TimeSpan latency)
    {
        var app = LoopbackHost.Create();
        var server = new FakeBotApi(app, perSecond, perChatPerSecond, latency);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapFallback(() => Results.Json(new { ok = false, error_code = 404, description = "Not Found" }, statusCode: 404));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>429 answers given so far.</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    /// <summary>Most messages accepted in one sliding second.</summary>
    public int PeakPerSecond
    {
        get
        {
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    /// <summary>Every accepted message: chat and time since the server started.</summary>
    public IReadOnlyList<(long Chat, TimeSpan At)> Delivered
    {
        get
        {
            lock (_gate)
            {
                return _delivered.ToList();
            }
        }
    }

    /// <summary>Every 429: chat, time since the server started, and whether the per-chat limit (not the overall one) refused it, and the retry_after given.</summary>
    public IReadOnlyList<(long Chat, TimeSpan At, bool PerChat, int RetryAfter)> Refused
    {
        get
        {
            lock (_gate)
            {
                return _refused.ToList();
            }
        }
    }

    /// <summary>Completes when <paramref name="count"/> messages have been accepted.</summary>
    public Task WhenDelivered(int count)
    {
        lock (_gate)
        {
            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_delivered.Count >= count)
            {
                tcs.SetResult();
            }
            else
            {
                _watch = (count, tcs);
            }
            return tcs.Task;
        }
    }

    private async Task<IResult> HandleAsync(string token, string method, HttpRequest request)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        var (fields, _, _) = await ReadAsync(request);
        switch (method.ToLowerInvariant())
        {
            case "getme":
                return Ok(new JsonObject { ["id"] = 7000001, ["is_bot"] = true, ["first_name"] = "Khuyến Công Bot", ["username"] = "khuyencong_bench_bot" });
            case "sendmessage":
                break;
            default:
                return Error(404, "Not Found: method not found");
        }
        if (!long.TryParse(fields["chat_id"]?.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
        {
            return Error(400, "Bad Request: chat not found");
        }
        int messageId;
        lock (_gate)
        {
            var now = _clock.Elapsed;
            while (_window.Count > 0 && _window.Peek() <= now - Window)
            {
                _window.Dequeue();
            }
            var chatBusy = _lastByChat.TryGetValue(chat, out var last) && now - last < TimeSpan.FromTicks(TimeSpan.TicksPerSecond / PerChatPerSecond);
            if (_window.Count >= PerSecond || chatBusy)
            {
                _rateLimited++;
                var free = chatBusy ? last + Window : _window.Peek() + Window;
                var retryAfter = Math.Max(1, (int)Math.Ceiling((free - now).TotalSeconds));
                _refused.Add((chat, now, chatBusy, retryAfter));
                return Error(429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }
            _window.Enqueue(now);
            _peak = Math.Max(_peak, _window.Count);
            _lastByChat[chat] = now;
            _delivered.Add((chat, now));
            messageId = _nextMessageId++;
            if (_watch is { } w && _delivered.Count >= w.Count)
            {
                _watch = null;
                w.Reached.TrySetResult();
            }
        }
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["from"] = new JsonObject { ["id"] = 7000001, ["is_bot"] = true, ["first_name"] = "Khuyến Công Bot", ["username"] = "khuyencong_bench_bot" },
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Người nhận " + chat },
            ["text"] = fields["text"]?.ToString() ?? "",
        };
        if (fields["reply_markup"] is { } markup)
        {
            message["reply_markup"] = markup.DeepClone();
        }
        return Ok(message);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
