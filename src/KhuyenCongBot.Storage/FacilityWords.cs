using KhuyenCongBot.Core.Forms;

namespace KhuyenCongBot.Storage;

/// <summary>One province unit's facility name words (with how many facilities use each) and communes, as kept in memory.</summary>
/// <remarks>
/// The words are also kept in two orders (by length, and sorted) so that a typed word is compared only with the words it can
/// match (<see cref="Matching"/>): a common word, or a registry with a distinct word per facility, no longer means scoring
/// every word of the unit for every word typed.
/// </remarks>
internal sealed class ProvinceWords
{
    /// <summary>Token numbers in ordinal order of the tokens (for the words a typed word begins).</summary>
    private readonly int[] _sorted;

    /// <summary>Token numbers per token length (for the same word with typos: the length differs by at most the typos allowed).</summary>
    private readonly int[][] _byLength;

    public ProvinceWords(string[] tokens, int[] counts, CommuneCount[] communes)
    {
        (Tokens, Counts, Communes) = (tokens, counts, communes);
        _sorted = Enumerable.Range(0, tokens.Length).ToArray();
        Array.Sort(_sorted, (a, b) => string.CompareOrdinal(tokens[a], tokens[b]));
        var lists = new List<int>[tokens.Length == 0 ? 0 : tokens.Max(t => t.Length) + 1];
        for (var i = 0; i < tokens.Length; i++)
        {
            (lists[tokens[i].Length] ??= []).Add(i);
        }
        _byLength = lists.Select(l => l?.ToArray() ?? []).ToArray();
    }

    /// <summary>Distinct folded name words.</summary>
    public string[] Tokens { get; }

    /// <summary>Facilities whose name has <see cref="Tokens"/>[i].</summary>
    public int[] Counts { get; }

    public CommuneCount[] Communes { get; }

    public int Size => Tokens.Length + Communes.Length;

    /// <summary>
    /// The tokens a typed word matches, in token order, with <see cref="FacilitySearch.WordScore"/>: exactly those with a score above
    /// 0 (the same word or one with typos has a length within the typos allowed; a longer word it begins is found in the sorted order).
    /// </summary>
    public List<(int Token, double Score)> Matching(string word)
    {
        var found = new List<(int, double)>();
        var allowed = FacilitySearch.TyposAllowed(word);
        var (shortest, longest) = (Math.Max(0, word.Length - allowed), Math.Min(_byLength.Length - 1, word.Length + allowed));
        for (var length = shortest; length <= longest; length++)
        {
            foreach (var i in _byLength[length])
            {
                var score = FacilitySearch.WordScore(word, Tokens[i]);
                if (score > 0)
                {
                    found.Add((i, score));
                }
            }
        }
        if (word.Length >= 3)
        {
            // Longer words it begins (the prefix score); those within the length band were scored above.
            for (var at = FirstNotBefore(word); at < _sorted.Length && Tokens[_sorted[at]].StartsWith(word, StringComparison.Ordinal); at++)
            {
                if (Tokens[_sorted[at]].Length > longest)
                {
                    found.Add((_sorted[at], FacilitySearch.WordScore(word, Tokens[_sorted[at]])));
                }
            }
        }
        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }

    /// <summary>The first position in the sorted order whose token is not before <paramref name="word"/>.</summary>
    private int FirstNotBefore(string word)
    {
        var (lo, hi) = (0, _sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(Tokens[_sorted[mid]], word) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
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
