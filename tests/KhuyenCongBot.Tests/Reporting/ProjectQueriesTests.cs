using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The figures the managers ask about projects, per scope (a current province includes the former ones merged into it), at a date.</summary>
public sealed class ProjectQueriesTests : IDisposable
{
    private readonly ProjectWorld _world = new();

    public ProjectQueriesTests()
    {
        // Phú Thọ: one project recorded under Vĩnh Phúc in 2024 (accepted late), two of 2026 (one late, one on time);
        // Bắc Ninh: one local project of 2026, not late yet.
        Add("VP-2024-01", "vinh-phuc", 2024, new FundingSplit(200_000_000, 0, 100_000_000), ProjectProgramme.National);
        Add("KC-2026-07", "phu-tho", 2026, new FundingSplit(300_000_000, 100_000_000, 150_000_000), ProjectProgramme.National);
        Add("KC-2026-08", "phu-tho", 2026, new FundingSplit(0, 200_000_000, 50_000_000), ProjectProgramme.Local, plannedEnd: new DateOnly(2026, 12, 31), type: ProjectType.Local);
        Add("BN-2026-01", "bac-ninh", 2026, new FundingSplit(0, 500_000_000), ProjectProgramme.Local, plannedEnd: new DateOnly(2026, 12, 15), type: ProjectType.Local, user: _world.BacNinh);

        Move("VP-2024-01", ProjectStatus.InProgress, new DateOnly(2024, 4, 1));
        Move("VP-2024-01", ProjectStatus.Accepted, new DateOnly(2024, 12, 20));
        Move("KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2));
        Assert.True(_world.Lifecycle.SetDisbursed(_world.PhuTho, "VP-2024-01", 200_000_000, new DateOnly(2024, 12, 31)).Ok);
        Assert.True(_world.Lifecycle.SetDisbursed(_world.PhuTho, "KC-2026-07", 100_000_000, new DateOnly(2026, 6, 30)).Ok);
        Assert.True(_world.Lifecycle.SetDisbursed(_world.PhuTho, "KC-2026-07", 250_000_000, new DateOnly(2026, 10, 31)).Ok);
        Assert.True(_world.Lifecycle.SetDisbursed(_world.BacNinh, "BN-2026-01", 100_000_000, new DateOnly(2026, 10, 31)).Ok);
    }

    public void Dispose() => _world.Dispose();

    private ProjectQueries Queries => _world.Queries;

    private ProjectFilter PhuTho => new(Queries.ScopeOf("phu-tho"));

    [Fact]
    public void A_current_provinces_scope_includes_the_former_provinces_merged_into_it()
    {
        Assert.Equal(new HashSet<string> { "phu-tho", "vinh-phuc", "hoa-binh" }, Queries.ScopeOf("phu-tho"));
        Assert.Equal(Queries.ScopeOf("phu-tho"), Queries.ScopeOf("vinh-phuc"));
        Assert.Equal(["VP-2024-01", "KC-2026-07", "KC-2026-08"], _world.Store.Projects.Find(PhuTho).Select(p => p.Code));
        // A former province alone counts what was recorded under its name.
        Assert.Equal(["VP-2024-01"], _world.Store.Projects.Find(new ProjectFilter(new HashSet<string> { "vinh-phuc" })).Select(p => p.Code));
        Assert.Equal(4, _world.Store.Projects.Find(ProjectFilter.Everything).Count);
        Assert.Empty(_world.Store.Projects.Find(new ProjectFilter(new HashSet<string>())));
    }

    [Fact]
    public void Projects_not_yet_accepted_are_read_as_at_a_date()
    {
        Assert.Equal(["KC-2026-07", "KC-2026-08"], Queries.NotYetAccepted(PhuTho, ProjectWorld.Today).Select(p => p.Code));
        // On 30/6/2024 the Vĩnh Phúc project was not accepted yet, and the 2026 projects did not exist.
        Assert.Equal(["VP-2024-01"], Queries.NotYetAccepted(PhuTho, new DateOnly(2024, 6, 30)).Select(p => p.Code));
        Assert.Equal(["KC-2026-07", "KC-2026-08", "BN-2026-01"], Queries.NotYetAccepted(ProjectFilter.Everything, ProjectWorld.Today).Select(p => p.Code));
        Assert.Equal(["BN-2026-01"], Queries.NotYetAccepted(new ProjectFilter(Programme: ProjectProgramme.Local, ProvinceIds: Queries.ScopeOf("bac-ninh")), ProjectWorld.Today).Select(p => p.Code));
    }

    [Fact]
    public void Late_projects_passed_their_planned_end_without_acceptance()
    {
        Assert.Equal(["KC-2026-07"], Queries.Late(PhuTho, ProjectWorld.Today).Select(p => p.Code));
        Assert.Equal(57, ProjectQueries.DaysLate(_world.Store.Projects.FindByCode("KC-2026-07")!, ProjectWorld.Today));
        // The planned end day itself is not late yet.
        Assert.Empty(Queries.Late(PhuTho, new DateOnly(2026, 9, 30)));
        Assert.Equal(["KC-2026-07"], Queries.Late(PhuTho, new DateOnly(2026, 10, 1)).Select(p => p.Code));
        // In November 2024 the Vĩnh Phúc project was late; after its acceptance on 20/12/2024 it no longer is.
        Assert.Equal(["VP-2024-01"], Queries.Late(PhuTho, new DateOnly(2024, 11, 1)).Select(p => p.Code));
        Assert.Empty(Queries.Late(PhuTho, new DateOnly(2024, 12, 20)));
        Assert.Equal(0, ProjectQueries.DaysLate(_world.Store.Projects.FindByCode("VP-2024-01")!, ProjectWorld.Today));
        Assert.Equal(["KC-2026-07"], Queries.Late(ProjectFilter.Everything, ProjectWorld.Today).Select(p => p.Code));
    }

    [Fact]
    public void The_disbursement_rate_is_disbursed_over_approved_support_by_scope_and_date()
    {
        var phuTho = Queries.Disbursement(PhuTho, ProjectWorld.Today);
        Assert.Equal(3, phuTho.Projects);
        Assert.Equal(new FundingTotals(500_000_000, 300_000_000, 300_000_000, 0), phuTho.Approved);
        Assert.Equal(450_000_000, phuTho.Disbursed);
        Assert.Equal(450m / 800m, phuTho.Rate);

        // 2026 projects only, as at 30/6/2026: 100 of 600 million.
        var mid2026 = Queries.Disbursement(PhuTho with { DecisionYear = 2026 }, new DateOnly(2026, 6, 30));
        Assert.Equal((2, 100_000_000m, 100m / 600m), (mid2026.Projects, mid2026.Disbursed, mid2026.Rate!.Value));

        var all = Queries.Disbursement(ProjectFilter.Everything, ProjectWorld.Today);
        Assert.Equal((4, 550_000_000m), (all.Projects, all.Disbursed));
        Assert.Equal(550m / 1300m, all.Rate);

        // Nothing approved in the scope: no rate, not 0 %.
        var none = Queries.Disbursement(new ProjectFilter(Queries.ScopeOf("ha-noi")), ProjectWorld.Today);
        Assert.Equal((0, (decimal?)null), (none.Projects, none.Rate));
    }

    [Fact]
    public void Projects_are_counted_by_step_at_a_date()
    {
        var now = Queries.CountByStatus(PhuTho, ProjectWorld.Today);
        Assert.Equal((1, 1, 1, 0), (now[ProjectStatus.Approved], now[ProjectStatus.InProgress], now[ProjectStatus.Accepted], now[ProjectStatus.Settled]));
        var then = Queries.CountByStatus(PhuTho, new DateOnly(2024, 5, 1));
        Assert.Equal((0, 1, 0), (then[ProjectStatus.Approved], then[ProjectStatus.InProgress], then[ProjectStatus.Accepted]));
    }

    private void Add(string code, string province, int year, FundingSplit approved, ProjectProgramme programme,
        DateOnly? plannedEnd = null, ProjectType type = ProjectType.Group, Core.People.BotUser? user = null)
    {
        var draft = ProjectWorld.Draft(code, province).InYear(year);
        draft.Approved = approved;
        draft.Programme = programme;
        draft.Type = type;
        if (plannedEnd is { } end)
        {
            draft.PlannedEnd = end;
        }
        _world.Register(draft, user);
    }

    private void Move(string code, ProjectStatus target, DateOnly date) =>
        Assert.True(_world.Lifecycle.Move(_world.PhuTho, code, target, date).Ok);
}
