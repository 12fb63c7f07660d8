using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>An outside tester's finding 10: invitation codes could be neither listed nor cancelled ("/moi danh sach" started a new invite).</summary>
public sealed partial class InviteCodesTranscriptTests
{
    [GeneratedRegex(@"Đã tạo mã mời cho [^:]+: ([A-Z0-9]{8})")]
    private static partial Regex CodeLine();

    private static async Task<string> InviteOfficer(BotHarness bot, string province = "Phú Thọ")
    {
        await bot.Say("/moi", "a");
        await bot.Press("role:officer", "a");
        var created = await bot.Say(province, "a");
        var match = CodeLine().Match(created);
        Assert.True(match.Success, created);
        return match.Groups[1].Value;
    }

    private static Task<IReadOnlyList<Reply>> Start(BotHarness bot, string code, string who) =>
        bot.Send(new Incoming { Channel = "terminal", ChatId = who, UserId = who, Text = "/start " + code, LanguageCode = "vi" });

    [Theory]
    [InlineData("/moi danh sach")]
    [InlineData("/moi danh sách")]
    [InlineData("/moi ds")]
    public async Task The_pending_invitations_are_listed_with_role_scope_maker_and_expiry(string command)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("a", Role.Admin);
        var first = await InviteOfficer(bot);
        var second = await InviteOfficer(bot, "Hà Nội");
        var used = await InviteOfficer(bot);
        await Start(bot, used, "newbie");

        var list = await bot.Say(command, "a");
        Assert.Contains("2 mã mời đang chờ dùng", list);
        Assert.Contains(first, list);
        Assert.Contains(second, list);
        Assert.DoesNotContain(used, list);
        Assert.Contains("cán bộ khuyến công, Phú Thọ", list);
        Assert.Contains("Hà Nội", list);
        Assert.Contains("a tạo lúc", list);
        Assert.Contains("hạn đến 03/12/2026", list);
        Assert.Contains("/moi huy", list);
        Assert.DoesNotContain("vai trò nào", list);
        Assert.Equal(3, bot.Store.Invitations.Outstanding(bot.Store.Users.All().First(u => u.DisplayName == "a").Id).Count + 1);

        // /nguoidung says how many are waiting and how to list them.
        var users = await bot.Say("/nguoidung", "a");
        Assert.Contains("2 mã mời chưa dùng", users);
        Assert.Contains("/moi danh sach", users);
    }

    [Fact]
    public async Task A_code_revoked_by_an_admin_is_refused_at_start_and_the_revocation_is_audited()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        var admin = bot.AddUser("a", Role.Admin);
        var code = await InviteOfficer(bot);

        var revoked = await bot.Say("/moi huy " + code.ToLowerInvariant(), "a");
        Assert.Contains("Đã hủy mã mời " + code, revoked);
        Assert.Contains("cán bộ khuyến công, Phú Thọ", revoked);
        Assert.DoesNotContain("vai trò nào", revoked);
        Assert.NotNull(bot.Store.Invitations.Get(code)!.RevokedAt);
        Assert.Contains(bot.Store.Audit.ForEntity("invitation", code), e => e.Action == "revoke" && e.UserId == admin.Id);

        // Nothing is left pending; a second revoke and an unknown code say so.
        Assert.Contains("Không có mã mời nào đang chờ dùng", await bot.Say("/moi danh sach", "a"));
        Assert.Contains("đã bị hủy", await bot.Say("/moi huy " + code, "a"));
        Assert.Contains("Không có mã mời ZZZZ9999", await bot.Say("/moi huy ZZZZ9999", "a"));
        Assert.Contains("/moi huy ABCD2345", await bot.Say("/moi hủy", "a"));

        // The code's holder gets a clear reply, and is not registered.
        var reply = TextRendering.Render((await Start(bot, code, "newbie")).Single(), TestTexts.Seeds, "vi");
        Assert.Contains("quản trị viên hủy", reply);
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:newbie"));
    }

    [Fact]
    public async Task A_used_code_cannot_be_revoked_and_officers_cannot_list_codes()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("a", Role.Admin);
        bot.AddUser("o", Role.Officer, "phu-tho");
        var code = await InviteOfficer(bot);
        await Start(bot, code, "newbie");
        var reply = await bot.Say("/moi huy " + code, "a");
        Assert.Contains("đã được terminal:newbie dùng", reply);
        Assert.Contains("/nguoidung", reply);
        Assert.DoesNotContain(code, await bot.Say("/moi danh sach", "o"));
    }
}
