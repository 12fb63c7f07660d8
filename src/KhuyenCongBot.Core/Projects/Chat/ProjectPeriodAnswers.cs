using System.Text;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// The answers where a period or a funding source changes what is asked. A period on a lifecycle question is when the step
/// happened ("đề án nào đã nghiệm thu trong năm 2026": accepted within 2026, whatever their step today; "bắt đầu trong 6 tháng
/// đầu năm": started then; "giải ngân năm 2025": the disbursement of the projects approved in 2025, as /baocao gives it), never the step at the period's end. A source is the
/// money a project's approved budget has ("đề án dùng vốn KCQG"); disbursement is recorded as one khuyến công amount, so it is
/// given by source only for projects funded by that source alone, and the others are named, not guessed.
/// </summary>
public sealed class ProjectPeriodAnswers(IBotStore store, ProjectVocabulary vocabulary, UserTexts texts)
{
    /// <summary>"đề án nào đã nghiệm thu trong năm 2026": projects whose step date lies in the period (up to <paramref name="to"/>).</summary>
    public string Reached(ProjectFilter filter, string scopeName, ProjectStatus step, Period period, DateOnly to, bool english)
    {
        var list = store.Projects.Read(filter)
            .Where(p => step <= p.Status && p.DateOf(step) is { } d && d >= period.From && d <= to)
            .OrderBy(p => p.DateOf(step)).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(texts.Text(english, "projects.period.reached", ("span", Span(period, to, english)), ("scope", scopeName),
            ("count", list.Count), ("event", Event(step, english)), ("moment", Moment(step, english))));
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(texts.Text(english, "projects.period.reached_line", ("code", p.Code), ("name", p.Name),
                ("moment", Moment(step, english)), ("day", p.DateOf(step)!.Value), ("step", Step(p.Status, english))));
        }
        ProjectAnswers.More(texts, sb, list.Count, english);
        return sb.ToString();
    }

    /// <summary>"đề án nào đang thực hiện trong năm 2025": started by the period's end and not accepted before its start.</summary>
    public string Ongoing(ProjectFilter filter, string scopeName, Period period, DateOnly to, bool english)
    {
        var list = store.Projects.Read(filter)
            .Where(p => p.StartedOn is { } s && s <= to && p.Status >= ProjectStatus.InProgress && !(p.AcceptedOn is { } a && a < period.From))
            .OrderBy(p => p.StartedOn).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(texts.Text(english, "projects.period.ongoing", ("span", Span(period, to, english)), ("scope", scopeName),
            ("count", list.Count), ("to", to), ("from", period.From)));
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(texts.Text(english, "projects.period.ongoing_line", ("code", p.Code), ("name", p.Name),
                ("day", p.StartedOn!.Value), ("step", Step(p.Status, english))));
        }
        ProjectAnswers.More(texts, sb, list.Count, english);
        return sb.ToString();
    }

    /// <summary>
    /// "giải ngân năm 2025 bao nhiêu": the disbursement of the period's projects, the same computation as the /baocao paragraph
    /// (<see cref="PeriodDisbursement"/>), with the line saying which projects it counts; empty when the period has not started.
    /// </summary>
    public string DisbursedIn(ProjectFilter filter, string scopeName, Period period, DateOnly today, UserTexts texts, bool english) =>
        PeriodDisbursement.Of(store.Projects.Read(filter), period, today) is { } figure ? figure.Sentence(texts, english, scopeName) : "";

    /// <summary>Events of the period for the overview: how many projects were approved, started, accepted and settled in it.</summary>
    public string EventsLine(ProjectFilter filter, Period period, DateOnly to, bool english)
    {
        var projects = store.Projects.Read(filter);
        var n = NumberText.For(english);
        var parts = Enum.GetValues<ProjectStatus>().Select(s =>
            $"{n.Number(projects.Count(p => s <= p.Status && p.DateOf(s) is { } d && d >= period.From && d <= to))} {Event(s, english)}");
        return $"{Span(period, to, english)}: {string.Join(", ", parts)}.";
    }

    /// <summary>
    /// "giải ngân vốn địa phương bao nhiêu", "giải ngân nguồn KCQG năm 2025": the disbursement of the projects funded by that source
    /// alone against their approved amount of it; projects that mix KCQG and KCĐP are named apart (their disbursement is not recorded
    /// by source), and the line of both sources gives the figure the question without a source gives, so the parts add up to it.
    /// With a period the projects are the period's (<see cref="PeriodDisbursement"/>, as /baocao and "giải ngân năm 2025" count
    /// them), else every project approved by <paramref name="at"/>. Counterpart and other money have no disbursement recorded, so
    /// only what was approved is given.
    /// </summary>
    public string SourceRate(ProjectFilter filter, string scopeName, FundingSource source, Period? period, DateOnly at, DateOnly today, bool english)
    {
        // Every project of the scope (and activity), whatever its sources: the parts and their total come from the same set.
        var all = store.Projects.Read(filter with { Source = null });
        var figure = period is { } p0 ? PeriodDisbursement.Of(all, p0, today) : null;
        if (period is not null && figure is null)
        {
            return "";
        }
        var counted = figure is null ? all.Where(p => p.DecisionDate <= at).ToList()
            : all.Where(p => p.DecisionDate >= figure.From && p.DecisionDate <= figure.At).ToList();
        at = figure?.At ?? at;
        var parts = figure?.Sources ?? DisbursementBySource.Of(counted, at);
        var withSource = counted.Where(p => p.Approved[source] > 0).ToList();
        var label = Money(texts, source, english);
        var n = NumberText.For(english);
        // The scope starts a Vietnamese sentence, not an English one.
        var scopeFirst = english ? scopeName : Capital(scopeName);
        var basis = figure is null ? "" : "\n" + figure.Basis(texts, english);
        if (withSource.Count == 0)
        {
            return figure is null
                ? texts.Text(english, "projects.source.none", ("scope", scopeFirst), ("label", label), ("at", at))
                : texts.Text(english, "disbursement.source_none_period", ("scope", scopeFirst), ("label", label), ("from", figure.From), ("at", at));
        }
        if (source is FundingSource.Counterpart or FundingSource.Other)
        {
            return texts.Text(english, "projects.source.not_recorded", ("label", label), ("scope", scopeFirst), ("count", withSource.Count),
                ("approved", n.MoneyFull(withSource.Sum(p => p.Approved[source]))), ("at", at)) + basis;
        }
        var alone = parts.Alone(source);
        var rate = FundingRules.Rate(alone.Disbursed, alone.Of(source)) is { } r ? texts.Text(english, "projects.source.rate", ("rate", n.Percent(r))) : "";
        var (disbursed, approved) = (n.MoneyFull(alone.Disbursed), n.MoneyFull(alone.Of(source)));
        var sb = new StringBuilder(period is null
            ? texts.Text(english, "projects.source.rate_line", ("label", label), ("scope", scopeName), ("at", at), ("disbursed", disbursed),
                ("approved", approved), ("count", alone.Projects), ("rate", rate))
            : texts.Text(english, "disbursement.source_period_line", ("label", label), ("scope", scopeName), ("period", period.Text(texts, english)),
                ("disbursed", disbursed), ("approved", approved), ("count", alone.Projects), ("rate", rate)));
        if (parts.Both.Projects > 0)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.source.mixed", ("count", parts.Both.Projects), ("approved", n.MoneyFull(parts.Both.Of(source))),
                ("label", label), ("disbursed", n.MoneyFull(parts.Both.Disbursed))));
        }
        var total = parts.All;
        var totalRate = FundingRules.Rate(total.Disbursed, total.Support) is { } t ? texts.Text(english, "projects.source.rate", ("rate", n.Percent(t))) : "";
        sb.Append('\n').Append(texts.Text(english, "disbursement.source_total", ("count", total.Projects), ("disbursed", n.MoneyFull(total.Disbursed)),
            ("support", n.MoneyFull(total.Support)), ("rate", totalRate)));
        var other = source == FundingSource.Kcqg ? FundingSource.Kcdp : FundingSource.Kcqg;
        ProjectOverruns.Append(texts, sb, withSource.Where(p => p.Approved[other] == 0).ToList(), at, english);
        return sb + basis;
    }

    /// <summary>"đề án nào dùng vốn KCQG": the projects with money from the source, with that money, newest decision first.</summary>
    public string SourceList(ProjectFilter filter, string scopeName, FundingSource source, DateOnly at, bool english)
    {
        var list = store.Projects.Read(filter).Where(p => p.DecisionDate <= at).OrderByDescending(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var label = Money(texts, source, english);
        var n = NumberText.For(english);
        var sb = new StringBuilder(texts.Text(english, "projects.source.list", ("at", at), ("scope", scopeName), ("count", list.Count),
            ("label", label), ("total", n.MoneyFull(list.Sum(p => p.Approved[source])))));
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append($"• {p.Code} – {p.Name}: {label} {n.MoneyFull(p.Approved[source])} ({Step(p.StatusOn(at)!.Value, english)})");
        }
        ProjectAnswers.More(texts, sb, list.Count, english);
        return sb.ToString();
    }

    /// <summary>The money of a source as a sentence names it: "vốn KCQG", "vốn KCĐP", "vốn đối ứng", "nguồn khác".</summary>
    public static string Money(UserTexts texts, FundingSource source, bool english) => source switch
    {
        FundingSource.Kcqg => texts.Text(english, "projects.source.kcqg"),
        FundingSource.Kcdp => texts.Text(english, "projects.source.kcdp"),
        FundingSource.Counterpart => texts.Text(english, "projects.source.counterpart"),
        _ => texts.Text(english, "projects.source.other"),
    };

    /// <summary>"Trong năm 2026 (01/01/2026 – 26/11/2026)".</summary>
    private string Span(Period period, DateOnly to, bool english) =>
        texts.Text(english, "projects.period.span", ("period", period.Text(texts, english)), ("from", period.From), ("to", to));

    /// <summary>The step as something that happened: "được phê duyệt", "bắt đầu thực hiện", "nghiệm thu", "quyết toán".</summary>
    private string Event(ProjectStatus s, bool english) => s switch
    {
        ProjectStatus.Approved => texts.Text(english, "projects.event.approved"),
        ProjectStatus.InProgress => texts.Text(english, "projects.event.started"),
        _ => Step(s, english),
    };

    /// <summary>The step's date as named in a line: "phê duyệt", "bắt đầu thực hiện", "nghiệm thu", "quyết toán".</summary>
    private string Moment(ProjectStatus s, bool english) => s switch
    {
        ProjectStatus.InProgress => texts.Text(english, "projects.event.started"),
        _ => Step(s, english),
    };

    private string Step(ProjectStatus s, bool english) => vocabulary.Name(s, english).ToLowerInvariant();

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
