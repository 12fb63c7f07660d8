using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeTelegramWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>What the bot did on the fake Telegram server: every call, the messages it sent or edited, and waits for them.</summary>
internal sealed class FakeTelegramOutbox(FakeServerSync sync)
{
    private readonly List<ApiCall> _calls = [];
    private readonly List<SentMessage> _sent = [];
    private readonly Dictionary<(long Chat, int Id), SentMessage> _messages = [];
    private readonly Dictionary<long, int> _readCursor = [];
    private int _nextMessageId = 1;

    public IReadOnlyList<ApiCall> Calls
    {
        get { lock (sync.Gate) { return _calls.ToList(); } }
    }

    public IReadOnlyList<SentMessage> Sent
    {
        get { lock (sync.Gate) { return _sent.ToList(); } }
    }

    /// <summary>The text of bot message <paramref name="messageId"/> in <paramref name="chatId"/>, or "…" when unknown.</summary>
    public string TextOf(long chatId, int messageId) => _messages.TryGetValue((chatId, messageId), out var m) ? m.Text : "…";

    public void Add(ApiCall call)
    {
        lock (sync.Gate)
        {
            _calls.Add(call);
            sync.Pulse();
        }
    }

    /// <summary>The next <paramref name="count"/> messages to <paramref name="chatId"/>; throws TimeoutException with what did arrive.</summary>
    public async Task<IReadOnlyList<SentMessage>> NextMessagesTo(long chatId, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task signal;
            lock (sync.Gate)
            {
                var cursor = _readCursor.GetValueOrDefault(chatId);
                var mine = _sent.Where(m => m.ChatId == chatId).Skip(cursor).Take(count).ToList();
                if (mine.Count == count)
                {
                    _readCursor[chatId] = cursor + count;
                    return mine;
                }
                signal = sync.Changed;
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
            lock (sync.Gate)
            {
                var hit = _calls.FirstOrDefault(c => c.Method == method && (match is null || match(c)));
                if (hit is not null)
                {
                    return hit;
                }
                signal = sync.Changed;
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {method} call within {timeout}.");
            }
            await Task.WhenAny(signal, Task.Delay(left));
        }
    }

    /// <summary>A message sent (sendMessage, sendPhoto, sendDocument): recorded, and answered as the Bot API does.</summary>
    public JsonObject Record(string kind, long chat, string text, JsonObject fields, UploadedFile? file)
    {
        lock (sync.Gate)
        {
            var id = _nextMessageId++;
            var message = new SentMessage(kind, chat, id, text, Buttons(fields["reply_markup"]), file, fields["parse_mode"]?.ToString());
            _sent.Add(message);
            _messages[(chat, id)] = message;
            sync.Pulse();
            return MessageJson(message, fields["reply_markup"]);
        }
    }

    /// <summary>editMessageText: refused for an unknown message or one that would not change, as Telegram does.</summary>
    public IResult Edit(long chat, JsonObject fields)
    {
        var id = int.Parse(fields["message_id"]!.ToString(), CultureInfo.InvariantCulture);
        lock (sync.Gate)
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
            sync.Pulse();
            return Ok(MessageJson(edited, fields["reply_markup"]));
        }
    }
}
