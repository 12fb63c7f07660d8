using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Storage;
using LiteDB;

namespace KhuyenCongBot.Benchmarks.Facilities;

/// <summary>
/// The facility question's search on one province of 100.000 facilities: reading the whole province and scoring every facility
/// (before) against the word index (now). Each way runs in a process of its own, so LiteDB's page cache of one does not count
/// for the other; the first open of the file as the previous version wrote it (filling in the words) is measured too.
/// </summary>
public static class FacilitiesBenchmark
{
    private const string Province = "bac-ninh";

    /// <summary>The first searches of both ways are compared: same best facility, same best score.</summary>
    private const int Compared = 100;

    public static int Run(string[] args)
    {
        if (args.FirstOrDefault() == "child")
        {
            return Child(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        }
        var count = Arg(args, "--facilities", 100_000);
        var searches = Arg(args, "--searches", 1_000);
        var oldSearches = Arg(args, "--old-searches", searches);
        var output = Str(args, "--out");
        var dir = Path.Combine(Path.GetTempPath(), "kcbot-facilities-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var old = Path.Combine(dir, "old.db");
            var seed = Stopwatch.StartNew();
            SeedOldShape(old, count);
            Log($"seeded {count:N0} facilities in {seed.Elapsed.TotalSeconds:F1} s ({new FileInfo(old).Length / 1048576} MB)");
            var upgraded = Path.Combine(dir, "new.db");
            File.Copy(old, upgraded);
            var upgrade = RunChild("upgrade", upgraded, 0);
            var before = RunChild("old", upgraded, oldSearches);
            var now = RunChild("new", upgraded, searches);
            var report = Report(count, new FileInfo(old).Length, new FileInfo(upgraded).Length, upgrade, before, now);
            Console.WriteLine(report);
            if (output is not null)
            {
                File.WriteAllText(output, report);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>One measurement in this process: "upgrade" opens the file; "old"/"new" open it and search.</summary>
    private static int Child(string mode, string path, int searches)
    {
        var open = Stopwatch.StartNew();
        using var store = new LiteDbStore(path);
        var openSeconds = open.Elapsed.TotalSeconds;
        var (_, rssOpen) = Proc();
        var heapOpen = GC.GetTotalMemory(true);
        var values = new Dictionary<string, double>
        {
            ["open_s"] = openSeconds, ["hwm_open"] = Proc().Peak, ["rss_open"] = rssOpen, ["heap_open"] = heapOpen,
        };
        if (mode != "upgrade")
        {
            var repo = (FacilityRepository)store.Facilities;
            var queries = Queries(searches);
            string[] units = [Province];
            var times = new List<double>(queries.Count);
            long read = 0;
            var found = 0;
            foreach (var q in queries)
            {
                var t = Stopwatch.GetTimestamp();
                IReadOnlyList<(KhuyenCongBot.Core.Records.Facility Facility, double Score)> hits;
                if (mode == "old")
                {
                    var pool = units.SelectMany(store.Facilities.InProvince).ToList();
                    read += pool.Count;
                    hits = FacilitySearch.Find(pool, q, 5);
                }
                else
                {
                    var r0 = repo.DocumentsRead;
                    hits = store.Facilities.Search(units, q, 5, FacilitySearch.OfferThreshold);
                    read += repo.DocumentsRead - r0;
                }
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (times.Count <= Compared)
                {
                    values["top_id" + times.Count] = hits.Count > 0 ? hits[0].Facility.Id : 0;
                    values["top_score" + times.Count] = hits.Count > 0 ? Math.Round(hits[0].Score, 6) : 0;
                }
                found += hits.Count > 0 ? 1 : 0;
            }
            times.Sort();
            values["searches"] = queries.Count;
            values["p50"] = times[times.Count / 2];
            values["p95"] = times[Math.Min(times.Count - 1, (int)(times.Count * 0.95))];
            values["read"] = (double)read / queries.Count;
            values["found"] = found;
            values["rss_after"] = Proc().Rss;
            values["hwm_after"] = Proc().Peak;
            values["heap_after"] = GC.GetTotalMemory(true);
            values["words"] = repo.Words.Size;
        }
        foreach (var (k, v) in values)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k}={v}"));
        }
        return 0;
    }

    /// <summary>What officers type: whole names, a few words, no diacritics, one typo, common words, names not registered.</summary>
    private static List<string> Queries(int count)
    {
        var r = new Random(11);
        var names = FacilityNames.Generate(2_000, seed: 5).ToList();
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var name = names[r.Next(names.Count)];
            var words = name.Split(' ');
            list.Add((i % 6) switch
            {
                0 => name,
                1 => VnText.FoldWords(string.Join(' ', words[^2..])),
                2 => Typo(string.Join(' ', words.Skip(1).Take(3)), r),
                3 => string.Join(' ', words[^3..]),
                4 => words[0] + " " + words[1],
                _ => "Cơ sở dệt " + FacilityNames.Syllable(r) + " " + FacilityNames.Syllable(r),
            });
        }
        return list;
    }

    private static string Typo(string text, Random r)
    {
        var i = r.Next(1, Math.Max(2, text.Length - 1));
        return text[i] == ' ' ? text : text.Remove(i, 1);
    }

    /// <summary>Facilities as the version before the word index stored them (no Tokens, no word counts).</summary>
    private static void SeedOldShape(string path, int count)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var col = db.GetCollection("facilities");
        col.EnsureIndex("ProvinceId", "$.ProvinceId");
        col.EnsureIndex("NormalizedName", "$.NormalizedName");
        var r = new Random(3);
        // A province has a few hundred communes (after the 2025 merger, fewer).
        var communes = Enumerable.Range(0, 300).Select(_ => "xã " + FacilityNames.Syllable(r) + " " + FacilityNames.Syllable(r)).ToArray();
        long id = 0;
        foreach (var chunk in FacilityNames.Generate(count, seed: 5).Chunk(10_000))
        {
            col.InsertBulk(chunk.Select(name => new BsonDocument
            {
                ["_id"] = ++id,
                ["Name"] = name,
                ["NormalizedName"] = VnText.FoldWords(name),
                ["ProvinceId"] = Province,
                ["Commune"] = communes[r.Next(communes.Length)],
                ["CreatedAt"] = new BsonDocument { ["t"] = 638_000_000_000_000_000L, ["o"] = 420 },
            }));
        }
    }

