using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KhuyenCongBot.Benchmarks.Figures;
using KhuyenCongBot.Benchmarks.Pipeline;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Memory;

/// <summary>
/// Peak memory of the real bot process (KhuyenCongBot.dll run, its own runtimeconfig) on 10.000 users and 1.000.000 records:
/// start and figures index build, a manager's figure questions (reply latency), officers filling forms; plus an in-process probe
/// (same GC settings) that splits the managed heap into the index and LiteDB's page cache.
/// </summary>
public static class MemoryBenchmark
{
    private const long Manager = 99_999;

    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "probe")
        {
            return MemoryProbe.Run(args[1..]);
        }
        var users = Arg(args, "--users", 10_000);
        var records = Arg(args, "--records", 1_000_000);
        var officers = Arg(args, "--officers", 500);
        var seconds = Arg(args, "--seconds", 20);
        var rounds = Arg(args, "--rounds", 20);
        var output = Str(args, "--out");
        var db = Str(args, "--db");
        var temp = db is null;
        db ??= Path.Combine(Path.GetTempPath(), "kcbot-memory-" + Environment.ProcessId, "memory.db");
        try
        {
            var seedSeconds = File.Exists(db) ? 0 : Seed(db, users, records, officers);
            // Every run works on a fresh copy: the bot writes to its file (records, handled update ids), and the loopback API
            // numbers updates from 1 again, which a used file would take for redeliveries.
            var work = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "memory-run-" + Environment.ProcessId + ".db");
            File.Copy(db, work, overwrite: true);
            var probe = args.Contains("--no-probe") ? null : RunProbe(work);
            BotRun run;
            try
            {
                run = RunBotAsync(work, officers, seconds, rounds).GetAwaiter().GetResult();
            }
            finally
            {
                File.Delete(work);
                File.Delete(Path.ChangeExtension(work, null) + "-log.db");
            }
            var report = Report(args, users, records, db, seedSeconds, probe, run);
            Console.WriteLine(report);
            if (output is not null)
            {
                File.WriteAllText(output, report);
            }
            return 0;
        }
        finally
        {
            if (temp)
            {
                try
                {
                    Directory.Delete(Path.GetDirectoryName(db)!, true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private sealed record BotRun(
        long PeakAfterStart, long RssAfterStart, double StartSeconds, List<double> QuestionMs, long PeakAfterQuestions,
        double FormsRate, long PeakEnd, long RssEnd, int Saved);

    /// <summary>Users and records as the pipeline benchmark seeds them (the first <paramref name="officers"/> users in Bắc Ninh).</summary>
    internal static double Seed(string db, int users, int records, int officers)
    {
        var watch = Stopwatch.StartNew();
        var seeds = SeedFiles.Locate(null);
        var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        using (var store = new LiteDbStore(db))
        {
            var provinces = catalogue.CurrentProvinces.Select(p => p.Id).ToArray();
            for (var i = 0; i < users; i++)
            {
                store.Users.Add(new BotUser
                {
                    DisplayName = "Cán bộ " + i, Role = Role.Officer, ScopeKind = ScopeKind.Province,
                    ScopeId = i < officers ? "bac-ninh" : provinces[i % provinces.Length],
                    Identities = ["telegram:" + (100_000 + i).ToString(CultureInfo.InvariantCulture)], CreatedAt = DateTimeOffset.UtcNow,
                });
            }
            foreach (var batch in new BenchData(catalogue).Records(records).Chunk(25_000))
            {
                store.Records.AddMany(batch);
            }
            store.Checkpoint();
        }
        Log($"seeded {users:N0} users and {records:N0} records into {db} in {watch.Elapsed.TotalSeconds:F0} s");
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Runs the probe in a child process with the GC settings of the bot's runtimeconfig, returns its report lines.</summary>
    private static string RunProbe(string db)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.Benchmarks.dll"));
        foreach (var a in new[] { "memory", "probe", db })
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in GcSettingsOfBot())
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Log("probe:\n" + text);
        return text;
    }

    /// <summary>The GC settings of KhuyenCongBot.runtimeconfig.json as DOTNET_ environment variables.</summary>
    internal static IEnumerable<(string, string)> GcSettingsOfBot()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.runtimeconfig.json")));
        var props = json?["runtimeOptions"]?["configProperties"]?.AsObject();
        if (props is null)
        {
            yield break;
        }
        foreach (var (key, env) in new[] { ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent"), ("System.GC.ConserveMemory", "DOTNET_GCConserveMemory") })
        {
            if (props[key] is { } v)
            {
                var s = v.ToJsonString();
                yield return (env, s == "true" ? "1" : s == "false" ? "0" : s.Trim('"'));
            }
        }
        yield return ("DOTNET_TieredPGO", props["System.Runtime.TieredPGO"]?.ToJsonString() == "false" ? "0" : "1");
    }

    private static async Task<BotRun> RunBotAsync(string db, int officers, int seconds, int rounds)
    {
        await using var api = await LoopbackBotApi.StartAsync();
        var inbox = Channel.CreateUnbounded<string>();
        api.Listen(Manager, text => inbox.Writer.TryWrite(text));
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(db)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.dll"));
        foreach (var a in new[]
        {
            "run", "--Telegram:BotToken=" + LoopbackBotApi.Token, "--Telegram:ApiBaseUrl=" + api.BaseUrl, "--Telegram:PollTimeoutSeconds=1",
            "--Storage:DatabasePath=" + db, "--Backup:Enabled=false", "--Bot:FloodBurst=0", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Bot:Admins:0=telegram:" + Manager.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(a);
        }
        var started = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { Log("bot: " + d); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } d) { Log("bot! " + d); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The first reply means the host started: the figures index is built by a hosted service before it.
            api.UserSends(Manager, "/start");
            await inbox.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(5));
            var startSeconds = started.Elapsed.TotalSeconds;
            await Drain(inbox);
            var (peakStart, rssStart) = ReadMemory(process.Id);
            Log($"bot answered after {startSeconds:F1} s: peak {peakStart / 1048576} MB, now {rssStart / 1048576} MB");

            var seeds = SeedFiles.Locate(null);
            var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
            var questions = BenchQueries.Create(catalogue).Select(q => q.Question).ToList();
            var times = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in questions)
                {
                    var sent = Stopwatch.GetTimestamp();
                    api.UserSends(Manager, q);
                    var reply = await inbox.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                    var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                    if (round > 0)
                    {
                        times.Add(ms);
                    }
                    else
                    {
                        Log($"{q} -> {reply.Split('\n')[0]}");
                    }
                    await Drain(inbox);
                }
            }
            var (peakQuestions, _) = ReadMemory(process.Id);
            Log($"{times.Count} questions: p50 {Percentile(times, 0.5):F1} ms, p95 {Percentile(times, 0.95):F1} ms; peak {peakQuestions / 1048576} MB");

            var sims = Enumerable.Range(0, officers).Select(i => new SimOfficer(api, 100_000 + i, echo: false)).ToList();
            using var stop = new CancellationTokenSource();
            var running = sims.Select(s => Task.Run(() => s.RunAsync(stop.Token))).ToList();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var (peak, rss) = ReadMemory(process.Id);
            var answered = sims.Sum(s => s.Samples.Count);
            await stop.CancelAsync();
            await Task.WhenAll(running);
            Log($"forms: {answered / (double)seconds:F0} updates/s; peak {peak / 1048576} MB, now {rss / 1048576} MB");
            return new BotRun(peakStart, rssStart, startSeconds, times, peakQuestions, answered / (double)seconds, peak, rss, sims.Sum(s => s.Saved));
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            await process.WaitForExitAsync();
        }
    }

    private static async Task Drain(Channel<string> inbox)
    {
        await Task.Delay(20);
        while (inbox.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>VmHWM (peak resident set) and VmRSS of a process, from /proc.</summary>
    internal static (long Peak, long Rss) ReadMemory(int pid)
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmHWM:"), Field(status, "VmRSS:"));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string Report(string[] args, int users, int records, string db, double seedSeconds, string? probe, BotRun run)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Command: `dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- memory {string.Join(' ', args)}`  ");
        sb.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; bot GC settings: {string.Join(", ", GcSettingsOfBot().Select(s => s.Item1 + "=" + s.Item2))}  ");
        sb.AppendLine(inv, $"Data: {users:N0} users, {records:N0} records, LiteDB file {new FileInfo(db).Length / 1048576} MB{(seedSeconds > 0 ? $" (seeded in {seedSeconds:F0} s)" : "")}");
        sb.AppendLine();
        sb.AppendLine("| bot process (KhuyenCongBot.dll run) | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(inv, $"| start to first reply (figures index built) | {run.StartSeconds:F1} s |");
        sb.AppendLine(inv, $"| peak working set (VmHWM) after start | {run.PeakAfterStart / 1048576} MB |");
        sb.AppendLine(inv, $"| resident (VmRSS) after start | {run.RssAfterStart / 1048576} MB |");
        sb.AppendLine(inv, $"| figure questions, update-to-reply p50 / p95 ({run.QuestionMs.Count} questions) | {Percentile(run.QuestionMs, 0.5):F1} / {Percentile(run.QuestionMs, 0.95):F1} ms |");
        sb.AppendLine(inv, $"| peak working set after the questions | {run.PeakAfterQuestions / 1048576} MB |");
        sb.AppendLine(inv, $"| forms under load (500 officers, saturated) | {run.FormsRate:F0} updates/s, {run.Saved} saved |");
        sb.AppendLine(inv, $"| **peak working set at the end (VmHWM)** | **{run.PeakEnd / 1048576} MB** |");
        sb.AppendLine(inv, $"| resident at the end (VmRSS) | {run.RssEnd / 1048576} MB |");
        if (probe is not null)
        {
            sb.AppendLine();
            sb.AppendLine("In-process probe (same GC settings, LiteDbStore + FiguresIndex only, no host):");
            sb.AppendLine();
            sb.Append(probe);
        }
        return sb.ToString();
    }

    private static int Arg(string[] args, string name, int fallback) =>
        Str(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Str(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    internal static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
