using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeZaloWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>
/// An in-process Zalo Bot API on 127.0.0.1 for tests: updates served one per getUpdates call (long poll, 408 when nothing came),
/// or pushed to the webhook once one is set; sendMessage refuses texts over 2,000 characters; sendPhoto fetches the URL and
/// checks it is a PNG; every call recorded; fault injection (429, 403, 500…) and blocked chats.
/// </summary>
/// <remarks>What people do is here; the updates are <see cref="FakeZaloUpdates"/>'s, the calls and sends <see cref="FakeZaloOutbox"/>'s.</remarks>
public sealed class FakeZaloServer : IAsyncDisposable
{
    public const string DefaultToken = "1234567890:zaloTESTtoken-abcdefghijklmnopqrstuv";
    public const int MaxText = 2000;

    private readonly WebApplication _app;
    private readonly FakeServerSync _sync = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly FakeZaloUpdates _updates;
    private readonly FakeZaloOutbox _outbox;
    private int _nextMessage = 0x1000;

    private FakeZaloServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        _updates = new FakeZaloUpdates(_sync, _http);
        _outbox = new FakeZaloOutbox(_sync, _http, NextId);
    }

    public string Token { get; }

    /// <summary>Base URL to give the bot (Zalo:ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Longest the fake holds a getUpdates call before answering 408 (whatever timeout the bot asked for).</summary>
    public int MaxPollMilliseconds { get => _updates.MaxPollMilliseconds; set => _updates.MaxPollMilliseconds = value; }

    /// <summary>Answer getUpdates with 408 at once instead of holding it (a server that does not long-poll).</summary>
    public bool Instant408 { get => _updates.Instant408; set => _updates.Instant408 = value; }

    /// <summary>The URL and secret of the last setWebhook (null after deleteWebhook).</summary>
    public string? WebhookUrl => _updates.WebhookUrl;
    public string? WebhookSecret => _updates.WebhookSecret;

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
        Enqueue("message.text.received", Message(NextId(), userId, userId, "PRIVATE", displayName, text));

    /// <summary>A person writes in a group.</summary>
    public string UserSendsInGroup(string groupId, string userId, string text) =>
        Enqueue("message.text.received", Message(NextId(), groupId, userId, "GROUP", null, text));

    /// <summary>A person sends a sticker (no text).</summary>
    public string UserSendsSticker(string userId)
    {
        var message = Message(NextId(), userId, userId, "PRIVATE", null, null);
        message["sticker"] = "0e078a2fb66a5f34067b";
        return Enqueue("message.sticker.received", message);
    }

    /// <summary>A person sends what the Bot API does not describe (a shared location, a voice note): only the event, no content.</summary>
    public string UserSendsUnsupported(string userId) =>
        Enqueue("message.unsupported.received", Message(NextId(), userId, userId, "PRIVATE", null, null));

    /// <summary>
    /// A person sends a file (a CSV, a spreadsheet). Zalo's Bot API describes only text, image and sticker messages; anything else
    /// (files, voice, contact cards) is delivered as "message.unsupported.received" with no content: no file id, no URL, not even
    /// its name (<paramref name="fileName"/> is for the test's reader only). So the bot can never download a file sent on Zalo.
    /// </summary>
    public string UserSendsFile(string userId, string fileName)
    {
        _ = fileName;
        return UserSendsUnsupported(userId);
    }

    /// <summary>Queues an update with this event and message (its message_id is kept); pushes it to the webhook when one is set.</summary>
    public string Enqueue(string eventName, JsonObject message) => _updates.Enqueue(eventName, message);

    /// <summary>The JSON of an update made earlier (to post it to a webhook by hand).</summary>
    public string UpdateJson(string messageId) => _updates.UpdateJson(messageId);

    /// <summary>A new text update that is not queued (for webhook tests that post it themselves); returns its message_id.</summary>
    public string MakeUpdate(string userId, string text)
    {
        var message = Message(NextId(), userId, userId, "PRIVATE", null, text);
        var id = message["message_id"]!.GetValue<string>();
        _updates.Keep(id, new JsonObject { ["event_name"] = "message.text.received", ["message"] = message });
        return id;
    }

    // ---------------- faults ----------------

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error code.</summary>
    public void Fail(string method, int errorCode, string description, int times = 1) => _outbox.Fail(method, errorCode, description, times);

    /// <summary>The person blocked the bot: sends to this chat fail with 403.</summary>
    public void Block(string chatId) => _outbox.Block(chatId);

    // ---------------- what the bot did ----------------

    public IReadOnlyList<ZaloApiCall> Calls => _outbox.Calls;

    public int CallCount(string method) => _outbox.CallCount(method);

    public IReadOnlyList<ZaloSentMessage> Sent => _outbox.Sent;

    public IReadOnlyList<ZaloSentMessage> SentTo(string chatId) => _outbox.SentTo(chatId);

    /// <summary>HTTP statuses the bot's webhook answered, by message id.</summary>
    public IReadOnlyList<(string MessageId, int Status)> WebhookDeliveries => _updates.WebhookDeliveries;

    /// <summary>Waits until <paramref name="chatId"/> has received at least <paramref name="count"/> messages in all.</summary>
    public Task<IReadOnlyList<ZaloSentMessage>> WaitForSentAsync(string chatId, int count, TimeSpan? timeout = null) =>
        _outbox.WaitForSentAsync(chatId, count, timeout);

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
        _outbox.Add(new ZaloApiCall(method, body, DateTimeOffset.UtcNow, json));
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        if (_outbox.TakeFault(method) is { } fault)
        {
            return Error(fault.Code, fault.Description);
        }
        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = "1459232241454765289", ["account_name"] = "bot.KhuyenCong", ["account_type"] = "BASIC", ["can_join_groups"] = true }),
            "getUpdates" => await _updates.GetUpdatesAsync(body, http.RequestAborted),
            "setWebhook" => _updates.SetWebhook(body),
            "deleteWebhook" => _updates.DeleteWebhook(),
            "getWebhookInfo" => Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["updated_at"] = Now() }),
            "sendMessage" => _outbox.SendMessage(body),
            "sendPhoto" => await _outbox.SendPhotoAsync(body),
            "sendChatAction" => string.IsNullOrEmpty(Str(body, "chat_id")) ? Error(400, "Bad Request: chat_id is required") : Results.Json(new { ok = true }),
            _ => Error(404, "Not Found: method " + method),
        };
    }

    private string NextId()
    {
        lock (_sync.Gate)
        {
            return "zm" + (_nextMessage++).ToString("x8", CultureInfo.InvariantCulture) + "a4e35";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
