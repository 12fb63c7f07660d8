using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>No background wait can stop the host: a broadcast a year ahead, the bot run at several dates.</summary>
[Collection(nameof(CrashTests))]
public sealed class LongScheduleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "long-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [Trait("Category", "Crash")]
    public async Task A_broadcast_a_year_ahead_and_runs_at_several_dates_leave_no_failure_in_the_log()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        using (var store = new LiteDbStore(db))
        {
            var now = DateTimeOffset.UtcNow;
            store.Users.Add(new BotUser { DisplayName = "Cán bộ", Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = "phu-tho", Identities = ["telegram:42"], CreatedAt = now });
            new LiteDbBroadcastRepository(store).Add(new Broadcast
            {
                Text = "Hội nghị khuyến công năm sau", Audience = AudienceKind.Everyone, CreatedAt = now, SendAt = now.AddDays(365), Status = BroadcastStatus.Scheduled,
            });
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly[] dates = [today.AddDays(400), today.AddDays(200), today, new DateOnly(2026, 10, 31), new DateOnly(2024, 6, 30)];
        // Latest first: the monthly reminder last ran "in the future" of each next run, so its next run is years away;
        // then earliest first without the reminder, so the broadcast a year ahead is what the service waits for.
        foreach (var (date, reminder) in dates.Select(d => (d, true)).Concat(dates.Reverse().Select(d => (d, false))))
        {
            var (code, output, error) = await CliProcess.RunAsync(_folder, "/help\n/help\n",
                "chat", "--today", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"--Storage:DatabasePath={db}",
                $"--Backup:Folder={_folder}/backups", $"--Storage:OutputPath={_folder}/out", $"--Broadcast:ReminderEnabled={reminder}");
            Assert.True(code == 0, $"--today {date}: exit {code}\n{error}");
            Assert.Equal(2, output.Split("Các lệnh:").Length - 1);
            foreach (var bad in new[] { "fail:", "crit:", "BackgroundService", "Unhandled", "dừng giữa chừng", "   at " })
            {
                Assert.False(error.Contains(bad, StringComparison.Ordinal), $"--today {date}: '{bad}' in the log:\n{error}");
            }
        }
    }

    [Fact]
    public async Task A_wait_longer_than_a_timer_allows_ends_on_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var due = time.GetUtcNow().AddDays(400);
        var wait = LongDelay.UntilAsync(time, due, CancellationToken.None);
        for (var day = 0; day < 399; day++)
        {
            time.Advance(TimeSpan.FromDays(1));
            await Task.Yield();
            Assert.False(wait.IsCompleted, $"ended after {day + 1} days");
        }
        time.Advance(TimeSpan.FromDays(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(time.GetUtcNow() >= due);
        // Waits beyond the ~49 days of a timer, and beyond the end of time, do not throw.
        using var cts = new CancellationTokenSource();
        var forever = LongDelay.ForAsync(time, TimeSpan.MaxValue, cts.Token);
        Assert.False(forever.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => forever);
    }

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
}
