using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Polling that waits quietly, recovers from errors, keeps the token out of logs; broadcasts map Zalo's refusals.</summary>
public sealed class ZaloRobustnessTests
{
    [Fact]
    public async Task Empty_polls_answered_408_neither_spam_nor_stop_the_bot()
    {
        await using var bot = await ZaloChatDriver.StartAsync();
        bot.Fake.MaxPollMilliseconds = 200;
        bot.AddUser("patient", Role.Officer, "01");

        // Held polls (200 ms each): the bot goes on polling, never more often than every 200 ms.
        var held = await NextPollsAsync(bot.Fake, 4);
        Assert.All(Gaps(held), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(180), $"polls {gap.TotalMilliseconds:0} ms apart"));

        // A server that answers 408 at once: the bot still waits between polls (and still polls).
        bot.Fake.Instant408 = true;
        // Each poll starts at least 500 ms after the one before it started; the server sees them a little late, so compare
        // the span of five: a bot that did not wait would make them within a few milliseconds.
        var instant = await NextPollsAsync(bot.Fake, 5);
        var span = instant[^1] - instant[0];
        Assert.True(span >= 2 * ZaloPollingService.MinEmptyPollInterval, $"five instant 408s within {span.TotalMilliseconds:0} ms");
        bot.Fake.Instant408 = false;

        Assert.Empty(bot.Logs.AtLeast(LogLevel.Warning));
        Assert.Contains("/help", Assert.Single(await bot.SayAsync("patient", "/help")));
    }

    [Fact]
    public async Task Errors_back_off_and_the_token_never_reaches_the_logs()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            Services = s => s.AddSingleton<IBotModule, ZaloTestModule>(),
        });
        bot.AddUser("survivor", Role.Officer, "01");
        bot.Fake.Fail("getUpdates", 500, "Internal Server Error", times: 3);
        bot.Fake.Fail("sendMessage", 429, "Too Many Requests");
        var lost = await bot.SayAsync("survivor", "/help");
        Assert.Empty(lost);
        Assert.Contains("/help", Assert.Single(await bot.SayAsync("survivor", "/help")));
        bot.Fake.Fail("getUpdates", 401, "Unauthorized");
        Assert.Single(await bot.SayAsync("survivor", "/dai").ContinueWith(t => t.Result.Take(1).ToList()));
        // The 401 hits whichever poll comes after the one in hand, which may be after the reply above: wait for its log line.
        await KhuyenCongBot.Tests.EndToEnd.EndToEndChannels.WaitUntilAsync(
            () => bot.Logs.AtLeast(LogLevel.Warning).Any(l => l.Contains("401")), "the 401 on getUpdates to be logged");

        var warnings = bot.Logs.AtLeast(LogLevel.Warning);
        Assert.Contains(warnings, l => l.Contains("getUpdates") && l.Contains("500"));
        Assert.Contains(warnings, l => l.Contains("sendMessage") && l.Contains("429"));
        Assert.Contains(warnings, l => l.Contains("401") && l.Contains("Zalo:BotToken"));
        Assert.Contains(bot.Logs.Lines, l => l.Contains("Zalo call sendMessage"));
        var secretPart = bot.Fake.Token[(bot.Fake.Token.IndexOf(':') + 1)..];
        Assert.DoesNotContain(secretPart, bot.Logs.All);
        Assert.DoesNotContain(bot.Fake.Token, bot.Logs.All);
    }

    [Fact]
    public async Task Without_a_public_address_a_chart_is_explained_in_Vietnamese()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            PublicBaseUrl = false,
            Services = s => s.AddSingleton<IBotModule, ZaloTestModule>(),
        });
        bot.AddUser("no-url", Role.Manager, null);
        var replies = await bot.SayAsync("no-url", "/bieudo");
        Assert.Equal(2, replies.Count);
        Assert.Equal("Biểu đồ gian hàng hội chợ", replies[0]);
        var text = replies[1];
        Assert.Contains("Biểu đồ đã tạo nhưng bot chưa có địa chỉ công khai (Zalo:PublicBaseUrl) để gửi ảnh qua Zalo", text);
        Assert.Equal(0, bot.Fake.CallCount("sendPhoto"));
    }

    [Fact]
    public async Task Broadcast_sends_map_refusals_to_permanent_or_transient_failures()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            Settings = new Dictionary<string, string?> { ["Zalo:MessagesPerSecond"] = "20" },
        });
        var sender = bot.Services.GetServices<IMessageSender>().Single(s => s.Channel == "zalo");

        await sender.SendAsync("reader-1", Reply.Of("Thông báo: họp giao ban thứ Hai."));
        Assert.Equal("Thông báo: họp giao ban thứ Hai.", Assert.Single(bot.Fake.SentTo("reader-1")).Text);

        bot.Fake.Block("blocked-1");
        var blocked = await Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("blocked-1", Reply.Of("x")));
        Assert.True(blocked.Permanent);

        bot.Fake.Fail("sendMessage", 429, "Too Many Requests");
        var limited = await Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("reader-2", Reply.Of("x")));
        Assert.False(limited.Permanent);
        Assert.NotNull(limited.RetryAfter);

        bot.Fake.Fail("sendMessage", 500, "Internal Server Error");
        Assert.False((await Assert.ThrowsAsync<SendFailedException>(() => sender.SendAsync("reader-2", Reply.Of("x")))).Permanent);

        // 20 messages at 20 per second take about a second, not less.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 21; i++)
        {
            await sender.SendAsync("reader-3", Reply.Of("Tin " + i));
        }
        // The lower bound is the limit being kept; the upper one only catches a hang (a loaded CI machine is slow).
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(30));
        Assert.Equal(21, bot.Fake.SentTo("reader-3").Count);
    }

    /// <summary>The next <paramref name="count"/> getUpdates calls that start from now on (load only makes this slower, never wrong).</summary>
    private static async Task<IReadOnlyList<DateTimeOffset>> NextPollsAsync(KhuyenCongBot.TestSupport.FakeZaloServer fake, int count)
    {
        var from = fake.CallCount("getUpdates");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (fake.CallCount("getUpdates") < from + count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the bot stopped polling: {fake.CallCount("getUpdates") - from} of {count} polls in 30 s");
            await Task.Delay(50);
        }
        return fake.Calls.Where(c => c.Method == "getUpdates").Skip(from).Take(count).Select(c => c.At).ToList();
    }

    private static IEnumerable<TimeSpan> Gaps(IReadOnlyList<DateTimeOffset> times) => times.Zip(times.Skip(1), (a, b) => b - a);
}
