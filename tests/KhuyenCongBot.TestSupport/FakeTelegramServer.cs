using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.TestSupport;

/// <summary>One call the bot made to the fake Bot API: the method and its parameters (JSON or form fields), and uploaded files;
/// <paramref name="Json"/> is the request body as sent when it was JSON.</summary>
public sealed record ApiCall(string Method, JsonObject Fields, IReadOnlyDictionary<string, UploadedFile> Files, DateTimeOffset At, string? Json = null)
{
    public string? Str(string field) => Fields[field] is JsonValue v ? v.ToString() : Fields[field]?.ToJsonString();
}

/// <summary>A file the bot uploaded (sendPhoto, sendDocument).</summary>
public sealed record UploadedFile(string FileName, byte[] Content);

/// <summary>A button of an inline keyboard.</summary>
public sealed record SentButton(string Text, string? Data);

/// <summary>A message the bot sent or edited, as a person would see it.</summary>
/// <param name="Kind">"text", "edit", "photo" or "document".</param>
public sealed record SentMessage(string Kind, long ChatId, int MessageId, string Text, IReadOnlyList<IReadOnlyList<SentButton>> Buttons, UploadedFile? File, string? ParseMode)
{
    public IEnumerable<SentButton> AllButtons => Buttons.SelectMany(r => r);

    public override string ToString() =>
        $"[{Kind} #{MessageId}] {Text}" + (Buttons.Count > 0 ? " " + string.Join(" | ", Buttons.Select(r => string.Join(", ", r.Select(b => b.Text)))) : "")
        + (File is null ? "" : $" <{File.FileName}>");
}

/// <summary>
/// An in-process Telegram Bot API on 127.0.0.1 for tests: a queue of updates served by getUpdates (long poll, offset),
/// the messages the bot sends, every call recorded, and simple fault injection (429, 403, 500, rate limits).
/// </summary>
public sealed class FakeTelegramServer : IAsyncDisposable
{
    public const long BotId = 7000001;
    public const string BotUsername = "khuyencong_test_bot";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<(int Id, JsonObject Update, bool Forced)> _pending = [];
    private readonly Dictionary<int, JsonObject> _delivered = [];
    private readonly List<ApiCall> _calls = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<(long Chat, int Id), SentMessage> _messages = [];
    private readonly Dictionary<long, int> _readCursor = [];
    private readonly Dictionary<string, byte[]> _files = [];
    private readonly List<Fault> _faults = [];
    private readonly HashSet<long> _blocked = [];
    private readonly List<(DateTimeOffset At, long Chat)> _sendTimes = [];
    private readonly Dictionary<long, HashSet<long>> _groupMembers = [];
    private readonly Dictionary<long, int> _silentMembers = [];
    private TaskCompletionSource _changed = NewSignal();
    private int _nextUpdateId = 100;
    private int _nextMessageId = 1;
    private int _nextCallback = 1;

    private FakeTelegramServer(WebApplication app, string token)
    {
        _app = app;
        Token = token;
    }

    public string Token { get; }

    /// <summary>Base URL to give the bot (Telegram:ApiBaseUrl).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Messages per second allowed overall and per chat (0 = no limit); sends beyond get 429.</summary>
    public int LimitPerSecond { get; set; }
    public int LimitPerChatPerSecond { get; set; }

    /// <summary>How many sends were refused by the rate limit.</summary>
    public int RateLimited { get; private set; }

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
    public void InGroup(long groupId, params long[] userIds)
    {
        lock (_gate)
        {
            Members(groupId).UnionWith(userIds);
        }
    }

    /// <summary>People in the group who never write (Telegram counts them; the bot never hears of them).</summary>
    public void SilentMembers(long groupId, int count)
    {
        lock (_gate)
        {
            _silentMembers[groupId] = count;
        }
    }

