using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.People;

/// <summary>
/// What an outside tester found in /nguoidung: "Ngừng hoạt động" took effect at once, one mistyped number away from locking a
/// colleague out. Now it asks first, and takes a yes/no word as the other yes/no questions do.
/// </summary>
public sealed class DeactivationConfirmTranscriptTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private async Task<string> Say(BotHarness bot, string text)
    {
        var reply = await bot.Say(text);
        output.WriteLine("> " + text + "\n" + reply);
        return reply;
    }

    [Theory]
    [InlineData("có", false)]
    [InlineData("ok", false)]
    [InlineData("ừ", false)]
    [InlineData("yes", false)]
    [InlineData("1", false)]
    [InlineData("Có, ngừng hoạt động", false)]
    [InlineData("không", true)]
    [InlineData("no", true)]
    [InlineData("2", true)]
    public async Task Deactivating_asks_first_and_a_yes_or_no_word_answers(string answer, bool stillActive)
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var off = bot.AddUser("off", Role.Officer, "phu-tho");
        await Say(bot, "/nguoidung off");
        await Say(bot, "1");

        var asked = await Say(bot, "Ngừng hoạt động");
        Assert.Contains("Ngừng hoạt động off?", asked);
        Assert.Contains("Có, ngừng hoạt động", asked);
        Assert.True(bot.Store.Users.Get(off.Id)!.Active);

        var done = await Say(bot, answer);
        Assert.Equal(stillActive, bot.Store.Users.Get(off.Id)!.Active);
        Assert.Contains(stillActive ? "off vẫn hoạt động" : "Đã ngừng hoạt động off", done);
        Assert.Equal(stillActive ? 0 : 1, bot.Store.Audit.ForEntity("user", off.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Count);
    }

    [Fact]
    public async Task Another_answer_asks_again_and_changes_nothing()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var off = bot.AddUser("off", Role.Officer, "phu-tho");
        await Say(bot, "/nguoidung off");
        await Say(bot, "1");
        await Say(bot, "Ngừng hoạt động");
        Assert.Contains("Chọn \"có\" để ngừng hoạt động", await Say(bot, "abc"));
        Assert.True(bot.Store.Users.Get(off.Id)!.Active);
        Assert.Contains("Đã ngừng hoạt động off", await Say(bot, "có"));
        Assert.False(bot.Store.Users.Get(off.Id)!.Active);
    }
}
