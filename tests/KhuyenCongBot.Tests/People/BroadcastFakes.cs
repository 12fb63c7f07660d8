using System.Collections.Concurrent;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Tests.People;

/// <summary>A clock where every timer fires at once, moving time forward to its due time: rate-limit waits cost no real time.</summary>
public sealed class VirtualTime(DateTimeOffset start) : TimeProvider
{
    private readonly object _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!timer.Disposed)
                {
                    callback(state);
                }
            });
        }
        return timer;
    }

    private sealed class Timer : ITimer
    {
        public bool Disposed { get; private set; }
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;
        public void Dispose() => Disposed = true;
        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>A channel that enforces the platform limits on the same clock (violations are recorded, not thrown), answers 429/403/errors on chosen chats, and records deliveries.</summary>
public sealed class LimitCheckingSender(TimeProvider time, int perSecond, string channel = "telegram") : IMessageSender
{
    private readonly object _lock = new();
    private readonly List<DateTimeOffset> _all = [];
    private readonly Dictionary<string, DateTimeOffset> _lastByChat = [];
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public string Channel => channel;
    public ConcurrentBag<string> Violations { get; } = [];
    public ConcurrentQueue<(string ChatId, Reply Reply)> Delivered { get; } = new();
    public Dictionary<string, int> RateLimitOn { get; } = [];
    public HashSet<string> BlockedChats { get; } = [];
    public Dictionary<string, int> ErrorsOn { get; } = [];
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(3);
    public int RateLimited { get; private set; }

    /// <summary>Called after each delivery with the number delivered so far (e.g. to stop the service mid-way).</summary>
    public Action<int>? AfterDelivery { get; set; }

    public Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default)
    {
        int count;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (now < _blockedUntil)
            {
                Violations.Add($"send to {chatId} at {now:O} during a 429 pause until {_blockedUntil:O}");
            }
            _all.Add(now);
            var inWindow = _all.Count(t => t > now - TimeSpan.FromSeconds(1));
            if (inWindow > perSecond)
            {
                Violations.Add($"{inWindow} sends in the second before {now:O}");
            }
            if (_lastByChat.TryGetValue(chatId, out var last) && now - last < TimeSpan.FromSeconds(1))
            {
                Violations.Add($"two sends to {chatId} within {(now - last).TotalMilliseconds} ms");
            }
            _lastByChat[chatId] = now;
            if (RateLimitOn.TryGetValue(chatId, out var left) && left > 0)
            {
                RateLimitOn[chatId] = left - 1;
                RateLimited++;
                _blockedUntil = now + RetryAfter;
                throw new SendFailedException("Too Many Requests", false, RetryAfter);
            }
            if (BlockedChats.Contains(chatId))
            {
                throw new SendFailedException("Forbidden: bot was blocked by the user", true);
            }
            if (ErrorsOn.TryGetValue(chatId, out var errors) && errors > 0)
            {
                ErrorsOn[chatId] = errors - 1;
                throw new HttpRequestException("Bad Gateway");
            }
            Delivered.Enqueue((chatId, reply));
            count = Delivered.Count;
        }
        AfterDelivery?.Invoke(count);
        return Task.CompletedTask;
    }

    public IReadOnlyDictionary<string, int> CountsByChat(string? textStartsWith = null) =>
        Delivered.Where(d => textStartsWith is null || d.Reply.Text.StartsWith(textStartsWith, StringComparison.Ordinal))
            .GroupBy(d => d.ChatId).ToDictionary(g => g.Key, g => g.Count());
}
