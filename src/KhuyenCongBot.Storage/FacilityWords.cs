namespace KhuyenCongBot.Storage;

/// <summary>One province unit's facility name words (with how many facilities use each) and communes, as kept in memory.</summary>
internal sealed class ProvinceWords(string[] tokens, int[] counts, CommuneCount[] communes)
{
    /// <summary>Distinct folded name words.</summary>
    public string[] Tokens { get; } = tokens;

    /// <summary>Facilities whose name has <see cref="Tokens"/>[i].</summary>
    public int[] Counts { get; } = counts;

    public CommuneCount[] Communes { get; } = communes;

    public int Size => Tokens.Length + Communes.Length;
}

/// <summary>A commune (folded key), the spelling of its first facility, how many facilities are in it and the first one's id.</summary>
internal readonly record struct CommuneCount(string Key, string Name, int Count, long First);

/// <summary>
/// The word lists of recently searched province units, least recently used dropped first once they hold more than
/// <see cref="MaxEntries"/> words and communes together (about 10 MB at most). A search over the whole country reads every unit's
/// list in turn: the cap is above all units' lists together even for a registry of 120.000 facilities with a distinct word each
/// (the figures benchmark), since a least-recently-used cache smaller than one such sweep misses on every unit of every search.
/// </summary>
/// <remarks>
/// A unit's list is dropped when one of its facilities is added and read again at the next search. A list read by another
/// thread while the facility's transaction is still open misses its words until it is dropped again or expires
/// (<see cref="MaxAge"/>); a facility's exact words are looked up whether the list has them or not.
/// </remarks>
internal sealed class FacilityWordCache(Func<string, ProvinceWords> load, TimeProvider time)
{
    /// <summary>Words and communes kept over all cached units.</summary>
    public const int MaxEntries = 250_000;

    /// <summary>A list older than this is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly object _lock = new();
    private readonly Dictionary<string, (ProvinceWords Words, DateTimeOffset Loaded, long Used)> _entries = [];
    private readonly Dictionary<string, long> _generation = [];
    private long _clock;
    private int _size;

    public ProvinceWords Get(string provinceId)
    {
        long generation;
        lock (_lock)
        {
            if (_entries.TryGetValue(provinceId, out var e) && time.GetUtcNow() - e.Loaded < MaxAge)
            {
                _entries[provinceId] = e with { Used = ++_clock };
                return e.Words;
            }
            generation = _generation.GetValueOrDefault(provinceId);
        }
        var words = load(provinceId);
        lock (_lock)
        {
            // A facility added while we read makes this list stale: use it once, keep nothing.
            if (_generation.GetValueOrDefault(provinceId) != generation)
            {
                return words;
            }
            Remove(provinceId);
            _entries[provinceId] = (words, time.GetUtcNow(), ++_clock);
            _size += words.Size;
            while (_size > MaxEntries && _entries.Count > 1)
            {
                Remove(_entries.MinBy(x => x.Value.Used).Key);
            }
        }
        return words;
    }

    /// <summary>Forgets a unit's list after one of its facilities changed.</summary>
    public void Invalidate(string provinceId)
    {
        lock (_lock)
        {
            _generation[provinceId] = _generation.GetValueOrDefault(provinceId) + 1;
            Remove(provinceId);
        }
    }

    /// <summary>Words and communes held (tests).</summary>
    public int Size
    {
        get
        {
            lock (_lock)
            {
                return _size;
            }
        }
    }

    private void Remove(string provinceId)
    {
        if (_entries.Remove(provinceId, out var e))
        {
            _size -= e.Words.Size;
        }
    }
}
