using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// Issue 16 and an outside tester (finding 15): a question answered aside of a paused form (or another dialog) showed a numbered
/// list. A number typed next picks from the list the person saw last, every time (after a chart or an Excel file the figures'
/// list came again, and "1" went to the form as a figures button: "⚠ Chọn một đề án…"); the paused dialog says it waits, or asks
/// its question again when the side answer showed no list; "tiếp" brings back the question of any dialog, not only a form's.
/// </summary>
public sealed class SideListNumberTests(ITestOutputHelper output)
{
    private static BotHarness Create()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("o", Role.Officer, "phu-tho");
        bot.AddUser("a", Role.Admin);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text, string user = "o")
    {
        // A person takes some seconds per message: the figures' memory of when the last question was answered moves with it.
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    [Fact]
    public async Task A_number_after_a_chart_drawn_aside_picks_from_the_chart_list_not_the_form()
    {
        using var bot = Create();
        Assert.Contains("❓ Thuộc đề án nào?", await Say(bot, "ghi máy móc"));
        var figure = await Say(bot, "bao nhiêu gian hàng năm nay");
        Assert.Contains("4. Biểu đồ", figure);
        Assert.Contains("Số bạn gõ lúc này là chọn trong danh sách ngay trên", figure);

        var chart = await Say(bot, "4");
        Assert.Contains("Biểu đồ:", chart);
        Assert.Contains("1. Theo tháng", chart);
        // The form still waits, and says so after this side answer too.
        Assert.Contains("Việc đang dở", chart);

        var months = await Say(bot, "1");
        Assert.Contains("Chia theo tháng", months);
        Assert.DoesNotContain("Chọn một đề án", months);

        // "tiếp" brings the form's question back; its own numbers then answer it.
        Assert.Contains("❓ Thuộc đề án nào?", await Say(bot, "tiếp"));
        Assert.Contains("✓ Thuộc đề án nào?: KC-2026-01", await Say(bot, "1"));
    }

    [Fact]
    public async Task A_number_after_an_excel_file_sent_aside_picks_from_the_list_shown_with_it()
    {
        using var bot = Create();
        await Say(bot, "ghi máy móc");
        await Say(bot, "bao nhiêu gian hàng năm nay");
        Assert.Contains("Tệp Excel", await Say(bot, "5"));
        var compared = await Say(bot, "3");
        Assert.Contains("So với cùng kỳ", compared);
        Assert.DoesNotContain("Chọn một đề án", compared);
        Assert.DoesNotContain("✓ Thuộc đề án nào?", compared);
    }

    [Fact]
    public async Task A_project_step_picked_from_cuatoi_over_a_form_keeps_the_form_as_a_draft_and_tiep_goes_on()
    {
        using var bot = Create();
        await Say(bot, "ghi máy móc");
        Assert.Contains("✓ Thuộc đề án nào?: KCĐP-2026-03", await Say(bot, "2"));
        Assert.Contains("1. 📁 Chuyển bước đề án", await Say(bot, "/cuatoi"));
        var move = await Say(bot, "1");
        Assert.Contains("nghiệm thu ngày nào", move);
        Assert.Contains("giữ làm nháp", move);
        Assert.Contains("Ghi như vậy?", await Say(bot, "1"));
        Assert.Contains("Đã ghi", await Say(bot, "1"));
        var back = await Say(bot, "tiếp");
        Assert.Contains("Ứng dụng máy móc thiết bị", back);
        Assert.DoesNotContain("❓ Thuộc đề án nào?", back);
    }

    [Fact]
    public async Task Tiep_in_a_broadcast_being_written_shows_its_question_again_and_a_number_then_answers_it()
    {
        using var bot = Create();
        await Say(bot, "/thongbao", "a");
        var audience = await Say(bot, "Họp giao ban ngày 1/12.", "a");
        Assert.Contains("1. Tất cả", audience);
        var figure = await Say(bot, "bao nhiêu gian hàng năm nay", "a");
        Assert.Contains("gõ \"tiếp\" để xem lại câu hỏi đang dở", figure);
        var again = await Say(bot, "tiếp", "a");
        Assert.Contains("1. Tất cả", again);
        Assert.DoesNotContain("⚠", again);
        var picked = await Say(bot, "1", "a");
        Assert.DoesNotContain("Theo tỉnh", picked);
        Assert.DoesNotContain("gian hàng", picked);
    }

    [Fact]
    public async Task Tiep_at_the_actual_figures_question_after_a_figures_question_shows_it_again_and_the_number_answers_it()
    {
        // The outside tester's second case: "/sua N" → "🔄 Cập nhật số chính thức" → a figures question → "tiếp" was "Chưa đọc được
        // 'tiếp' thành một số".
        using var bot = Forms.FormTestKit.WithOfficer();
        await Forms.FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "2", "bỏ qua", "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(10));
        Assert.Contains("Số ước: 3 gian hàng", await Say(bot, $"/sua {id}", "o1") + await Say(bot, "1", "o1"));
        Assert.Contains("Việc đang dở", await Say(bot, "bao nhiêu gian hàng năm 2026", "o1"));
        var again = await Say(bot, "tiếp", "o1");
        Assert.Contains("Số ước: 3 gian hàng", again);
        Assert.DoesNotContain("Chưa đọc được", again);
        var taken = await Say(bot, "4", "o1");
        Assert.DoesNotContain("Biểu đồ", taken);
        Assert.DoesNotContain("Chưa đọc được", taken);
        Assert.Equal(3, Assert.Single(bot.Store.Records.All()).Booths);
    }
}
