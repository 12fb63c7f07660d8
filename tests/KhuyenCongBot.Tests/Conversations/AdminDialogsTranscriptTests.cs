using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.EndToEnd;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// Last session's dialogs, first tested on the terminal only (InviteCodesTranscriptTests, ScopeChangeMidFormTests,
/// DisbursementCorrectionTests), as transcripts on the terminal, Telegram and Zalo: /moi danh sach and /moi huy CODE; an officer whose
/// province an admin changes mid-form; "không, 238 triệu" at a disbursement's confirmation.
/// </summary>
public sealed partial class AdminDialogsTranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> AllChannels() => new(["terminal", "telegram", "zalo"]);

    [GeneratedRegex(@"Đã tạo mã mời cho [^:]+:\W*([A-Z0-9]{8})")]
    private static partial Regex CodeLine();

    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    /// <summary>The bot on <paramref name="channel"/> with the demo data, an admin "ad" and an officer of Phú Thọ "o1".</summary>
    private static async Task<IChatDriver> StartDemoAsync(string channel)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:FloodBurst"] = "0", ["Broadcast:ReminderEnabled"] = "false", ["Bot:DialogIdleMinutes"] = "30",
        };
        IChatDriver bot = channel switch
        {
            "terminal" => new TerminalChatDriver(BotHarness.Create(EndToEndChannels.Today, demo: true, settings: settings)),
            "telegram" => await TelegramChatDriver.StartAsync(EndToEndChannels.Today, demo: true, settings: settings),
            _ => await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = EndToEndChannels.Today, Demo = true, Settings = settings }),
        };
        bot.AddUser("ad", Role.Admin, null);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        return bot;
    }

    private async Task<string> InviteOfficerAsync(IChatDriver bot, string province = "Phú Thọ")
    {
        Assert.Contains("vai trò nào", await Say(bot, "ad", "/moi"));
        var asked = string.Join("\n", await bot.ChooseAsync("ad", 1, "Cán bộ khuyến công"));
        output.WriteLine($"[{bot.Channel}] ad> (1. Cán bộ khuyến công)\n{asked}\n");
        var created = await Say(bot, "ad", province);
        var match = CodeLine().Match(created);
        Assert.True(match.Success, created);
        return match.Groups[1].Value;
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task Invitations_are_listed_and_a_revoked_code_is_refused_at_start(string channel)
    {
        await using var bot = await StartDemoAsync(channel);
        var first = await InviteOfficerAsync(bot);
        var second = await InviteOfficerAsync(bot, "Hà Nội");

        var list = await Say(bot, "ad", "/moi danh sach");
        Assert.Contains("2 mã mời đang chờ dùng", list);
        Assert.Contains(first, list);
        Assert.Contains(second, list);
        Assert.Contains("cán bộ khuyến công, Phú Thọ", list);
        Assert.DoesNotContain("vai trò nào", list);

        var revoked = await Say(bot, "ad", "/moi huy " + first.ToLowerInvariant());
        Assert.Contains("Đã hủy mã mời " + first, revoked);
        Assert.NotNull(bot.Store.Invitations.Get(first)!.RevokedAt);
        var after = await Say(bot, "ad", "/moi ds");
        Assert.Contains("1 mã mời đang chờ dùng", after);
        Assert.DoesNotContain(first, after);

        // The revoked code's holder is told so on this channel, and is not registered; the other code still works.
        Assert.Contains("quản trị viên hủy", await Say(bot, "newbie", "/start " + first));
        Assert.Null(bot.Store.Users.FindByIdentity(bot.IdentityOf("newbie")));
        await Say(bot, "newbie", "/start " + second);
        Assert.NotNull(bot.Store.Users.FindByIdentity(bot.IdentityOf("newbie")));
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_list_command_while_the_invite_role_list_is_pending_lists_and_leaves_the_role_list(string channel)
    {
        await using var bot = await StartDemoAsync(channel);
        var code = await InviteOfficerAsync(bot);
        Assert.Contains("vai trò nào", await Say(bot, "ad", "/moi"));
        var list = await Say(bot, "ad", "/moi danh sach");
        Assert.Contains(code, list);
        Assert.DoesNotContain("Bạn chọn một vai trò", list);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task An_officer_whose_province_changed_mid_form_is_told_and_asked_the_province_questions_again(string channel)
    {
        await using var bot = await StartDemoAsync(channel);
        bot.Store.Facilities.Add(new Facility
        {
            Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng",
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)),
        });
        await Say(bot, "o1", "/ghi máy móc");
        await Say(bot, "o1", "1");
        await Say(bot, "o1", "phu lang");
        await Say(bot, "o1", "1");

        // The admin moves the officer to Hà Nội (what /nguoidung → Đổi phạm vi → Hà Nội stores).
        var officer = bot.Store.Users.FindByIdentity(bot.IdentityOf("o1"))!;
        officer.ScopeId = "ha-noi";
        bot.Store.Users.Update(officer);

        var next = await Say(bot, "o1", "Lò nung gas");
        Assert.Contains("vừa được đổi thành", next);
        Assert.Contains("Hà Nội", next);
        Assert.Contains("bỏ liên kết với đề án KC-2026-01", next);
        Assert.Contains("❓ Cơ sở", next);
        Assert.DoesNotContain("Gốm Phù Lãng (xã Phù Lãng)", await Say(bot, "o1", "phu lang"));
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task No_with_an_amount_at_the_disbursement_confirmation_asks_again_with_it(string channel)
    {
        await using var bot = await StartDemoAsync(channel);
        var project = bot.Store.Projects.Find(ProjectFilter.Everything)
            .First(p => p.Status is ProjectStatus.InProgress && p.DisbursedVnd > 100_000_000 && p.Approved.Support >= 300_000_000);
        long Disbursed() => bot.Store.Projects.Find(ProjectFilter.Everything).Single(p => p.Id == project.Id).DisbursedVnd;
        var before = Disbursed();

        Assert.Contains("100.000.000", await Say(bot, "ad", $"đề án {project.Code} giải ngân 100 triệu"));
        var corrected = await Say(bot, "ad", "không, 238 triệu");
        Assert.Contains("238", corrected);
        Assert.Contains("không, số tiền là", corrected);
        Assert.DoesNotContain("chưa hiểu", corrected);
        Assert.Equal(before, Disbursed());

        var reply = await Say(bot, "ad", "1");
        if (Disbursed() != 238_000_000)
        {
            Assert.Contains("238", reply);
            await Say(bot, "ad", "1");
        }
        Assert.Equal(238_000_000, Disbursed());
    }
}
