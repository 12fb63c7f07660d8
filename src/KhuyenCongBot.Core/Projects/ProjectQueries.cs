using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Projects;

/// <summary>Disbursement of a set of projects: what was approved by source, what was disbursed, and the rate.</summary>
/// <param name="Projects">Projects counted (approved on or before the date).</param>
/// <param name="Approved">Approved amounts by source.</param>
/// <param name="Disbursed">Disbursed as reported on or before the date.</param>
/// <param name="Rate">Disbursed / approved khuyến công support (KCQG + KCĐP); null when nothing was approved.</param>
public sealed record DisbursementFigure(int Projects, FundingTotals Approved, decimal Disbursed, decimal? Rate);

/// <summary>The project figures managers ask for ("bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ", "giải ngân đạt bao nhiêu %").</summary>
/// <remarks>
/// Every query is "as at" a date, read from the step dates: a project counts from its decision date, and is accepted from its
/// acceptance date, so asking about 30/6 after a project was accepted in July still finds it not accepted on 30/6.
/// A scope is a set of recorded unit ids: <see cref="ScopeOf"/> gives a current unit with the former units merged into it.
/// </remarks>
public sealed class ProjectQueries(IBotStore store, CatalogueIndex catalogue)
{
    /// <summary>The recorded unit ids of a current (or former) unit's scope: the current unit and every former unit merged into it.</summary>
    public IReadOnlySet<string> ScopeOf(string provinceId) =>
        catalogue.UnitsOf(catalogue.CurrentOf(provinceId)?.Id ?? provinceId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Projects approved on or before <paramref name="at"/> and not accepted by then, oldest decision first.</summary>
    public IReadOnlyList<Project> NotYetAccepted(ProjectFilter filter, DateOnly at) =>
        store.Projects.Read(filter)
            .Where(p => p.StatusOn(at) is ProjectStatus.Approved or ProjectStatus.InProgress)
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.Id).ToList();

    /// <summary>Projects late at <paramref name="at"/>: their planned end is before that day and they were not accepted by then; most late first.</summary>
    public IReadOnlyList<Project> Late(ProjectFilter filter, DateOnly at) =>
        NotYetAccepted(filter, at)
            .Where(p => p.PlannedEnd is { } end && end < at)
            .OrderBy(p => p.PlannedEnd).ThenBy(p => p.Id).ToList();

    /// <summary>How many days a project is late at a date (0 when it is not).</summary>
    public static int DaysLate(Project p, DateOnly at) =>
        p.PlannedEnd is { } end && end < at && p.StatusOn(at) is ProjectStatus.Approved or ProjectStatus.InProgress ? at.DayNumber - end.DayNumber : 0;

    /// <summary>How many days a project is or was behind its planned end at a date: while not accepted, the days since the planned end
    /// (<see cref="DaysLate"/>); once accepted, the days between the planned end and the acceptance (0 when accepted in time).</summary>
    public static int DaysBehind(Project p, DateOnly at) =>
        p.StatusOn(at) >= ProjectStatus.Accepted && p.AcceptedOn is { } accepted && accepted <= at
            ? (p.PlannedEnd is { } end && end < accepted ? accepted.DayNumber - end.DayNumber : 0)
            : DaysLate(p, at);

    /// <summary>Disbursed against approved khuyến công support for the projects approved on or before <paramref name="at"/>.</summary>
    /// <remarks>Added up from each unit's figures, kept until a project of the unit is saved (<see cref="ProjectGroup"/>).</remarks>
    public DisbursementFigure Disbursement(ProjectFilter filter, DateOnly at)
    {
        var (count, approved, disbursed) = (0, default(FundingTotals), 0m);
        foreach (var unit in UnitDisbursements(filter, at))
        {
            count += unit.Projects;
            approved = new FundingTotals(approved.Kcqg + unit.Approved.Kcqg, approved.Kcdp + unit.Approved.Kcdp,
                approved.Counterpart + unit.Approved.Counterpart, approved.Other + unit.Approved.Other);
            disbursed += unit.Disbursed;
        }
        return new DisbursementFigure(count, approved, disbursed, FundingRules.Rate(disbursed, approved.Support));
    }

