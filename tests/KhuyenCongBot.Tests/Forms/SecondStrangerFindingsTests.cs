using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// What a second outside tester found on the demo chat (issue 16, and issue 13's first promise): an official figure of "4 đồng" saved
/// through "Cập nhật số chính thức" with no ask-back; "thôi" at "Ý bạn là 500 triệu?" keeping 500 nghìn; "ok" at a project step's
/// confirmation read as thanks; a deleted record restorable only from the very next message; "sửa ngày" advised and then refused;
/// support plus counterpart above the investment; an impatient "ghi hội chợ" throwing a long draft away; "sửa 3" mid-form.
/// </summary>
public sealed class SecondStrangerFindingsTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 3 booths, 120 million from KCQG, logged as an estimate ("2" at "Số liệu").</summary>
    private static readonly string[] EstimatedFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "2", "bỏ qua", "lưu"];

    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    [Fact]
    public async Task An_actual_amount_far_below_the_estimate_is_asked_back_with_its_reading_in_millions()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var asked = await Talk(bot, $"/sua {id}", "1", "giữ", "100");
        Assert.Contains("khác xa số ước thực hiện", asked);
        Assert.Contains("Ý bạn là 100 triệu đồng", asked);
        Assert.Contains("1. Đúng, 100 triệu", asked);
        // Nothing is taken yet: the confirmation is not shown.
        Assert.DoesNotContain("Ước thực hiện → Chính thức", asked);

        var confirm = await Talk(bot, "1");
        Assert.Contains("120 triệu đồng → 100 triệu đồng", confirm);
        await Talk(bot, "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 100_000_000L), (record.Status, record.FundingVnd));
    }

    [Fact]
    public async Task An_actual_amount_confirmed_with_yes_takes_the_reading_offered_and_no_asks_again()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var asked = await Talk(bot, $"/sua {id}", "1", "giữ", "4");
        Assert.Contains("khác xa số ước thực hiện", asked);
        // 4 triệu is thirty times off the estimate, but nearer than 4 đồng: offered first.
        Assert.Contains("Ý bạn là 4 triệu đồng", asked);
        Assert.Contains("1. Đúng, 4 triệu", asked);
        var again = await Talk(bot, "không");
        Assert.Contains("Gõ số chính thức", again);
        Assert.DoesNotContain("Ước thực hiện → Chính thức", again);
        // "có" is "yes, you read my slip right", as in the form (stranger 7 F3: it had taken 4 đồng here).
        var kept = await Talk(bot, "4", "có");
        Assert.Contains("→ 4 triệu đồng", kept);
        // A booth count ten times the estimate is asked back too.
        using var other = FormTestKit.WithOfficer();
        await FormTestKit.Talk(other, "o1", EstimatedFair);
        var otherId = Assert.Single(other.Store.Records.All()).Id;
        var booths = await FormTestKit.Talk(other, "o1", $"/sua {otherId}", "1", "30");
        output.WriteLine(booths);
        Assert.Contains("khác xa số ước thực hiện (3 gian hàng)", booths);
    }

    [Fact]
    public async Task Thoi_at_an_amount_ask_back_leaves_the_form_and_confirms_nothing()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "2 tỷ");
        Assert.Contains("lớn hơn Tổng vốn đầu tư của cơ sở", transcript);
        var left = await Talk(bot, "thôi");
        Assert.Contains("giữ làm nháp", left);
        Assert.DoesNotContain("✓ Kinh phí", left);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id);
        Assert.Null(state is null ? null : new FormSession(state).Answer("funding_vnd"));
    }

    [Fact]
    public async Task Support_plus_counterpart_above_the_investment_is_asked_back()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "250tr", "hôm nay", "120tr");
        for (var i = 0; i < 6 && !transcript.Contains("Vốn đối ứng", StringComparison.Ordinal); i++)
        {
            transcript += await Talk(bot, FormDriver.NextAnswer(bot, "o1") ?? "bỏ qua");
        }
        var asked = await Talk(bot, "200 triệu");
        Assert.Contains("cộng Kinh phí khuyến công", asked);
        Assert.Contains("là 320 triệu đồng, lớn hơn Tổng vốn đầu tư", asked);
        var retyped = await Talk(bot, "không", "100 triệu");
        Assert.DoesNotContain("lớn hơn Tổng vốn đầu tư", retyped);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("ừ")]
    [InlineData("đồng ý")]
    public async Task Yes_words_at_a_project_step_confirmation_record_it(string yes)
    {
        using var bot = BotHarness.Create(FormTestKit.Today, demo: true);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        var asked = await bot.Say("đề án KC-2026-07 đã nghiệm thu hôm qua", "o1");
        output.WriteLine(asked);
        Assert.Contains("Ghi như vậy?", asked);
        var done = await bot.Say(yes, "o1");
        output.WriteLine(done);
        Assert.Contains("Đã ghi", done);
        Assert.Equal(ProjectStatus.Accepted, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);
    }

    [Fact]
    public async Task No_at_a_project_step_confirmation_records_nothing()
    {
        using var bot = BotHarness.Create(FormTestKit.Today, demo: true);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        await bot.Say("đề án KC-2026-07 đã nghiệm thu hôm qua", "o1");
        output.WriteLine(await bot.Say("không", "o1"));
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);
    }

    [Fact]
    public async Task A_deleted_record_can_be_restored_later_from_its_number()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await bot.Press("f:rdy:" + id, "o1");
        Assert.Empty(bot.Store.Records.All());
        await Talk(bot, "bao nhiêu gian hàng năm nay");
        var card = await Talk(bot, $"/sua {id}");
        Assert.Contains($"Bản ghi số {id} đã được bạn xóa", card);
        Assert.Contains("Hoàn tác", card);
        await Talk(bot, "1");
        Assert.Equal(id, Assert.Single(bot.Store.Records.All()).Id);
    }

    [Fact]
    public async Task Another_officer_is_not_offered_to_restore_a_record_they_did_not_delete()
    {
        using var bot = FormTestKit.WithOfficer();
        bot.AddUser("o2", Role.Officer, "phu-tho");
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await bot.Press("f:rdy:" + id, "o1");
        var card = await bot.Say($"/sua {id}", "o2");
        output.WriteLine(card);
        Assert.DoesNotContain("Hoàn tác", card);
        await bot.Press("f:rdu:" + id, "o2");
        Assert.Empty(bot.Store.Records.All());
    }

    [Fact]
    public async Task Sua_ngay_with_no_value_opens_the_date_question_as_the_future_date_warning_advises()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "1/12/2026", "120tr", "1", "1", "bỏ qua");
        Assert.Contains("gõ \"sửa ngày\"", transcript);
        var reopened = await Talk(bot, "sửa ngày");
        Assert.Contains("❓ Ngày", reopened);
        var fixedDate = await Talk(bot, "20/11/2026");
        Assert.Contains("20/11/2026", fixedDate);
    }

    [Fact]
    public async Task Sua_3_in_the_middle_of_a_form_opens_question_3()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        var reopened = await Talk(bot, "sửa 3");
        Assert.DoesNotContain("Ngày chưa đúng", reopened);
        Assert.DoesNotContain("⚠", reopened);
    }

    [Fact]
    public async Task Typing_another_activity_at_the_draft_question_does_not_drop_a_long_draft_without_asking()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "250tr", "hôm nay");
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await Talk(bot, "ghi hội chợ"));
        var repeat = await Talk(bot, "ghi hội chợ");
        Assert.Contains("sẽ bỏ hết các câu đó", repeat);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal("machinery", new FormSession(state).FormId);
        var dropped = await Talk(bot, "2");
        Assert.Contains("Đã bỏ phiếu dở", dropped);
    }

    [Fact]
    public async Task Yes_at_the_form_summary_saves()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "1", "bỏ qua");
        var saved = await Talk(bot, "ừ");
        Assert.Contains("Đã lưu", saved);
        Assert.Single(bot.Store.Records.All());
    }
}
