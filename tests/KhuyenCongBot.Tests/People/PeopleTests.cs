using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>Transcripts: invitations, registration, refusals, user administration and the audit trail.</summary>
public sealed partial class PeopleTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static async Task<string> InviteOfficer(BotHarness bot, string province = "Phú Thọ")
    {
        await bot.Say("/moi");
        await bot.Say("1");
        var reply = await bot.Say(province);
        return CodeRx().Match(reply).Groups[1].Value;
    }

    [Fact]
    public async Task Invite_then_start_code_registers_the_new_user_with_role_and_scope()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        Assert.Contains("Cán bộ khuyến công", await bot.Say("/invite"));
        await bot.Say("1");
        var reply = await bot.Say("Vĩnh Phúc");
        Assert.Contains("nay thuộc Phú Thọ", reply);
        Assert.Contains("link", reply.Replace("Liên kết", "link"));
        Assert.Contains("sẽ có khi bot được kết nối với Telegram", reply);
        var code = CodeRx().Match(reply).Groups[1].Value;
        Assert.Equal(8, code.Length);

        var welcome = await bot.Say("/start " + code, user: "lan");
        Assert.Contains("Chào mừng", welcome);
        var lan = bot.Store.Users.FindByIdentity("terminal:lan")!;
        Assert.Equal(Role.Officer, lan.Role);
        Assert.Equal(ScopeKind.Province, lan.ScopeKind);
        Assert.Equal("phu-tho", lan.ScopeId);
        Assert.Equal("lan", lan.Chats["terminal"]);
        Assert.Contains("/help", await bot.Say("/help", user: "lan"));
    }

    [Fact]
    public async Task Deep_link_uses_the_bot_username_and_a_bare_code_works_too()
    {
        using var bot = BotHarness.Create(Today, settings: new Dictionary<string, string?> { ["Bot:TelegramBotUsername"] = "kc_bot" });
        bot.AddUser("admin", Role.Admin);
        await bot.Say("/moi");
        await bot.Say("Lãnh đạo, quản lý");
        var reply = await bot.Say("2"); // the Northern region
        Assert.Contains("Khu vực phía Bắc", reply);
        var code = CodeRx().Match(reply).Groups[1].Value;
        Assert.Contains($"https://t.me/kc_bot?start={code}", reply);
        await bot.Say(code.ToLowerInvariant(), user: "zalo-person");
        var person = bot.Store.Users.FindByIdentity("terminal:zalo-person")!;
        Assert.Equal(Role.Manager, person.Role);
        Assert.Equal(ScopeKind.Region, person.ScopeKind);
        Assert.Equal("bac", person.ScopeId);
    }

    [Fact]
    public async Task Expired_reused_and_made_up_codes_are_refused()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var code = await InviteOfficer(bot);
        Assert.Contains("Chào mừng", await bot.Say("/start " + code, user: "a"));
        Assert.Contains("đã được dùng", await bot.Say("/start " + code, user: "b"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:b"));
        Assert.Contains("Mã mời không đúng", await bot.Say("/start ZZZZ2222", user: "c"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:c"));

        var late = await InviteOfficer(bot);
        bot.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Contains("hết hạn", await bot.Say("/start " + late, user: "d"));
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:d"));
    }

    [Fact]
    public async Task A_stranger_gets_only_the_polite_message_and_a_counter()
    {
        using var bot = BotHarness.Create(Today);
        var reply = await bot.Say("xin chào, cho hỏi số liệu", user: "x");
        Assert.Contains("cán bộ khuyến công", reply);
        Assert.Contains("mã mời", reply);
        Assert.Equal("1", bot.Store.Meta.Get("unknown-messages"));
        Assert.Null(bot.Store.Conversations.Get(0));
        Assert.Empty(bot.Store.Users.All());
    }

    [Theory]
    [InlineData(Role.Officer, "/invite")]
    [InlineData(Role.Officer, "/moi")]
    [InlineData(Role.Officer, "/users")]
    [InlineData(Role.Officer, "/nguoidung")]
    [InlineData(Role.Officer, "/broadcast")]
    [InlineData(Role.Officer, "/thongbao huy 1")]
    [InlineData(Role.Manager, "/invite")]
    [InlineData(Role.Manager, "/nguoidung")]
    [InlineData(Role.Manager, "/thongbao")]
    [InlineData(Role.Manager, "/thongbao baocao 1")]
    public async Task Admin_commands_are_refused_without_the_right_and_change_nothing(Role role, string command)
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        bot.AddUser("someone", role, "phu-tho");
        var usersBefore = bot.Store.Users.All().Count;
        var reply = await bot.Say(command, user: "someone");
        Assert.Contains("chỉ dành cho quản trị viên", reply);
        Assert.DoesNotContain("admin", reply);
        Assert.DoesNotContain("Mã", reply);
        Assert.Equal(usersBefore, bot.Store.Users.All().Count);
        Assert.Null(bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:someone")!.Id)?.Flow);
    }

    [Theory]
    [InlineData("bc:cancel:1")]
    [InlineData("bc:report:1")]
    [InlineData("u:1")]
    [InlineData("a:deactivate")]
    public async Task Admin_buttons_pressed_by_an_officer_do_nothing(string data)
    {
        using var bot = BotHarness.Create(Today);
        var admin = bot.AddUser("admin", Role.Admin);
        bot.AddUser("off", Role.Officer, "phu-tho");
        var replies = await bot.Press(data, user: "off");
        var text = string.Join("\n", replies.Select(r => r.Text));
        Assert.DoesNotContain("admin", text);
        Assert.True(bot.Store.Users.Get(admin.Id)!.Active);
        Assert.All(replies, r => Assert.Null(r.Attachment));
    }

    [Fact]
    public async Task Deactivation_makes_the_user_unknown_at_once_and_is_audited()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var off = bot.AddUser("off", Role.Officer, "phu-tho");
        Assert.Contains("/help", await bot.Say("/help", user: "off"));

        var list = await bot.Say("/nguoidung off");
        Assert.Contains("off (cán bộ khuyến công, Phú Thọ)", list);
        var detail = await bot.Say("1");
        Assert.Contains("Ngừng hoạt động", detail);
        Assert.Contains("Ngừng hoạt động off?", await bot.Say("Ngừng hoạt động"));
        var done = await bot.Say("có");
        Assert.Contains("Đã ngừng hoạt động off", done);

        var after = await bot.Say("/help", user: "off");
        Assert.Contains("mã mời", after);
        Assert.DoesNotContain("/help –", after);
        var audit = bot.Store.Audit.ForEntity("user", off.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var change = Assert.Single(audit);
        Assert.Equal("change", change.Action);
        Assert.Contains("\"Active\":true", change.Before);
        Assert.Contains("\"Active\":false", change.After);
    }

    [Fact]
    public async Task Admin_changes_role_and_scope_and_each_change_is_audited()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var off = bot.AddUser("off", Role.Officer, "phu-tho");
        await bot.Say("/users off");
        await bot.Say("1");
        await bot.Say("Đổi vai trò");
        Assert.Contains("Đã cập nhật", await bot.Say("Lãnh đạo, quản lý"));
        await bot.Say("/users off");
        await bot.Say("1");
        await bot.Say("Đổi phạm vi");
        Assert.Contains("Đã cập nhật", await bot.Say("Cả nước"));
        var user = bot.Store.Users.Get(off.Id)!;
        Assert.Equal(Role.Manager, user.Role);
        Assert.Equal(ScopeKind.All, user.ScopeKind);
        Assert.Equal(2, bot.Store.Audit.ForEntity("user", off.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Count);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves()
    {
        using var bot = BotHarness.Create(Today);
        var admin = bot.AddUser("admin", Role.Admin);
        await bot.Say("/users admin");
        await bot.Say("1");
        Assert.Contains("không thể tự", await bot.Say("Ngừng hoạt động"));
        Assert.True(bot.Store.Users.Get(admin.Id)!.Active);
    }

    [Fact]
    public async Task Redeeming_and_inviting_write_audit_entries()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var code = await InviteOfficer(bot);
        await bot.Say("/start " + code, user: "new");
        var entries = bot.Store.Audit.ForEntity("invitation", code);
        Assert.Equal(["invite", "redeem"], entries.Select(e => e.Action));
        var user = bot.Store.Users.FindByIdentity("terminal:new")!;
        Assert.Equal("register", Assert.Single(bot.Store.Audit.ForEntity("user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Action);
    }

    [Fact]
    public async Task Admin_commands_are_refused_in_group_chats()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "group1", UserId = "admin", Text = "/users", IsGroupChat = true });
        Assert.Contains("chỉ dùng trong tin nhắn riêng", replies.Single().Text);
    }

    [GeneratedRegex(@": ([A-Z2-9]{8})\b")]
    private static partial Regex CodeRx();
}
