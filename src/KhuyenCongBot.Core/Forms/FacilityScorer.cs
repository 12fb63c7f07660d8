using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// <see cref="FacilitySearch.Score"/> of one folded query against many folded names, exact where a search needs it and cheap
/// elsewhere: a name whose score is at least the floor asked gets its exact score; any other gets some score below the floor.
/// </summary>
/// <remarks>
/// A search keeps the names scoring at least its threshold, and of those only its best few: once it holds that many, a name must
/// reach the lowest of them, and the floor rises with it. The word part of the score is cheap (no allocation); the edit distance of
/// the whole strings, most of the cost, only counts when it is above the word part and the floor, so it is first bounded by the
/// lengths and the letters of the two strings, then computed with an early exit once it is surely above that bound.
/// </remarks>
public sealed class FacilityScorer
{
    private readonly string _query;
    private readonly string[] _words;
    private readonly int[] _letters = new int[Letters];

    /// <summary>
    /// Per name word met, its <see cref="FacilitySearch.WordScore"/> against each query word: a search's candidates share most of their
    /// words (the legal form, the trade), so each distinct word is compared with the query's words once, not once per candidate.
    /// </summary>
    private readonly Dictionary<string, double[]> _wordScores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> _wordScoresBySpan;

    /// <summary>Name words whose scores are kept at most (a scorer is made per search; this only bounds an odd one).</summary>
    private const int MaxWordsKept = 4_096;

    /// <summary>Letters counted one by one (folded names: a–z and digits); any other character shares the last slot.</summary>
    private const int Letters = 37;

