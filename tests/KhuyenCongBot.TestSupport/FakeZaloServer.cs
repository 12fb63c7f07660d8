using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.TestSupport;

/// <summary>One call the bot made to the fake Zalo Bot API: the method, its JSON body, and the body as sent.</summary>
public sealed record ZaloApiCall(string Method, JsonObject Body, DateTimeOffset At, string? Json = null)
{
    public string? Str(string field) => Body[field] is JsonValue v ? v.ToString() : Body[field]?.ToJsonString();
}

/// <summary>A message the bot sent, as the person sees it; for photos, the URL and what the fake fetched from it.</summary>
/// <param name="Kind">"text" or "photo".</param>
public sealed record ZaloSentMessage(string Kind, string ChatId, string MessageId, string Text, string? PhotoUrl, byte[]? PhotoBytes)
{
    public override string ToString() => Kind == "photo" ? $"[ảnh {PhotoUrl}] {Text}".TrimEnd() : Text;
}

/// <summary>
/// An in-process Zalo Bot API on 127.0.0.1 for tests: updates served one per getUpdates call (long poll, 408 when nothing came),
/// or pushed to the webhook once one is set; sendMessage refuses texts over 2,000 characters; sendPhoto fetches the URL and
/// checks it is a PNG; every call recorded; fault injection (429, 403, 500…) and blocked chats.
/// </summary>
public sealed class FakeZaloServer : IAsyncDisposable
{
    public const string DefaultToken = "1234567890:zaloTESTtoken-abcdefghijklmnopqrstuv";
    public const int MaxText = 2000;
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Queue<JsonObject> _pending = new();
    private readonly Dictionary<string, JsonObject> _updates = [];
    private readonly List<ZaloApiCall> _calls = [];
    private readonly List<ZaloSentMessage> _sent = [];
    private readonly List<(string Method, int Code, string Description, int Left)> _faults = [];
    private readonly HashSet<string> _blocked = [];
    private readonly List<(string MessageId, int Status)> _webhookDeliveries = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private TaskCompletionSource _changed = NewSignal();
    private int _nextMessage = 0x1000;

