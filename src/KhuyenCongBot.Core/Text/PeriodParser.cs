using System.Text;
using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Text;

/// <summary>Finds a period in a question: today, this/last week or month, tháng 5, quý I-IV, 6 tháng đầu/cuối năm, 9 tháng, từ đầu năm (đến nay), năm nay, năm ngoái, năm 2023, từ 1/3/2024 đến 15/5/2024, 3 năm qua, từ năm 2020 đến nay, giai đoạn 2021-2025; and simple English.</summary>
/// <remarks>
/// Rules: weeks run Monday-Sunday; a missing year is the year of today, except that a month, quarter or
/// "N tháng đầu/cuối năm" that would start after today means last year ("tháng 12" asked in May 2026 is 12/2025).
/// When several phrases match, the longest wins ("6 tháng đầu năm 2024" over "năm 2024"). A phrase right after
/// "cùng kỳ" or "so với" is a comparison, not the period asked about, and is skipped (see <see cref="MentionsSamePeriodLastYear"/>).
/// </remarks>
public static class PeriodParser
{
    /// <summary>Looks for a period phrase in <paramref name="foldedText"/>: either text folded by <see cref="VnText.FoldWords"/> or the raw message.</summary>
    /// <remarks>
    /// Prefer passing the raw message (diacritics and upper case are fine): FoldWords turns "15/5/2024" into "15 5 2024",
    /// which is only read as a date after "từ", "đến" or "ngày". Either way <paramref name="matched"/> is the exact
    /// substring of the text passed in, so <c>text.Replace(matched, "")</c> removes it.
    /// </remarks>
    /// <param name="matched">The phrase that was read, so callers can remove it before reading the rest.</param>
    public static bool TryFind(string foldedText, DateOnly today, out Period period, out string matched)
    {
        period = null!;
        matched = "";
        if (string.IsNullOrWhiteSpace(foldedText))
        {
            return false;
        }
        var (n, map) = Normalize(foldedText);
        Period? best = null;
        int bestStart = 0, bestLength = 0;
        var invalid = new List<(int Start, int End)>();
        foreach (var rule in Rules)
        {
            foreach (Match m in rule.Pattern.Matches(n))
            {
                if (m.Length < bestLength || (m.Length == bestLength && m.Index >= bestStart) || IsComparison(n, m.Index))
                {
                    continue;
                }
                var p = rule.Build(m, today);
                if (p is null || p.From > p.To)
                {
                    invalid.Add((m.Index, m.Index + m.Length));
                    continue;
                }
                best = p;
                bestStart = m.Index;
                bestLength = m.Length;
            }
        }
        // A phrase that reads as a period but is impossible ("từ 31/2/2024 đến 15/5/2024") hides the pieces inside it.
        if (best is null || invalid.Any(x => x.Start <= bestStart && x.End >= bestStart + bestLength && x.End - x.Start > bestLength))
        {
            return false;
        }
        var from = map[bestStart];
        var to = map[bestStart + bestLength - 1] + 1;
        while (to < foldedText.Length && VnText.IsMark(foldedText[to]))
        {
            to++;
        }
        period = best;
        matched = foldedText[from..to];
        return true;
    }

    /// <summary>Whether the question asks for a comparison with the same period last year ("cùng kỳ", "so với năm trước", "same period").</summary>
    public static bool MentionsSamePeriodLastYear(string text)
    {
        var f = VnText.FoldWords(text);
        return VnText.ContainsWords(f, "cung ky") || VnText.ContainsWords(f, "same period")
            || VnText.ContainsWords(f, "so voi nam truoc") || VnText.ContainsWords(f, "so voi nam ngoai");
    }

    private static bool IsComparison(string n, int index)
    {
        var before = n[..index].TrimEnd();
        return before.EndsWith("cung ky", StringComparison.Ordinal) || before.EndsWith("so voi", StringComparison.Ordinal)
            || before.EndsWith("same period", StringComparison.Ordinal) || before.EndsWith("compared to", StringComparison.Ordinal);
    }

