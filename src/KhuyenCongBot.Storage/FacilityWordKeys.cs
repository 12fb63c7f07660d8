using KhuyenCongBot.Core.Forms;

namespace KhuyenCongBot.Storage;

/// <summary>
/// A unit's name words in the order a search reads them: the order of their keys in the file ("unit|word" in the database's
/// collation, as <see cref="FacilityWordCache"/> lists them).
/// </summary>
internal sealed class UnitWordOrder
{
    private readonly Dictionary<string, int> _positions;

    private UnitWordOrder(Dictionary<string, int> positions) => _positions = positions;

    public static UnitWordOrder Of(string provinceId, IEnumerable<string> words, Comparison<string> keyOrder)
    {
        var keys = words.Select(w => (Word: w, Key: provinceId + "|" + w)).ToArray();
        Array.Sort(keys, (a, b) => keyOrder(a.Key, b.Key));
        var positions = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            positions[keys[i].Word] = i;
        }
        return new UnitWordOrder(positions);
    }

    public bool TryPosition(string word, out int position) => _positions.TryGetValue(word, out position);
}

/// <summary>
/// Every unit's distinct name words together: a typed word is matched against them once (<see cref="ProvinceWords.Matching"/>),
/// then looked up in each unit searched, instead of being matched against each unit's words in turn (34 units for a question
/// about the whole country, most of them with the same words).
/// </summary>
/// <remarks><see cref="Add"/> under the name index's write lock; <see cref="KeysOf"/> under its read lock, by several threads.</remarks>
internal sealed class AllUnitWords
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private ProvinceWords? _matcher;

    public void Add(string word)
    {
        if (_words.Add(word))
        {
            Volatile.Write(ref _matcher, null);
        }
    }

    /// <summary>
    /// The units' words <paramref name="word"/> matches, as <see cref="FacilitySearchPlan"/> reads them from each unit's word list: the
    /// units in the order given, a unit's words in its key order, with their score and facility count; the typed word itself (no
    /// facility) where a unit has no word equal to it.
    /// </summary>
    public List<WordKey> KeysOf(List<string> provinces, string word, Func<string, (UnitWordOrder Order, Dictionary<string, List<int>> Words)?> unitOf)
    {
        var matcher = Matcher();
        var matches = matcher.Matching(word);
        var keys = new List<WordKey>();
        var inUnit = new List<(int Position, WordKey Key)>();
        foreach (var p in provinces)
        {
            var exact = false;
            if (unitOf(p) is { } unit)
            {
                var (order, words) = unit;
                inUnit.Clear();
                foreach (var (i, score) in matches)
                {
                    var token = matcher.Tokens[i];
                    if (order.TryPosition(token, out var at) && words.TryGetValue(token, out var facilities))
                    {
                        inUnit.Add((at, new WordKey(p, token, score, facilities.Count)));
                    }
                }
                inUnit.Sort((a, b) => a.Position.CompareTo(b.Position));
                foreach (var (_, key) in inUnit)
                {
                    keys.Add(key);
                    exact |= key.Score >= 1;
                }
            }
            if (!exact)
            {
                // As the file's plan: a facility added while the list was read is still found by its exact words.
                keys.Add(new WordKey(p, word, 1.0, 0));
            }
        }
        return keys;
    }

    /// <summary>The facilities of the units' words <paramref name="word"/> matches, added up (a facility once per word it has): what <see cref="KeysOf"/>'s counts add up to.</summary>
    public long CountOf(List<string> provinces, string word, Func<string, Dictionary<string, List<int>>?> wordsOf)
    {
        var matcher = Matcher();
        var matches = matcher.Matching(word);
        var count = 0L;
        foreach (var p in provinces)
        {
            if (wordsOf(p) is not { } words)
            {
                continue;
            }
            foreach (var (i, _) in matches)
            {
                if (words.TryGetValue(matcher.Tokens[i], out var facilities))
                {
                    count += facilities.Count;
                }
            }
        }
        return count;
    }

    private ProvinceWords Matcher()
    {
        if (Volatile.Read(ref _matcher) is { } held)
        {
            return held;
        }
        var tokens = _words.ToArray();
        var built = new ProvinceWords(tokens, new int[tokens.Length], []);
        Volatile.Write(ref _matcher, built);
        return built;
    }
}