    private FakeZaloServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
    }

    public string Token { get; }

    /// <summary>Base URL to give the bot (Zalo:ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Longest the fake holds a getUpdates call before answering 408 (whatever timeout the bot asked for).</summary>
    public int MaxPollMilliseconds { get; set; } = 1000;

    /// <summary>Answer getUpdates with 408 at once instead of holding it (a server that does not long-poll).</summary>
    public bool Instant408 { get; set; }

    /// <summary>The URL and secret of the last setWebhook (null after deleteWebhook).</summary>
    public string? WebhookUrl { get; private set; }
    public string? WebhookSecret { get; private set; }

    public static async Task<FakeZaloServer> StartAsync(string token = DefaultToken)
    {
        var app = LoopbackHost.Create();
        var server = new FakeZaloServer(app, token);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapFallback(() => Results.Json(new { ok = false, error_code = 404, description = "Not Found" }, statusCode: 404));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    // ---------------- what people do ----------------

    /// <summary>A person types <paramref name="text"/> in their private chat (chat id = user id); returns the message_id.</summary>
    public string UserSends(string userId, string text, string? displayName = null) =>
        Enqueue("message.text.received", Message(userId, userId, "PRIVATE", displayName, text));

    /// <summary>A person writes in a group.</summary>
    public string UserSendsInGroup(string groupId, string userId, string text) =>
        Enqueue("message.text.received", Message(groupId, userId, "GROUP", null, text));

    /// <summary>A person sends a sticker (no text).</summary>
    public string UserSendsSticker(string userId)
    {
        var message = Message(userId, userId, "PRIVATE", null, null);
        message["sticker"] = "0e078a2fb66a5f34067b";
        return Enqueue("message.sticker.received", message);
    }

    /// <summary>A person sends what the Bot API does not describe (a shared location, a voice note): only the event, no content.</summary>
    public string UserSendsUnsupported(string userId) =>
        Enqueue("message.unsupported.received", Message(userId, userId, "PRIVATE", null, null));

    /// <summary>Queues an update with this event and message (its message_id is kept); pushes it to the webhook when one is set.</summary>
    public string Enqueue(string eventName, JsonObject message)
    {
        var id = message["message_id"]!.GetValue<string>();
        var update = new JsonObject { ["event_name"] = eventName, ["message"] = message };
        string? webhook;
        string? secret;
        lock (_gate)
        {
            _updates[id] = update;
            webhook = WebhookUrl;
            secret = WebhookSecret;
            if (webhook is null)
            {
                _pending.Enqueue(update);
                Pulse();
            }
        }
        if (webhook is not null)
        {
            _ = PushAsync(webhook, secret ?? "", id, update.ToJsonString());
        }
        return id;
    }

    /// <summary>The JSON of an update made earlier (to post it to a webhook by hand).</summary>
    public string UpdateJson(string messageId)
    {
        lock (_gate)
        {
            return _updates[messageId].ToJsonString();
        }
    }

    /// <summary>A new text update that is not queued (for webhook tests that post it themselves); returns its message_id.</summary>
    public string MakeUpdate(string userId, string text)
    {
        var message = Message(userId, userId, "PRIVATE", null, text);
        var id = message["message_id"]!.GetValue<string>();
        lock (_gate)
        {
            _updates[id] = new JsonObject { ["event_name"] = "message.text.received", ["message"] = message };
        }
        return id;
    }

    // ---------------- faults ----------------

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error code.</summary>
    public void Fail(string method, int errorCode, string description, int times = 1)
    {
        lock (_gate)
        {
            _faults.Add((method, errorCode, description, times));
        }
    }

    /// <summary>The person blocked the bot: sends to this chat fail with 403.</summary>
    public void Block(string chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    // ---------------- what the bot did ----------------

    public IReadOnlyList<ZaloApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public int CallCount(string method)
    {
        lock (_gate)
        {
            return _calls.Count(c => c.Method == method);
        }
    }

    public IReadOnlyList<ZaloSentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToList();
            }
        }
    }

    public IReadOnlyList<ZaloSentMessage> SentTo(string chatId)
    {
        lock (_gate)
        {
            return _sent.Where(s => s.ChatId == chatId).ToList();
        }
    }

    /// <summary>HTTP statuses the bot's webhook answered, by message id.</summary>
    public IReadOnlyList<(string MessageId, int Status)> WebhookDeliveries
    {
        get
        {
            lock (_gate)
            {
                return _webhookDeliveries.ToList();
            }
        }
    }

    /// <summary>Waits until <paramref name="chatId"/> has received at least <paramref name="count"/> messages in all.</summary>
    public async Task<IReadOnlyList<ZaloSentMessage>> WaitForSentAsync(string chatId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var sent = _sent.Where(s => s.ChatId == chatId).ToList();
                if (sent.Count >= count)
                {
                    return sent;
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Chat {chatId} got fewer than {count} messages: {string.Join(" | ", SentTo(chatId))}");
            }
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    // ---------------- the API ----------------

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        JsonObject body;
        string json;
        try
        {
            using var reader = new StreamReader(http.Request.Body);
            json = await reader.ReadToEndAsync();
            body = (JsonNode.Parse(json) as JsonObject) ?? [];
        }
        catch (JsonException)
        {
            return Error(400, "Bad Request: body is not JSON");
        }
        lock (_gate)
        {
            _calls.Add(new ZaloApiCall(method, body, DateTimeOffset.UtcNow, json));
            Pulse();
        }
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        if (TakeFault(method) is { } fault)
        {
            return Error(fault.Code, fault.Description);
        }
        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = "1459232241454765289", ["account_name"] = "bot.KhuyenCong", ["account_type"] = "BASIC", ["can_join_groups"] = true }),
            "getUpdates" => await GetUpdatesAsync(body, http.RequestAborted),
            "setWebhook" => SetWebhook(body),
            "deleteWebhook" => DeleteWebhook(),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["updated_at"] = Now() }),
            "sendMessage" => SendMessage(body),
            "sendPhoto" => await SendPhotoAsync(body),
            "sendChatAction" => string.IsNullOrEmpty(Str(body, "chat_id")) ? Error(400, "Bad Request: chat_id is required") : Results.Json(new { ok = true }),
            _ => Error(404, "Not Found: method " + method),
        };
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var asked = int.TryParse(Str(body, "timeout"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s * 1000 : 30_000;
        var deadline = DateTime.UtcNow.AddMilliseconds(Instant408 ? 0 : Math.Min(asked, MaxPollMilliseconds));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_pending.TryDequeue(out var update))
                {
                    return Ok(update);
                }
                changed = _changed.Task;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || ct.IsCancellationRequested)
            {
                return Error(408, "Request Timeout");
            }
            await Task.WhenAny(changed, Task.Delay(left, ct)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private IResult SetWebhook(JsonObject body)
    {
        var url = Str(body, "url");
        var secret = Str(body, "secret_token");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return Error(400, "Bad Request: url is invalid");
        }
        if (secret is null || secret.Length is < 8 or > 256)
        {
            return Error(400, "Bad Request: secret_token must be 8-256 characters");
        }
        lock (_gate)
        {
            WebhookUrl = url;
            WebhookSecret = secret;
        }
        return Ok(new JsonObject { ["url"] = url, ["updated_at"] = Now() });
    }

    private IResult DeleteWebhook()
    {
        lock (_gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
        }
        return Ok(new JsonObject { ["url"] = "", ["updated_at"] = Now() });
    }

    private IResult SendMessage(JsonObject body)
    {
        var chatId = Str(body, "chat_id");
        var text = Str(body, "text");
        if (string.IsNullOrEmpty(chatId))
        {
            return Error(400, "Bad Request: chat_id is required");
        }
        if (string.IsNullOrEmpty(text) || text.Length > MaxText)
        {
            return Error(400, $"Bad Request: text must be 1 to {MaxText} characters");
        }
        if (IsBlocked(chatId))
        {
            return Error(403, "Forbidden: the user has blocked the bot");
        }
        return Ok(Record(new ZaloSentMessage("text", chatId, NextId(), text, null, null)));
    }

    private async Task<IResult> SendPhotoAsync(JsonObject body)
    {
        var chatId = Str(body, "chat_id");
        var photo = Str(body, "photo");
        var caption = Str(body, "caption") ?? "";
        if (string.IsNullOrEmpty(chatId) || string.IsNullOrEmpty(photo) || !Uri.TryCreate(photo, UriKind.Absolute, out _))
        {
            return Error(400, "Bad Request: chat_id and photo (a URL) are required");
        }
        if (caption.Length > MaxText)
        {
            return Error(400, $"Bad Request: caption must be at most {MaxText} characters");
        }
        if (IsBlocked(chatId))
        {
            return Error(403, "Forbidden: the user has blocked the bot");
        }
        byte[] bytes;
        try
        {
            using var response = await _http.GetAsync(photo);
            if (!response.IsSuccessStatusCode)
            {
                return Error(400, $"Bad Request: photo URL answered {(int)response.StatusCode}");
            }
            bytes = await response.Content.ReadAsByteArrayAsync();
        }
        catch (HttpRequestException)
        {
            return Error(400, "Bad Request: photo URL is not reachable");
        }
        if (bytes.Length < PngSignature.Length || !bytes.AsSpan(0, PngSignature.Length).SequenceEqual(PngSignature))
        {
            return Error(400, "Bad Request: photo is not an image");
        }
        return Ok(Record(new ZaloSentMessage("photo", chatId, NextId(), caption, photo, bytes)));
    }

    private async Task PushAsync(string url, string secret, string messageId, string json)
    {
        int status;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Bot-Api-Secret-Token", secret);
            using var response = await _http.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        lock (_gate)
        {
            _webhookDeliveries.Add((messageId, status));
            Pulse();
        }
    }

    // ---------------- helpers ----------------

    private JsonObject Message(string chatId, string userId, string chatType, string? displayName, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = NextId(),
            ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = displayName ?? userId, ["is_bot"] = false },
            ["chat"] = new JsonObject { ["id"] = chatId, ["chat_type"] = chatType },
            ["date"] = Now(),
        };
        if (text is not null)
        {
            message["text"] = text;
        }
        return message;
    }

    private JsonObject Record(ZaloSentMessage message)
    {
        lock (_gate)
        {
            _sent.Add(message);
            Pulse();
        }
        return new JsonObject { ["message_id"] = message.MessageId, ["date"] = Now() };
    }

    private (int Code, string Description)? TakeFault(string method)
    {
        lock (_gate)
        {
            var i = _faults.FindIndex(f => f.Method == method && f.Left > 0);
            if (i < 0)
            {
                return null;
            }
            var f = _faults[i];
            _faults[i] = f with { Left = f.Left - 1 };
            return (f.Code, f.Description);
        }
    }

    private bool IsBlocked(string chatId)
    {
        lock (_gate)
        {
            return _blocked.Contains(chatId);
        }
    }

    private string NextId()
    {
        lock (_gate)
        {
            return "zm" + (_nextMessage++).ToString("x8", CultureInfo.InvariantCulture) + "a4e35";
        }
    }

    private static string? Str(JsonObject body, string field) => body[field] is JsonValue v ? v.ToString() : null;

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    // Zalo's HTTP status on errors is not documented; the fake uses the error code (the client must read the body either way).
    private static IResult Error(int code, string description) =>
        Results.Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, statusCode: code);

    private void Pulse()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
