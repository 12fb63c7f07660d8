using System.Collections.Concurrent;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>A token bucket per person: a burst of <c>burst</c> messages, then <c>perSecond</c> a second.</summary>
public sealed class FloodGate(TimeProvider time, int burst, double perSecond)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>The verdict for one message.</summary>
    public enum Verdict { Allowed, RefusedFirst, RefusedAgain }

    /// <summary>Takes a token for <paramref name="key"/>; says whether this is the first refusal since the person was last allowed.</summary>
    public Verdict Take(string key)
    {
        if (burst <= 0)
        {
            return Verdict.Allowed;
        }
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket { Tokens = burst, Stamp = now });
        lock (bucket)
        {
            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + elapsed * perSecond);
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Warned = false;
                return Verdict.Allowed;
            }
            if (bucket.Warned)
            {
                return Verdict.RefusedAgain;
            }
            bucket.Warned = true;
            return Verdict.RefusedFirst;
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Stamp;
        public bool Warned;
    }
}
