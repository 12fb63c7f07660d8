using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// How the readers of <see cref="QuestionParser"/> cut what they understood out of the working text: folded words padded with
/// spaces (" bao nhieu gian hang nam 2024 "), so that a phrase is found and removed as whole words.
/// </summary>
internal static class WorkingText
{
    /// <summary>Removes the first phrase of <paramref name="phrases"/> found as whole words and returns it.</summary>
    public static string? Take(ref string s, IEnumerable<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (VnText.ContainsWords(s, phrase))
            {
                s = Remove(s, phrase);
                return phrase;
            }
        }
        return null;
    }

    /// <summary>The text without the first " phrase " in it.</summary>
    public static string Remove(string s, string phrase)
    {
        var padded = " " + phrase + " ";
        var index = s.IndexOf(padded, StringComparison.Ordinal);
        return index < 0 ? s : s[..index] + " " + s[(index + padded.Length)..];
    }

    /// <summary>The text without what <paramref name="m"/> matched.</summary>
    public static string Cut(string s, Match m) => s[..m.Index] + " " + s[(m.Index + m.Length)..];

    /// <summary>
    /// The patterns built from a lexicon phrase, each built once: built at each question they filled Regex's own cache
    /// (15 patterns), which then rebuilt every pattern of the parser, most of the time of a reply (docs/benchmarks.md).
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> PhraseRegexes = new(StringComparer.Ordinal);

    public static Regex PhraseRegex(string pattern) => PhraseRegexes.GetOrAdd(pattern, static p => new Regex(p));

    /// <summary>" phrase " in the text: what " phrase(?= )" matches, without running a pattern.</summary>
    public static bool ContainsPhrase(string s, string phrase)
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
}
