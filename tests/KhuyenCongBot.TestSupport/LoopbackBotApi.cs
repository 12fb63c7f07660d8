using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using KhuyenCongBot.Telegram;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.TestSupport;

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

    /// <summary>
    /// Whether calls are read in place for the fields the fake needs (--lean-api) instead of as a JSON tree, as all published
    /// runs before 26/11/2026 afternoon did: a leaner harness leaves more of the shared 2 cores to both bots.
    /// </summary>
    public static bool Lean { get; set; }

    /// <summary>Bot API calls received (all methods) and the size of their bodies (characters; bytes with <see cref="Lean"/>).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    public long Bytes => Interlocked.Read(ref _bytes);

    private long _calls;
    private long _bytes;

    public static async Task<LoopbackBotApi> StartAsync()
    {
        var app = LoopbackHost.Create();
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
        Fields fields;
        if (Lean)
        {
            // Read in place for the few fields the fake needs: no string of the body, no JSON tree.
            var body = http.Request.BodyReader;
            ReadResult read;
            while (true)
            {
                read = await body.ReadAsync(http.RequestAborted);
                if (read.IsCompleted)
                {
                    break;
                }
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
            fields = Fields.Parse(read.Buffer);
            Interlocked.Add(ref _bytes, read.Buffer.Length);
            body.AdvanceTo(read.Buffer.End);
        }
        else
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            Interlocked.Add(ref _bytes, body.Length);
            var tree = string.IsNullOrWhiteSpace(body) ? [] : JsonNode.Parse(body) as JsonObject ?? [];
            fields = new Fields
            {
                ChatId = tree["chat_id"] is { } c ? long.Parse(c.ToString(), CultureInfo.InvariantCulture) : 0,
                Text = tree["text"]?.ToString(),
                Offset = tree["offset"] is JsonValue o ? (int)o : 0,
                Limit = tree["limit"] is JsonValue l ? (int)l : 100,
                Timeout = tree["timeout"] is JsonValue t ? (int)t : 0,
                Url = tree["url"]?.ToString(),
                Secret = tree["secret_token"]?.ToString(),
            };
        }
        Interlocked.Increment(ref _calls);
        switch (method.ToLowerInvariant())
        {
            case "getme":
                return Ok("""{"id":7000001,"is_bot":true,"first_name":"Bench","username":"bench_bot"}""");
            case "getupdates":
                return Ok(await GetUpdatesAsync(fields, http.RequestAborted));
            case "sendmessage":
            case "editmessagetext":
                var chat = fields.ChatId;
                var text = fields.Text ?? "";
                int id;
                lock (_gate)
                {
                    id = _nextMessage++;
                }
                if (_listeners.TryGetValue(chat, out var listener))
                {
                    listener(text);
                }
                return Ok(Lean
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{{\"message_id\":{id},\"date\":1,\"chat\":{{\"id\":{chat},\"type\":\"private\"}},\"text\":\"{JsonEncodedText.Encode(text, TelegramJson.Encoder)}\"}}")
                    : new JsonObject
                    {
                        ["message_id"] = id, ["date"] = 1, ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private" }, ["text"] = text,
                    }.ToJsonString(Utf8));
            case "setwebhook":
                PushTo(fields.Url!, fields.Secret);
                return Ok("true");
            default:
                return Ok("true");
        }
    }

    // ---------------- webhook mode: the fake posts each update to the bot, as Telegram does ----------------

    /// <summary>Telegram's default max_connections for a webhook: at most this many updates are posted at once.</summary>
    public const int WebhookConnections = 40;

    private readonly CancellationTokenSource _pushStop = new();
    private readonly List<Task> _pushers = [];
    private HttpClient? _push;

    /// <summary>From now on updates are posted to <paramref name="url"/> (with the secret header) by 40 connections instead of
    /// waiting for getUpdates; an update the bot does not answer with 200 is posted again.</summary>
    public void PushTo(string url, string? secret)
    {
        lock (_gate)
        {
            if (_push is not null)
            {
                return;
            }
            _push = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = WebhookConnections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
            for (var i = 0; i < WebhookConnections; i++)
            {
                _pushers.Add(Task.Run(() => PushLoopAsync(_push, url, secret, _pushStop.Token)));
            }
        }
    }

    private async Task PushLoopAsync(HttpClient http, string url, string? secret, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            (int Id, string Json) next = default;
            Task? signal = null;
            lock (_gate)
            {
                if (_pending.Count > 0)
                {
                    next = _pending[0];
                    _pending.RemoveAt(0);
                }
                else
                {
                    signal = _changed.Task;
                }
            }
            try
            {
                if (signal is not null)
                {
                    await signal.WaitAsync(ct);
                    continue;
                }
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(next.Json!, System.Text.Encoding.UTF8, "application/json") };
                if (secret is not null)
                {
                    request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                }
                using var response = await http.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Requeue(next);
                }
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (signal is null)
            {
                Requeue(next);
                await Task.Delay(10, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void Requeue((int Id, string Json) update)
    {
        lock (_gate)
        {
            _pending.Insert(0, update);
        }
    }

    /// <summary>The top-level fields of a Bot API call the fake uses; nested values (keyboards) are skipped unread.</summary>
    private struct Fields
    {
        public long ChatId;
        public string? Text;
        public string? Url;
        public string? Secret;
        public int Offset;
        public int Limit;
        public int Timeout;

        public static Fields Parse(in ReadOnlySequence<byte> body)
        {
            var fields = new Fields { Limit = 100 };
            if (body.IsEmpty)
            {
                return fields;
            }
            var json = new Utf8JsonReader(body);
            if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            {
                return fields;
            }
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                var field = json.ValueTextEquals("chat_id"u8) ? 1 : json.ValueTextEquals("text"u8) ? 2 : json.ValueTextEquals("offset"u8) ? 3
                    : json.ValueTextEquals("limit"u8) ? 4 : json.ValueTextEquals("timeout"u8) ? 5 : json.ValueTextEquals("url"u8) ? 6
                    : json.ValueTextEquals("secret_token"u8) ? 7 : 0;
                json.Read();
                switch (field)
                {
                    case 1:
                        fields.ChatId = json.TokenType == JsonTokenType.String ? long.Parse(json.GetString()!, CultureInfo.InvariantCulture) : json.GetInt64();
                        break;
                    case 2:
                        fields.Text = json.GetString();
                        break;
                    case 3:
                        fields.Offset = json.GetInt32();
                        break;
                    case 4:
                        fields.Limit = json.GetInt32();
                        break;
                    case 5:
                        fields.Timeout = json.GetInt32();
                        break;
                    case 6:
                        fields.Url = json.GetString();
                        break;
                    case 7:
                        fields.Secret = json.GetString();
                        break;
                    default:
                        json.Skip();
                        break;
                }
            }
            return fields;
        }
    }

    private async Task<string> GetUpdatesAsync(Fields fields, CancellationToken aborted)
    {
        var (offset, limit, timeout) = (fields.Offset, fields.Limit, fields.Timeout);
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
        await _pushStop.CancelAsync();
        await Task.WhenAll(_pushers);
        _push?.Dispose();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
