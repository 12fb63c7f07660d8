using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// An officer asking "bao nhiêu gian hàng của tỉnh năm nay" or "tỉnh ta" means their own province; the bot said "Bot chưa hiểu
/// 'tỉnh'". "Của tỉnh" with no province named after it is the asker's own, as "tỉnh mình"; someone who works for no one province
/// (a regional manager, an admin) gets their whole scope and a line saying so.
/// </summary>
public sealed class OwnProvinceWordsTests(ITestOutputHelper output)
{
    private static BotHarness Create()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("o", Role.Officer, "phu-tho");
        bot.AddUser("a", Role.Admin);
        var manager = bot.AddUser("m", Role.Manager);
        manager.ScopeKind = ScopeKind.Region;
        manager.ScopeId = "bac";
        bot.Store.Users.Update(manager);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text, string user)
    {
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    [Theory]
    [InlineData("bao nhiêu gian hàng của tỉnh năm nay")]
    [InlineData("gian hang cua tinh nam nay")]
    [InlineData("bao nhiêu gian hàng tỉnh ta năm nay")]
    public async Task Of_the_province_is_the_officers_own(string question)
    {
        using var bot = Create();
        var mine = await Say(bot, "bao nhiêu gian hàng tỉnh mình năm nay", "o");
        Assert.Contains("122 gian hàng", mine);
        var reply = await Say(bot, question, "o");
        Assert.DoesNotContain("chưa hiểu", reply);
        Assert.Contains("122 gian hàng", reply);
        Assert.Contains("Phạm vi: Phú Thọ", reply);
    }

    [Fact]
    public async Task A_province_named_after_it_or_which_province_is_not_read_as_ones_own()
    {
        using var bot = Create();
        Assert.Contains("Phạm vi: Hà Nội", await Say(bot, "bao nhiêu gian hàng của tỉnh Hà Nội năm nay", "a"));
        var which = await Say(bot, "gian hàng của tỉnh nào nhiều nhất năm 2025", "a");
        Assert.DoesNotContain("Tỉnh mình", which);
        Assert.DoesNotContain("chưa hiểu", which);
    }

    [Fact]
    public async Task A_regional_manager_is_told_what_of_the_province_cannot_mean()
    {
        using var bot = Create();
        var reply = await Say(bot, "bao nhiêu gian hàng của tỉnh năm nay", "m");
        Assert.Contains("bạn không phụ trách riêng một tỉnh nào", reply);
        Assert.Contains("gõ tên tỉnh", reply);
        Assert.DoesNotContain("chưa hiểu", reply);
        Assert.DoesNotContain("bạn không phụ trách riêng một tỉnh nào", await Say(bot, "bao nhiêu gian hàng của tỉnh năm nay", "o"));
    }
}
