using System.Diagnostics;
using System.Globalization;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Benchmarks.Pipeline;

/// <summary>
/// The engine alone (no HTTP): simulated officers fill the trade-fair form straight through <see cref="IBotEngine"/> on a LiteDB file.
/// Gives the bot's own CPU time and allocations per update, the part of the pipeline the echo bot does not have.
/// </summary>
public static class EngineBenchmark
{
    public static int Run(string[] args)
    {
        var officers = Arg(args, "--officers", 500);
        var seconds = Arg(args, "--seconds", 10);
        var warmup = Arg(args, "--warmup", 3);
        var dir = Path.Combine(Path.GetTempPath(), "kcbot-engine-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            RunAsync(dir, officers, seconds, warmup).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task RunAsync(string dir, int officers, int seconds, int warmup)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(dir, "engine.db"),
            ["Storage:OutputPath"] = Path.Combine(dir, "out"),
            ["Backup:Enabled"] = "false",
            ["Bot:FloodBurst"] = "0",
        };
        for (var i = 0; i < officers; i++)
        {
            settings[$"Bot:Admins:{i}"] = "telegram:" + (100_000 + i).ToString(CultureInfo.InvariantCulture);
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        await using var app = builder.Build();
        await app.StartAsync();
        var engine = app.Services.GetRequiredService<IBotEngine>();
        var updateId = 0;
        long handled = 0;
        var saved = 0;
        var measuring = false;
        using var stop = new CancellationTokenSource();

        async Task Officer(long id)
        {
            var next = "/ghi";
            var form = 0;
            while (!stop.IsCancellationRequested)
            {
                var message = new Incoming
                {
                    Channel = "telegram", ChatId = id.ToString(CultureInfo.InvariantCulture), UserId = id.ToString(CultureInfo.InvariantCulture),
                    DisplayName = "Cán bộ " + id, Text = next, LanguageCode = "vi", UpdateKey = "telegram:" + Interlocked.Increment(ref updateId),
                };
                var replies = await engine.HandleAsync(message);
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Increment(ref handled);
                }
                var text = replies.LastOrDefault(r => SimOfficer.IsActionable(r.Text, id, form))?.Text;
                if (text is null)
                {
                    next = "/ghi";
                }
                else if (text.Contains("Đã lưu bản ghi số", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref saved);
                    form++;
                    next = "/ghi";
                }
                else
                {
                    next = text.Contains("Kiểm tra trước khi lưu", StringComparison.Ordinal) ? "Lưu" : SimOfficer.AnswerTo(text, id, form) ?? "/ghi";
                }
                await Task.Yield();
            }
        }

        var running = Enumerable.Range(0, officers).Select(i => Task.Run(() => Officer(100_000 + i))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes();
        var gc0 = GC.CollectionCount(0);
        var gc1 = GC.CollectionCount(1);
        var gc2 = GC.CollectionCount(2);
        var pause0 = GC.GetTotalPauseDuration();
        var t0 = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, true);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMicroseconds;
        var alloc = GC.GetTotalAllocatedBytes() - alloc0;
        var gcs = GC.CollectionCount(0) - gc0;
        var gen1 = GC.CollectionCount(1) - gc1;
        var gen2 = GC.CollectionCount(2) - gc2;
        var pause = (GC.GetTotalPauseDuration() - pause0).TotalSeconds / elapsed * 100;
        var n = Interlocked.Read(ref handled);
        var eph = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        var gens = string.Join(" | ", eph.GenerationInfo.ToArray().Select((g, i) =>
            FormattableString.Invariant($"g{i} {g.SizeBeforeBytes / 1048576.0:F1}->{g.SizeAfterBytes / 1048576.0:F1}")));
        Console.WriteLine(FormattableString.Invariant(
            $"last ephemeral GC: gen {eph.Generation}, promoted {eph.PromotedBytes / 1048576.0:F1} MB, heap {eph.HeapSizeBytes / 1048576.0:F0} MB, MB before->after {gens}, pause {eph.PauseDurations[0].TotalMilliseconds:F1} ms, pinned {eph.PinnedObjectsCount}"));
        await stop.CancelAsync();
        await Task.WhenAll(running);
        var store = app.Services.GetRequiredService<KhuyenCongBot.Core.Storage.IBotStore>() as KhuyenCongBot.Storage.LiteDbStore;
        var (tx, works) = store?.GroupCommitStats ?? (0, 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine: {n / elapsed:F0} updates/s, {cpu / Math.Max(1, n):F0} µs CPU/update, {alloc / (double)Math.Max(1, n) / 1024:F1} KB allocated/update, {gcs} GCs (gen1 {gen1}, gen2 {gen2}, paused {pause:F1} % of the time), {saved} forms saved, group commits {tx} carrying {works} works ({(tx > 0 ? works / (double)tx : 0):F1} per commit)"));
        await app.StopAsync();
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
