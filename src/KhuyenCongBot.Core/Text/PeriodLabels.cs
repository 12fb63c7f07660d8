namespace KhuyenCongBot.Core.Text;

/// <summary>The labels of periods built from dates (<see cref="Describe"/>: "tháng 5/2024", "quý I/2024", "6 tháng đầu năm 2024"), and the dates' pieces they show.</summary>
public static class PeriodLabels
{
    private static readonly string[] Romans = ["I", "II", "III", "IV"];

    /// <summary>1 -> "I", 4 -> "IV".</summary>
    public static string Roman(int quarter) => Romans[quarter - 1];

    /// <summary>"23/11–29/11/2026" (or both years in full when they differ).</summary>
    public static string Span(DateOnly from, DateOnly to) => from.Year == to.Year
        ? $"{from.Day:00}/{from.Month:00}–{VnFormat.Date(to)}"
        : $"{VnFormat.Date(from)}–{VnFormat.Date(to)}";

    internal static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>The label a report would use for the days from..to: a day, a year, a month, a quarter, the first or last months of a year, a range of months, a week, or the two dates.</summary>
    public static PeriodLabel Describe(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return PeriodLabel.Of("period.day", from);
        }
        var wholeMonths = from.Day == 1 && to == EndOfMonth(to.Year, to.Month) && from.Year == to.Year;
        if (wholeMonths)
        {
            var y = from.Year;
            var months = to.Month - from.Month + 1;
            if (months == 12)
            {
                return PeriodLabel.Of("period.year", y);
            }
            if (months == 1)
            {
                return PeriodLabel.Of("period.month", from.Month, y);
            }
            if (months == 3 && from.Month % 3 == 1)
            {
                return PeriodLabel.Of("period.quarter", (from.Month + 2) / 3, y);
            }
            if (from.Month == 1)
            {
                return PeriodLabel.Of("period.first_months", months, y);
            }
            if (to.Month == 12)
            {
                return PeriodLabel.Of("period.last_months_of_year", months, y);
            }
            return PeriodLabel.Of("period.month_range", from.Month, to.Month, y);
        }
        if (to.DayNumber - from.DayNumber == 6 && from.DayOfWeek == DayOfWeek.Monday)
        {
            return PeriodLabel.Of("period.week", from, to);
        }
        return PeriodLabel.Of("period.range", from, to);
    }

    /// <summary>The label of the days from..to from the dates alone, all records (from <see cref="PeriodParser.Beginning"/>) named so.</summary>
    internal static PeriodLabel FromDates(DateOnly from, DateOnly to) =>
        from == PeriodParser.Beginning ? PeriodLabel.Of("period.all_time", to) : Describe(from, to);
}
