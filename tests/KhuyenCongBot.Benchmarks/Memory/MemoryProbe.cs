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
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {stage} | {heap / 1048576} MB | {info.TotalCommittedBytes / 1048576} MB | {p.WorkingSet64 / 1048576} MB | {p.PeakWorkingSet64 / 1048576} MB |");
        }
        Row("catalogue loaded");
        var cache = ReadAll(db, () => Row("store opened, every record read (no index)"));
        Row("that store closed and dropped");
        var store = new LiteDbStore(db);
        var index = new FiguresIndex(store, catalogue);
        Row($"new store, index built ({index.Count:N0} records, {index.BuildTime.TotalSeconds:F1} s)");
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
        Console.Write(sb.ToString());
        return 0;
    }
}
