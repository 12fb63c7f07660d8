using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Memory;

/// <summary>In-process split of the memory: the store opened, the figures index built from it, then the store closed (releasing LiteDB's page cache).</summary>
internal static class MemoryProbe
{
    /// <summary>Opens a store, reads every record, returns the managed heap it then holds (after a full GC), closes it.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static long ReadAll(string db, Action row)
    {
        var baseline = GC.GetTotalMemory(true);
        using var store = new LiteDbStore(db);
        var n = 0;
        foreach (var r in store.Records.All())
        {
            n += r.Booths >= 0 ? 1 : 0;
        }
        var held = GC.GetTotalMemory(true) - baseline;
        row();
        return n > 0 ? held : 0;
    }

    /// <summary>Officers' "latest 30 records" (Records.ByUser, asked in every form) for users 1..500, one at a time then four at a time: heap kept and time per call.</summary>
    private static void ByUserStage(LiteDbStore store, StringBuilder sb, Action<string> row)
    {
        foreach (var parallel in new[] { 1, 4 })
        {
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            var read = 0L;
            string? failed = null;
            try
            {
                Parallel.For(1, 501, new ParallelOptions { MaxDegreeOfParallelism = parallel }, u => Interlocked.Add(ref read, store.Records.ByUser(u, 30).Count));
            }
            catch (AggregateException ex)
            {
                failed = ex.InnerExceptions[0].GetType().Name + ": " + ex.InnerExceptions[0].Message;
            }
            var ms = watch.Elapsed.TotalMilliseconds / 500;
            var kept = (GC.GetTotalMemory(true) - before) / 1048576;
            var stage = $"Records.ByUser(user, 30) for users 1..500, {parallel} at a time: {ms:F1} ms a call, {read:N0} records, heap +{kept} MB{(failed is null ? "" : ", FAILED " + failed)}";
            row(stage);
        }
    }

    public static int Run(string[] args)
    {
        var db = args[0];
        var seeds = SeedFiles.Locate(null);
        var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"GC: server={GCSettings.IsServerGC}, latency mode {GCSettings.LatencyMode}, conserve memory {Environment.GetEnvironmentVariable("DOTNET_GCConserveMemory") ?? "0"}  ");
        sb.AppendLine();
        sb.AppendLine("| stage | managed heap after full GC | GC committed | process working set | process peak |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        void Row(string stage)
        {
            var heap = GC.GetTotalMemory(true);
            var info = GC.GetGCMemoryInfo();
            using var p = Process.GetCurrentProcess();
            var line = string.Create(CultureInfo.InvariantCulture, $"| {stage} | {heap / 1048576} MB | {info.TotalCommittedBytes / 1048576} MB | {p.WorkingSet64 / 1048576} MB | {p.PeakWorkingSet64 / 1048576} MB |");
            MemoryBenchmark.Log(line);
            sb.AppendLine(line);
        }
        Row("catalogue loaded");
        var cache = ReadAll(db, () => Row("store opened, every record read (no index)"));
        Row("that store closed and dropped");
        var store = new LiteDbStore(db);
        var index = new FiguresIndex(store, catalogue);
        Row($"new store, index built ({index.Count:N0} records, {index.BuildTime.TotalSeconds:F1} s)");
        var parts = IndexParts(index, store, catalogue);
        ByUserStage(store, sb, Row);
        var withOne = GC.GetTotalMemory(true);
        var second = new FiguresIndex(store, catalogue);
        var indexBytes = GC.GetTotalMemory(true) - withOne;
        second.Dispose();
        GC.KeepAlive(second);
        index.Dispose();
        store.Dispose();
        GC.KeepAlive(index);
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Reading every record kept {cache / 1048576} MB of managed heap in the open store (LiteDB's page cache), released when the store was dropped; one figures index is {indexBytes / 1048576} MB (heap growth of a second build).");
        sb.AppendLine();
        sb.Append(parts);
        Console.Write(sb.ToString());
        return 0;
    }

    /// <summary>The index's parts as <see cref="HeapSizer"/> estimates them: per field of the records, then per other part, then per type.</summary>
    private static string IndexParts(FiguresIndex index, LiteDbStore store, CatalogueIndex catalogue)
    {
        const System.Reflection.BindingFlags Own = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public;
        var sizer = new HeapSizer([store, catalogue]);
        var sb = new StringBuilder("Figures index by part (estimated from its objects, each counted once under the first part that holds it):\n\n| part | MB |\n|---|---:|\n");
        var records = typeof(FiguresIndex).GetField("_records", Own)!.GetValue(index)!;
        var total = 0L;
        void Part(string name, object? value)
        {
            var bytes = sizer.Measure(value);
            total += bytes;
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {bytes / 1048576.0:F1} |");
        }
        foreach (var f in records.GetType().GetFields(Own))
        {
            Part("records." + f.Name.Replace("<", "", StringComparison.Ordinal).Split('>')[0], f.GetValue(records));
        }
        foreach (var f in typeof(FiguresIndex).GetFields(Own).Where(f => f.Name is not ("_records" or "_store" or "_lock")))
        {
            Part(f.Name, f.GetValue(index));
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"| **total** | **{total / 1048576.0:F1}** |");
        sb.AppendLine();
        sb.Append(sizer.TypeTable(12));
        return sb.ToString();
    }
}
