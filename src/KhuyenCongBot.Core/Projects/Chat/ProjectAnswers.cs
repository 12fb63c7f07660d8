using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>The answers to managers' questions about projects, over the projects of a scope (recorded unit ids; null = everywhere) as at a date.</summary>
public sealed class ProjectAnswers(IBotStore store, ProjectQueries queries, ProjectVocabulary vocabulary, CatalogueIndex catalogue, UserTexts texts)
{
    /// <summary>At most this many projects are listed in a reply (the count is always whole).</summary>
    public const int ListSize = 10;

    /// <summary>The plan metric disbursement is compared with: the year's khuyến công funding plan.</summary>
    public const string PlanMetric = "*." + Measures.Funding;

    public string NotReached(ProjectFilter filter, string scopeName, ProjectStatus step, DateOnly at, bool english)
    {
        var all = queries.CountByStatus(filter, at);
        var approved = all.Values.Sum();
        var list = store.Projects.Read(filter)
            .Where(p => p.StatusOn(at) is { } s && s < step)
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(texts.Text(english, "projects.not_reached",
            ("at", at), ("scope", scopeName), ("count", list.Count), ("approved", approved), ("step", Step(step, english))));
        if (!english)
        {
            var byStep = list.GroupBy(p => p.StatusOn(at)!.Value).OrderBy(g => g.Key).Select(g => $"{VnFormat.Number(g.Count())} {Step(g.Key, false)}").ToList();
            sb.Append(byStep.Count > 0 ? ": " + string.Join(", ", byStep) + "." : ".");
        }
        AppendList(sb, list, at, english);
        return sb.ToString();
    }

    public string AtStatus(ProjectFilter filter, string scopeName, ProjectStatus step, DateOnly at, bool english)
    {
        var list = store.Projects.Read(filter).Where(p => p.StatusOn(at) == step).OrderBy(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(texts.Text(english, "projects.at_status", ("at", at), ("scope", scopeName), ("count", list.Count), ("step", Step(step, english))));
        AppendList(sb, list, at, english);
        return sb.ToString();
    }

    public string Late(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var late = queries.Late(filter, at);
        var open = queries.NotYetAccepted(filter, at).Count;
        if (late.Count == 0)
        {
            return texts.Text(english, "projects.late.none", ("at", at), ("scope", scopeName), ("open", open));
        }
        var sb = new StringBuilder(texts.Text(english, "projects.late.heading", ("at", at), ("scope", scopeName), ("count", late.Count)));
        foreach (var p in late.Take(ListSize))
        {
            sb.Append('\n').Append(texts.Text(english, "projects.late.line", ("code", p.Code), ("name", p.Name), ("end", p.PlannedEnd!.Value),
                ("days", ProjectQueries.DaysLate(p, at)), ("step", Step(p.StatusOn(at)!.Value, english))));
        }
        More(sb, late.Count, english);
        return sb.ToString();
    }

    public string Rate(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var figure = queries.Disbursement(filter, at);
        var n = NumberText.For(english);
        if (figure.Projects == 0)
        {
            // The scope starts the Vietnamese sentence, not the English one.
            var scope = scopeName;
            if (!english)
            {
                scope = Capital(scope);
            }
            return texts.Text(english, "projects.rate.none", ("scope", scope), ("at", at));
        }
        var disbursed = (long)figure.Disbursed;
        var support = (long)figure.Approved.Support;
        var sb = new StringBuilder();
        sb.Append(texts.Text(english, "projects.rate.head", ("scope", scopeName), ("count", figure.Projects), ("at", at),
            ("disbursed", n.MoneyFull(disbursed)), ("support", n.MoneyFull(support))));
        sb.Append($" (KCQG {n.MoneyFull((long)figure.Approved.Kcqg)}, KCĐP {n.MoneyFull((long)figure.Approved.Kcdp)})");
        sb.Append(figure.Rate is { } r ? texts.Text(english, "projects.rate.percent", ("rate", n.Percent(r))) : ".");
        ProjectOverruns.Append(texts, sb, queries.Overruns(filter, at), at, english);
        var year = at.Year;
        // The year's plan funds the year's projects: compared with what the projects approved in the year had disbursed by the date
        // (the figure "giải ngân năm 2026" gives, PeriodDisbursement), said apart from the figure above (every project so far).
        // The year's funding plan is of every source: it is not compared with the projects of one source.
        // The plan of the activity asked about ("giải ngân đề án hội chợ": the fairs' funding plan), else the whole year's.
        var plan = filter.Source is null ? PlanTarget(year, filter.ProvinceIds, filter.ActivityId) : null;
        if (plan is > 0 && Uncovered(year, filter, at) is { Count: > 0 } uncovered)
        {
            // A plan set for Hà Nội alone was set against the whole country's projects ("đạt 130%"): as with the figures, a plan is
            // compared only when it covers every province whose projects are counted.
            sb.Append('\n').Append(texts.Text(english, "disbursement.plan_partial", ("year", year),
                ("missing", string.Join(", ", uncovered.Take(4).Select(u => catalogue.Province(u)?.ShortName ?? u)) + (uncovered.Count > 4 ? ", …" : "")),
                ("count", uncovered.Count)));
        }
        else if (plan is > 0)
        {
            var ofYear = queries.YearsProjects(filter, at);
            sb.Append('\n').Append(texts.Text(english, "disbursement.year_plan", ("year", year), ("plan", n.MoneyFull((long)plan)),
                ("count", ofYear.Projects), ("at", at), ("disbursed", n.MoneyFull(ofYear.Disbursed)), ("rate", n.Percent(ofYear.Disbursed / plan.Value)),
                ("total", figure.Projects)));
        }
        else if (filter.Source is null)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.rate.no_plan", ("year", year), ("scope", scopeName)));
        }
        return sb.ToString();
    }

