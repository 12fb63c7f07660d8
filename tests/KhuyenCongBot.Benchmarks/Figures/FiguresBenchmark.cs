using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>What a question answerer can use: the store, the catalogue and the index built over the benchmark data.</summary>
public sealed record BenchContext(LiteDbStore Store, CatalogueIndex Catalogue, FiguresIndex Index, DateOnly Today);

/// <summary>The `figures` verb: 1M records in LiteDB and SQLite, then p50/p95 of typical questions for the scan, SQLite and the index.</summary>
public static class FiguresBenchmark
{
    /// <summary>Hook for the question parser: builds a "question text -> reply text" function; when set, a second table is printed.</summary>
    public static Func<BenchContext, Func<string, string>>? CreateAnswerer { get; set; }

    /// <summary>Hook for the question parser alone (question text -> parsed question): the parse column of the second table.</summary>
    public static Func<BenchContext, Func<string, object>>? CreateParser { get; set; }

    /// <param name="ProjectsOnly">`--only projects`: the project (đề án) questions alone, reply table only, no SQLite and no second index build;
    /// `--only "disbursement rate,facility history"`: those questions (names of the table, comma-separated) alone, the same way;
    /// `--only replies`: every question, reply table only (no SQLite, one index build: the quickest full reply table on a busy machine).</param>
    private sealed record Options(int Records, int ScanReps, int SqliteReps, int IndexReps, int Busy, string? Output, bool ProjectsOnly, string[]? Named);

