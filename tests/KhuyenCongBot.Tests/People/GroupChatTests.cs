using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>In a group the bot answers only what is addressed to it, only with figures every registered member may see, and keeps forms private.</summary>
public sealed class GroupChatTests
{
    private static Task<IReadOnlyList<Reply>> InGroup(BotHarness bot, string user, string text, bool addressed = true) =>
        bot.Send(new Incoming
        {
            Channel = "terminal", ChatId = "group-1", UserId = user, Text = text, IsGroupChat = true, AddressedToBot = addressed,
        });

    private static string Text(IReadOnlyList<Reply> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Fact]
    public async Task Figures_are_limited_to_what_every_member_may_see()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("admin", Role.Admin);
        bot.AddUser("officer", Role.Officer, "phu-tho");

        // Before the officer has written in the group, the admin sees everything there.
        var open = Text(await InGroup(bot, "admin", "bao nhiêu gian hàng 6 tháng đầu năm 2024"));
        Assert.True(open.Contains("701 gian hàng"), open);

        await InGroup(bot, "officer", "/help");
        var refused = Text(await InGroup(bot, "admin", "bao nhiêu gian hàng 6 tháng đầu năm 2024"));
        Assert.True(refused.Contains("trong nhóm này"), refused);
        Assert.DoesNotContain("701", refused);
        var report = Text(await InGroup(bot, "admin", "/baocao 6 tháng đầu năm 2024"));
        Assert.True(report.Contains("trong nhóm này"), report);
        Assert.DoesNotContain("701", report);

        var phuTho = Text(await InGroup(bot, "admin", "Phú Thọ bao nhiêu gian hàng năm 2024"));
        Assert.True(phuTho.Contains("gian hàng"), phuTho);
        Assert.DoesNotContain("trong nhóm này", phuTho);
    }

    [Fact]
    public async Task Forms_stay_private_and_unaddressed_messages_are_ignored()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("officer", Role.Officer, "phu-tho");
        Assert.Contains("tin nhắn riêng", Text(await InGroup(bot, "officer", "/ghi")));
        Assert.Empty(await InGroup(bot, "officer", "chào cả nhà", addressed: false));
    }
}
