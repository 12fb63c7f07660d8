using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Turns the folded message into the words the readers know: abbreviations expanded (seeds/lexicon/shorthand.json: "bn", "gh";
/// "q3", "t7", "6t"), and a typo of a known word corrected when exactly one known word is one keystroke away ("hnag" → "hang").
/// </summary>
/// <param name="patterns">The readers' own patterns: their words are known words too.</param>
internal sealed partial class QuestionNormaliser(CatalogueIndex catalogue, Lexicon lexicon, IReadOnlyList<Regex> patterns)
{
    /// <summary>"bn" → "bao nhieu", "q3" → "quy 3", "t7" → "thang 7", "6t" → "6 thang".</summary>
    public string Expand(string folded)
    {
        var sb = new StringBuilder();
        var previous = "";
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var t = token;
            // "in May 2025", "from April to May", "May 2025": the month. Folded, "may" is also a machine and "how many" in Vietnamese:
            // only after an English word of time or before a year.
            if (t == "may" && (previous is "in" or "of" or "during" or "since" or "from" or "until" or "through" or "to"
                || (i + 1 < tokens.Length && tokens[i + 1].Length == 4 && tokens[i + 1].StartsWith("20", StringComparison.Ordinal) && tokens[i + 1].All(char.IsAsciiDigit))))
            {
                t = "thang 5";
            }
            else if (lexicon.Shorthand.TryGetValue(t, out var full))
            {
                t = full;
            }
            else if (QuarterToken().Match(t) is { Success: true } q)
            {
                t = "quy " + q.Groups[1].Value;
            }
            else if (MonthToken().Match(t) is { Success: true } m)
            {
                t = "thang " + m.Groups[1].Value;
            }
            else if (MonthsToken().Match(t) is { Success: true } ms)
            {
                t = ms.Groups[1].Value + " thang";
            }
            sb.Append(t).Append(' ');
            previous = token;
        }
        return sb.ToString().TrimEnd();
    }

    private HashSet<string>? _knownWords;

    /// <summary>Every word the bot knows (lexicon, catalogue, the phrases of this parser): what a typo may be corrected to.</summary>
    private HashSet<string> KnownWords => _knownWords ??= BuildKnownWords();

    private HashSet<string> BuildKnownWords()
    {
        var words = new HashSet<string>(lexicon.KnownWords, StringComparer.Ordinal);
        var phrases = catalogue.Activities.SelectMany(a => new[] { a.Name, a.ShortName }.Concat(a.Aliases))
            .Concat(catalogue.Provinces.SelectMany(p => new[] { p.Name, p.ShortName }.Concat(p.Aliases)))
            .Concat(catalogue.Regions.SelectMany(r => r.Aliases.Append(r.Name)));
        foreach (var phrase in phrases)
        {
            words.UnionWith(VnText.FoldWords(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        words.UnionWith(lexicon.Shorthand.Keys);
        // The words of the phrases written as patterns (comparisons, rankings, breakdowns, periods).
        words.UnionWith(patterns.SelectMany(r => Regex.Matches(r.ToString(), "[a-z]{3,}").Select(m => m.Value)));
        words.UnionWith(PeriodParser.Words);
        words.UnionWith(KindRecognisers.Words.SelectMany(w => VnText.FoldWords(w).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        return words;
    }

    /// <summary>Replaces a word the bot does not know by the one known word it is one keystroke away from ("hnag" → "hang"), and notes it.</summary>
    /// <remarks>
    /// A facility's name ("Công ty ABC đã được hỗ trợ những gì") is a proper name, not a word to correct: "abc" is not "bac".
    /// Its words are left as typed (<see cref="FacilityQuestionRecogniser.NameSpan"/>).
    /// </remarks>
    public string Correct(string folded, QuestionParts parts)
    {
        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var name = FacilityQuestionRecogniser.NameSpan(" " + string.Join(' ', tokens) + " ");
        var start = 1;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            var inName = name is { } n && start >= n.Start && start < n.Start + n.Length;
            start += t.Length + 1;
            if (inName || t.Length < 3 || t.Any(char.IsDigit) || KnownWords.Contains(t) || EnglishWords.NotTypos.Contains(t))
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

    [GeneratedRegex(@"^q([1-4])$")]
    private static partial Regex QuarterToken();

    [GeneratedRegex(@"^t([1-9]|1[0-2])$")]
    private static partial Regex MonthToken();

    [GeneratedRegex(@"^([69])t$")]
    private static partial Regex MonthsToken();
}
