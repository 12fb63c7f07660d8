using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeTelegramWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>
/// An in-process Telegram Bot API on 127.0.0.1 for tests: a queue of updates served by getUpdates (long poll, offset),
/// the messages the bot sends, every call recorded, and simple fault injection (429, 403, 500, rate limits).
/// </summary>
/// <remarks>
/// What people do is here; its parts share one lock and signal (<see cref="FakeServerSync"/>): the updates
/// (<see cref="FakeTelegramUpdates"/>), what the bot did (<see cref="FakeTelegramOutbox"/>), the faults
/// (<see cref="FakeTelegramFaults"/>), the groups (<see cref="FakeTelegramGroups"/>) and the JSON (<see cref="FakeTelegramWire"/>).
/// </remarks>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const long BotId = 7000001;
    public const string BotUsername = "khuyencong_test_bot";

    private readonly WebApplication _app;
    private readonly FakeServerSync _sync = new();
    private readonly FakeTelegramUpdates _updates;
    private readonly FakeTelegramOutbox _outbox;
    private readonly FakeTelegramFaults _faults;
    private readonly FakeTelegramGroups _groups;
    private readonly Dictionary<string, byte[]> _files = [];
    private int _nextCallback = 1;

    private FakeTelegramServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
        _updates = new FakeTelegramUpdates(_sync);
        _outbox = new FakeTelegramOutbox(_sync);
        _faults = new FakeTelegramFaults(_sync);
        _groups = new FakeTelegramGroups(_sync);
    }

    public string Token { get; }

    /// <summary>Base URL to give the bot (Telegram:ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Messages per second allowed overall and per chat (0 = no limit); sends beyond get 429.</summary>
    public int LimitPerSecond { get => _faults.LimitPerSecond; set => _faults.LimitPerSecond = value; }
    public int LimitPerChatPerSecond { get => _faults.LimitPerChatPerSecond; set => _faults.LimitPerChatPerSecond = value; }

    /// <summary>How many sends were refused by the rate limit.</summary>
    public int RateLimited => _faults.RateLimited;

    /// <summary>The URL and secret of the last setWebhook (null after deleteWebhook).</summary>
    public string? WebhookUrl { get; private set; }

    public static async Task<FakeTelegramServer> StartAsync(string token = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz")
    {
        var app = LoopbackHost.Create();
        var server = new FakeTelegramServer(app, token);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", server.DownloadAsync);
        app.MapFallback(() => Results.Json(new { ok = false, error_code = 404, description = "Not Found" }, statusCode: 404));
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    // ---------------- test helpers: what people do ----------------

    /// <summary>A person types <paramref name="text"/> in their private chat; returns the update_id.</summary>
    public int UserSends(long userId, string text, string? languageCode = "vi") =>
        Enqueue(new JsonObject { ["message"] = MessageFrom(userId, PrivateChat(userId), text, languageCode) });

    // ---------------- groups: who is in them (getChatMemberCount, getChatMember) ----------------

    /// <summary>Puts people in a group without anything being sent (as if they were there before the bot).</summary>
    public void InGroup(long groupId, params long[] userIds) => _groups.Set(groupId, true, userIds);

    /// <summary>People in the group who never write (Telegram counts them; the bot never hears of them).</summary>
    public void SilentMembers(long groupId, int count) => _groups.Silent(groupId, count);

    /// <summary>Someone joins (<paramref name="joined"/>) or leaves a group; the service message (new_chat_members/left_chat_member) is queued when <paramref name="announce"/>.</summary>
    public int? Membership(long groupId, long userId, bool joined, bool announce = true, bool isBot = false)
    {
        _groups.Set(groupId, joined, userId);
        if (!announce)
        {
            return null;
        }
        var person = Person(userId, "vi");
        person["is_bot"] = isBot;
        var message = MessageFrom(userId, GroupChat(groupId), null, "vi");
        if (joined)
        {
            message["new_chat_members"] = new JsonArray(person);
        }
        else
        {
            message["left_chat_member"] = person;
        }
        return Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>A chat_member update (sent to bots that are admins and ask for it): <paramref name="userId"/> is now in the group or not.</summary>
    public int ChatMemberUpdate(long groupId, long userId, bool inChat)
    {
        _groups.Set(groupId, inChat, userId);
        return Enqueue(new JsonObject
        {
            ["chat_member"] = new JsonObject
            {
                ["chat"] = GroupChat(groupId), ["from"] = Person(userId, "vi"), ["date"] = Now(),
                ["old_chat_member"] = new JsonObject { ["status"] = inChat ? "left" : "member", ["user"] = Person(userId, "vi") },
                ["new_chat_member"] = new JsonObject { ["status"] = inChat ? "member" : "left", ["user"] = Person(userId, "vi") },
            },
        });
    }

    /// <summary>A person presses a button of a bot message in a group.</summary>
    public int UserPressesInGroup(long groupId, long userId, string callbackData, int messageId)
    {
        int id;
        lock (_sync.Gate)
        {
            id = _nextCallback++;
            _groups.Set(groupId, true, userId);
        }
        return Enqueue(new JsonObject
        {
            ["callback_query"] = CallbackQuery(id, Person(userId, "vi"), "ci-" + groupId, callbackData, messageId, GroupChat(groupId), "…"),
        });
    }

    /// <summary>A person writes in a group (and so is in it); <paramref name="replyToMessageId"/> makes it a reply to a bot message.</summary>
    public int UserSendsInGroup(long groupId, long userId, string text, int? replyToMessageId = null, string? languageCode = "vi")
    {
        _groups.Set(groupId, true, userId);
        var message = MessageFrom(userId, GroupChat(groupId), text, languageCode);
        if (replyToMessageId is { } id)
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = id, ["date"] = Now(), ["chat"] = new JsonObject { ["id"] = groupId, ["type"] = "supergroup" },
                ["from"] = BotUser(), ["text"] = "…",
            };
        }
        return Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>A person presses the button with <paramref name="callbackData"/> on message <paramref name="messageId"/>.</summary>
    public int UserPresses(long userId, string callbackData, int messageId, string? languageCode = "vi")
    {
        var text = _outbox.TextOf(userId, messageId);
        int id;
        lock (_sync.Gate)
        {
            id = _nextCallback++;
        }
        return Enqueue(new JsonObject
        {
            ["callback_query"] = CallbackQuery(id, Person(userId, languageCode), "ci-" + userId, callbackData, messageId, PrivateChat(userId), text),
        });
    }

    /// <summary>A person sends a file (e.g. a CSV to import), with an optional caption.</summary>
    public int UserSendsDocument(long userId, string fileName, byte[] content, string? caption = null, string? languageCode = "vi")
    {
        var fileId = "file-" + Guid.NewGuid().ToString("N")[..8];
        lock (_sync.Gate)
        {
            _files[fileId] = content;
        }
        var message = MessageFrom(userId, PrivateChat(userId), null, languageCode);
        message["document"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_name"] = fileName, ["file_size"] = content.Length };
        if (caption is not null)
        {
            message["caption"] = caption;
        }
        return Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>A person sends a photo (Telegram sends it in sizes, smallest first: a thumbnail and the photo itself).</summary>
    public int UserSendsPhoto(long userId, byte[] content, string? caption = null)
    {
        var fileId = "photo-" + Guid.NewGuid().ToString("N")[..8];
        var thumbId = fileId + "-s";
        lock (_sync.Gate)
        {
            _files[fileId] = content;
            _files[thumbId] = content[..Math.Min(content.Length, 64)];
        }
        var message = MessageFrom(userId, PrivateChat(userId), null, "vi");
        message["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = thumbId, ["file_unique_id"] = "u" + thumbId, ["width"] = 90, ["height"] = 60, ["file_size"] = Math.Min(content.Length, 64) },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["width"] = 1280, ["height"] = 960, ["file_size"] = content.Length });
        if (caption is not null)
        {
            message["caption"] = caption;
        }
        return Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>A person shares a location.</summary>
    public int UserSendsLocation(long userId, double latitude, double longitude)
    {
        var message = MessageFrom(userId, PrivateChat(userId), null, "vi");
        message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        return Enqueue(new JsonObject { ["message"] = message });
    }

    /// <summary>Queues a raw update (its update_id is assigned); returns the update_id.</summary>
    public int Enqueue(JsonObject update) => _updates.Enqueue(update);

    /// <summary>Delivers an already delivered update again (at-least-once delivery), ignoring the bot's offset once.</summary>
    public void Redeliver(int updateId) => _updates.Redeliver(updateId);

    /// <summary>The JSON of an update made earlier (to post it to a webhook).</summary>
    public string UpdateJson(int updateId) => _updates.UpdateJson(updateId);

    /// <summary>Whether the bot has not yet confirmed the update (it is still served by getUpdates): it is on its way, being handled, or waits for the next run.</summary>
    public bool IsPending(int updateId) => _updates.IsPending(updateId);

    /// <summary>Takes an update out of the getUpdates queue (for webhook tests that post it themselves).</summary>
    public void Withdraw(int updateId) => _updates.Withdraw(updateId);

    // ---------------- test helpers: what the bot did ----------------

    public IReadOnlyList<ApiCall> Calls => _outbox.Calls;

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public IReadOnlyList<SentMessage> Sent => _outbox.Sent;

    public IReadOnlyList<SentMessage> SentTo(long chatId) => Sent.Where(m => m.ChatId == chatId).ToList();

    /// <summary>The next message to <paramref name="chatId"/> not yet returned by this method.</summary>
    public async Task<SentMessage> NextMessageTo(long chatId, TimeSpan timeout)
    {
        var list = await NextMessagesTo(chatId, 1, timeout);
        return list[0];
    }

    /// <summary>The next <paramref name="count"/> messages to <paramref name="chatId"/>; throws TimeoutException with what did arrive.</summary>
    public Task<IReadOnlyList<SentMessage>> NextMessagesTo(long chatId, int count, TimeSpan timeout) => _outbox.NextMessagesTo(chatId, count, timeout);

    /// <summary>Waits until a call to <paramref name="method"/> satisfying <paramref name="match"/> was made.</summary>
    public Task<ApiCall> WaitForCall(string method, TimeSpan timeout, Func<ApiCall, bool>? match = null) => _outbox.WaitForCall(method, timeout, match);

    // ---------------- fault injection ----------------

    /// <summary>The next <paramref name="times"/> calls to <paramref name="method"/> (to <paramref name="chatId"/> if given) fail with this error.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, long? chatId = null, int times = 1) =>
        _faults.FailNext(method, errorCode, description, retryAfter, chatId, times);

    /// <summary>Calls to these methods never get an answer (the connection stays open) until <see cref="Unhang"/>: a Bot API that hangs.</summary>
    public void Hang(params string[] methods) => _faults.Hang(methods);

    public void Unhang() => _faults.Unhang();

    /// <summary>The person blocked the bot: every send to the chat gets 403.</summary>
    public void Block(long chatId) => _faults.Block(chatId);

    // ---------------- the API ----------------

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        var (fields, files, json) = await ReadAsync(http.Request);
        var name = method.ToLowerInvariant();
        Task? hang;
        lock (_sync.Gate)
        {
            hang = _faults.HangOf(name);
            if (hang is not null)
            {
                _outbox.Add(new ApiCall(method + "(hung)", fields, files, DateTimeOffset.UtcNow, json));
            }
        }
        if (hang is not null)
        {
            try
            {
                await hang.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Error(499, "Client Closed Request");
            }
            return Error(502, "Bad Gateway (was hung)");
        }
        long? chat = fields["chat_id"] is JsonValue c && long.TryParse(c.ToString(), out var cid) ? cid : null;
        lock (_sync.Gate)
        {
            _outbox.Add(new ApiCall(method, fields, files, DateTimeOffset.UtcNow, json));
            if (_faults.Refusal(method, chat) is { } refused)
            {
                return refused;
            }
        }
        return name switch
        {
            "getme" => Ok(BotUser()),
            "getupdates" => Ok(await _updates.GetUpdatesAsync(fields, http.RequestAborted)),
            "sendmessage" => Ok(_outbox.Record("text", chat!.Value, fields["text"]?.ToString() ?? "", fields, null)),
            "sendphoto" => Ok(_outbox.Record("photo", chat!.Value, fields["caption"]?.ToString() ?? "", fields, files.GetValueOrDefault("photo"))),
            "senddocument" => Ok(_outbox.Record("document", chat!.Value, fields["caption"]?.ToString() ?? "", fields, files.GetValueOrDefault("document"))),
            "editmessagetext" => _outbox.Edit(chat!.Value, fields),
            "answercallbackquery" or "setmycommands" or "sendchataction" => Ok(true),
            "deletewebhook" => SetHook(null),
            "setwebhook" => SetHook(fields["url"]?.ToString()),
            "getwebhookinfo" => Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
            "getfile" => GetFile(fields["file_id"]?.ToString() ?? ""),
            "getchatmembercount" => _groups.MemberCount(chat!.Value),
            "getchatmember" => _groups.MemberOf(chat!.Value, long.Parse(fields["user_id"]!.ToString(), CultureInfo.InvariantCulture)),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private IResult SetHook(string? url)
    {
        lock (_sync.Gate)
        {
            WebhookUrl = url;
        }
        return Ok(true);
    }

    private IResult GetFile(string fileId)
    {
        lock (_sync.Gate)
        {
            if (!_files.TryGetValue(fileId, out var bytes))
            {
                return Error(400, "Bad Request: invalid file_id");
            }
            return Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_size"] = bytes.Length, ["file_path"] = "documents/" + fileId });
        }
    }

    private IResult DownloadAsync(string token, string path)
    {
        if (token != Token)
        {
            return Results.StatusCode(401);
        }
        lock (_sync.Gate)
        {
            var id = path.Split('/').Last();
            return _files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
