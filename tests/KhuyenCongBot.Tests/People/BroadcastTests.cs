using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.People;

/// <summary>Sending at IMessageSender level: limits, 429, 403, retries, restart in the middle, cancellation.</summary>
public sealed class BroadcastTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-bc", Guid.NewGuid().ToString("N"));
    private readonly VirtualTime _time = new(Start);

    public BroadcastTests() => Directory.CreateDirectory(_folder);

    private string DbPath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    private static List<BotUser> AddUsers(LiteDbStore store, int n)
    {
        var users = new List<BotUser>();
        for (var i = 0; i < n; i++)
        {
            var u = new BotUser
            {
                DisplayName = $"Cán bộ {i}", Role = i % 10 == 0 ? Role.Manager : Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = i % 2 == 0 ? "phu-tho" : "ha-noi",
                Identities = [$"telegram:{i}"], Chats = { ["telegram"] = $"c{i}" }, CreatedAt = Start,
            };
            u.Id = store.Users.Add(u);
            users.Add(u);
        }
        return users;
    }

    private BroadcastRunner Runner(LiteDbStore store, LimitCheckingSender sender, BroadcastOptions? options = null) =>
        new(new LiteDbBroadcastRepository(store), store, [sender], _time, options ?? new BroadcastOptions(), TestTexts.Seeds);

    private static long Schedule(LiteDbStore store, AudienceKind audience = AudienceKind.Everyone) =>
        new LiteDbBroadcastRepository(store).Add(new Broadcast { Text = "Họp giao ban", Audience = audience, CreatedAt = Start, SendAt = Start, Status = BroadcastStatus.Scheduled });

    [Fact]
    public async Task Sends_everyone_once_within_the_limits_with_429_403_and_errors()
    {
        using var store = new LiteDbStore(DbPath);
        var users = AddUsers(store, 120);
        var sender = new LimitCheckingSender(_time, 25);
        sender.RateLimitOn["c5"] = 2;
        sender.RateLimitOn["c50"] = 1;
        sender.BlockedChats.Add("c7");
        sender.ErrorsOn["c9"] = 2;     // recovers after two errors
        sender.ErrorsOn["c11"] = 100;  // never recovers
        var id = Schedule(store);

        await Runner(store, sender).RunAsync(id, CancellationToken.None);

        Assert.Empty(sender.Violations);
        var counts = sender.CountsByChat("Họp giao ban");
        var expected = Enumerable.Range(0, 120).Select(i => $"c{i}").Except(["c7", "c11"]).ToHashSet();
        Assert.Equal(expected, counts.Keys.ToHashSet());
        Assert.All(counts.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, sender.RateLimited);

        var repo = new LiteDbBroadcastRepository(store);
        var recipients = repo.Recipients(id);
        Assert.Equal(118, recipients.Count(r => r.State == DeliveryState.Sent));
        Assert.StartsWith("blocked", recipients.Single(r => r.ChatId == "c7").Reason);
        Assert.Equal(1, recipients.Single(r => r.ChatId == "c7").Attempts);
        Assert.StartsWith("error", recipients.Single(r => r.ChatId == "c11").Reason);
        Assert.Equal(new BroadcastOptions().MaxRetries + 1, recipients.Single(r => r.ChatId == "c11").Attempts);
        Assert.False(store.Users.Get(users[7].Id)!.Active);
        Assert.Equal(BroadcastStatus.Done, repo.Get(id)!.Status);
        // 120 messages at 25 per second take at least 4 seconds of (virtual) time.
        Assert.True(_time.GetUtcNow() - Start >= TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_service_stopped_in_the_middle_resumes_after_restart_without_duplicates_or_gaps()
    {
        var sender = new LimitCheckingSender(_time, 25);
        sender.RateLimitOn["c33"] = 1;
        long id;
        using (var store = new LiteDbStore(DbPath))
        {
            AddUsers(store, 150);
            id = Schedule(store);
            using var stop = new CancellationTokenSource();
            sender.AfterDelivery = n =>
            {
                if (n == 60)
                {
                    stop.Cancel();
                }
            };
            await Runner(store, sender).RunAsync(id, stop.Token);
            var repo = new LiteDbBroadcastRepository(store);
            Assert.Equal(BroadcastStatus.Sending, repo.Get(id)!.Status);
            Assert.DoesNotContain(repo.Recipients(id), r => r.State == DeliveryState.Sending);
            Assert.InRange(sender.Delivered.Count, 60, 60 + new BroadcastOptions().MaxParallel);
        }
        sender.AfterDelivery = null;
        using (var reopened = new LiteDbStore(DbPath))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Runner(reopened, sender).RunAsync(id, CancellationToken.None);
            var repo = new LiteDbBroadcastRepository(reopened);
            Assert.Equal(BroadcastStatus.Done, repo.Get(id)!.Status);
            Assert.All(repo.Recipients(id), r => Assert.Equal(DeliveryState.Sent, r.State));
        }
        Assert.Empty(sender.Violations);
        var counts = sender.CountsByChat("Họp giao ban");
        Assert.Equal(150, counts.Count);
        Assert.All(counts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_recipient_left_in_sending_by_a_crash_is_reported_uncertain_and_not_resent()
    {
        using var store = new LiteDbStore(DbPath);
        AddUsers(store, 5);
        var id = Schedule(store);
        var repo = new LiteDbBroadcastRepository(store);
        var b = repo.Get(id)!;
        repo.CreateRecipients(b, BroadcastAudience.Recipients(b, store.Users.All(), ["telegram"]));
        var crashed = repo.Recipients(id)[2];
        crashed.State = DeliveryState.Sending;
        crashed.Attempts = 1;
        repo.UpdateRecipient(crashed);
        var sender = new LimitCheckingSender(_time, 25);

        await Runner(store, sender).RunAsync(id, CancellationToken.None);

        Assert.DoesNotContain(sender.Delivered, d => d.ChatId == crashed.ChatId);
        Assert.Equal(4, sender.Delivered.Count);
        Assert.StartsWith("uncertain", repo.Recipients(id)[2].Reason);
        var report = BroadcastReport.Build(repo.Get(id)!, repo.Recipients(id), TestTexts.Seeds);
        Assert.Contains("không rõ", report.Text);

        // With ResendUncertain the same situation sends again.
        var id2 = Schedule(store);
        var b2 = repo.Get(id2)!;
        repo.CreateRecipients(b2, BroadcastAudience.Recipients(b2, store.Users.All(), ["telegram"]));
        var r2 = repo.Recipients(id2)[0];
        r2.State = DeliveryState.Sending;
        repo.UpdateRecipient(r2);
        _time.Advance(TimeSpan.FromSeconds(2));
        await Runner(store, sender, new BroadcastOptions { ResendUncertain = true }).RunAsync(id2, CancellationToken.None);
        Assert.Equal(DeliveryState.Sent, repo.Recipients(id2)[0].State);
    }

    [Fact]
    public async Task A_cancelled_broadcast_stops_and_the_rest_is_marked_cancelled()
    {
        using var store = new LiteDbStore(DbPath);
        AddUsers(store, 80);
        var id = Schedule(store);
        var signal = new BroadcastSignal();
        var sender = new LimitCheckingSender(_time, 25) { AfterDelivery = n => { if (n == 30) { signal.Cancel(1); } } };
        var runner = new BroadcastRunner(new LiteDbBroadcastRepository(store), store, [sender], _time, new BroadcastOptions { MaxParallel = 1 }, TestTexts.Seeds, signal);
        Assert.Equal(1, id);
        await runner.RunAsync(id, CancellationToken.None);
        var recipients = new LiteDbBroadcastRepository(store).Recipients(id);
        Assert.InRange(recipients.Count(r => r.State == DeliveryState.Sent), 30, 31);
        Assert.All(recipients.Where(r => r.State != DeliveryState.Sent), r => Assert.Equal("cancelled", r.Reason));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(25, 1)]
    [InlineData(30, 1)]
    public async Task The_rate_limiter_never_exceeds_its_limits(int perSecond, int perChat)
    {
        var limiter = new SendRateLimiter(_time, perSecond, perChat);
        var sender = new LimitCheckingSender(_time, perSecond);
        for (var i = 0; i < 200; i++)
        {
            var chat = "c" + (i % 7);
            await limiter.WaitAsync(chat, CancellationToken.None);
            await sender.SendAsync(chat, new Core.Messaging.Reply());
        }
        Assert.Empty(sender.Violations);
    }

    [Fact]
    public async Task Drill_reports_rate_duplicates_and_gaps()
    {
        var sender = new LimitCheckingSender(_time, 25);
        sender.RateLimitOn["c3"] = 1;
        using var store = new LiteDbStore(DbPath);
        var result = await BroadcastDrill.RunAsync(100, sender, _time, new BroadcastOptions(), store, new LiteDbBroadcastRepository(store), TestTexts.Seeds);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, result.Gaps);
        Assert.Equal(1, result.RateLimited);
        Assert.InRange(result.MessagesPerSecond, 1, 25.01);
    }
}
