using System.Diagnostics;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>One person flooding the bot is slowed down politely, loses no message, and does not hold up anyone else.</summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    private const long Flooder = TelegramBotFixture.AdminId;
    private const long Other = 1002;
    public const int FloodSize = 200;

    [Fact]
    public async Task A_flooding_user_gets_one_polite_notice_every_message_answered_in_order_and_another_user_is_not_held_up()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Admins.Add(Other);
            o.Settings["Bot:FloodBurst"] = "5";
            o.Settings["Bot:FloodPerSecond"] = "25";
        });
        await bot.Say(Other, "/start");
        var quiet = await Timed(bot, Other, "/help");

        for (var i = 0; i < FloodSize; i++)
        {
            bot.Server.UserSends(Flooder, "/lenh" + i);
        }
        var flooded = await Timed(bot, Other, "/help");
        var answers = await WaitAnswered(bot, FloodSize, TimeSpan.FromSeconds(60));

        var toFlooder = bot.Server.SentTo(Flooder);
        var inbox = bot.Services.GetRequiredService<TelegramInbox>();
        output.WriteLine($"reply to another user: {quiet.TotalMilliseconds:F0} ms alone, {flooded.TotalMilliseconds:F0} ms behind a flood of {FloodSize} messages; "
            + $"the flooder got {toFlooder.Count} messages, {inbox.Deferred} updates waited in the inbox");
        Assert.Single(toFlooder, m => m.Text.Contains("nhanh quá"));
        Assert.Equal(Enumerable.Range(0, FloodSize), answers);
        Assert.True(inbox.Deferred > 0, "no update went through the inbox: the test did not flood enough");
        // Each update leaves the inbox right after it is handled.
        var store = bot.Services.GetRequiredService<Core.Storage.IBotStore>();
        var emptyBy = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (store.Inbox.Pending("telegram").Count > 0 && DateTimeOffset.UtcNow < emptyBy)
        {
            await Task.Delay(20);
        }
        Assert.Empty(store.Inbox.Pending("telegram"));
        Assert.True(flooded < TimeSpan.FromSeconds(2), $"the other user waited {flooded.TotalMilliseconds:F0} ms behind the flood");
    }

    [Fact]
    public async Task A_chat_whose_batch_is_split_is_answered_in_order_however_slowly_its_first_part_is_queued()
    {
        // The inbox's reader runs on its own thread: when the thread that queues the batch's first part is held up (a
        // loaded machine), the first update kept in the inbox must still come after them (CI saw 17 answered before 9).
        await using var bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Settings["Bot:FloodBurst"] = "2";
            o.Settings["Bot:FloodPerSecond"] = "50";
        });
        var inbox = bot.Services.GetRequiredService<TelegramInbox>();
        var queue = bot.Services.GetRequiredService<TelegramUpdateQueue>();
        const int Count = 40;
        var batch = Enumerable.Range(0, Count).Select(i => new global::Telegram.Bot.Types.Update
        {
            Id = 900_000 + i,
            Message = new global::Telegram.Bot.Types.Message
            {
                Id = 900_000 + i,
                Date = DateTime.UtcNow,
                Chat = new global::Telegram.Bot.Types.Chat { Id = Flooder, Type = global::Telegram.Bot.Types.Enums.ChatType.Private },
                From = new global::Telegram.Bot.Types.User { Id = Flooder, FirstName = "Flooder" },
                Text = "/lenh" + i,
            },
        }).ToList();
        var queuedNow = 0;
        var handling = inbox.Admit(batch, u =>
        {
            queuedNow++;
            // Held up between two updates of the part handled now, long enough for the reader to wake and read the inbox.
            Thread.Sleep(u.Id % 10 == 0 ? 150 : 0);
            return queue.Enqueue(u, CancellationToken.None);
        });
        await Task.WhenAll(handling);
        Assert.InRange(queuedNow, 1, Count - 1);
        var answers = await WaitAnswered(bot, Count, TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(0, Count), answers);
    }

    [Fact]
    public async Task Messages_waiting_for_their_turn_survive_a_stop_and_are_answered_after_the_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "flood-" + Guid.NewGuid().ToString("N"));
        await using var server = await FakeTelegramServer.StartAsync();
        const int Count = 30;
        await using (var slow = await TelegramBotFixture.StartAsync(o =>
        {
            o.Server = server;
            o.Folder = folder;
            o.Settings["Bot:FloodBurst"] = "2";
            o.Settings["Bot:FloodPerSecond"] = "2";
        }))
        {
            for (var i = 0; i < Count; i++)
            {
                server.UserSends(Flooder, "/lenh" + i);
            }
            var inbox = slow.Services.GetRequiredService<TelegramInbox>();
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
            while (inbox.Deferred < Count - 5 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            Assert.True(inbox.Deferred > 0);
        }
        using (var store = new LiteDbStore(Path.Combine(folder, "bot.db")))
        {
            var waiting = store.Inbox.Pending("telegram").Count;
            output.WriteLine($"{waiting} updates waiting in the inbox at the stop");
            Assert.True(waiting > 0, "nothing was left waiting: the stop came too late for the test to mean anything");
        }
        await using (var fast = await TelegramBotFixture.StartAsync(o =>
        {
            o.Server = server;
            o.Folder = folder;
            o.Settings["Bot:FloodBurst"] = "100";
        }))
        {
            var answers = await WaitAnswered(fast, Count, TimeSpan.FromSeconds(30));
            Assert.Equal(Enumerable.Range(0, Count), answers);
        }
        Directory.Delete(folder, true);
    }

    /// <summary>Waits until each /lenhN was answered; returns the N in the order their first answers came.</summary>
    private static async Task<List<int>> WaitAnswered(TelegramBotFixture bot, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var answers = bot.Server.SentTo(Flooder)
                .Select(m => System.Text.RegularExpressions.Regex.Match(m.Text, @"/lenh(\d+)"))
                .Where(m => m.Success)
                .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
                .Distinct()
                .ToList();
            if (answers.Count >= count || watch.Elapsed > timeout)
            {
                return answers;
            }
            await Task.Delay(50);
        }
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

/// <summary>The gate itself: a burst at once, then the allowed pace; every message gets a slot.</summary>
public sealed class FloodGateTests
{
    [Fact]
    public void Beyond_the_burst_each_message_waits_for_the_next_slot_and_only_the_first_is_flagged()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var gate = new FloodGate(time, burst: 3, perSecond: 2);
        var slots = Enumerable.Range(0, 6).Select(_ => gate.Reserve("telegram:1")).ToList();
        Assert.Equal([0, 0, 0, 500, 1000, 1500], slots.Select(s => (int)s.Wait.TotalMilliseconds));
        Assert.Equal([false, false, false, true, false, false], slots.Select(s => s.FirstWait));
        Assert.Equal(TimeSpan.Zero, gate.Reserve("telegram:2").Wait);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, gate.Backlog("telegram:1"));
        Assert.Equal(TimeSpan.FromSeconds(0.5), gate.Backlog("telegram:1", ahead: 3));
        Assert.Equal(TimeSpan.Zero, gate.Reserve("telegram:1").Wait);
    }
}
