using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>The engine's own behaviour: help, unknown commands, bad input, unknown people.</summary>
public sealed class EngineTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public async Task Help_lists_commands_in_Vietnamese()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var reply = await bot.Say("/trogiup");
        Assert.Contains("/help", reply);
        Assert.Contains("Hướng dẫn", reply);
    }

    [Fact]
    public async Task Unknown_command_gets_a_clear_message_and_the_chat_goes_on()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        Assert.Contains("Không có lệnh /xyz", await bot.Say("/xyz"));
        Assert.Contains("/help", await bot.Say("/help"));
    }

    [Theory]
    [InlineData("", "Tin nhắn trống")]
    [InlineData("   ", "Tin nhắn trống")]
    [InlineData("\u0001\u0002", "Tin nhắn trống")]
    public async Task Empty_messages_are_answered(string text, string expected)
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        Assert.Contains(expected, await bot.Say(text));
    }

    [Fact]
    public async Task A_5000_character_message_is_refused_politely()
    {
        using var bot = BotHarness.Create(Today);
        bot.AddUser("admin", Role.Admin);
        var reply = await bot.Say(new string('a', 5000));
        Assert.Contains("quá dài", reply);
        Assert.Contains("5.000", reply);
    }

    [Fact]
    public async Task A_stranger_is_told_how_to_get_an_invitation_and_nothing_else()
    {
        using var bot = BotHarness.Create(Today);
        var reply = await bot.Say("bao nhiêu gian hàng", user: "stranger");
        Assert.Contains("cán bộ khuyến công", reply);
        Assert.Contains("mã mời", reply);
        Assert.Null(bot.Store.Users.FindByIdentity("terminal:stranger"));
    }

    [Fact]
    public async Task A_bootstrap_admin_is_registered_on_first_message()
    {
        using var bot = BotHarness.Create(Today, settings: new Dictionary<string, string?> { ["Bot:Admins:0"] = "terminal:boss" });
        await bot.Say("/help", user: "boss");
        var user = bot.Store.Users.FindByIdentity("terminal:boss");
        Assert.NotNull(user);
        Assert.Equal(Role.Admin, user!.Role);
    }
}

/// <summary>A person who floods the bot is slowed down politely; others are not affected.</summary>
public sealed class FloodTests
{
    [Fact]
    public async Task A_flood_is_slowed_down_once_then_ignored_until_tokens_refill()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?>
        {
            ["Bot:FloodBurst"] = "5",
            ["Bot:FloodPerSecond"] = "1",
        });
        bot.AddUser("a", Role.Admin);
        bot.AddUser("b", Role.Admin);
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("/help", await bot.Say("/help", user: "a"));
        }
        Assert.Contains("nhanh quá", await bot.Say("/help", user: "a"));
        Assert.Equal("", await bot.Say("/help", user: "a"));
        Assert.Contains("/help", await bot.Say("/help", user: "b"));
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains("/help", await bot.Say("/help", user: "a"));
    }
}