    public static int Run(string[] args)
    {
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var o = new Options(
            Arg(args, "--records", 1_000_000), Arg(args, "--scan-reps", 3), Arg(args, "--sqlite-reps", 20), Arg(args, "--index-reps", 500), Arg(args, "--busy", 0),
            args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault(),
            only is not null,
            only is null or "projects" or "replies" ? null : only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var seeds = SeedFiles.Locate(null);
        var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        var dir = Path.Combine(Path.GetTempPath(), "kcbot-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var liteFile = Path.Combine(dir, "figures.litedb");
        var sqliteFile = Path.Combine(dir, "figures.sqlite");
        var report = new StringBuilder();
        // Busy mode: threads that keep cores busy for the whole run (like `yes >/dev/null &`), so the numbers show a loaded machine.
        using var busy = new CancellationTokenSource();
        var spinners = Enumerable.Range(0, o.Busy).Select(_ => new Thread(() =>
        {
            var x = 0L;
            while (!busy.IsCancellationRequested)
            {
                x++;
            }
            GC.KeepAlive(x);
        }) { IsBackground = true, Name = "busy" }).ToList();
        spinners.ForEach(t => t.Start());
        try
        {
            Log($"generating {o.Records:N0} records into {dir}");
            var watch = Stopwatch.StartNew();
            using var store = new LiteDbStore(liteFile);
            using var sqlite = SqliteFigureSource.Create(sqliteFile, catalogue);
            var data = new BenchData(catalogue);
            foreach (var batch in data.Records(o.Records).Chunk(25_000))
            {
                store.Records.AddMany(batch);
                if (!o.ProjectsOnly)
                {
                    sqlite.Insert(batch);
                }
            }
            // The facility registry (legal forms, priority groups; the first named for the facility-history question), and 2026 booth plans per province.
            // 5.000 a transaction: one transaction each took most of the load on a busy machine (945 s).
            foreach (var chunk in data.Facilities().Chunk(5_000))
            {
                store.InTransaction(() =>
                {
                    foreach (var facility in chunk)
                    {
                        store.Facilities.Add(facility);
                    }
                    return 0;
                });
            }
            store.Plans.UpsertMany(catalogue.CurrentProvinces.Select(p => new Core.Records.Plan
            {
                Id = Core.Records.Plan.MakeId(2026, p.Id, "trade_fair.booths"), Year = 2026, ProvinceId = p.Id, Metric = "trade_fair.booths", Target = 3000,
            }));
            // Projects (đề án) the records link to, and 2026 funding plans (the disbursement rate against the year plan).
            foreach (var project in data.Projects.Build(BenchQueries.Today))
            {
                store.Projects.Add(project);
            }
            store.Plans.UpsertMany(catalogue.CurrentProvinces.Select(p => new Core.Records.Plan
            {
                Id = Core.Records.Plan.MakeId(2026, p.Id, "*.funding_vnd"), Year = 2026, ProvinceId = p.Id, Metric = "*.funding_vnd", Target = 20_000_000_000,
            }));
            store.Checkpoint();
            var loadTime = watch.Elapsed;
            watch.Restart();
            if (!o.ProjectsOnly)
            {
                sqlite.CreateIndexes();
            }
            var sqliteIndexTime = watch.Elapsed;
            Log($"loaded in {loadTime.TotalSeconds:F0} s; SQLite indexes in {sqliteIndexTime.TotalSeconds:F1} s");

            // The first build fills LiteDB's page cache (about the file's size); a second build measures the index alone.
            var coldIndex = o.ProjectsOnly ? null : new FiguresIndex(store, catalogue);
            var coldBuild = coldIndex?.BuildTime;
            var heapWithCache = GC.GetTotalMemory(true);
            var peakAfterIndex = Process.GetCurrentProcess().PeakWorkingSet64;
            using var index = new FiguresIndex(store, catalogue);
            var indexBytes = GC.GetTotalMemory(true) - heapWithCache;
            coldIndex?.Dispose();
            coldIndex = null;
            GC.Collect();
            Log($"index built in {coldBuild?.TotalSeconds:F1} s (again {index.BuildTime.TotalSeconds:F1} s), {index.Count:N0} records, {Mb(indexBytes)}");

            var all = BenchQueries.Create(catalogue)
                .Where(q => !o.ProjectsOnly || (o.Named is { } named ? named.Contains(q.Name) : q.IsProjectQuestion || only == "replies")).ToList();
            // The figure-source table times the figures; questions that read records (facility history) are timed as replies only.
            var queries = all.Where(q => !q.ReplyOnly).ToList();
            var sources = new (string Name, IFigureSource Source, int Reps)[]
            {
                ("FiguresIndex", index, o.IndexReps),
                ("SQLite (indexed)", sqlite, o.SqliteReps),
                ("LiteDB scan", new ScanFigureSource(store, catalogue), o.ScanReps),
            }.Where(s => s.Reps > 0 && !o.ProjectsOnly).ToArray(); // --scan-reps 0 leaves the (very slow) scan out; index and SQLite are still compared
            var timings = new Dictionary<(string, string), (double P50, double P95, double P99)>();
            var answers = new Dictionary<string, IReadOnlyList<KeyValuePair<string, Core.Figures.FigureValue>>>();
            var mismatches = new List<string>();
            foreach (var (name, source, reps) in sources)
            {
                foreach (var q in queries.Where(q => !q.IndexOnly || source is not SqliteFigureSource))
                {
                    var first = Stopwatch.GetTimestamp();
                    var answer = q.Run(source); // warm-up, and the answer compared across sources
                    var slow = Stopwatch.GetElapsedTime(first).TotalSeconds >= 1;
                    if (!answers.TryGetValue(q.Name, out var expected))
                    {
                        answers[q.Name] = answer;
                    }
                    else if (!expected.SequenceEqual(answer))
                    {
                        mismatches.Add($"{name}: {q.Name}");
                    }
                    if (!slow)
                    {
                        WarmUp(() => q.Run(source), reps);
                    }
                    timings[(name, q.Name)] = Measure(() => q.Run(source), reps);
                    Log($"{name,-18} {q.Name,-45} p50 {timings[(name, q.Name)].P50,9:F3} ms");
                }
            }
            var peakEnd = Process.GetCurrentProcess().PeakWorkingSet64;

            report.AppendLine($"Command: `dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- figures {string.Join(' ', args)}`  ");
            report.AppendLine($"Busy threads spinning during the run: {o.Busy}; load average at the end: {LoadAverage()}  ");
            report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; run {DateTime.UtcNow:yyyy-MM-dd} (UTC)  ");
            report.AppendLine($"Data: {o.Records:N0} records, 2017-01-01..2026-12-31, 12 activities, 34 current units (former units before 1/7/2025), 120,000 facilities; "
                + $"{data.Projects.Count:N0} projects (đề án), {data.Projects.LinkedRecords:N0} records linked to them  ");
            report.AppendLine($"Repetitions per question: index {o.IndexReps}, SQLite {o.SqliteReps}, LiteDB scan {o.ScanReps}, after a warm-up (one checked run, then, when it took under 1 s, up to 20 runs or 1 s)");
            report.AppendLine();
            report.AppendLine("| | |");
            report.AppendLine("|---|---|");
            report.AppendLine($"| load (LiteDB AddMany + SQLite insert) | {loadTime.TotalSeconds:F1} s |");
            report.AppendLine($"| LiteDB file size | {Mb(new FileInfo(liteFile).Length)} |");
            report.AppendLine($"| SQLite file size (with indexes) | {Mb(new FileInfo(sqliteFile).Length)} |");
            report.AppendLine($"| SQLite index creation | {sqliteIndexTime.TotalSeconds:F1} s |");
            report.AppendLine($"| FiguresIndex build at start (reading all records from LiteDB included; second build) | {coldBuild?.TotalSeconds:F1} s ({index.BuildTime.TotalSeconds:F1} s) |");
            report.AppendLine($"| FiguresIndex size (managed heap growth of the second build) | {Mb(indexBytes)} |");
            report.AppendLine($"| managed heap with LiteDB's page cache and the first index | {Mb(heapWithCache)} |");
            report.AppendLine($"| process peak working set after load and index build | {Mb(peakAfterIndex)} |");
            report.AppendLine($"| process peak working set at the end (scan baseline included) | {Mb(peakEnd)} |");
            report.AppendLine($"| answers identical across the sources compared ({string.Join(", ", sources.Select(s => s.Name))}) | {(mismatches.Count == 0 ? "yes" : "NO: " + string.Join("; ", mismatches))} |");
            report.AppendLine();
            report.AppendLine("Latency per question, milliseconds (p50 / p95 / p99):");
            report.AppendLine();
            report.AppendLine("| question | FiguresIndex | SQLite (indexed) | LiteDB scan | SQLite / index (p95) |");
            report.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var q in queries)
            {
                var i = timings.GetValueOrDefault(("FiguresIndex", q.Name), (P50: double.NaN, P95: double.NaN, P99: double.NaN));
                var s = timings.GetValueOrDefault(("SQLite (indexed)", q.Name), (P50: double.NaN, P95: double.NaN, P99: double.NaN));
                var l = timings.GetValueOrDefault(("LiteDB scan", q.Name), (double.NaN, double.NaN, double.NaN));
                var ratio = double.IsNaN(s.P95) ? "–" : $"{s.P95 / Math.Max(i.P95, 0.0001):F0}x";
                report.AppendLine($"| {q.Name} | {Ms(i)} | {Ms(s)} | {Ms(l)} | {ratio} |");
            }
            var worstIndex = queries.Select(q => timings.GetValueOrDefault(("FiguresIndex", q.Name)).P95).DefaultIfEmpty().Max();
            report.AppendLine();
            report.AppendLine($"Worst FiguresIndex p95: {worstIndex:F3} ms.");

            if (CreateAnswerer is { } create)
            {
                var bench = new BenchContext(store, catalogue, index, BenchQueries.Today);
                AfterSaveBench.NameIndex(report, store);
                var answerer = create(bench);
                AppendAnswers(report, answerer, CreateParser?.Invoke(bench), all, o.IndexReps, timings);
                AfterSaveBench.Append(report, store, data.HomeOf(0), answerer);
            }
            Console.WriteLine();
            Console.WriteLine(report);
            if (o.Output is { } path)
            {
                File.WriteAllText(path, report.ToString());
            }
            return mismatches.Count == 0 ? 0 : 1;
        }
        finally
        {
            busy.Cancel();
            SqliteCleanup();
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
                Log($"could not delete {dir}");
            }
        }
    }

