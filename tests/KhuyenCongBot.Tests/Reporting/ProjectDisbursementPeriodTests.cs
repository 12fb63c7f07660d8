using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// Outside tester (disbursement): "giải ngân" is the projects' disbursement whatever the word order (it was read as the records'
/// support funding); /baocao and the question give one figure for a period – the projects approved in the period's year(s), with
/// what they had disbursed by its end (or today) – checked against LINQ over the demo projects; a period not started gets none.
/// </summary>
public sealed class ProjectDisbursementPeriodTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text)
    {
        var reply = await bot.Say(text, "a");
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>The projects approved in the year up to <paramref name="at"/>: support, disbursed by <paramref name="at"/>, count.</summary>
    private static (long Support, long Disbursed, int Count) YearsProjects(BotHarness bot, int year, DateOnly at, string? province = null)
    {
        var units = province is null ? null : bot.Catalogue.UnitsOf(province).ToHashSet();
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => (units is null || units.Contains(p.ProvinceId)) && p.DecisionDate.Year == year && p.DecisionDate <= at).ToList();
        var disbursed = projects.Sum(p => p.Disbursements.Where(d => d.AsOf <= at).OrderBy(d => d.AsOf).ThenBy(d => d.At).Select(d => d.AmountVnd).LastOrDefault());
        return (projects.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp), disbursed, projects.Count);
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task Report_and_question_give_the_same_disbursement_of_the_years_projects(int year)
    {
        using var bot = Demo();
        var at = year < Today.Year ? new DateOnly(year, 12, 31) : Today;
        var (support, disbursed, count) = YearsProjects(bot, year, at);
        Assert.True(count > 0 && support > 0);
        var report = await Say(bot, $"/baocao năm {year}");
        var question = await Say(bot, $"giải ngân năm {year} đạt bao nhiêu %");
        foreach (var reply in new[] { report, question })
        {
            Assert.Contains($"{VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)} kinh phí khuyến công được duyệt", reply);
            Assert.Contains($"{VnFormat.Number(count)} đề án", reply);
            Assert.Contains($"đạt {VnFormat.Percent((decimal)disbursed / support)}", reply);
            Assert.Contains($"được phê duyệt từ 01/01/{year} đến {VnFormat.Date(at)}", reply);
        }
        Assert.Equal(year == Today.Year, question.Contains("Kỳ chưa kết thúc", StringComparison.Ordinal));
        Assert.Equal(year == Today.Year, report.Contains("Kỳ chưa kết thúc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("giải ngân năm 2025 Phú Thọ")]
    [InlineData("Phú Thọ giải ngân bao nhiêu năm 2025")]
    [InlineData("đã giải ngân năm 2025 ở Phú Thọ")]
    [InlineData("tỷ lệ giải ngân Phú Thọ năm 2025")]
    public async Task Disbursement_is_the_projects_whatever_the_word_order(string text)
    {
        using var bot = Demo();
        var (support, disbursed, count) = YearsProjects(bot, 2025, new DateOnly(2025, 12, 31), "phu-tho");
        Assert.True(count > 0);
        var reply = await Say(bot, text);
        Assert.Contains($"Giải ngân {VnFormat.Number(count)} đề án của Phú Thọ: {VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)}", reply);
        Assert.DoesNotContain("Kinh phí hỗ trợ", reply);
    }

    [Fact]
    public async Task Disbursement_without_a_place_is_every_projects_not_the_records_funding()
    {
        using var bot = Demo();
        var (support, disbursed, _) = YearsProjects(bot, 2025, new DateOnly(2025, 12, 31));
        var reply = await Say(bot, "giải ngân năm 2025");
        Assert.Contains($"{VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)}", reply);
        Assert.DoesNotContain("Kinh phí hỗ trợ", reply);
    }

    [Theory]
    [InlineData("/baocao năm 2030")]
    [InlineData("/baocao năm 2027")]
    [InlineData("/baocao tháng 12 năm 2026")]
    public async Task A_period_not_started_gets_no_project_figure(string text)
    {
        using var bot = Demo();
        var reply = await Say(bot, text);
        Assert.DoesNotContain("Về đề án", reply);
        Assert.DoesNotContain("giải ngân", reply);
        Assert.DoesNotContain("đạt", reply);
    }
}