    /// <summary>Lower case, no diacritics, date separators "/", "-", "." kept, other punctuation as single spaces; map[i] is the index in the input of n[i].</summary>
    private static (string Text, List<int> Map) Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (VnText.IsMark(ch))
            {
                continue;
            }
            var c = VnText.BaseLetter(ch);
            if (c is '–' or '—')
            {
                c = '-';
            }
            if (char.IsLetterOrDigit(c) || c is '/' or '-' or '.')
            {
                sb.Append(c);
                map.Add(i);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
                map.Add(i);
            }
        }
        return (sb.ToString(), map);
    }

    /// <summary>The words of every period phrase ("quy", "thang", "dau", "luy"...): known words for typo correction.</summary>
    public static IEnumerable<string> Words => Rules.SelectMany(r => Regex.Matches(r.Pattern.ToString(), "[a-z]{3,}").Select(m => m.Value)).Distinct();

    private sealed record Rule(Regex Pattern, Func<Match, DateOnly, Period?> Build);

    // Fragments. B/E: word boundaries on folded text. YT: an optional year after a month, quarter or "9 tháng".
    private const string B = "(?<![a-z0-9])";
    private const string E = "(?![a-z0-9])";
    private const string Year = "(?<y>(?:19|20|21)[0-9]{2})";
    private const string Year1 = "(?<y1>(?:19|20|21)[0-9]{2})";
    private const string Year2 = "(?<y2>(?:19|20|21)[0-9]{2})";
    private const string YT = @"(?:(?:\s*[/\-]\s*|\s+)(?:nam\s+|of\s+|in\s+)?" + Year + @"|\s+nam\s+(?<rel>nay|ngoai|truoc|roi))?";
    private const string YTAfterNam = @"(?:(?:\s*[/\-]\s*|\s+)" + Year + @"|\s+(?<rel>nay|ngoai|truoc|roi))?";
    private const string DateEnd = @"(?![0-9]|[/.\-][0-9])";

    private static string Date(string x, bool spaced) =>
        $@"(?:(?<d{x}>[0-9]{{1,2}})(?<s{x}>[/.\-])(?<m{x}>[0-9]{{1,2}})\k<s{x}>(?<y{x}>[0-9]{{4}}|[0-9]{{2}})"
        + $@"|(?<d{x}>[0-9]{{1,2}})[/\-](?<m{x}>[0-9]{{1,2}})"
        + $@"|(?<d{x}>[0-9]{{1,2}}) thang (?<m{x}>[0-9]{{1,2}})(?: nam (?<y{x}>[0-9]{{4}}))?"
        + (spaced ? $@"|(?<d{x}>[0-9]{{1,2}}) (?<m{x}>[0-9]{{1,2}})(?: (?<y{x}>[0-9]{{4}}))?" : "")
        + ")";

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Rule[] Rules =
    [
        new(R($"{B}(?<k>hom nay|hom qua|hom kia|today|yesterday){E}"), Day),
        new(R($@"{B}(?:tu (?:truoc|xua|khi bat dau|luc bat dau) (?:den|toi) (?:nay|gio|hien nay|hien tai)|tu truoc toi nay|toan bo thoi gian|tat ca cac nam|all time|of all time|since the beginning){E}"), AllTime),
        new(R($@"{B}(?:tuan(?: le)? (?<k>nay|truoc|roi|qua|vua qua)|(?<k>this|last|previous) week){E}"), Week),
        new(R($@"{B}(?:thang (?<k>nay|truoc|roi|vua qua)|(?<k>this|last|previous) month){E}"), RelativeMonth),
        new(R($@"{B}thang (?<m>1[0-2]|0?[1-9]){YT}{E}"), Month),
        new(R($@"{B}(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])){YT}{E}"), Quarter),
        new(R($@"{B}(?:quy (?<k>nay|truoc|roi|vua qua)|(?<k>this|last|previous) quarter){E}"), RelativeQuarter),
        new(R($@"{B}(?<n>1[0-2]|[1-9]) thang (?<dir>dau|cuoi) nam{YTAfterNam}{E}"), Months),
        new(R($@"{B}nua (?<dir>dau|cuoi) nam{YTAfterNam}{E}"), Months),
        new(R($@"{B}(?<n>6|9) thang{YT}{E}"), Months),
        new(R($@"{B}(?:(?<dir>first|second) half(?: of)?|h(?<h>[12])){YT}{E}"), Months),
        new(R($@"{B}first (?<n>1[0-2]|[1-9]) months{YT}{E}"), Months),
        new(R($@"{B}(?<n>[0-9]{{1,3}}) (?<u>ngay|tuan|thang) (?:qua|gan day|gan nhat|vua qua){E}|{B}(?:last|past) (?<n>[0-9]{{1,3}}) (?<u>days|weeks|months){E}"), Rolling),
        new(R($@"{B}(?:trong\s+)?(?<n>[0-9]{{1,2}}) nam (?:qua|gan day|gan nhat|vua qua|tro lai day){E}|{B}(?:the\s+)?(?:last|past) (?<n>[0-9]{{1,2}}) years{E}"), RollingYears),
        new(R($@"{B}(?:tu|from|since)\s+(?:nam\s+|year\s+)?{Year}(?:\s+(?:den|toi|to|until)\s+(?:nay|hien nay|hien tai|bay gio|now|today|date))?{DateEnd}(?![a-z])"), SinceYear),
        new(R($@"(?:{B}(?:giai doan|thoi ky|period|tu|from|between)\s+(?:nam\s+|year\s+)?|(?<![a-z0-9/.\-])(?:nam\s+)?){Year1}\s*(?:-|den|toi|to|and|until)\s*(?:nam\s+|year\s+)?{Year2}{DateEnd}(?![a-z])|{B}giai doan\s+{Year1}\s+{Year2}{DateEnd}(?![a-z])"), YearRange),
        new(R($@"{B}(?:(?:luy ke|tinh|tu dau nam(?: {Year})?|cong don)\s+(?:den|toi)(?:\s+het)?|(?:den|toi) het|luy ke|(?:up to|until|through) (?:the end of )?)\s+(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])|thang (?<m>1[0-2]|0?[1-9])|month (?<m>1[0-2]|0?[1-9])){YT}{E}"), Cumulative),
        new(R($@"{B}(?:(?:luy ke )?tu dau nam|luy ke|year to date|ytd){YTAfterNam}(?:\s+(?:den|toi)\s+(?:(?<now>nay|hien nay|hien tai|hom nay|bay gio)|(?:ngay\s+)?{Date("2", true)}))?(?:{E}|{DateEnd})"), YearToDate),
        new(R($@"{B}(?:nam (?<k>nay|ngoai|truoc|qua|roi)|(?<k>this|last|previous) year){E}"), RelativeYear),
        new(R($@"(?:{B}(?:ca nam|nam|in|year)\s+|(?<![a-z0-9/.\-])){Year}{DateEnd}(?![a-z])"), ExplicitYear),
        new(R($@"{B}(?:tu|from|between)\s+(?:ngay\s+)?{Date("1", true)}\s*(?:den|toi|-|to|and|until)\s*(?:ngay\s+)?(?:(?<now>nay|hien nay|hom nay)|{Date("2", true)}){DateEnd}(?![a-z])"), Range),
        new(R($@"(?<![0-9/.\-]){Date("1", false)}\s+(?:-|den|toi)\s+{Date("2", false)}{DateEnd}"), Range),
        new(R($@"{B}tu thang (?<m1>1[0-2]|0?[1-9])\s*(?:den|toi|-)\s*(?:thang\s+)?(?<m2>1[0-2]|0?[1-9]){YT}{E}"), MonthRange),
        new(R($@"{B}(?:tu|ke tu|since|from)\s+(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])|thang (?<m>1[0-2]|0?[1-9])|month (?<m>1[0-2]|0?[1-9])){YT}(?:\s+(?:den|toi|to|until)\s+(?:nay|hien nay|hien tai|bay gio|hom nay|now|today|date))?{E}"), SincePart),
        new(R($@"(?<![0-9/.\-]){Date("1", false)}{DateEnd}(?![a-z])|{B}ngay\s+{Date("1", true)}{DateEnd}(?![a-z])"), SingleDate),
    ];

    private static Period? Day(Match m, DateOnly today)
    {
        var (date, name) = m.Groups["k"].Value switch
        {
            "hom qua" or "yesterday" => (today.AddDays(-1), "hôm qua"),
            "hom kia" => (today.AddDays(-2), "hôm kia"),
            _ => (today, "hôm nay"),
        };
        return new Period(date, date, $"{name} ({VnFormat.Date(date)})");
    }

    /// <summary>The first day counted by "từ trước đến nay" (all records: khuyến công began in 2004).</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    private static Period? AllTime(Match m, DateOnly today) => AllTime(today);

    /// <summary>Every record up to <paramref name="today"/>: "từ trước đến nay".</summary>
    public static Period AllTime(DateOnly today) => new(Beginning, today, $"từ trước đến nay (mọi số liệu đến {VnFormat.Date(today)})");

    private static bool IsPrevious(string k) => k is not ("nay" or "this");

    private static Period? Week(Match m, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var previous = IsPrevious(m.Groups["k"].Value);
        if (previous)
        {
            monday = monday.AddDays(-7);
        }
        var sunday = monday.AddDays(6);
        return new Period(monday, sunday, $"{(previous ? "tuần trước" : "tuần này")} ({PeriodLabels.Span(monday, sunday)})");
    }

    private static Period? RelativeMonth(Match m, DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        if (IsPrevious(m.Groups["k"].Value))
        {
            first = first.AddMonths(-1);
        }
        return Period.Of(first, PeriodLabels.EndOfMonth(first.Year, first.Month));
    }

    /// <summary>The explicit year of a match ("2024", "năm nay", "năm ngoái"), or null when none was written.</summary>
    private static int? ExplicitYearOf(Match m, DateOnly today)
    {
        if (m.Groups["y"].Success)
        {
            return VnParse.Int(m.Groups["y"].Value);
        }
        if (m.Groups["rel"].Success)
        {
            return m.Groups["rel"].Value == "nay" ? today.Year : today.Year - 1;
        }
        return null;
    }

    /// <summary>Months fromMonth..toMonth of the written year, or of this year (last year if that would start after today).</summary>
    private static Period WholeMonths(int fromMonth, int toMonth, int? year, DateOnly today)
    {
        var y = year ?? (new DateOnly(today.Year, fromMonth, 1) > today ? today.Year - 1 : today.Year);
        return Period.Of(new DateOnly(y, fromMonth, 1), PeriodLabels.EndOfMonth(y, toMonth));
    }

    private static Period? Month(Match m, DateOnly today)
    {
        var month = VnParse.Int(m.Groups["m"].Value);
        return WholeMonths(month, month, ExplicitYearOf(m, today), today);
    }

    private static Period? Quarter(Match m, DateOnly today)
    {
        var q = m.Groups["q"].Value switch
        {
            "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4,
            var digits => VnParse.Int(digits),
        };
        return WholeMonths(q * 3 - 2, q * 3, ExplicitYearOf(m, today), today);
    }

    /// <summary>"lũy kế đến tháng 9", "tính đến hết quý 3": from 1 January of that year to the end of that month or quarter.</summary>
    private static Period? Cumulative(Match m, DateOnly today)
    {
        var end = m.Groups["q"].Success ? Quarter(m, today)! : Month(m, today)!;
        var from = new DateOnly(end.From.Year, 1, 1);
        return new Period(from, end.To, $"lũy kế từ đầu năm {from.Year} đến hết {end.Label}");
    }

    /// <summary>"từ tháng 7 đến nay", "từ quý 2/2025 đến nay", "since July": from the first day of that month or quarter to today.</summary>
    private static Period? SincePart(Match m, DateOnly today)
    {
        var start = m.Groups["q"].Success ? Quarter(m, today)! : Month(m, today)!;
        return start.From > today ? null
            : new Period(start.From, today, $"từ {start.Label} đến nay ({PeriodLabels.Span(start.From, today)})");
    }

    private static Period? RelativeQuarter(Match m, DateOnly today)
    {
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        if (IsPrevious(m.Groups["k"].Value))
        {
            first = first.AddMonths(-3);
        }
        return WholeMonths(first.Month, first.Month + 2, first.Year, today);
    }

    private static Period? Months(Match m, DateOnly today)
    {
        var n = m.Groups["n"].Success ? VnParse.Int(m.Groups["n"].Value) : 6;
        var last = m.Groups["dir"].Value is "cuoi" or "second" || m.Groups["h"].Value == "2";
        var year = ExplicitYearOf(m, today);
        return last ? WholeMonths(13 - n, 12, year, today) : WholeMonths(1, n, year, today);
    }

    private static Period? Rolling(Match m, DateOnly today)
    {
        var n = VnParse.Int(m.Groups["n"].Value);
        if (n < 1)
        {
            return null;
        }
        var (from, unit) = m.Groups["u"].Value switch
        {
            "ngay" or "days" => (today.AddDays(1 - n), "ngày"),
            "tuan" or "weeks" => (today.AddDays(1 - 7 * n), "tuần"),
            _ => (today.AddMonths(-n).AddDays(1), "tháng"),
        };
        return new Period(from, today, $"{n} {unit} qua ({PeriodLabels.Span(from, today)})");
    }

    /// <summary>"3 năm qua": the last N calendar years up to today, this year included (01/01/2024 – 26/11/2026).</summary>
    private static Period? RollingYears(Match m, DateOnly today)
    {
        var n = VnParse.Int(m.Groups["n"].Value);
        if (n < 1)
        {
            return null;
        }
        var from = new DateOnly(today.Year - n + 1, 1, 1);
        return new Period(from, today, $"{n} năm qua, từ năm {from.Year} đến nay");
    }

    /// <summary>"từ năm 2020 đến nay", "since 2020".</summary>
    private static Period? SinceYear(Match m, DateOnly today)
    {
        var y = VnParse.Int(m.Groups["y"].Value);
        return y < 2000 || y > today.Year ? null : new Period(new DateOnly(y, 1, 1), today, $"từ năm {y} đến nay");
    }

    /// <summary>"giai đoạn 2021-2025", "từ 2020 đến 2024": whole years.</summary>
    private static Period? YearRange(Match m, DateOnly today)
    {
        var y1 = VnParse.Int(m.Groups["y1"].Value);
        var y2 = VnParse.Int(m.Groups["y2"].Value);
        if (y1 < 2000 || y2 > 2100 || y1 >= y2)
        {
            return null;
        }
        return new Period(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31), $"giai đoạn {y1}–{y2}");
    }

    private static Period? YearToDate(Match m, DateOnly today)
    {
        var year = ExplicitYearOf(m, today) ?? today.Year;
        if (year > today.Year)
        {
            return null;
        }
        DateOnly to;
        if (m.Groups["d2"].Success)
        {
            if (!TryDate(m, "2", year, out to))
            {
                return null;
            }
        }
        else
        {
            to = year == today.Year || m.Groups["now"].Success ? today : new DateOnly(year, 12, 31);
        }
        var from = new DateOnly(year, 1, 1);
        var label = to.Year == year && to != new DateOnly(year, 12, 31)
            ? $"từ đầu năm {year} đến {VnFormat.Date(to)}"
            : PeriodLabels.Describe(from, to);
        return new Period(from, to, label);
    }

    private static Period? RelativeYear(Match m, DateOnly today) =>
        WholeMonths(1, 12, IsPrevious(m.Groups["k"].Value) ? today.Year - 1 : today.Year, today);

    private static Period? ExplicitYear(Match m, DateOnly today)
    {
        var y = VnParse.Int(m.Groups["y"].Value);
        return y is < 2000 or > 2100 ? null : WholeMonths(1, 12, y, today);
    }

    private static bool TryDate(Match m, string x, int defaultYear, out DateOnly date)
    {
        int? year = m.Groups["y" + x].Success ? VnParse.Int(m.Groups["y" + x].Value) : null;
        return VnParse.TryMakeDate(VnParse.Int(m.Groups["d" + x].Value), VnParse.Int(m.Groups["m" + x].Value), year, defaultYear, out date);
    }

    private static Period? Range(Match m, DateOnly today)
    {
        var year1 = m.Groups["y1"].Success;
        DateOnly to;
        if (m.Groups["now"].Success)
        {
            to = today;
        }
        else if (!TryDate(m, "2", today.Year, out to))
        {
            return null;
        }
        if (!TryDate(m, "1", to.Year, out var from))
        {
            return null;
        }
        if (!m.Groups["y2"].Success && year1 && !m.Groups["now"].Success)
        {
            // "từ 1/3/2024 đến 15/5": the end takes the start's year.
            if (!TryDate(m, "2", from.Year, out to))
            {
                return null;
            }
        }
        if (from > to && !year1)
        {
            from = from.AddYears(-1);
        }
        return from > to ? null : new Period(from, to, $"từ {VnFormat.Date(from)} đến {VnFormat.Date(to)}");
    }

    private static Period? MonthRange(Match m, DateOnly today)
    {
        var m1 = VnParse.Int(m.Groups["m1"].Value);
        var m2 = VnParse.Int(m.Groups["m2"].Value);
        return m1 > m2 ? null : WholeMonths(m1, m2, ExplicitYearOf(m, today), today);
    }

    private static Period? SingleDate(Match m, DateOnly today) =>
        TryDate(m, "1", today.Year, out var date) ? new Period(date, date, "ngày " + VnFormat.Date(date)) : null;
}