    /// <summary>Second table: the time from question text to reply text, with the reply.</summary>
    private static void AppendAnswers(StringBuilder report, Func<string, string> answer, Func<string, object>? parse, IReadOnlyList<BenchQuery> queries, int reps,
        Dictionary<(string, string), (double P50, double P95, double P99)> timings)
    {
        report.AppendLine();
        report.AppendLine("Question text -> reply text (FiguresIndex behind the answerer), milliseconds; the index's and the parser's share of it:");
        report.AppendLine();
        report.AppendLine($"GC: server {System.Runtime.GCSettings.IsServerGC}, concurrent {AppContext.GetData("System.GC.Concurrent") ?? "default (true)"}, " +
            $"conserve memory {Environment.GetEnvironmentVariable("DOTNET_GCConserveMemory") ?? AppContext.GetData("System.GC.ConserveMemory") ?? "0"}; " +
            $"load average before: {LoadAverage()}");
        report.AppendLine();
        var worst = (P95: 0.0, Question: "");
        report.AppendLine("| question | index p50 / p95 | parse p50 / p95 / p99 | reply first | reply p50 / p95 / p99 | allocated per reply; GCs gen0/1/2 (pauses) | reply as expected | reply |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        var unexpected = new List<string>();
        // The first reply pays for what the index builds on first use (a year's facility sets or top list).
        var firsts = new Dictionary<string, (double Ms, string Reply)>();
        foreach (var q in queries)
        {
            var start = Stopwatch.GetTimestamp();
            var reply = answer(q.Question);
            firsts[q.Name] = (Stopwatch.GetElapsedTime(start).TotalMilliseconds, reply);
        }
        WarmUpAll(answer, queries);
        foreach (var q in queries)
        {
            var (first, reply) = firsts[q.Name];
            WarmUp(() => answer(q.Question), reps);
            var gc = GcNow();
            var t = Measure(() => answer(q.Question), reps);
            var gcs = GcSince(gc, reps);
            if (parse is not null)
            {
                WarmUp(() => parse(q.Question), reps);
            }
            var parsed = parse is null ? "n/a" : Ms(Measure(() => parse(q.Question), reps));
            var indexed = timings.TryGetValue(("FiguresIndex", q.Name), out var i) ? Ms((i.P50, i.P95)) : "—";
            var check = ReplyCheck.Check(q.Expect, reply);
            if (check is not null)
            {
                unexpected.Add($"{q.Name} ({check})");
            }
            report.AppendLine($"| {q.Question} | {indexed} | {parsed} | {first:F1} | {Ms(t)} | {gcs} | {check ?? "yes"} | {reply.ReplaceLineEndings(" ").Replace("|", "\\|")} |");
            Log($"reply {q.Name,-45} first {first,7:F1} p50 {t.P50,7:F3} p95 {t.P95,7:F3} p99 {t.P99,7:F3} ms; parse {parsed}; {gcs}");
            if (t.P95 > worst.P95)
            {
                worst = (t.P95, q.Question);
            }
        }
        report.AppendLine();
        report.AppendLine($"Worst reply p95: {worst.P95:F3} ms ({worst.Question}).");
        report.AppendLine($"Replies as expected (a figure, or the refusal asked for; ReplyCheck): {queries.Count - unexpected.Count}/{queries.Count}"
            + (unexpected.Count == 0 ? "." : "; not: " + string.Join("; ", unexpected) + "."));
        Log($"replies as expected: {queries.Count - unexpected.Count}/{queries.Count} {string.Join("; ", unexpected)}");
    }

    /// <summary>
    /// Every question in turn, until the code they share is compiled at its final tier (no method compiled in a round, at
    /// least 30 rounds, at most 20 s): the bot answers all day, and the first questions measured used to run tier-0 code
    /// (its background recompilation starved on a loaded machine) while the last ones did not.
    /// </summary>
    private static void WarmUpAll(Func<string, string> answer, IReadOnlyList<BenchQuery> queries)
    {
        var start = Stopwatch.GetTimestamp();
        var rounds = 0;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var q in queries)
            {
                answer(q.Question);
            }
            rounds++;
            if (rounds >= 30)
            {
                Thread.Sleep(200); // the tier-1 compilations are queued after a pause in new tier-0 ones
            }
        }
        while ((rounds < 30 || System.Runtime.JitInfo.GetCompiledMethodCount() != compiled) && Stopwatch.GetElapsedTime(start).TotalSeconds < 20);
        Log($"warm-up: {rounds} rounds of every question, {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s");
    }

    private static (int G0, int G1, int G2, TimeSpan Pause, long Bytes) GcNow() =>
        (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(true));

    /// <summary>What the GC did while a question was measured (every thread: the commit of the conversation state included).</summary>
    private static string GcSince((int G0, int G1, int G2, TimeSpan Pause, long Bytes) before, int reps)
    {
        var now = GcNow();
        return string.Create(CultureInfo.InvariantCulture,
            $"{(now.Bytes - before.Bytes) / 1024.0 / Math.Max(1, reps):F0} KB; {now.G0 - before.G0}/{now.G1 - before.G1}/{now.G2 - before.G2} ({(now.Pause - before.Pause).TotalMilliseconds:F1} ms)");
    }

    /// <summary>Runs a question a few more times (up to 20 runs or 1 s) so the measured runs see jitted, cached code.</summary>
    private static void WarmUp(Action run, int reps)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Math.Min(20, reps) && Stopwatch.GetElapsedTime(start).TotalSeconds < 1; i++)
        {
            run();
        }
    }

    private static (double P50, double P95, double P99) Measure(Action run, int reps)
    {
        var samples = new double[Math.Max(1, reps)];
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.95), Percentile(samples, 0.99));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string Ms((double P50, double P95) t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.P50:F3} / {t.P95:F3}");

    private static string Ms((double P50, double P95, double P99) t) =>
        string.Create(CultureInfo.InvariantCulture, $"{t.P50:F3} / {t.P95:F3} / {t.P99:F3}");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F0} MB");

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }

    private static void SqliteCleanup() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
