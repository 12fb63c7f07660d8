using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The "Thuộc đề án nào?" question: asked only when the record's province has open projects of the form's activity, offering
/// only those; another province's code, typed or forged as a button, is refused; a project settled before saving is not linked.</summary>
public sealed class ProjectQuestionTests
{
    private static BotHarness WithProjects()
    {
        var bot = FormTestKit.WithOfficer();
        foreach (var (code, province) in new[] { ("KC-2026-41", "phu-tho"), ("KC-2026-50", "bac-ninh") })
        {
            bot.Store.Projects.Add(new Project
            {
                Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = "Đoàn " + code, DecisionNumber = "1/QĐ-BCT", DecisionDate = new DateOnly(2026, 3, 1),
                Type = ProjectType.Group, ProvinceId = province, ActivityId = "trade_fair", Approved = new FundingSplit(500_000_000, 0),
            });
        }
        return bot;
    }

    private static string Texts(IReadOnlyList<Core.Messaging.Reply> replies) => string.Join("\n", replies.Select(r => r.Text));

    [Theory]
    [InlineData("KC-2026-50")]
    [InlineData("kc 2026 50")]
    [InlineData("KC-2099-01")]
    [InlineData("2")]
    public async Task A_code_that_is_not_offered_is_refused_and_the_question_stays(string typed)
    {
        using var bot = WithProjects();
        var asked = await bot.Say("ghi hội chợ", "o1");
        Assert.Contains("❓ Thuộc đề án nào?", asked);
        Assert.DoesNotContain("KC-2026-50", asked);
        var refused = await bot.Say(typed, "o1");
        Assert.Contains("không phải một đề án đang thực hiện", refused);
        Assert.Contains("❓ Thuộc đề án nào?", refused);
    }

    [Fact]
    public async Task A_forged_button_naming_a_code_is_refused_and_the_offered_one_is_taken_by_number()
    {
        using var bot = WithProjects();
        await bot.Say("ghi hội chợ", "o1");
        Assert.Contains("Chọn một đề án trong danh sách", Texts(await bot.Press("f:1:pj:KC-2026-50", "o1")));
        Assert.Contains("Chọn một đề án trong danh sách", Texts(await bot.Press("f:1:pj:7", "o1")));
        Assert.Contains("✓ Thuộc đề án nào?: KC-2026-41 – Đoàn KC-2026-41", await bot.Say("1", "o1"));
    }

    [Fact]
    public async Task No_question_without_an_open_project_of_the_activity_and_none_is_an_answer()
    {
        using var bot = WithProjects();
        Assert.DoesNotContain("Thuộc đề án nào?", await bot.Say("ghi máy móc", "o1"));
        await bot.Say("/huy", "o1");
        await bot.Say("ghi hội chợ", "o1");
        Assert.Contains("✓ Thuộc đề án nào?: Không thuộc đề án nào", await bot.Say("không thuộc đề án nào", "o1"));
    }

    [Fact]
    public async Task A_project_settled_before_the_record_is_saved_is_not_linked()
    {
        using var bot = WithProjects();
        await bot.Say("ghi hội chợ", "o1");
        await bot.Say("1", "o1");
        var project = bot.Store.Projects.FindByCode("KC-2026-41")!;
        project.Status = ProjectStatus.Settled;
        bot.Store.Projects.Update(project);
        await FormDriver.FillAndSave(bot, "o1");
        Assert.Null(Assert.Single(bot.Store.Records.All()).ProjectCode);
    }
}
