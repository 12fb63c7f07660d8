using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Broadcast;

/// <summary>The `broadcast` verb: the real runner, LiteDB store and Telegram sender against a fake Bot API enforcing 30/s and 1/s per chat.</summary>
public static class BroadcastBenchmark
{
    private const int ServerPerSecond = 30;
    private const int ChatBase = 100_000_000;

    private sealed record Options(int Recipients, int SmallRecipients, TimeSpan Latency, IReadOnlyList<string> Scenarios, string? Output);

    public static int Run(string[] args)
    {
        var o = new Options(
            Arg(args, "--recipients", 10_000), Arg(args, "--small-recipients", 2_000), TimeSpan.FromMilliseconds(Arg(args, "--latency-ms", 50)),
            (Str(args, "--scenarios") ?? "default,restart,crash,rate30,rate35").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Str(args, "--out"));
        var known = new[] { "default", "restart", "crash", "rate30", "rate35" };
        if (o.Scenarios.FirstOrDefault(s => !known.Contains(s)) is { } bad)
        {
            Console.Error.WriteLine($"unknown scenario '{bad}'; known: {string.Join(", ", known)}");
            return 2;
        }
        var results = new List<ScenarioResult>();
        foreach (var s in o.Scenarios)
        {
            var spec = s switch
            {
                "default" => new Scenario("default rate", o.Recipients, 25, null, false, false),
                "restart" => new Scenario("restart at 50% (graceful stop)", o.Recipients, 25, 0.5, false, false),
                "crash" => new Scenario("crash at 50% (sends in flight abandoned)", o.SmallRecipients, 25, 0.5, true, false),
                "rate30" => new Scenario("rate set to 30/s", o.SmallRecipients, 30, null, false, false),
                _ => new Scenario("rate set to 35/s", o.SmallRecipients, 35, null, false, false),
            };
            Log($"scenario '{spec.Name}': {spec.Recipients:N0} recipients at {spec.Rate}/s, server {ServerPerSecond}/s, latency {o.Latency.TotalMilliseconds} ms");
            var r = RunScenarioAsync(spec, o.Latency).GetAwaiter().GetResult();
            Log(r.Summary());
            results.Add(r);
        }
        var report = Report(o, results);
        Console.WriteLine(report);
        if (o.Output is { } path)
        {
            File.WriteAllText(path, report);
            Log($"written to {path}");
        }
        return results.All(r => r.MeetsTargets) ? 0 : 1;
    }

    private sealed record Scenario(string Name, int Recipients, int Rate, double? StopAt, bool Crash, bool ResendUncertain);

