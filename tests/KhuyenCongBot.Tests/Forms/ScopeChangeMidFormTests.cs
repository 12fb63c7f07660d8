using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An outside tester (finding 7): an admin moved officer 101 from Phú Thọ to Hà Nội while 101 was filling in a form. The form kept
/// searching Phú Thọ, saved a Hà Nội record with a Phú Thọ commune, and the project link vanished from the summary unsaid.
/// </summary>
public sealed class ScopeChangeMidFormTests(ITestOutputHelper output)
{
    private async Task<string> Say(BotHarness bot, string text, string user)
    {
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    [Fact]
    public async Task The_next_answer_after_the_province_changed_says_so_and_asks_the_province_questions_again()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("a", Role.Admin);
        var officer = bot.AddUser("o", Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
        await Say(bot, "/ghi máy móc", "o");
        Assert.Contains("✓ Thuộc đề án nào?: KC-2026-01", await Say(bot, "1", "o"));
        await Say(bot, "phu lang", "o");
        Assert.Contains("✓ Cơ sở: Gốm Phù Lãng", await Say(bot, "1", "o"));

        // The admin moves the officer to Hà Nội (/nguoidung → the officer → Đổi phạm vi → Hà Nội).
        await Say(bot, "/nguoidung o", "a");
        await bot.Press("u:" + officer.Id, "a");
        await bot.Press("a:scope", "a");
        await bot.Press("scope:province", "a");
        Assert.Contains("Hà Nội", await Say(bot, "Hà Nội", "a"));

        var next = await Say(bot, "Lò nung gas", "o");
        Assert.Contains("vừa được đổi thành", next);
        Assert.Contains("Hà Nội", next);
        Assert.DoesNotContain("Phù Lãng", next);
        Assert.DoesNotContain("✓ Máy móc", next);
        Assert.Contains("bỏ liên kết với đề án KC-2026-01", next);
        Assert.Contains("❓ Cơ sở", next);

        // The facility is searched in Hà Nội now; nothing of Phú Thọ is offered.
        var search = await Say(bot, "phu lang", "o");
        Assert.DoesNotContain("ở Phú Thọ", search);
        Assert.DoesNotContain("Gốm Phù Lãng (xã Phù Lãng)", search);
    }

    [Fact]
    public async Task A_draft_within_the_new_scope_is_kept_with_one_line()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        var officer = bot.AddUser("o", Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
        await Say(bot, "/ghi máy móc", "o");
        await Say(bot, "không", "o");
        await Say(bot, "phu lang", "o");
        Assert.Contains("✓ Cơ sở: Gốm Phù Lãng", await Say(bot, "1", "o"));
        officer.DisplayName = "o (renamed)";
        officer.ScopeKind = ScopeKind.All;
        officer.ScopeId = null;
        bot.Store.Users.Update(officer);
        var next = await Say(bot, "Lò nung gas", "o");
        Assert.Contains("giữ nguyên", next);
        Assert.Contains("✓ Máy móc, thiết bị được hỗ trợ: Lò nung gas", next);
    }
}
