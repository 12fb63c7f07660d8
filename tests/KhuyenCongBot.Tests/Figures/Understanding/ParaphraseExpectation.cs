using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What a paraphrase row expects, computed with plain LINQ over the demo records (never with the bot's figure sources).
/// Grammar of the "expect" column (see paraphrases.tsv's header):
/// <c>none</c> — no figure at all (not understood, cannot answer, small talk, a question asked back);
/// <c>KIND MEASURE ACTIVITY PERIOD SCOPE [src=kcqg|kcdp]</c> with KIND <c>v</c> (the value), <c>top1</c> (the first province
/// and its value), <c>yoy</c> (the % of the same period a year before), <c>plan</c> (the % of the year plan), <c>vs</c> (both values
/// and the % of the period named by <c>vs=PERIOD</c>), <c>each</c> (one "KCQG: …" line per source of <c>src=kcqg,kcdp</c>),
/// <c>missing</c> (the provinces of the scope with nothing of the measure), <c>missingact</c> (the activities with nothing of it);
/// a leading <c>~</c> (rows whose engine part is issue 13b's): the right figure, or no figure at all — never a wrong one.
/// </summary>
internal sealed class ParaphraseExpectation(IReadOnlyList<SupportRecord> records, IReadOnlyList<(int Year, string Province, string Metric, decimal Target)> plans, CatalogueIndex catalogue)
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>A number followed by a unit: what a figure looks like in a reply.</summary>
    private static readonly Regex FigurePattern = new(
        @"\d[\d.,]*\s*(gian hàng|lượt|cơ sở|dự án|tỷ đồng|triệu đồng|nghìn đồng|đồng|%|booths?|facilit|participation|projects?|học viên|trainees?|lớp|classes|VND|billion|million)",
        RegexOptions.CultureInvariant);

    public static bool HasFigure(string reply) => FigurePattern.IsMatch(reply);

    /// <summary>Null when the reply meets the expectation; otherwise why not.</summary>
    public string? Check(string expect, string reply)
    {
        var lenient = expect.StartsWith('~');
        var spec = expect.TrimStart('~').Trim();
        if (spec == "none")
        {
            return HasFigure(reply) ? "a figure was given" : null;
        }
        var wanted = Expected(spec);
        var missing = wanted.Where(w => !reply.Contains(w, StringComparison.Ordinal)).ToList();
        if (missing.Count == 0)
        {
            return null;
        }
        if (lenient && !HasFigure(reply))
        {
            return null;
        }
        return "missing " + string.Join(" + ", missing.Select(m => $"'{m}'"));
    }

    /// <summary>The strings the reply must contain.</summary>
    public IReadOnlyList<string> Expected(string spec)
    {
        if (spec.StartsWith("history ", StringComparison.Ordinal))
        {
            // history <facility name>: every record of the facilities of that name, counted.
            var name = VnText.FoldWords(spec["history ".Length..]);
            var times = records.Count(r => r.FacilityName is not null && VnText.FoldWords(r.FacilityName) == name);
            return [times + " lần hỗ trợ"];
        }
        var f = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 5)
        {
            throw new FormatException($"expect needs KIND MEASURE ACTIVITY PERIOD SCOPE: '{spec}'");
        }
        var (kind, measure, activity, (from, to), scope) = (f[0], MeasureOf(f[1]), f[2], PeriodOf(f[3]), f[4]);
        static FundingSource SourceOf(string key) => key switch { "kcqg" => FundingSource.Kcqg, "kcdp" => FundingSource.Kcdp, "other" => FundingSource.Other, _ => FundingSource.Counterpart };
        var sources = f.Skip(5).FirstOrDefault(x => x.StartsWith("src=", StringComparison.Ordinal))?[4..].Split(',').Select(SourceOf).ToList();
        // "each" names several sources (src=kcqg,kcdp): each is a line of the reply, so none filters the records.
        FundingSource? source = kind != "each" && sources is [var one] ? one : null;
        var units = Units(scope);
        IEnumerable<SupportRecord> Select(DateOnly a, DateOnly b, FundingSource? only = null) => records.Where(r =>
            (activity == "*" || r.ActivityId == activity) && r.Date >= a && r.Date <= b
            // Participations of every activity: the records that support a facility (information and propaganda support none).
            && (activity != "*" || measure != Measures.Participations || r.FacilityId is not null)
            && (units is null || units.Contains(r.ProvinceId))
            && ((only ?? source) is not { } s || (r.Split is { } split ? split[s] > 0 : FundingSources.Of(r.FundingSource) == s)));
        var value = Value(Select(from, to), measure, source);
        IEnumerable<SupportRecord> Select1(FundingSource only) => Select(from, to, only);
        switch (kind)
        {
            case "v":
                return [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value)];
            case "vs":
                // vs=PERIOD: the second period compared with (any period, not only a year before).
                var (vsFrom, vsTo) = PeriodOf(f.First(x => x.StartsWith("vs=", StringComparison.Ordinal))[3..]);
                var other = Value(Select(vsFrom, vsTo), measure, source);
                // Nothing in the other period: no percentage, only the figure asked about.
                return other == 0 ? [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value)]
                    : [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value), MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, other), VnFormat.Percent(value / other)];
            case "each":
                // One line per source named: "KCQG: 31,88 tỷ đồng".
                return sources!.Select(x => SourceLabels[x] + ": " + MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, Value(Select1(x), measure, x))).ToList();
            case "yoy":
                var before = Value(Select(from.AddYears(-1), to.AddYears(-1)), measure, source);
                // Nothing the year before: no percentage can be given, only the figure.
                return before == 0 ? [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value)] : [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value), VnFormat.Percent(value / before)];
            case "plan":
                var metric = $"{activity}.{measure}";
                var target = plans.Where(p => p.Year == from.Year && p.Metric == metric && (units is null || units.Contains(p.Province))).Sum(p => p.Target);
                return [VnFormat.Percent(value / target)];
            case "top1":
                var top = Select(from, to).GroupBy(r => catalogue.CurrentOf(r.ProvinceId)!.Id)
                    .Select(g => (Id: g.Key, Value: Value(g, measure, source)))
                    .OrderByDescending(x => x.Value).ThenBy(x => x.Id, StringComparer.Ordinal).First();
                return [catalogue.Province(top.Id)!.ShortName, MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, top.Value)];
            case "avg":
                // f[1] is the numerator's measure; the denominator's is named by per=...
                var per = MeasureOf(f.First(x => x.StartsWith("per=", StringComparison.Ordinal))[4..]);
                return [MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, value), MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, per, Value(Select(from, to), per, source))];
            case "topfac":
                var best = Select(from, to).Where(r => r.FacilityId is not null).GroupBy(r => r.FacilityId)
                    .Select(g => (Name: g.First().FacilityName!, Value: Value(g, measure, source))).OrderByDescending(x => x.Value).First();
                return [best.Name, MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, measure, best.Value)];
            case "planrank":
                var lowest = Select(from, to).GroupBy(r => catalogue.CurrentOf(r.ProvinceId)!.Id)
                    .Select(g => (Id: g.Key, Value: Value(g, measure, source),
                        Target: plans.Where(p => p.Year == from.Year && p.Metric == $"{activity}.{measure}" && catalogue.UnitsOf(g.Key).Contains(p.Province)).Sum(p => p.Target)))
                    .Where(x => x.Target > 0).OrderBy(x => x.Value / x.Target).First();
                return [catalogue.Province(lowest.Id)!.ShortName + ": " + VnFormat.Percent(lowest.Value / lowest.Target)];
            case "missing":
                // The present provinces of the scope with nothing of the measure in the period: "16/34 tỉnh, thành phố … : A, B".
                var withSome = Select(from, to).GroupBy(r => catalogue.CurrentOf(r.ProvinceId)!.Id).Where(g => Value(g, measure, source) != 0).Select(g => g.Key).ToHashSet();
                var inScope = catalogue.CurrentProvinces.Where(p => units is null || units.Contains(p.Id)).ToList();
                var zero = inScope.Where(p => !withSome.Contains(p.Id)).Select(p => p.ShortName).ToList();
                return zero.Count == 0 ? [$"Cả {inScope.Count} tỉnh, thành phố"] : [$"{zero.Count}/{inScope.Count} tỉnh, thành phố", .. zero];
            case "missingact":
                // The activities (of the measure) with nothing of it in the period.
                var acts = catalogue.Activities.Where(a => a.Measures.Contains(measure)).ToList();
                var none = acts.Where(a => Value(records.Where(r => r.ActivityId == a.Id && r.Date >= from && r.Date <= to && (units is null || units.Contains(r.ProvinceId))), measure, source) == 0)
                    .Select(a => a.ShortName).ToList();
                return none.Count == 0 ? [$"Cả {acts.Count} hoạt động"] : [$"{none.Count}/{acts.Count} hoạt động", .. none];
            default:
                throw new FormatException($"unknown kind '{kind}'");
        }
    }

    private static readonly Dictionary<FundingSource, string> SourceLabels = new()
    {
        [FundingSource.Kcqg] = "KCQG", [FundingSource.Kcdp] = "KCĐP", [FundingSource.Counterpart] = "Vốn đối ứng", [FundingSource.Other] = "Nguồn khác",
    };

    private static decimal Value(IEnumerable<SupportRecord> rs, string measure, FundingSource? source) => measure switch
    {
        Measures.Facilities => rs.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count(),
        Measures.Participations or Measures.Projects => rs.Count(),
        Measures.Booths => rs.Sum(r => (decimal)r.Booths),
        Measures.Revenue => rs.Sum(r => (decimal)r.RevenueVnd),
        // The training form's answer, else "N học viên" in an imported record's note.
        Measures.Trainees => rs.Sum(r => r.Extra.TryGetValue("trainees", out var n) ? decimal.Parse(n, CultureInfo.InvariantCulture)
            : TraineesNote.Match(r.Note ?? "") is { Success: true } m ? decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0),
        // Under a source, that source's part of each record as stored (a record from before the split: its amount under its source).
        _ => source is { } s ? rs.Sum(r => (decimal)(r.Split?[s] ?? r.FundingVnd)) : rs.Sum(r => (decimal)r.FundingVnd),
    };

    private static readonly Regex TraineesNote = new(@"([0-9]+) học viên", RegexOptions.CultureInvariant);

    private static string MeasureOf(string m) => m switch
    {
        "trainees" => Measures.Trainees,
        "booths" => Measures.Booths,
        "participations" => Measures.Participations,
        "facilities" => Measures.Facilities,
        "projects" => Measures.Projects,
        "revenue" => Measures.Revenue,
        "funding" => Measures.Funding,
        _ => throw new FormatException($"unknown measure '{m}'"),
    };

    private IReadOnlySet<string>? Units(string scope)
    {
        var colon = scope.IndexOf(':');
        var (kind, id) = colon < 0 ? (scope, "") : (scope[..colon], scope[(colon + 1)..]);
        return kind switch
        {
            "all" => null,
            "p" => catalogue.UnitsOf(id).ToHashSet(),
            "f" => new HashSet<string> { id },
            "r" => catalogue.Region(id)!.Members.SelectMany(catalogue.UnitsOf).ToHashSet(),
            "m" => id.Split(',').SelectMany(catalogue.UnitsOf).ToHashSet(),
            _ => throw new FormatException($"unknown scope '{scope}'"),
        };
    }

    /// <summary>Y2025, YTD, ALL, H1-2024, Q3-2025, M07-2025, N9-2024 (first 9 months), CUM-Q3-2025, CUM-M09-2025, 2024-03-01..2024-05-15.</summary>
    public static (DateOnly From, DateOnly To) PeriodOf(string p)
    {
        static DateOnly EndOfMonth(int y, int m) => new DateOnly(y, m, 1).AddMonths(1).AddDays(-1);
        static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
        if (p == "YTD")
        {
            return (new DateOnly(Today.Year, 1, 1), Today);
        }
        if (p == "ALL")
        {
            return (PeriodParser.Beginning, Today);
        }
        if (p.Contains("..", StringComparison.Ordinal))
        {
            var parts = p.Split("..");
            return (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var cumulative = p.StartsWith("CUM-", StringComparison.Ordinal);
        var q = cumulative ? p[4..] : p;
        var year = Int(q[^4..]);
        (DateOnly From, DateOnly To) range = q[0] switch
        {
            'Y' => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            'H' => q[1] == '1' ? (new DateOnly(year, 1, 1), new DateOnly(year, 6, 30)) : (new DateOnly(year, 7, 1), new DateOnly(year, 12, 31)),
            'Q' => (new DateOnly(year, Int(q[1..2]) * 3 - 2, 1), EndOfMonth(year, Int(q[1..2]) * 3)),
            'M' => (new DateOnly(year, Int(q[1..3]), 1), EndOfMonth(year, Int(q[1..3]))),
            'N' => (new DateOnly(year, 1, 1), EndOfMonth(year, Int(q[1..q.IndexOf('-')]))),
            _ => throw new FormatException($"unknown period '{p}'"),
        };
        return cumulative ? (new DateOnly(year, 1, 1), range.To) : range;
    }
}
