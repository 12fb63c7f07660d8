using System.Text;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Tests.Fakes;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The bot as its own process, killed (SIGKILL) or stopped (SIGTERM) while officers fill forms through the fake Bot API.</summary>
[Collection(nameof(CrashTests))]
[CollectionDefinition(nameof(CrashTests), DisableParallelization = true)]
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "crash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Killing_the_bot_at_random_moments_loses_no_saved_record_and_duplicates_none()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        await using var server = await FakeTelegramServer.StartAsync();
        var random = new Random(7);
        var run = 1;
        var officers = Enumerable.Range(0, 20).Select(i => new FormOfficer(server, 6000 + i, () => Volatile.Read(ref run))).ToList();
        var log = new StringBuilder();
        using var stop = new CancellationTokenSource();
        var driving = officers.Select(o => Task.Run(() => o.RunAsync(TimeSpan.FromSeconds(4), stop.Token))).ToList();

        const int Kills = 6;
        for (var k = 0; k < Kills; k++)
        {
            await using var bot = BotProcess.Start(server, db, log, officers.Select(o => o.Id));
            var sentBefore = server.CallsTo("sendMessage").Count;
            await WaitPolling(server, bot);
            // The random moment is counted from the run's first answer: on a loaded machine a fresh process may take seconds to
            // answer at all, and a kill before that tests nothing (CI once killed five runs in a row before any answer).
            await WaitAnswering(server, bot, sentBefore);
            await Task.Delay(random.Next(800, 3000));
            await bot.KillAsync();
            officers.ForEach(o => o.Killed());
            output.WriteLine($"run {run}: killed after {server.CallsTo("sendMessage").Count} messages in all");
            Interlocked.Increment(ref run);
        }
        // A last run without a kill lets every officer get through the form in hand, then a normal stop.
        var last = BotProcess.Start(server, db, log, officers.Select(o => o.Id));
        await WaitPolling(server, last);
        await Task.Delay(5000);
        await stop.CancelAsync();
        await Task.WhenAll(driving);
        await Task.Delay(1500);
        var (exit, took) = await last.TerminateAsync(TimeSpan.FromSeconds(10));
        await last.DisposeAsync();
        officers.ForEach(o => o.ReadRest());

        var receipts = officers.SelectMany(o => o.Receipts).DistinctBy(r => r.RecordId).ToList();
        using var store = new LiteDbStore(db);
        var records = store.Records.All().Where(r => r.Extra.TryGetValue("fair_name", out var f) && f.StartsWith("Hội chợ thử ", StringComparison.Ordinal)).ToList();
        var byId = records.ToDictionary(r => r.Id);
        var uncertain = officers.SelectMany(o => o.Uncertain).ToHashSet();
        var spanning = receipts.Count(r => r.ReceivedInRun > r.StartedInRun);
        output.WriteLine($"{Kills} kills; {receipts.Count} receipts, {records.Count} records, {uncertain.Count} forms whose receipt was lost in a crash, {spanning} forms finished in a later run than they started; stop took {took.TotalSeconds:F1} s");

        // None lost: every receipt an officer saw is a record in the file, the officer's own.
        foreach (var receipt in receipts)
        {
            Assert.True(byId.TryGetValue(receipt.RecordId, out var record), $"receipt for record {receipt.RecordId} (officer {receipt.Officer}) but no such record"
                + (store.Records.Get(receipt.RecordId) is { } other ? $" of the test (#{other.Id} is \"{other.Extra.GetValueOrDefault("fair_name")}\", {other.ActivityId}, {other.FacilityName}, by user {other.CreatedByUserId})" : " in the file")
                + "\n" + string.Join("\n", officers.Single(o => o.Id == receipt.Officer).Timeline)
                + "\nThe bot's log about these updates:\n" + LogAbout(log.ToString(), officers.Single(o => o.Id == receipt.Officer).Timeline));
            Assert.StartsWith(FormOfficer.MarkerPrefix(receipt.Officer), record.Extra["fair_name"]);
        }
        // A receipt may come twice (a run died after sending it but before Telegram was told the update was handled, so the
        // next run sent the saved replies again); two receipts never name one form under two record ids (checked below).
        // None duplicated: each form (marker) is saved at most once.
        var duplicated = records.GroupBy(r => r.Extra["fair_name"]).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(duplicated.Count == 0, "saved twice: " + string.Join(", ", duplicated));
        // A record without a receipt can only be a form whose receipt was lost when the bot died right after saving.
        var receipted = receipts.Select(r => r.RecordId).ToHashSet();
        var unexplained = records.Where(r => !receipted.Contains(r.Id) && !uncertain.Contains(r.Extra["fair_name"])).Select(r => $"#{r.Id} {r.Extra["fair_name"]}").ToList();
        Assert.True(unexplained.Count == 0, "records nobody was told about: " + string.Join(", ", unexplained));
        // And none of those either: a receipt lost in a crash is sent again when Telegram delivers the unconfirmed update to the next run.
        var neverTold = records.Where(r => !receipted.Contains(r.Id)).Select(r => $"#{r.Id} {r.Extra["fair_name"]}").ToList();
        output.WriteLine($"{neverTold.Count} records whose receipt never reached the officer");
        Assert.True(neverTold.Count == 0, "saved but the officer was never told (receipt not sent again): " + string.Join(", ", neverTold));
        Assert.Equal(0, exit);
        Assert.DoesNotContain(server.Token, log.ToString());
        Assert.DoesNotContain(server.Token.Split(':')[1], log.ToString());
        // Checked last, so that what went wrong on a slow machine is reported first.
        Assert.True(receipts.Count >= 40, $"only {receipts.Count} forms saved: the officers did not get far enough for the test to mean anything");
        Assert.True(spanning > 0, "no form survived a restart");
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Sigterm_finishes_updates_in_hand_checkpoints_and_exits_within_ten_seconds()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        await using var server = await FakeTelegramServer.StartAsync();
        var officers = Enumerable.Range(0, 10).Select(i => new FormOfficer(server, 7000 + i, () => 1)).ToList();
        var log = new StringBuilder();
        using var stop = new CancellationTokenSource();
        var bot = BotProcess.Start(server, db, log, officers.Select(o => o.Id));
        await WaitPolling(server, bot);
        var driving = officers.Select(o => Task.Run(() => o.RunAsync(TimeSpan.FromSeconds(4), stop.Token))).ToList();
        // SIGTERM while forms are in hand, once at least one was saved (on a loaded machine the first form may take longer than 4 s).
        var started = DateTimeOffset.UtcNow;
        while (!officers.Any(o => o.ReceiptCount > 0) && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
        }
        await Task.Delay(1000);

        var (exit, took) = await bot.TerminateAsync(TimeSpan.FromSeconds(12));
        await stop.CancelAsync();
        await Task.WhenAll(driving);
        await bot.DisposeAsync();

        output.WriteLine($"SIGTERM: exit {exit} after {took.TotalSeconds:F2} s");
        Assert.Equal(0, exit);
        Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
        var logFile = Path.Combine(_folder, "bot-log.db");
        var logBytes = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
        Assert.True(logBytes == 0, $"LiteDB log not checkpointed: {logBytes} bytes");
        var receipts = officers.SelectMany(o => o.Receipts).ToList();
        Assert.NotEmpty(receipts);
        using var store = new LiteDbStore(db);
        foreach (var receipt in receipts)
        {
            Assert.NotNull(store.Records.Get(receipt.RecordId));
        }
        Assert.Contains("Database checkpointed on stop", log.ToString());
        Assert.DoesNotContain(server.Token, log.ToString());
    }

    /// <summary>The bot's log lines that name one of the updates in <paramref name="timeline"/>.</summary>
    private static string LogAbout(string log, IEnumerable<string> timeline)
    {
        var ids = timeline.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\[(\d+)\]")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        return string.Join("\n", log.Split('\n').Where(line => ids.Any(id => line.Contains(id, StringComparison.Ordinal))));
    }

    /// <summary>Waits until the process has sent a message since <paramref name="sentBefore"/> (at most 30 seconds).</summary>
    private static async Task WaitAnswering(FakeTelegramServer server, BotProcess bot, int sentBefore)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (server.CallsTo("sendMessage").Count == sentBefore && !bot.HasExited && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the new process polls getUpdates (it is up and reading).</summary>
    private static async Task WaitPolling(FakeTelegramServer server, BotProcess bot)
    {
        var before = server.CallsTo("deleteWebhook").Count;
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (server.CallsTo("deleteWebhook").Count == before)
        {
            if (bot.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException("The bot process did not start:\n" + bot.Output);
            }
            await Task.Delay(20);
        }
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
