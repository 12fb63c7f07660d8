namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Spaces sends: evenly at 1/N seconds and at most N in any second overall, one per chat per 1/PerChat seconds, and a global pause after a 429; its clock is a <see cref="TimeProvider"/>.</summary>
/// <remarks>
/// Even spacing matters: with a window alone, N sends leave in a burst at the start of each second, and a burst
/// delayed in transit (first connection, a slow write, a GC pause) reaches the server next to the following
/// burst, so the server counts more than N in its own second and answers 429 (seen in the broadcast benchmark).
/// </remarks>
public sealed class SendRateLimiter(TimeProvider time, int perSecond, int perChatPerSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Dictionary<string, DateTimeOffset> _lastByChat = new(StringComparer.Ordinal);
    private readonly TimeSpan _chatInterval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perChatPerSecond);
    private readonly TimeSpan _spacing = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / perSecond);
    private readonly object _lock = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <summary>Waits until a message may be sent to <paramref name="chatKey"/>, then counts it as sent now.</summary>
    public async Task WaitAsync(string chatKey, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (_recent.Count > 0 && _recent.Peek() <= now - Window)
                {
                    _recent.Dequeue();
                }
                wait = TimeSpan.Zero;
                if (_pausedUntil > now)
                {
                    wait = _pausedUntil - now;
                }
                if (_nextSlot > now)
                {
                    wait = Max(wait, _nextSlot - now);
                }
                if (_recent.Count >= perSecond)
                {
                    wait = Max(wait, _recent.Peek() + Window - now);
                }
                if (_lastByChat.TryGetValue(chatKey, out var last) && last + _chatInterval > now)
                {
                    wait = Max(wait, last + _chatInterval - now);
                }
                if (wait <= TimeSpan.Zero)
                {
                    _recent.Enqueue(now);
                    // A send that woke late keeps the schedule (the next slot is not pushed back), so timer lateness does not lower the rate.
                    _nextSlot = (_nextSlot > now - _spacing ? _nextSlot : now) + _spacing;
                    _lastByChat[chatKey] = now;
                    if (_lastByChat.Count > 50_000)
                    {
                        Prune(now);
                    }
                    return;
                }
            }
            // Whole milliseconds, rounded up: timers truncate, and waking early would only loop.
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops all sending for <paramref name="duration"/> (a 429's retry_after).</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + duration;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _lastByChat.Where(kv => kv.Value + _chatInterval <= now).Select(kv => kv.Key).ToList())
        {
            _lastByChat.Remove(key);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
