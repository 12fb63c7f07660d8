using System.Collections.Concurrent;
using KhuyenCongBot.Core.Options;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.People;

/// <summary>
/// Counts wrong invitation and link codes, per sender and for everyone together: past the limit no code is checked at all
/// (a right guess is refused like a wrong one) until the lockout has passed. Kept in memory: a restart forgets the count.
/// </summary>
public sealed class CodeAttempts(TimeProvider time, IOptions<BotOptions> options)
{
    /// <summary>Senders remembered at most; beyond, those whose last wrong code is outside the window are forgotten first.</summary>
    private const int MaxSenders = 10_000;

    private readonly ConcurrentDictionary<string, Senders> _senders = new(StringComparer.Ordinal);
    private readonly Senders _everyone = new();

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.CodeLockoutMinutes);

    /// <summary>How a sender is locked out.</summary>
    public enum Lock { None, Sender, Everyone }

    /// <summary>Whether codes from <paramref name="sender"/> are refused unchecked now, and for how long.</summary>
    public (Lock Kind, TimeSpan Left) LockedOut(string sender)
    {
        var now = time.GetUtcNow();
        lock (_everyone)
        {
            if (_everyone.LockedUntil > now)
            {
                return (Lock.Everyone, _everyone.LockedUntil - now);
            }
        }
        if (_senders.TryGetValue(sender, out var mine))
        {
            lock (mine)
            {
                if (mine.LockedUntil > now)
                {
                    return (Lock.Sender, mine.LockedUntil - now);
                }
            }
        }
        return (Lock.None, TimeSpan.Zero);
    }

    /// <summary>Counts a wrong code from <paramref name="sender"/>; returns the lockout this failure started, if any.</summary>
    public Lock Failed(string sender)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        if (_senders.Count >= MaxSenders)
        {
            Forget(now);
        }
        var started = Lock.None;
        var mine = _senders.GetOrAdd(sender, _ => new Senders());
        lock (mine)
        {
            if (mine.Add(now, Window) >= o.CodeAttemptsPerSender && mine.LockedUntil <= now)
            {
                mine.LockedUntil = now + Window;
                mine.Failures.Clear();
                started = Lock.Sender;
            }
        }
        lock (_everyone)
        {
            if (_everyone.Add(now, Window) >= o.CodeAttemptsGlobal && _everyone.LockedUntil <= now)
            {
                _everyone.LockedUntil = now + Window;
                _everyone.Failures.Clear();
                started = Lock.Everyone;
            }
        }
        return started;
    }

    /// <summary>A right code: the sender's count starts again.</summary>
    public void Succeeded(string sender) => _senders.TryRemove(sender, out _);

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, value) in _senders)
        {
            lock (value)
            {
                if (value.LockedUntil <= now && (value.Failures.Count == 0 || now - value.Failures.Last() > Window))
                {
                    _senders.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Senders
    {
        public readonly Queue<DateTimeOffset> Failures = new();
        public DateTimeOffset LockedUntil;

        /// <summary>Adds a failure, drops those outside the window; returns how many are inside it.</summary>
        public int Add(DateTimeOffset now, TimeSpan window)
        {
            Failures.Enqueue(now);
            while (Failures.Count > 0 && now - Failures.Peek() >= window)
            {
                Failures.Dequeue();
            }
            return Failures.Count;
        }
    }
}
