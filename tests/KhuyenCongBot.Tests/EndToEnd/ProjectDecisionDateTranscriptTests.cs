using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// What an outside tester found in the new-project form: "123/QĐ-SCT ngày 10/11/2026" typed as the decision number was stored
/// whole ("123/QĐ-SCT ngày 10/11/2026 (10/11/2026)") and the date was asked again. The date written in the answer is now the
/// decision date (read back, its question skipped) and the number is kept without it.
/// </summary>
public sealed class ProjectDecisionDateTranscriptTests(ITestOutputHelper output)
{
    private Task<string> Say(IChatDriver bot, string text) => Transcript.Say(bot, output, "o1", text);

    private Task<string> Choose(IChatDriver bot, int number, string label) => Transcript.Choose(bot, output, "o1", number, label);

    private async Task<string> Decision(IChatDriver bot, string code, string decision)
    {
        Assert.Contains("bước 1/12", await Say(bot, "/dean moi"));
        await Say(bot, code);
        Assert.Contains("Số quyết định phê duyệt?", await Say(bot, "Hỗ trợ máy sao chè Long Cốc"));
        return await Say(bot, decision);
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_date_written_with_the_decision_number_is_the_decision_date(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);

        var reply = await Decision(bot, "KC-2026-95", "123/QĐ-SCT ngày 10/11/2026");
        Assert.Contains("✓ Ngày quyết định: 10/11/2026", reply);
        Assert.Contains("Chương trình?", reply);
        Assert.DoesNotContain("Ngày quyết định phê duyệt?", reply);

        await Choose(bot, 1, "Khuyến công quốc gia (KCQG)");
        await Choose(bot, 1, "Đề án điểm (một cơ sở)");
        await Say(bot, "hội chợ");
        await Say(bot, "300tr");
        await Say(bot, "0");
        await Say(bot, "31/12");
        var summary = await Say(bot, "bỏ qua");
        Assert.Contains("123/QĐ-SCT (10/11/2026)", summary);
        Assert.DoesNotContain("ngày 10/11/2026 (", summary);
        Assert.Contains("Đã ghi đề án KC-2026-95", await Choose(bot, 1, "Lưu đề án"));

        var saved = bot.Store.Projects.FindByCode("KC-2026-95")!;
        Assert.Equal("123/QĐ-SCT", saved.DecisionNumber);
        Assert.Equal(new DateOnly(2026, 11, 10), saved.DecisionDate);
    }

    [Theory]
    [InlineData("123/QĐ-SCT ngày 10-11-2026")]
    [InlineData("QĐ số 123/QĐ-SCT, ngày 10/11/2026")]
    [InlineData("123/QĐ-SCT ngay 10/11/2026")]
    public async Task The_date_is_taken_out_however_it_is_written(string decision)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        var reply = await Decision(bot, "KC-2026-96", decision);
        Assert.Contains("✓ Ngày quyết định: 10/11/2026", reply);
        Assert.Contains("Chương trình?", reply);
        Assert.Equal("123/QĐ-SCT", bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!.Data["pj:DecisionNumber"]);
    }

    [Fact]
    public async Task A_decision_dated_in_the_future_is_refused_and_asked_again()
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync("terminal");
        var reply = await Decision(bot, "KC-2026-97", "123/QĐ-SCT ngày 10/12/2026");
        Assert.Contains("Ngày quyết định phải là một ngày", reply);
        Assert.Contains("Số quyết định phê duyệt?", reply);
        Assert.Contains("Ngày quyết định phê duyệt?", await Say(bot, "123/QĐ-SCT"));
    }
}
