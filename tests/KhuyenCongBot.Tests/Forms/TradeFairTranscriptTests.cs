using KhuyenCongBot.Core.Records;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The trade-fair form end to end through the terminal harness: happy path, validation, back/skip/cancel/edit, skip logic.</summary>
public sealed class TradeFairTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] ToSummary =
        ["/ghi", "hội chợ", "phu lang", "1", "Hội chợ CNNT khu vực phía Bắc", "3", "hôm nay", "120tr", "2", "1", "bỏ qua"];

    [Fact]
    public async Task Happy_path_saves_one_complete_record_with_an_audit_entry()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", ToSummary);
        output.WriteLine(transcript);
        Assert.Contains("120.000.000 đồng (một trăm hai mươi triệu đồng)", transcript);
        Assert.Contains("Kiểm tra trước khi lưu", transcript);
        Assert.Empty(bot.Store.Records.All());

        var receipt = await bot.Say("lưu", "o1");
        output.WriteLine(receipt);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Contains($"Đã lưu bản ghi số {record.Id}", receipt);
        Assert.Contains("Ghi thêm như vậy", receipt);
        Assert.Equal("trade_fair", record.ActivityId);
        Assert.Equal("phu-tho", record.ProvinceId);
        Assert.Equal("Gốm Phù Lãng", record.FacilityName);
        Assert.NotNull(record.FacilityId);
        Assert.Equal("xã Phù Lãng", record.Commune);
        Assert.Equal(3, record.Booths);
        Assert.Equal(FormTestKit.Today, record.Date);
        Assert.Equal(120_000_000, record.FundingVnd);
        Assert.Equal("KCDP", record.FundingSource);
        Assert.Equal(RecordStatus.Actual, record.Status);
        Assert.Equal("Hội chợ CNNT khu vực phía Bắc", record.Extra["fair_name"]);
        Assert.Null(record.Note);
        Assert.Equal("form", record.Source);
        var audit = Assert.Single(bot.Store.Audit.ForEntity("record", record.Id.ToString()));
        Assert.Equal("create", audit.Action);
        Assert.Contains("Gốm Phù Lãng", audit.After);
        var user = bot.Store.Users.FindByIdentity("terminal:o1")!;
        Assert.Null(bot.Store.Conversations.Get(user.Id)!.Flow);
    }

    [Theory]
    [InlineData("ghi hội chợ", "Hội chợ, triển lãm")]
    [InlineData("ghi hoi cho", "Hội chợ, triển lãm")]
    [InlineData("thêm hỗ trợ máy móc", "Ứng dụng máy móc thiết bị")]
    [InlineData("/ghi tư vấn", "Tư vấn phát triển công nghiệp")]
    [InlineData("/log training", "Đào tạo, truyền nghề")]
    public async Task A_form_starts_by_saying_it_or_by_command(string line, string title)
    {
        using var bot = FormTestKit.WithOfficer();
        var reply = await bot.Say(line, "o1");
        Assert.Contains("Phiếu mới: " + title, reply);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("3,5")]
    [InlineData("nhiều")]
    [InlineData("-2")]
    public async Task A_wrong_booth_count_gets_the_rule_and_the_same_question(string answer)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
        var reply = await bot.Say(answer, "o1");
        Assert.Contains("Số gian hàng phải là số nguyên từ 1 đến 50", reply);
        Assert.Contains("❓ Số gian hàng", reply);
        Assert.Contains("❓ Ngày", await bot.Say("50 gian hàng", "o1"));
    }

    [Fact]
    public async Task After_three_misses_a_hint_with_an_example()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
        Assert.DoesNotContain("Ví dụ một câu trả lời đúng", await bot.Say("abc", "o1"));
        Assert.DoesNotContain("Ví dụ một câu trả lời đúng", await bot.Say("100", "o1"));
        var third = await bot.Say("0", "o1");
        Assert.Contains("Ví dụ một câu trả lời đúng: 3", third);
    }

    [Theory]
    [InlineData("32/13/2024", "Ngày chưa đúng")]
    [InlineData("hôm kìa kìa", "Ngày chưa đúng")]
    [InlineData("15/12/2027", "quá xa")]
    [InlineData("1/1/2001", "quá cũ")]
    public async Task A_wrong_date_gets_a_specific_reason(string answer, string reason)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        var reply = await bot.Say(answer, "o1");
        Assert.Contains(reason, reply);
        Assert.Contains("❓ Ngày", reply);
    }

    [Theory]
    [InlineData("hôm qua", 2026, 11, 25)]
    [InlineData("15/5", 2026, 5, 15)]
    [InlineData("15/05/2025", 2025, 5, 15)]
    [InlineData("2", 2026, 11, 26)]
    public async Task Dates_are_read_as_officers_type_them(string answer, int y, int m, int d)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        if (answer == "2")
        {
            // "2" is not a choice here (date quick answers are not numbered): it is refused, then the button works.
            Assert.Contains("Ngày chưa đúng", await bot.Say(answer, "o1"));
            await bot.Press("f:5:today", "o1");
        }
        else
        {
            await bot.Say(answer, "o1");
        }
        await FormTestKit.Talk(bot, "o1", "bỏ qua", "1", "bỏ qua", "lưu");
        Assert.Equal(new DateOnly(y, m, d), Assert.Single(bot.Store.Records.All()).Date);
    }

    [Theory]
    [InlineData("1,5 tỷ", 1_500_000_000, "1.500.000.000 đồng (một tỉ năm trăm triệu đồng)")]
    [InlineData("45.000.000", 45_000_000, "45.000.000 đồng")]
    [InlineData("15.000 nghìn", 15_000_000, "15.000.000 đồng")]
    public async Task Money_is_read_back_in_full_and_in_words(string answer, long vnd, string readBack)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "10", "hôm nay");
        var reply = await bot.Say(answer, "o1");
        Assert.Contains(readBack, reply);
        Assert.Contains("❓ Nguồn kinh phí", reply);
        var summary = await FormTestKit.Talk(bot, "o1", "1", "1", "bỏ qua");
        Assert.Contains(readBack, summary);
        await bot.Say("lưu", "o1");
        Assert.Equal(vnd, Assert.Single(bot.Store.Records.All()).FundingVnd);
    }

    [Fact]
    public async Task Wrong_money_gets_the_rule()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm nay");
        var reply = await bot.Say("nhiều tiền", "o1");
        Assert.Contains("Kinh phí khuyến công hỗ trợ phải là số tiền", reply);
        Assert.Contains("120tr", reply);
        Assert.Contains("không quá 50 tỷ", await bot.Say("60 tỷ", "o1"));
    }

    [Fact]
    public async Task Funding_source_is_asked_only_when_an_amount_was_given()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm nay", "bỏ qua");
        Assert.DoesNotContain("Nguồn kinh phí", transcript);
        Assert.Contains("❓ Số liệu", transcript);
        var summary = await FormTestKit.Talk(bot, "o1", "Ước thực hiện", "bỏ qua");
        Assert.DoesNotContain("Nguồn kinh phí", summary);

        // Giving an amount afterwards makes the source relevant: it is asked before the summary comes back.
        var edit = await bot.Say("sửa 6", "o1");
        Assert.Contains("❓ Kinh phí khuyến công hỗ trợ", edit);
        Assert.Contains("❓ Nguồn kinh phí", await bot.Say("200tr", "o1"));
        Assert.Contains("Nguồn kinh phí: Khuyến công quốc gia", await bot.Say("1", "o1"));

        // Removing it again drops the source from the summary and from the record.
        await bot.Say("sửa 6", "o1");
        var back = await bot.Say("0", "o1");
        Assert.DoesNotContain("Nguồn kinh phí", back);
        await bot.Say("lưu", "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Null(record.FundingSource);
        Assert.Equal(0, record.FundingVnd);
        Assert.Equal(RecordStatus.Estimate, record.Status);
    }

    [Fact]
    public async Task Back_shows_the_earlier_question_with_its_answer_and_keeps_it()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
        var back = await bot.Say("quay lại", "o1");
        Assert.Contains("❓ Tên hội chợ/triển lãm", back);
        Assert.Contains("Hiện tại: Hội chợ Xuân", back);
        var kept = await bot.Say("Giữ: Hội chợ Xuân", "o1");
        Assert.Contains("❓ Số gian hàng", kept);
        await bot.Say("back", "o1");
        Assert.Contains("❓ Số gian hàng", await bot.Say("Hội chợ Thu", "o1"));
        await FormTestKit.Talk(bot, "o1", "4", "hôm nay", "bỏ qua", "1", "bỏ qua", "lưu");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal("Hội chợ Thu", record.Extra["fair_name"]);
        Assert.Equal(4, record.Booths);
    }

    [Fact]
    public async Task Skip_works_only_on_optional_questions()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng");
        var refused = await bot.Say("bỏ qua", "o1");
        Assert.Contains("là bắt buộc, không bỏ qua được", refused);
        Assert.Contains("❓ Tên hội chợ/triển lãm", refused);
        await FormTestKit.Talk(bot, "o1", "Hội chợ Xuân", "3", "hôm nay");
        Assert.Contains("⏭ Bỏ qua: Kinh phí", await bot.Say("skip", "o1"));
    }

    [Theory]
    [InlineData("/huy")]
    [InlineData("hủy")]
    [InlineData("cancel")]
    public async Task Cancel_at_any_step_saves_nothing(string cancel)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        var reply = await bot.Say(cancel, "o1");
        // The form is left and nothing saved; the answers are kept as a draft the next /ghi offers (issue 16: nothing is lost).
        Assert.Contains("Đã dừng phiếu", reply);
        Assert.Contains("giữ làm nháp", reply);
        Assert.Empty(bot.Store.Records.All());
        var user = bot.Store.Users.FindByIdentity("terminal:o1")!;
        Assert.Null(bot.Store.Conversations.Get(user.Id)!.Flow);
        // The form is gone: a "3" meant for it picks nothing and says the list closed.
        Assert.Contains("không ứng với lựa chọn nào đang mở", await bot.Say("3", "o1"));
    }

    [Fact]
    public async Task The_summary_lets_any_field_be_changed_before_saving()
    {
        using var bot = FormTestKit.WithOfficer();
        var summary = await FormTestKit.Talk(bot, "o1", ToSummary);
        Assert.Contains("4. Số gian hàng: 3 gian hàng", summary);
        Assert.Contains("❓ Số gian hàng", await bot.Say("sửa 4", "o1"));
        var again = await bot.Say("5", "o1");
        Assert.Contains("4. Số gian hàng: 5 gian hàng", again);
        Assert.Contains("Không có câu số 42", await bot.Say("sửa 42", "o1"));
        // The Sửa button lists the fields; picking one asks it.
        Assert.Contains("Sửa câu nào", TextOf(await bot.Press("f:edit", "o1")));
        Assert.Contains("❓ Tên hội chợ/triển lãm", TextOf(await bot.Press("f:e:3", "o1")));
        await bot.Say("Hội chợ Làng nghề Phú Thọ", "o1");
        await bot.Say("lưu", "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(5, record.Booths);
        Assert.Equal("Hội chợ Làng nghề Phú Thọ", record.Extra["fair_name"]);
    }

    [Fact]
    public async Task A_former_province_name_is_mapped_to_the_current_unit_and_said()
    {
        using var bot = FormTestKit.WithOfficer();
        Assert.Contains("1. Tỉnh/thành phố: Phú Thọ", await FormTestKit.Talk(bot, "o1", ToSummary));
        Assert.Contains("❓ Tỉnh/thành phố", await bot.Say("sửa 1", "o1"));
        var reply = await bot.Say("vinh phuc", "o1");
        Assert.Contains("Vĩnh Phúc đã hợp nhất vào Phú Thọ từ 01/07/2025", reply);
        await bot.Say("sửa 1", "o1");
        Assert.Contains("nằm ngoài phạm vi của bạn", await bot.Say("Hà Nội", "o1"));
        Assert.Contains("Không tìm thấy tỉnh", await bot.Say("Xứ Đoài", "o1"));
        await bot.Say("Phu Tho", "o1");
        await bot.Say("lưu", "o1");
        Assert.Equal("phu-tho", Assert.Single(bot.Store.Records.All()).ProvinceId);
    }

    private static string TextOf(IReadOnlyList<KhuyenCongBot.Core.Messaging.Reply> replies) =>
        string.Join("\n", replies.Select(r => KhuyenCongBot.Core.Messaging.TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds)));
}
