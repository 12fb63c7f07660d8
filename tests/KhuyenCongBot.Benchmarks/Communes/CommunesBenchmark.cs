using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Benchmarks.Communes;

/// <summary>
/// The commune matcher on the whole official list (3.321 communes, wards and special zones): every commune typed six ways in its
/// province (with diacritics, without, with its type word, with a typo, its first word only, an address around it), each match
/// timed, and what came back counted (taken at once, offered, nothing).
/// </summary>
public static class CommunesBenchmark
{
    private static readonly string[] Shapes = ["diacritics", "folded", "type word", "typo (swap)", "first word", "address"];

    public static int Run(string[] args)
    {
        var rounds = Arg(args, "--rounds", 20);
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        var seeds = SeedFiles.Locate(null);
        var load = Stopwatch.StartNew();
        var index = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        var communes = CommuneCatalogue.Load(seeds, index);
        var loadMs = load.Elapsed.TotalMilliseconds;
        var queries = index.CurrentProvinces.SelectMany(p => communes.InProvince(p.Id)).SelectMany(Typed).ToList();

        // Warm-up: one pass, not timed.
        foreach (var q in queries)
        {
            communes.Match(q.Commune.ProvinceId, q.Text);
        }
        var times = Shapes.ToDictionary(s => s, _ => new List<double>());
        var outcome = Shapes.ToDictionary(s => s, _ => new int[6]);
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                var match = communes.Match(q.Commune.ProvinceId, q.Text);
                times[q.Shape].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                if (round == 0)
                {
                    var o = outcome[q.Shape];
                    var column = match.Kind switch
                    {
                        CommuneMatchKind.Exact when match.Commune == q.Commune => 0,
                        CommuneMatchKind.Exact => 4,
                        CommuneMatchKind.Candidates when match.Candidates.Any(c => c.Commune == q.Commune) => 1,
                        CommuneMatchKind.Candidates when match.More > 0 || match.Candidates.Count == CommuneCatalogue.MaxCandidates => 2,
                        CommuneMatchKind.Candidates => 5,
                        _ => 3,
                    };
                    o[column]++;
                }
            }
        }
        var seconds = total.Elapsed.TotalSeconds;
        var report = new StringBuilder();
        report.AppendLine("Command: `dotnet run -c Release --project tests/KhuyenCongBot.Benchmarks -- communes" + (rounds != 20 ? $" --rounds {rounds}" : "") + "`  ");
        report.AppendLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; run {DateTime.UtcNow:yyyy-MM-dd} (UTC)  ");
        report.AppendLine($"Data: {communes.Count:N0} communes of {index.CurrentProvinces.Count()} provinces (seeds/catalogue/communes.json); load and check {loadMs:F0} ms (cold, first call)  ");
        report.AppendLine($"Matches: {queries.Count:N0} typed texts × {rounds} rounds = {queries.Count * (long)rounds:N0} in {seconds:F2} s ({queries.Count * rounds / seconds:N0} per second, one thread)");
        report.AppendLine();
        report.AppendLine("| typed as | texts | p50 µs | p95 µs | max µs | taken at once | offered, right one among them | five offered, asked to type more | nothing | another commune's exact name | offered without the right one |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Shapes)
        {
            var t = times[s];
            t.Sort();
            var o = outcome[s];
            var n = o.Sum();
            report.AppendLine($"| {s} | {n:N0} | {Pct(t, 0.50):F1} | {Pct(t, 0.95):F1} | {t[^1]:F0} | {Share(o[0], n)} | {Share(o[1], n)} | {Share(o[2], n)} | {Share(o[3], n)} | {Share(o[4], n)} | {Share(o[5], n)} |");
        }
        report.AppendLine();
        report.AppendLine("A near name (typo, first word, address) is never taken at once unless the text is itself another commune's exact name " +
            "(then taking that one is right for what was typed); the ten pairs equal without diacritics are offered, not taken, when typed without them. " +
            "max is the worst single call on a shared machine (GC, scheduling): read p95.");
        Console.WriteLine(report);
        if (output is not null)
        {
            File.WriteAllText(output, report.ToString());
        }
        return 0;
    }

    private sealed record Query(Commune Commune, string Shape, string Text);

    private static IEnumerable<Query> Typed(Commune c)
    {
        var folded = VnText.FoldWords(c.Name);
        yield return new Query(c, Shapes[0], c.Name);
        yield return new Query(c, Shapes[1], folded);
        yield return new Query(c, Shapes[2], c.Label());
        var i = Enumerable.Range(2, Math.Max(0, folded.Length - 2))
            .FirstOrDefault(k => k >= folded.Length / 2 && char.IsLetter(folded[k]) && char.IsLetter(folded[k - 1]) && folded[k] != folded[k - 1]);
        if (i > 0)
        {
            yield return new Query(c, Shapes[3], folded[..(i - 1)] + folded[i] + folded[i - 1] + folded[(i + 1)..]);
        }
        yield return new Query(c, Shapes[4], folded.Split(' ')[0]);
        yield return new Query(c, Shapes[5], $"thôn 2, {c.Label()}, tỉnh X");
    }

    private static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Share(int part, int total) => total == 0 ? "–" : (100.0 * part / total).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
