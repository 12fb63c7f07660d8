using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>Bot API failures: 5xx and 429 are retried with backoff; a reply that finally fails is logged with its chat; the loop goes on.</summary>
public sealed class PlatformFailureTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    [Fact]
    public async Task Server_errors_and_rate_limits_on_a_reply_are_retried_until_it_is_delivered()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        bot.Server.FailNext("sendMessage", 502, "Bad Gateway", chatId: Admin);
        bot.Server.FailNext("sendMessage", 500, "Internal Server Error", chatId: Admin);

        var id = bot.Server.UserSends(Admin, "/help");
        var reply = await bot.Server.NextMessageTo(Admin, TimeSpan.FromSeconds(10));

        Assert.Contains("Các lệnh:", reply.Text);
        Assert.Equal(3, bot.Server.CallsTo("sendMessage").Count);
        Assert.Contains("retrying", bot.Logs.All);
        await bot.WaitHandled(id);
    }

    [Fact]
    public async Task A_reply_that_finally_fails_is_logged_with_the_chat_and_the_next_update_is_handled()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        bot.Server.FailNext("sendMessage", 503, "Service Unavailable", chatId: Admin, times: 10);

        var lost = await bot.Say(Admin, "/help");
        Assert.Empty(lost);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Reply to chat 1001 was not delivered after 4 attempt(s)"));

        // Still 6 failures queued for this chat: a stranger's chat is not affected meanwhile.
        var other = await bot.Say(5555, "xin chào");
        Assert.Contains("mã mời", Assert.Single(other).Text);
    }

    [Fact]
    public async Task A_blocked_chat_is_not_retried_and_is_logged_as_a_warning()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        bot.Server.Block(Admin);

        await bot.Say(Admin, "/help");

        Assert.Single(bot.Server.CallsTo("sendMessage"));
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Reply to chat 1001 was not delivered"));
    }
}