    private static async Task<ScenarioResult> RunScenarioAsync(Scenario spec, TimeSpan latency)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kcbot-bcast-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var file = Path.Combine(dir, "bot.litedb");
        var options = new BroadcastOptions { MessagesPerSecond = spec.Rate, ResendUncertain = spec.ResendUncertain };
        await using var server = await FakeBotApi.StartAsync(ServerPerSecond, 1, latency);
        try
        {
            long id;
            using (var store = new LiteDbStore(file))
            {
                var now = DateTimeOffset.UtcNow;
                store.InTransaction(() =>
                {
                    for (var i = 0; i < spec.Recipients; i++)
                    {
                        var chat = (ChatBase + i).ToString(CultureInfo.InvariantCulture);
                        store.Users.Add(new BotUser
                        {
                            DisplayName = $"Cán bộ {i}", Role = Role.Officer, ScopeKind = ScopeKind.All,
                            Identities = ["telegram:" + chat], Chats = { ["telegram"] = chat }, CreatedAt = now,
                        });
                    }
                    return 0;
                });
                id = new LiteDbBroadcastRepository(store).Add(new Core.Broadcasts.Broadcast
                {
                    Text = "Thông báo: hạn gửi báo cáo khuyến công quý IV là ngày 25/12. Trân trọng.",
                    CreatedAt = now, SendAt = now, Status = BroadcastStatus.Scheduled,
                });
            }

            var phases = new List<TimeSpan>();
            var stoppedAt = 0;
            var leftSending = 0;
            using var progress = new CancellationTokenSource();
            var reporter = ReportProgressAsync(server, spec.Recipients, progress.Token);
            using (var bot = BotSide.Open(file, server.BaseUrl, options, spec.Crash))
            {
                await bot.CheckConnectionAsync();
                using var stop = new CancellationTokenSource();
                var watch = Stopwatch.StartNew();
                var run = bot.Runner.RunAsync(id, stop.Token);
                if (spec.StopAt is { } fraction)
                {
                    var half = (int)(spec.Recipients * fraction);
                    await Task.WhenAny(server.WhenDelivered(half), run);
                    stop.Cancel();
                }
                await run;
                phases.Add(watch.Elapsed);
                stoppedAt = server.Delivered.Count;
                leftSending = bot.Repository.Recipients(id).Count(r => r.State == DeliveryState.Sending);
            }
            if (spec.StopAt is not null)
            {
                Log($"stopped with {stoppedAt:N0} delivered, {leftSending} left in 'sending'; reopening {file}");
                using var bot = BotSide.Open(file, server.BaseUrl, options, crash: false);
                var watch = Stopwatch.StartNew();
                await bot.Runner.RunAsync(id, CancellationToken.None);
                phases.Add(watch.Elapsed);
            }
            await progress.CancelAsync();
            await reporter;

            using var final = new LiteDbStore(file);
            var recipients = new LiteDbBroadcastRepository(final).Recipients(id);
            var status = new LiteDbBroadcastRepository(final).Get(id)!.Status;
            return ScenarioResult.Of(spec, server, recipients, status, phases, stoppedAt, leftSending);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                Log($"could not delete {dir}");
            }
        }
    }

    private static async Task ReportProgressAsync(FakeBotApi server, int total, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), ct);
                Log($"  {server.Delivered.Count:N0}/{total:N0} delivered, {server.RateLimited} x 429");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Report(Options o, IReadOnlyList<ScenarioResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- broadcast {string.Join(' ', Environment.GetCommandLineArgs().Skip(2))}`  ");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC  ");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Fake Bot API: {ServerPerSecond} messages in any sliding second, 1 per chat per second, 429 with retry_after beyond; answer latency {o.Latency.TotalMilliseconds:F0} ms.");
        sb.AppendLine();
        sb.AppendLine("| Scenario | Recipients | Configured rate | Achieved rate (run) | Achieved rate (server, first to last) | Peak in 1 s at server | 429s answered by server | 429s reaching the runner | Delivered | Duplicates | Gaps | Reported failed | Elapsed |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            sb.AppendLine(r.Row());
        }
        sb.AppendLine();
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {r.Spec.Name}: {r.Notes}");
        }
        return sb.ToString();
    }

    private static int Arg(string[] args, string name, int fallback) =>
        Str(args, name) is { } s && int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    private static string? Str(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    internal static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    /// <summary>What one scenario measured.</summary>
    private sealed record ScenarioResult(Scenario Spec, int Delivered, int Duplicates, int Gaps, int FailedReported, string FailedReasons,
        int ServerRateLimited, int RunnerRateLimited, int Peak, double RunRate, double ServerRate, TimeSpan Elapsed, string Notes)
    {
        public bool MeetsTargets =>
            Duplicates == 0 && Gaps == 0 && (Spec.Rate != 25 || Spec.Crash || (ServerRateLimited == 0 && RunRate >= 0.95 * Spec.Rate));

        public static ScenarioResult Of(Scenario spec, FakeBotApi server, IReadOnlyList<BroadcastRecipient> recipients, BroadcastStatus status,
            IReadOnlyList<TimeSpan> phases, int stoppedAt, int leftSending)
        {
            var delivered = server.Delivered;
            var byChat = delivered.GroupBy(d => d.Chat).ToDictionary(g => g.Key, g => g.Count());
            var duplicates = byChat.Values.Sum(n => n - 1);
            var gaps = Enumerable.Range(0, spec.Recipients).Count(i => !byChat.ContainsKey(ChatBase + i));
            var failed = recipients.Where(r => r.State == DeliveryState.Failed).ToList();
            var reasons = string.Join("; ", failed.GroupBy(r => (r.Reason ?? "").Split(':')[0]).Select(g => $"{g.Count()} {g.Key}"));
            var elapsed = phases.Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var span = delivered.Count > 1 ? delivered[^1].At - delivered[0].At : TimeSpan.Zero;
            var notes = new List<string>();
            if (spec.StopAt is not null)
            {
                var deliveredButUncertain = failed.Count(r => r.Reason?.StartsWith("uncertain", StringComparison.Ordinal) == true
                    && byChat.ContainsKey(long.Parse(r.ChatId, CultureInfo.InvariantCulture)));
                notes.Add($"stopped at {stoppedAt:N0} delivered ({phases[0].TotalSeconds:F1} s), {leftSending} recipient(s) left in 'sending'; "
                    + $"resumed run {phases[1].TotalSeconds:F1} s; of the uncertain ones {deliveredButUncertain} had in fact been delivered");
            }
            // The runner lets at most `rate` messages out per second; the server seeing rate+1 arrivals closer than 1 s apart means they bunched in transit.
            var arrivals = delivered.Select(d => d.At).Order().ToList();
            var tightest = Enumerable.Range(0, Math.Max(0, arrivals.Count - spec.Rate)).Select(i => arrivals[i + spec.Rate] - arrivals[i]).DefaultIfEmpty(TimeSpan.FromSeconds(1)).Min();
            var bunched = Enumerable.Range(0, Math.Max(0, arrivals.Count - spec.Rate)).Count(i => arrivals[i + spec.Rate] - arrivals[i] < TimeSpan.FromSeconds(1));
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"at the server, {spec.Rate + 1} consecutive arrivals spanned {tightest.TotalMilliseconds:F0} ms at the tightest ({bunched} windows under 1 s)"));
            var refused = server.Refused;
            if (refused.Count > 0 && delivered.Count > 0)
            {
                var t0 = delivered[0].At;
                var times = refused.Take(12).Select(r => ((r.At - t0).TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)) + (r.PerChat ? " (per chat)" : ""));
                notes.Add($"429s at t = {string.Join(", ", times)}{(refused.Count > 12 ? ", ..." : "")} s after the first delivery");
                // Was retry_after honoured? The next accepted message to the refused chat must come at least retry_after later.
                var byChatTimes = delivered.ToLookup(d => d.Chat, d => d.At);
                var waits = refused.Select(r => byChatTimes[r.Chat].Where(t => t > r.At).Select(t => (t - r.At).TotalSeconds - r.RetryAfter).DefaultIfEmpty(double.NaN).Min()).ToList();
                var honoured = waits.Count(w => w >= 0);
                var early = waits.Count(w => w < 0);
                var earliest = early > 0 ? -waits.Where(w => w < 0).Min() * 1000 : 0;
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"after a 429 the chat's next accepted message came at least retry_after later for {honoured} of {refused.Count} refusals, earlier for {early} (by at most {earliest:F1} ms)"));
            }
            var unsent = recipients.Count(r => r.State is DeliveryState.Pending or DeliveryState.Sending);
            if (unsent > 0 || status != BroadcastStatus.Done)
            {
                notes.Add($"broadcast status {status}, {unsent} recipient(s) still pending/sending");
            }
            if (failed.Count > 0)
            {
                notes.Add("failed: " + reasons);
            }
            return new ScenarioResult(spec, delivered.Count, duplicates, gaps, failed.Count, reasons,
                server.RateLimited, recipients.Sum(r => r.RateLimitHits), server.PeakPerSecond,
                elapsed > TimeSpan.Zero ? delivered.Count / elapsed.TotalSeconds : 0,
                span > TimeSpan.Zero ? (delivered.Count - 1) / span.TotalSeconds : 0,
                elapsed, string.Join("; ", notes));
        }

        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {Spec.Name} | {Spec.Recipients:N0} | {Spec.Rate}/s | {RunRate:F2}/s ({RunRate / Spec.Rate:P1}) | {ServerRate:F2}/s | {Peak} | {ServerRateLimited} | {RunnerRateLimited} | {Delivered:N0} | {Duplicates} | {Gaps} | {FailedReported} | {Elapsed.TotalSeconds:F1} s |");

        public string Summary() => string.Create(CultureInfo.InvariantCulture,
            $"{Spec.Name}: {Delivered:N0} delivered in {Elapsed.TotalSeconds:F1} s = {RunRate:F2}/s (server {ServerRate:F2}/s, peak {Peak}), 429: server {ServerRateLimited}, runner {RunnerRateLimited}; duplicates {Duplicates}, gaps {Gaps}, failed {FailedReported} {FailedReasons}");
    }
}
