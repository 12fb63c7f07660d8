using System.Text;
using System.Text.RegularExpressions;
using Humanizer;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// English nouns after a count of one: the texts say "{count} projects", and "1 projects" reads wrong. The first plural noun of the
/// words that follow the count (up to three: "1 new records", "1 linked projects") is made singular, and a verb right after it
/// agrees ("1 records were" → "1 record was"). Words that end in "s" without being plurals ("is", "was", "has") are left alone.
/// </summary>
internal static partial class EnglishPlural
{
    private static readonly HashSet<string> NotPlurals = new(StringComparer.Ordinal)
    {
        "is", "was", "has", "as", "its", "this", "does", "us", "yes", "plus", "thus", "status", "series", "news", "always", "across",
        "less", "unless", "whereas", "afterwards", "towards", "perhaps", "bus", "gas", "process", "access", "success", "address", "class",
        "kcqg", "vnd", "sms", "his", "hers", "ours", "yours", "theirs",
    };

    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal) { ["are"] = "is", ["were"] = "was", ["have"] = "has" };

    /// <summary>Whether a placeholder's value is the count one.</summary>
    public static bool IsOne(object? value) => value switch
    {
        int n => n == 1,
        long n => n == 1,
        decimal n => n == 1,
        double n => n == 1,
        string s => s == "1",
        _ => false,
    };

    /// <summary>The literal that follows a count of one, its first plural noun made singular.</summary>
    public static string AfterOne(string literal)
    {
        var m = LeadingWords().Match(literal);
        if (!m.Success)
        {
            return literal;
        }
        var words = m.Value.Split(' ');
        for (var i = 1; i < words.Length && i <= 3; i++)
        {
            var word = words[i];
            if (word == "people")
            {
                words[i] = "person";
                return string.Join(' ', words) + literal[m.Length..];
            }
            if (word.Length < 3 || !word.EndsWith('s') || NotPlurals.Contains(word))
            {
                continue;
            }
            var singular = word.Singularize(inputIsKnownToBePlural: false);
            if (singular == word || singular.Length == 0)
            {
                return literal;
            }
            words[i] = singular;
            if (i + 1 < words.Length && Verbs.TryGetValue(words[i + 1], out var verb))
            {
                words[i + 1] = verb;
            }
            return new StringBuilder(string.Join(' ', words)).Append(literal, m.Length, literal.Length - m.Length).ToString();
        }
        return literal;
    }

    /// <summary>A space then lower-case words separated by single spaces ("' new records were'").</summary>
    [GeneratedRegex("^( [a-z]+)+")]
    private static partial Regex LeadingWords();
}
