using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>Small replies an outside tester found wrong (issue 16): a number beyond the list still open, "/start CODE" from someone
/// already registered, a negative plan, a plan compared with last year's while the one it replaces is shown, a manager's /dean.</summary>
public sealed partial class SmallDialogRepliesTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task A_number_beyond_the_open_list_says_which_numbers_the_list_has_not_that_it_closed()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var report = await bot.Say("/baocao năm 2025", "m");
        Assert.Contains("1. Tải Excel", report);

        var six = await bot.Say("6", "m");
        Assert.Contains("không có trong danh sách vừa hiện: chọn từ 1 đến 2", six);
        Assert.DoesNotContain("đã đóng", six);

        // The list is still there: "1" picks from it.
        Assert.Contains(".xlsx]", await bot.Say("1", "m"));
    }

    [Fact]
    public async Task Start_with_a_code_from_a_registered_person_says_the_code_was_left_for_its_invitee()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        bot.AddUser("lan", Role.Officer, "phu-tho");
        await bot.Say("/moi");
        await bot.Say("2");
        var code = CodeRx().Match(await bot.Say("Hà Nội")).Groups[1].Value;
        Assert.Equal(8, code.Length);

        var started = await bot.Say("/start " + code, "lan");
        Assert.Contains($"mã mời {code} không được dùng cho bạn", started);
        Assert.Contains("cán bộ khuyến công, Phú Thọ", started);
        var bare = await bot.Say(code.ToLowerInvariant(), "lan");
        Assert.Contains($"mã mời {code} không được dùng cho bạn", bare);
        Assert.DoesNotContain("chưa hiểu", bare);

        // Lan is unchanged and the code still works for the person it was made for.
        var lan = bot.Store.Users.FindByIdentity("terminal:lan")!;
        Assert.Equal((Role.Officer, "phu-tho"), (lan.Role, lan.ScopeId));
        Assert.Contains("Chào mừng", await bot.Say("/start " + code, "minh"));
        Assert.Equal(Role.Manager, bot.Store.Users.FindByIdentity("terminal:minh")!.Role);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("−150")]
    public async Task A_negative_plan_is_refused_as_negative_not_as_an_unknown_province(string amount)
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        var reply = await bot.Say("/kehoach 2027 Phu Tho gian hang " + amount, "ad");
        Assert.Contains($"Số kế hoạch không thể âm (\"{amount}\")", reply);
        Assert.DoesNotContain("Không có tỉnh", reply);
        Assert.Empty(bot.Store.Plans.ForYear(2027));
    }

    [Fact]
    public async Task Replacing_a_plan_is_measured_against_the_plan_it_replaces_not_last_years()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        await bot.Say("/kehoach 2026 Phú Thọ gian hàng 15", "ad");
        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");
        await bot.Say("có", "ad"); // ten times 2026's plan: confirmed
        Assert.Equal(150m, Plan(bot, 2027));

        // 160 is close to the 150 it replaces: one question, the overwrite, with no "ten times" about 2026.
        var close = await bot.Say("/kehoach 2027 Phú Thọ gian hàng 160", "ad");
        Assert.Contains("hiện là 150 gian hàng. Đổi thành 160 gian hàng?", close);
        Assert.DoesNotContain("gấp", close);
        Assert.Contains("Đã đặt", await bot.Say("có", "ad"));
        Assert.Equal(160m, Plan(bot, 2027));

        // 1.600 is ten times the plan it replaces: said in the overwrite question itself, saved only when confirmed.
        var far = await bot.Say("/kehoach 2027 Phú Thọ gian hàng 1600", "ad");
        Assert.Contains("hiện là 160 gian hàng; 1.600 gian hàng gấp 10 lần. Đổi thành 1.600 gian hàng?", far);
        Assert.DoesNotContain("năm 2026", far);
        await bot.Say("không", "ad");
        Assert.Equal(160m, Plan(bot, 2027));
    }

    [Fact]
    public async Task A_managers_project_list_does_not_ask_to_choose_when_there_is_nothing_to_choose()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        bot.AddUser("ad", Role.Admin);
        var manager = await bot.Say("/dean", "m");
        Assert.Contains("📁 Đề án đang theo dõi", manager);
        Assert.DoesNotContain("chọn để chuyển sang bước tiếp", manager);
        Assert.Matches(@"ví dụ ""đề án KC[ĐP]*-\d{4}-\d+ thế nào""", manager);
        Assert.DoesNotMatch(@"(?m)^1\. ", manager);

        Assert.Contains("chọn để chuyển sang bước tiếp", await bot.Say("/dean", "ad"));
    }

    [Fact]
    public async Task Cancel_with_only_a_kept_draft_says_the_draft_is_kept_not_that_nothing_is_there()
    {
        using var bot = FormTestKit.WithOfficer();
        Assert.Contains("Đã dừng phiếu", await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "/huy"));
        var cancelled = await bot.Say("/huy", "o1");
        Assert.Contains("Phiếu nhập dở trước đó vẫn được giữ", cancelled);
        Assert.DoesNotContain("Không có thao tác nào đang làm dở", cancelled);
        Assert.Contains("Bạn đang nhập dở", await bot.Say("/ghi", "o1"));

        using var fresh = FormTestKit.WithOfficer();
        Assert.Contains("Không có thao tác nào đang làm dở", await fresh.Say("/huy", "o1"));
    }

    [Theory]
    [InlineData("danh sách")]
    [InlineData("danh sach")]
    [InlineData("ds")]
    public async Task List_words_typed_as_a_broadcasts_text_show_the_list_instead_of_asking_whom_to_send_them_to(string typed)
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        Assert.Contains("Soạn thông báo", await bot.Say("/thongbao"));
        var listed = await bot.Say(typed);
        Assert.DoesNotContain("Gửi cho ai?", listed);
        Assert.Equal(await bot.Say("/thongbao danh sach"), listed);
        var admin = bot.Store.Users.FindByIdentity("terminal:admin")!;
        Assert.Null(bot.Store.Conversations.Get(admin.Id)?.Flow);
    }

    [Theory]
    [InlineData("ko")]
    [InlineData("k")]
    [InlineData("không")]
    public async Task A_short_no_at_the_optional_project_question_means_no_project(string no)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        await bot.Say("/ghi", "o1");
        Assert.Contains("Thuộc đề án nào?", await bot.Say("hoi cho", "o1"));
        var next = await bot.Say(no, "o1");
        Assert.Contains("✓ Thuộc đề án nào?: Không thuộc đề án nào", next);
        Assert.Contains("❓ Cơ sở", next);
    }

    private static decimal? Plan(BotHarness bot, int year) =>
        bot.Store.Plans.ForYear(year).FirstOrDefault(p => p.ProvinceId == "phu-tho" && p.Metric == "trade_fair.booths")?.Target;

    [GeneratedRegex(@": ([A-Z2-9]{8})\b")]
    private static partial Regex CodeRx();
}
