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
        var typed = folded.Split(' ');
        var words = typed.GroupBy(w => w).Select(g => (Keys: WordKeys(provinces, g.Key, vocabulary), Times: g.Count()))
            .OrderBy(w => w.Keys.Sum(k => (long)k.Count)).ToList();
        var chosen = new List<List<WordKey>>();
        for (var (i, covered) = (0, 0); i < words.Count && covered < FacilitySearch.WordsToCover(typed.Length); i++)
        {
            chosen.Add(words[i].Keys);
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
