using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>
/// The example questions offered after a greeting, thanks or words the bot did not understand are in the reader's language
/// (seeds/texts examples.figures.*): an English reader was offered the Vietnamese ones ("bao nhiêu gian hàng từ đầu năm").
/// </summary>
public sealed class EnglishExamplesTranscriptTests(ITestOutputHelper output)
{
    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("thanks")]
    public async Task An_English_reader_is_offered_English_examples(string text)
    {
        using var bot = Bot();
        var reply = await bot.Say(text, "m", "en");
        output.WriteLine(reply);
        Assert.Contains("how many booths this year", reply);
        Assert.Contains("which province has the most booths in 2024", reply);
        Assert.DoesNotContain("gian hàng", reply);
    }

    [Fact]
    public async Task The_English_example_pressed_is_answered_in_English()
    {
        using var bot = Bot();
        await bot.Say("hello", "m", "en");
        var answer = await bot.Say("3", "m", "en");
        output.WriteLine(answer);
        Assert.Contains("booths", answer);
        Assert.Contains("2024", answer);
        Assert.DoesNotContain("gian hàng", answer);
    }

    [Fact]
    public async Task A_Vietnamese_reader_keeps_the_Vietnamese_examples()
    {
        using var bot = Bot();
        var reply = await bot.Say("xin chào", "m");
        output.WriteLine(reply);
        Assert.Contains("1. bao nhiêu gian hàng từ đầu năm", reply);
        Assert.Contains("3. tỉnh nào nhiều gian hàng nhất năm 2024", reply);
    }
}
