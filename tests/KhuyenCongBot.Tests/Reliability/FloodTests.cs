using System.Diagnostics;
using KhuyenCongBot.Tests.Fakes;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>One person flooding the bot is slowed down politely and does not hold up anyone else.</summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    private const long Flooder = TelegramBotFixture.AdminId;
    private const long Other = 1002;
    public const int FloodSize = 500;

    [Fact]
    public async Task A_flooding_user_gets_one_polite_warning_and_another_users_reply_is_barely_delayed()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Admins.Add(Other);
            o.Settings["Bot:FloodBurst"] = "5";
            o.Settings["Bot:FloodPerSecond"] = "1";
        });
        await bot.Say(Other, "/start");
        var quiet = await Timed(bot, Other, "/help");

        for (var i = 0; i < FloodSize; i++)
        {
            bot.Server.UserSends(Flooder, "/help");
        }
        var flooded = await Timed(bot, Other, "/help");
        await Task.Delay(500);

        var toFlooder = bot.Server.SentTo(Flooder);
        output.WriteLine($"reply to another user: {quiet.TotalMilliseconds:F0} ms alone, {flooded.TotalMilliseconds:F0} ms behind a flood of {FloodSize} messages; the flooder got {toFlooder.Count} replies");
        Assert.Single(toFlooder, m => m.Text.Contains("nhanh quá"));
        Assert.InRange(toFlooder.Count, 6, 10);
        Assert.True(flooded < TimeSpan.FromSeconds(2), $"the other user waited {flooded.TotalMilliseconds:F0} ms behind the flood");
    }

    private static async Task<TimeSpan> Timed(TelegramBotFixture bot, long user, string text)
    {
        var before = bot.Server.SentTo(user).Count;
        var watch = Stopwatch.StartNew();
        bot.Server.UserSends(user, text);
        while (bot.Server.SentTo(user).Count == before)
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException("no reply");
            }
            await Task.Delay(2);
        }
        return watch.Elapsed;
    }
}
