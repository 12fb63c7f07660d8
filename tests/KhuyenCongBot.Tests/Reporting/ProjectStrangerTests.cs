using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// What an outside tester found in projects (issue 15): a disbursement typed lower than the total already recorded silently
/// replaced it (even on a settled project), and project questions naming a source or an activity were answered for every project.
/// </summary>
public sealed class ProjectStrangerTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("admin", Role.Admin);
        return bot;
    }

    private static Project Find(BotHarness bot, Func<Project, bool> which) => bot.Store.Projects.Find(ProjectFilter.Everything).First(which);

    [Fact]
    public async Task A_settled_project_takes_no_more_disbursement()
    {
        using var bot = Demo();
        var settled = Find(bot, p => p.Status == ProjectStatus.Settled);
        var before = settled.DisbursedVnd;
        var reply = await bot.Say($"đề án {settled.Code} giải ngân 50 triệu", "admin");
        Assert.Contains("đã quyết toán", reply);
        Assert.Equal(before, bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == settled.Id).DisbursedVnd);
    }

    [Fact]
    public async Task A_lower_total_is_a_correction_to_confirm_and_nothing_changes_before()
    {
        using var bot = Demo();
        var open = Find(bot, p => p.Status is ProjectStatus.InProgress && p.DisbursedVnd > 100_000_000);
        var before = open.DisbursedVnd;
        var reply = await bot.Say($"đề án {open.Code} giải ngân 100 triệu", "admin");
        Assert.Contains("tổng lũy kế", reply);
        Assert.Contains("nhỏ hơn", reply);
        Assert.Equal(before, bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == open.Id).DisbursedVnd);
        await bot.Say("1", "admin");
        Assert.Equal(100_000_000, bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == open.Id).DisbursedVnd);
    }

    // A source is now a filter of project questions (ProjectPeriodSourceTranscriptTests), and so is an activity (ProjectActivityQuestionTests).

    [Fact]
    public async Task The_plain_question_still_counts_every_project()
    {
        using var bot = Demo();
        var reply = await bot.Say("bao nhiêu đề án chưa nghiệm thu", "admin");
        var notAccepted = bot.Store.Projects.Find(ProjectFilter.Everything).Count(p => p.Status < ProjectStatus.Accepted);
        Assert.Contains($"{notAccepted} đề án chưa nghiệm thu", reply);
    }

    [Fact]
    public async Task The_word_project_alone_is_the_overview_and_two_things_in_one_message_are_refused_whole()
    {
        using var bot = Demo();
        var overview = await bot.Say("đề án", "admin");
        Assert.Contains($"{bot.Store.Projects.Find(ProjectFilter.Everything).Count} đề án", overview);
        Assert.DoesNotContain("Tư vấn", overview);

        var open = Find(bot, p => p.Status == ProjectStatus.InProgress);
        var before = (open.Status, open.DisbursedVnd);
        var reply = await bot.Say($"đề án {open.Code} đã nghiệm thu ngày 15/11 và giải ngân 600 triệu", "admin");
        Assert.Contains("từng việc một", reply);
        var after = bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == open.Id);
        Assert.Equal(before, (after.Status, after.DisbursedVnd));
    }

    [Fact]
    public async Task Every_open_project_of_the_scope_is_listed_by_dean_for_someone_without_a_province()
    {
        using var bot = Demo();
        var reply = await bot.Say("/dean", "admin");
        var open = bot.Store.Projects.Find(ProjectFilter.Everything).Count(p => p.Status < ProjectStatus.Settled);
        Assert.Contains($"({open})", reply);
    }

    [Fact]
    public async Task Another_project_command_typed_at_the_date_prompt_is_done_and_back_leaves_it()
    {
        using var bot = Demo();
        var inProgress = bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => p.Status == ProjectStatus.InProgress).Take(2).ToList();
        Assert.Equal(2, inProgress.Count);
        var (first, second) = (inProgress[0], inProgress[1]);
        Assert.Contains("ngày nào", await bot.Say($"đề án {first.Code} đã nghiệm thu", "admin"));
        var reply = await bot.Say($"đề án {second.Code} đã nghiệm thu ngày 25/11", "admin");
        Assert.Contains("Đã bỏ việc đang chờ ngày", reply);
        Assert.Contains($"Sẽ ghi: đề án {second.Code}", reply);
        Assert.Contains($"Đã ghi: đề án {second.Code} nghiệm thu ngày 25/11/2026", await bot.Say("1", "admin"));
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything).ToDictionary(p => p.Id);
        Assert.Equal(ProjectStatus.InProgress, projects[first.Id].Status);
        Assert.Equal(ProjectStatus.Accepted, projects[second.Id].Status);

        Assert.Contains("ngày nào", await bot.Say($"đề án {first.Code} đã nghiệm thu", "admin"));
        Assert.Contains("Đã thôi", await bot.Say("quay lại", "admin"));
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == first.Id).Status);
    }
}
