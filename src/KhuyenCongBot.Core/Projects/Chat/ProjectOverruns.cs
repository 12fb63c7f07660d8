using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Projects that disbursed more khuyến công money than was approved for them, named with the amount over: a disbursement rate
/// is a sum, and one project 200 million over hides inside "đạt 88%" (issue 15: never hide an overrun in a percentage).
/// </summary>
public static class ProjectOverruns
{
    /// <summary>The projects approved by <paramref name="at"/> whose disbursement then is above their approved support, most over first.</summary>
    public static List<(Project Project, long Disbursed, long Over)> Of(IEnumerable<Project> projects, DateOnly at) =>
        projects.Where(p => p.DecisionDate <= at)
            .Select(p => (Project: p, Disbursed: p.DisbursedOn(at), Over: p.DisbursedOn(at) - p.Approved.Support))
            .Where(x => x.Over > 0)
            .OrderByDescending(x => x.Over).ThenBy(x => x.Project.Id).ToList();

    /// <summary>A line per overrun (at most <see cref="ProjectAnswers.ListSize"/>), or one line saying there is none.</summary>
    public static void Append(UserTexts texts, StringBuilder sb, IEnumerable<Project> projects, DateOnly at, bool english)
    {
        var over = Of(projects, at);
        if (over.Count == 0)
        {
            sb.Append('\n').Append(texts.Text(english, "projects.overruns.none"));
            return;
        }
        var n = NumberText.For(english);
        sb.Append('\n').Append(texts.Text(english, "projects.overruns.heading", ("count", over.Count), ("total", n.MoneyFull(over.Sum(x => x.Over)))));
        foreach (var (p, disbursed, amount) in over.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(texts.Text(english, "projects.overruns.line", ("code", p.Code), ("name", p.Name),
                ("disbursed", n.MoneyFull(disbursed)), ("approved", n.MoneyFull(p.Approved.Support)), ("over", n.MoneyFull(amount))));
        }
        ProjectAnswers.More(texts, sb, over.Count, english);
    }
}
