using Microsoft.AspNetCore.Http;
using static KhuyenCongBot.TestSupport.FakeTelegramWire;

namespace KhuyenCongBot.TestSupport;

/// <summary>What goes wrong on the fake Telegram server when a test says so: errors injected, methods that hang, blocked chats, rate limits.</summary>
internal sealed class FakeTelegramFaults(FakeServerSync sync)
{
    private readonly List<Fault> _faults = [];
    private readonly HashSet<string> _hung = [];
    private readonly HashSet<long> _blocked = [];
    private readonly List<(DateTimeOffset At, long Chat)> _sendTimes = [];
    private TaskCompletionSource _unhung = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Messages per second allowed overall and per chat (0 = no limit); sends beyond get 429.</summary>
    public int LimitPerSecond { get; set; }
    public int LimitPerChatPerSecond { get; set; }

    /// <summary>How many sends were refused by the rate limit.</summary>
    public int RateLimited { get; private set; }

    public void FailNext(string method, int errorCode, string description, int? retryAfter, long? chatId, int times)
    {
        lock (sync.Gate)
        {
            _faults.Add(new Fault(method, chatId, errorCode, description, retryAfter, times));
        }
    }

    public void Hang(string[] methods)
    {
        lock (sync.Gate)
        {
            foreach (var m in methods)
            {
                _hung.Add(m.ToLowerInvariant());
            }
        }
    }

    public void Unhang()
    {
        lock (sync.Gate)
        {
            _hung.Clear();
            _unhung.TrySetResult();
            _unhung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Block(long chatId)
    {
        lock (sync.Gate)
        {
            _blocked.Add(chatId);
        }
    }

    /// <summary>For a hung method (lower case), what completes when the test unhangs it; null when it is not hung. Call under the gate.</summary>
    public Task? HangOf(string name) => _hung.Contains(name) ? _unhung.Task : null;

    /// <summary>The error a call gets (an injected fault, a blocked chat, the rate limit), or null when it goes through. Call under the gate.</summary>
    public IResult? Refusal(string method, long? chat)
    {
        var fault = _faults.FirstOrDefault(f => f.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && (f.ChatId is null || f.ChatId == chat));
        if (fault is not null)
        {
            if (--fault.Left <= 0)
            {
                _faults.Remove(fault);
            }
            return Error(fault.Code, fault.Description, fault.RetryAfter);
        }
        if (IsSend(method.ToLowerInvariant()) && chat is { } target)
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
        return null;
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

    private sealed class Fault(string method, long? chatId, int code, string description, int? retryAfter, int times)
    {
        public string Method { get; } = method;
        public long? ChatId { get; } = chatId;
        public int Code { get; } = code;
        public string Description { get; } = description;
        public int? RetryAfter { get; } = retryAfter;
        public int Left { get; set; } = times;
    }
}
