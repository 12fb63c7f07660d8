using KhuyenCongBot.Core.Messaging;
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
    private static Incoming On(string channel, string user) => new() { Channel = channel, ChatId = user, UserId = user, Text = "/help" };

    [Fact]
    public async Task A_flood_is_delayed_never_dropped_with_one_notice_and_the_terminal_is_never_slowed()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?>
        {
            ["Bot:FloodBurst"] = "5",
            ["Bot:FloodPerSecond"] = "1",
        });
        bot.AddUser("a", Role.Admin, channel: "telegram");
        bot.AddUser("b", Role.Admin, channel: "telegram");
        for (var i = 0; i < 5; i++)
        {
            Assert.Contains("/help", Assert.Single(await bot.Send(On("telegram", "a"))).Text);
        }
        // Beyond the burst: the messages wait for their turn (a second each), in order.
        var sixth = bot.Send(On("telegram", "a"));
        var seventh = bot.Send(On("telegram", "a"));
        Assert.False(sixth.IsCompleted);
        Assert.Contains("/help", Assert.Single(await bot.Send(On("telegram", "b"))).Text);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        var six = await sixth;
        Assert.Contains("nhanh quá", six[0].Text);
        Assert.Contains("/help", six[1].Text);
        Assert.False(seventh.IsCompleted);
        bot.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("/help", Assert.Single(await seventh).Text); // one notice per flood
        // The terminal is one local person typing or piping: never slowed.
        bot.AddUser("t", Role.Admin);
        for (var i = 0; i < 50; i++)
        {
            Assert.Contains("/help", await bot.Say("/help", user: "t"));
        }
    }
}
