using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// % of the year plan for each province, ranked ("tỉnh nào chưa đạt kế hoạch gian hàng"), and the plan of a period not begun. Never
/// confidently wrong (outside tester): the measure asked is kept (when it has no plan, that is said for that measure and the measures
/// with a plan are offered, never "no plan at all"); "chưa đạt" lists the provinces that have not met the plan and "đã đạt" those that
/// have; provinces without the plan are named; a year not begun gets no "0 %" and no time pace.
/// </summary>
public sealed class PlanRankingText(PlanKindAnswers plans, CatalogueIndex catalogue, ScopeResolver scopes, FigureAnswerer answerer)
{
    private UserTexts Texts => answerer.Texts;

    public string Ranking(Question q, DateOnly today, bool english)
    {
        q = q.WithPeriod(RunningPeriod.UpToToday(Texts, q.Period, today));
        var pace = PlanKindAnswers.ExpectedPace(q.To);
        var year = q.To.Year;
        var asked = q.Measure is not null || q.ActivityId is not null;
        var (activity, measure) = answerer.Primary(q);
        var title = SourceText.Title(Texts, catalogue, activity, measure, q.Source, english);
        var rows = plans.Progress(q);
        var sb = new StringBuilder();
        if (asked && rows.Count == 0)
        {
            // "tỉnh nào chưa đạt kế hoạch kinh phí năm 2025": no funding plan. It said "(bình quân các chỉ tiêu có kế hoạch) … Chưa có kế
            // hoạch nào", while booths and consulting had plans in every province.
            sb.AppendLine(Texts.Text(english, "hplan.rank.no_plan_for", ("title", title), ("year", year), ("scope", scopes.ShortName(q.Scope, english))));
            sb.AppendLine(Offer(q, english));
            return sb.ToString().TrimEnd();
        }
        var single = asked || (rows.Count > 0 && rows.All(r => r.Metrics == 1) && plans.PlannedMetrics(q, scopes.UnitIds(q.Scope)).Count == 1);
        var what = single ? SourceText.Title(Texts, catalogue, rows.Count > 0 ? rows[0].Lowest.ActivityId : activity, rows.Count > 0 ? rows[0].Lowest.Measure : measure, q.Source, english)
            : Texts.Text(english, "figures.plan_rank.mean");
        sb.AppendLine(Texts.Text(english, "figures.plan_rank.head", ("year", year), ("what", what), ("to", q.To), ("pace", NumberText.For(english).Percent(pace))));
        if (q.Ascending && rows.Count > 1)
        {
            sb.AppendLine(Texts.Text(english, "hplan.rank.lowest_first"));
        }
        if (rows.Count == 0)
        {
            sb.AppendLine(Texts.Text(english, "figures.plan_rank.none"));
            return sb.ToString().TrimEnd();
        }
        var shown = q.Reach switch
        {
            PlanReach.NotMet => rows.Where(r => r.Ratio < 1).ToList(),
            PlanReach.Met => rows.Where(r => r.Ratio >= 1).ToList(),
            PlanReach.Exceeded => rows.Where(r => r.Ratio > 1).ToList(),
            _ => rows.ToList(),
        };
        var (position, rank, previous) = (0, 0, (decimal?)null);
        foreach (var r in shown.Take(40))
        {
            var name = catalogue.Province(r.ProvinceId)?.ShortName ?? r.ProvinceId;
            // Equal percentages share a rank.
            rank = ++position == 1 || r.Ratio != previous ? position : rank;
            previous = r.Ratio;
            // Lowest first ("chưa đạt"): "Hạng 1" read as the best province (outside tester); the rank counts from the highest, out of all.
            sb.Append(q.Ascending ? Texts.Text(english, "hplan.rank.row_of", ("rank", 1 + rows.Count(o => o.Ratio > r.Ratio)), ("total", rows.Count))
                    : BreakdownText.RowStart(Texts, true, rank, english))
                .Append(name).Append(": ").Append(NumberText.For(english).Percent(r.Ratio));
            if (single)
            {
                sb.Append($" ({MetricText.Value(Texts, r.Lowest.Measure, r.Lowest.Done, english)} / {MetricText.Value(Texts, r.Lowest.Measure, r.Lowest.Target, english)})");
            }
            else
            {
                sb.Append(Texts.Text(english, "figures.plan_rank.lowest", ("title", MetricText.Title(Texts, catalogue, r.Lowest.ActivityId, r.Lowest.Measure, english)),
                    ("percent", NumberText.For(english).Percent(r.Lowest.Ratio))));
            }
            sb.AppendLine(r.Ratio >= 1 ? Texts.Text(english, "figures.plan_rank.reached") : r.Ratio < pace ? Texts.Text(english, "figures.plan_rank.behind") : "");
        }
        if (Reach(q.Reach, rows, shown, english) is { } reach)
        {
            sb.AppendLine(reach);
        }
        var below = rows.Count(r => r.Ratio < 1);
        var behind = rows.Count(r => r.Ratio < pace);
        sb.AppendLine(Texts.Text(english, "figures.plan_rank.summary", ("below", below), ("total", rows.Count), ("behind", behind)));
        if (single)
        {
            // The provinces ranked added up: their achievement against the sum of their plans.
            var (done, target) = (rows.Sum(r => r.Lowest.Done), rows.Sum(r => r.Lowest.Target));
            var unit = rows[0].Lowest.Measure;
            sb.AppendLine(Texts.Text(english, "hplan.rank.total", ("count", rows.Count), ("done", MetricText.Value(Texts, unit, done, english)),
                ("target", MetricText.Value(Texts, unit, target, english)), ("percent", NumberText.For(english).Percent(done / target))));
        }
        if (asked && answerer.Coverage.Of(year, $"{activity ?? "*"}.{measure}", q.Scope) is { Partial: true } cover)
        {
            sb.AppendLine(Texts.Text(english, "hplan.rank.missing", ("count", cover.Missing.Count), ("total", cover.Total), ("title", title), ("year", year),
                ("names", answerer.Coverage.Names(cover.Missing))));
        }
        if (q.Source is { } source)
        {
            sb.AppendLine(Texts.Text(english, "figures.plan_gap.source_only", ("source", FundingSources.Label(Texts, source, english))));
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>What the list leaves out when it lists only the provinces that have (not) met the plan.</summary>
    private string? Reach(PlanReach reach, IReadOnlyList<PlanKindAnswers.ProvinceProgress> rows, IReadOnlyList<PlanKindAnswers.ProvinceProgress> shown, bool english)
    {
        if (reach == PlanReach.All)
        {
            return null;
        }
        var others = rows.Except(shown).ToList();
        var names = string.Join(", ", others.Select(r => catalogue.Province(r.ProvinceId)?.ShortName ?? r.ProvinceId));
        if (reach == PlanReach.NotMet)
        {
            return shown.Count == 0 ? Texts.Text(english, "hplan.rank.all_met", ("total", rows.Count))
                : others.Count == 0 ? null
                : Texts.Text(english, "hplan.rank.only_not_met", ("count", shown.Count), ("met", others.Count), ("names", names));
        }
        var over = reach == PlanReach.Exceeded;
        if (shown.Count == 0)
        {
            var best = rows.MaxBy(r => r.Ratio)!;
            var (name, percent) = (catalogue.Province(best.ProvinceId)?.ShortName ?? best.ProvinceId, NumberText.For(english).Percent(best.Ratio));
            return over ? Texts.Text(english, "hplan.rank.none_exceeded", ("total", rows.Count), ("name", name), ("percent", percent))
                : Texts.Text(english, "hplan.rank.none_met", ("total", rows.Count), ("name", name), ("percent", percent));
        }
        if (others.Count == 0)
        {
            return null;
        }
        return over ? Texts.Text(english, "hplan.rank.only_exceeded", ("count", shown.Count), ("total", rows.Count), ("others", others.Count))
            : Texts.Text(english, "hplan.rank.only_met", ("count", shown.Count), ("total", rows.Count), ("others", others.Count));
    }

    /// <summary>"Các chỉ tiêu đã có kế hoạch năm 2025: …" — what a plan question can be asked about instead.</summary>
    private string Offer(Question q, bool english)
    {
        var metrics = plans.PlannedMetrics(q with { Measure = null, ActivityId = null }, scopes.UnitIds(q.Scope));
        if (metrics.Count == 0)
        {
            return Texts.Text(english, "hplan.no_plans_year", ("year", q.To.Year));
        }
        var titles = metrics.Select(m => MetricText.Title(Texts, catalogue, m.ActivityId, m.Measure, english));
        return Texts.Text(english, "hplan.offer", ("year", q.To.Year), ("list", string.Join("; ", titles)));
    }

    /// <summary>
    /// A plan question about a period not begun ("kế hoạch năm 2027", "tiến độ kế hoạch gian hàng năm 2027"): it said "thực hiện đến
    /// 31/12/2027 (tiến độ thời gian: 100% của năm)" or "0 gian hàng … đạt 0% kế hoạch năm". Now: not begun, no achieved figure, no
    /// pace; the plan when one is set, and which provinces it covers.
    /// </summary>
    public string NotStarted(Question q, DateOnly today, bool english)
    {
        var year = q.To.Year;
        var scope = scopes.ShortName(q.Scope, english);
        var sb = new StringBuilder();
        sb.AppendLine(Texts.Text(english, "hplan.future.head", ("period", FigureAnswerer.PeriodText(Texts, q, english)), ("today", today), ("year", year), ("scope", scope)));
        var asked = q.Measure is not null || q.ActivityId is not null;
        IReadOnlyList<(string? ActivityId, string Measure)> metrics = asked ? [answerer.Primary(q)] : plans.PlannedMetrics(q, scopes.UnitIds(q.Scope));
        if (metrics.Count == 0)
        {
            sb.AppendLine(Texts.Text(english, "hplan.no_plans_year", ("year", year)));
            sb.AppendLine(Texts.Text(english, "hplan.future.how_to_set", ("year", year)));
            return sb.ToString().TrimEnd();
        }
        var unset = false;
        foreach (var (activity, measure) in metrics)
        {
            var title = SourceText.Title(Texts, catalogue, activity, measure, null, english);
            if (answerer.Coverage.Of(year, $"{activity ?? "*"}.{measure}", q.Scope) is not { } cover)
            {
                unset = true;
                sb.AppendLine(Texts.Text(english, "figures.plan_gap.no_plan", ("title", title), ("year", year)));
                continue;
            }
            var target = MetricText.Value(Texts, measure, cover.Target, english);
            sb.AppendLine(cover.Partial
                ? Texts.Text(english, "hplan.future.partial", ("title", title), ("year", year), ("target", target), ("planned_count", cover.Planned.Count), ("total", cover.Total),
                    ("planned", answerer.Coverage.Names(cover.Planned)), ("missing_count", cover.Missing.Count), ("missing", answerer.Coverage.Names(cover.Missing)), ("scope", scope))
                : Texts.Text(english, "hplan.future.plan", ("title", title), ("year", year), ("target", target)));
        }
        if (unset)
        {
            sb.AppendLine(Texts.Text(english, "hplan.future.how_to_set", ("year", year)));
        }
        return sb.ToString().TrimEnd();
    }
}
