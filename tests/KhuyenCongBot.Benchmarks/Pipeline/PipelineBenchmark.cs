using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCongBot.Benchmarks.Figures;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;

namespace KhuyenCongBot.Benchmarks.Pipeline;

/// <summary>
/// The whole pipeline under load: simulated officers on a loopback Bot API, the real Telegram.Bot client and polling loop,
/// the engine and forms, LiteDB on a file. Compared in the same run with a bare echo bot on the same harness (the ceiling).
/// Then the bot as its own process on 10.000 users and 1.000.000 records, for its peak memory.
/// </summary>
public static class PipelineBenchmark
{
    private sealed record Result(string Name, double UpdatesPerSecond, double P50, double P99, double Max, int Samples, int Timeouts, int Saved);

    public static int Run(string[] args)
    {
        var officers = Arg(args, "--officers", 500);
        var seconds = Arg(args, "--seconds", 20);
        var warmup = Arg(args, "--warmup", 5);
        var users = Arg(args, "--users", 10_000);
        var records = Arg(args, "--records", 1_000_000);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        // The echo bot runs first in this process and shares Telegram.Bot's JSON options with the bot: both send UTF-8, as the bot does.
        TelegramJson.UseUtf8();
        LoopbackBotApi.Lean = args.Contains("--lean-api");
        s_webhook = args.Contains("--webhook");
        var dir = Path.Combine(Path.GetTempPath(), "kcbot-pipeline-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var rate = Arg(args, "--rate", 1000);
            var interval = TimeSpan.FromSeconds((double)officers / rate);
            if (args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() is { } only)
            {
                // One scenario alone, for profiling: "bot", "echo", or "echo-like-bot" (an echo bot whose replies have the size
                // and keyboard of the bot's form questions: how much of the gap is only the bigger messages), saturated.
                s_replyLikeBot = only == "echo-like-bot";
                var name = only switch
                {
                    "echo" => "echo bot (ceiling), saturated",
                    "echo-like-bot" => "echo bot replying with a form question's text and keyboard, saturated",
                    _ => "KhuyenCongBot forms, saturated",
                };
                var single = Measure(name, dir, officers, seconds, warmup, echo: only.StartsWith("echo", StringComparison.Ordinal), TimeSpan.Zero)
                    .GetAwaiter().GetResult();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{single.Name}: {single.UpdatesPerSecond:F0} updates/s, p50 {single.P50:F1} ms, p99 {single.P99:F1} ms"));
                return 0;
            }
            var echo = Measure("echo bot (ceiling), saturated", dir, officers, seconds, warmup, echo: true, TimeSpan.Zero).GetAwaiter().GetResult();
            var bot = Measure("KhuyenCongBot forms, saturated", dir, officers, seconds, warmup, echo: false, TimeSpan.Zero).GetAwaiter().GetResult();
            var echoPaced = Measure($"echo bot, paced at {rate}/s", dir, officers, seconds, warmup, echo: true, interval).GetAwaiter().GetResult();
            var botPaced = Measure($"KhuyenCongBot forms, paced at {rate}/s", dir, officers, seconds, warmup, echo: false, interval).GetAwaiter().GetResult();
            (long PeakBytes, long RssBytes, double SeedSeconds, double Rate, long FileBytes)? memory = args.Contains("--no-memory") ? null : Memory(dir, users, records, officers).GetAwaiter().GetResult();
            var report = Report(args, officers, seconds, warmup, users, records, bot, echo, botPaced, echoPaced, rate, memory);
            Console.WriteLine(report);
            if (output is not null)
            {
                File.WriteAllText(output, report);
            }
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

    private static async Task<Result> Measure(string name, string dir, int officers, int seconds, int warmup, bool echo, TimeSpan interval)
    {
        Log($"{name}: {officers} officers, {warmup} s warm-up + {seconds} s measured");
        await using var api = await LoopbackBotApi.StartAsync();
        var ids = Enumerable.Range(0, officers).Select(i => 100_000L + i).ToList();
        using var stopBot = new CancellationTokenSource();
        WebApplication? app = null;
        Task? echoLoop = null;
        if (echo && s_webhook)
        {
            app = await StartEchoWebhookAsync(api);
        }
        else if (echo)
        {
            echoLoop = EchoAsync(api, stopBot.Token);
        }
        else
        {
            app = await StartBotAsync(api, Path.Combine(dir, $"pipeline-{Guid.NewGuid():N}.db"), ids);
        }
        var sims = ids.Select(id => new SimOfficer(api, id, echo)).ToList();
        using var stop = new CancellationTokenSource();
        var running = sims.Select(s => Task.Run(() => s.RunAsync(stop.Token, interval))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var from = Stopwatch.GetTimestamp();
        var cpuFrom = Process.GetCurrentProcess().TotalProcessorTime;
        var (calls0, bytes0) = (api.Calls, api.Bytes);
        var (gcs0, pause0, alloc0) = (GC.CollectionCount(0), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var store = app?.Services.GetService(typeof(KhuyenCongBot.Core.Storage.IBotStore)) as KhuyenCongBot.Storage.LiteDbStore;
        var (tx0, works0) = store?.GroupCommitStats ?? (0, 0);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        var to = Stopwatch.GetTimestamp();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuFrom;
        var (calls, bytes) = (api.Calls - calls0, api.Bytes - bytes0);
        var (gcs, pause, alloc) = (GC.CollectionCount(0) - gcs0, GC.GetTotalPauseDuration() - pause0, GC.GetTotalAllocatedBytes() - alloc0);
        var (tx, works) = store?.GroupCommitStats ?? (0, 0);
        var commits = store is null ? "" : $", {tx - tx0} commits carrying {(works - works0) / (double)Math.Max(1, tx - tx0):F1} messages each";
        await stop.CancelAsync();
        await Task.WhenAll(running);
        await stopBot.CancelAsync();
        if (echoLoop is not null)
        {
            await echoLoop;
        }
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        var window = sims.SelectMany(s => s.Samples).Where(s => s.At >= from && s.At <= to).Select(s => s.Ms).OrderBy(ms => ms).ToList();
        var elapsed = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        var result = new Result(name, window.Count / elapsed, Percentile(window, 0.50), Percentile(window, 0.99), window.Count > 0 ? window[^1] : 0,
            window.Count, sims.Sum(s => s.Timeouts), sims.Sum(s => s.Saved));
        Log($"{name}: {result.UpdatesPerSecond:F0} updates/s, p50 {result.P50:F1} ms, p99 {result.P99:F1} ms, {result.Saved} forms saved, "
            + $"{cpu.TotalMicroseconds / Math.Max(1, window.Count):F0} µs of CPU per update (harness included), "
            + $"{calls / (double)Math.Max(1, window.Count):F2} API calls per update, {bytes / (double)Math.Max(1, calls):F0} bytes per call, "
            + $"{alloc / 1024.0 / Math.Max(1, window.Count):F1} KB allocated per update, {gcs} GCs pausing the process {pause.TotalSeconds / Math.Max(0.001, Stopwatch.GetElapsedTime(from, to).TotalSeconds) * 100:F1} % of the time{commits}");
        return result;
    }

    /// <summary>The bot composed as `run` composes it, polling the loopback API, on a LiteDB file; the officers are admins from configuration.</summary>
    private static async Task<WebApplication> StartBotAsync(LoopbackBotApi api, string db, IReadOnlyList<long> officers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = db,
            ["Storage:OutputPath"] = Path.Combine(Path.GetDirectoryName(db)!, "out"),
            ["Telegram:BotToken"] = LoopbackBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Backup:Enabled"] = "false",
            // Simulated officers answer instantly, faster than the per-person flood limit lets a person type.
            ["Bot:FloodBurst"] = "0",
        };
        for (var i = 0; i < officers.Count; i++)
        {
            settings[$"Bot:Admins:{i}"] = "telegram:" + officers[i].ToString(CultureInfo.InvariantCulture);
        }
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        if (s_webhook)
        {
            // Telegram posts to the bot (40 connections at most) instead of the bot polling.
            var port = FreePort();
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/webhook";
            settings["Telegram:WebhookSecret"] = WebhookSecret;
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        ChannelRegistration.AddChannels(builder.Services, builder.Configuration);
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        var app = builder.Build();
        ChannelRegistration.MapEndpoints(app);
        await app.StartAsync();
        await app.Services.GetRequiredService<TelegramBot>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return app;
    }

    private static bool s_replyLikeBot;

    /// <summary>--webhook: both bots receive updates posted by the fake (Telegram's webhook, 40 connections) instead of polling.</summary>
    private static bool s_webhook;

    private const string WebhookSecret = "bench-secret_123";

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The ceiling in webhook mode: an endpoint that reads the posted update and sends the echo, then answers 200.</summary>
    private static async Task<WebApplication> StartEchoWebhookAsync(LoopbackBotApi api)
    {
        var client = new TelegramBotClient(new TelegramBotClientOptions(LoopbackBotApi.Token, api.BaseUrl));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hook", async (Microsoft.AspNetCore.Http.HttpContext http) =>
        {
            var u = await System.Text.Json.JsonSerializer.DeserializeAsync<global::Telegram.Bot.Types.Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            await (!s_replyLikeBot
                ? client.SendMessage(u!.Message!.Chat.Id, u.Message.Text ?? "", cancellationToken: http.RequestAborted)
                : client.SendMessage(u!.Message!.Chat.Id, BigText + (u.Message.Text ?? ""), replyMarkup: BigKeyboard, cancellationToken: http.RequestAborted));
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.StartAsync();
        api.PushTo(app.Urls.First() + "/hook", null);
        return app;
    }

    /// <summary>A form question as the bot sends it (607 bytes per call with the keyboard below, the bot's are 667).</summary>
    private static readonly string BigText = "✓ Tỉnh/thành phố: Bắc Ninh\n\n📝 Hội chợ, triển lãm · câu 2/8\n❓ Cơ sở\nGõ tên cơ sở (một phần tên cũng được, có dấu hoặc không).\nHoặc chọn cơ sở bạn ghi gần đây: ";
    private static readonly global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup BigKeyboard = new(new[]
    {
        new[] { global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("Cơ sở thử 100001", "f:pick:1") },
        new[] { global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("↩ Quay lại", "f:back"), global::Telegram.Bot.Types.ReplyMarkups.InlineKeyboardButton.WithCallbackData("✖ Hủy", "f:cancel") },
    });

    /// <summary>The ceiling: a bare echo bot with the same client, long polling and batch handling as the real one.</summary>
    private static async Task EchoAsync(LoopbackBotApi api, CancellationToken ct)
    {
        var client = new TelegramBotClient(new TelegramBotClientOptions(LoopbackBotApi.Token, api.BaseUrl));
        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var updates = await client.GetUpdates(offset, 100, 1, cancellationToken: ct);
                await Task.WhenAll(updates.Select(u => !s_replyLikeBot
                    ? client.SendMessage(u.Message!.Chat.Id, u.Message.Text ?? "", cancellationToken: ct)
                    : client.SendMessage(u.Message!.Chat.Id, BigText + (u.Message.Text ?? ""), replyMarkup: BigKeyboard, cancellationToken: ct)));
                if (updates.Length > 0)
                {
                    offset = updates.Max(u => u.Id) + 1;
                }
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                // Stopping: Telegram.Bot reports a cancel while it reads an answer as a RequestException, not as a cancel.
                return;
            }
        }
    }

    /// <summary>Seeds users and records into a LiteDB file, runs the real bot process on it under the officers' load, reads its peak resident memory.</summary>
    private static async Task<(long PeakBytes, long RssBytes, double SeedSeconds, double Rate, long FileBytes)> Memory(string dir, int users, int records, int officers)
    {
        var db = Path.Combine(dir, "memory.db");
        var seedSeconds = KhuyenCongBot.Benchmarks.Memory.MemoryBenchmark.Seed(db, users, records, officers);
        Log($"seeded {users:N0} users and {records:N0} records in {seedSeconds:F0} s; starting the bot process");
        await using var api = await LoopbackBotApi.StartAsync();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.dll"));
        foreach (var a in new[]
        {
            "run", "--Telegram:BotToken=" + LoopbackBotApi.Token, "--Telegram:ApiBaseUrl=" + api.BaseUrl, "--Telegram:PollTimeoutSeconds=1",
            "--Storage:DatabasePath=" + db, "--Backup:Enabled=false", "--Bot:FloodBurst=0", "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
        })
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sims = Enumerable.Range(0, officers).Select(i => new SimOfficer(api, 100_000 + i, echo: false)).ToList();
        using var stop = new CancellationTokenSource();
        var running = sims.Select(s => Task.Run(() => s.RunAsync(stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(40));
        var (peak, rss) = ReadMemory(process.Id);
        var answered = sims.Sum(s => s.Samples.Count);
        await stop.CancelAsync();
        await Task.WhenAll(running);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await process.WaitForExitAsync();
        Log($"bot process: peak {peak / 1048576} MB, now {rss / 1048576} MB, {answered} updates answered");
        return (peak, rss, seedSeconds, answered / 40.0, new FileInfo(db).Length);
    }

    /// <summary>VmHWM (peak resident set) and VmRSS of a process, from /proc.</summary>
    private static (long Peak, long Rss) ReadMemory(int pid)
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return (Field(status, "VmHWM:"), Field(status, "VmRSS:"));
    }

    private static string Report(string[] args, int officers, int seconds, int warmup, int users, int records, Result bot, Result echo, Result botPaced, Result echoPaced, int rate,
        (long PeakBytes, long RssBytes, double SeedSeconds, double Rate, long FileBytes)? memory)
    {
        var sb = new StringBuilder();
        sb.AppendLine("## Pipeline: updates per second and update-to-reply latency");
        sb.AppendLine();
        sb.AppendLine("Command: `dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- pipeline " + string.Join(' ', args) + "`");
        sb.AppendLine();
        sb.AppendLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}. {officers} simulated officers on a loopback Bot API (Kestrel, 127.0.0.1),");
        sb.AppendLine("each sending its next answer as soon as the bot's question arrives (one update in flight per officer); the real Telegram.Bot");
        sb.AppendLine("client long-polls getUpdates (batches of up to 100, confirmed after handling), the engine runs the trade-fair form,");
        sb.AppendLine($"LiteDB writes to a file. {warmup} s warm-up, then {seconds} s measured. Latency = update queued on the API -> the reply");
        sb.AppendLine("that asks the next question (or the receipt) is received by the API. Flood limit off (simulated officers type instantly).");
        sb.AppendLine("Harness, API and bot share the same 2 cores.");
        sb.AppendLine();
        sb.AppendLine("| pipeline | updates/s | p50 ms | p99 ms | max ms | updates measured | forms saved | timeouts |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in new[] { bot, echo, botPaced, echoPaced })
        {
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.UpdatesPerSecond:F0} | {r.P50:F1} | {r.P99:F1} | {r.Max:F0} | {r.Samples} | {r.Saved} | {r.Timeouts} |"));
        }
        sb.AppendLine();
        var ratio = echo.UpdatesPerSecond > 0 ? bot.UpdatesPerSecond / echo.UpdatesPerSecond : 0;
        sb.AppendLine("Saturated: every officer answers the moment the question arrives, so the rate is the most the pipeline sustains and the");
        sb.AppendLine($"latency is mostly queueing (500 messages always in flight). Paced: each officer sends one message every {officers}/{rate} s, i.e. {rate} updates/s offered.");
        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Targets: >= 1000 updates/s sustained ({Verdict(bot.UpdatesPerSecond >= 1000)}: {bot.UpdatesPerSecond:F0}); p99 < 50 ms at {rate} updates/s ({Verdict(botPaced.P99 < 50)}: {botPaced.P99:F1} ms); >= 50% of the echo bot's rate ({Verdict(ratio >= 0.5)}: {ratio:P0})."));
        if (memory is { } m)
        {
            sb.AppendLine();
            sb.AppendLine("## Peak memory with 10.000 users and 1.000.000 records");
            sb.AppendLine();
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{users:N0} users and {records:N0} records (generated as in the figures benchmark) seeded into a LiteDB file of {m.FileBytes / 1048576} MB in {m.SeedSeconds:F0} s;"));
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"then the real bot (`KhuyenCongBot.dll run`, its own process) ran on it for 40 s with {officers} officers filling forms ({m.Rate:F0} updates/s)."));
            sb.AppendLine();
            sb.AppendLine("| measure | value |");
            sb.AppendLine("|---|---:|");
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| bot process peak resident memory (VmHWM) | {m.PeakBytes / 1048576} MB |"));
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| bot process resident memory at the end (VmRSS) | {m.RssBytes / 1048576} MB |"));
            sb.AppendLine();
            sb.AppendLine($"Target: peak under 300 MB ({Verdict(m.PeakBytes < 300L * 1048576)}).");
        }
        return sb.ToString();
    }

    private static string Verdict(bool ok) => ok ? "met" : "MISSED";

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
