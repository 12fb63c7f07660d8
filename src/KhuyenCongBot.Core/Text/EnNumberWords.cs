namespace KhuyenCongBot.Core.Text;

/// <summary>
/// Reads whole numbers written in (folded, lower-case) English words, as an English-speaking officer types them: "two", "twelve",
/// "twenty five", "twenty-five", "one hundred and five", "three thousand", "two million". None of these words is a Vietnamese number
/// word, so they are read for everyone.
/// </summary>
internal static class EnNumberWords
{
    private static readonly Dictionary<string, int> Small = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>English scale words of amounts, also after digits ("12.5 million", "1.5bn", "500 thousand").</summary>
    internal static readonly IReadOnlyDictionary<string, long> Scales = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["thousand"] = 1_000, ["thousands"] = 1_000,
        ["million"] = 1_000_000, ["millions"] = 1_000_000, ["mil"] = 1_000_000, ["mln"] = 1_000_000, ["mn"] = 1_000_000, ["m"] = 1_000_000,
        ["billion"] = 1_000_000_000, ["billions"] = 1_000_000_000, ["bn"] = 1_000_000_000, ["bil"] = 1_000_000_000, ["b"] = 1_000_000_000,
    };

    /// <summary>Whether the folded word can be part of an English number in words.</summary>
    public static bool IsNumberWord(string word) =>
        Small.ContainsKey(word) || Tens.ContainsKey(word) || word is "hundred" or "and" || (Scales.ContainsKey(word) && word.Length > 3);

    /// <summary>Parses folded words (split on spaces or hyphens); false when a word is not an English number word or the order is wrong.</summary>
    public static bool TryParse(IEnumerable<string> input, out long value)
    {
        value = 0;
        var words = input.SelectMany(w => w.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (words.Count == 0 || words[0] == "and" || words[^1] == "and")
        {
            return false;
        }
        long total = 0;
        long group = 0;
        var lastScale = long.MaxValue;
        var (sawHundred, sawTens, sawUnits, any) = (false, false, false, false);
        foreach (var w in words)
        {
            if (Small.TryGetValue(w, out var small))
            {
                // "twenty five" yes; "five five", "twelve five" no.
                if (sawUnits || (sawTens && small >= 10))
                {
                    return false;
                }
                group += small;
                sawUnits = true;
                sawTens |= small >= 10;
            }
            else if (Tens.TryGetValue(w, out var tens))
            {
                if (sawTens || sawUnits)
                {
                    return false;
                }
                group += tens;
                sawTens = true;
            }
            else if (w == "hundred")
            {
                if (sawHundred || group is 0 or >= 10)
                {
                    return false;
                }
                group *= 100;
                (sawHundred, sawTens, sawUnits) = (true, false, false);
            }
            else if (w == "and")
            {
                if (!sawHundred && lastScale == long.MaxValue)
                {
                    return false;
                }
                continue;
            }
            else if (Scales.TryGetValue(w, out var scale) && w.Length > 3)
            {
                if (group == 0 || scale >= lastScale)
                {
                    return false;
                }
                total += group * scale;
                lastScale = scale;
                group = 0;
                (sawHundred, sawTens, sawUnits) = (false, false, false);
            }
            else
            {
                return false;
            }
            any = true;
        }
        value = total + group;
        return any;
    }
}
