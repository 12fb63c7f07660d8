using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A period still running on today's date: cut at today, and compared with the same dates a year earlier.</summary>
public static class RunningPeriod
{
    /// <summary>
    /// A period still running on today ("năm nay", "quý này", "năm 2026" asked in 2026) counts up to today, and a comparison with
    /// last year compares the same dates a year earlier: eleven months of this year against twelve of last year would read as a
    /// fall, and a record dated after today (an estimate entered ahead) is not done yet. The end as asked is kept in
    /// <see cref="Question.AskedTo"/>: a breakdown lists the months after today as not yet come.
    /// </summary>
    public static Question Clip(UserTexts texts, Question q, DateOnly today)
    {
        if (q.AskedTo is not null)
        {
            return q;
        }
        q = RunningFirst(q, today);
        var cut = UpToToday(texts, q.Period, today);
        var clipped = cut.To == q.To ? q : q.WithPeriod(cut) with { AskedTo = q.To };
        if (!(q.CompareLastYear || q.Change))
        {
            return clipped;
        }
        // Two periods compared ("tháng này so với tháng trước"): the second is cut to as many days as the first has so far.
        // "tháng này" already ends today: its comparison is cut the same way.
        if ((clipped.To != q.To || (q.To == today && q.From < today)) && q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            var vsTo = DateOnly.FromDayNumber(Math.Min(vt.DayNumber, vf.DayNumber + (clipped.To.DayNumber - clipped.From.DayNumber)));
            // The label says the days counted ("tháng 9/2026, đến 26/09/2026"), not the whole month it was asked as.
            clipped = clipped with { VsTo = vsTo, VsLabel = vsTo == vt ? q.VsLabel : PeriodLabel.Of("period.first_days_of", q.VsLabel ?? Period.Of(vf, vt).Label, vsTo) };
        }
        return clipped;
    }

    /// <summary>
    /// Two periods named in either order ("quý 1 và quý 2 năm 2024", "tháng 9 và tháng 11" on 26/11, "năm 2024 và năm 2025"): the later
    /// one is the one asked about and compared with the earlier, so "tăng"/"giảm" runs forward in time whatever the order typed, and a
    /// period still running is cut at today and compared like for like.
    /// </summary>
    private static Question RunningFirst(Question q, DateOnly today)
    {
        if (q.VsFrom is { } vf && q.VsTo is { } vt && vf > q.From)
        {
            var asked = q.Period;
            return q.WithPeriod(new Period(vf, vt, q.VsLabel ?? Period.Of(vf, vt).Label)) with { VsFrom = asked.From, VsTo = asked.To, VsLabel = asked.Label };
        }
        if (q.CompareYear is { } later && later > q.To.Year && q.From.Year == q.To.Year)
        {
            var shift = later - q.To.Year;
            var to = q.To.AddYears(shift);
            if (q.To.Day == DateTime.DaysInMonth(q.To.Year, q.To.Month))
            {
                to = new DateOnly(to.Year, to.Month, DateTime.DaysInMonth(to.Year, to.Month));
            }
            var from = q.From.AddYears(shift);
            if (from <= today)
            {
                return q.WithPeriod(Period.Of(from, to)) with { CompareYear = q.To.Year };
            }
        }
        return q;
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
