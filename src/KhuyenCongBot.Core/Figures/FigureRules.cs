using KhuyenCongBot.Core.Catalogue;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Rules shared by every figure source: which measures exist, how breakdowns are ordered.</summary>
/// <remarks>
/// Semantics (identical in every <see cref="IFigureSource"/>):
/// Value is computed on all matching records; EstimatePart is the same measure computed on the matching
/// records whose Status is Estimate (for facilities: the distinct facilities among the estimate records);
/// Records is the number of matching records. Facilities = distinct FacilityId; a record without a facility
/// (information, propaganda) is no facility and adds nothing. A source filter keeps the records funded by that
/// source, whatever the measure. Participations over every activity (<see cref="FigureQuery.ActivityId"/> null) are the records
/// of the activities that support facilities (<see cref="SupportsFacilities"/>): a record of information and propaganda is a
/// "lượt (không gắn với cơ sở)", counted when that activity is asked, never a "lượt cơ sở". A breakdown lists only keys with at least one matching record (the answers fill in
/// the empty months, quarters and years of the period).
/// </remarks>
public static class FigureRules
{
    /// <summary>True for the measures that are plain sums over records (all but facilities).</summary>
    public static bool IsAdditive(string measure) => measure != Measures.Facilities;

    /// <summary>Whether an activity's records support facilities (its catalogue measures count them); an unknown activity does.</summary>
    public static bool SupportsFacilities(CatalogueIndex catalogue, string activityId) =>
        catalogue.Activity(activityId) is not { } activity || activity.Measures.Contains(Measures.Facilities);

    /// <summary>Whether a record of <paramref name="activityId"/> counts in <paramref name="query"/>: every record, except a record of an
    /// activity without facilities in the participations of every activity.</summary>
    public static bool Counts(CatalogueIndex catalogue, FigureQuery query, string activityId) =>
        query.ActivityId is not null || query.Measure != Measures.Participations || SupportsFacilities(catalogue, activityId);

    /// <summary>Throws <see cref="ArgumentException"/> for a measure outside <see cref="Measures.All"/> (and <see cref="Measures.TraineesUnknown"/>).</summary>
    public static void Validate(FigureQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Measures.All.Contains(query.Measure) && query.Measure != Measures.TraineesUnknown)
        {
            throw new ArgumentException($"Unknown measure '{query.Measure}'.", nameof(query));
        }
    }

    /// <summary>Months and years in chronological order; other keys largest value first, ties by key (ordinal).</summary>
    public static IReadOnlyList<KeyValuePair<string, FigureValue>> Order(IEnumerable<KeyValuePair<string, FigureValue>> groups, BreakdownBy by) =>
        IsChronological(by)
            ? groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToList()
            : groups.OrderByDescending(g => g.Value.Value).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();

    /// <summary>Months, quarters and years: breakdowns in time order.</summary>
    public static bool IsChronological(BreakdownBy by) => by is BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Year;

    /// <summary>"yyyy-Qn" of a quarter (1..4).</summary>
    public static string QuarterKey(int year, int quarter) => YearKey(year) + "-Q" + (char)('0' + quarter);

    /// <summary>"yyyy" of a year.</summary>
    public static string YearKey(int year) => year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"yyyy-MM" of a date, without culture data.</summary>
    public static string MonthKey(int year, int month) =>
        string.Create(7, (year, month), static (span, ym) =>
        {
            ym.year.TryFormat(span[..4], out _, "D4", System.Globalization.CultureInfo.InvariantCulture);
            span[4] = '-';
            ym.month.TryFormat(span[5..], out _, "D2", System.Globalization.CultureInfo.InvariantCulture);
        });
}
