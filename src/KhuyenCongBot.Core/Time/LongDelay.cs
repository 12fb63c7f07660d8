namespace KhuyenCongBot.Core.Time;

/// <summary>Waits of any length: timers take at most ~49 days (2^32-2 ms), so long waits are taken in chunks.</summary>
/// <remarks>Each chunk is at most a day and the time left is read again after it, so a clock that moves (a shifted or fake
/// clock, a system clock set again) is followed.</remarks>
public static class LongDelay
{
    /// <summary>The longest single timer wait used.</summary>
    public static readonly TimeSpan MaxChunk = TimeSpan.FromDays(1);

    /// <summary>Completes at <paramref name="at"/> (at once when it has passed); throws when <paramref name="ct"/> is cancelled.</summary>
    public static async Task UntilAsync(TimeProvider time, DateTimeOffset at, CancellationToken ct)
    {
        while (true)
        {
            var left = at - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }
            var chunk = left > MaxChunk ? MaxChunk : TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds));
            await Task.Delay(chunk, time, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits <paramref name="span"/> however long it is.</summary>
    public static Task ForAsync(TimeProvider time, TimeSpan span, CancellationToken ct) =>
        span <= TimeSpan.Zero ? Task.CompletedTask
        : UntilAsync(time, DateTimeOffset.MaxValue - time.GetUtcNow() < span ? DateTimeOffset.MaxValue : time.GetUtcNow() + span, ct);
}
