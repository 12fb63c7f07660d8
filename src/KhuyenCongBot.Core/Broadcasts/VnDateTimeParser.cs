using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Reads a moment typed in Vietnamese: "8h sáng mai", "20/12 14:00", "14h30 thứ hai", "2 tiếng nữa", "tối nay 20h"; or in English: "tomorrow 8am", "Friday at 9", "in 2 hours".</summary>
public static partial class VnDateTimeParser
{
    /// <summary>Parses <paramref name="text"/> relative to <paramref name="now"/> (bot time zone); the result has now's offset.</summary>
    /// <remarks>A time without a day is today, or tomorrow when already past; a day without a time is 08:00; a date without a year is this year, or next year when already past.</remarks>
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        var t = FromEnglish(Strip(VnText.Fold(text)).Replace(',', ' ').Trim());
        if (t.Length == 0)
        {
            return false;
        }
        var today = DateOnly.FromDateTime(now.DateTime);

        var rel = Relative().Match(t);
        if (rel.Success && rel.Length == t.Length)
        {
            var n = int.Parse(rel.Groups["n"].Value, CultureInfo.InvariantCulture);
            var unit = rel.Groups["u"].Value;
            var span = unit.StartsWith('p') ? TimeSpan.FromMinutes(n) : unit.StartsWith("ngay", StringComparison.Ordinal) ? TimeSpan.FromDays(n) : TimeSpan.FromHours(n);
            at = now + span;
            return n > 0;
        }

