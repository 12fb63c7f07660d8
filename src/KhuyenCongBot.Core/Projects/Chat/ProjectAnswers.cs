using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>The answers to managers' questions about projects, over the projects of a scope (recorded unit ids; null = everywhere) as at a date.</summary>
public sealed class ProjectAnswers(IBotStore store, ProjectQueries queries, ProjectVocabulary vocabulary, CatalogueIndex catalogue)
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
        var name = Step(step, english);
        var sb = new StringBuilder();
        if (english)
        {
            sb.Append($"As at {VnFormat.Date(at)}, {scopeName}: {list.Count} of {approved} approved projects not yet {name}.");
        }
        else
        {
            sb.Append($"Tính đến {VnFormat.Date(at)}, {scopeName} có {VnFormat.Number(list.Count)} đề án chưa {name} (trên tổng {VnFormat.Number(approved)} đề án đã phê duyệt)");
            var byStep = list.GroupBy(p => p.StatusOn(at)!.Value).OrderBy(g => g.Key).Select(g => $"{VnFormat.Number(g.Count())} {Step(g.Key, false)}").ToList();
            sb.Append(byStep.Count > 0 ? ": " + string.Join(", ", byStep) + "." : ".");
        }
        AppendList(sb, list, at, english);
        return sb.ToString();
    }

    public string AtStatus(ProjectFilter filter, string scopeName, ProjectStatus step, DateOnly at, bool english)
    {
        var list = store.Projects.Read(filter).Where(p => p.StatusOn(at) == step).OrderBy(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(english
            ? $"As at {VnFormat.Date(at)}, {scopeName}: {list.Count} projects {Step(step, true)}."
            : $"Tính đến {VnFormat.Date(at)}, {scopeName} có {VnFormat.Number(list.Count)} đề án ở bước {Step(step, false)}.");
        AppendList(sb, list, at, english);
        return sb.ToString();
    }

    public string Late(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var late = queries.Late(filter, at);
        var open = queries.NotYetAccepted(filter, at).Count;
        if (late.Count == 0)
        {
            return english
                ? $"As at {VnFormat.Date(at)}, no project of {scopeName} is behind schedule ({open} not yet accepted, none past its planned end)."
                : $"Tính đến {VnFormat.Date(at)}, {scopeName} không có đề án nào chậm tiến độ ({VnFormat.Number(open)} đề án chưa nghiệm thu, chưa đề án nào quá ngày kết thúc dự kiến).";
        }
        var sb = new StringBuilder(english
            ? $"As at {VnFormat.Date(at)}, {late.Count} projects of {scopeName} are behind schedule (planned end passed, not accepted):"
            : $"Tính đến {VnFormat.Date(at)}, {scopeName} có {VnFormat.Number(late.Count)} đề án chậm tiến độ (đã quá ngày kết thúc dự kiến mà chưa nghiệm thu):");
        foreach (var p in late.Take(ListSize))
        {
            var days = ProjectQueries.DaysLate(p, at);
            sb.Append('\n').Append(english
                ? $"• {p.Code} – {p.Name}: planned end {VnFormat.Date(p.PlannedEnd!.Value)}, {days} days late, {Step(p.StatusOn(at)!.Value, true)}"
                : $"• {p.Code} – {p.Name}: kết thúc dự kiến {VnFormat.Date(p.PlannedEnd!.Value)}, chậm {VnFormat.Number(days)} ngày, bước hiện tại: {Step(p.StatusOn(at)!.Value, false)}");
        }
        More(sb, late.Count, english);
        return sb.ToString();
    }

    public string Rate(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var figure = queries.Disbursement(filter, at);
        if (figure.Projects == 0)
        {
            return english
                ? $"No project of {scopeName} approved by {VnFormat.Date(at)}, so there is no disbursement rate."
                : $"{Capital(scopeName)} chưa có đề án nào được phê duyệt đến {VnFormat.Date(at)}, nên chưa có tỷ lệ giải ngân.";
        }
        var disbursed = (long)figure.Disbursed;
        var support = (long)figure.Approved.Support;
        var sb = new StringBuilder();
        sb.Append(english
            ? $"Disbursement of {scopeName}'s {figure.Projects} projects as at {VnFormat.Date(at)}: {VnFormat.MoneyFull(disbursed)} of {VnFormat.MoneyFull(support)} approved extension support"
            : $"Giải ngân {VnFormat.Number(figure.Projects)} đề án của {scopeName} tính đến {VnFormat.Date(at)}: {VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)} kinh phí khuyến công được duyệt");
        sb.Append($" (KCQG {VnFormat.MoneyFull((long)figure.Approved.Kcqg)}, KCĐP {VnFormat.MoneyFull((long)figure.Approved.Kcdp)})");
        sb.Append(figure.Rate is { } r ? (english ? $", {VnFormat.Percent(r)}." : $", đạt {VnFormat.Percent(r)}.") : ".");
        ProjectOverruns.Append(sb, store.Projects.Read(filter), at, english);
        var year = at.Year;
        // The year's funding plan is of every source: it is not compared with the projects of one source.
        // The plan of the activity asked about ("giải ngân đề án hội chợ": the fairs' funding plan), else the whole year's.
        var plan = filter.Source is null ? PlanTarget(year, filter.ProvinceIds, filter.ActivityId) : null;
        if (plan is > 0)
        {
            var ofYear = store.Projects.Read(filter).Where(p => p.DecisionDate <= at).Sum(p => (decimal)DisbursedInYear(p, year, at));
            sb.Append('\n').Append(english
                ? $"Against the {year} funding plan ({VnFormat.MoneyFull((long)plan)}): {VnFormat.MoneyFull((long)ofYear)} disbursed in {year}, {VnFormat.Percent(ofYear / plan.Value)}."
                : $"So với kế hoạch kinh phí năm {year} ({VnFormat.MoneyFull((long)plan)}): đã giải ngân trong năm {VnFormat.MoneyFull((long)ofYear)}, đạt {VnFormat.Percent(ofYear / plan.Value)}.");
        }
        else if (filter.Source is null)
        {
            sb.Append('\n').Append(english
                ? $"No {year} funding plan is set for {scopeName}, so there is no rate against the year plan (/plan)."
                : $"Chưa có kế hoạch kinh phí năm {year} cho {scopeName}, nên chưa tính được tỷ lệ so với kế hoạch năm (/kehoach).");
        }
        return sb.ToString();
    }

    public string Overview(ProjectFilter filter, string scopeName, DateOnly at, bool english)
    {
        var counts = queries.CountByStatus(filter, at);
        var total = counts.Values.Sum();
        var late = queries.Late(filter, at).Count;
        var parts = Enum.GetValues<ProjectStatus>().Select(s => $"{VnFormat.Number(counts[s])} {Step(s, english)}");
        return english
            ? $"As at {VnFormat.Date(at)}, {scopeName}: {total} projects – {string.Join(", ", parts)}; {late} behind schedule."
            : $"Tính đến {VnFormat.Date(at)}, {scopeName} có {VnFormat.Number(total)} đề án: {string.Join(", ", parts)}; {VnFormat.Number(late)} đề án chậm tiến độ.";
    }

    /// <summary>One project: code, name, decision, programme, type, step with dates, budget, disbursed, facilities.</summary>
    public string One(Project p, DateOnly today, bool english)
    {
        var sb = new StringBuilder();
        sb.Append($"📁 {p.Code} – {p.Name}");
        sb.Append('\n').Append(english ? "• Decision: " : "• Quyết định phê duyệt: ").Append($"{p.DecisionNumber} ({VnFormat.Date(p.DecisionDate)})");
        sb.Append('\n').Append($"• {vocabulary.Name(p.Programme, english)}; {vocabulary.Name(p.Type, english)}; ")
            .Append(catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId).Append("; ").Append(catalogue.Activity(p.ActivityId)?.ShortName ?? p.ActivityId);
        sb.Append('\n').Append(english ? "• Step: " : "• Bước hiện tại: ").Append(Step(p.Status, english));
        var dates = Enum.GetValues<ProjectStatus>().Where(s => s <= p.Status && p.DateOf(s) is not null)
            .Select(s => $"{Step(s, english)} {VnFormat.Date(p.DateOf(s)!.Value)}");
        sb.Append(" (").Append(string.Join(" → ", dates)).Append(')');
        AppendMovers(sb, p, english);
        if (p.PlannedEnd is { } end)
        {
            sb.Append('\n').Append(english ? "• Planned end: " : "• Kết thúc dự kiến: ").Append(VnFormat.Date(end));
            if (ProjectQueries.DaysLate(p, today) is > 0 and var days)
            {
                sb.Append(english ? $" – {days} days late" : $" – chậm {VnFormat.Number(days)} ngày");
            }
        }
        sb.Append('\n').Append(english ? "• Approved: " : "• Kinh phí được duyệt: ").Append(Split(p.Approved));
        var rate = FundingRules.Rate(p.DisbursedVnd, p.Approved.Support) is { } r ? (english ? $" ({VnFormat.Percent(r)})" : $" (đạt {VnFormat.Percent(r)})") : "";
        sb.Append('\n').Append(english ? "• Disbursed: " : "• Đã giải ngân: ").Append(VnFormat.MoneyFull(p.DisbursedVnd)).Append(rate);
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
        sb.Append('\n').Append(english ? "• Recorded by: " : "• Người ghi các bước: ").AppendJoin("; ", moves.Select(m =>
            $"{Step(m.To, english)}{(m.Correction ? (english ? " (correction)" : " (sửa)") : "")} – {People.PersonNames.Of(store, m.UserId, english, catalogue)}"
            + (m.UserId == 0 ? "" : ", " + VnFormat.DateTime(m.At))));
    }

    /// <summary>The records linked to the project: how many, their money by source against the approved amounts, and its facilities
    /// (a group project's one a line).</summary>
    private void AppendLinks(StringBuilder sb, Project p, bool english)
    {
        var links = ProjectLinks.Of(store, p);
        if (links.Records.Count == 0)
        {
            sb.Append('\n').Append(english
                ? "• Linked records: none yet (log one with /log and pick the project at \"Which project is it part of?\")."
                : "• Bản ghi hỗ trợ thuộc đề án: chưa có (ghi bằng /ghi, chọn đề án ở câu \"Thuộc đề án nào?\").");
        }
        else
        {
            var f = links.Funding;
            var split = new FundingSplit((long)f.Kcqg, (long)f.Kcdp, (long)f.Counterpart, (long)f.Other);
            // Each amount once: the support total only when it is not already the one amount listed, the approved amount on its own line.
            var parts = new List<string>();
            if (split.Support != split.Total || (split.Kcqg > 0 && split.Kcdp > 0))
            {
                parts.Add((english ? "support " : "khuyến công ") + VnFormat.MoneyFull(split.Support));
            }
            if (FundingRules.Rate(split.Support, p.Approved.Support) is { } r)
            {
                parts.Add(english ? $"{VnFormat.Percent(r)} of the approved support" : $"bằng {VnFormat.Percent(r)} kinh phí khuyến công được duyệt");
            }
            var detail = parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
            sb.Append('\n').Append(english
                ? $"• Linked records: {links.Records.Count}; money logged: {Split(split)}{detail}."
                : $"• Bản ghi hỗ trợ thuộc đề án: {VnFormat.Number(links.Records.Count)}; kinh phí đã ghi: {Split(split)}{detail}.");
        }
        if (links.Facilities.Count == 0)
        {
            return;
        }
        var count = english ? $"• Facilities ({links.Facilities.Count})" : $"• Cơ sở ({VnFormat.Number(links.Facilities.Count)})";
        if (p.Type == ProjectType.Group)
        {
            sb.Append('\n').Append(count).Append(':');
            foreach (var name in links.Facilities.Take(ListSize))
            {
                sb.Append("\n   – ").Append(name);
            }
            if (links.Facilities.Count > ListSize)
            {
                sb.Append('\n').Append(english ? $"   … and {links.Facilities.Count - ListSize} more" : $"   … và {VnFormat.Number(links.Facilities.Count - ListSize)} cơ sở khác");
            }
            return;
        }
        sb.Append('\n').Append(count).Append(": ").Append(string.Join("; ", links.Facilities.Take(5)))
            .Append(links.Facilities.Count > 5 ? (english ? $" and {links.Facilities.Count - 5} more" : $" và {links.Facilities.Count - 5} cơ sở khác") : "");
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

    /// <summary>"KCQG 500.000.000 đồng, KCĐP 0 đồng, đối ứng 200.000.000 đồng" (sources with money only).</summary>
    public static string Split(FundingSplit s)
    {
        var parts = new List<string>();
        if (s.Kcqg > 0) { parts.Add("KCQG " + VnFormat.MoneyFull(s.Kcqg)); }
        if (s.Kcdp > 0) { parts.Add("KCĐP " + VnFormat.MoneyFull(s.Kcdp)); }
        if (s.Counterpart > 0) { parts.Add("đối ứng " + VnFormat.MoneyFull(s.Counterpart)); }
        if (s.Other > 0) { parts.Add("nguồn khác " + VnFormat.MoneyFull(s.Other)); }
        return parts.Count == 0 ? "0 đồng" : string.Join(", ", parts);
    }

    /// <summary>The year's funding plan of the units (every province's plan summed); null when none is set.</summary>
    /// <param name="activityId">The activity's funding plan ("trade_fair.funding_vnd") instead of the year's (<see cref="PlanMetric"/>); null for the year's.</param>
    public decimal? PlanTarget(int year, IReadOnlySet<string>? units, string? activityId = null)
    {
        var metric = activityId is null ? PlanMetric : activityId + "." + Measures.Funding;
        var plans = store.Plans.ForYear(year).Where(p => p.Metric == metric && (units is null || units.Contains(p.ProvinceId))).ToList();
        return plans.Count == 0 ? null : plans.Sum(p => p.Target);
    }

    /// <summary>What a project disbursed within a year, up to a date: the amount reported at the date less the amount at the end of the year before.</summary>
    public static long DisbursedInYear(Project p, int year, DateOnly at) =>
        Math.Max(0, p.DisbursedOn(at) - p.DisbursedOn(new DateOnly(year - 1, 12, 31)));

    private string Step(ProjectStatus s, bool english) => vocabulary.Name(s, english).ToLowerInvariant();

    private void AppendList(StringBuilder sb, IReadOnlyList<Project> list, DateOnly at, bool english)
    {
        foreach (var p in list.Take(ListSize))
        {
            var end = p.PlannedEnd is { } e ? (english ? $", planned end {VnFormat.Date(e)}" : $", kết thúc dự kiến {VnFormat.Date(e)}") : "";
            sb.Append('\n').Append($"• {p.Code} – {p.Name} ({Step(p.StatusOn(at)!.Value, english)}{end})");
        }
        More(sb, list.Count, english);
    }

    private static void More(StringBuilder sb, int count, bool english)
    {
        if (count > ListSize)
        {
            sb.Append('\n').Append(english ? $"… and {count - ListSize} more." : $"… và {VnFormat.Number(count - ListSize)} đề án khác.");
        }
    }

    private static ProjectFilter Filter(IReadOnlySet<string>? units) => new(units);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
