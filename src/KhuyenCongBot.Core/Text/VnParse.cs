using System.Globalization;
using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Text;

/// <summary>Reads values the way officers type them on a phone: numbers, money, dates.</summary>
public static partial class VnParse
{
    /// <summary>Whole numbers: "3", "1.250", "1 250", "ba", "mười hai". False for "3,5", "abc", "".</summary>
    /// <remarks>Digit groups: "." or space in groups of 3 ("1.250", "1 250"); "," only with two groups or more ("1,250,000"), since "1,250" reads as a decimal. No sign.</remarks>
    public static bool TryParseInteger(string? text, out long value)
    {
        value = 0;
        var s = VnText.Fold(text);
        if (s.Length == 0)
        {
            return false;
        }
        if (char.IsAsciiDigit(s[0]))
        {
            if (!IntegerDigits().IsMatch(s))
            {
                return false;
            }
            var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
        // "two", "twenty-five": English words are no Vietnamese number words, so they are read for everyone.
        return VnNumberWords.TryParse(s.Split(' '), out value) || EnNumberWords.TryParse(s.Split(' '), out value);
    }

    /// <summary>Money in đồng: "120tr", "1,5 tỷ", "1 tỉ 200 triệu", "45.000.000", "45000000", "500 nghìn", "500k", "2.5 ty".</summary>
    /// <remarks>
    /// Units: tỷ/tỉ, triệu/tr/trđ/củ, nghìn/ngàn/k; "rưỡi" adds half the last unit; a bare number after a unit is its
    /// decimal part ("1 tỷ 2" = 1,2 tỷ, "1tr5" = 1,5 triệu). Suffixes đồng/đ/vnd are allowed at the end.
    /// "," groups thousands only in two groups or more ("45,000,000"); otherwise it is the decimal mark ("1,5").
    /// Fails on negatives, fractions of a đồng, amounts beyond <see cref="long.MaxValue"/> and anything else.
    /// </remarks>
    public static bool TryParseMoney(string? text, out long vnd)
    {
        vnd = 0;
        var s = VnText.Fold(text).TrimEnd('.', ',', ' ');
        if (s.Length == 0 || !TryTokenize(s, out var tokens))
        {
            return false;
        }
        if (tokens.Count > 0 && tokens[^1] is { IsNumber: false, Text: "dong" or "d" or "vnd" })
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
        if (tokens.Count == 0)
        {
            return false;
        }
        try
        {
            if (!TryComputeMoney(tokens, out var total) || total != decimal.Truncate(total) || total > long.MaxValue)
            {
                return false;
            }
            vnd = (long)total;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>Dates: "hôm nay", "hôm qua", "hôm kia", "15/5" (this year), "15/05/2024", "15-5-2024", "2024-05-15".</summary>
    /// <remarks>
    /// A date without a year takes the year of <paramref name="today"/>, even when it falls after today.
    /// Two-digit years are 20xx. Separators "/", "-", "."; "ngày 15 tháng 5 năm 2024" works too. Invalid days (31/2) fail.
    /// </remarks>
    public static bool TryParseDate(string? text, DateOnly today, out DateOnly date)
    {
        date = default;
        var s = VnText.Fold(text).TrimEnd('.', ' ');
        if (s.StartsWith("ngay ", StringComparison.Ordinal))
        {
            s = s[5..];
        }
        switch (s)
        {
            case "hom nay" or "today" or "nay" or "bay gio":
                date = today;
                return true;
            case "hom qua" or "yesterday" or "qua":
                date = today.AddDays(-1);
                return true;
            case "hom kia" or "kia":
                date = today.AddDays(-2);
                return true;
            case "ngay mai" or "mai" or "tomorrow":
                date = today.AddDays(1);
                return true;
        }
        var m = DayMonthYear().Match(s);
        if (m.Success)
        {
            return TryMakeDate(Int(m.Groups["d"].Value), Int(m.Groups["m"].Value), m.Groups["y"].Success ? Int(m.Groups["y"].Value) : null, today.Year, out date);
        }
        m = YearMonthDay().Match(s);
        if (m.Success)
        {
            return TryMakeDate(Int(m.Groups["d"].Value), Int(m.Groups["m"].Value), Int(m.Groups["y"].Value), today.Year, out date);
        }
        return false;
    }

    /// <summary>Builds a date from parts; a missing year is <paramref name="defaultYear"/>, two-digit years are 20xx.</summary>
    internal static bool TryMakeDate(int day, int month, int? year, int defaultYear, out DateOnly date)
    {
        date = default;
        var y = year ?? defaultYear;
        if (y < 100)
        {
            y += 2000;
        }
        if (y < 1900 || y > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(y, month))
        {
            return false;
        }
        date = new DateOnly(y, month, day);
        return true;
    }

    internal static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private readonly record struct Token(bool IsNumber, string Text);

    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["ty"] = 1_000_000_000, ["ti"] = 1_000_000_000, ["toi"] = 1_000_000_000,
        ["trieu"] = 1_000_000, ["tr"] = 1_000_000, ["trd"] = 1_000_000, ["cu"] = 1_000_000,
        ["nghin"] = 1_000, ["ngan"] = 1_000, ["ngin"] = 1_000, ["k"] = 1_000, ["nghind"] = 1_000,
    };

    /// <summary>Splits folded text into numbers ("1.250,5") and words; false on any other character (a sign, a slash).</summary>
    private static bool TryTokenize(string s, out List<Token> tokens)
    {
        tokens = [];
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == ' ')
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < s.Length && (char.IsAsciiDigit(s[i]) || ((s[i] == '.' || s[i] == ',') && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))))
                {
                    i++;
                }
                var number = s[start..i];
                // "1 250 000": a pure 3-digit group right after a pure number continues it.
                if (tokens.Count > 0 && tokens[^1].IsNumber && number.Length == 3 && number.All(char.IsAsciiDigit)
                    && tokens[^1].Text.All(char.IsAsciiDigit) && s[start - 1] == ' ')
                {
                    tokens[^1] = new Token(true, tokens[^1].Text + number);
                }
                else
                {
                    tokens.Add(new Token(true, number));
                }
            }
            else if (char.IsAsciiLetterLower(c))
            {
                var start = i;
                while (i < s.Length && char.IsAsciiLetterLower(s[i]))
                {
                    i++;
                }
                tokens.Add(new Token(false, s[start..i]));
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryComputeMoney(List<Token> tokens, out decimal total)
    {
        total = 0;
        var lastUnit = long.MaxValue;
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.IsNumber)
            {
                // "12.5 million", "1.5bn": before an English scale word "." is the decimal point ("12.500" alone is twelve thousand five hundred).
                var english = i + 1 < tokens.Count && EnglishScale(tokens[i + 1]);
                if (!(english ? TryParseEnglishAmount(t.Text, out var number) : TryParseAmount(t.Text, out number)))
                {
                    return false;
                }
                i++;
                if (i < tokens.Count && tokens[i] is { IsNumber: false, Text: "tram" })
                {
                    number *= 100;
                    i++;
                }
                if (i < tokens.Count && !tokens[i].IsNumber && (Units.TryGetValue(tokens[i].Text, out var unit) || EnNumberWords.Scales.TryGetValue(tokens[i].Text, out unit)))
                {
                    if (unit >= lastUnit)
                    {
                        return false;
                    }
                    total += number * unit;
                    lastUnit = unit;
                    i++;
                    continue;
                }
                if (i != tokens.Count)
                {
                    return false;
                }
                if (lastUnit == long.MaxValue)
                {
                    total += number;
                }
                else if (t.Text.All(char.IsAsciiDigit) && t.Text.Length <= 3 && tokens[i - 1] == t)
                {
                    // "1 tỷ 2" = 1,2 tỷ; "1 tỷ 25" = 1,25 tỷ.
                    total += number / Pow10(t.Text.Length) * lastUnit;
                }
                else
                {
                    return false;
                }
            }
            else if (t.Text == "ruoi")
            {
                if (lastUnit == long.MaxValue || i != tokens.Count - 1)
                {
                    return false;
                }
                total += lastUnit / 2m;
                i++;
            }
            else if (VnNumberWords.IsNumberWord(t.Text))
            {
                var words = new List<string>();
                while (i < tokens.Count && !tokens[i].IsNumber && VnNumberWords.IsNumberWord(tokens[i].Text))
                {
                    words.Add(tokens[i].Text);
                    i++;
                }
                if (!VnNumberWords.TryParse(words, out var value) || value >= lastUnit)
                {
                    return false;
                }
                total += value;
                lastUnit = Math.Min(lastUnit, SmallestScale(words));
            }
            else if (EnNumberWords.IsNumberWord(t.Text))
            {
                // "two million", "five hundred thousand".
                var words = new List<string>();
                while (i < tokens.Count && !tokens[i].IsNumber && EnNumberWords.IsNumberWord(tokens[i].Text))
                {
                    words.Add(tokens[i].Text);
                    i++;
                }
                if (!EnNumberWords.TryParse(words, out var value) || value >= lastUnit)
                {
                    return false;
                }
                total += value;
                lastUnit = Math.Min(lastUnit, EnNumberWords.Scales.TryGetValue(words[^1], out var scale) ? scale : 1);
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static bool EnglishScale(Token t) => !t.IsNumber && !Units.ContainsKey(t.Text) && EnNumberWords.Scales.ContainsKey(t.Text);

    /// <summary>A number before an English scale word: "12.5", "12.500" (12,5), "1,500" (1500), "1,5" (1,5 as Vietnamese write it).</summary>
    private static bool TryParseEnglishAmount(string text, out decimal value)
    {
        var dots = text.Count(c => c == '.');
        var commas = text.Count(c => c == ',');
        if (dots == 1 && commas == 0)
        {
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }
        if (dots <= 1 && commas >= 1 && GroupedBy(text.Split('.')[0], ',', 1))
        {
            return decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }
        return TryParseAmount(text, out value);
    }

    private static long SmallestScale(List<string> words) => words[^1] switch
    {
        "ty" or "ti" => 1_000_000_000,
        "trieu" => 1_000_000,
        "nghin" or "ngan" => 1_000,
        _ => 1,
    };

    private static decimal Pow10(int n) => n switch { 1 => 10m, 2 => 100m, _ => 1000m };

    /// <summary>"45.000.000", "45,000,000" -> 45000000; "1,5", "2.5" -> decimals; "1.250,5" -> 1250.5.</summary>
    private static bool TryParseAmount(string text, out decimal value)
    {
        value = 0;
        var hasDot = text.Contains('.');
        var hasComma = text.Contains(',');
        string normal;
        if (!hasDot && !hasComma)
        {
            normal = text;
        }
        else if (hasDot && hasComma)
        {
            var decimalMark = text.LastIndexOf('.') > text.LastIndexOf(',') ? '.' : ',';
            var group = decimalMark == '.' ? ',' : '.';
            var cut = text.LastIndexOf(decimalMark);
            var whole = text[..cut];
            if (text.Count(c => c == decimalMark) != 1 || !GroupedBy(whole, group, 1))
            {
                return false;
            }
            normal = whole.Replace(group.ToString(), "") + "." + text[(cut + 1)..];
        }
        else
        {
            var mark = hasDot ? '.' : ',';
            if (GroupedBy(text, mark, hasDot ? 1 : 2))
            {
                normal = text.Replace(mark.ToString(), "");
            }
            else if (text.Count(c => c == mark) == 1)
            {
                normal = text.Replace(mark, '.');
            }
            else
            {
                return false;
            }
        }
        return decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether <paramref name="text"/> is 1-3 digits followed by at least <paramref name="minGroups"/> groups of exactly 3.</summary>
    private static bool GroupedBy(string text, char separator, int minGroups)
    {
        var parts = text.Split(separator);
        return parts.Length > minGroups && parts[0].Length is >= 1 and <= 3 && parts.Skip(1).All(p => p.Length == 3);
    }

    [GeneratedRegex(@"^(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+|[0-9]{1,3}(?:,[0-9]{3}){2,})$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerDigits();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*(?<s>[/.\-])\s*(?<m>[0-9]{1,2})(?:\s*\k<s>\s*(?<y>[0-9]{4}|[0-9]{2}))?$|^(?<d>[0-9]{1,2}) thang (?<m>[0-9]{1,2})(?:,? nam (?<y>[0-9]{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<s>[/.\-])(?<m>[0-9]{1,2})\k<s>(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonthDay();
}
