using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// An outside tester (finding 11): at a disbursement's confirmation "không, 238 trieu" was read as a new question ("chưa hiểu")
/// and the confirmation silently disappeared. It now means "no, the amount is 238.000.000 đồng", asked again.
/// </summary>
public sealed class DisbursementCorrectionTests
{
    private static (BotHarness Bot, Project Project) Demo()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("admin", Role.Admin);
        var open = bot.Store.Projects.Find(ProjectFilter.Everything)
            .First(p => p.Status is ProjectStatus.InProgress && p.DisbursedVnd > 100_000_000 && p.Approved.Support >= 300_000_000);
        return (bot, open);
    }

    private static long Disbursed(BotHarness bot, Project project) =>
        bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == project.Id).DisbursedVnd;

    [Theory]
    [InlineData("không, 238 triệu", "vi")]
    [InlineData("khong 238tr", "vi")]
    [InlineData("no, 238 million", "en")]
    public async Task No_with_an_amount_asks_again_with_the_new_amount(string typed, string language)
    {
        var (bot, project) = Demo();
        using var _ = bot;
        var before = Disbursed(bot, project);
        var asked = await bot.Say($"đề án {project.Code} giải ngân 100 triệu", "admin", language);
        Assert.Contains("100.000.000", asked.Replace(",", ".", StringComparison.Ordinal));

        var corrected = await bot.Say(typed, "admin", language);
        Assert.Contains("238", corrected);
        Assert.DoesNotContain("chưa hiểu", corrected);
        Assert.Contains(language == "en" ? "no, the amount is" : "không, số tiền là", corrected);
        Assert.Equal(before, Disbursed(bot, project));

        // Yes to the new amount: checked like a typed amount (a total lower than the one recorded is asked once more), then saved.
        var reply = await bot.Say("1", "admin", language);
        if (Disbursed(bot, project) != 238_000_000)
        {
            Assert.Contains("238", reply);
            await bot.Say("1", "admin", language);
        }
        Assert.Equal(238_000_000, Disbursed(bot, project));
    }

    [Fact]
    public async Task A_no_the_bot_cannot_read_keeps_the_confirmation_and_says_how_to_correct()
    {
        var (bot, project) = Demo();
        using var _ = bot;
        var before = Disbursed(bot, project);
        await bot.Say($"đề án {project.Code} giải ngân 100 triệu", "admin");
        var reply = await bot.Say("không, để tôi xem lại đã", "admin");
        Assert.Contains("không, 238 triệu", reply);
        Assert.Contains("Đúng, lưu", reply);
        Assert.Equal(before, Disbursed(bot, project));
        await bot.Say("1", "admin");
        Assert.Equal(100_000_000, Disbursed(bot, project));
    }
}
