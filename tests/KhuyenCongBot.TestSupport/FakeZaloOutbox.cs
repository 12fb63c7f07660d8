using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeZaloWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>
/// What the bot did on the fake Zalo server (every call, the messages sent) and the sends themselves: sendMessage refuses texts
/// over <see cref="FakeZaloServer.MaxText"/> characters, sendPhoto fetches the URL and checks it is a PNG; faults and blocked chats.
/// </summary>
internal sealed class FakeZaloOutbox(FakeServerSync sync, HttpClient http, Func<string> nextId)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const int MaxText = FakeZaloServer.MaxText;

    private readonly List<ZaloApiCall> _calls = [];
    private readonly List<ZaloSentMessage> _sent = [];
    private readonly List<(string Method, int Code, string Description, int Left)> _faults = [];
    private readonly HashSet<string> _blocked = [];

    public IReadOnlyList<ZaloApiCall> Calls
    {
        get
        {
            lock (sync.Gate)
            {
                return _calls.ToList();
            }
        }
    }

    public int CallCount(string method)
    {
        lock (sync.Gate)
        {
            return _calls.Count(c => c.Method == method);
        }
    }

    public IReadOnlyList<ZaloSentMessage> Sent
    {
        get
        {
            lock (sync.Gate)
            {
                return _sent.ToList();
            }
        }
    }

    public IReadOnlyList<ZaloSentMessage> SentTo(string chatId)
    {
        lock (sync.Gate)
        {
            return _sent.Where(s => s.ChatId == chatId).ToList();
        }
    }

    /// <summary>Waits until <paramref name="chatId"/> has received at least <paramref name="count"/> messages in all.</summary>
    public async Task<IReadOnlyList<ZaloSentMessage>> WaitForSentAsync(string chatId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (sync.Gate)
            {
                var sent = _sent.Where(s => s.ChatId == chatId).ToList();
                if (sent.Count >= count)
                {
                    return sent;
                }
                changed = sync.Changed;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Chat {chatId} got fewer than {count} messages: {string.Join(" | ", SentTo(chatId))}");
            }
            await Task.WhenAny(changed, Task.Delay(left));
        }
    }

    public void Add(ZaloApiCall call)
    {
        lock (sync.Gate)
        {
            _calls.Add(call);
            sync.Pulse();
        }
    }

    public void Fail(string method, int errorCode, string description, int times)
    {
        lock (sync.Gate)
        {
            _faults.Add((method, errorCode, description, times));
        }
    }

    public void Block(string chatId)
    {
        lock (sync.Gate)
        {
            _blocked.Add(chatId);
        }
    }

    /// <summary>The fault the next call of <paramref name="method"/> gets, if one is injected (and counts it).</summary>
    public (int Code, string Description)? TakeFault(string method)
    {
        lock (sync.Gate)
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

    public IResult SendMessage(JsonObject body)
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
        return Ok(Record(new ZaloSentMessage("text", chatId, nextId(), text, null, null)));
    }

    public async Task<IResult> SendPhotoAsync(JsonObject body)
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
            using var response = await http.GetAsync(photo);
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
        return Ok(Record(new ZaloSentMessage("photo", chatId, nextId(), caption, photo, bytes)));
    }

    private JsonObject Record(ZaloSentMessage message)
    {
        lock (sync.Gate)
        {
            _sent.Add(message);
            sync.Pulse();
        }
        return new JsonObject { ["message_id"] = message.MessageId, ["date"] = Now() };
    }

    private bool IsBlocked(string chatId)
    {
        lock (sync.Gate)
        {
            return _blocked.Contains(chatId);
        }
    }
}
