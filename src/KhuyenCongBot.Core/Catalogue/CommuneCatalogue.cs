using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Catalogue;

/// <summary>
/// The 3.321 communes, wards and special zones from 1/7/2025 (seeds/catalogue/communes.json), per current province unit,
/// and the matcher for what officers type: with or without diacritics, with or without "xã/phường/đặc khu", with typos.
/// </summary>
/// <remarks>
/// Names are unique within a province, but ten pairs are the same once diacritics are dropped ("Tân Thành"/"Tân Thạnh" in
/// Tây Ninh): typed without diacritics they are offered as a choice, typed with them (or with the type, when it differs) the
/// right one is taken. A near name (typo, part of a name) is only ever offered, never taken.
/// </remarks>
public sealed partial class CommuneCatalogue
{
    public const string FileName = CommuneSeedFile.FileName;

    /// <summary>Candidates offered at most.</summary>
    public const int MaxCandidates = 5;

    /// <summary>Below this score a commune is not offered.</summary>
    public const double OfferThreshold = 0.6;

    private readonly Dictionary<string, Commune> _byCode;
    private readonly Dictionary<string, Entry[]> _byProvince;
    private readonly CatalogueIndex _catalogue;

    public CommuneCatalogue(IEnumerable<Commune> communes, CatalogueIndex catalogue)
    {
        _catalogue = catalogue;
        var all = communes.ToList();
        _byCode = all.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _byProvince = all.GroupBy(c => c.ProvinceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => new Entry(c)).ToArray(), StringComparer.Ordinal);
        Count = all.Count;
    }

    /// <summary>Communes in the list.</summary>
    public int Count { get; }

    public Commune? ByCode(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c : null;

    /// <summary>The communes of a province (current or former id: a former one gives its current unit's list), in code order.</summary>
    public IReadOnlyList<Commune> InProvince(string provinceId) =>
        _byProvince.TryGetValue(CurrentId(provinceId), out var list) ? list.Select(e => e.Commune).ToList() : [];

    /// <summary>Matches what was typed against the list of one province (current or former id).</summary>
    public CommuneMatch Match(string provinceId, string? typed)
    {
        if (!_byProvince.TryGetValue(CurrentId(provinceId), out var entries) || string.IsNullOrWhiteSpace(typed))
        {
            return CommuneMatch.NoMatch;
        }
        var text = typed.Trim();
        if (FiveDigits().IsMatch(text))
        {
            var byCode = entries.FirstOrDefault(e => e.Commune.Code == text);
            return byCode is null ? CommuneMatch.NoMatch : new CommuneMatch(CommuneMatchKind.Exact, [new(byCode.Commune, 1)]);
        }
        var query = Query.Parse(text);
        if (query.Folded.Length == 0)
        {
            return CommuneMatch.NoMatch;
        }

        // Same name (folded, or without spaces and punctuation: "Ea Hleo" = "Ea H'Leo"), read whole or after its type word.
        var whole = entries.Where(e => Same(query.Whole, e)).ToList();
        var afterType = query.AfterType is { } rest ? entries.Where(e => Same(rest, e)).ToList() : [];
        var pool = whole.Union(afterType.Where(e => e.Commune.Type == query.Type)).ToList();
        if (pool.Count > 1 && query.HasDiacritics)
        {
            var spelled = pool.Where(e => query.Names.Any(q => q.Canonical == e.Canonical)).ToList();
            if (spelled.Count > 0)
            {
                pool = spelled;
            }
        }
        if (pool.Count == 1)
        {
            return new CommuneMatch(CommuneMatchKind.Exact, [new(pool[0].Commune, 1)]);
        }
        if (pool.Count > 1 || afterType.Count > 0)
        {
            // Several with that name (typed without diacritics), or the name of a commune of another type ("xã Ba Đình" is a ward): ask.
            var asked = pool.Select(e => new CommuneCandidate(e.Commune, 0.97))
                .Concat(afterType.Except(pool).Select(e => new CommuneCandidate(e.Commune, 0.95)))
                .OrderByDescending(c => c.Score).ThenByDescending(c => query.Names.Any(q => q.Canonical == Canonical(c.Commune))).ThenBy(c => Canonical(c.Commune), StringComparer.Ordinal)
                .ToList();
            return new CommuneMatch(CommuneMatchKind.Candidates, asked);
        }

        var scored = new List<(Entry Entry, double Score)>();
        // An address ("thôn 3, xã Bát Tràng, Gia Lâm"): the words after a type word that are a commune's whole name.
        foreach (var e in InAddress(query.Folded, entries))
        {
            scored.Add((e, 0.9));
        }
        foreach (var e in entries)
        {
            if (scored.Any(s => s.Entry == e))
            {
                continue;
            }
            var best = 0.0;
            foreach (var q in query.Names)
            {
                best = Math.Max(best, Score(q, e));
            }
            if (best >= OfferThreshold)
            {
                if (query.Type == e.Commune.Type)
                {
                    best += 0.02;
                }
                if (query.HasDiacritics && query.Names.Any(q => SharesSpelledWords(q.Canonical, e.Canonical)))
                {
                    best += 0.03;
                }
                scored.Add((e, Math.Min(best, 0.94)));
            }
        }
        if (scored.Count == 0)
        {
            return CommuneMatch.NoMatch;
        }
        var ranked = scored.OrderByDescending(s => s.Score).ThenBy(s => s.Entry.Canonical, StringComparer.Ordinal).ToList();
        var shown = ranked.Take(MaxCandidates).Select(s => new CommuneCandidate(s.Entry.Commune, Math.Round(s.Score, 3))).ToList();
        var last = ranked[Math.Min(MaxCandidates, ranked.Count) - 1].Score;
        var more = ranked.Skip(MaxCandidates).Count(s => s.Score >= last - 1e-9);
        return new CommuneMatch(CommuneMatchKind.Candidates, shown, more);
    }

    private string CurrentId(string provinceId) => _catalogue.CurrentOf(provinceId)?.Id ?? provinceId;

    private static string Canonical(Commune c) => VnSpelling.Canonical(c.Name);

    /// <summary>Similarity of a typed name and a commune's name (0..1): typos, a name begun, words in another order, a part.</summary>
    private static double Score(Name q, Entry e)
    {
        var score = 0.0;
        // Typos on the whole name (compared without spaces, so "huongcanh" and "huong  canh" count too).
        var allowed = q.Compact.Length >= 8 ? 2 : q.Compact.Length >= 4 ? 1 : 0;
        if (allowed > 0 && Math.Abs(q.Compact.Length - e.Compact.Length) <= allowed)
        {
            var d = FacilitySearch.Levenshtein(q.Compact, e.Compact);
            if (d <= allowed)
            {
                score = d == 1 ? 0.85 : 0.75;
            }
        }
        // The beginning of the name ("huong" -> "Hương Canh", "Hương Sơn").
        if (q.Compact.Length >= 2 && e.Compact.StartsWith(q.Compact, StringComparison.Ordinal))
        {
            score = Math.Max(score, 0.7 + 0.2 * q.Compact.Length / e.Compact.Length);
        }
        // Every typed word matches a word of the name (exactly, its beginning, or with a typo), in any order.
        var nameWords = e.Words;
        var matchedName = new bool[nameWords.Length];
        var all = true;
        var sum = 0.0;
        foreach (var w in q.Words)
        {
            var best = 0.0;
            var at = -1;
            for (var i = 0; i < nameWords.Length; i++)
            {
                var s = w == nameWords[i] ? 1.0 : w.Length >= 2 && nameWords[i].StartsWith(w, StringComparison.Ordinal) ? 0.9 : FacilitySearch.WordScore(w, nameWords[i]);
                if (s > best && !matchedName[i])
                {
                    best = s;
                    at = i;
                }
            }
            if (at < 0)
            {
                all = false;
                break;
            }
            matchedName[at] = true;
            sum += best;
        }
        if (all && q.Words.Length > 0)
        {
            var covered = (double)matchedName.Count(m => m) / nameWords.Length;
            score = Math.Max(score, (0.55 + 0.3 * covered) * (sum / q.Words.Length));
        }
        // A part of the name, four letters or more ("langco" in "chanmaylangco").
        if (q.Compact.Length >= 4 && e.Compact.Contains(q.Compact, StringComparison.Ordinal))
        {
            score = Math.Max(score, 0.65);
        }
        return score;
    }

    /// <summary>Communes named in full right after a type word inside a longer text ("thon 3 xa bat trang gia lam").</summary>
    private static IEnumerable<Entry> InAddress(string folded, Entry[] entries)
    {
        var words = folded.Split(' ');
        var found = new List<Entry>();
        for (var i = 0; i < words.Length; i++)
        {
            var skip = words[i] is "xa" or "phuong" or "x" or "p" ? 1 : words[i] == "dac" && i + 1 < words.Length && words[i + 1] == "khu" ? 2 : 0;
            if (skip == 0)
            {
                continue;
            }
            for (var length = words.Length - i - skip; length >= 1; length--)
            {
                var span = string.Join(' ', words, i + skip, length);
                var hit = entries.Where(e => e.Folded == span).ToList();
                if (hit.Count > 0)
                {
                    found.AddRange(hit);
                    break;
                }
            }
        }
        return found.Distinct();
    }

    private static bool SharesSpelledWords(string typed, string name)
    {
        var words = name.Split(' ');
        return typed.Split(' ').Any(w => VnSpelling.HasDiacritics(w) && words.Contains(w));
    }

    /// <summary>A commune with its name prepared for matching.</summary>
    private sealed class Entry(Commune commune)
    {
        public Commune Commune { get; } = commune;
        public string Folded { get; } = VnText.FoldWords(commune.Name);
        public string Compact { get; } = VnText.FoldWords(commune.Name).Replace(" ", "", StringComparison.Ordinal);
        public string Canonical { get; } = VnSpelling.Canonical(commune.Name);
        public string[] Words { get; } = VnText.FoldWords(commune.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>One reading of the typed text (with its type word, or without it).</summary>
    private sealed record Name(string Folded, string Compact, string Canonical, string[] Words);

    private static bool Same(Name q, Entry e) => q.Folded == e.Folded || q.Compact == e.Compact;

    /// <summary>The typed text: read whole, and after its type word when it begins with one.</summary>
    private sealed record Query(string Folded, Name Whole, Name? AfterType, CommuneType? Type, bool HasDiacritics)
    {
        /// <summary>Type words an officer may put first, as typed (lower case, diacritics kept or left out): "xã", "x.", "phường", "p.", "đặc khu", "đk".</summary>
        /// <remarks>Compared with the diacritics as typed: "Phượng Dực" and "Xà Phiên" are names, not "phường" or "xã" followed by a name.</remarks>
        private static readonly (string Prefix, CommuneType Type)[] Prefixes =
        [
            ("đặc khu ", CommuneType.DacKhu), ("dac khu ", CommuneType.DacKhu), ("đk ", CommuneType.DacKhu), ("dk ", CommuneType.DacKhu),
            ("phường ", CommuneType.Phuong), ("phuong ", CommuneType.Phuong), ("p ", CommuneType.Phuong),
            ("xã ", CommuneType.Xa), ("xa ", CommuneType.Xa), ("x ", CommuneType.Xa),
        ];

        /// <summary>The whole reading first, then the one after the type word.</summary>
        public IEnumerable<Name> Names => AfterType is null ? [Whole] : [Whole, AfterType];

        public static Query Parse(string text)
        {
            var folded = VnText.FoldWords(text);
            var canonical = VnSpelling.Canonical(text);
            var whole = Make(folded, canonical);
            foreach (var (prefix, type) in Prefixes)
            {
                if (canonical.StartsWith(prefix, StringComparison.Ordinal) && canonical.Length > prefix.Length)
                {
                    var words = prefix.Count(c => c == ' ');
                    var restCanonical = string.Join(' ', canonical.Split(' ').Skip(words));
                    var restFolded = string.Join(' ', folded.Split(' ').Skip(words));
                    return new Query(folded, whole, Make(restFolded, restCanonical), type, VnSpelling.HasDiacritics(text));
                }
            }
            return new Query(folded, whole, null, null, VnSpelling.HasDiacritics(text));
        }

        private static Name Make(string folded, string canonical) =>
            new(folded, folded.Replace(" ", "", StringComparison.Ordinal), canonical, folded.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex("^[0-9]{5}$")]
    internal static partial Regex FiveDigits();

    /// <summary>Reads and checks seeds/catalogue/communes.json against the catalogue's current units (<see cref="CommuneSeedFile"/>);
    /// throws <see cref="SeedException"/> naming the file.</summary>
    public static CommuneCatalogue Load(string seedsPath, CatalogueIndex catalogue)
    {
        var communes = CommuneSeedFile.Read(seedsPath, catalogue);
        return new(communes, catalogue) { Former = CommuneFormerMap.Read(seedsPath, catalogue, communes) };
    }

    /// <summary>The former province of each commune of a merged unit (seeds/catalogue/commune-former.json).</summary>
    public CommuneFormerMap Former { get; init; } = CommuneFormerMap.Empty;
}