        DateOnly? day = null;
        var rest = t;
        var date = DateRx().Match(rest);
        if (date.Success)
        {
            var d = int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture);
            var m = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);
            var hasYear = date.Groups["y"].Success;
            var y = hasYear ? int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
            if (y < 100)
            {
                y += 2000;
            }
            if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            {
                return false;
            }
            day = new DateOnly(y, m, d);
            if (!hasYear && day < today)
            {
                day = day.Value.AddYears(1);
            }
            rest = rest.Remove(date.Index, date.Length);
        }

        foreach (var (word, offset) in DayWords)
        {
            var w = Regex.Match(rest, $@"(?<![\p{{L}}\d]){Regex.Escape(word)}(?![\p{{L}}\d])");
            if (w.Success)
            {
                if (day is not null)
                {
                    return false;
                }
                day = today.AddDays(offset);
                rest = rest.Remove(w.Index, w.Length);
                break;
            }
        }
        var weekday = Weekday().Match(rest);
        if (weekday.Success)
        {
            if (day is not null)
            {
                return false;
            }
            var target = WeekdayOf(weekday.Groups["w"].Value);
            var ahead = ((int)target - (int)today.DayOfWeek + 7) % 7;
            day = today.AddDays(ahead == 0 ? 7 : ahead);
            rest = rest.Remove(weekday.Index, weekday.Length);
        }

        TimeOnly? time = null;
        var clock = ClockRx().Match(rest);
        if (clock.Success)
        {
            var h = int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture);
            var min = clock.Groups["m"].Success && clock.Groups["m"].Value.Length > 0 ? int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (clock.Groups["half"].Success)
            {
                min = 30;
            }
            rest = rest.Remove(clock.Index, clock.Length);
            var part = PartOfDay().Match(rest);
            if (part.Success)
            {
                var p = part.Groups["p"].Value;
                if (p is "chieu" or "toi" && h is >= 1 and < 12)
                {
                    h += 12;
                }
                else if (p == "dem" && h is >= 6 and < 12)
                {
                    h += 12;
                }
                else if (p == "trua" && h is >= 1 and <= 3)
                {
                    h += 12;
                }
                else if (p == "sang" && h == 12)
                {
                    return false;
                }
                rest = rest.Remove(part.Index, part.Length);
            }
            if (h > 23 || min > 59)
            {
                return false;
            }
            time = new TimeOnly(h, min);
        }
        else if (PartOfDay().Match(rest) is { Success: true } partOnly)
        {
            time = partOnly.Groups["p"].Value switch
            {
                "sang" => new TimeOnly(8, 0),
                "trua" => new TimeOnly(12, 0),
                "chieu" => new TimeOnly(14, 0),
                _ => new TimeOnly(20, 0),
            };
            rest = rest.Remove(partOnly.Index, partOnly.Length);
        }

        // Only filler words may remain ("lúc", "ngày", "vào", "giờ").
        var leftover = Filler().Replace(rest, " ").Trim();
        if (leftover.Length > 0 || (day is null && time is null))
        {
            return false;
        }
        if (day is null)
        {
            day = today;
            if (time!.Value <= TimeOnly.FromDateTime(now.DateTime))
            {
                day = today.AddDays(1);
            }
        }
        var local = day.Value.ToDateTime(time ?? new TimeOnly(8, 0));
        at = new DateTimeOffset(local, now.Offset);
        return true;
    }

    /// <summary>"tomorrow 8am", "Friday at 9", "in 2 hours", "tonight 8pm": the English words as the Vietnamese ones this parser reads.</summary>
    internal static string FromEnglish(string t)
    {
        t = EnglishRelative().Replace(t, m => "sau " + m.Groups["n"].Value + " " + (m.Groups["u"].Value[0] switch { 'h' => "tieng", 'd' => "ngay", _ => "phut" }));
        t = AmPm().Replace(t, m =>
        {
            var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            var pm = m.Groups["p"].Value.StartsWith('p');
            h = h == 12 ? (pm ? 12 : 0) : pm ? h + 12 : h;
            return string.Create(CultureInfo.InvariantCulture, $"{h}:{(m.Groups["m"].Success ? m.Groups["m"].Value : "00")}");
        });
        t = AtHour().Replace(t, m => "luc " + m.Groups["h"].Value + "h");
        foreach (var (en, vi) in EnglishWords)
        {
            t = Regex.Replace(t, $@"(?<![\p{{L}}]){en}(?![\p{{L}}])", vi);
        }
        return Regex.Replace(t, @"\s+", " ").Trim();
    }

    private static readonly (string En, string Vi)[] EnglishWords =
    [
        ("the day after tomorrow", "ngay kia"), ("day after tomorrow", "ngay kia"), ("tomorrow", "mai"), ("today", "hom nay"),
        ("tonight", "toi nay"), ("this morning", "sang nay"), ("this afternoon", "chieu nay"), ("this evening", "toi nay"),
        ("in the morning", "sang"), ("in the afternoon", "chieu"), ("in the evening", "toi"), ("morning", "sang"), ("afternoon", "chieu"),
        ("evening", "toi"), ("at noon", "12h trua"), ("noon", "12h trua"), ("midday", "12h trua"), ("monday", "thu hai"), ("tuesday", "thu ba"),
        ("wednesday", "thu tu"), ("thursday", "thu nam"), ("friday", "thu sau"), ("saturday", "thu bay"), ("sunday", "chu nhat"),
        ("next", ""), ("this", ""), ("on", ""), ("at", "luc"), ("o clock", "h"), ("oclock", "h"),
    ];

    [GeneratedRegex(@"^(?:in\s+(?<n>\d{1,3})\s*(?<u>hours?|hrs?|minutes?|mins?|days?)|(?<n>\d{1,3})\s*(?<u>hours?|hrs?|minutes?|mins?|days?)\s+from now)$")]
    private static partial Regex EnglishRelative();

    [GeneratedRegex(@"(?<![\d:])(?<h>1[0-2]|0?[1-9])(?::(?<m>[0-5][0-9]))?\s*(?<p>am|pm|a\.m\.|p\.m\.)(?![\p{L}])")]
    private static partial Regex AmPm();

    [GeneratedRegex(@"(?<![\p{L}])at\s+(?<h>1[0-9]|2[0-3]|0?[0-9])(?![\d:/\p{L}])")]
    private static partial Regex AtHour();

    private const string Marked = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
    private const string Plain = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";

    /// <summary>Removes Vietnamese tone and vowel marks from lower-case text without relying on Unicode normalisation data.</summary>
    internal static string Strip(string text)
    {
        var chars = text.ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var k = Marked.IndexOf(chars[i], StringComparison.Ordinal);
            if (k >= 0)
            {
                chars[i] = Plain[k];
            }
        }
        return new string(chars);
    }

    private static readonly (string Word, int Offset)[] DayWords =
    [
        ("ngay mai", 1), ("ngay kia", 2), ("ngay mot", 2), ("hom nay", 0), ("mai", 1), ("mot", 2), ("nay", 0),
    ];

    private static DayOfWeek WeekdayOf(string w) => w switch
    {
        "hai" or "2" => DayOfWeek.Monday,
        "ba" or "3" => DayOfWeek.Tuesday,
        "tu" or "4" => DayOfWeek.Wednesday,
        "nam" or "5" => DayOfWeek.Thursday,
        "sau" or "6" => DayOfWeek.Friday,
        "bay" or "7" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    [GeneratedRegex(@"^(?:sau\s+)?(?<n>\d{1,3})\s*(?<u>tieng|gio|phut|ngay)(?:\s+nua)?$")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<![\d/])(?<d>\d{1,2})[/\-.](?<m>\d{1,2})(?:[/\-.](?<y>\d{4}|\d{2}))?(?![\d/])")]
    private static partial Regex DateRx();

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?:thu|t)\s*(?<w>hai|ba|tu|nam|sau|bay|[2-7])|(?<w>chu nhat|cn))(?![\p{L}\d])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<![\d/:])(?<h>\d{1,2})\s*(?:(?::|gio|h|g)\s*(?<m>\d{2})?(?:\s*(?:phut|p))?(?<half>\s*ruoi)?)(?![\d/])")]
    private static partial Regex ClockRx();

    [GeneratedRegex(@"(?<![\p{L}])(?<p>sang|trua|chieu|toi|dem)(?![\p{L}])")]
    private static partial Regex PartOfDay();

    [GeneratedRegex(@"(?<![\p{L}])(?:luc|vao|ngay|gio|khoang|hom|nhe|nha)(?![\p{L}])")]
    private static partial Regex Filler();
}
