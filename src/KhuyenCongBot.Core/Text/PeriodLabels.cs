namespace KhuyenCongBot.Core.Text;

/// <summary>Vietnamese labels of periods, built from dates: "tháng 5/2024", "quý I/2024", "6 tháng đầu năm 2024".</summary>
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

    /// <summary>The label a report would use for the days from..to.</summary>
    public static string Describe(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return "ngày " + VnFormat.Date(from);
        }
        var wholeMonths = from.Day == 1 && to == EndOfMonth(to.Year, to.Month) && from.Year == to.Year;
        if (wholeMonths)
        {
            var y = from.Year;
            var months = to.Month - from.Month + 1;
            if (months == 12)
            {
                return $"năm {y}";
            }
            if (months == 1)
            {
                return $"tháng {from.Month}/{y}";
            }
            if (months == 3 && from.Month % 3 == 1)
            {
                return $"quý {Roman((from.Month + 2) / 3)}/{y}";
            }
            if (from.Month == 1)
            {
                return $"{months} tháng đầu năm {y}";
            }
            if (to.Month == 12)
            {
                return $"{months} tháng cuối năm {y}";
            }
            return $"từ tháng {from.Month} đến tháng {to.Month}/{y}";
        }
        if (to.DayNumber - from.DayNumber == 6 && from.DayOfWeek == DayOfWeek.Monday)
        {
            return "tuần " + Span(from, to);
        }
        return $"từ {VnFormat.Date(from)} đến {VnFormat.Date(to)}";
    }

    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The English label of the days from..to: "2024", "Q1 2024", "May 2024", "January–June 2024", "2021–2025", or "01/03/2024 to 15/05/2024".</summary>
    public static string DescribeEnglish(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return VnFormat.Date(from);
        }
        if (from.Day == 1 && to == EndOfMonth(to.Year, to.Month))
        {
            if (from.Month == 1 && to.Month == 12)
            {
                return from.Year == to.Year ? $"{from.Year}" : $"{from.Year}–{to.Year}";
            }
            if (from.Year == to.Year)
            {
                var months = to.Month - from.Month + 1;
                return months switch
                {
                    1 => $"{EnglishMonths[from.Month - 1]} {from.Year}",
                    3 when from.Month % 3 == 1 => $"Q{(from.Month + 2) / 3} {from.Year}",
                    _ => $"{EnglishMonths[from.Month - 1]}–{EnglishMonths[to.Month - 1]} {from.Year}",
                };
            }
        }
        return $"{VnFormat.Date(from)} to {VnFormat.Date(to)}";
    }
}
