using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Projects.Chat;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// Issue 13: project replies to an English reader write numbers the English way ("4,870,000,000 VND", "49.1%"), never the
/// Vietnamese way ("4.870.000.000 đồng", "49,1%"), which an English reader takes for another number. The Vietnamese replies
/// are unchanged (the other project tests).
/// </summary>
public sealed partial class ProjectEnglishNumbersTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("disbursement rate", true, true)]
    [InlineData("project disbursement rate in Phu Tho", true, true)]
    [InlineData("disbursement rate of KCQG projects", true, true)]
    [InlineData("how many projects not yet accepted", false, false)]
    [InlineData("which projects are behind schedule", false, false)]
    [InlineData("projects overview", false, false)]
    public async Task English_project_answers_write_numbers_the_English_way(string question, bool hasMoney, bool hasPercent)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("boss", Role.Admin);
        var reply = await bot.Say(question, "boss", "en");
        AssertEnglishNumbers(reply);
        if (hasMoney)
        {
            Assert.Matches(EnglishMoney(), reply);
        }
        if (hasPercent)
        {
            Assert.Matches(@"\d%", reply);
        }
    }

    [Fact]
    public async Task One_project_in_English_writes_its_amounts_the_English_way()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("boss", Role.Admin);
        var project = bot.Store.Projects.Find(ProjectFilter.Everything).OrderByDescending(p => p.DisbursedVnd).First();
        var reply = await bot.Say("/project " + project.Code, "boss", "en");
        Assert.Contains(project.Code, reply);
        AssertEnglishNumbers(reply);
        Assert.Contains("• Disbursed: " + NumberText.En.MoneyFull(project.DisbursedVnd), reply);
        Assert.Contains("• Approved: " + ProjectAnswers.Split(TestTexts.Seeds, project.Approved, true), reply);
    }

    [Fact]
    public async Task A_disbursement_recorded_in_English_says_its_amount_the_English_way()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("boss", Role.Admin);
        var project = bot.Store.Projects.Find(ProjectFilter.Everything)
            .First(p => p.Status < ProjectStatus.Settled && p.Disbursements.All(d => d.AsOf <= Today) && p.DisbursedVnd + 1_000_000 <= p.Approved.Support);
        var amount = project.DisbursedVnd + 1_000_000;
        var reply = await bot.Say($"đề án {project.Code} giải ngân {amount}", "boss", "en");
        Assert.Contains($"Recorded: project {project.Code} disbursed {NumberText.En.MoneyFull(amount)} as of {VnFormat.Date(Today)}", reply);
        AssertEnglishNumbers(reply);
    }

    [Fact]
    public async Task The_Vietnamese_disbursement_reply_keeps_Vietnamese_numbers()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("boss", Role.Admin);
        var reply = await bot.Say("giải ngân đạt bao nhiêu %", "boss");
        Assert.Matches(@"\d{1,3}(\.\d{3})+ đồng", reply);
        Assert.DoesNotContain("VND", reply);
    }

    [Theory]
    [InlineData(1_500_000_000, 0, 200_000_000, 0, true, "KCQG 1,500,000,000 VND, counterpart 200,000,000 VND")]
    [InlineData(1_500_000_000, 0, 200_000_000, 0, false, "KCQG 1.500.000.000 đồng, đối ứng 200.000.000 đồng")]
    [InlineData(0, 0, 0, 0, true, "0 VND")]
    [InlineData(0, 0, 0, 0, false, "0 đồng")]
    public void A_funding_split_is_written_in_the_readers_language(long kcqg, long kcdp, long counterpart, long other, bool english, string expected) =>
        Assert.Equal(expected, ProjectAnswers.Split(TestTexts.Seeds, new FundingSplit(kcqg, kcdp, counterpart, other), english));

    /// <summary>No Vietnamese amount or decimal: "1.500.000 đồng", "4,87 tỷ", "49,1%".</summary>
    private static void AssertEnglishNumbers(string reply)
    {
        Assert.DoesNotContain("đồng", reply);
        Assert.DoesNotMatch(@"\d\.\d{3}\b", reply);
        Assert.DoesNotMatch(@"\d,\d{1,2}%", reply);
        Assert.DoesNotMatch(@"\d,\d{1,2} (billion|million|tỷ|triệu)", reply);
    }

    [GeneratedRegex(@"\d{1,3}(,\d{3})+ VND")]
    private static partial Regex EnglishMoney();
}
