using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// The disbursement of a period's projects, the one definition the report paragraph (/baocao) and the question ("giải ngân năm
/// 2025 đạt bao nhiêu %") share: the projects of the period's year(s) – approved from 1 January of the period's first year up to
/// its end – with what they had disbursed by its end, against their approved khuyến công support (KCQG + KCĐP). A provincial
/// report gives the funding of the year's projects (Decree 45/2012, 235/2025: the year's plan approves the year's projects),
/// so a project approved in 2024 is in 2024's figure, not again in 2025's. A running period is counted up to today.
/// </summary>
/// <param name="Projects">The projects counted.</param>
/// <param name="Support">Their approved khuyến công support.</param>
/// <param name="Disbursed">What they had disbursed by <paramref name="At"/>.</param>
/// <param name="Rate">Disbursed / support; null when no support was approved.</param>
/// <param name="From">The first decision date counted (1 January of the period's first year).</param>
/// <param name="At">The period's end, or today while it runs.</param>
/// <param name="Running">Whether the period has not ended yet (counted up to today).</param>
/// <param name="Sources">The same projects split by the source of their approved support (for "giải ngân vốn KCQG năm 2025").</param>
public sealed record PeriodDisbursement(int Projects, long Support, long Disbursed, decimal? Rate, DateOnly From, DateOnly At, bool Running,
    DisbursementBySource Sources)
{
    /// <summary>What projects approved before <see cref="From"/> disbursed within the period (between From and At), and how many
    /// did: not in this figure, said beside it, so that money paid out in the year is never silently missing from every year.</summary>
    public (int Projects, long Disbursed) Earlier { get; init; }

    /// <summary>For a period shorter than its year ("tháng 11", "quý 2"): its first day and what every project (of any year)
    /// paid out between it and <see cref="At"/>. The figure itself counts from 1 January, so it is not the month's alone: said.</summary>
    public (DateOnly From, int Projects, long Disbursed)? Within { get; init; }

    /// <summary>The figure of a period; null when the period has not started (no figure at all).</summary>
    public static PeriodDisbursement? Of(IEnumerable<Project> projects, Period period, DateOnly today)
    {
        if (period.From > today)
        {
            return null;
        }
        // "/baocao năm 2026" arrives cut at today (the figures' running period): a period ending today has not ended either.
        var running = period.To >= today;
        var at = running ? today : period.To;
        var from = new DateOnly(period.From.Year, 1, 1);
        var counted = projects.Where(p => p.DecisionDate >= from && p.DecisionDate <= at).ToList();
        var sources = DisbursementBySource.Of(counted, at);
        var support = sources.All.Support;
        var disbursed = sources.All.Disbursed;
        var earlier = projects.Where(p => p.DecisionDate < from)
            .Select(p => p.DisbursedOn(at) - p.DisbursedOn(from.AddDays(-1)))
            .Where(d => d > 0).ToList();
        (DateOnly, int, long)? within = null;
        if (period.From > from)
        {
            var paid = projects.Select(p => p.DisbursedOn(at) - p.DisbursedOn(period.From.AddDays(-1))).Where(d => d > 0).ToList();
            within = (period.From, paid.Count, paid.Sum());
        }
        return new PeriodDisbursement(counted.Count, support, disbursed, FundingRules.Rate(disbursed, support), from, at, running, sources)
        {
            Earlier = (earlier.Count, earlier.Sum()),
            Within = within,
        };
    }

    /// <summary>The sentence with the figure of a scope ("Giải ngân 12 đề án của Phú Thọ: …") and the line saying which projects it counts.</summary>
    public string Sentence(UserTexts texts, bool english, string scopeName)
    {
        var n = NumberText.For(english);
        var figure = Projects == 0
            ? texts.Text(english, "projects.disburse.none", ("scope", scopeName))
            : texts.Text(english, "projects.disburse.figure", ("scope", scopeName), ("projects", n.Number(Projects)),
                ("disbursed", n.MoneyFull(Disbursed)), ("support", n.MoneyFull(Support)), ("rate", RateText(texts, english)));
        return figure + "\n" + Basis(texts, english) + EarlierLine(texts, english) + WithinLine(texts, english);
    }

    /// <summary>"Riêng từ 01/11/2026 đến 26/11/2026: …" for a period shorter than its year; "" otherwise.</summary>
    public string WithinLine(UserTexts texts, bool english)
    {
        if (Within is not { } w)
        {
            return "";
        }
        var n = NumberText.For(english);
        return "\n" + texts.Text(english, "projects.disburse.within_period", ("from", w.From), ("at", At),
            ("projects", n.Number(w.Projects)), ("amount", n.MoneyFull(w.Disbursed)), ("year_from", From));
    }

    /// <summary>"Ngoài ra, 3 đề án phê duyệt trước 01/01/2025 đã giải ngân thêm … trong kỳ (không tính ở trên)."; "" when none did.</summary>
    public string EarlierLine(UserTexts texts, bool english)
    {
        var n = NumberText.For(english);
        return Earlier.Disbursed > 0
            ? "\n" + texts.Text(english, "projects.disburse.earlier_within", ("projects", n.Number(Earlier.Projects)), ("from", From),
                ("amount", n.MoneyFull(Earlier.Disbursed)), ("at", At))
            : "";
    }

    /// <summary>The report paragraph's sentence ("Đã giải ngân … của 12 đề án, đạt 68,1%.") and the line saying which projects it counts.</summary>
    public string ReportSentence(UserTexts texts, bool english)
    {
        var n = NumberText.For(english);
        return texts.Text(english, "projects.disburse.report_figure", ("projects", n.Number(Projects)),
                ("disbursed", n.MoneyFull(Disbursed)), ("support", n.MoneyFull(Support)), ("rate", RateText(texts, english)))
            + " " + Basis(texts, english);
    }

    private string RateText(UserTexts texts, bool english) =>
        Rate is { } r ? texts.Text(english, "projects.disburse.rate", ("percent", NumberText.For(english).Percent(r))) : "";

    /// <summary>"(Tính các đề án được phê duyệt từ 01/01/2026 đến 26/11/2026, số đã giải ngân đến 26/11/2026; kỳ chưa kết thúc.)"</summary>
    public string Basis(UserTexts texts, bool english) =>
        Running
            ? texts.Text(english, "projects.disburse.basis_running", ("from", From), ("at", At))
            : texts.Text(english, "projects.disburse.basis", ("from", From), ("at", At));
}
