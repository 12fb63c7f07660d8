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
    public static void Append(StringBuilder sb, IEnumerable<Project> projects, DateOnly at, bool english)
    {
        var over = Of(projects, at);
        if (over.Count == 0)
        {
            sb.Append('\n').Append(english
                ? "No project disbursed more than its approved support."
                : "Không đề án nào giải ngân vượt kinh phí khuyến công được duyệt.");
            return;
        }
        var total = over.Sum(x => x.Over);
        sb.Append('\n').Append(english
            ? $"⚠️ {over.Count} projects disbursed more than their approved support, {VnFormat.MoneyFull(total)} over in all (included in the figure above; check the amounts or the amended decision):"
            : $"⚠️ {VnFormat.Number(over.Count)} đề án giải ngân vượt kinh phí khuyến công được duyệt, tổng vượt {VnFormat.MoneyFull(total)} (đã tính trong số trên; cần kiểm tra số giải ngân hoặc quyết định điều chỉnh):");
        foreach (var (p, disbursed, amount) in over.Take(ProjectAnswers.ListSize))
        {
            sb.Append('\n').Append(english
                ? $"• {p.Code} – {p.Name}: disbursed {VnFormat.MoneyFull(disbursed)}, approved {VnFormat.MoneyFull(p.Approved.Support)}, {VnFormat.MoneyFull(amount)} over"
                : $"• {p.Code} – {p.Name}: đã giải ngân {VnFormat.MoneyFull(disbursed)}, được duyệt {VnFormat.MoneyFull(p.Approved.Support)}, vượt {VnFormat.MoneyFull(amount)}");
        }
        if (over.Count > ProjectAnswers.ListSize)
        {
            sb.Append('\n').Append(english ? $"… and {over.Count - ProjectAnswers.ListSize} more." : $"… và {VnFormat.Number(over.Count - ProjectAnswers.ListSize)} đề án khác.");
        }
    }
}
