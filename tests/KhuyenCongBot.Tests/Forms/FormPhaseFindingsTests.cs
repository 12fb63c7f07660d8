using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Found by testers: "không" at the summary before saving was refused; "bỏ qua" while picking a facility said the button
/// was unusable. Phases are typed (<see cref="FormPhase"/>) and stored under their old names.</summary>
public sealed class FormPhaseFindingsTests
{
    private static FormPhase PhaseOf(BotHarness bot, string user)
    {
        var id = bot.Store.Users.FindByIdentity("terminal:" + user)!.Id;
        return new FormSession(bot.Store.Conversations.Get(id)!).Phase;
    }

    [Fact]
    public async Task No_at_the_summary_saves_nothing_and_offers_what_to_change_or_to_drop_the_form()
    {
        using var bot = FormTestKit.WithOfficer();
        var before = bot.Store.Records.All().Count();
        var t = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "12", "hôm nay", "bỏ qua", "1", "bỏ qua");
        Assert.True(PhaseOf(bot, "o1") == FormPhase.Summary, t);
        var no = await bot.Say("không", "o1");
        Assert.Contains("Chưa lưu", no);
        Assert.Contains("Sửa câu nào", no);
        Assert.Contains("Hủy", no);
        Assert.DoesNotContain("Phiếu đã đủ câu trả lời", no);
        Assert.Equal(FormPhase.EditPick, PhaseOf(bot, "o1"));
        Assert.Equal(before, bot.Store.Records.All().Count());
        Assert.Contains("Kiểm tra trước khi lưu", await bot.Say("quay lại", "o1"));
        Assert.Contains("Đã lưu", await bot.Say("lưu", "o1"));
    }

    [Fact]
    public async Task Skip_while_picking_among_facility_matches_says_the_question_is_required_not_that_a_button_is_unusable()
    {
        using var bot = FormTestKit.WithOfficer();
        FormTestKit.AddFacility(bot, "Gốm Thanh Hà", "phu-tho", "xã Phù Lãng");
        var t = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "gốm");
        Assert.True(PhaseOf(bot, "o1") == FormPhase.Facility, t);
        var skip = await bot.Say("bỏ qua", "o1");
        Assert.DoesNotContain("Nút đó", skip);
        Assert.Contains("bắt buộc", skip);
        Assert.Equal(FormPhase.Ask, PhaseOf(bot, "o1"));
    }

    [Fact]
    public async Task A_draft_saved_with_the_old_phase_names_resumes_at_the_same_phase()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "12", "hôm nay", "bỏ qua", "1", "bỏ qua");
        var id = bot.Store.Users.FindByIdentity("terminal:o1")!.Id;
        Assert.Equal("summary", bot.Store.Conversations.Get(id)!.Data["phase"]);
        Assert.Contains("Đã lưu", await bot.Say("lưu", "o1"));
    }

    [Fact]
    public async Task A_draft_saved_before_the_project_question_existed_resumes_at_the_same_question_not_one_off()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng");
        var id = bot.Store.Users.FindByIdentity("terminal:o1")!.Id;
        var state = bot.Store.Conversations.Get(id)!;
        var fields = bot.Services.GetRequiredService<FormCatalogue>().Get("trade_fair")!.Fields;
        Assert.Equal("fair_name", fields[state.Step].Id);
        // As the previous version saved it: no field id beside the index, which counted the fields without the project question.
        state.Data.Remove("fields");
        state.Step = fields.Where(f => f.Kind != FieldType.Project).ToList().FindIndex(f => f.Id == "fair_name");
        Assert.NotEqual(fields.ToList().FindIndex(f => f.Id == "fair_name"), state.Step);
        bot.Store.Conversations.Save(state);

        var reply = await bot.Say("Hội chợ Xuân", "o1");
        var after = new FormSession(bot.Store.Conversations.Get(id)!);
        Assert.True(after.Answer("fair_name") == "Hội chợ Xuân", reply);
        Assert.Equal("booths", fields[after.Step].Id);
        Assert.True(after.HasAnswer("facility"));
    }
}
