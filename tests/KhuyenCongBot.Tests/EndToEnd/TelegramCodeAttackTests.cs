using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>The code attacks of issue 17 replayed as an outsider would, through the real Telegram client and the fake Bot API.</summary>
public sealed partial class TelegramCodeAttackTests
{
    private const long Admin = TelegramBotFixture.AdminId;
    private const long Officer = 8101;
    private const long SecondPhone = 8102;
    private const long Guesser = 8666;

    private static Task<TelegramBotFixture> Start() => TelegramBotFixture.StartAsync(o => o.Today = new DateOnly(2026, 11, 26));

    private static string Text(IReadOnlyList<SentMessage> sent) => string.Join("\n", sent.Select(m => m.Text));

    [Fact]
    public async Task Thirty_wrong_codes_at_two_a_second_check_five_then_not_even_the_right_one()
    {
        await using var bot = await Start();
        await bot.Say(Admin, "/moi");
        await bot.Say(Admin, "1");
        var code = InviteRx().Match(Text(await bot.Say(Admin, "Phú Thọ"))).Groups[1].Value;
        Assert.Equal(8, code.Length);

        var answers = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add(Text(await bot.Say(Guesser, $"/start GUESS{(char)('A' + i % 20)}{(char)('A' + i / 20)}Z")));
            bot.Time!.Advance(TimeSpan.FromMilliseconds(500));
        }
        Assert.Equal(4, answers.Count(a => a.Contains("Mã mời không đúng")));
        Assert.All(answers.Skip(4), a => Assert.Contains("quá nhiều mã sai", a));
        Assert.Contains("quá nhiều mã sai", Text(await bot.Say(Guesser, "/start " + code)));
        Assert.Null(bot.Services.GetRequiredService<IBotStore>().Users.FindByIdentity("telegram:" + Guesser));
    }

    [Fact]
    public async Task A_deactivated_officers_old_link_code_neither_welcomes_a_second_account_nor_revives_the_first()
    {
        await using var bot = await Start();
        var store = bot.Services.GetRequiredService<IBotStore>();
        store.Users.Add(new BotUser
        {
            DisplayName = "Lan", Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = "phu-tho", Identities = ["telegram:" + Officer],
        });
        var code = LinkRx().Match(Text(await bot.Say(Officer, "/lienket"))).Groups[1].Value;
        Assert.Equal(8, code.Length);

        var list = await bot.Say(Admin, "/nguoidung Lan");
        var detail = await bot.Press(Admin, list.Last(m => m.AllButtons.Any()), list.Last().AllButtons.First().Text);
        var confirm = await bot.Press(Admin, detail.Last(), "Ngừng hoạt động");
        Assert.Contains("Đã ngừng hoạt động", Text(await bot.Press(Admin, confirm.Last(), "Có, ngừng hoạt động")));

        var second = Text(await bot.Say(SecondPhone, "/start " + code));
        Assert.DoesNotContain("Chào mừng", second);
        Assert.Contains("đã bị hủy", second);
        Assert.Null(store.Users.FindByIdentity("telegram:" + SecondPhone));
        Assert.Equal(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi"), Text(await bot.Say(Officer, "/help")));
        Assert.Equal(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi"), Text(await bot.Say(Officer, "bao nhiêu gian hàng từ đầu năm")));
    }

    [Fact]
    public async Task A_demoted_admins_link_code_does_not_make_an_admin_again()
    {
        await using var bot = await Start();
        var store = bot.Services.GetRequiredService<IBotStore>();
        const long Boss = 8201;
        store.Users.Add(new BotUser { DisplayName = "Boss", Role = Role.Admin, ScopeKind = ScopeKind.All, Identities = ["telegram:" + Boss] });
        var code = LinkRx().Match(Text(await bot.Say(Boss, "/lienket"))).Groups[1].Value;

        var list = await bot.Say(Admin, "/nguoidung Boss");
        var detail = await bot.Press(Admin, list.Last(), list.Last().AllButtons.First().Text);
        var roles = await bot.Press(Admin, detail.Last(), "Đổi vai trò");
        Assert.Contains("Đã cập nhật", Text(await bot.Press(Admin, roles.Last(), "Lãnh đạo, quản lý")));

        Assert.Contains("đã bị hủy", Text(await bot.Say(SecondPhone, "/start " + code)));
        Assert.Null(store.Users.FindByIdentity("telegram:" + SecondPhone));
        Assert.Equal(Role.Manager, store.Users.FindByIdentity("telegram:" + Boss)!.Role);
        Assert.Contains("chỉ dành cho quản trị viên", Text(await bot.Say(Boss, "/moi")));
    }

    [Fact]
    public async Task A_code_shown_in_a_group_is_not_redeemed_there_and_no_longer_works_anywhere()
    {
        await using var bot = await Start();
        var store = bot.Services.GetRequiredService<IBotStore>();
        await bot.Say(Admin, "/moi");
        await bot.Say(Admin, "1");
        var code = InviteRx().Match(Text(await bot.Say(Admin, "Phú Thọ"))).Groups[1].Value;
        const long Group = -1009001;
        var inGroup = await bot.Deliver(Group, () => bot.Server.UserSendsInGroup(Group, Guesser, "/start " + code));
        Assert.Contains(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi"), Text(inGroup));
        Assert.Null(store.Users.FindByIdentity("telegram:" + Guesser));
        Assert.Null(store.Invitations.Get(code)!.UsedAt);
        Assert.Contains("đã bị hủy", Text(await bot.Say(Guesser, "/start " + code)));
        Assert.Null(store.Users.FindByIdentity("telegram:" + Guesser));

        // An officer pasting their link code into the group by mistake (not even to the bot): a stranger there cannot use it.
        store.Users.Add(new BotUser { DisplayName = "Lan", Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = "phu-tho", Identities = ["telegram:" + Officer] });
        var link = LinkRx().Match(Text(await bot.Say(Officer, "/lienket"))).Groups[1].Value;
        await bot.WaitHandled(bot.Server.UserSendsInGroup(Group, Officer, $"mã liên kết của mình là {link.ToLowerInvariant()} nhé"));
        Assert.Contains("đã bị hủy", Text(await bot.Say(SecondPhone, link)));
        Assert.Null(store.Users.FindByIdentity("telegram:" + SecondPhone));
        Assert.Equal("shown-in-group", store.Invitations.Get(link)!.RevokedReason);
    }

    [GeneratedRegex(@": ([A-Z2-9]{8})\b")]
    private static partial Regex InviteRx();

    [GeneratedRegex(@"Mã liên kết của bạn: ([A-Z0-9]{8})")]
    private static partial Regex LinkRx();
}
