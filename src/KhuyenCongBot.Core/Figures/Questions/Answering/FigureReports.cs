using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// /baocao (/report) and "báo cáo 6 tháng đầu năm 2024" typed without the slash: the report paragraph of a period and scope
/// (<see cref="ReportWriter"/>, with the projects' sentence), or its workbook ("… excel", the "Tải Excel" button).
/// </summary>
public sealed class FigureReports(
    QuestionParser parser,
    ScopeResolver scopes,
    ReportWriter reports,
    FigureResponder responder,
    Reports.ReportWorkbook? workbook,
    Reports.IReportWorkbookWriter? workbookWriter)
{
    /// <summary>"báo cáo 6 tháng đầu năm 2024" typed without the slash: the report paragraph; the rest of the text (period, scope), or null.</summary>
    public static string? ReportRequest(string text, QuestionParts parts)
    {
        if (parts.ActivityId is not null || parts.Measure is not null)
        {
            return null;
        }
        var folded = VnText.FoldWords(text);
        foreach (var lead in ReportLeads)
        {
            if (folded == lead || folded.StartsWith(lead + " ", StringComparison.Ordinal))
            {
                // Drop as many words of the original text as the lead has.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return string.Join(' ', words.Skip(lead.Split(' ').Length));
            }
        }
        return null;
    }

    private static readonly string[] ReportLeads =
    [
        "viet doan bao cao", "viet bao cao", "lam bao cao", "soan bao cao", "doan bao cao", "bao cao tong hop", "bao cao",
        "write a report for", "write a report", "report for", "report on", "report",
    ];

    /// <summary>The report paragraph (or its workbook) of the period and scope in <paramref name="arguments"/>.</summary>
    public void Write(BotContext context, string arguments)
    {
        // "/baocao 6 tháng đầu năm 2024 excel": the period's report workbook (issue 15) rather than the paragraph.
        var excel = Reports.ReportWorkbookReply.StripExcel(ref arguments);
        var parts = parser.Parse(arguments, context.Today);
        if (arguments.Trim().Length > 0 && parts.Period is null)
        {
            context.Say(context.Text("figures.report.period_not_read"));
            return;
        }
        var period = parts.Period ?? RunningPeriod.YearToDate(context.Texts, context.Today);
        // A running period is reported up to today (its same-period comparison then covers the same dates a year earlier).
        period = RunningPeriod.UpToToday(context.Texts, period, context.Today);
        var scope = parts.Scope is null or "own" ? scopes.DefaultScope(context.User) : parts.Scope;
        if ((responder.GroupRefusal(context, scope) ?? scopes.Refusal(context.User, scope, context.English)) is { } refusal)
        {
            context.Say(refusal);
            return;
        }
        var summary = new Question { Summary = true, Scope = scope, Source = parts.Source }.WithPeriod(period);
        QuestionMemory.SetLast(context, summary);
        if (excel)
        {
            context.Say(Workbook(context, summary));
            return;
        }
        var paragraph = reports.Write(period, scope, parts.Source, context.English);
        if (parts.Source is null && context.Module<Projects.Chat.ProjectsModule>()?.ReportSentence(scopes.UnitIds(scope), period, context.Today, context.English) is { } projects)
        {
            paragraph += "\n" + projects;
        }
        context.Ask(
            paragraph,
            [
                new Choice(context.Text("figures.next.excel"), "fq:rxlsx"),
                new Choice(context.Text("figures.next.chart"), "fq:chart"),
            ]);
    }

    public Reply Workbook(BotContext context, Question q) =>
        Reports.ReportWorkbookReply.Make(workbook, workbookWriter,
            q.Period, scopes.UnitIds(q.Scope), scopes.ShortName(q.Scope, context.English), context.Today, context.Texts, context.English);
}
