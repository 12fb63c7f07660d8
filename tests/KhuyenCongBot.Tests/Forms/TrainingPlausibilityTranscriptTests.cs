using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// What an outside tester found: 1,5 tỷ of support for a course of 30 trainees was taken without a word, while 4,5 tỷ for 2 booths
/// was asked back. Training support is now bounded per trainee (seeds/forms/training.json, "plausible" "per": "trainees").
/// </summary>
public sealed class TrainingPlausibilityTranscriptTests(ITestOutputHelper output)
{
    private static FormSession Session(BotHarness bot) =>
        new(bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!);

    [Theory]
    [InlineData("có", "1500000000")]
    [InlineData("không", null)]
    public async Task One_and_a_half_billion_for_thirty_trainees_is_asked_back(string reply, string? stored)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Lớp gốm", "1", "30", "hôm nay", "1,5 tỷ");
        output.WriteLine(transcript);
        Assert.Contains("1,5 tỷ đồng cho 30 học viên là khá lớn, đúng chứ?", transcript);
        Assert.Null(Session(bot).Answer("funding_vnd"));
        output.WriteLine(await bot.Say(reply, "o1"));
        Assert.Equal(stored, Session(bot).Answer("funding_vnd"));
    }

    [Theory]
    [InlineData("300tr", "300000000")]
    [InlineData("45 triệu", "45000000")]
    public async Task A_plausible_training_support_is_taken_at_once(string typed, string stored)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Lớp gốm", "1", "30", "hôm nay", typed);
        output.WriteLine(transcript);
        Assert.DoesNotContain("❔", transcript);
        Assert.Equal(stored, Session(bot).Answer("funding_vnd"));
    }
}
