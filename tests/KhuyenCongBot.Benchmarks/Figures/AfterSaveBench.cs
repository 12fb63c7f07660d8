using System.Diagnostics;
using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// The first reply to a question right after a record is saved (officers enter records all day): what a change makes the
/// index forget or rebuild shows here, not in the repeated replies of the main table.
/// </summary>
internal static class AfterSaveBench
{
    /// <summary>Records saved, one before each round of questions.</summary>
    private const int Rounds = 20;

    private static readonly string[] Questions =
    [
        "Năm 2025 hỗ trợ bao nhiêu hợp tác xã?",
        "Số hộ kinh doanh được hỗ trợ năm 2025 theo tỉnh",
        "Bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ năm nay",
        "Năm 2025 hỗ trợ bao nhiêu cơ sở (mọi hoạt động)?",
        "HTX Mây tre đan Phú Vinh đã được hỗ trợ những gì",
    ];

    /// <summary>Loads the facility name index (what the first name search does) and says its size and load time.</summary>
    public static void NameIndex(StringBuilder report, LiteDbStore store)
    {
        var names = ((FacilityRepository)store.Facilities).Names;
        var before = GC.GetTotalMemory(true);
        var start = Stopwatch.GetTimestamp();
        var count = names.Count;
        var took = Stopwatch.GetElapsedTime(start);
        var bytes = GC.GetTotalMemory(true) - before;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Facility name index (loaded by the first name search): {count:N0} facilities, {bytes / 1024.0 / 1024.0:F1} MB ({bytes / Math.Max(1, count)} bytes a facility), loaded in {took.TotalSeconds:F2} s.");
        report.AppendLine();
        report.AppendLine(line);
        Console.Error.WriteLine(line);
    }

    public static void Append(StringBuilder report, LiteDbStore store, string provinceId, Func<string, string> answer)
    {
        var samples = Questions.ToDictionary(q => q, _ => new List<double>());
        var r = new Random(7);
        for (var i = 0; i < Rounds; i++)
        {
            // A 2025 record of an existing facility (one in two of the records the facility-history question names).
            store.Records.Add(new SupportRecord
            {
                ActivityId = "machinery", Date = new DateOnly(2025, 1 + r.Next(12), 1 + r.Next(28)), ProvinceId = provinceId,
                FacilityId = i % 2 == 0 ? 1 : r.Next(2, 120_000), FundingVnd = 50_000_000, Source = "bench",
            });
            foreach (var q in Questions)
            {
                var start = Stopwatch.GetTimestamp();
                answer(q);
                samples[q].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        report.AppendLine();
        report.AppendLine($"First reply after a record is saved ({Rounds} records saved, each followed by one reply to every question), milliseconds:");
        report.AppendLine();
        report.AppendLine("| question | p50 | max |");
        report.AppendLine("|---|---:|---:|");
        foreach (var (q, s) in samples)
        {
            s.Sort();
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {q} | {s[s.Count / 2]:F3} | {s[^1]:F3} |"));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after a save: {q,-60} p50 {s[s.Count / 2],9:F3} max {s[^1],9:F3} ms"));
        }
    }
}
