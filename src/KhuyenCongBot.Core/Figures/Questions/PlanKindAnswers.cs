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

    private static (string? ActivityId, string Measure) Split(string metric)
    {
        var dot = metric.IndexOf('.');
        var activity = metric[..dot];
        return (activity == "*" ? null : activity, metric[(dot + 1)..]);
    }

    /// <summary>The year's achievement of one metric (1/1 up to the question's end) in a set of units.</summary>
    private FigureValue Achieved(Question q, string? activity, string measure, IReadOnlySet<string>? units) =>
        figures.Total(answerer.Query(q, activity, measure, new Period(new DateOnly(q.To.Year, 1, 1), q.To, "")) with { ProvinceIds = units });

    public string Gap(Question q, DateOnly today, bool english)
    {
        // "năm nay" runs to 31/12: what is done, and the time elapsed, are counted up to today.
        q = q.WithPeriod(RunningPeriod.UpToToday(q.Period, today));
        var units = scopes.UnitIds(q.Scope);
        var year = q.To.Year;
        var pace = ExpectedPace(q.To);
        var sb = new StringBuilder();
        sb.AppendLine(english
            ? $"Year plan {year}, {scopes.ShortName(q.Scope, true)}, achieved up to {VnFormat.Date(q.To)} (time elapsed: {VnFormat.Percent(pace)} of the year):"
            : $"Kế hoạch năm {year}, {scopes.ShortName(q.Scope)}, thực hiện đến {VnFormat.Date(q.To)} (tiến độ thời gian: {VnFormat.Percent(pace)} của năm):");
        var metrics = PlannedMetrics(q, units);
        var any = false;
        foreach (var (activity, measure) in metrics)
        {
            var metric = $"{activity ?? "*"}.{measure}";
            var title = SourceText.Title(catalogue, activity, measure, q.Source, english);
            if (answerer.PlanTarget(year, metric, units) is not { } target || target == 0)
            {
                sb.AppendLine(english ? $"• {title}: no {year} plan is set." : $"• {title}: chưa có kế hoạch năm {year}.");
                continue;
            }
            any = true;
            var done = Achieved(q, activity, measure, units).Value;
            var left = target - done;
            sb.Append("• ").Append(title).Append(": ")
              .Append(english ? "plan " : "kế hoạch ").Append(MetricText.Value(measure, target, english))
              .Append(english ? ", achieved " : ", đã thực hiện ").Append(MetricText.Value(measure, done, english))
              .Append($" ({VnFormat.Percent(done / target)}). ");
            sb.Append(left > 0
                ? (english ? $"Left to reach the plan: {MetricText.Value(measure, left, true)}." : $"Còn thiếu {MetricText.Value(measure, left)} để đạt kế hoạch.")
                : (english ? $"Plan reached, {MetricText.Value(measure, -left, true)} above it." : $"Đã đạt kế hoạch, vượt {MetricText.Value(measure, -left)}."));
            var expected = target * pace;
            if (left > 0 && pace < 1)
            {
                sb.Append(done >= expected
                    ? (english ? " Ahead of the time pace." : " Đang nhanh hơn tiến độ thời gian.")
                    : (english ? $" Behind the time pace by {MetricText.Value(measure, expected - done, true)}." : $" Chậm hơn tiến độ thời gian {MetricText.Value(measure, expected - done)}."));
            }
            sb.AppendLine();
        }
        if (metrics.Count == 0)
        {
            sb.AppendLine(english ? $"No {year} plan is set in this scope (admins set it with /plan)." : $"Chưa có kế hoạch năm {year} trong phạm vi này (quản trị viên đặt bằng /kehoach).");
        }
        if (any && q.Source is { } source)
        {
            sb.AppendLine(english
                ? $"Plans are not split by source: only {FundingSources.Label(source, true)} is counted."
                : $"Kế hoạch không chia theo nguồn: phần thực hiện chỉ tính nguồn {FundingSources.Label(source)}.");
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

    public string Ranking(Question q, DateOnly today, bool english)
    {
        q = q.WithPeriod(RunningPeriod.UpToToday(q.Period, today));
        var pace = ExpectedPace(q.To);
        var rows = Progress(q);
        var sb = new StringBuilder();
        var single = rows.Count > 0 && rows.All(r => r.Metrics == 1) && PlannedMetrics(q, scopes.UnitIds(q.Scope)).Count == 1;
        var what = single ? SourceText.Title(catalogue, rows[0].Lowest.ActivityId, rows[0].Lowest.Measure, q.Source, english)
            : english ? "mean of the planned metrics" : "bình quân các chỉ tiêu có kế hoạch";
        sb.AppendLine(english
            ? $"Progress against the {q.To.Year} plan by province ({what}), up to {VnFormat.Date(q.To)}; time pace: {VnFormat.Percent(pace)} of the year:"
            : $"Tiến độ kế hoạch năm {q.To.Year} theo tỉnh ({what}), đến {VnFormat.Date(q.To)}; tiến độ thời gian: {VnFormat.Percent(pace)} của năm:");
        if (rows.Count == 0)
        {
            sb.AppendLine(english ? "No plan is set in this scope." : "Chưa có kế hoạch nào trong phạm vi này (quản trị viên đặt bằng /kehoach).");
            return sb.ToString().TrimEnd();
        }
        var (position, rank, previous) = (0, 0, (decimal?)null);
        foreach (var r in rows.Take(40))
        {
            var name = catalogue.Province(r.ProvinceId)?.ShortName ?? r.ProvinceId;
            // Equal percentages share a rank.
            rank = ++position == 1 || r.Ratio != previous ? position : rank;
            previous = r.Ratio;
            sb.Append(BreakdownText.RowStart(true, rank, english)).Append(name).Append(": ").Append(VnFormat.Percent(r.Ratio));
            if (single)
            {
                sb.Append($" ({MetricText.Value(r.Lowest.Measure, r.Lowest.Done, english)} / {MetricText.Value(r.Lowest.Measure, r.Lowest.Target, english)})");
            }
            else
            {
                sb.Append(english ? $", lowest: " : ", thấp nhất: ").Append(MetricText.Title(catalogue, r.Lowest.ActivityId, r.Lowest.Measure, english)).Append(' ').Append(VnFormat.Percent(r.Lowest.Ratio));
            }
            sb.AppendLine(r.Ratio >= 1 ? (english ? " – reached" : " – đã đạt") : r.Ratio < pace ? (english ? " – behind pace" : " – chậm tiến độ") : "");
        }
        var below = rows.Count(r => r.Ratio < 1);
        var behind = rows.Count(r => r.Ratio < pace);
        sb.AppendLine(english
            ? $"Not yet at plan: {below} of {rows.Count} provinces; behind the time pace: {behind}."
            : $"Chưa đạt kế hoạch năm: {below}/{rows.Count} tỉnh; chậm hơn tiến độ thời gian: {behind} tỉnh.");
        if (q.Source is { } source)
        {
            sb.AppendLine(english
                ? $"Plans are not split by source: only {FundingSources.Label(source, true)} is counted."
                : $"Kế hoạch không chia theo nguồn: phần thực hiện chỉ tính nguồn {FundingSources.Label(source)}.");
        }
        return sb.ToString().TrimEnd();
    }
}