    public string Overview(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var counts = queries.CountByStatus(filter, at);
        var total = counts.Values.Sum();
        var late = queries.Late(filter, at).Count;
        var n = NumberText.For(english);
        var parts = Enum.GetValues<ProjectStatus>().Select(s => $"{n.Number(counts[s])} {Step(s, english)}");
        return texts.Text(english, "projects.overview", ("at", at), ("scope", scopeName), ("total", total), ("parts", string.Join(", ", parts)), ("late", late));
    }

    /// <summary>One project: code, name, decision, programme, type, step with dates, budget, disbursed, facilities.</summary>
    public string One(Project p, DateOnly today, bool english)
    {
        var n = NumberText.For(english);
        var sb = new StringBuilder();
        sb.Append($"📁 {p.Code} – {p.Name}");
        sb.Append('\n').Append(texts.Text(english, "projects.one.decision", ("number", p.DecisionNumber), ("date", p.DecisionDate)));
        sb.Append('\n').Append($"• {vocabulary.Name(p.Programme, english)}; {vocabulary.Name(p.Type, english)}; ")
            .Append(catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId).Append("; ").Append(catalogue.Activity(p.ActivityId) is { } activity ? (english && activity.EnglishName.Length > 0 ? activity.EnglishName : activity.ShortName) : p.ActivityId);
        var dates = Enum.GetValues<ProjectStatus>().Where(s => s <= p.Status && p.DateOf(s) is not null)
            .Select(s => $"{Step(s, english)} {VnFormat.Date(p.DateOf(s)!.Value)}");
        sb.Append('\n').Append(texts.Text(english, "projects.one.step", ("step", Step(p.Status, english)), ("dates", string.Join(" → ", dates))));
        AppendMovers(sb, p, english);
        if (p.PlannedEnd is { } end)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.one.planned_end", ("end", end)));
            if (ProjectQueries.DaysLate(p, today) is > 0 and var days)
            {
                sb.Append(texts.Text(english, "projects.one.days_late", ("days", days)));
            }
        }
        sb.Append('\n').Append(texts.Text(english, "projects.one.approved", ("split", Split(texts, p.Approved, english))));
        var rate = FundingRules.Rate(p.DisbursedVnd, p.Approved.Support) is { } r ? texts.Text(english, "projects.one.rate", ("rate", n.Percent(r))) : "";
        sb.Append('\n').Append(texts.Text(english, "projects.one.disbursed", ("amount", n.MoneyFull(p.DisbursedVnd)), ("rate", rate)));
        AppendLinks(sb, p, english);
        return sb.ToString();
    }

    /// <summary>Who recorded the last steps, by their readable name (<see cref="People.PersonNames"/>), never a raw identity.</summary>
    private void AppendMovers(StringBuilder sb, Project p, bool english)
    {
        var moves = p.History.Where(h => h.From is not null || h.Correction).TakeLast(4).ToList();
        // Steps loaded with the data (the demo, an import: nobody's) are not listed alone: there is no one to name.
        if (moves.All(m => m.UserId == 0))
        {
            return;
        }
        var correction = texts.Text(english, "projects.one.correction");
        var list = string.Join("; ", moves.Select(m =>
            $"{Step(m.To, english)}{(m.Correction ? correction : "")} – {People.PersonNames.Of(store, m.UserId, texts, english, catalogue)}"
            + (m.UserId == 0 ? "" : ", " + VnFormat.DateTime(m.At))));
        sb.Append('\n').Append(texts.Text(english, "projects.one.recorded_by", ("moves", list)));
    }

    /// <summary>The records linked to the project: how many, their money by source against the approved amounts, and its facilities
    /// (a group project's one a line).</summary>
    private void AppendLinks(StringBuilder sb, Project p, bool english)
    {
        var n = NumberText.For(english);
        var links = ProjectLinks.Of(store, p);
        if (links.Records.Count == 0)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.links.none"));
        }
        else
        {
            var f = links.Funding;
            var split = new FundingSplit((long)f.Kcqg, (long)f.Kcdp, (long)f.Counterpart, (long)f.Other);
            // Each amount once: the support total only when it is not already the one amount listed, the approved amount on its own line.
            var parts = new List<string>();
            if (split.Support != split.Total || (split.Kcqg > 0 && split.Kcdp > 0))
            {
                parts.Add(texts.Text(english, "projects.links.support", ("amount", n.MoneyFull(split.Support))));
            }
            if (FundingRules.Rate(split.Support, p.Approved.Support) is { } r)
            {
                parts.Add(texts.Text(english, "projects.links.share", ("rate", n.Percent(r))));
            }
            var detail = parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
            sb.Append('\n').Append(texts.Text(english, "projects.links.records", ("count", links.Records.Count), ("split", Split(texts, split, english)), ("detail", detail)));
        }
        if (links.Facilities.Count == 0)
        {
            return;
        }
        var count = texts.Text(english, "projects.links.facilities", ("count", links.Facilities.Count));
        if (p.Type == ProjectType.Group)
        {
            sb.Append('\n').Append(count).Append(':');
            foreach (var name in links.Facilities.Take(ListSize))
            {
                sb.Append("\n   – ").Append(name);
            }
            if (links.Facilities.Count > ListSize)
            {
                sb.Append('\n').Append(texts.Text(english, "projects.links.more_lines", ("count", links.Facilities.Count - ListSize)));
            }
            return;
        }
        sb.Append('\n').Append(count).Append(": ").Append(string.Join("; ", links.Facilities.Take(5)))
            .Append(links.Facilities.Count > 5 ? texts.Text(english, "projects.links.more", ("count", links.Facilities.Count - 5)) : "");
    }

    /// <summary>
    /// The report paragraph's sentence on projects: those running in the period (approved by its end, not settled before its start),
    /// accepted and late; then the disbursement of the period's projects (<see cref="PeriodDisbursement"/>, the figure the question
    /// "giải ngân năm 2025" gives) with the line saying which projects it counts. Null when the period has not started (no figure
    /// at all) or has no project; a running period is counted up to today.
    /// </summary>
    public string? ReportSentence(IReadOnlySet<string>? units, Period period, DateOnly today, bool english, UserTexts texts)
    {
        var projects = store.Projects.Read(Filter(units));
        if (PeriodDisbursement.Of(projects, period, today) is not { } disbursement)
        {
            return null;
        }
        var at = disbursement.At;
        var running = projects.Where(p => p.DecisionDate <= at && !(p.SettledOn is { } s && s < period.From)).ToList();
        if (running.Count == 0)
        {
            return null;
        }
        var accepted = running.Count(p => p.StatusOn(at) >= ProjectStatus.Accepted);
        var late = running.Count(p => ProjectQueries.DaysLate(p, at) > 0);
        var n = NumberText.For(english);
        return texts.Text(english, "projects.disburse.report_counts", ("running", n.Number(running.Count)), ("accepted", n.Number(accepted)), ("late", n.Number(late)))
            + " " + disbursement.ReportSentence(texts, english);
    }

    /// <summary>"KCQG 500.000.000 đồng, KCĐP 0 đồng, đối ứng 200.000.000 đồng" (sources with money only), in the reader's language.</summary>
    public static string Split(UserTexts texts, FundingSplit s, bool english)
    {
        var n = NumberText.For(english);
        var parts = new List<string>();
        if (s.Kcqg > 0) { parts.Add("KCQG " + n.MoneyFull(s.Kcqg)); }
        if (s.Kcdp > 0) { parts.Add("KCĐP " + n.MoneyFull(s.Kcdp)); }
        if (s.Counterpart > 0) { parts.Add(texts.Text(english, "projects.split.counterpart", ("amount", n.MoneyFull(s.Counterpart)))); }
        if (s.Other > 0) { parts.Add(texts.Text(english, "projects.split.other", ("amount", n.MoneyFull(s.Other)))); }
        return parts.Count == 0 ? n.MoneyFull(0) : string.Join(", ", parts);
    }

    /// <summary>The provinces whose projects of the year are counted but which have no plan of the year's metric.</summary>
    private List<string> Uncovered(int year, ProjectFilter filter, DateOnly at)
    {
        var metric = filter.ActivityId is null ? PlanMetric : filter.ActivityId + "." + Measures.Funding;
        var planned = store.Plans.ForYear(year).Where(p => p.Metric == metric && p.Target > 0).Select(p => p.ProvinceId).ToHashSet(StringComparer.Ordinal);
        return queries.UnitsWithYearsProjects(filter, at).Select(u => catalogue.CurrentOf(u)?.Id ?? u).Distinct()
            .Where(u => !planned.Contains(u)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The year's funding plan of the units (every province's plan summed); null when none is set.</summary>
    /// <param name="activityId">The activity's funding plan ("trade_fair.funding_vnd") instead of the year's (<see cref="PlanMetric"/>); null for the year's.</param>
    public decimal? PlanTarget(int year, IReadOnlySet<string>? units, string? activityId = null)
    {
        var metric = activityId is null ? PlanMetric : activityId + "." + Measures.Funding;
        var plans = store.Plans.ForYear(year).Where(p => p.Metric == metric && (units is null || units.Contains(p.ProvinceId))).ToList();
        return plans.Count == 0 ? null : plans.Sum(p => p.Target);
    }

    private string Step(ProjectStatus s, bool english) => vocabulary.Name(s, english).ToLowerInvariant();

    private void AppendList(StringBuilder sb, IReadOnlyList<Project> list, DateOnly at, bool english)
    {
        foreach (var p in list.Take(ListSize))
        {
            var end = p.PlannedEnd is { } e ? texts.Text(english, "projects.list.planned_end", ("end", e)) : "";
            sb.Append('\n').Append($"• {p.Code} – {p.Name} ({Step(p.StatusOn(at)!.Value, english)}{end})");
        }
        More(sb, list.Count, english);
    }

    private void More(StringBuilder sb, int count, bool english) => More(texts, sb, count, english);

    /// <summary>"… và 3 đề án khác." after a list cut at <see cref="ListSize"/>.</summary>
    internal static void More(UserTexts texts, StringBuilder sb, int count, bool english)
    {
        if (count > ListSize)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.more", ("count", count - ListSize)));
        }
    }

    private static ProjectFilter Filter(IReadOnlySet<string>? units) => new(units);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
