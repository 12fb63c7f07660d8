using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.EndToEnd;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// "No one is trapped", as a theory over channels (terminal, Telegram, Zalo) × list-choice dialogs × rules: a command always
/// works, a clear question or another command's words are answered and the list is left with one line, an idle list ends by
/// itself. Each dialog's own re-prompt ("Bạn chọn một người…") must never come back for a message meant for something else.
/// </summary>
public sealed class DialogRulesTranscriptTests(ITestOutputHelper output)
{
    /// <summary>A list-choice dialog: who opens it, with what, and the line it repeats when it does not understand an answer.</summary>
    /// <param name="LeftWithLine">Whether leaving it for a figures question says so in one line ("Đã đóng danh sách"): the figures'
    /// own clarification reads the question as its answer, a new question, with nothing to announce.</param>
    /// <param name="Before">A message that leads to the dialog's list (the broadcast's text before "Gửi cho ai?").</param>
    public sealed record Dialog(string Name, string User, Role Role, string Open, string Opened, string Trap, bool LeftWithLine = true, string? Before = null)
    {
        public override string ToString() => Name;
    }

    private static readonly Dialog[] Dialogs =
    [
        new("users", "ad", Role.Admin, "/nguoidung", "Chọn một người để sửa", "Bạn chọn một người"),
        new("invite", "ad", Role.Admin, "/moi", "vai trò nào", "Bạn chọn một vai trò"),
        new("log-pick", "o1", Role.Officer, "/ghi", "Ghi nhận hoạt động nào", "Chưa rõ hoạt động"),
        // The figures' "which figure?" (FigureClarification): anything typed instead is a new question, so its prompt never comes back.
        new("plan-confirm", "ad", Role.Admin, "/kehoach 2027 Phú Thọ gian hàng 170", "Đổi thành 170 gian hàng?", "Bạn chọn một dòng trong danh sách",
            Before: "/kehoach 2027 Phú Thọ gian hàng 150"),
        new("figures-clarify", "ad", Role.Admin, "quý 2 năm 2024 bao nhiêu", "Bạn muốn xem số liệu nào", "Bạn muốn xem số liệu nào", LeftWithLine: false),
    ];

    private static readonly string[] Channels = ["terminal", "telegram", "zalo"];

    public static TheoryData<string, Dialog> ChannelsAndDialogs()
    {
        var data = new TheoryData<string, Dialog>();
        foreach (var channel in Channels)
        {
            foreach (var dialog in Dialogs)
            {
                data.Add(channel, dialog);
            }
        }
        return data;
    }

    public static TheoryData<string> AllChannels() => new(Channels);

    internal static async Task<IChatDriver> StartAsync(string channel, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Bot:DialogIdleMinutes"] = "30" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        var bot = channel == "terminal"
            ? TerminalChatDriver.Start(EndToEndChannels.Today, all)
            : await EndToEndChannels.StartAsync(channel, all);
        bot.AddUser("ad", Role.Admin, null);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        return bot;
    }

    internal static string? FlowOf(IChatDriver bot, string user)
    {
        var id = bot.Store.Users.FindByIdentity(bot.IdentityOf(user))!.Id;
        return bot.Store.Conversations.Get(id)?.Flow;
    }

    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    private async Task<string> OpenAsync(IChatDriver bot, Dialog dialog)
    {
        if (dialog.Before is { } before)
        {
            await Say(bot, dialog.User, before);
        }
        return await Say(bot, dialog.User, dialog.Open);
    }

