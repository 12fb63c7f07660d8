using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>Answers typed as people type them: yes/no words, the shortcuts shown under "Hoặc gõ:", numbers with units or in words,
/// an activity's name at "continue or start new?", typed numbers that agree with the numbered list shown.</summary>
public sealed class TypedAnswersTests(ITestOutputHelper output)
{
    private static readonly string[] OneFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "1", "bỏ qua", "lưu"];

    [Theory]
    [InlineData("có", true)]
    [InlineData("co", true)]
    [InlineData("ok", true)]
    [InlineData("ừ", true)]
    [InlineData("đồng ý", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("Xóa hẳn", true)]
    [InlineData("không", false)]
    [InlineData("khong", false)]
    [InlineData("no", false)]
    [InlineData("2", false)]
    public async Task The_delete_question_takes_yes_and_no_words(string typed, bool deleted)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await FormTestKit.Talk(bot, "o1", "/cuatoi", "1");
        Assert.Contains($"Xóa bản ghi số {id}?", await bot.Say("Xóa", "o1"));
        var answer = await bot.Say(typed, "o1");
        output.WriteLine(answer);
        Assert.DoesNotContain("chưa hiểu", answer);
        Assert.Equal(deleted ? 0 : 1, bot.Store.Records.All().Count());
        if (deleted)
        {
            Assert.Contains($"Đã xóa bản ghi số {id}", answer);
        }
    }

    [Theory]
    [InlineData("mac dinh")]
    [InlineData("Mặc định")]
    [InlineData("mặc định: 1 lớp")]
    [InlineData("mac")]
    public async Task The_default_shortcut_works_as_typed(string typed)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Đan lát mây tre");
        Assert.Contains("Mặc định: 1 lớp", transcript);
        var answer = await bot.Say(typed, "o1");
        output.WriteLine(transcript + answer);
        Assert.Contains("✓ Số lớp: 1 lớp", answer);
        Assert.Contains("✓ Số học viên: 35", await bot.Say("35 hv", "o1"));
    }

    [Theory]
    [InlineData("giu")]
    [InlineData("giữ")]
    [InlineData("Giữ")]
    public async Task The_keep_shortcut_works_as_typed(string typed)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var transcript = await FormTestKit.Talk(bot, "o1", "/cuatoi", "1", "Sửa", "sửa 4");
        Assert.Contains("Giữ", transcript);
        var kept = await bot.Say(typed, "o1");
        output.WriteLine(transcript + kept);
        Assert.DoesNotContain("⚠", kept);
        Assert.Contains("4. Số gian hàng: 3 gian hàng", kept);
    }

    [Theory]
    [InlineData("trade_fair", "booths", "2 gian", 2)]
    [InlineData("trade_fair", "booths", "hai gian", 2)]
    [InlineData("trade_fair", "booths", "2gian", 2)]
    [InlineData("trade_fair", "booths", "2 gian hàng", 2)]
    [InlineData("trade_fair", "booths", "mười hai gian hàng", 12)]
    [InlineData("training", "trainees", "35 hv", 35)]
    [InlineData("training", "trainees", "35 học viên", 35)]
    [InlineData("training", "classes", "2 lớp", 2)]
    [InlineData("machinery", "equipment_count", "2 may", 2)]
    public void Numbers_with_units_and_in_words_are_read(string form, string field, string typed, long expected)
    {
        using var bot = FormTestKit.Create();
        var f = Field(bot, form, field);
        var result = FieldReader.Read(f, typed, FormTestKit.Today, bot.Catalogue, new BotUser { Role = Role.Admin }, KhuyenCongBot.Tests.Support.TestTexts.Seeds, false);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Theory]
    [InlineData("ngân sách tỉnh", "KCDP")]
    [InlineData("ngan sach tinh", "KCDP")]
    [InlineData("ngân sách trung ương", "KCQG")]
    [InlineData("quốc gia", "KCQG")]
    public void Funding_sources_are_read_by_the_names_people_use(string typed, string expected)
    {
        using var bot = FormTestKit.Create();
        var result = FieldReader.Read(Field(bot, "trade_fair", "funding_source"), typed, FormTestKit.Today, bot.Catalogue, new BotUser { Role = Role.Admin }, KhuyenCongBot.Tests.Support.TestTexts.Seeds, false);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(expected, result.Value);
    }

    private static FormField Field(KhuyenCongBot.Tests.Support.BotHarness bot, string form, string field)
    {
        var forms = bot.Services.GetRequiredService<FormCatalogue>();
        return forms.Get(form)!.Fields.Single(x => x.Id == field);
    }

    [Theory]
    [InlineData("hội chợ")]
    [InlineData("hoi cho")]
    public async Task Typing_the_unfinished_forms_own_activity_at_continue_or_new_goes_on_with_it(string typed)
    {
        // An outside tester typed "hoi cho" there and lost the fair form in hand without being asked.
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng");
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await bot.Say("/ghi máy móc", "o1"));
        var reply = await bot.Say(typed, "o1");
        Assert.DoesNotContain("Đã bỏ phiếu dở", reply);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal("trade_fair", new FormSession(state).FormId);
    }

    [Theory]
    [InlineData("máy móc")]
    [InlineData("Máy móc thiết bị")]
    [InlineData("ghi máy móc")]
    public async Task Typing_the_new_activity_at_continue_or_new_starts_it(string typed)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng");
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await bot.Say("/ghi máy móc", "o1"));
        var started = await bot.Say(typed, "o1");
        output.WriteLine(started);
        Assert.Contains("Đã bỏ phiếu dở", started);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal("machinery", new FormSession(state).FormId);
    }

    [Theory]
    [InlineData("ghi máy móc", true)]
    [InlineData("ghi may moc", true)]
    [InlineData("Thêm hội chợ Xuân", false)]
    [InlineData("Ghi nhận hội chợ mùa thu Hà Nội", false)]
    public async Task In_a_free_text_question_a_request_to_log_is_not_taken_as_the_answer(string typed, bool request)
    {
        using var bot = FormTestKit.WithOfficer();
        Assert.Contains("❓ Tên hội chợ", await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng"));
        var reply = await bot.Say(typed, "o1");
        output.WriteLine(reply);
        Assert.Equal(request, reply.Contains("Tiếp tục phiếu đó hay bỏ", StringComparison.Ordinal));
        Assert.Equal(!request, reply.Contains("✓ Tên hội chợ/triển lãm: " + typed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_the_summary_a_typed_number_is_the_numbered_item_shown_and_ok_luu_saves()
    {
        using var bot = FormTestKit.WithOfficer();
        var summary = (await FormTestKit.Talk(bot, "o1", OneFair[..^1])).Split("> ")[^1];
        output.WriteLine(summary);
        var firstItem = summary.Split('\n').First(l => l.StartsWith("1. ", StringComparison.Ordinal));
        var label = firstItem[3..firstItem.IndexOf(':')];
        var one = await bot.Say("1", "o1");
        Assert.Contains("❓ " + label, one);
        Assert.Empty(bot.Store.Records.All());
        await bot.Say("Phú Thọ", "o1");
        Assert.Contains("Đã lưu bản ghi", await bot.Say("ok luu", "o1"));
    }

    [Theory]
    [InlineData("bao nhiêu gian hàng năm 2024", true)]
    [InlineData("bao nhiêu gian hàng năm 2024 ở Hà Nội", true)]
    [InlineData("bn cơ sở được hỗ trợ máy móc quý 1", true)]
    [InlineData("tỉnh nào nhiều gian hàng nhất năm 2024", true)]
    [InlineData("kinh phí hội chợ năm nay?", true)]
    [InlineData("báo cáo 6 tháng đầu năm 2024", true)]
    [InlineData("Cơ sở mộc Thành Đạt", false)]
    [InlineData("HTX gốm Bát Tràng", false)]
    [InlineData("Xưởng may Thành Công", false)]
    [InlineData("Hội chợ CNNT khu vực phía Bắc 2024", false)]
    [InlineData("báo cáo bổ sung sau", false)]
    [InlineData("3", false)]
    [InlineData("2 máy", false)]
    public void Only_clear_questions_count_as_another_intent(string text, bool clear)
    {
        using var bot = FormTestKit.Create();
        Assert.Equal(clear, ClearQuestion.Is(new QuestionParser(bot.Catalogue), text, FormTestKit.Today));
    }

    [Theory]
    [InlineData("giu", "keep")]
    [InlineData("giữ", "keep")]
    [InlineData("Giữ: Phú Thọ", "keep")]
    [InlineData("mac dinh", "def")]
    [InlineData("hom nay", "today")]
    [InlineData("quay", "back")]
    [InlineData("2", "v1")]
    [InlineData("Ước thực hiện", "v1")]
    [InlineData("uoc", null)]
    public void Shortcuts_are_matched_as_shown_by_head_or_first_word(string typed, string? data)
    {
        Choice[] choices =
        [
            new("Chính thức", "v0"), new("Ước thực hiện", "v1"),
            new("Giữ: Phú Thọ", "keep", false), new("Mặc định: Chính thức", "def", false), new("Hôm nay (26/11)", "today", false),
            new("⬅ Quay lại", "back", false), new("✖ Hủy", "cancel", false),
        ];
        Assert.Equal(data, ChoiceMatcher.Match(choices, typed));
    }

    [Theory]
    [InlineData("quay lại", "back")]
    [InlineData("quay lai", "back")]
    [InlineData("Quay lại danh sách", "back")]
    [InlineData("quay", "back")]
    [InlineData("khong thuoc", "none")]
    [InlineData("Gốm Phù", null)] // a numbered item (a name) needs its whole label: it may be a new answer
    [InlineData("quay lại trang", null)]
    public void A_shortcut_works_by_its_first_words_as_shown(string typed, string? expected)
    {
        List<KhuyenCongBot.Core.Messaging.Choice> choices =
        [
            new("Gốm Phù Lãng", "f1"),
            new("Gốm Thanh Hà", "f2"),
            new("⬅ Quay lại danh sách", "back") { Numbered = false },
            new("Không thuộc đề án nào", "none") { Numbered = false },
        ];
        Assert.Equal(expected, KhuyenCongBot.Core.Conversations.ChoiceMatcher.Match(choices, typed));
    }
}
