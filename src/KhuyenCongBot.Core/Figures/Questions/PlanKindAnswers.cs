using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>What is left of the year plan, and % of plan for each province ranked, each with the expected pace at the period's end.</summary>
public sealed class PlanKindAnswers(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, FigureAnswerer answerer)
{
    /// <summary>The share of the year gone by at <paramref name="day"/> (26/11/2026: 330/365 = 90,4 %); 1 after the year.</summary>
    public static decimal ExpectedPace(DateOnly day)
    {
        var start = new DateOnly(day.Year, 1, 1);
        var days = DateTime.IsLeapYear(day.Year) ? 366 : 365;
        return Math.Min(1m, (decimal)(day.DayNumber - start.DayNumber + 1) / days);
    }

    /// <summary>The metrics a plan question covers: the one asked, or every metric with a plan that year in the scope.</summary>
    public IReadOnlyList<(string? ActivityId, string Measure)> PlannedMetrics(Question q, IReadOnlySet<string>? units)
    {
        if (q.Measure is not null || q.ActivityId is not null)
        {
            var (a, m) = answerer.Primary(q);
            return [(a, m)];
        }
        return store.Plans.ForYear(q.To.Year).CountedIn(q.To.Year, catalogue)
            .Where(p => p.Target > 0 && (units is null || units.Contains(p.ProvinceId)))
            .Select(p => p.Metric).Distinct().Order(StringComparer.Ordinal)
            .Select(Split).ToList();
    }

    internal static (string? ActivityId, string Measure) Split(string metric)
    {
        var dot = metric.IndexOf('.');
        var activity = metric[..dot];
        return (activity == "*" ? null : activity, metric[(dot + 1)..]);
    }

    /// <summary>The year's achievement of one metric (1/1 up to the question's end) in a set of units.</summary>
    internal FigureValue Achieved(Question q, string? activity, string measure, IReadOnlySet<string>? units) =>
        figures.Total(answerer.Query(q, activity, measure, new Period(new DateOnly(q.To.Year, 1, 1), q.To, "")) with { ProvinceIds = units });

    public string Gap(Question q, DateOnly today, bool english)
    {
        // "năm nay" runs to 31/12: what is done, and the time elapsed, are counted up to today.
        q = q.WithPeriod(RunningPeriod.UpToToday(answerer.Texts, q.Period, today));
        var units = scopes.UnitIds(q.Scope);
        var year = q.To.Year;
        var pace = ExpectedPace(q.To);
        var sb = new StringBuilder();
        var texts = answerer.Texts;
        sb.AppendLine(texts.Text(english, "figures.plan_gap.head", ("year", year), ("scope", scopes.ShortName(q.Scope, english)), ("to", q.To), ("pace", NumberText.For(english).Percent(pace))));
        var metrics = PlannedMetrics(q, units);
        var any = false;
        foreach (var (activity, measure) in metrics)
        {
            var metric = $"{activity ?? "*"}.{measure}";
            var title = SourceText.Title(answerer.Texts, catalogue, activity, measure, q.Source, english);
            if (answerer.Coverage.Of(year, metric, q.Scope) is not { } cover)
            {
                sb.AppendLine(texts.Text(english, "figures.plan_gap.no_plan", ("title", title), ("year", year)));
                continue;
            }
            any = true;
            var target = cover.Target;
            // Only some provinces have this plan: what they did against their plan, the others named (never the country's against theirs).
            var done = Achieved(q, activity, measure, cover.Partial ? cover.PlannedUnits : units).Value;
            var left = target - done;
            sb.Append(cover.Partial
                ? texts.Text(english, "hplan.gap.partial_line", ("title", title), ("target", MetricText.Value(texts, measure, target, english)),
                    ("planned_count", cover.Planned.Count), ("total", cover.Total), ("planned", answerer.Coverage.Names(cover.Planned)),
                    ("missing_count", cover.Missing.Count), ("missing", answerer.Coverage.Names(cover.Missing)),
                    ("done", MetricText.Value(texts, measure, done, english)), ("percent", NumberText.For(english).Percent(done / target)))
                : texts.Text(english, "figures.plan_gap.line", ("title", title), ("target", MetricText.Value(texts, measure, target, english)),
                    ("done", MetricText.Value(texts, measure, done, english)), ("percent", NumberText.For(english).Percent(done / target))));
            sb.Append(left > 0
                ? texts.Text(english, "figures.plan_gap.left", ("value", MetricText.Value(texts, measure, left, english)))
                : left == 0 ? texts.Text(english, "hplan.gap.exactly")
                : texts.Text(english, "figures.plan_gap.reached", ("value", MetricText.Value(texts, measure, -left, english))));
            var expected = target * pace;
            if (left > 0 && pace < 1)
            {
                // "Chậm hơn tiến độ thời gian 0 cơ sở" (outside tester): behind by less than one unit is on pace.
                var behindBy = expected - done;
                sb.Append(done >= expected ? texts.Text(english, "figures.plan_gap.ahead")
                    : !MetricText.IsMoney(measure) && behindBy < 0.5m ? texts.Text(english, "hplan.gap.on_pace")
                    : texts.Text(english, "figures.plan_gap.behind", ("value", MetricText.Value(texts, measure, behindBy, english))));
            }
            sb.AppendLine();
        }
        if (metrics.Count == 0)
        {
            sb.AppendLine(texts.Text(english, "figures.plan_gap.none", ("year", year)));
        }
        if (any && q.Source is { } source)
        {
            sb.AppendLine(texts.Text(english, "figures.plan_gap.source_only", ("source", FundingSources.Label(texts, source, english))));
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>One province's % of plan: its metric's, or the mean of its planned metrics' (with the lowest one named).</summary>
    public sealed record ProvinceProgress(string ProvinceId, decimal Ratio, int Metrics, (string? ActivityId, string Measure, decimal Ratio, decimal Done, decimal Target) Lowest);

    public IReadOnlyList<ProvinceProgress> Progress(Question q)
    {
        var units = scopes.UnitIds(q.Scope);
        var metrics = PlannedMetrics(q, units).Select(m => $"{m.ActivityId ?? "*"}.{m.Measure}").ToHashSet(StringComparer.Ordinal);
        var plans = store.Plans.ForYear(q.To.Year).CountedIn(q.To.Year, catalogue)
            .Where(p => p.Target > 0 && metrics.Contains(p.Metric) && (units is null || units.Contains(p.ProvinceId)))
            .GroupBy(p => catalogue.CurrentOf(p.ProvinceId)?.Id ?? p.ProvinceId, StringComparer.Ordinal);
        var result = new List<ProvinceProgress>();
        foreach (var province in plans)
        {
            var provinceUnits = catalogue.UnitsOf(province.Key).ToHashSet(StringComparer.Ordinal);
            var rows = province.GroupBy(p => p.Metric, StringComparer.Ordinal).Select(g =>
            {
                var (activity, measure) = Split(g.Key);
                var target = g.Sum(p => p.Target);
                var done = Achieved(q, activity, measure, provinceUnits).Value;
                return (activity, measure, Ratio: done / target, done, target);
            }).OrderBy(r => r.Ratio).ThenBy(r => $"{r.activity}.{r.measure}", StringComparer.Ordinal).ToList();
            result.Add(new ProvinceProgress(province.Key, rows.Average(r => r.Ratio), rows.Count, rows[0]));
        }
        return (q.Ascending ? result.OrderBy(r => r.Ratio) : result.OrderByDescending(r => r.Ratio)).ThenBy(r => r.ProvinceId, StringComparer.Ordinal).ToList();
    }
}
