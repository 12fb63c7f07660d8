using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Benchmarks.Pipeline;

/// <summary>A lean Telegram Bot API on 127.0.0.1 for load: getUpdates with offsets and long polling, sendMessage delivered to a per-chat listener.</summary>
public sealed class LoopbackBotApi : IAsyncDisposable
{
    public const string Token = "123456:BENCH-token_abcdefghijklmnopqrstuvwxyz";

    /// <summary>Like Telegram, the fake answers with Vietnamese as UTF-8 (System.Text.Json would escape it as \uXXXX).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions Utf8 = new() { Encoder = global::KhuyenCongBot.Telegram.TelegramJson.Encoder };
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(int Id, string Json)> _pending = [];
    private readonly ConcurrentDictionary<long, Action<string>> _listeners = new();
    private TaskCompletionSource _changed = New();
    private int _nextUpdate = 1;
    private int _nextMessage = 1;

    private LoopbackBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Bot API calls received (all methods) and the bytes of their bodies.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public long Bytes => Interlocked.Read(ref _bytes);

    private long _calls;
    private long _bytes;

    public static async Task<LoopbackBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new LoopbackBotApi(app);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        await app.StartAsync();
        api.BaseUrl = app.Urls.First();
        return api;
    }

    /// <summary>Calls <paramref name="listener"/> with the text of every message the bot sends to <paramref name="chat"/>.</summary>
    public void Listen(long chat, Action<string> listener) => _listeners[chat] = listener;

    /// <summary>A person types <paramref name="text"/> in their private chat.</summary>
    public void UserSends(long user, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = 1, ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = user, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Cán bộ " + user, ["language_code"] = "vi" },
            ["text"] = text,
        };
        lock (_gate)
        {
            var id = _nextUpdate++;
            _pending.Add((id, new JsonObject { ["update_id"] = id, ["message"] = message }.ToJsonString(Utf8)));
            var old = _changed;
            _changed = New();
            old.TrySetResult();
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            return Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401);
        }
        JsonObject fields;
        using (var reader = new StreamReader(http.Request.Body))
        {
            var body = await reader.ReadToEndAsync();
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _bytes, body.Length);
            fields = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? [];
        }
        switch (method.ToLowerInvariant())
        {
            case "getme":
                return Ok("""{"id":7000001,"is_bot":true,"first_name":"Bench","username":"bench_bot"}""");
            case "getupdates":
                return Ok(await GetUpdatesAsync(fields, http.RequestAborted));
            case "sendmessage":
            case "editmessagetext":
                var chat = long.Parse(fields["chat_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
                var text = fields["text"]?.ToString() ?? "";
                int id;
                lock (_gate)
                {
                    id = _nextMessage++;
                }
                if (_listeners.TryGetValue(chat, out var listener))
                {
                    listener(text);
                }
                return Ok(new JsonObject
                {
                    ["message_id"] = id, ["date"] = 1, ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" }, ["text"] = text,
                }.ToJsonString(Utf8));
            default:
                return Ok("true");
        }
    }

    private async Task<string> GetUpdatesAsync(JsonObject fields, CancellationToken aborted)
    {
        var offset = fields["offset"] is JsonValue o ? (int)o : 0;
        var limit = fields["limit"] is JsonValue l ? (int)l : 100;
        var timeout = fields["timeout"] is JsonValue t ? (int)t : 0;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                _pending.RemoveAll(p => p.Id < offset);
                if (_pending.Count > 0)
                {
                    return "[" + string.Join(",", _pending.Take(Math.Max(1, limit)).Select(p => p.Json)) + "]";
                }
                signal = _changed.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || aborted.IsCancellationRequested)
            {
                return "[]";
            }
            await Task.WhenAny(signal, Task.Delay(left, aborted)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static IResult Ok(string resultJson) => Results.Text("{\"ok\":true,\"result\":" + resultJson + "}", "application/json");

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
