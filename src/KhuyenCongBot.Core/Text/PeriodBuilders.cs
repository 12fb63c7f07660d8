using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Text;

/// <summary>
/// Turns a matched period phrase (<see cref="PeriodRules"/>) into a period. Rules: weeks run Monday-Sunday; a missing year is the
/// year of today, except that a month, quarter or "N tháng đầu/cuối năm" that would start after today means last year.
/// </summary>
internal static class PeriodBuilders
{
    public static Period? Day(Match m, DateOnly today)
    {
        var (date, key) = m.Groups["k"].Value switch
        {
            "hom qua" or "yesterday" => (today.AddDays(-1), "period.yesterday"),
            "hom kia" => (today.AddDays(-2), "period.day_before_yesterday"),
            _ => (today, "period.today"),
        };
        return new Period(date, date, PeriodLabel.Of(key, date));
    }

    public static Period? AllTime(Match m, DateOnly today) => PeriodParser.AllTime(today);


    private static bool IsPrevious(string k) => k is not ("nay" or "this");

    /// <summary>"trước nữa", "before last": the one before the previous.</summary>
    private static bool IsBeforeLast(string k) => k is "truoc nua" or "before last";

    public static Period? Week(Match m, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var previous = IsPrevious(m.Groups["k"].Value);
        if (previous)
        {
            monday = monday.AddDays(-7);
        }
        var sunday = monday.AddDays(6);
        return new Period(monday, sunday, PeriodLabel.Of(previous ? "period.last_week" : "period.this_week", monday, sunday));
    }

