using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// Issue 16: an admin moved an officer from Phú Thọ to Hà Nội while the officer stood at "continue the unfinished form or start a
/// new one?" (the draft question), or while the draft waited. Continuing went on with the Phú Thọ facility and project unsaid (the
/// scope check ran only on answers to the form's questions); now the change is said in one line and the province's questions are
/// asked again, as mid-form (<see cref="ScopeChangeMidFormTests"/>).
/// </summary>
public sealed class ScopeChangeAtDraftQuestionTests(ITestOutputHelper output)
{
    private async Task<string> Say(BotHarness bot, string text, string user)
    {
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    private static async Task MoveToHaNoi(BotHarness bot, BotUser officer)
    {
        // The admin moves the officer to Hà Nội (/nguoidung → the officer → Đổi phạm vi → Hà Nội).
        await bot.Say("/nguoidung o", "a");
        await bot.Press("u:" + officer.Id, "a");
        await bot.Press("a:scope", "a");
        await bot.Press("scope:province", "a");
        Assert.Contains("Hà Nội", await bot.Say("Hà Nội", "a"));
    }

    private async Task<(BotHarness Bot, BotUser Officer)> StartDraft()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("a", Role.Admin);
        var officer = bot.AddUser("o", Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
        await Say(bot, "/ghi máy móc", "o");
        Assert.Contains("✓ Thuộc đề án nào?: KC-2026-01", await Say(bot, "1", "o"));
        await Say(bot, "phu lang", "o");
        Assert.Contains("✓ Cơ sở: Gốm Phù Lãng", await Say(bot, "1", "o"));
        return (bot, officer);
    }

    private static void AssertAskedAgainInHaNoi(string reply)
    {
        Assert.Contains("vừa được đổi thành", reply);
        Assert.Contains("Hà Nội", reply);
        Assert.Contains("bỏ liên kết với đề án KC-2026-01", reply);
        Assert.Contains("❓ Cơ sở", reply);
        Assert.DoesNotContain("Phù Lãng", reply);
    }

    [Fact]
    public async Task Continuing_at_the_draft_question_after_the_province_changed_says_so_and_asks_the_province_questions_again()
    {
        var (bot, officer) = await StartDraft();
        using var _ = bot;
        Assert.Contains("Tiếp tục phiếu dở", await Say(bot, "ghi hội chợ", "o"));
        await MoveToHaNoi(bot, officer);

        AssertAskedAgainInHaNoi(await Say(bot, "1", "o"));
        var search = await Say(bot, "phu lang", "o");
        Assert.DoesNotContain("Gốm Phù Lãng (xã Phù Lãng)", search);
    }

    [Fact]
    public async Task A_draft_kept_by_thoi_and_continued_with_tiep_after_the_province_changed_says_so()
    {
        var (bot, officer) = await StartDraft();
        using var _ = bot;
        Assert.Contains("nháp", await Say(bot, "thôi", "o"));
        await MoveToHaNoi(bot, officer);

        AssertAskedAgainInHaNoi(await Say(bot, "tiếp", "o"));
    }
}
