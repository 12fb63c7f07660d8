using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>What to count: a metric over a period and a set of recorded province units.</summary>
/// <param name="ActivityId">A catalogue activity id, or null for all activities.</param>
/// <param name="Measure">facilities (distinct), participations (records), booths, projects (records), revenue_vnd, funding_vnd.</param>
/// <param name="ProvinceIds">Recorded unit ids to include (current and former); null for everything.</param>
/// <param name="Status">Only estimates or only actuals; null for both.</param>
/// <param name="Source">Only records funded by this source (whatever the measure); null for every record.</param>
/// <param name="Beneficiary">Only records of facilities of this legal form or priority group (seeds/catalogue/beneficiaries.json id:
/// "cooperative", "women_owned"), as the facility registry records it; null for every record. See <see cref="BeneficiaryFilter"/>.</param>
public sealed record FigureQuery(
    string? ActivityId,
    string Measure,
    DateOnly From,
    DateOnly To,
    IReadOnlySet<string>? ProvinceIds = null,
    RecordStatus? Status = null,
    FundingSource? Source = null,
    string? Beneficiary = null)
{
    /// <summary>"trade_fair.booths"; "*.facilities" for all activities.</summary>
    public string Metric => $"{ActivityId ?? "*"}.{Measure}";
}

/// <summary>A figure: its value, how much of it is estimates (ước), and how many records it came from.</summary>
/// <remarks>EstimatePart is the measure computed on the estimate records alone; for facilities, the distinct facilities among them (see <see cref="FigureRules"/>).</remarks>
public readonly record struct FigureValue(decimal Value, decimal EstimatePart, int Records);

/// <summary>How to break a figure down.</summary>
public enum BreakdownBy
{
    /// <summary>By current province (former units counted in the unit they merged into).</summary>
    Province,

    /// <summary>By the unit as recorded (former provinces kept apart).</summary>
    RecordedProvince,
    Activity,
    Month,

    /// <summary>By calendar year ("yyyy"); distinct facilities are distinct within each year.</summary>
    Year,

    /// <summary>By funding source (KCQG, KCĐP, counterpart, other; records without a source apart): keys of <see cref="FundingSources.Key"/>.</summary>
    Source,

    /// <summary>By calendar quarter ("yyyy-Qn"); distinct facilities are distinct within each quarter.</summary>
    Quarter,
}

/// <summary>Computes figures from the records; implementations must give identical answers.</summary>
public interface IFigureSource
{
    FigureValue Total(FigureQuery query);

    /// <summary>One figure per key (province id, activity id, source key, "yyyy-MM", "yyyy-Qn" or "yyyy"), largest first for provinces, activities and sources, in order for months, quarters and years.</summary>
    IReadOnlyList<KeyValuePair<string, FigureValue>> Breakdown(FigureQuery query, BreakdownBy by);
}

/// <summary>Measure names, fixed by the domain brief.</summary>
public static class Measures
{
    public const string Facilities = "facilities";
    public const string Participations = "participations";
    public const string Booths = "booths";
    public const string Projects = "projects";
    public const string Revenue = "revenue_vnd";
    public const string Funding = "funding_vnd";

    /// <summary>Trainees of training: the training form's answer (issue 15), or "N học viên" in an imported record's note (<see cref="Reports.ReportWorkbook.Trainees"/>).</summary>
    public const string Trainees = "trainees";

    public static readonly IReadOnlyList<string> All = [Facilities, Participations, Booths, Projects, Revenue, Funding, Trainees];

    /// <summary>Measures read from the records' form answers (an activity's FormMeasures rather than a field of every record).</summary>
    public static readonly IReadOnlyList<string> FromForms = [Trainees, Classes];

    /// <summary>Training classes: the training form's "classes" answer. Not a measure of the figure sources: only its total is answered, from
    /// the records that name it (<see cref="Questions.ClassAnswers"/>); imported records name none.</summary>
    public const string Classes = "classes";

    /// <summary>Not asked by people: the records among those counted that name no number of trainees (said under a trainees figure).</summary>
    public const string TraineesUnknown = "trainees_unknown";
}

/// <summary>Which facilities a beneficiary filter keeps: those whose legal form is the id, or whose priority groups include it.</summary>
/// <remarks>A record without a facility, or of a facility whose legal form or groups were never recorded, is not kept.</remarks>
public static class BeneficiaryFilter
{
    /// <param name="facility">The facility of a record (null: none, never kept).</param>
    /// <param name="filter">One id, or several joined by "+" (kept when the facility is in every one: "cooperative+women_owned").</param>
    public static bool Matches(Facility? facility, string filter)
    {
        if (facility is null)
        {
            return false;
        }
        foreach (var id in filter.Split('+'))
        {
            if (facility.LegalForm != id && facility.PriorityGroups?.Contains(id) != true)
            {
                return false;
            }
        }
        return true;
    }
}
