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
public sealed class ProjectPeriodAnswers(IBotStore store, ProjectVocabulary vocabulary)
{
    /// <summary>"đề án nào đã nghiệm thu trong năm 2026": projects whose step date lies in the period (up to <paramref name="to"/>).</summary>
    public string Reached(ProjectFilter filter, string scopeName, ProjectStatus step, Period period, DateOnly to, bool english)
    {
        var list = store.Projects.Read(filter)
            .Where(p => step <= p.Status && p.DateOf(step) is { } d && d >= period.From && d <= to)
            .OrderBy(p => p.DateOf(step)).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(english
            ? $"{Span(period, to, true)}, {scopeName}: {list.Count} projects {Event(step, true)} (by the date of that step recorded on each project; its step today in brackets)."
            : $"{Span(period, to, false)}, {scopeName} có {VnFormat.Number(list.Count)} đề án {Event(step, false)} (tính theo ngày {Moment(step, false)} ghi trong đề án, nằm trong kỳ; bước hiện tại ghi trong ngoặc).");
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(english
                ? $"• {p.Code} – {p.Name}: {Moment(step, true)} {VnFormat.Date(p.DateOf(step)!.Value)} (now {Step(p.Status, true)})"
                : $"• {p.Code} – {p.Name}: {Moment(step, false)} {VnFormat.Date(p.DateOf(step)!.Value)} (hiện: {Step(p.Status, false)})");
        }
        More(sb, list.Count, english);
        return sb.ToString();
    }

    /// <summary>"đề án nào đang thực hiện trong năm 2025": started by the period's end and not accepted before its start.</summary>
    public string Ongoing(ProjectFilter filter, string scopeName, Period period, DateOnly to, bool english)
    {
        var list = store.Projects.Read(filter)
            .Where(p => p.StartedOn is { } s && s <= to && p.Status >= ProjectStatus.InProgress && !(p.AcceptedOn is { } a && a < period.From))
            .OrderBy(p => p.StartedOn).ThenBy(p => p.Id).ToList();
        var sb = new StringBuilder(english
            ? $"{Span(period, to, true)}, {scopeName}: {list.Count} projects were in progress at some time (started by {VnFormat.Date(to)}, not accepted before {VnFormat.Date(period.From)})."
            : $"{Span(period, to, false)}, {scopeName} có {VnFormat.Number(list.Count)} đề án đang thực hiện trong kỳ (bắt đầu thực hiện đến {VnFormat.Date(to)}, chưa nghiệm thu trước {VnFormat.Date(period.From)}).");
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(english
                ? $"• {p.Code} – {p.Name}: started {VnFormat.Date(p.StartedOn!.Value)} (now {Step(p.Status, true)})"
                : $"• {p.Code} – {p.Name}: bắt đầu {VnFormat.Date(p.StartedOn!.Value)} (hiện: {Step(p.Status, false)})");
        }
        More(sb, list.Count, english);
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
        var parts = Enum.GetValues<ProjectStatus>().Select(s =>
            $"{VnFormat.Number(projects.Count(p => s <= p.Status && p.DateOf(s) is { } d && d >= period.From && d <= to))} {Event(s, english)}");
        return english
            ? $"{Span(period, to, true)}: {string.Join(", ", parts)}."
            : $"{Span(period, to, false)}: {string.Join(", ", parts)}.";
    }

    /// <summary>
    /// "giải ngân vốn địa phương bao nhiêu": the disbursement of the projects funded by that source alone against their approved
    /// amount of it; projects that mix KCQG and KCĐP are named apart (their disbursement is not recorded by source); counterpart
    /// and other money have no disbursement recorded, so only what was approved is given.
    /// </summary>
    public string SourceRate(ProjectFilter filter, string scopeName, FundingSource source, Period? period, DateOnly at, bool english)
    {
        var projects = store.Projects.Read(filter).Where(p => p.DecisionDate <= at).ToList();
        var label = Money(source, english);
        var approved = projects.Sum(p => p.Approved[source]);
        if (projects.Count == 0)
        {
            return english
                ? $"No project of {scopeName} with {label} money approved by {VnFormat.Date(at)}."
                : $"{Capital(scopeName)} chưa có đề án nào có {label} được phê duyệt đến {VnFormat.Date(at)}.";
        }
        if (source is FundingSource.Counterpart or FundingSource.Other)
        {
            return english
                ? $"The bot records the disbursement of khuyến công money (KCQG, KCĐP) only, not of {label}: no figure. {projects.Count} projects of {scopeName} have {VnFormat.MoneyFull(approved)} of {label} approved (as at {VnFormat.Date(at)})."
                : $"Bot chỉ ghi số giải ngân kinh phí khuyến công (KCQG, KCĐP), không ghi giải ngân {label}, nên không có số giải ngân theo nguồn này. {Capital(scopeName)} có {VnFormat.Number(projects.Count)} đề án có {label} được duyệt, tổng {VnFormat.MoneyFull(approved)} (tính đến {VnFormat.Date(at)}).";
        }
        var other = source == FundingSource.Kcqg ? FundingSource.Kcdp : FundingSource.Kcqg;
        var alone = projects.Where(p => p.Approved[other] == 0).ToList();
        var mixed = projects.Where(p => p.Approved[other] > 0).ToList();
        var sb = new StringBuilder();
        var aloneApproved = alone.Sum(p => p.Approved[source]);
        var aloneDisbursed = alone.Sum(p => p.DisbursedOn(at));
        var rate = FundingRules.Rate(aloneDisbursed, aloneApproved) is { } r ? (english ? $", {VnFormat.Percent(r)}" : $", đạt {VnFormat.Percent(r)}") : "";
        if (period is { } p1)
        {
            var inPeriod = alone.Sum(p => In(p, p1.From, at));
            sb.Append(english
                ? $"{Span(p1, at, true)}, {scopeName} disbursed {VnFormat.MoneyFull(inPeriod)} of {label} (projects funded by {label} alone; reports dated in the period).\n"
                : $"{Span(p1, at, false)}, {scopeName} giải ngân {VnFormat.MoneyFull(inPeriod)} {label} (các đề án chỉ dùng {label}; tính theo các lần báo số giải ngân có ngày trong kỳ).\n");
        }
        sb.Append(english
            ? $"{label} disbursed by {VnFormat.Date(at)}, {scopeName}: {VnFormat.MoneyFull(aloneDisbursed)} of {VnFormat.MoneyFull(aloneApproved)} approved on the {alone.Count} projects funded by {label} alone{rate}."
            : $"Giải ngân {label} của {scopeName} tính đến {VnFormat.Date(at)}: {VnFormat.MoneyFull(aloneDisbursed)} trên {VnFormat.MoneyFull(aloneApproved)} {label} được duyệt của {VnFormat.Number(alone.Count)} đề án chỉ dùng {label}{rate}.");
        if (mixed.Count > 0)
        {
            sb.Append('\n').Append(english
                ? $"{mixed.Count} projects mix KCQG and KCĐP ({VnFormat.MoneyFull(mixed.Sum(p => p.Approved[source]))} of {label} approved) and disbursed {VnFormat.MoneyFull(mixed.Sum(p => p.DisbursedOn(at)))} in all: their disbursement is not recorded by source, so it is not in the figure above."
                : $"{VnFormat.Number(mixed.Count)} đề án dùng cả KCQG và KCĐP ({VnFormat.MoneyFull(mixed.Sum(p => p.Approved[source]))} {label} được duyệt) đã giải ngân tổng {VnFormat.MoneyFull(mixed.Sum(p => p.DisbursedOn(at)))}: số giải ngân của các đề án này không ghi tách theo nguồn, nên không tính vào số trên.");
        }
        ProjectOverruns.Append(sb, alone, at, english);
        return sb.ToString();
    }

    /// <summary>"đề án nào dùng vốn KCQG": the projects with money from the source, with that money, newest decision first.</summary>
    public string SourceList(ProjectFilter filter, string scopeName, FundingSource source, DateOnly at, bool english)
    {
        var list = store.Projects.Read(filter).Where(p => p.DecisionDate <= at).OrderByDescending(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var label = Money(source, english);
        var sb = new StringBuilder(english
            ? $"As at {VnFormat.Date(at)}, {scopeName}: {list.Count} projects with {label} money approved, {VnFormat.MoneyFull(list.Sum(p => p.Approved[source]))} in all:"
            : $"Tính đến {VnFormat.Date(at)}, {scopeName} có {VnFormat.Number(list.Count)} đề án có {label} được duyệt, tổng {VnFormat.MoneyFull(list.Sum(p => p.Approved[source]))}:");
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append($"• {p.Code} – {p.Name}: {label} {VnFormat.MoneyFull(p.Approved[source])} ({Step(p.StatusOn(at)!.Value, english)})");
        }
        More(sb, list.Count, english);
        return sb.ToString();
    }

    /// <summary>The money of a source as a sentence names it: "vốn KCQG", "vốn KCĐP", "vốn đối ứng", "nguồn khác".</summary>
    public static string Money(FundingSource source, bool english) => english ? FundingSources.Label(source, true) : source switch
    {
        FundingSource.Kcqg => "vốn KCQG",
        FundingSource.Kcdp => "vốn KCĐP",
        FundingSource.Counterpart => "vốn đối ứng",
        _ => "nguồn khác",
    };

    /// <summary>What a project disbursed between two dates: the amount reported at the end less the amount before the start.</summary>
    public static long In(Project p, DateOnly from, DateOnly to) => Math.Max(0, p.DisbursedOn(to) - p.DisbursedOn(from.AddDays(-1)));

    /// <summary>"Trong năm 2026 (01/01/2026 – 26/11/2026)".</summary>
    private static string Span(Period period, DateOnly to, bool english) =>
        english
            ? $"In {period.Label} ({VnFormat.Date(period.From)} – {VnFormat.Date(to)})"
            : $"Trong {period.Label} ({VnFormat.Date(period.From)} – {VnFormat.Date(to)})";

    /// <summary>The step as something that happened: "được phê duyệt", "bắt đầu thực hiện", "nghiệm thu", "quyết toán".</summary>
    private string Event(ProjectStatus s, bool english) => s switch
    {
        ProjectStatus.Approved => english ? "approved" : "được phê duyệt",
        ProjectStatus.InProgress => english ? "started" : "bắt đầu thực hiện",
        _ => english ? Step(s, true) : Step(s, false),
    };

    /// <summary>The step's date as named in a line: "phê duyệt", "bắt đầu thực hiện", "nghiệm thu", "quyết toán".</summary>
    private string Moment(ProjectStatus s, bool english) => s switch
    {
        ProjectStatus.InProgress => english ? "started" : "bắt đầu thực hiện",
        _ => Step(s, english),
    };

    private string Step(ProjectStatus s, bool english) => vocabulary.Name(s, english).ToLowerInvariant();

    private static void More(StringBuilder sb, int count, bool english)
    {
        if (count > ProjectAnswers.ListSize)
        {
            sb.Append('\n').Append(english ? $"… and {count - ProjectAnswers.ListSize} more." : $"… và {VnFormat.Number(count - ProjectAnswers.ListSize)} đề án khác.");
        }
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
