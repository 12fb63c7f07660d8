using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// Dialogs are tables of typed steps (<see cref="Dialog{TStep}"/>): a conversation saved with the step numbers of the hand-written
/// flows resumes at the same place after the upgrade, and the behaviour found by testers is fixed on the way (the broadcast preview).
/// </summary>
public sealed class DialogTableTests(ITestOutputHelper output)
{
    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => bot.ChooseLoggedAsync(output, user, number, label);

    private static long IdOf(IChatDriver bot, string user) => bot.Store.Users.FindByIdentity(bot.IdentityOf(user))!.Id;

    /// <summary>A state as the hand-written flows saved it (before the upgrade): flow name, step number and data keys.</summary>
    private static void SaveOldState(IChatDriver bot, string user, string flow, int step, Dictionary<string, string> data, params Choice[] choices) =>
        bot.Store.Conversations.Save(new ConversationState
        {
            Id = IdOf(bot, user), Flow = flow, Step = step, Data = data, LastChoices = [.. choices],
            UpdatedAt = DateTimeOffset.UtcNow.AddYears(5), LastChannel = bot.Channel,
        });

    /// <summary>Broadcasts go out on the messaging channels (the terminal has no recipients).</summary>
    public static TheoryData<string> Channels() => new("telegram", "zalo");

    [Fact]
    public async Task A_users_dialog_saved_at_the_old_step_2_role_resumes_there()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        var o1 = IdOf(bot, "o1").ToString(System.Globalization.CultureInfo.InvariantCulture);
        SaveOldState(bot, "ad", PeopleModule.UsersFlow, 2, new() { ["user"] = o1 },
            new Choice("Cán bộ khuyến công", "role:officer"), new Choice("Lãnh đạo, quản lý", "role:manager"), new Choice("Quản trị viên", "role:admin"));
        var reply = await Say(bot, "ad", "2");
        Assert.Contains("Đã cập nhật", reply);
        Assert.Equal(Role.Manager, bot.Store.Users.FindByIdentity(bot.IdentityOf("o1"))!.Role);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Fact]
    public async Task A_users_dialog_saved_at_the_old_step_4_province_resumes_there()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        var o1 = IdOf(bot, "o1").ToString(System.Globalization.CultureInfo.InvariantCulture);
        SaveOldState(bot, "ad", PeopleModule.UsersFlow, 4, new() { ["user"] = o1 });
        Assert.Contains("Đã cập nhật", await Say(bot, "ad", "Hà Nội"));
        Assert.Equal("ha-noi", bot.Store.Users.FindByIdentity(bot.IdentityOf("o1"))!.ScopeId);
    }

    [Fact]
    public async Task An_invite_dialog_saved_at_the_old_step_2_province_resumes_there()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        SaveOldState(bot, "ad", PeopleModule.InviteFlow, 2, new() { ["role"] = nameof(Role.Officer) });
        var reply = await Say(bot, "ad", "Phú Thọ");
        Assert.Contains("Đã tạo mã mời cho cán bộ khuyến công (Phú Thọ)", reply);
    }

    [Fact]
    public async Task A_figures_clarification_saved_by_the_hand_written_flow_resumes_and_answers_the_pending_question()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        var pending = new Core.Figures.Questions.Question { Scope = "all" }.WithPeriod(new Core.Text.Period(new(2024, 4, 1), new(2024, 6, 30), "quý II/2024"));
        SaveOldState(bot, "ad", Core.Figures.Questions.FiguresModule.ClarifyFlow, 0, new() { [Core.Figures.Questions.FiguresModule.PendingKey] = pending.ToJson() },
            new Choice("Số gian hàng hội chợ", "fq:m:trade_fair.booths"), new Choice("Số lượt cơ sở tham gia", "fq:m:*.participations"));
        var reply = await Say(bot, "ad", "1");
        var booths = bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= new DateOnly(2024, 4, 1) && r.Date <= new DateOnly(2024, 6, 30)).Sum(r => (long)r.Booths);
        Assert.Contains(Core.Text.VnFormat.Number(booths) + " gian hàng", reply);
        Assert.Contains("quý II/2024", reply);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Fact]
    public async Task A_step_number_that_no_longer_exists_ends_the_dialog_with_one_line_instead_of_trapping()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        SaveOldState(bot, "ad", PeopleModule.InviteFlow, 9, new() { ["role"] = nameof(Role.Officer) });
        var reply = await Say(bot, "ad", "Phú Thọ");
        Assert.Contains("gõ lại lệnh", reply);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_broadcast_is_previewed_as_recipients_see_it_and_can_be_changed_before_sending(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        Assert.Contains("Soạn thông báo", await Say(bot, "ad", "/thongbao"));
        Assert.Contains("Gửi cho ai", await Say(bot, "ad", "Họp giao ban lúc 14h"));
        Assert.Contains("Gửi khi nào", await Choose(bot, "ad", 1, "Tất cả mọi người"));
        var preview = await Choose(bot, "ad", 1, "Ngay bây giờ");
        Assert.Contains("người nhận sẽ thấy", preview);
        Assert.Contains("Họp giao ban lúc 14h", preview);
        Assert.Contains("[Nút: Đã nhận]", preview);
        Assert.Contains("tất cả mọi người – 2 người", preview);
        Assert.Contains("Sửa", preview);
        Assert.Contains("Hủy", preview);
        Assert.DoesNotContain(bot.Received("o1"), m => m.Contains("Họp giao ban", StringComparison.Ordinal));

        Assert.Contains("Sửa phần nào", await Choose(bot, "ad", 2, "Sửa"));
        Assert.Contains("nội dung mới", await Choose(bot, "ad", 1, "Nội dung"));
        preview = await Say(bot, "ad", "Họp giao ban lúc 15h");
        Assert.Contains("Họp giao ban lúc 15h", preview);
        Assert.DoesNotContain("lúc 14h", preview);

        Assert.Contains("Sửa phần nào", await Choose(bot, "ad", 2, "Sửa"));
        await Choose(bot, "ad", 2, "Người nhận");
        preview = await Choose(bot, "ad", 2, "Cán bộ khuyến công");
        Assert.Contains("cán bộ khuyến công – 1 người", preview);

        Assert.Contains("Đã hủy, thông báo không được gửi", await Choose(bot, "ad", 3, "Hủy"));
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_broadcast_is_sent_only_from_the_preview(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        await Say(bot, "ad", "/thongbao");
        await Say(bot, "ad", "Nộp báo cáo tháng");
        await Choose(bot, "ad", 1, "Tất cả mọi người");
        var preview = await Say(bot, "ad", "gửi ngay");
        Assert.Contains("người nhận sẽ thấy", preview);
        Assert.Contains("Đang gửi thông báo #", await Choose(bot, "ad", 1, "Gửi ngay"));
    }
}
