using KhuyenCongBot.Core.Forms;

namespace KhuyenCongBot.Storage;

/// <summary>One name word of a province unit a search reads: how well it matches a typed word, and how many facilities have it.</summary>
internal readonly record struct WordKey(string Province, string Token, double Score, int Count)
{
    /// <summary>The key of <see cref="FacilityRepository.TokensIndex"/>: "province|word".</summary>
    public string Key => Province + "|" + Token;
}

/// <summary>
/// Which name words a facility search reads, and in what order: the same plan for the search in the file (LiteDB's word index)
/// and the one in memory (<see cref="FacilityNameIndex"/>), so both read the same facilities.
/// </summary>
internal static class FacilitySearchPlan
{
    /// <summary>Facilities a search reads at most, besides those whose whole name is the query.</summary>
    internal const int MaxCandidates = 400;

    /// <summary>
    /// The words to read for a folded query, in batches of equal score, best first (exact, prefix, one typo, two typos); within a batch
    /// the rarest first. Every facility that can score matches one of any <see cref="FacilitySearch.WordsToCover"/> typed words (a
    /// repeated word counts as often as typed): the rarest are taken.
    /// </summary>
    public static List<List<WordKey>> Batches(List<string> provinces, string folded, Func<string, ProvinceWords> vocabulary)
    {
        var read = new Dictionary<string, List<WordKey>>(StringComparer.Ordinal);
        List<WordKey> KeysOf(string word) => read.TryGetValue(word, out var keys) ? keys : read[word] = WordKeys(provinces, word, vocabulary);
        return Batches(folded, word => KeysOf(word).Sum(k => (long)k.Count), KeysOf);
    }

    /// <summary>
    /// <see cref="Batches(List{string}, string, Func{string, ProvinceWords})"/> with, per typed word, the facilities of the units' words it
    /// matches (<paramref name="countOf"/>: the sum of their keys' counts) and those keys (<paramref name="keysOf"/>: what
    /// <see cref="WordKeys"/> gives, the units in their order, each unit's words in its key order, the typed word itself with no
    /// facility where a unit lacks it), asked only for the words chosen.
    /// </summary>
    public static List<List<WordKey>> Batches(string folded, Func<string, long> countOf, Func<string, List<WordKey>> keysOf)
    {
        var typed = folded.Split(' ');
        var words = typed.GroupBy(w => w).Select(g => (Word: g.Key, Count: countOf(g.Key), Times: g.Count()))
            .OrderBy(w => w.Count).ToList();
        var chosen = new List<List<WordKey>>();
        for (var (i, covered) = (0, 0); i < words.Count && covered < FacilitySearch.WordsToCover(typed.Length); i++)
        {
            chosen.Add(keysOf(words[i].Word));
            covered += words[i].Times;
        }
        var keys = chosen.SelectMany(w => w).GroupBy(k => (k.Province, k.Token)).Select(g => g.MaxBy(k => k.Score))
            .OrderByDescending(k => k.Score).ThenBy(k => k.Count).ToList();
        return keys.GroupBy(k => k.Score).Select(g => g.ToList()).ToList();
    }

    /// <summary>The units' words that match a typed word, with their score and facility count.</summary>
    private static List<WordKey> WordKeys(List<string> provinces, string word, Func<string, ProvinceWords> vocabulary)
    {
        var keys = new List<WordKey>();
        foreach (var p in provinces)
        {
            var words = vocabulary(p);
            var exact = false;
            foreach (var (i, score) in words.Matching(word))
            {
                keys.Add(new WordKey(p, words.Tokens[i], score, words.Counts[i]));
                exact |= score >= 1;
            }
            if (!exact)
            {
                // A facility added while the list was read is still found by its exact words.
                keys.Add(new WordKey(p, word, 1.0, 0));
            }
        }
        return keys;
    }
}
