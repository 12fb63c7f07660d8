using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A period still running on today's date: cut at today, and compared with the same dates a year earlier.</summary>
public static class RunningPeriod
{
    /// <summary>
    /// A comparison with last year over a period still running ("năm nay", "quý này") counts up to today and compares with the
    /// same dates a year earlier: eleven months of this year against twelve of last year would read as a fall.
    /// </summary>
    public static Question Clip(UserTexts texts, Question q, DateOnly today)
    {
        if (!(q.CompareLastYear || q.Change))
        {
            return q;
        }
        var clipped = q.WithPeriod(UpToToday(texts, q.Period, today));
        // Two periods compared ("tháng này so với tháng trước"): the second is cut to as many days as the first has so far.
        // "tháng này" already ends today: its comparison is cut the same way.
        if ((clipped.To != q.To || (q.To == today && q.From < today)) && q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            clipped = clipped with { VsTo = DateOnly.FromDayNumber(Math.Min(vt.DayNumber, vf.DayNumber + (clipped.To.DayNumber - clipped.From.DayNumber))) };
        }
        return clipped;
    }

    /// <summary>A period still running on <paramref name="today"/> cut at today ("từ đầu năm 2026 đến nay"); any other period as it is.</summary>
    public static Period UpToToday(UserTexts texts, Period period, DateOnly today) => today < period.From || today >= period.To
        ? period
        : new Period(period.From, today, period.From == new DateOnly(today.Year, 1, 1)
            ? YearToDate(texts, today).Label
            : PeriodLabel.Of("period.so_far", period.Label));

    public static Period YearToDate(UserTexts texts, DateOnly today) =>
        new(new DateOnly(today.Year, 1, 1), today, PeriodLabel.Of("period.year_to_date", today.Year));
}
