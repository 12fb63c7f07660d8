using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Finds facilities by a typed name: diacritic-insensitive, tolerant of small typos and of partial names.</summary>
public static class FacilitySearch
{
    /// <summary>Below this score a facility is not offered.</summary>
    public const double OfferThreshold = 0.6;

    /// <summary>At or above this score a new facility is a likely duplicate.</summary>
    public const double DuplicateThreshold = 0.8;

    /// <summary>The best matches for <paramref name="query"/>, best first.</summary>
    public static IReadOnlyList<(Facility Facility, double Score)> Find(IEnumerable<Facility> facilities, string query, int limit = 5, double threshold = OfferThreshold)
    {
        var q = VnText.FoldWords(query);
        if (q.Length == 0)
        {
            return [];
        }
        return facilities
            .Select(f => (Facility: f, Score: Score(q, VnText.FoldWords(f.Name))))
            .Where(x => x.Score >= threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Facility.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Similarity of a folded query and a folded name, 0..1.</summary>
    public static double Score(string query, string name)
    {
        if (query.Length == 0 || name.Length == 0)
        {
            return 0;
        }
        if (query == name)
        {
            return 1;
        }
        var whole = 1.0 - (double)Levenshtein(query, name) / Math.Max(query.Length, name.Length);
        if (VnText.ContainsWords(name, query))
        {
            return Math.Max(whole, 0.9);
        }
        var qWords = query.Split(' ');
        var nWords = name.Split(' ');
        var matched = 0.0;
        foreach (var qw in qWords)
        {
            var best = 0.0;
            foreach (var nw in nWords)
            {
                best = Math.Max(best, WordScore(qw, nw));
            }
            matched += best;
        }
        var coverage = matched / qWords.Length;
        var tokens = coverage >= 0.75 ? 0.55 + 0.3 * coverage * Math.Min(1.0, (double)qWords.Length / nWords.Length + 0.5) : 0;
        return Math.Max(whole, Math.Min(0.89, tokens));
    }

    /// <summary>The distinct words of a folded name: what a facility is indexed by.</summary>
    public static List<string> Tokens(string name) => VnText.FoldWords(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>
    /// How many of a query's <paramref name="words"/> a search must look up so that every facility <see cref="Score"/> can offer
    /// contains a match (<see cref="WordScore"/> &gt; 0) for at least one of them.
    /// </summary>
    /// <remarks>
    /// A name that is not the query itself scores through its words: at least 3/4 of the query's words must match
    /// (coverage ≥ 0.75), so at most <c>n − ⌈0.75·n⌉</c> words go unmatched and any <c>n − ⌈0.75·n⌉ + 1</c> words include a matched one.
    /// Names that only score through the whole-string edit distance (no word in common, e.g. "battrang") are not covered.
    /// </remarks>
    public static int WordsToCover(int words) => words <= 0 ? 0 : words - (int)Math.Ceiling(0.75 * words - 1e-9) + 1;

    /// <summary>Similarity of one query word and one name word: 1 equal, 0.9 prefix (3+ letters), 0.85/0.7 for 1/2 typos (4+/7+ letters), else 0.</summary>
    public static double WordScore(string q, string w)
    {
        if (q == w)
        {
            return 1;
        }
        if (q.Length >= 3 && w.StartsWith(q, StringComparison.Ordinal))
        {
            return 0.9;
        }
        var allowed = TyposAllowed(q);
        if (allowed == 0 || Math.Abs(q.Length - w.Length) > allowed)
        {
            return 0;
        }
        var d = Levenshtein(q, w);
        return d <= allowed ? 1.0 - 0.15 * d : 0;
    }

    /// <summary>Typos tolerated in a query word: 2 from 7 letters, 1 from 4, else none.</summary>
    public static int TyposAllowed(string queryWord) => queryWord.Length >= 7 ? 2 : queryWord.Length >= 4 ? 1 : 0;

    /// <summary>Edit distance (insert, delete, substitute, swap of neighbours): the bounded table of
    /// <see cref="FacilityScorer.BoundedDistance"/> with no bound, so there is one copy of the table.</summary>
    public static int Levenshtein(string a, string b) => FacilityScorer.BoundedDistance(a, b, int.MaxValue);
}
