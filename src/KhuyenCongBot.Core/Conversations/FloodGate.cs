using System.Collections.Concurrent;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// A token bucket per person that delays, never drops: a burst of <c>burst</c> messages is handled at once, then
/// <c>perSecond</c> a second; a message beyond that is given the next free slot and waits for it, so every message is
/// handled, in order, at the allowed pace.
/// </summary>
public sealed class FloodGate(TimeProvider time, int burst, double perSecond)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>Silence after which a new flood gets the polite notice again (one notice per flood, not per pause in it).</summary>
    public static readonly TimeSpan QuietReset = TimeSpan.FromSeconds(10);

    /// <summary>Whether the gate limits anything (FloodBurst 0 turns it off).</summary>
    public bool Enabled => burst > 0;

    /// <summary>
    /// Takes the next slot for <paramref name="key"/>: how long this message must wait for it (zero: now), and whether it is the
    /// first message that waits since the person was last within the pace (the one that gets the polite notice).
    /// </summary>
    public (TimeSpan Wait, bool FirstWait) Reserve(string key)
    {
        if (!Enabled)
        {
            return (TimeSpan.Zero, false);
        }
        var bucket = Refill(key, out var now);
        lock (bucket)
        {
            if (bucket.Warned && time.GetElapsedTime(bucket.Last, now) >= QuietReset)
            {
                // The person has been quiet long enough: a later flood gets its notice again.
                bucket.Warned = false;
            }
            bucket.Last = now;
            bucket.Tokens -= 1;
            if (bucket.Tokens >= 0)
            {
                return (TimeSpan.Zero, false);
            }
            var first = !bucket.Warned;
            bucket.Warned = true;
            return (TimeSpan.FromSeconds(-bucket.Tokens / perSecond), first);
        }
    }

    /// <summary>How long a new message of <paramref name="key"/> would wait now, with <paramref name="ahead"/> more messages of the person before it (zero when within the pace).</summary>
    public TimeSpan Backlog(string key, int ahead = 0)
    {
        if (!Enabled)
        {
            return TimeSpan.Zero;
        }
        double tokens = burst;
        if (_buckets.ContainsKey(key))
        {
            var bucket = Refill(key, out _);
            lock (bucket)
            {
                tokens = bucket.Tokens;
            }
        }
        tokens -= ahead;
        return tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - tokens) / perSecond);
    }

    private Bucket Refill(string key, out long now)
    {
        var stamp = time.GetTimestamp();
        now = stamp;
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket { Tokens = burst, Stamp = stamp });
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Stamp, stamp).TotalSeconds;
            if (elapsed > 0)
            {
                bucket.Tokens = Math.Min(burst, bucket.Tokens + elapsed * perSecond);
                bucket.Stamp = stamp;
            }
        }
        return bucket;
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Stamp;
        public bool Warned;
        public long Last;
    }
}
