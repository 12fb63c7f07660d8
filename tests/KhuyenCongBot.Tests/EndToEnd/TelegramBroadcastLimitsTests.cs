using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCongBot.Tests.EndToEnd.EndToEndChannels;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// Broadcasts on Telegram against a fake Bot API that enforces the rate limits and answers 429 and 403, and a host
/// stopped in the middle of a broadcast and started again on the same database: no duplicates, no gaps, no limit exceeded.
/// </summary>
public sealed partial class TelegramBroadcastLimitsTests
{
    private const string Announcement = "Nộp báo cáo khuyến công 6 tháng trước ngày 05/12.";

    [GeneratedRegex(@"Đang gửi thông báo #(\d+)")]
    private static partial Regex SendingLine();

    private static readonly string[] Officers = Enumerable.Range(1, 12).Select(i => "o" + i.ToString("00", CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Composes an announcement to all officers and confirms it; returns its id. <paramref name="beforeConfirm"/> runs just before confirming.</summary>
    private static async Task<long> SendToOfficersAsync(IChatDriver bot, Func<Task>? beforeConfirm = null)
    {
        await bot.SayAsync("admin", "/thongbao");
        await bot.SayAsync("admin", Announcement);
        await bot.ChooseAsync("admin", 2, "Cán bộ khuyến công");
        Assert.Contains("12 người", Joined(await bot.ChooseAsync("admin", 1, "Ngay bây giờ")));
        if (beforeConfirm is not null)
        {
            await beforeConfirm();
        }
        var sending = SendingLine().Match(Joined(await bot.ChooseAsync("admin", 1, "Gửi ngay")));
        Assert.True(sending.Success);
        return long.Parse(sending.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static IReadOnlyList<ApiCall> BroadcastCalls(FakeTelegramServer server) =>
        server.CallsTo("sendMessage").Where(c => c.Str("text") == Announcement).ToList();

    private static int CopiesTo(FakeTelegramServer server, long chatId) =>
        server.SentTo(chatId).Count(m => m.Text == Announcement);

    [Fact]
    public async Task Limits_429_and_403_give_one_copy_each_and_mark_the_blocked_person()
    {
        const int perSecond = 8;
        const int serverLimit = 10;
        // The real clock: the fake server measures its limits in real time, so the bot's limiter must too.
        await using var bot = await TelegramChatDriver.StartAsync(Today,
            settings: new Dictionary<string, string?>
            {
                ["Bot:FloodBurst"] = "0", ["Broadcast:ReminderEnabled"] = "false",
                ["Broadcast:MessagesPerSecond"] = perSecond.ToString(CultureInfo.InvariantCulture), ["Broadcast:PerChatPerSecond"] = "1",
            },
            configure: o => o.Today = null);
        var server = bot.Bot.Server;
        bot.AddUser("admin", Role.Admin, null);
        foreach (var o in Officers)
        {
            bot.AddUser(o, Role.Officer, "phu-tho");
        }
        long blocked = bot.IdOf("o03"), limited = bot.IdOf("o07");
        server.Block(blocked);
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1, chatId: limited);

        var id = await SendToOfficersAsync(bot, async () =>
        {
            server.LimitPerSecond = serverLimit;
            server.LimitPerChatPerSecond = 1;
            await Task.Delay(1100); // the composing messages to the admin leave the per-chat window
        });
        var repository = bot.Services.GetRequiredService<IBroadcastRepository>();
        await WaitUntilAsync(() => repository.Get(id)!.Status == BroadcastStatus.Done
            && server.SentTo(bot.IdOf("admin")).Any(m => m.Text.Contains($"Thông báo #{id} (đã gửi xong)", StringComparison.Ordinal)),
            "the broadcast to finish");

        foreach (var o in Officers)
        {
            Assert.Equal(o == "o03" ? 0 : 1, CopiesTo(server, bot.IdOf(o)));
        }
        var calls = BroadcastCalls(server);
        Assert.Equal(2, calls.Count(c => c.Str("chat_id") == limited.ToString(CultureInfo.InvariantCulture)));
        Assert.Single(calls, c => c.Str("chat_id") == blocked.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Officers.Length + 1, calls.Count);
        Assert.Equal(0, server.RateLimited);
        foreach (var call in calls)
        {
            Assert.True(calls.Count(c => c.At >= call.At && c.At < call.At.AddSeconds(1)) <= serverLimit, "more than the limit in one second");
        }

        var recipients = repository.Recipients(id);
        var blockedUser = bot.Store.Users.FindByIdentity(bot.IdentityOf("o03"))!;
        var failed = Assert.Single(recipients, r => r.State == DeliveryState.Failed);
        Assert.Equal(blockedUser.Id, failed.UserId);
        Assert.StartsWith("blocked", failed.Reason);
        Assert.False(bot.Store.Users.Get(blockedUser.Id)!.Active);
        Assert.Equal(Officers.Length - 1, recipients.Count(r => r.State == DeliveryState.Sent));
        // The 429 reached the runner (no hidden client retry): it paused, rescheduled and sent once more.
        var retried = Assert.Single(recipients, r => r.UserId == bot.Store.Users.FindByIdentity(bot.IdentityOf("o07"))!.Id);
        Assert.Equal((DeliveryState.Sent, 2, 1), (retried.State, retried.Attempts, retried.RateLimitHits));
        var report = Joined(bot.Received("admin"));
        Assert.Contains("Đã gửi: 11", report);
        Assert.Contains("Không gửi được: 1", report);
    }

    [Fact]
    public async Task A_host_stopped_mid_broadcast_resumes_on_restart_without_duplicates_or_gaps()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "restart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var server = await FakeTelegramServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Bot:FloodBurst"] = "0", ["Broadcast:ReminderEnabled"] = "false",
            ["Broadcast:MessagesPerSecond"] = "4",
        };
        try
        {
            long id;
            Dictionary<string, long> chats;
            long adminChat;
            // First host: its fake clock moves in small steps, the evenly spacing limiter lets a few sends through; then the host stops.
            await using (var first = await TelegramChatDriver.StartAsync(Today, settings: settings, configure: o => { o.Server = server; o.Folder = folder; }))
            {
                first.AddUser("admin", Role.Admin, null);
                foreach (var o in Officers)
                {
                    first.AddUser(o, Role.Officer, "phu-tho");
                }
                chats = Officers.ToDictionary(o => o, first.IdOf);
                adminChat = first.IdOf("admin");
                id = await SendToOfficersAsync(first);
                var repository = first.Services.GetRequiredService<IBroadcastRepository>();
                await WaitUntilAsync(() => repository.Recipients(id).Count(r => r.State == DeliveryState.Sent) >= 5, "a few sends",
                    () => first.Advance(TimeSpan.FromMilliseconds(50)));
                Assert.Equal(BroadcastStatus.Sending, repository.Get(id)!.Status);
            }
            var partial = Officers.Sum(o => CopiesTo(server, chats[o]));
            Assert.InRange(partial, 5, Officers.Length - 1);

            // Second host on the same database and the same Bot API: it resumes by itself.
            await using var second = await TelegramChatDriver.StartAsync(Today, settings: settings, configure: o => { o.Server = server; o.Folder = folder; });
            var resumed = second.Services.GetRequiredService<IBroadcastRepository>();
            // The admin's report also waits for the rate limiter, so the clock moves until it is out.
            await WaitUntilAsync(() => resumed.Get(id)!.Status == BroadcastStatus.Done
                    && server.SentTo(adminChat).Any(m => m.Text.Contains($"Thông báo #{id} (đã gửi xong)", StringComparison.Ordinal)),
                "the resumed broadcast to finish and report", () => second.Advance(TimeSpan.FromMilliseconds(250)));

            foreach (var o in Officers)
            {
                Assert.Equal(1, CopiesTo(server, chats[o]));
            }
            var recipients = resumed.Recipients(id);
            Assert.Equal(Officers.Length, recipients.Count);
            // A graceful stop waits for sends in flight, so nobody is left "uncertain" (only a crash can do that).
            Assert.All(recipients, r => Assert.Equal(DeliveryState.Sent, r.State));
            Assert.DoesNotContain(recipients, r => r.Reason?.StartsWith("uncertain", StringComparison.Ordinal) == true);
            Assert.Equal(Officers.Length, BroadcastCalls(server).Count);
            Assert.Contains("Đã gửi: 12", server.SentTo(adminChat).Last().Text);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
