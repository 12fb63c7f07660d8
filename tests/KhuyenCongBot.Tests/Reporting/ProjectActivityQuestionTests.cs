using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// Issue 15: a project has an activity, so project questions that name one ("bao nhiêu đề án máy móc chưa nghiệm thu", "đề án tư
/// vấn nào chậm tiến độ", "giải ngân đề án hội chợ đạt bao nhiêu %") are answered for the projects of that activity (they were
/// refused). Every figure is checked against a LINQ computation over the demo projects, written here apart from the bot's code.
/// </summary>
public sealed class ProjectActivityQuestionTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("sep", Role.Manager);
        return bot;
    }

    private static List<Project> Of(BotHarness bot, string activity) =>
        bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => p.ActivityId == activity && p.DecisionDate <= Today).ToList();

    [Theory]
    [InlineData("bao nhiêu đề án máy móc chưa nghiệm thu", "machinery", "máy móc thiết bị", ProjectStatus.Accepted)]
    [InlineData("bao nhieu de an hoi cho chua quyet toan", "trade_fair", "hội chợ, triển lãm", ProjectStatus.Settled)]
    [InlineData("đề án đào tạo nào chưa nghiệm thu", "training", "đào tạo, truyền nghề", ProjectStatus.Accepted)]
    public async Task A_step_question_naming_an_activity_counts_that_activitys_projects(string question, string activity, string named, ProjectStatus step)
    {
        using var bot = Demo();
        var projects = Of(bot, activity);
        var open = projects.Where(p => p.Status < step).ToList();
        var all = bot.Store.Projects.Find(ProjectFilter.Everything).Count(p => p.Status < step);
        // The demo must make the filter visible: the activity's projects are not all of them.
        Assert.True(open.Count > 0 && open.Count < all);
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"cả nước (đề án {named}) có {VnFormat.Number(open.Count)} đề án chưa {(step == ProjectStatus.Accepted ? "nghiệm thu" : "quyết toán")} (trên tổng {VnFormat.Number(projects.Count)} đề án đã phê duyệt)", reply);
        foreach (var p in open)
        {
            Assert.Contains(p.Code, reply);
        }
        Assert.DoesNotContain("chưa lọc được", reply);
    }

    [Theory]
    [InlineData("đề án tư vấn nào chậm tiến độ", "consulting", "tư vấn phát triển công nghiệp")]
    [InlineData("de an may moc nao cham tien do", "machinery", "máy móc thiết bị")]
    [InlineData("đề án hội chợ nào chậm tiến độ", "trade_fair", "hội chợ, triển lãm")]
    public async Task Late_projects_of_an_activity_are_those_of_that_activity(string question, string activity, string named)
    {
        using var bot = Demo();
        var late = Of(bot, activity).Where(p => p.Status < ProjectStatus.Accepted && p.PlannedEnd is { } end && end < Today).ToList();
        var reply = await bot.Say(question, "sep");
        Assert.DoesNotContain("chưa lọc được", reply);
        if (late.Count == 0)
        {
            Assert.Contains($"cả nước (đề án {named}) không có đề án nào chậm tiến độ", reply);
            return;
        }
        Assert.Contains($"cả nước (đề án {named}) có {VnFormat.Number(late.Count)} đề án chậm tiến độ", reply);
        foreach (var p in late)
        {
            Assert.Contains($"{p.Code} – {p.Name}: kết thúc dự kiến {VnFormat.Date(p.PlannedEnd!.Value)}, chậm {VnFormat.Number(Today.DayNumber - p.PlannedEnd.Value.DayNumber)} ngày", reply);
        }
        // Another activity's late project is not named.
        var others = bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => p.ActivityId != activity && p.Status < ProjectStatus.Accepted && p.PlannedEnd < Today);
        Assert.All(others, p => Assert.DoesNotContain(p.Code, reply));
    }

    [Theory]
    [InlineData("giải ngân đề án hội chợ đạt bao nhiêu %", "trade_fair", "hội chợ, triển lãm")]
    [InlineData("giai ngan de an may moc dat bao nhieu phan tram", "machinery", "máy móc thiết bị")]
    public async Task The_disbursement_rate_of_an_activity_is_that_of_its_projects(string question, string activity, string named)
    {
        using var bot = Demo();
        var projects = Of(bot, activity);
        var disbursed = projects.Sum(p => p.DisbursedVnd);
        var support = projects.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp);
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"Giải ngân {VnFormat.Number(projects.Count)} đề án của cả nước (đề án {named}) tính đến {VnFormat.Date(Today)}: {VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)} kinh phí khuyến công được duyệt", reply);
        Assert.Contains($"đạt {VnFormat.Percent(Core.Funding.FundingRules.Rate(disbursed, support)!.Value)}", reply);
        // No funding plan of the activity in the demo: said, for the activity.
        Assert.Contains($"Chưa có kế hoạch kinh phí năm 2026 cho cả nước (đề án {named})", reply);
    }

    [Fact]
    public async Task A_group_of_facilities_is_still_no_filter_of_projects_and_is_named_in_words()
    {
        using var bot = Demo();
        var reply = await bot.Say("bao nhiêu đề án hợp tác xã chưa nghiệm thu", "sep");
        Assert.Contains("chưa lọc được theo hợp tác xã", reply);
        Assert.DoesNotContain("cooperative", reply);
        Assert.DoesNotMatch(@"\d+ đề án|đạt \d", reply);
    }
}
