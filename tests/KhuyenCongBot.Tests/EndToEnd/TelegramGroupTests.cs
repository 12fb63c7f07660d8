using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// The outside check of issue 17 replayed through the real Telegram client and the fake Bot API: in a group, figures are shown
/// only as far as every member may see them, members are learned from messages, join/leave service messages, chat_member
/// updates and getChatMemberCount/getChatMember, and forms' buttons do not work there.
/// </summary>
public sealed class TelegramGroupTests
{
    private const long Group = -1001700;
    private const long Admin = TelegramBotFixture.AdminId;
    private const long Stranger = 777001;
    private const long HaNoi = 777002;
    private static readonly string Bot = "@" + FakeTelegramServer.BotUsername;

    private static Task<TelegramBotFixture> Start() => TelegramBotFixture.StartAsync(o =>
    {
        o.Demo = true;
        o.Today = new DateOnly(2026, 11, 26);
        o.Settings["Bot:FloodBurst"] = "0";
    });

    private static async Task<string> Ask(TelegramBotFixture bot, long user, string text) =>
        TelegramBotFixture.Transcript(await bot.Deliver(Group, () => bot.Server.UserSendsInGroup(Group, user, text)));

    private static void NoFigures(string reply)
    {
        Assert.True(reply.Contains("trong nhóm này") && reply.Contains("tin nhắn riêng"), reply);
        Assert.DoesNotMatch(@"\d{2,}", System.Text.RegularExpressions.Regex.Replace(reply, @"\[\w+ #\d+\] ", ""));
    }

    private static void AddOfficer(TelegramBotFixture bot, long id, string province)
    {
        var store = bot.Services.GetRequiredService<Core.Storage.IBotStore>();
        store.Users.Add(new BotUser
        {
            DisplayName = "cb " + id, Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = province, Identities = ["telegram:" + id],
        });
    }

    [Fact]
    public async Task A_stranger_who_spoke_in_the_group_stops_the_national_figure_the_report_and_the_ranking()
    {
        await using var bot = await Start();
        Assert.Contains("gian hàng", await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));

        Assert.Contains(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi"), await Ask(bot, Stranger, "/start"));
        NoFigures(await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
        NoFigures(await Ask(bot, Admin, "/baocao 6 tháng đầu năm 2024"));
        NoFigures(await Ask(bot, Admin, Bot + " top tỉnh kinh phí 2024"));
        NoFigures(await Ask(bot, Admin, Bot + " Phú Thọ gian hàng 2024 biểu đồ"));
        Assert.DoesNotContain(bot.Server.SentTo(Group), m => m.Kind is "photo" or "document");
        Assert.NotEmpty(bot.Server.CallsTo("getChatMemberCount"));
    }

    [Fact]
    public async Task A_silent_officer_of_another_province_who_joined_restricts_the_figures_until_they_leave()
    {
        await using var bot = await Start();
        AddOfficer(bot, HaNoi, "ha-noi");
        await bot.WaitHandled(bot.Server.Membership(Group, HaNoi, joined: true)!.Value);

        var national = await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024");
        Assert.Contains("trong nhóm này", national);
        Assert.Contains("Hà Nội", await Ask(bot, Admin, Bot + " Hà Nội bao nhiêu gian hàng năm 2024"));
        Assert.Contains("Bot không trả lời số liệu của Phú Thọ", await Ask(bot, Admin, Bot + " Phú Thọ bao nhiêu gian hàng năm 2024"));

        await bot.WaitHandled(bot.Server.ChatMemberUpdate(Group, HaNoi, inChat: false));
        Assert.Contains("gian hàng", await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
        Assert.DoesNotContain("trong nhóm này", await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
    }

    [Fact]
    public async Task Members_who_never_write_and_were_never_announced_mean_no_figures()
    {
        await using var bot = await Start();
        bot.Server.SilentMembers(Group, 3);
        NoFigures(await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));

        // A join announced by Telegram is a member the bot knows: still a stranger to it.
        bot.Server.SilentMembers(Group, 0);
        await bot.WaitHandled(bot.Server.Membership(Group, Stranger, joined: true)!.Value);
        NoFigures(await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
        await bot.WaitHandled(bot.Server.Membership(Group, Stranger, joined: false)!.Value);
        Assert.Contains("gian hàng", await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
    }

    [Fact]
    public async Task Another_bot_in_the_group_counts_as_a_member_who_may_see_nothing()
    {
        await using var bot = await Start();
        await bot.WaitHandled(bot.Server.Membership(Group, 888999, joined: true, isBot: true)!.Value);
        NoFigures(await Ask(bot, Admin, Bot + " bao nhiêu gian hàng năm 2024"));
    }

    [Fact]
    public async Task The_bot_asks_Telegram_for_member_updates()
    {
        await using var bot = await Start();
        var poll = await bot.Server.WaitForCall("getUpdates", TelegramBotFixture.Timeout, c => c.Fields["allowed_updates"] is not null);
        var allowed = poll.Fields["allowed_updates"]!.ToJsonString();
        Assert.Contains("chat_member", allowed);
        Assert.Contains("my_chat_member", allowed);
        Assert.Contains("callback_query", allowed);
    }

    [Fact]
    public async Task Form_and_record_buttons_pressed_in_a_group_do_nothing_there()
    {
        await using var bot = await Start();
        var sent = await bot.Say(Admin, "/cuatoi");
        Assert.NotEmpty(sent);
        foreach (var data in new[] { "f:my", "f:r:1", "f:again:1", "f:a:trade_fair", "u:1", "a:deactivate", "bc:report:1", "ack:1" })
        {
            var reply = TelegramBotFixture.Transcript(await bot.Deliver(Group, () => bot.Server.UserPressesInGroup(Group, Admin, data, 1)));
            Assert.True(reply.Contains("không dùng được trong nhóm"), data + ": " + reply);
        }
    }
}