    public FacilityScorer(string foldedQuery)
    {
        _query = foldedQuery;
        _words = foldedQuery.Split(' ');
        _wordScoresBySpan = _wordScores.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var c in foldedQuery)
        {
            _letters[Slot(c)]++;
        }
    }

    /// <summary>
    /// <see cref="FacilitySearch.Score"/>(query, <paramref name="name"/>) when that is at least <paramref name="floor"/>;
    /// otherwise a value below <paramref name="floor"/>.
    /// </summary>
    public double Score(string name, double floor)
    {
        var query = _query;
        if (query.Length == 0 || name.Length == 0)
        {
            return 0;
        }
        if (query == name)
        {
            return 1;
        }
        var longest = Math.Max(query.Length, name.Length);
        // What the score is without the whole strings' edit distance (as FacilitySearch.Score computes it).
        var words = VnText.ContainsWords(name, query) ? 0.9 : Math.Min(0.89, WordsScore(name));
        // The distance counts only when 1 - d / longest reaches max(words, floor): d at most `bound` (one more than needed, so
        // that a distance above it is surely below by more than rounding).
        var bound = (int)Math.Floor((1.0 - Math.Max(words, floor)) * longest) + 1;
        var d = Math.Abs(query.Length - name.Length) > bound || LetterBound(name) > bound ? bound + 1 : BoundedDistance(query, name, bound);
        if (d > bound)
        {
            return words;
        }
        var whole = 1.0 - (double)d / longest;
        return Math.Max(whole, words);
    }

    /// <summary>
    /// The <paramref name="limit"/> best candidates scoring at least <paramref name="threshold"/>, best first, then by name, equal ones in
    /// the order given: what ordering every candidate's <see cref="FacilitySearch.Score"/> gives.
    /// </summary>
    /// <remarks>
    /// Once <paramref name="limit"/> candidates are held, one scoring below the lowest of the best held can no longer be among the best
    /// (ties included: it is below), so it is scored only as far as it takes to know that (<see cref="Score"/>).
    /// </remarks>
    public List<(long Id, double Score)> Best(IEnumerable<(long Id, string Name, string Folded)> candidates, int limit, double threshold)
    {
        if (limit <= 0)
        {
            return [];
        }
        var kept = new List<(long Id, string Name, double Score)>();
        var best = new PriorityQueue<double, double>();
        var floor = threshold;
        foreach (var c in candidates)
        {
            var score = Score(c.Folded, floor);
            if (score < floor)
            {
                continue;
            }
            kept.Add((c.Id, c.Name, score));
            if (best.Count < limit)
            {
                best.Enqueue(score, score);
            }
            else if (score > best.Peek())
            {
                best.DequeueEnqueue(score, score);
            }
            if (best.Count == limit)
            {
                floor = Math.Max(threshold, best.Peek());
            }
        }
        return kept
            .OrderByDescending(x => x.Score).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(x => (x.Id, x.Score))
            .ToList();
    }


    /// <summary>The word part of <see cref="FacilitySearch.Score"/>: the query's words matched in the name's, 0 below 3/4.</summary>
    private double WordsScore(string name)
    {
        var words = _words;
        Span<double> best = words.Length <= 64 ? stackalloc double[words.Length] : new double[words.Length];
        best.Clear();
        var nameWords = 0;
        var rest = name.AsSpan();
        while (true)
        {
            var space = rest.IndexOf(' ');
            var nw = space < 0 ? rest : rest[..space];
            nameWords++;
            var scores = ScoresOf(nw);
            for (var i = 0; i < words.Length; i++)
            {
                best[i] = Math.Max(best[i], scores[i]);
            }
            if (space < 0)
            {
                break;
            }
            rest = rest[(space + 1)..];
        }
        // Summed in the query's word order, as FacilitySearch.Score does (the same sum to the last bit).
        var matched = 0.0;
        foreach (var b in best)
        {
            matched += b;
        }
        var coverage = matched / words.Length;
        return coverage >= 0.75 ? 0.55 + 0.3 * coverage * Math.Min(1.0, (double)words.Length / nameWords + 0.5) : 0;
    }

    /// <summary>A name word's <see cref="WordScore"/> against each query word, computed once per distinct word.</summary>
    private double[] ScoresOf(ReadOnlySpan<char> nameWord)
    {
        if (_wordScoresBySpan.TryGetValue(nameWord, out var held))
        {
            return held;
        }
        var scores = new double[_words.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = WordScore(_words[i], nameWord);
        }
        if (_wordScores.Count < MaxWordsKept)
        {
            _wordScoresBySpan.TryAdd(nameWord, scores);
        }
        return scores;
    }

    /// <summary><see cref="FacilitySearch.WordScore"/> over a span of the name.</summary>
    private static double WordScore(string q, ReadOnlySpan<char> w)
    {
        if (w.SequenceEqual(q))
        {
            return 1;
        }
        if (q.Length >= 3 && w.StartsWith(q, StringComparison.Ordinal))
        {
            return 0.9;
        }
        var allowed = FacilitySearch.TyposAllowed(q);
        if (allowed == 0 || Math.Abs(q.Length - w.Length) > allowed)
        {
            return 0;
        }
        var d = BoundedDistance(q, w, allowed);
        return d <= allowed ? 1.0 - 0.15 * d : 0;
    }

    /// <summary>A lower bound of the edit distance from the letters alone: an edit changes at most two letter counts by one, a swap none.</summary>
    private int LetterBound(string name)
    {
        Span<int> counts = stackalloc int[Letters];
        _letters.CopyTo(counts);
        foreach (var c in name)
        {
            counts[Slot(c)]--;
        }
        var apart = 0;
        foreach (var n in counts)
        {
            apart += Math.Abs(n);
        }
        return (apart + 1) / 2;
    }

    private static int Slot(char c) => c is >= 'a' and <= 'z' ? c - 'a' : c is >= '0' and <= '9' ? 26 + c - '0' : Letters - 1;

    /// <summary>
    /// <see cref="FacilitySearch.Levenshtein"/> when it is at most <paramref name="bound"/>, else a number above it: the table stops once
    /// two rows in a row are all above the bound (every later row then is too).
    /// </summary>
    public static int BoundedDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int bound)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 768 ? stackalloc int[width * 3] : new int[width * 3];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        var previousLow = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var low = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }
                current[j] = d;
                low = Math.Min(low, d);
            }
            if (low > bound && previousLow > bound)
            {
                return bound + 1;
            }
            previousLow = low;
            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }
}