    [Theory]
    [MemberData(nameof(ChannelsAndDialogs))]
    public async Task A_figures_question_while_a_list_is_pending_is_answered_and_the_list_is_left(string channel, Dialog dialog)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains(dialog.Opened, await OpenAsync(bot, dialog));
        var answer = await Say(bot, dialog.User, "bao nhiêu gian hàng năm 2024");
        Assert.Contains("Số gian hàng", answer);
        if (dialog.LeftWithLine)
        {
            Assert.Contains("Đã đóng danh sách", answer);
        }
        Assert.DoesNotContain(dialog.Trap, answer);
        Assert.DoesNotContain("Phiếu mới", answer);
        Assert.Null(FlowOf(bot, dialog.User));
    }

    [Theory]
    [MemberData(nameof(ChannelsAndDialogs))]
    public async Task A_command_while_a_list_is_pending_works_and_its_choices_answer_the_next_number(string channel, Dialog dialog)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains(dialog.Opened, await OpenAsync(bot, dialog));
        var report = await Say(bot, dialog.User, "/baocao 6 tháng đầu năm 2024");
        Assert.Contains("6 tháng đầu năm 2024", report);
        Assert.Contains("Đã đóng danh sách", report);
        Assert.Null(FlowOf(bot, dialog.User));
        // "1" now means the report's first choice (Tải Excel), not the closed list.
        var one = await Say(bot, dialog.User, "1");
        Assert.DoesNotContain(dialog.Trap, one);
        Assert.DoesNotContain("Đã đóng danh sách", one);
        Assert.Contains("Excel", one);
    }

    [Theory]
    [MemberData(nameof(ChannelsAndDialogs))]
    public async Task Another_commands_words_while_a_list_is_pending_are_answered(string channel, Dialog dialog)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains(dialog.Opened, await OpenAsync(bot, dialog));
        var report = await Say(bot, dialog.User, "báo cáo 6 tháng đầu năm 2024");
        Assert.Contains("6 tháng đầu năm 2024", report);
        Assert.DoesNotContain(dialog.Trap, report);
        Assert.Null(FlowOf(bot, dialog.User));
    }

    [Theory]
    [MemberData(nameof(ChannelsAndDialogs))]
    public async Task An_idle_list_ends_by_itself_and_a_late_number_does_not_act_on_it(string channel, Dialog dialog)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains(dialog.Opened, await OpenAsync(bot, dialog));
        bot.Advance(TimeSpan.FromMinutes(31));
        var late = await Say(bot, dialog.User, "1");
        Assert.Contains("đã đóng vì không dùng quá 30 phút", late);
        Assert.Null(FlowOf(bot, dialog.User));
        Assert.Contains("Số gian hàng", await Say(bot, dialog.User, "bao nhiêu gian hàng năm 2024"));
    }

    [Theory]
    [MemberData(nameof(ChannelsAndDialogs))]
    public async Task A_list_still_takes_its_own_pick_before_it_is_idle(string channel, Dialog dialog)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains(dialog.Opened, await OpenAsync(bot, dialog));
        bot.Advance(TimeSpan.FromMinutes(29));
        var picked = await Say(bot, dialog.User, "1");
        Assert.DoesNotContain("đã đóng", picked);
        Assert.DoesNotContain(dialog.Trap, picked);
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_figures_question_inside_a_form_is_answered_and_the_form_waits(string channel)
    {
        await using var bot = await StartAsync(channel);
        Assert.Contains("❓ Cơ sở", await Say(bot, "o1", "ghi hội chợ"));
        var answer = await Say(bot, "o1", "bao nhiêu gian hàng năm 2024");
        Assert.Contains("Số gian hàng", answer);
        Assert.Contains("vẫn chờ bạn", answer);
        Assert.DoesNotContain("Tạo mới", answer);
        Assert.Equal("form", FlowOf(bot, "o1"));
        Assert.Contains("❓ Cơ sở", await Say(bot, "o1", "tiếp"));
        // A facility name is still a facility name.
        Assert.Contains("Tạo mới: Cơ sở mộc Thành Đạt", await Say(bot, "o1", "Cơ sở mộc Thành Đạt"));
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_command_inside_a_form_works_its_choices_go_to_it_and_the_form_waits(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "o1", "ghi hội chợ");
        var report = await Say(bot, "o1", "/baocao 6 tháng đầu năm 2024");
        Assert.Contains("6 tháng đầu năm 2024", report);
        Assert.Contains("vẫn chờ bạn", report);
        var one = await Say(bot, "o1", "1");
        Assert.Contains("Excel", one);
        Assert.DoesNotContain("Nút đó", one);
        Assert.Equal("form", FlowOf(bot, "o1"));
        Assert.Contains("❓ Cơ sở", await Say(bot, "o1", "tiếp"));
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task An_idle_form_does_not_end_and_takes_its_answer_later_and_a_leaving_word_leaves_it(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "o1", "ghi hội chợ");
        bot.Advance(TimeSpan.FromMinutes(31));
        var later = await Say(bot, "o1", "Cơ sở mộc Thành Đạt");
        Assert.DoesNotContain("đã đóng", later);
        Assert.Contains("Tạo mới: Cơ sở mộc Thành Đạt", later);
        Assert.Equal("form", FlowOf(bot, "o1"));
        var left = await Say(bot, "o1", "thôi");
        // Nothing answered yet but the facility being looked up (the province is the officer's own): nothing to keep.
        Assert.Contains("Đã hủy phiếu Hội chợ, triển lãm", left);
        Assert.Null(FlowOf(bot, "o1"));
    }

    [Fact]
    public async Task A_restart_with_a_list_pending_traps_no_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        using (var before = BotHarness.Create(FormTestKit.Today, databasePath: db, settings: settings))
        {
            before.AddUser("ad", Role.Admin);
            Assert.Contains("Chọn một người", await before.Say("/nguoidung", "ad"));
        }
        using var after = BotHarness.Create(FormTestKit.Today, databasePath: db, settings: settings);
        var answer = await after.Say("bao nhiêu gian hàng năm 2024", "ad");
        output.WriteLine(answer);
        Assert.Contains("Số gian hàng", answer);
        Assert.DoesNotContain("Bạn chọn một người", answer);
        Assert.Contains("Excel", await after.Say("/baocao 6 tháng đầu năm 2024", "ad") + await after.Say("1", "ad"));
    }
}
