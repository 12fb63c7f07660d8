using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The recognisers whose words live in seeds/lexicon (sources, intents, places, filler) and the leftover check.</summary>
public sealed partial class QuestionParser
{
    /// <summary>Measure priority when several measure words are typed: "lượt" and "gian hàng" over "cơ sở" ("số lượt cơ sở").</summary>
    private static readonly string[] MeasurePriority =
        [Measures.Revenue, Measures.Funding, Measures.Participations, Measures.Booths, Measures.Projects, Measures.Facilities];

    private IReadOnlyList<(string Phrase, string Measure)>? _measurePhrases;

    private IReadOnlyList<(string Phrase, string Measure)> MeasurePhrases => _measurePhrases ??=
        _lexicon.Measures.OrderBy(m => Array.IndexOf(MeasurePriority, m.Measure)).ThenByDescending(m => m.Phrase.Length).ToList();

    private HashSet<string>? _knownWords;

    /// <summary>Every word the bot knows (lexicon, catalogue, the phrases of this parser): what a typo may be corrected to.</summary>
    private HashSet<string> KnownWords => _knownWords ??= BuildKnownWords();

    private HashSet<string> BuildKnownWords()
    {
        var words = new HashSet<string>(_lexicon.KnownWords, StringComparer.Ordinal);
        var phrases = catalogue.Activities.SelectMany(a => new[] { a.Name, a.ShortName }.Concat(a.Aliases))
            .Concat(catalogue.Provinces.SelectMany(p => new[] { p.Name, p.ShortName }.Concat(p.Aliases)))
            .Concat(catalogue.Regions.SelectMany(r => r.Aliases.Append(r.Name)));
        foreach (var phrase in phrases)
        {
            words.UnionWith(VnText.FoldWords(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        words.UnionWith(_lexicon.Shorthand.Keys);
        // The words of the phrases written as patterns (comparisons, rankings, breakdowns, periods).
        Regex[] patterns = [PlanRegex(), SplitMostRegex(), LooseTopRegex(), ByRegex(), WhichRegex(), EstimateRegex(), ActualRegex(),
            ExcludeEstimatesRegex(), FollowUpRegex(), FollowUpTailRegex(), .. Patterns.All];
        words.UnionWith(patterns.SelectMany(r => Regex.Matches(r.ToString(), "[a-z]{3,}").Select(m => m.Value)));
        words.UnionWith(PeriodParser.Words);
        words.UnionWith(KindRecognisers.Words.SelectMany(w => VnText.FoldWords(w).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return words;
    }

    /// <summary>Replaces a word the bot does not know by the one known word it is one keystroke away from ("hnag" → "hang"), and notes it.</summary>
    private string Correct(string folded, QuestionParts parts)
    {
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (t.Length < 3 || t.Any(char.IsDigit) || KnownWords.Contains(t))
            {
                continue;
            }
            string? only = null;
            var count = 0;
            foreach (var w in KnownWords)
            {
                if (w.Length >= 3 && Math.Abs(w.Length - t.Length) <= 1 && OneEditApart(t, w))
                {
                    only = w;
                    if (++count > 1)
                    {
                        break;
                    }
                }
            }
            if (count == 1)
            {
                if (!parts.Corrections.Contains((t, only!)))
                {
                    parts.Corrections.Add((t, only!));
                }
                tokens[i] = only!;
            }
        }
        return string.Join(' ', tokens);
    }

    /// <summary>One insertion, deletion, substitution or swap of two neighbours.</summary>
    internal static bool OneEditApart(string a, string b)
    {
        if (a == b)
        {
            return false;
        }
        if (a.Length == b.Length)
        {
            var diff = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return diff.Count == 1 || (diff.Count == 2 && diff[1] == diff[0] + 1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]);
        }
        var (shorter, longer) = a.Length < b.Length ? (a, b) : (b, a);
        if (longer.Length - shorter.Length != 1)
        {
            return false;
        }
        var k = 0;
        while (k < shorter.Length && shorter[k] == longer[k])
        {
            k++;
        }
        return string.CompareOrdinal(shorter, k, longer, k + 1, shorter.Length - k) == 0;
    }

    /// <summary>Extra names of places (seeds/lexicon/places.json: "Hanoi", "Bac Ninh province") become the catalogue's name.</summary>
    private string ApplyPlaceAliases(string folded)
    {
        var s = " " + folded + " ";
        foreach (var (phrase, id) in _lexicon.Places)
        {
            var padded = " " + phrase + " ";
            if (s.Contains(padded, StringComparison.Ordinal))
            {
                var name = catalogue.Province(id)?.ShortName ?? catalogue.Region(id)?.Name ?? id;
                s = s.Replace(padded, " " + VnText.FoldWords(name) + " ", StringComparison.Ordinal);
            }
        }
        return s.Trim();
    }

    private (string Id, string Phrase)? FindActivityPhrase(string s)
    {
        var activity = catalogue.FindActivityIn(s.Trim());
        if (activity is null)
        {
            return null;
        }
        var phrase = new[] { activity.Name, activity.ShortName, activity.Id.Replace('_', ' ') }.Concat(activity.Aliases)
            .Select(VnText.FoldWords).Where(p => p.Length > 0 && VnText.ContainsWords(s, p)).OrderByDescending(p => p.Length).First();
        return (activity.Id, phrase);
    }

    /// <summary>Data the bot does not hold ("số công nhân", "lợi nhuận"), unless the words belong to an activity's name.</summary>
    private void ReadUnsupported(ref string s, QuestionParts parts)
    {
        var activityPhrase = FindActivityPhrase(s)?.Phrase;
        foreach (var (phrase, what) in _lexicon.Unsupported)
        {
            if (VnText.ContainsWords(s, phrase) && (activityPhrase is null || !VnText.ContainsWords(activityPhrase, phrase)))
            {
                parts.Unsupported ??= what;
                s = Remove(s, phrase);
            }
        }
    }

    /// <summary>A funding source as a filter ("nguồn KCQG", "ngân sách tỉnh") or a breakdown ("theo nguồn").</summary>
    private void ReadSource(ref string s, QuestionParts parts)
    {
        var text = s;
        foreach (var phrase in _lexicon.SourceBreakdown)
        {
            // "các nguồn" is a breakdown, but not inside a source that says more ("các nguồn khác": other sources).
            if (VnText.ContainsWords(s, phrase)
                && !_lexicon.Sources.Any(x => x.Phrase.Length > phrase.Length && x.Phrase.Contains(phrase, StringComparison.Ordinal) && VnText.ContainsWords(text, x.Phrase)))
            {
                parts.Breakdown = BreakdownBy.Source;
                s = Remove(s, phrase);
                break;
            }
        }
        foreach (var (phrase, source) in _lexicon.Sources)
        {
            // Every form of the pattern holds " phrase ": the (costly) pattern runs only for a phrase that is there.
            if (!ContainsPhrase(s, phrase))
            {
                continue;
            }
            var m = PhraseRegex(@" (rieng |chi (tinh |lay |xem )?|only |tu |from )?(nguon (von )?|of )?" + Regex.Escape(phrase) + "(?= )").Match(s);
            if (m.Success)
            {
                parts.Source = source;
                parts.SourceNamesMoney = MoneyWordsRegex().IsMatch(phrase);
                s = Cut(s, m);
                break;
            }
        }
        // "kinh phí KCQG và KCĐP": two sources named at once are answered by the breakdown by source (each figure on its line).
        var rest = s;
        if (parts.Source is { } first && _lexicon.Sources.FirstOrDefault(x => x.Source != first && VnText.ContainsWords(rest, x.Phrase)) is { Phrase: { } second })
        {
            parts.Source = null;
            parts.Breakdown = BreakdownBy.Source;
            // Two funding sources named: the question is about the money, whatever else it names.
            parts.SourceNamesMoney = true;
            s = Cut(s, Regex.Match(s, @" (va |voi |and |with )?(nguon (von )?)?" + Regex.Escape(second) + "(?= )"));
        }
    }

    /// <summary>
    /// "hợp tác xã", "doanh nghiệp", "do phụ nữ làm chủ": a legal form or priority group of facilities (seeds/lexicon/intents.json,
    /// "group:&lt;id of seeds/catalogue/beneficiaries.json&gt;"); the figure keeps those facilities. Words that also name the facilities
    /// measure ("htx", "doanh nghiệp") are left for the measure reader; the others are taken here.
    /// </summary>
    /// <remarks>Several groups named ("hợp tác xã do phụ nữ làm chủ") are kept together, joined by "+": facilities in all of them.</remarks>
    private void ReadFacilityGroup(ref string s, QuestionParts parts)
    {
        var groups = new List<string>();
        var phrases = new List<string>();
        var probe = s;
        foreach (var (phrase, group) in _lexicon.FacilityGroups)
        {
            if (!ContainsPhrase(probe, phrase))
            {
                continue;
            }
            var m = PhraseRegex(" " + Regex.Escape(phrase) + "(?= )").Match(probe);
            if (!m.Success)
            {
                continue;
            }
            // Longest phrases first: "do phụ nữ làm chủ" is taken before "nữ làm chủ" could be read in it again.
            probe = Cut(probe, m);
            phrases.Add(phrase);
            if (!groups.Contains(group))
            {
                groups.Add(group);
            }
        }
        foreach (var phrase in phrases)
        {
            // A phrase that also names the facilities measure ("htx") is left for it, unless several groups are named (then the measure is facilities).
            if (groups.Count > 1 || !_lexicon.Measures.Any(x => x.Phrase == phrase))
            {
                s = Cut(s, PhraseRegex(" " + Regex.Escape(phrase) + "(?= )").Match(s));
            }
        }
        parts.FacilityGroup = groups.Count == 0 ? null : string.Join('+', groups.Order(StringComparer.Ordinal));
    }

    /// <summary>Greetings and thanks: a message made only of them is small talk, not a figures question.</summary>
    private void ReadSocial(ref string s, QuestionParts parts)
    {
        if (Take(ref s, _lexicon.Greetings) is not null)
        {
            parts.Greeting = true;
            while (Take(ref s, _lexicon.Greetings) is not null)
            {
            }
        }
        if (Take(ref s, _lexicon.Thanks) is not null)
        {
            parts.Thanks = true;
        }
    }

    /// <summary>Exclusion words before something other than the estimates ("không tính số ước" is read elsewhere) or "nào".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@" (?<w>khong bao gom|khong tinh|khong ke|khong gom|ngoai tru|loai tru|tru|excluding|except) (?!(nao|cac so uoc|so lieu uoc|so uoc|uoc|estimates?|estimated)( |$))")]
    private static partial System.Text.RegularExpressions.Regex ExclusionRegex();

    /// <summary>Drops filler words; what remains was not understood and is kept, as typed, in <see cref="QuestionParts.Unknown"/>.</summary>
    private void ReadLeftover(string s, string original, QuestionParts parts)
    {
        // "không tính Hà Nội", "trừ Phú Thọ": an exclusion the bot cannot apply. Its words are read one by one ("không" a filler,
        // "tính" as "tỉnh"), so without this the place after them was read as the scope: the opposite of what was asked.
        if (ExclusionRegex().Match(" " + VnText.FoldWords(original) + " ") is { Success: true } exclusion)
        {
            parts.Unknown.Add(exclusion.Groups["w"].Value);
        }
        foreach (var filler in _lexicon.Filler)
        {
            while (VnText.ContainsWords(s, filler))
            {
                s = Remove(" " + s.Trim() + " ", filler);
            }
        }
        var left = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (left.Count == 0)
        {
            return;
        }
        // Quote the words as typed: each typed word is read the way Parse read it (abbreviation expanded, typo corrected);
        // a short word between two unknown ones is quoted with them ("tỉnh Hà Sơn Bình").
        var corrected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (typed, read) in parts.Corrections)
        {
            corrected.TryAdd(typed, read);
        }
        var words = WordRegex().Matches(original).Select(m => m.Value).ToList();
        var unknown = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var read = Expand(VnText.FoldWords(words[i])).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(t => corrected.GetValueOrDefault(t, t)).ToList();
            if (read.Count > 0 && read.All(left.Contains))
            {
                read.ForEach(t => left.Remove(t));
                unknown[i] = true;
            }
        }
        for (var i = 1; i + 1 < words.Count; i++)
        {
            unknown[i] |= unknown[i - 1] && unknown[i + 1] && words[i].Length <= 3;
        }
        var phrase = new StringBuilder();
        for (var i = 0; i <= words.Count; i++)
        {
            if (i < words.Count && unknown[i])
            {
                phrase.Append(phrase.Length > 0 ? " " : "").Append(words[i]);
            }
            else if (phrase.Length > 0)
            {
                parts.Unknown.Add(phrase.ToString());
                phrase.Clear();
            }
        }
        if (left.Count > 0)
        {
            parts.Unknown.Add(string.Join(' ', left));
        }
    }

    /// <summary>
    /// The patterns built from a lexicon phrase, each built once: built at each question they filled Regex's own cache
    /// (15 patterns), which then rebuilt every pattern of the parser, most of the time of a reply (docs/benchmarks.md).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> PhraseRegexes = new(StringComparer.Ordinal);

    private static Regex PhraseRegex(string pattern) => PhraseRegexes.GetOrAdd(pattern, static p => new Regex(p));

    /// <summary>" phrase " in the text: what " phrase(?= )" matches, without running a pattern.</summary>
    private static bool ContainsPhrase(string s, string phrase)
    {
        if (phrase.Length == 0)
        {
            return s.Contains("  ", StringComparison.Ordinal);
        }
        for (var i = s.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = s.IndexOf(phrase, i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && s[i - 1] == ' ' && i + phrase.Length < s.Length && s[i + phrase.Length] == ' ')
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\b(ngan sach|kinh phi|von|budget)\b")]
    private static partial Regex MoneyWordsRegex();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+")]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"^ (con|the con|vay con|vay|and|what about|how about)(?= )")]
    private static partial Regex FollowUpRegex();

    [GeneratedRegex(@"( thi| the| vay)? sao (a |nhi |vay )?$| thi sao(?= )")]
    private static partial Regex FollowUpTailRegex();

    /// <summary>"07/2025", "T7/2025", "t7-2025": a month (not a day: no digit or slash before it).</summary>
    [GeneratedRegex(@"(?<![\p{L}0-9/.\-])(?<!(?i:quý|quy|q|quarter)\s*)(?:[Tt](?:háng|hang)?\s*)?(0?[1-9]|1[0-2])\s*[/\-.]\s*((?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex MonthSlashYearRegex();
}
