using KhuyenCongBot.Core.Funding;

namespace KhuyenCongBot.Core.Projects;

/// <summary>Which projects a query covers.</summary>
/// <param name="ProvinceIds">Recorded unit ids (a current unit with the former units merged into it, see CatalogueIndex.UnitsOf); null = everywhere.</param>
/// <param name="Programme">Only national or only local projects; null = both.</param>
/// <param name="ActivityId">Only one activity; null = all.</param>
/// <param name="DecisionYear">Only projects approved in that year; null = any year.</param>
/// <param name="Source">Only projects whose approved budget has money from that source ("đề án dùng vốn KCQG"); null = any.</param>
public sealed record ProjectFilter(
    IReadOnlySet<string>? ProvinceIds = null,
    ProjectProgramme? Programme = null,
    string? ActivityId = null,
    int? DecisionYear = null,
    FundingSource? Source = null)
{
    public static readonly ProjectFilter Everything = new();

    public bool Matches(Project p) =>
        (ProvinceIds is null || ProvinceIds.Contains(p.ProvinceId))
        && (Programme is null || p.Programme == Programme)
        && (ActivityId is null || p.ActivityId == ActivityId)
        && (DecisionYear is null || p.DecisionDate.Year == DecisionYear)
        && (Source is not { } source || p.Approved[source] > 0);
}

/// <summary>Projects in the store. Writes go through <see cref="ProjectLifecycle"/>, which checks and audits them.</summary>
public interface IProjectRepository
{
    Project? Get(long id);

    /// <summary>The project with this code however it is typed (case, diacritics, separators: <see cref="ProjectCode.Normalize"/>).</summary>
    Project? FindByCode(string code);

    /// <summary>Adds a project and sets its Id; throws <see cref="DuplicateProjectCodeException"/> when its code is taken.</summary>
    long Add(Project project);

    void Update(Project project);

    /// <summary>Removes a project (only an import's undo does: projects are otherwise never deleted); false when there is none.</summary>
    bool Delete(long id);

    /// <summary>The projects a filter covers, in id order: copies the caller may change and save.</summary>
    IReadOnlyList<Project> Find(ProjectFilter filter);

    /// <summary>
    /// The projects a filter covers, in id order, for questions: the committed projects themselves, shared by every reader without
    /// a copy (a question over 8.000 projects must not copy them all). Never change one: use <see cref="Find"/> or <see cref="Get"/> to write.
    /// </summary>
    IReadOnlyList<Project> Read(ProjectFilter filter);

    /// <summary>
    /// The projects of the units (null = every unit) as one group per unit that has any, for questions that add up figures per unit
    /// and keep them until a project of the unit is saved (<see cref="ProjectGroup"/>); inside a transaction, new groups read from the file.
    /// </summary>
    IReadOnlyList<ProjectGroup> Groups(IReadOnlySet<string>? provinceIds);

    /// <summary>Projects that list a facility.</summary>
    IReadOnlyList<Project> ForFacility(long facilityId);

    int Count();
}

/// <summary>A project code is already used by another project.</summary>
public sealed class DuplicateProjectCodeException(string code)
    : Exception($"Mã đề án {code} đã có.")
{
    public string Code { get; } = code;
}