    public static Period? RelativeMonth(Match m, DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        if (IsPrevious(m.Groups["k"].Value))
        {
            // "tháng trước nữa", "the month before last": two months back.
            first = first.AddMonths(IsBeforeLast(m.Groups["k"].Value) ? -2 : -1);
            return Period.Of(first, PeriodLabels.EndOfMonth(first.Year, first.Month));
        }
        // "tháng này": up to today, for every measure (a record dated later this month is not done yet).
        return new Period(first, today, PeriodLabel.Of("period.so_far", PeriodLabel.Of("period.month", first.Month, first.Year)));
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
            return m.Groups["rel"].Value switch { "nay" or "this" => today.Year, "kia" or "truoc nua" => today.Year - 2, _ => today.Year - 1 };
        }
        return null;
    }

    /// <summary>Months fromMonth..toMonth of the written year, or of this year (last year if that would start after today).</summary>
    private static Period WholeMonths(int fromMonth, int toMonth, int? year, DateOnly today)
    {
        var y = year ?? (new DateOnly(today.Year, fromMonth, 1) > today ? today.Year - 1 : today.Year);
        return Period.Of(new DateOnly(y, fromMonth, 1), PeriodLabels.EndOfMonth(y, toMonth));
    }

    public static Period? Month(Match m, DateOnly today)
    {
        var month = VnParse.Int(m.Groups["m"].Value);
        return WholeMonths(month, month, ExplicitYearOf(m, today), today);
    }

    public static Period? Quarter(Match m, DateOnly today)
    {
        var q = m.Groups["q"].Value switch
        {
            "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4,
            var digits => VnParse.Int(digits),
        };
        return WholeMonths(q * 3 - 2, q * 3, ExplicitYearOf(m, today), today);
    }

    /// <summary>"lũy kế đến tháng 9", "tính đến hết quý 3": from 1 January of that year to the end of that month or quarter.</summary>
    public static Period? Cumulative(Match m, DateOnly today)
    {
        var end = m.Groups["q"].Success ? Quarter(m, today)! : Month(m, today)!;
        var from = new DateOnly(end.From.Year, 1, 1);
        return new Period(from, end.To, PeriodLabel.Of("period.cumulative", from.Year, end.Label));
    }

    /// <summary>"từ tháng 7 đến nay", "từ quý 2/2025 đến nay", "since July": from the first day of that month or quarter to today.</summary>
    public static Period? SincePart(Match m, DateOnly today)
    {
        var start = m.Groups["q"].Success ? Quarter(m, today)! : Month(m, today)!;
        return start.From > today ? null
            : new Period(start.From, today, PeriodLabel.Of("period.since", start.Label, start.From, today));
    }

    public static Period? RelativeQuarter(Match m, DateOnly today)
    {
        var first = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        if (IsPrevious(m.Groups["k"].Value))
        {
            first = first.AddMonths(IsBeforeLast(m.Groups["k"].Value) ? -6 : -3);
        }
        return WholeMonths(first.Month, first.Month + 2, first.Year, today);
    }

    public static Period? Months(Match m, DateOnly today)
    {
        var n = m.Groups["n"].Success ? VnParse.Int(m.Groups["n"].Value) : 6;
        var last = m.Groups["dir"].Value is "cuoi" or "second" or "last" or "final" || m.Groups["h"].Value == "2";
        var year = ExplicitYearOf(m, today);
        return last ? WholeMonths(13 - n, 12, year, today) : WholeMonths(1, n, year, today);
    }

    public static Period? Rolling(Match m, DateOnly today)
    {
        var n = VnParse.Int(m.Groups["n"].Value);
        if (n < 1)
        {
            return null;
        }
        var (from, key) = m.Groups["u"].Value switch
        {
            "ngay" or "days" => (today.AddDays(1 - n), "period.last_days"),
            "tuan" or "weeks" => (today.AddDays(1 - 7 * n), "period.last_weeks"),
            _ => (today.AddMonths(-n).AddDays(1), "period.last_months"),
        };
        return new Period(from, today, PeriodLabel.Of(key, n, from, today));
    }

    /// <summary>"3 năm qua": the last N calendar years up to today, this year included (01/01/2024 – 26/11/2026).</summary>
    public static Period? RollingYears(Match m, DateOnly today)
    {
        var n = VnParse.Int(m.Groups["n"].Value);
        if (n < 1)
        {
            return null;
        }
        var from = new DateOnly(today.Year - n + 1, 1, 1);
        return new Period(from, today, PeriodLabel.Of("period.last_years", n, from.Year));
    }

    /// <summary>"từ năm 2020 đến nay", "since 2020".</summary>
    public static Period? SinceYear(Match m, DateOnly today)
    {
        var y = VnParse.Int(m.Groups["y"].Value);
        return y < 2000 || y > today.Year ? null : new Period(new DateOnly(y, 1, 1), today, PeriodLabel.Of("period.since_year", y));
    }

    /// <summary>"giai đoạn 2021-2025", "từ 2020 đến 2024": whole years.</summary>
    public static Period? YearRange(Match m, DateOnly today)
    {
        var y1 = VnParse.Int(m.Groups["y1"].Value);
        var y2 = VnParse.Int(m.Groups["y2"].Value);
        if (y1 < 2000 || y2 > 2100 || y1 >= y2)
        {
            return null;
        }
        return new Period(new DateOnly(y1, 1, 1), new DateOnly(y2, 12, 31), PeriodLabel.Of("period.year_range", y1, y2));
    }

    public static Period? YearToDate(Match m, DateOnly today)
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
            ? PeriodLabel.Of("period.year_to", year, to)
            : PeriodLabels.Describe(from, to);
        return new Period(from, to, label);
    }

    /// <summary>"năm nay", "năm ngoái"; "năm kia", "năm trước nữa", "the year before last": two years back (Vietnam's today).</summary>
    public static Period? RelativeYear(Match m, DateOnly today) =>
        WholeMonths(1, 12, m.Groups["k"].Value switch
        {
            "kia" or "truoc nua" or "before" or "2" => today.Year - 2,
            "toi" or "sau" or "sang" or "next" => today.Year + 1,
            var k when IsPrevious(k) => today.Year - 1,
            _ => today.Year,
        }, today);

    public static Period? ExplicitYear(Match m, DateOnly today)
    {
        var y = VnParse.Int(m.Groups["y"].Value);
        return y is < 2000 or > 2100 ? null : WholeMonths(1, 12, y, today);
    }

    private static bool TryDate(Match m, string x, int defaultYear, out DateOnly date)
    {
        int? year = m.Groups["y" + x].Success ? VnParse.Int(m.Groups["y" + x].Value) : null;
        return VnParse.TryMakeDate(VnParse.Int(m.Groups["d" + x].Value), VnParse.Int(m.Groups["m" + x].Value), year, defaultYear, out date);
    }

    public static Period? Range(Match m, DateOnly today)
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
        return from > to ? null : new Period(from, to, PeriodLabel.Of("period.range", from, to));
    }

    public static Period? MonthRange(Match m, DateOnly today)
    {
        var m1 = VnParse.Int(m.Groups["m1"].Value);
        var m2 = VnParse.Int(m.Groups["m2"].Value);
        return m1 > m2 ? null : WholeMonths(m1, m2, ExplicitYearOf(m, today), today);
    }

    /// <summary>"quý 1 đến quý 3 năm 2025", "tháng 3/2025 đến tháng 6/2025": from the first day of the first part to the last day of the last.</summary>
    public static Period? PartRange(Match m, DateOnly today)
    {
        static int QuarterOf(string q) => q switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, var digits => VnParse.Int(digits) };
        var quarters = m.Groups["q1"].Success;
        var (first, last) = quarters
            ? (QuarterOf(m.Groups["q1"].Value) * 3 - 2, QuarterOf(m.Groups["q2"].Value) * 3)
            : (VnParse.Int(m.Groups["m1"].Value), VnParse.Int(m.Groups["m2"].Value));
        var endYear = ExplicitYearOf(m, today);
        int? startYear = m.Groups["y1"].Success ? VnParse.Int(m.Groups["y1"].Value) : endYear;
        if (startYear is null)
        {
            // No year written: this year, or last year if the range would start after today.
            var range = first > last ? null : WholeMonths(first, last, null, today);
            return range is null ? null : Labelled(range, quarters);
        }
        var y2 = endYear ?? startYear.Value;
        var from = new DateOnly(startYear.Value, first, 1);
        var to = PeriodLabels.EndOfMonth(y2, last);
        return from > to ? null : Labelled(Period.Of(from, to), quarters);
    }

    /// <summary>"q1 và q2 2024": one period when the second part follows the first, else none (two periods are not summed).</summary>
    public static Period? NeighbourPair(Match m, DateOnly today)
    {
        static int QuarterOf(string q) => q switch { "i" => 1, "ii" => 2, "iii" => 3, "iv" => 4, var digits => VnParse.Int(digits) };
        var next = m.Groups["q1"].Success
            ? QuarterOf(m.Groups["q2"].Value) == QuarterOf(m.Groups["q1"].Value) + 1
            : VnParse.Int(m.Groups["m2"].Value) == VnParse.Int(m.Groups["m1"].Value) + 1;
        return next && !m.Groups["y1"].Success ? PartRange(m, today) : null;
    }

    /// <summary>"năm 24": 2024 (a two-digit year is of this century).</summary>
    public static Period? TwoDigitYear(Match m, DateOnly today)
    {
        var y = 2000 + VnParse.Int(m.Groups["yy"].Value);
        return y > today.Year + 1 ? null : WholeMonths(1, 12, y, today);
    }

    private static Period Labelled(Period p, bool quarters)
    {
        if (!quarters || p.From.Month % 3 != 1 || p.To.Month % 3 != 0 || p.From.Year != p.To.Year)
        {
            return p;
        }
        var (q1, q2) = ((p.From.Month + 2) / 3, p.To.Month / 3);
        return q1 == q2 ? p : new Period(p.From, p.To, PeriodLabel.Of("period.quarter_range", q1, q2, p.To.Year));
    }

    public static Period? SingleDate(Match m, DateOnly today) =>
        TryDate(m, "1", today.Year, out var date) ? new Period(date, date, PeriodLabel.Of("period.day", date)) : null;
}
