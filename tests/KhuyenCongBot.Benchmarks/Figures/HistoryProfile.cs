using System.Diagnostics;
using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// The `history` verb: the facility-history reply taken apart (the name search, the index's rows, the whole reply), time and
/// bytes allocated per call, over the figures benchmark's facility registry (120.000) and fewer records (a file kept between runs).
/// </summary>
public static class HistoryProfile
{
    public static int Run(string[] args)
    {
        var records = args.Length > 1 && args[0] == "--records" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var seeds = SeedFiles.Locate(null);
        var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        var file = Path.Combine(Path.GetTempPath(), $"kcbot-history-{records}.litedb");
        var fresh = !File.Exists(file);
        using var store = new LiteDbStore(file);
        var data = new BenchData(catalogue);
        if (fresh)
        {
            foreach (var batch in data.Records(records).Chunk(25_000))
            {
                store.Records.AddMany(batch);
            }
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
            store.Checkpoint();
        }
        using var index = new FiguresIndex(store, catalogue);
        var bench = new BenchContext(store, catalogue, index, BenchQueries.Today);
        var answer = EngineAnswerer.Create(bench);
        var units = catalogue.CurrentProvinces.Select(p => p.Id).ToList();
        var names = ((FacilityRepository)store.Facilities).Names;
        const string question = "HTX Mây tre đan Phú Vinh đã được hỗ trợ những gì";
        var steps = new (string Name, Action Run)[]
        {
            ("reply", () => answer(question)),
            ("reply (plain figure)", () => answer("Năm 2025 hỗ trợ bao nhiêu cơ sở (mọi hoạt động)?")),
            ("store.Facilities.Search", () => store.Facilities.Search(units, BenchData.HistoryFacility, 4, FacilitySearch.OfferThreshold)),
            ("names.Search", () => names.Search(units, BenchData.HistoryFacility, 4, FacilitySearch.OfferThreshold)),
            ("RecordsOf", () => index.RecordsOf(1)),
        };
        Console.WriteLine(answer(question));
        foreach (var (name, run) in steps)
        {
            for (var i = 0; i < 300; i++)
            {
                run();
            }
        }
        foreach (var (name, run) in steps)
        {
            const int reps = 300;
            var samples = new double[reps];
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < reps; i++)
            {
                var start = Stopwatch.GetTimestamp();
                run();
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            var allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / reps;
            Array.Sort(samples);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-28} p50 {samples[reps / 2],8:F3} p95 {samples[reps * 95 / 100],8:F3} ms; {allocated,8:F1} KB (this thread)"));
        }
        var cold = Stopwatch.GetTimestamp();
        Console.WriteLine(answer("Năm 2025 hỗ trợ bao nhiêu hợp tác xã?"));
        Console.WriteLine($"first cooperative question {Stopwatch.GetElapsedTime(cold).TotalMilliseconds:F0} ms");
        cold = Stopwatch.GetTimestamp();
        var n = store.Facilities.All().Count(f => f.LegalForm is not null);
        Console.WriteLine($"Facilities.All() {n} in {Stopwatch.GetElapsedTime(cold).TotalMilliseconds:F0} ms");
        return 0;
    }
}
