using System.Text.Json;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Projects on a real LiteDB store: registration, the lifecycle one step at a time, corrections, audit, disbursement.</summary>
public sealed class ProjectLifecycleTests
{
    [Fact]
    public void A_project_is_registered_approved_on_its_decision_date_and_audited()
    {
        using var world = new ProjectWorld();
        var result = world.Lifecycle.Register(world.PhuTho, ProjectWorld.Draft());
        Assert.True(result.Ok, result.Vi);
        Assert.Contains("Đã ghi đề án KC-2026-07", result.Vi);
        var saved = world.Store.Projects.FindByCode("kc 2026 07");
        Assert.NotNull(saved);
        Assert.Equal(ProjectStatus.Approved, saved.Status);
        Assert.Equal("KC-2026-07", saved.NormalizedCode);
        Assert.Equal(new DateOnly(2026, 3, 10), saved.DateOf(ProjectStatus.Approved));
        Assert.Equal(new FundingSplit(300_000_000, 100_000_000, 150_000_000, 0), saved.Approved);
        var move = Assert.Single(saved.History);
        Assert.Equal((null, ProjectStatus.Approved, world.PhuTho.Id), (move.From, move.To, move.UserId));
        var audit = Assert.Single(world.Store.Audit.ForEntity("project", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("create", world.PhuTho.Id), (audit.Action, audit.UserId));
        Assert.Contains("KC-2026-07", audit.After);
    }

    [Theory]
    [InlineData("kc-2026-07")]
    [InlineData("KC 2026 07")]
    [InlineData("Kc–2026–07")]
    public void A_code_is_unique_however_it_is_typed(string again)
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var result = world.Lifecycle.Register(world.PhuTho, ProjectWorld.Draft(again));
        Assert.Equal(ProjectOutcome.DuplicateCode, result.Outcome);
        Assert.Contains("đã có", result.Vi);
        Assert.Equal(1, world.Store.Projects.Count());
    }

