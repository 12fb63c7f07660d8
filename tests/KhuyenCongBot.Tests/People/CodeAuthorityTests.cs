using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>Codes carry no authority of their own: a link code joins an account to a person as that person is now, changes and newer
/// codes cancel outstanding ones, nothing revives a deactivated account, and guessing is locked out per sender and globally.</summary>
public sealed partial class CodeAuthorityTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static string Id(BotUser user) => user.Id.ToString(CultureInfo.InvariantCulture);

    private static async Task<string> LinkCode(BotHarness bot, string user)
    {
        var reply = await bot.Say("/lienket", user: user);
        var code = LinkRx().Match(reply).Groups[1].Value;
        Assert.True(code.Length == 8, reply);
        return code;
    }

    private static async Task<string> Invite(BotHarness bot, string admin, string roleNumber, string? province = null)
    {
        await bot.Say("/moi", user: admin);
        var reply = await bot.Say(roleNumber, user: admin);
        if (province is not null)
        {
            reply = await bot.Say(province, user: admin);
        }
        var code = InviteRx().Match(reply).Groups[1].Value;
        Assert.True(code.Length == 8, reply);
        return code;
    }

    /// <summary>Through /nguoidung: picks the person, then the action, then (for a role) the new role.</summary>
    private static async Task Change(BotHarness bot, string admin, string person, params string[] steps)
    {
        Assert.Contains("Chọn một người", await bot.Say("/nguoidung " + person, user: admin));
        await bot.Say("1", user: admin);
        var last = "";
        foreach (var step in steps)
        {
            last = await bot.Say(step, user: admin);
        }
        Assert.True(last.Contains("Đã cập nhật") || last.Contains("Đã ngừng hoạt động"), last);
    }

    [Fact]
    public async Task A_link_code_made_before_a_deactivation_neither_links_nor_revives()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var officer = bot.AddUser("off", Role.Officer, "phu-tho");
        var code = await LinkCode(bot, "off");
        await Change(bot, "admin", "off", "Ngừng hoạt động", "có");

        var reply = await bot.Say("/start " + code, user: "second");
        Assert.Contains("đã bị hủy", reply);
        Assert.DoesNotContain("Chào mừng", reply);
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:second"));
        Assert.False(bot.Store.Users.Get(officer.Id)!.Active);
        Assert.Equal(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi"), await bot.Say("/help", user: "off"));
        var codeTrail = bot.Store.Audit.ForEntity("invitation", code).Select(e => e.Action).ToList();
        Assert.Equal(["link-code", "revoke", "redeem-refused"], codeTrail);
    }

    [Fact]
    public async Task A_demoted_admin_gets_nothing_back_from_codes_made_while_admin()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("root", Role.Admin);
        var boss = bot.AddUser("boss", Role.Admin);
        var link = await LinkCode(bot, "boss");
        var adminInvite = await Invite(bot, "boss", "3");
        await Change(bot, "root", "boss", "Đổi vai trò", "Cán bộ khuyến công", "Phú Thọ");
        Assert.Equal(Role.Officer, bot.Store.Users.Get(boss.Id)!.Role);

        Assert.Contains("đã bị hủy", await bot.Say("/start " + link, user: "boss-phone"));
        Assert.Contains("đã bị hủy", await bot.Say("/start " + adminInvite, user: "friend"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:boss-phone"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:friend"));
        Assert.Equal(Role.Officer, bot.Store.Users.Get(boss.Id)!.Role);
        Assert.Contains("chỉ dành cho quản trị viên", await bot.Say("/moi", user: "boss"));
    }

    [Fact]
    public async Task An_invitation_whose_admin_left_gives_nothing_even_without_a_revocation()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("root", Role.Admin);
        var boss = bot.AddUser("boss", Role.Admin);
        var code = await Invite(bot, "boss", "3");
        // Changed behind the bot's back (e.g. an older version, a restore): the check at redemption still holds.
        var changed = bot.Store.Users.Get(boss.Id)!;
        changed.Role = Role.Manager;
        bot.Store.Users.Update(changed);
        Assert.Contains("đã bị hủy", await bot.Say("/start " + code, user: "friend"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:friend"));
    }

    [Fact]
    public async Task A_scope_change_and_back_still_cancels_the_code_made_before()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        bot.AddUser("off", Role.Officer, "phu-tho");
        var code = await LinkCode(bot, "off");
        await Change(bot, "admin", "off", "Đổi phạm vi", "Một tỉnh/thành", "Hà Nội");
        await Change(bot, "admin", "off", "Đổi phạm vi", "Một tỉnh/thành", "Phú Thọ");
        Assert.Contains("đã bị hủy", await bot.Say(code, user: "phone"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:phone"));
    }

    [Fact]
    public async Task A_new_link_code_cancels_the_one_before_and_the_new_one_joins_the_person_as_they_are()
    {
        using var bot = BotHarness.Create(Today);
        var off = bot.AddUser("off", Role.Officer, "phu-tho");
        var first = await LinkCode(bot, "off");
        var second = await LinkCode(bot, "off");
        Assert.Contains("đã bị hủy", await bot.Say(first, user: "phone"));
        Assert.Contains("Chào mừng", await bot.Say(second, user: "phone"));
        var joined = bot.Store.Users.FindByIdentity("terminal:phone")!;
        Assert.Equal(off.Id, joined.Id);
        Assert.Equal((Role.Officer, ScopeKind.Province, "phu-tho", true), (joined.Role, joined.ScopeKind, joined.ScopeId, joined.Active));
        var trail = bot.Store.Audit.ForEntity("user", Id(off)).Select(e => e.Action).ToList();
        Assert.Equal(["link"], trail);
    }

    [Fact]
    public async Task A_deactivated_account_is_not_revived_by_a_fresh_invitation_and_the_code_is_kept()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var leaver = bot.AddUser("leaver", Role.Officer, "phu-tho");
        await Change(bot, "admin", "leaver", "Ngừng hoạt động", "có");
        var code = await Invite(bot, "admin", "3");

        Assert.Contains("kích hoạt lại", await bot.Say("/start " + code, user: "leaver"));
        var after = bot.Store.Users.Get(leaver.Id)!;
        Assert.False(after.Active);
        Assert.Equal(Role.Officer, after.Role);
        Assert.Null(bot.Store.Invitations.Get(code)!.UsedAt);
        Assert.Contains("Chào mừng", await bot.Say("/start " + code, user: "newcomer"));
    }

    [Fact]
    public async Task Wrong_codes_lock_a_sender_out_then_a_right_code_is_refused_until_the_lockout_ends()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var code = await Invite(bot, "admin", "1", "Phú Thọ");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Mã mời không đúng", await bot.Say($"/start WRNGCD{i + 2}A", user: "guesser"));
        }
        Assert.Contains("quá nhiều mã sai", await bot.Say("/start WRNGCD7A", user: "guesser"));
        Assert.Contains("quá nhiều mã sai", await bot.Say("/start " + code, user: "guesser"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:guesser"));
        Assert.Null(bot.Store.Invitations.Get(code)!.UsedAt);
        Assert.Equal("code-lockout", Assert.Single(bot.Store.Audit.ForEntity("identity", "terminal:guesser")).Action);

        // Someone else is not locked out by this sender.
        Assert.Contains("Mã mời không đúng", await bot.Say("/start WRNGCD8A", user: "other"));

        bot.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Contains("Chào mừng", await bot.Say("/start " + code, user: "guesser"));
    }

    [Fact]
    public async Task Wrong_codes_from_many_senders_lock_everyone_out()
    {
        using var bot = BotHarness.Create(Today, settings: new Dictionary<string, string?>
        {
            ["Bot:CodeAttemptsPerSender"] = "3", ["Bot:CodeAttemptsGlobal"] = "4", ["Bot:CodeLockoutMinutes"] = "10",
        });
        bot.AddUser("admin", Role.Admin);
        var code = await Invite(bot, "admin", "1", "Phú Thọ");
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("Mã mời không đúng", await bot.Say("/start WRNGCD2A", user: "g" + i));
        }
        Assert.Contains("quá nhiều mã sai", await bot.Say("/start WRNGCD2A", user: "g3"));
        var refused = await bot.Say("/start " + code, user: "honest");
        Assert.Contains("10 phút", refused);
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:honest"));
        bot.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Contains("Chào mừng", await bot.Say("/start " + code, user: "honest"));
    }

    [Fact]
    public async Task Every_redemption_is_audited_with_the_account_that_used_it()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var code = await Invite(bot, "admin", "1", "Phú Thọ");
        await bot.Say("/start " + code, user: "lan");
        await bot.Say("/start " + code, user: "mai");
        var entries = bot.Store.Audit.ForEntity("invitation", code);
        Assert.Equal(["invite", "redeem", "redeem-refused"], entries.Select(e => e.Action));
        Assert.Contains("terminal:lan", entries[1].After);
        Assert.Contains("terminal:mai", entries[2].After);
        Assert.Contains("AlreadyUsed", entries[2].After);
    }

    [GeneratedRegex(@"Mã liên kết của bạn: ([A-Z0-9]{8})")]
    private static partial Regex LinkRx();

    [GeneratedRegex(@": ([A-Z2-9]{8})\b")]
    private static partial Regex InviteRx();
}
