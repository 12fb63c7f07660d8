using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// The project registration is a dialog table (<see cref="Dialog{TStep}"/>): a registration saved at a step number by the
/// hand-written flow it replaced resumes at that step, with the answers it had, and saves the project they make.
/// </summary>
public sealed class ProjectRegistrationDialogTests(ITestOutputHelper output)
{
    private Task<string> Say(IChatDriver bot, string user, string text) => Transcript.Say(bot, output, user, text);

    private static Dictionary<string, string> AnswersUpTo(int step)
    {
        var all = new (string Key, string Value)[]
        {
            ("pj:Code", "KC-2026-77"), ("pj:Name", "Đoàn dự hội chợ Cần Thơ"), ("pj:DecisionNumber", "88/QĐ-BCT"), ("pj:DecisionDate", "2026-11-02"),
            ("pj:Programme", "0"), ("pj:Type", "1"), ("pj:Activity", "trade_fair"), ("pj:Province", "phu-tho"), ("pj:Approved", "900000000"),
        };
        return all.Take(step).ToDictionary(a => a.Key, a => a.Value);
    }

    private static void SaveOldState(IChatDriver bot, string user, int step)
    {
        var id = bot.Store.Users.FindByIdentity(bot.IdentityOf(user))!.Id;
        bot.Store.Conversations.Save(new ConversationState
        {
            Id = id, Flow = "project:new", Step = step, Data = AnswersUpTo(step), UpdatedAt = DateTimeOffset.UtcNow.AddYears(5), LastChannel = bot.Channel,
        });
    }

    [Theory]
    [InlineData(8, "900 triệu", "bước 10/12")]
    [InlineData(9, "300 triệu", "bước 11/12")]
    public async Task A_registration_saved_at_an_old_step_number_resumes_there_and_saves(int step, string answer, string next)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        SaveOldState(bot, "o1", step);
        Assert.Contains(next, await Say(bot, "o1", answer));
        if (step == 8)
        {
            await Say(bot, "o1", "300 triệu");
        }
        await Say(bot, "o1", "20/12/2026");
        Assert.Contains("KCQG 900.000.000 đồng, đối ứng 300.000.000 đồng", await Say(bot, "o1", "bỏ qua"));
        Assert.Contains("Đã ghi đề án KC-2026-77", await Say(bot, "o1", "lưu"));
        var saved = bot.Store.Projects.FindByCode("KC-2026-77")!;
        Assert.Equal((ProjectType.Group, new FundingSplit(900_000_000, 0, 300_000_000)), (saved.Type, saved.Approved));
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));
    }

    [Fact]
    public async Task Back_goes_one_step_back_skipping_the_province_of_an_officer_of_one_province()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        SaveOldState(bot, "o1", 8);
        Assert.Contains("bước 7/12: Hoạt động khuyến công", await Say(bot, "o1", "quay lại"));
        Assert.Contains("bước 9/12", await Say(bot, "o1", "Hội chợ, triển lãm"));
    }
}
