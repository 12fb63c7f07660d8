using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// What a terminal trial as an English-speaking manager found (issue 13): data the bot does not hold was named in Vietnamese to an
/// English reader ("The bot does not hold this data (số công nhân, lao động)"); "help" and "who are you" were "not understood".
/// </summary>
public sealed class EnglishManagerTrialTests(ITestOutputHelper output)
{
    private async Task<string> Say(string text, string language)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(text, "m", language);
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    [Theory]
    [InlineData("how many workers do the facilities have", "the number of workers or employees", "công nhân")]
    [InlineData("how many machines supported in 2025", "not the number of machines", "số máy")]
    [InlineData("what is the weather in Hanoi", "(weather)", "thời tiết")]
    [InlineData("trainees by gender 2025", "trainees by sex", "học viên")]
    public async Task Data_the_bot_does_not_hold_is_named_in_English_to_an_English_reader(string text, string english, string vietnamese)
    {
        var reply = await Say(text, "en");
        Assert.Contains("does not hold this data", reply);
        Assert.Contains(english, reply);
        Assert.DoesNotContain(vietnamese, reply);
    }

    [Fact]
    public async Task A_Vietnamese_reader_still_reads_it_in_Vietnamese()
    {
        var reply = await Say("số công nhân của các cơ sở năm 2024", "vi");
        Assert.Contains("số công nhân, lao động", reply);
        Assert.DoesNotContain("workers", reply);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("who are you")]
    public async Task Help_and_who_are_you_get_the_hello_and_the_help_command(string text)
    {
        var reply = await Say(text, "en");
        Assert.Contains("/help", reply);
        Assert.DoesNotContain("did not understand", reply);
    }
}
