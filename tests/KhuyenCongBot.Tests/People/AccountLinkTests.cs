using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>One person, two channels: a link code attaches a Zalo account to an existing Telegram user.</summary>
public sealed partial class AccountLinkTests
{
    [Fact]
    public async Task A_link_code_sent_on_Zalo_makes_the_same_user_with_the_same_role_and_province()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        var officer = bot.AddUser("111", Role.Officer, "phu-tho", channel: "telegram");
        var replies = await bot.Send(new Incoming { Channel = "telegram", ChatId = "111", UserId = "111", Text = "/lienket" });
        var code = CodePattern().Match(replies[0].Text).Groups[1].Value;
        Assert.Equal(8, code.Length);

        var onZalo = await bot.Send(new Incoming { Channel = "zalo", ChatId = "z-9", UserId = "z-9", Text = code });
        Assert.NotEmpty(onZalo);
        var linked = bot.Store.Users.FindByIdentity("zalo:z-9");
        Assert.NotNull(linked);
        Assert.Equal(officer.Id, linked!.Id);
        Assert.Equal(Role.Officer, linked.Role);
        Assert.Equal("phu-tho", linked.ScopeId);
        Assert.Contains("telegram:111", linked.Identities);
        Assert.Equal("z-9", linked.Chats["zalo"]);

        // The code is single-use: a third account cannot reuse it.
        await bot.Send(new Incoming { Channel = "zalo", ChatId = "z-10", UserId = "z-10", Text = code });
        Assert.Null(bot.Store.Users.FindByIdentity("zalo:z-10"));
    }

    [GeneratedRegex(@"Mã liên kết của bạn: ([A-Z0-9]{8})")]
    private static partial Regex CodePattern();
}
