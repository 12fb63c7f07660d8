namespace KhuyenCongBot.Core.Text;

/// <summary>
/// Shows a <see cref="PeriodLabel"/> in the reader's language from seeds/texts (keys "period.*"). Each key's values, in order:
/// day, today, yesterday, day_before_yesterday: the day; all_time: the last day; week, this_week, last_week, range: the two dates;
/// year, year_to_date, since_year: the year; month, quarter: the month or quarter and the year; first_months, last_months_of_year:
/// how many and the year; month_range, quarter_range: the first and last month or quarter and the year; year_to: the year and the
/// last day; year_range: the two years; last_days, last_weeks, last_months: how many and the two dates; last_years: how many and the
/// first year; so_far: the label; first_days_of: the label of the whole period and the last day counted; cumulative: the year and the label of the end; since: the label of the start and the two dates.
/// </summary>
internal static class PeriodLabelText
{
    private static readonly string[] EnglishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The label in <paramref name="language"/>; a literal as it is in Vietnamese, and in English (or a key this version lacks) described from the dates.</summary>
    public static string Show(UserTexts texts, string language, PeriodLabel label, DateOnly from, DateOnly to)
    {
        var lang = UserTexts.Resolve(language);
        if (label.Literal is { } text)
        {
            return lang == UserTexts.Vietnamese ? text : Show(texts, lang, PeriodLabels.FromDates(from, to), from, to);
        }
        return Keyed(texts, lang, label) ?? Show(texts, lang, PeriodLabels.FromDates(from, to), from, to);
    }

    private static string Month(string lang, int month) => lang == UserTexts.Vietnamese ? month.ToString(System.Globalization.CultureInfo.InvariantCulture) : EnglishMonths[month - 1];

    private static string Quarter(string lang, int quarter) => lang == UserTexts.Vietnamese ? PeriodLabels.Roman(quarter) : quarter.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Span(PeriodLabel l, int i) => PeriodLabels.Span(l.Date(i), l.Date(i + 1));

    private static string? Inner(UserTexts t, string lang, PeriodLabel inner) =>
        inner.Literal is { } text ? (lang == UserTexts.Vietnamese ? text : null) : Keyed(t, lang, inner);

    private static string? Keyed(UserTexts t, string lang, PeriodLabel l) => l.Key switch
    {
        "period.day" => t.Text(lang, "period.day", ("day", l.Date(0))),
        "period.today" => t.Text(lang, "period.today", ("day", l.Date(0))),
        "period.yesterday" => t.Text(lang, "period.yesterday", ("day", l.Date(0))),
        "period.day_before_yesterday" => t.Text(lang, "period.day_before_yesterday", ("day", l.Date(0))),
        "period.all_time" => t.Text(lang, "period.all_time", ("to", l.Date(0))),
        "period.week" => t.Text(lang, "period.week", ("span", Span(l, 0))),
        "period.this_week" => t.Text(lang, "period.this_week", ("span", Span(l, 0))),
        "period.last_week" => t.Text(lang, "period.last_week", ("span", Span(l, 0))),
        "period.range" => t.Text(lang, "period.range", ("from", l.Date(0)), ("to", l.Date(1))),
        "period.year" => t.Text(lang, "period.year", ("year", l.Int(0))),
        "period.year_to_date" => t.Text(lang, "period.year_to_date", ("year", l.Int(0))),
        "period.since_year" => t.Text(lang, "period.since_year", ("year", l.Int(0))),
        "period.month" => t.Text(lang, "period.month", ("month", Month(lang, l.Int(0))), ("year", l.Int(1))),
        "period.quarter" => t.Text(lang, "period.quarter", ("quarter", Quarter(lang, l.Int(0))), ("year", l.Int(1))),
        "period.first_months" => t.Text(lang, "period.first_months", ("n", l.Int(0)), ("year", l.Int(1))),
        "period.last_months_of_year" => t.Text(lang, "period.last_months_of_year", ("n", l.Int(0)), ("year", l.Int(1))),
        "period.month_range" => t.Text(lang, "period.month_range", ("first", Month(lang, l.Int(0))), ("last", Month(lang, l.Int(1))), ("year", l.Int(2))),
        "period.quarter_range" => t.Text(lang, "period.quarter_range", ("first", Quarter(lang, l.Int(0))), ("last", Quarter(lang, l.Int(1))), ("year", l.Int(2))),
        "period.year_to" => t.Text(lang, "period.year_to", ("year", l.Int(0)), ("to", l.Date(1))),
        "period.year_range" => t.Text(lang, "period.year_range", ("first", l.Int(0)), ("last", l.Int(1))),
        "period.last_days" => t.Text(lang, "period.last_days", ("n", l.Int(0)), ("span", Span(l, 1))),
        "period.last_weeks" => t.Text(lang, "period.last_weeks", ("n", l.Int(0)), ("span", Span(l, 1))),
        "period.last_months" => t.Text(lang, "period.last_months", ("n", l.Int(0)), ("span", Span(l, 1))),
        "period.last_years" => t.Text(lang, "period.last_years", ("n", l.Int(0)), ("year", l.Int(1))),
        "period.so_far" => Inner(t, lang, l.Label(0)) is { } p ? t.Text(lang, "period.so_far", ("period", p)) : null,
        "period.cumulative" => Inner(t, lang, l.Label(1)) is { } end ? t.Text(lang, "period.cumulative", ("year", l.Int(0)), ("end", end)) : null,
        "period.first_days_of" => Inner(t, lang, l.Label(0)) is { } whole ? t.Text(lang, "period.first_days_of", ("period", whole), ("to", l.Date(1))) : null,
        "period.since" => Inner(t, lang, l.Label(0)) is { } start ? t.Text(lang, "period.since", ("start", start), ("span", Span(l, 1))) : null,
        _ => null,
    };
}