    /// <summary>The projects approved in the year of <paramref name="at"/> up to that date, with what they had disbursed by then:
    /// the figure of <see cref="PeriodDisbursement"/> for the running year (what "giải ngân năm 2026" gives), from the kept unit figures.</summary>
    public DisbursementPart YearsProjects(ProjectFilter filter, DateOnly at)
    {
        var (count, kcqg, kcdp, disbursed) = (0, 0L, 0L, 0L);
        foreach (var unit in UnitDisbursements(filter, at))
        {
            (count, kcqg, kcdp, disbursed) = (count + unit.Year.Projects, kcqg + unit.Year.Kcqg, kcdp + unit.Year.Kcdp, disbursed + unit.Year.Disbursed);
        }
        return new DisbursementPart(count, kcqg, kcdp, disbursed);
    }

    /// <summary>The projects approved on or before <paramref name="at"/> whose disbursement then is above their approved support
    /// (in no particular order: <see cref="Chat.ProjectOverruns"/> orders them).</summary>
    public IReadOnlyList<Project> Overruns(ProjectFilter filter, DateOnly at) => UnitDisbursements(filter, at).SelectMany(u => u.Over).ToList();

    /// <summary>The units (as recorded) with projects approved in the year of <paramref name="at"/> up to that date: those a year
    /// plan must cover before the projects' disbursement is compared with it.</summary>
    public IReadOnlyList<string> UnitsWithYearsProjects(ProjectFilter filter, DateOnly at)
    {
        var rest = filter with { ProvinceIds = null };
        return store.Projects.Groups(filter.ProvinceIds)
            .Where(g => g.Derived((Figure: nameof(UnitDisbursement), Filter: rest, At: at), ComputeUnit).Year.Projects > 0)
            .Select(g => g.ProvinceId).ToList();
    }

    /// <summary>One unit's disbursement figures for a filter (its units aside) and a date.</summary>
    private sealed record UnitDisbursement(int Projects, FundingTotals Approved, decimal Disbursed, DisbursementPart Year, Project[] Over);

    private List<UnitDisbursement> UnitDisbursements(ProjectFilter filter, DateOnly at)
    {
        var rest = filter with { ProvinceIds = null };
        return store.Projects.Groups(filter.ProvinceIds).Select(g => g.Derived((Figure: nameof(UnitDisbursement), Filter: rest, At: at), ComputeUnit)).ToList();
    }

    private static UnitDisbursement ComputeUnit((string Figure, ProjectFilter Filter, DateOnly At) key, IReadOnlyList<Project> projects)
    {
        {
            var (count, approved, disbursed, year, over) = (0, default(FundingTotals), 0m, DisbursementPart.None, new List<Project>());
            var yearStart = new DateOnly(key.At.Year, 1, 1);
            foreach (var p in projects)
            {
                if (!key.Filter.Matches(p) || p.DecisionDate > key.At)
                {
                    continue;
                }
                var now = p.DisbursedOn(key.At);
                count++;
                approved = approved.Add(p.Approved);
                disbursed += now;
                if (p.DecisionDate >= yearStart)
                {
                    year = year.Add(p, key.At);
                }
                if (now - p.Approved.Support > 0)
                {
                    over.Add(p);
                }
            }
            return new UnitDisbursement(count, approved, disbursed, year, [.. over]);
        }
    }

    /// <summary>Projects at each step on a date (projects approved by then).</summary>
    public IReadOnlyDictionary<ProjectStatus, int> CountByStatus(ProjectFilter filter, DateOnly at)
    {
        var counts = Enum.GetValues<ProjectStatus>().ToDictionary(s => s, _ => 0);
        foreach (var p in store.Projects.Read(filter))
        {
            if (p.StatusOn(at) is { } s)
            {
                counts[s]++;
            }
        }
        return counts;
    }
}
