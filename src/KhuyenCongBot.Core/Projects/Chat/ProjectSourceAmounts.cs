using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// "vốn đối ứng các đề án năm 2025", "kinh phí KCQG của đề án năm 2024": the money of one source approved for the projects approved
/// (decision date) in the period, with the projects. It was answered with the projects' count by step (outside tester), while the
/// same question without a period ("kinh phí đối ứng của đề án") gave the amount.
/// </summary>
public static class ProjectSourceAmounts
{
    /// <summary>Projects of the filter (with money from <paramref name="source"/>) whose decision lies in the period, up to <paramref name="to"/>.</summary>
    public static List<Project> ApprovedIn(IBotStore store, ProjectFilter filter, FundingSource source, Period period, DateOnly to) =>
        store.Projects.Read(filter with { Source = source })
            .Where(p => p.DecisionDate >= period.From && p.DecisionDate <= to && p.Approved[source] > 0)
            .OrderByDescending(p => p.Approved[source]).ThenBy(p => p.Id).ToList();

    public static string Answer(BotContext context, IBotStore store, ProjectFilter filter, string scopeName, FundingSource source, Period period, DateOnly to)
    {
        var list = ApprovedIn(store, filter, source, period, to);
        var numbers = context.Numbers;
        var money = ProjectPeriodAnswers.Money(context.Texts, source, context.English);
        var sb = new StringBuilder(context.Text("projects.findings.source_in_period",
            ("money", money.Length == 0 ? money : char.ToUpperInvariant(money[0]) + money[1..]), ("period", period.Text(context.Texts, context.English)),
            ("from", VnFormat.Date(period.From)), ("to", VnFormat.Date(to)), ("scope", scopeName),
            ("amount", numbers.MoneyFull(list.Sum(p => p.Approved[source]))), ("count", numbers.Number(list.Count))));
        foreach (var p in list.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(context.Text("projects.findings.source_in_period_line", ("code", p.Code), ("name", p.Name),
                ("amount", numbers.MoneyFull(p.Approved[source])), ("date", VnFormat.Date(p.DecisionDate))));
        }
        if (list.Count > ProjectAnswers.ListSize)
        {
            sb.Append('\n').Append(context.Text("projects.findings.source_in_period_more", ("count", numbers.Number(list.Count - ProjectAnswers.ListSize))));
        }
        return sb.ToString();
    }
}