    /// <summary>Someone joins (<paramref name="joined"/>) or leaves a group; the service message (new_chat_members/left_chat_member) is queued when <paramref name="announce"/>.</summary>
    public int? Membership(long groupId, long userId, bool joined, bool announce = true, bool isBot = false)
    {
        lock (_gate)
        {
            if (joined)
            {
                Members(groupId).Add(userId);
            }
            else
            {
                Members(groupId).Remove(userId);
            }
        }
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
        lock (_gate)
        {
            if (inChat)
            {
                Members(groupId).Add(userId);
            }
            else
            {
                Members(groupId).Remove(userId);
            }
        }
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
        lock (_gate)
        {
            id = _nextCallback++;
            Members(groupId).Add(userId);
        }
        return Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cbq-" + id,
                ["from"] = Person(userId, "vi"),
                ["chat_instance"] = "ci-" + groupId,
                ["data"] = callbackData,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId, ["date"] = Now(), ["chat"] = GroupChat(groupId), ["from"] = BotUser(), ["text"] = "…",
                },
            },
        });
    }

    private HashSet<long> Members(long groupId)
    {
        if (!_groupMembers.TryGetValue(groupId, out var members))
        {
            _groupMembers[groupId] = members = [];
        }
        return members;
    }

    private static JsonObject GroupChat(long groupId) => new() { ["id"] = groupId, ["type"] = "supergroup", ["title"] = "Nhóm khuyến công" };

    /// <summary>A person writes in a group (and so is in it); <paramref name="replyToMessageId"/> makes it a reply to a bot message.</summary>
    public int UserSendsInGroup(long groupId, long userId, string text, int? replyToMessageId = null, string? languageCode = "vi")
    {
        lock (_gate)
        {
            Members(groupId).Add(userId);
        }
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
        var text = _messages.TryGetValue((userId, messageId), out var m) ? m.Text : "…";
        int id;
        lock (_gate)
        {
            id = _nextCallback++;
        }
        return Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cbq-" + id,
                ["from"] = Person(userId, languageCode),
                ["chat_instance"] = "ci-" + userId,
                ["data"] = callbackData,
                ["message"] = new JsonObject
                {
                    ["message_id"] = messageId, ["date"] = Now(), ["chat"] = PrivateChat(userId), ["from"] = BotUser(), ["text"] = text,
                },
            },
        });
    }

    /// <summary>A person sends a file (e.g. a CSV to import), with an optional caption.</summary>
    public int UserSendsDocument(long userId, string fileName, byte[] content, string? caption = null, string? languageCode = "vi")
    {
        var fileId = "file-" + Guid.NewGuid().ToString("N")[..8];
        lock (_gate)
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
        lock (_gate)
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
    public int Enqueue(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _pending.Add((id, update, false));
            _delivered[id] = update;
            Pulse();
            return id;
        }
    }

    /// <summary>Delivers an already delivered update again (at-least-once delivery), ignoring the bot's offset once.</summary>
    public void Redeliver(int updateId)
    {
        lock (_gate)
        {
            _pending.Add((updateId, (JsonObject)_delivered[updateId].DeepClone(), true));
            Pulse();
        }
    }

    /// <summary>The JSON of an update made earlier (to post it to a webhook).</summary>
    public string UpdateJson(int updateId)
    {
        lock (_gate)
        {
            return _delivered[updateId].ToJsonString();
        }
    }

    /// <summary>Takes an update out of the getUpdates queue (for webhook tests that post it themselves).</summary>
    public void Withdraw(int updateId)
    {
        lock (_gate)
        {
            _pending.RemoveAll(p => p.Id == updateId);
        }
    }

    // ---------------- test helpers: what the bot did ----------------

    public IReadOnlyList<ApiCall> Calls
    {
        get { lock (_gate) { return _calls.ToList(); } }
    }

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (_gate) { return _sent.ToList(); } }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId) => Sent.Where(m => m.ChatId == chatId).ToList();

    /// <summary>The next message to <paramref name="chatId"/> not yet returned by this method.</summary>
    public async Task<SentMessage> NextMessageTo(long chatId, TimeSpan timeout)
    {
        var list = await NextMessagesTo(chatId, 1, timeout);
        return list[0];
    }

    /// <summary>The next <paramref name="count"/> messages to <paramref name="chatId"/>; throws TimeoutException with what did arrive.</summary>
    public async Task<IReadOnlyList<SentMessage>> NextMessagesTo(long chatId, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var cursor = _readCursor.GetValueOrDefault(chatId);
                var mine = _sent.Where(m => m.ChatId == chatId).Skip(cursor).Take(count).ToList();
                if (mine.Count == count)
                {
                    _readCursor[chatId] = cursor + count;
                    return mine;
                }
                signal = _changed.Task;
                if (DateTimeOffset.UtcNow >= deadline)
                {
                    throw new TimeoutException($"Expected {count} message(s) to {chatId}, got {mine.Count}: {string.Join(" / ", mine)}");
                }
            }
            var left = deadline - DateTimeOffset.UtcNow;
            await Task.WhenAny(signal, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero));
        }
    }

    /// <summary>Waits until a call to <paramref name="method"/> satisfying <paramref name="match"/> was made.</summary>
    public async Task<ApiCall> WaitForCall(string method, TimeSpan timeout, Func<ApiCall, bool>? match = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var hit = _calls.FirstOrDefault(c => c.Method == method && (match is null || match(c)));
                if (hit is not null)
                {
                    return hit;
                }
                signal = _changed.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {method} call within {timeout}.");
            }
            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    // ---------------- fault injection ----------------

    /// <summary>The next <paramref name="times"/> calls to <paramref name="method"/> (to <paramref name="chatId"/> if given) fail with this error.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, long? chatId = null, int times = 1)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(method, chatId, errorCode, description, retryAfter, times));
        }
    }

    /// <summary>Calls to these methods never get an answer (the connection stays open) until <see cref="Unhang"/>: a Bot API that hangs.</summary>
    public void Hang(params string[] methods)
    {
        lock (_gate)
        {
            foreach (var m in methods)
            {
                _hung.Add(m.ToLowerInvariant());
            }
        }
    }

    public void Unhang()
    {
        lock (_gate)
        {
            _hung.Clear();
            _unhung.TrySetResult();
            _unhung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private readonly HashSet<string> _hung = [];
    private TaskCompletionSource _unhung = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The person blocked the bot: every send to the chat gets 403.</summary>
    public void Block(long chatId)
    {
        lock (_gate)
        {
            _blocked.Add(chatId);
        }
    }

    private sealed class Fault(string method, long? chatId, int code, string description, int? retryAfter, int times)
    {
        public string Method { get; } = method;
        public long? ChatId { get; } = chatId;
        public int Code { get; } = code;
        public string Description { get; } = description;
        public int? RetryAfter { get; } = retryAfter;
        public int Left { get; set; } = times;
    }

    // ---------------- the API ----------------

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        var (fields, files, json) = await ReadAsync(http.Request);
        var name = method.ToLowerInvariant();
        Task? hang = null;
        lock (_gate)
        {
            if (_hung.Contains(name))
            {
                _calls.Add(new ApiCall(method + "(hung)", fields, files, DateTimeOffset.UtcNow, json));
                Pulse();
                hang = _unhung.Task;
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
        lock (_gate)
        {
            _calls.Add(new ApiCall(method, fields, files, DateTimeOffset.UtcNow, json));
            Pulse();
            var fault = _faults.FirstOrDefault(f => f.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (f.ChatId is null || f.ChatId == chat));
            if (fault is not null)
            {
                if (--fault.Left <= 0)
                {
                    _faults.Remove(fault);
                }
                return Error(fault.Code, fault.Description, fault.RetryAfter);
            }
            if (IsSend(name) && chat is { } target)
            {
                if (_blocked.Contains(target))
                {
                    return Error(403, "Forbidden: bot was blocked by the user");
                }
                if (OverLimit(target))
                {
                    RateLimited++;
                    return Error(429, "Too Many Requests: retry after 1", 1);
                }
            }
        }
        return name switch
        {
            "getme" => Ok(BotUser()),
            "getupdates" => Ok(await GetUpdatesAsync(fields, http.RequestAborted)),
            "sendmessage" => Ok(Record("text", chat!.Value, fields["text"]?.ToString() ?? "", fields, null)),
            "sendphoto" => Ok(Record("photo", chat!.Value, fields["caption"]?.ToString() ?? "", fields, files.GetValueOrDefault("photo"))),
            "senddocument" => Ok(Record("document", chat!.Value, fields["caption"]?.ToString() ?? "", fields, files.GetValueOrDefault("document"))),
            "editmessagetext" => Edit(chat!.Value, fields),
            "answercallbackquery" or "setmycommands" or "sendchataction" => Ok(true),
            "deletewebhook" => SetHook(null),
            "setwebhook" => SetHook(fields["url"]?.ToString()),
            "getwebhookinfo" => Ok(new JsonObject { ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = 0 }),
            "getfile" => GetFile(fields["file_id"]?.ToString() ?? ""),
            "getchatmembercount" => MemberCount(chat!.Value),
            "getchatmember" => MemberOf(chat!.Value, long.Parse(fields["user_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture)),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    private static bool IsSend(string method) => method is "sendmessage" or "sendphoto" or "senddocument" or "editmessagetext";

    private bool OverLimit(long chat)
    {
        var now = DateTimeOffset.UtcNow;
        _sendTimes.RemoveAll(s => now - s.At > TimeSpan.FromSeconds(1));
        if ((LimitPerSecond > 0 && _sendTimes.Count >= LimitPerSecond) ||
            (LimitPerChatPerSecond > 0 && _sendTimes.Count(s => s.Chat == chat) >= LimitPerChatPerSecond))
        {
            return true;
        }
        _sendTimes.Add((now, chat));
        return false;
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject fields, CancellationToken aborted)
    {
        var offset = fields["offset"] is JsonValue o ? int.Parse(o.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var limit = fields["limit"] is JsonValue l ? int.Parse(l.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 100;
        var timeout = fields["timeout"] is JsonValue t ? int.Parse(t.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                // Confirmed updates (below the offset) are gone, except forced redeliveries.
                _pending.RemoveAll(p => p.Id < offset && !p.Forced);
                var batch = _pending.Take(Math.Max(1, limit)).ToList();
                if (batch.Count > 0)
                {
                    foreach (var forced in batch.Where(b => b.Forced))
                    {
                        _pending.Remove(forced);
                    }
                    return new JsonArray(batch.Select(b => (JsonNode)b.Update.DeepClone()).ToArray());
                }
                signal = _changed.Task;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || aborted.IsCancellationRequested)
            {
                return [];
            }
            try
            {
                await Task.WhenAny(signal, Task.Delay(left, aborted));
            }
            catch (OperationCanceledException)
            {
                return [];
            }
        }
    }

    private JsonObject Record(string kind, long chat, string text, JsonObject fields, UploadedFile? file)
    {
        lock (_gate)
        {
            var id = _nextMessageId++;
            var message = new SentMessage(kind, chat, id, text, Buttons(fields["reply_markup"]), file, fields["parse_mode"]?.ToString());
            _sent.Add(message);
            _messages[(chat, id)] = message;
            Pulse();
            return MessageJson(message, fields["reply_markup"]);
        }
    }

    private IResult Edit(long chat, JsonObject fields)
    {
        var id = int.Parse(fields["message_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        lock (_gate)
        {
            if (!_messages.TryGetValue((chat, id), out var old))
            {
                return Error(400, "Bad Request: message to edit not found");
            }
            var text = fields["text"]?.ToString() ?? "";
            var buttons = Buttons(fields["reply_markup"]);
            if (old.Text == text && JsonSerializer.Serialize(old.Buttons) == JsonSerializer.Serialize(buttons))
            {
                return Error(400, "Bad Request: message is not modified");
            }
            var edited = new SentMessage("edit", chat, id, text, buttons, null, fields["parse_mode"]?.ToString());
            _messages[(chat, id)] = edited;
            _sent.Add(edited);
            Pulse();
            return Ok(MessageJson(edited, fields["reply_markup"]));
        }
    }

    private IResult MemberCount(long chat)
    {
        lock (_gate)
        {
            // Telegram counts the bot too.
            return Ok(JsonValue.Create(Members(chat).Count + _silentMembers.GetValueOrDefault(chat) + 1));
        }
    }

    private IResult MemberOf(long chat, long user)
    {
        lock (_gate)
        {
            var status = Members(chat).Contains(user) ? "member" : "left";
            return Ok(new JsonObject { ["status"] = status, ["user"] = Person(user, "vi") });
        }
    }

    private IResult SetHook(string? url)
    {
        lock (_gate)
        {
            WebhookUrl = url;
        }
        return Ok(true);
    }

    private IResult GetFile(string fileId)
    {
        lock (_gate)
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
        lock (_gate)
        {
            var id = path.Split('/').Last();
            return _files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        }
    }

    private static async Task<(JsonObject Fields, Dictionary<string, UploadedFile> Files, string? Json)> ReadAsync(HttpRequest request)
    {
        var files = new Dictionary<string, UploadedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form)
            {
                var s = value.ToString();
                fields[key] = s.StartsWith('{') || s.StartsWith('[') ? JsonNode.Parse(s) : JsonValue.Create(s);
            }
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = new UploadedFile(file.FileName, buffer.ToArray());
            }
            // Telegram.Bot uploads as "photo": "attach://0" with the file in part "0": file it under the field name too.
            foreach (var (key, value) in fields.ToList())
            {
                if (value is JsonValue v && v.ToString() is var s && s.StartsWith("attach://", StringComparison.Ordinal)
                    && files.TryGetValue(s["attach://".Length..], out var attached))
                {
                    files[key] = attached;
                }
            }
            return (fields, files, null);
        }
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        return (string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body) as JsonObject ?? new JsonObject(), files, body);
    }

    private static IReadOnlyList<IReadOnlyList<SentButton>> Buttons(JsonNode? markup) =>
        markup?["inline_keyboard"] is JsonArray rows
            ? rows.Select(r => (IReadOnlyList<SentButton>)((JsonArray)r!).Select(b => new SentButton(b!["text"]!.ToString(), b["callback_data"]?.ToString())).ToList()).ToList()
            : [];

    private JsonObject MessageJson(SentMessage message, JsonNode? markup)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId, ["date"] = Now(), ["from"] = BotUser(), ["chat"] = PrivateChat(message.ChatId),
        };
        if (message.Kind is "photo" or "document")
        {
            if (message.Text.Length > 0)
            {
                json["caption"] = message.Text;
            }
            json[message.Kind == "photo" ? "photo" : "document"] = message.Kind == "photo"
                ? new JsonArray(new JsonObject { ["file_id"] = "p" + message.MessageId, ["file_unique_id"] = "up" + message.MessageId, ["width"] = 100, ["height"] = 100 })
                : new JsonObject { ["file_id"] = "d" + message.MessageId, ["file_unique_id"] = "ud" + message.MessageId, ["file_name"] = message.File?.FileName };
        }
        else
        {
            json["text"] = message.Text;
        }
        if (markup is not null)
        {
            json["reply_markup"] = markup.DeepClone();
        }
        return json;
    }

    private static JsonObject MessageFrom(long userId, JsonObject chat, string? text, string? languageCode)
    {
        var message = new JsonObject { ["message_id"] = Random.Shared.Next(1, 1_000_000), ["date"] = Now(), ["chat"] = chat, ["from"] = Person(userId, languageCode) };
        if (text is not null)
        {
            message["text"] = text;
        }
        return message;
    }

    private static JsonObject Person(long userId, string? languageCode)
    {
        var person = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Người dùng " + userId };
        if (languageCode is not null)
        {
            person["language_code"] = languageCode;
        }
        return person;
    }

    private static JsonObject PrivateChat(long userId) => new() { ["id"] = userId, ["type"] = "private", ["first_name"] = "Người dùng " + userId };

    private static JsonObject BotUser() => new() { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Khuyến Công Bot", ["username"] = BotUsername };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, int? retryAfter = null)
    {
        var json = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            json["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        return Results.Json(json, statusCode: code);
    }

    private void Pulse()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
