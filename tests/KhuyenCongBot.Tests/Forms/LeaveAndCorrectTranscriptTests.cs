using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// What an outside tester found in the trade-fair form on the terminal chat (issue 16), on the terminal, Telegram and Zalo: a date
/// taken as the fair's name, "thôi không ghi nữa" offered as a new facility's name, a correction naming a field not understood.
/// </summary>
public sealed class LeaveAndCorrectTranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Channels() => new() { "terminal", "telegram", "zalo" };

    private Task<string> Say(IChatDriver bot, string text) => bot.SayLoggedAsync(output, "o1", text);

    private static async Task<IChatDriver> StartAsync(string channel)
    {
        var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        bot.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        return bot;
    }

    private static string? Answer(IChatDriver bot, string field)
    {
        var id = bot.Store.Users.FindByIdentity(bot.IdentityOf("o1"))!.Id;
        return bot.Store.Conversations.Get(id)?.Data.GetValueOrDefault("a:" + field);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_date_or_a_number_typed_for_the_fairs_name_is_refused_and_nothing_is_lost(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "/ghi hội chợ");
        Assert.Contains("Tên hội chợ", await Say(bot, "Gốm Phù Lãng"));
        var facility = Answer(bot, "facility");
        Assert.NotNull(facility);

        var date = await Say(bot, "20/11/2026");
        Assert.Contains("\"20/11/2026\" là một ngày, còn câu này hỏi tên hội chợ/triển lãm", date);
        Assert.Contains("\"Ngày tham gia\" sẽ được hỏi ở câu sau", date);
        Assert.Null(Answer(bot, "fair_name"));
        Assert.Contains("là một con số", await Say(bot, "3"));
        Assert.Contains("là tên một lệnh", await Say(bot, "báo cáo"));
        Assert.Contains("trông như một câu hỏi", await Say(bot, "được mấy gian rồi?"));
        Assert.Null(Answer(bot, "fair_name"));
        Assert.Equal(facility, Answer(bot, "facility"));

        // A name with a year in it is a name.
        Assert.Contains("✓ Tên hội chợ/triển lãm: Hội chợ CNNT khu vực phía Bắc 2026", await Say(bot, "Hội chợ CNNT khu vực phía Bắc 2026"));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_date_typed_at_the_facility_question_is_not_offered_as_a_new_facility(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "/ghi hội chợ");
        var reply = await Say(bot, "20/11/2026");
        Assert.DoesNotContain("Tạo mới", reply);
        Assert.Contains("là một ngày, còn câu này hỏi cơ sở", reply);
        Assert.DoesNotContain("Tạo mới", await Say(bot, "5"));
    }

    [Theory]
    [InlineData("terminal", "thôi không ghi nữa")]
    [InlineData("terminal", "thôi")]
    [InlineData("terminal", "không ghi nữa")]
    [InlineData("terminal", "dừng lại")]
    [InlineData("terminal", "huỷ bỏ")]
    [InlineData("terminal", "thoi khong ghi nua nhe")]
    [InlineData("terminal", "để sau")]
    [InlineData("telegram", "thôi không ghi nữa")]
    [InlineData("zalo", "thôi không ghi nữa")]
    [InlineData("zalo", "dung lai")]
    public async Task A_leaving_phrase_leaves_the_form_and_keeps_its_answers_as_a_draft(string channel, string words)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "/ghi hội chợ");
        await Say(bot, "Gốm Phù Lãng");
        await Say(bot, "Hội chợ Xuân 2026");
        var left = await Say(bot, words);
        Assert.DoesNotContain("Tạo mới", left);
        Assert.Contains("Đã dừng phiếu \"Hội chợ, triển lãm\"", left);
        Assert.Contains("giữ làm nháp", left);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        Assert.Empty(bot.Store.Records.All());

        // Free again: a question is answered as a question.
        Assert.DoesNotContain("Việc đang dở", await Say(bot, "bao nhiêu gian hàng năm 2025"));

        // The next /ghi offers the draft; continuing asks the question it was left at, with the answers kept.
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await Say(bot, "/ghi"));
        var resumed = await Say(bot, "tiếp");
        Assert.Contains("❓ Số gian hàng", resumed);
        Assert.Equal("Hội chợ Xuân 2026", Answer(bot, "fair_name"));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Thoi_at_the_continue_question_keeps_the_draft_aside_and_moi_drops_it(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "/ghi hội chợ");
        await Say(bot, "Gốm Phù Lãng");
        await Say(bot, "thôi");
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await Say(bot, "ghi hội chợ"));
        Assert.Contains("vẫn được giữ làm nháp", await Say(bot, "thôi"));
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await Say(bot, "/ghi"));
        var fresh = await Say(bot, "mới");
        Assert.Contains("Đã bỏ phiếu dở", fresh);
        Assert.Contains("Ghi nhận hoạt động nào", fresh);
        Assert.DoesNotContain("Tiếp tục phiếu đó hay bỏ", await Say(bot, "/huy") + await Say(bot, "/ghi"));
    }

    [Theory]
    [InlineData("terminal", "nhầm, số gian hàng là 4", "Số gian hàng: 3 gian hàng → 4 gian hàng")]
    [InlineData("terminal", "sửa ngày là 20/11", "Ngày tham gia: 26/11/2026 → 20/11/2026")]
    [InlineData("terminal", "nhầm, ngày nghiệm thu là 20/11", "Ngày tham gia: 26/11/2026 → 20/11/2026")]
    [InlineData("terminal", "sua so gian hang thanh 4", "Số gian hàng: 3 gian hàng → 4 gian hàng")]
    [InlineData("terminal", "đổi tên hội chợ là Hội chợ Đông 2026", "Tên hội chợ/triển lãm: Hội chợ Xuân 2026 → Hội chợ Đông 2026")]
    [InlineData("telegram", "nhầm, ngày nghiệm thu là 20/11", "Ngày tham gia: 26/11/2026 → 20/11/2026")]
    [InlineData("zalo", "nhầm, số gian hàng là 4", "Số gian hàng: 3 gian hàng → 4 gian hàng")]
    public async Task A_correction_naming_a_field_at_the_summary_changes_it_and_shows_what_changed(string channel, string correction, string change)
    {
        await using var bot = await StartAsync(channel);
        foreach (var line in new[] { "/ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân 2026", "3", "hôm nay", "bỏ qua", "chính thức", "bỏ qua" })
        {
            await Say(bot, line);
        }
        var changed = await Say(bot, correction);
        Assert.Contains("✏ Đã sửa " + change, changed);
        Assert.Contains("Kiểm tra trước khi lưu", changed);
        await Say(bot, "lưu");
        var record = Assert.Single(bot.Store.Records.All());
        if (change.StartsWith("Số gian hàng", StringComparison.Ordinal))
        {
            Assert.Equal(4, record.Booths);
        }
        else if (change.StartsWith("Ngày", StringComparison.Ordinal))
        {
            Assert.Equal(new DateOnly(2026, 11, 20), record.Date);
        }
        else
        {
            Assert.Equal("Hội chợ Đông 2026", record.Extra["fair_name"]);
        }
    }

    [Fact]
    public async Task A_correction_typed_mid_form_changes_the_earlier_answer_and_asks_the_same_question_again()
    {
        await using var bot = await StartAsync("terminal");
        foreach (var line in new[] { "/ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân 2026", "3" })
        {
            await Say(bot, line);
        }
        var changed = await Say(bot, "nhầm, số gian hàng là 2 gian");
        Assert.Contains("✏ Đã sửa Số gian hàng: 3 gian hàng → 2 gian hàng", changed);
        Assert.Contains("❓ Ngày tham gia", changed);
        Assert.Equal("2", Answer(bot, "booths"));
        // A value the field refuses changes nothing; a field the form lacks is named as such.
        Assert.Contains("Chưa sửa \"Số gian hàng\"", await Say(bot, "sửa số gian hàng là 80"));
        Assert.Equal("2", Answer(bot, "booths"));
        Assert.Contains("không có câu nào là \"số học viên\"", await Say(bot, "sửa số học viên là 30"));
        // An amount far outside its range is asked back before it is taken.
        Assert.Contains("Ý bạn là 85 triệu", await Say(bot, "đổi kinh phí thành 85"));
    }

    [Theory]
    [InlineData("/moi")]
    [InlineData("/nguoidung")]
    [InlineData("/thongbao")]
    public async Task Another_dialog_opened_over_a_form_keeps_the_forms_answers_as_a_draft(string command)
    {
        await using var bot = await StartAsync("terminal");
        foreach (var line in new[] { "/ghi hội chợ", "Phú Thọ", "Gốm Phù Lãng", "Hội chợ Xuân 2026" })
        {
            await bot.SayLoggedAsync(output, "ad", line);
        }
        Assert.Contains("Phiếu đang dở được giữ làm nháp", await bot.SayLoggedAsync(output, "ad", command));
        await bot.SayLoggedAsync(output, "ad", "thôi");
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await bot.SayLoggedAsync(output, "ad", "/ghi"));
        Assert.Contains("❓ Số gian hàng", await bot.SayLoggedAsync(output, "ad", "tiếp"));
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task A_leaving_phrase_with_nothing_open_says_so_instead_of_a_figures_miss(string channel)
    {
        await using var bot = await StartAsync(channel);
        var reply = await Say(bot, "thôi không làm nữa");
        Assert.Contains("Không có thao tác nào đang làm dở", reply);
        Assert.DoesNotContain("chưa hiểu", reply);
    }

    [Fact]
    public async Task My_records_typed_while_a_form_is_open_says_the_form_waits_and_luu_at_the_note_means_done()
    {
        await using var bot = await StartAsync("terminal");
        foreach (var line in new[] { "/ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân 2026", "3", "hôm nay", "bỏ qua", "chính thức" })
        {
            await Say(bot, line);
        }
        Assert.Contains("Việc đang dở", await Say(bot, "/cuatoi"));
        Assert.Contains("❓ Ghi chú", await Say(bot, "tiếp"));
        var summary = await Say(bot, "lưu");
        Assert.Contains("⏭ Bỏ qua: Ghi chú", summary);
        Assert.Contains("Kiểm tra trước khi lưu", summary);
        Assert.Null(Answer(bot, "note") is { Length: > 0 } note ? note : null);
        await Say(bot, "lưu");
        Assert.Single(bot.Store.Records.All());
    }

    [Theory]
    [InlineData("/nguoidung", "dừng lại")]
    [InlineData("/nguoidung", "thôi không làm nữa")]
    [InlineData("/moi", "huỷ bỏ")]
    [InlineData("/moi", "thoi nhe")]
    public async Task A_leaving_phrase_leaves_a_list_dialog(string command, string words)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        await bot.SayLoggedAsync(output, "ad", command);
        Assert.NotNull(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
        Assert.Contains("Đã hủy", await bot.SayLoggedAsync(output, "ad", words));
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "ad"));
    }

    [Theory]
    [InlineData("thôi", true)]
    [InlineData("thôi không ghi nữa", true)]
    [InlineData("không ghi nữa", true)]
    [InlineData("dừng lại", true)]
    [InlineData("dừng", true)]
    [InlineData("huỷ bỏ", true)]
    [InlineData("hủy", true)]
    [InlineData("Thôi nhé", true)]
    [InlineData("thoi khong lam nua", true)]
    [InlineData("để sau đi", true)]
    [InlineData("cancel", true)]
    [InlineData("đúng", false)]
    [InlineData("dung", false)]
    [InlineData("không", false)]
    [InlineData("bỏ qua", false)]
    [InlineData("Hội chợ Xuân", false)]
    [InlineData("thôi miên", false)]
    [InlineData("Cơ sở dừng lại ở đâu", false)]
    public void Leaving_words(string text, bool leaving) =>
        Assert.Equal(leaving, KhuyenCongBot.Core.Conversations.LeavingWords.Are(text));
}