    [Fact]
    public void The_store_refuses_a_duplicate_code_even_past_the_lifecycle()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var copy = ProjectWorld.Draft("kc-2026-07");
        Assert.Throws<DuplicateProjectCodeException>(() => world.Store.Projects.Add(copy));
        Assert.Equal(1, world.Store.Projects.Count());
    }

    [Fact]
    public void Invalid_drafts_are_refused_with_every_reason_and_nothing_is_saved()
    {
        using var world = new ProjectWorld();
        var draft = ProjectWorld.Draft("KC");
        draft.Name = "x";
        draft.DecisionNumber = " ";
        draft.DecisionDate = ProjectWorld.Today.AddDays(1);
        draft.Type = ProjectType.Local;
        draft.ActivityId = "khong_co";
        draft.PlannedEnd = new DateOnly(2026, 1, 1);
        draft.Approved = FundingSplit.Zero;
        var result = world.Lifecycle.Register(world.Admin, draft);
        Assert.Equal(ProjectOutcome.Invalid, result.Outcome);
        foreach (var reason in new[] { "Mã đề án", "Tên đề án", "số quyết định", "Ngày quyết định", "quốc gia", "khong_co", "kết thúc dự kiến", "kinh phí được duyệt" })
        {
            Assert.Contains(reason, result.Vi);
        }
        Assert.Equal(0, world.Store.Projects.Count());
    }

    [Fact]
    public void A_single_facility_project_lists_one_facility_and_a_group_many()
    {
        using var world = new ProjectWorld();
        var ids = Enumerable.Range(1, 3).Select(i => world.Store.Facilities.Add(new Facility { Name = $"Cơ sở gốm {i}", ProvinceId = "phu-tho" })).ToList();
        var single = ProjectWorld.Draft("KC-2026-01");
        single.Type = ProjectType.Single;
        single.FacilityIds = [.. ids];
        Assert.Contains("đề án nhóm", world.Lifecycle.Register(world.PhuTho, single).Vi);

        var group = ProjectWorld.Draft("KC-2026-02");
        group.FacilityIds = [ids[0]];
        var project = world.Register(group);
        Assert.True(world.Lifecycle.AddFacilities(world.PhuTho, "KC-2026-02", [ids[1], ids[2], ids[1]]).Ok);
        Assert.Equal(ids, world.Store.Projects.Get(project.Id)!.FacilityIds);
        Assert.Equal([project.Id], world.Store.Projects.ForFacility(ids[2]).Select(p => p.Id));
        Assert.Equal(ProjectOutcome.Invalid, world.Lifecycle.AddFacilities(world.PhuTho, "KC-2026-02", [9999]).Outcome);
    }

    [Fact]
    public void Officers_register_and_move_only_their_provinces_projects_managers_none()
    {
        using var world = new ProjectWorld();
        Assert.Equal(ProjectOutcome.NotAllowed, world.Lifecycle.Register(world.BacNinh, ProjectWorld.Draft()).Outcome);
        Assert.Equal(ProjectOutcome.NotAllowed, world.Lifecycle.Register(world.Manager, ProjectWorld.Draft()).Outcome);
        // A project recorded under a former province belongs to the unit it merged into.
        world.Register(ProjectWorld.Draft("KC-2024-01", "vinh-phuc").InYear(2024));
        world.Register(ProjectWorld.Draft());
        var refused = world.Lifecycle.Move(world.BacNinh, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 1));
        Assert.Equal(ProjectOutcome.NotAllowed, refused.Outcome);
        Assert.Contains("Phú Thọ", refused.Vi);
        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2024-01", ProjectStatus.InProgress, new DateOnly(2024, 6, 1)).Ok);
        Assert.Equal(ProjectStatus.Approved, world.Store.Projects.FindByCode("KC-2026-07")!.Status);
    }

    [Fact]
    public void A_project_moves_one_step_at_a_time_with_its_dates_and_who()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var skip = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));
        Assert.Equal(ProjectOutcome.SkipsAStep, skip.Outcome);
        Assert.Contains("đang thực hiện", skip.Vi);

        Assert.True(world.Lifecycle.Move(world.PhuTho, "kc-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2)).Ok);
        var accepted = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));
        Assert.True(accepted.Ok, accepted.Vi);
        Assert.Contains("nghiệm thu ngày 15/11/2026", accepted.Vi);
        Assert.Contains("chậm 46 ngày so với kế hoạch 30/09/2026", accepted.Vi);
        Assert.True(world.Lifecycle.Move(world.Admin, "KC-2026-07", ProjectStatus.Settled, ProjectWorld.Today).Ok);

        var project = world.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.Equal(ProjectStatus.Settled, project.Status);
        Assert.Equal((new DateOnly(2026, 4, 2), new DateOnly(2026, 11, 15), ProjectWorld.Today), (project.StartedOn!.Value, project.AcceptedOn!.Value, project.SettledOn!.Value));
        Assert.Equal(
            [(null, ProjectStatus.Approved), (ProjectStatus.Approved, ProjectStatus.InProgress), (ProjectStatus.InProgress, ProjectStatus.Accepted), (ProjectStatus.Accepted, ProjectStatus.Settled)],
            project.History.Select(h => (h.From, h.To)));
        Assert.Equal([world.PhuTho.Id, world.PhuTho.Id, world.PhuTho.Id, world.Admin.Id], project.History.Select(h => h.UserId));
        Assert.Equal(["create", "move", "move", "move"], world.Store.Audit.ForEntity("project", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action));
    }

    [Fact]
    public void Dates_are_not_before_the_previous_step_nor_in_the_future()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var early = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 3, 9));
        Assert.Equal(ProjectOutcome.DateBeforePreviousStep, early.Outcome);
        Assert.Contains("10/03/2026", early.Vi);
        var future = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, ProjectWorld.Today.AddDays(1));
        Assert.Equal(ProjectOutcome.DateInFuture, future.Outcome);
        Assert.Contains("chưa tới", future.Vi);
        // The same day as the previous step, and today, are fine.
        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 3, 10)).Ok);
        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, ProjectWorld.Today).Ok);
        // The clock decides what "today" is: an hour before midnight Vietnam time it is still the 26th.
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 59, 0, TimeSpan.Zero));
        Assert.Equal(ProjectOutcome.DateInFuture, world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Settled, new DateOnly(2026, 11, 27)).Outcome);
        world.Time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero));
        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Settled, new DateOnly(2026, 11, 27)).Ok);
    }

    [Fact]
    public void Only_an_admin_moves_a_project_back_with_a_reason_and_the_later_dates_are_cleared_and_audited()
    {
        using var world = new ProjectWorld();
        var id = world.Register(ProjectWorld.Draft()).Id;
        world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2));
        world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 15));

        var back = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 11, 16));
        Assert.Equal(ProjectOutcome.Backwards, back.Outcome);
        Assert.Contains("quản trị viên", back.Vi);
        Assert.Equal(ProjectOutcome.NotAllowed, world.Lifecycle.Correct(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, "ghi nhầm").Outcome);
        Assert.Equal(ProjectOutcome.Invalid, world.Lifecycle.Correct(world.Admin, "KC-2026-07", ProjectStatus.InProgress, " ").Outcome);
        Assert.Equal(ProjectOutcome.Invalid, world.Lifecycle.Correct(world.Admin, "KC-2026-07", ProjectStatus.Settled, "lý do").Outcome);

        var corrected = world.Lifecycle.Correct(world.Admin, "KC-2026-07", ProjectStatus.InProgress, "ghi nhầm ngày nghiệm thu");
        Assert.True(corrected.Ok, corrected.Vi);
        var project = world.Store.Projects.Get(id)!;
        Assert.Equal(ProjectStatus.InProgress, project.Status);
        Assert.Null(project.AcceptedOn);
        Assert.Equal(new DateOnly(2026, 4, 2), project.StartedOn);
        var last = project.History[^1];
        Assert.True(last.Correction);
        Assert.Equal(("ghi nhầm ngày nghiệm thu", world.Admin.Id), (last.Note, last.UserId));
        var audit = world.Store.Audit.ForEntity("project", id.ToString(System.Globalization.CultureInfo.InvariantCulture))[^1];
        Assert.Equal("correct", audit.Action);
        Assert.Equal("15/11/2026", JsonDocument.Parse(audit.Before!).RootElement.GetProperty("Accepted").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(audit.After!).RootElement.GetProperty("Accepted").ValueKind);
        // The project moves on again from there.
        Assert.True(world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.Accepted, new DateOnly(2026, 11, 20)).Ok);
    }

    [Fact]
    public void Asking_for_the_step_a_project_is_at_changes_nothing()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 2));
        var again = world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 5));
        Assert.Equal(ProjectOutcome.AlreadyThere, again.Outcome);
        Assert.Contains("từ ngày 02/04/2026", again.Vi);
        Assert.Equal(new DateOnly(2026, 4, 2), world.Store.Projects.FindByCode("KC-2026-07")!.StartedOn);
        Assert.Equal(ProjectOutcome.NotFound, world.Lifecycle.Move(world.PhuTho, "KC-2026-99", ProjectStatus.InProgress, ProjectWorld.Today).Outcome);
    }

    [Fact]
    public async Task Two_officers_moving_the_same_project_at_once_make_one_move()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            start.Wait();
            return world.Lifecycle.Move(world.PhuTho, "KC-2026-07", ProjectStatus.InProgress, new DateOnly(2026, 4, 1 + i));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);
        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal(ProjectOutcome.AlreadyThere, r.Outcome));
        var project = world.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.Equal(2, project.History.Count);
        Assert.Equal(results.Single(r => r.Ok).Project!.StartedOn, project.StartedOn);
    }

    [Fact]
    public void Disbursement_above_the_approved_support_waits_for_confirmation()
    {
        using var world = new ProjectWorld();
        world.Register(ProjectWorld.Draft());
        var first = world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 200_000_000, new DateOnly(2026, 6, 30));
        Assert.True(first.Ok, first.Vi);
        Assert.Contains("đạt 50% kinh phí khuyến công được duyệt", first.Vi);

        var above = world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 450_000_000, new DateOnly(2026, 10, 31));
        Assert.Equal(ProjectOutcome.NeedsConfirmation, above.Outcome);
        Assert.Equal(FundingWarningKind.DisbursedAboveApproved, Assert.Single(above.Warnings).Kind);
        Assert.Contains("450.000.000 đồng", above.Vi);
        Assert.Equal(200_000_000, world.Store.Projects.FindByCode("KC-2026-07")!.DisbursedVnd);

        Assert.True(world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 450_000_000, new DateOnly(2026, 10, 31), confirmed: true).Ok);
        var project = world.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.Equal(450_000_000, project.DisbursedVnd);
        Assert.Equal(200_000_000, project.DisbursedOn(new DateOnly(2026, 9, 30)));
        Assert.Equal(0, project.DisbursedOn(new DateOnly(2026, 6, 29)));
        Assert.Equal(ProjectOutcome.DateBeforePreviousStep, world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 1, new DateOnly(2026, 3, 9)).Outcome);
        Assert.Equal(ProjectOutcome.DateInFuture, world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", 1, ProjectWorld.Today.AddDays(1)).Outcome);
        Assert.Equal(ProjectOutcome.Invalid, world.Lifecycle.SetDisbursed(world.PhuTho, "KC-2026-07", -1, ProjectWorld.Today).Outcome);
    }

    [Fact]
    public void A_draft_disbursed_above_approved_needs_confirmation_too()
    {
        using var world = new ProjectWorld();
        var draft = ProjectWorld.Draft();
        draft.DisbursedVnd = 500_000_000;
        var result = world.Lifecycle.Register(world.PhuTho, draft);
        Assert.Equal(ProjectOutcome.NeedsConfirmation, result.Outcome);
        Assert.Equal(0, world.Store.Projects.Count());
        Assert.True(world.Lifecycle.Register(world.PhuTho, draft, confirmed: true).Ok);
    }
}

internal static class DraftDates
{
    /// <summary>The same draft approved in another year (decision 10/3, planned 1/4–30/9 of that year).</summary>
    public static Project InYear(this Project draft, int year)
    {
        draft.DecisionDate = new DateOnly(year, 3, 10);
        draft.PlannedStart = new DateOnly(year, 4, 1);
        draft.PlannedEnd = new DateOnly(year, 9, 30);
        return draft;
    }
}