    private static Dictionary<string, double> RunChild(string mode, string path, int searches)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.Benchmarks.dll"));
        foreach (var a in new[] { "facilities", "child", mode, path, searches.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }
        Log($"{mode}: {searches} searches");
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{mode} failed:\n{text}");
        }
        Log(mode + ":\n" + text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
    }

    private static string Report(int count, long oldBytes, long newBytes, Dictionary<string, double> upgrade, Dictionary<string, double> old, Dictionary<string, double> now)
    {
        var inv = CultureInfo.InvariantCulture;
        static string Mb(double bytes) => (bytes / 1048576).ToString("F0", CultureInfo.InvariantCulture) + " MB";
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {count:N0} facilities in one province, LiteDB file {oldBytes / 1048576} MB before, {newBytes / 1048576} MB with the word index");
        sb.AppendLine();
        sb.AppendLine("| | read the province (before) | word index (now) |");
        sb.AppendLine("|---|---:|---:|");
        sb.AppendLine(inv, $"| searches | {old["searches"]:F0} | {now["searches"]:F0} |");
        sb.AppendLine(inv, $"| search p50 / p95 | {old["p50"]:F1} / {old["p95"]:F1} ms | {now["p50"]:F2} / {now["p95"]:F2} ms |");
        sb.AppendLine(inv, $"| facilities read per search (mean) | {old["read"]:F0} | {now["read"]:F0} |");
        sb.AppendLine(inv, $"| searches offering at least one facility | {old["found"]:F0} | {now["found"]:F0} |");
        sb.AppendLine(inv, $"| resident (VmRSS) after open, before searching | {Mb(old["rss_open"])} | {Mb(now["rss_open"])} |");
        sb.AppendLine(inv, $"| resident after the searches | {Mb(old["rss_after"])} | {Mb(now["rss_after"])} |");
        sb.AppendLine(inv, $"| peak resident (VmHWM) at the end | {Mb(old["hwm_after"])} | {Mb(now["hwm_after"])} |");
        sb.AppendLine(inv, $"| managed heap after full GC: open / after searches | {Mb(old["heap_open"])} / {Mb(old["heap_after"])} | {Mb(now["heap_open"])} / {Mb(now["heap_after"])} |");
        sb.AppendLine(inv, $"| words and communes cached in memory | – | {now["words"]:F0} |");
        var common = Enumerable.Range(1, Compared).Where(i => old.ContainsKey("top_id" + i) && now.ContainsKey("top_id" + i)).ToList();
        sb.AppendLine(inv, $"| of the first {common.Count} searches: same best facility / same best score as reading everything | – | {common.Count(i => old["top_id" + i] == now["top_id" + i])} / {common.Count(i => old["top_score" + i] == now["top_score" + i])} |");
        sb.AppendLine();
        sb.AppendLine(inv, $"One-time upgrade at the first open of the old file (words filled in, counts, index): {upgrade["open_s"]:F1} s, peak resident {Mb(upgrade["hwm_open"])}, resident {Mb(upgrade["rss_open"])} right after; later opens: {now["open_s"]:F2} s.");
        return sb.ToString();
    }

    private static (double Peak, double Rss) Proc()
    {
        var status = File.ReadAllLines("/proc/self/status");
        double Field(string name) => double.Parse(status.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        return (Field("VmHWM:"), Field("VmRSS:"));
    }

    private static int Arg(string[] args, string name, int fallback) =>
        Str(args, name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    private static string? Str(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
