using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Reports;

/// <summary>The report workbook as a document reply ("Tệp Excel báo cáo …"), and reading "excel" in a /baocao request.</summary>
public static class ReportWorkbookReply
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Messaging.Reply Make(ReportWorkbook? workbook, IReportWorkbookWriter? writer, Period period, IReadOnlySet<string>? units, string scopeName,
        DateOnly today, UserTexts texts, bool english)
    {
        if (workbook is null || writer is null)
        {
            return Messaging.Reply.Of(texts.Text(english, "reports.workbook.unavailable"));
        }
        var sheets = workbook.Build(period, units, today, english);
        var bytes = writer.Write(sheets);
        var titles = string.Join(", ", sheets.Select(s => s.Title));
        return new Messaging.Reply
        {
            Text = texts.Text(english, "reports.workbook.sent", ("period", period.Text(texts, english)), ("scope", scopeName), ("sheets", titles)),
            Attachment = new Messaging.Attachment(Messaging.AttachmentKind.Document, workbook.FileName(period), bytes, ContentType),
        };
    }

    /// <summary>Removes "excel", "xlsx", "tải excel", "file excel" from a /baocao argument; true when one was there.</summary>
    public static bool StripExcel(ref string arguments)
    {
        var kept = new List<string>();
        var found = false;
        foreach (var w in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (VnText.FoldWords(w) is "excel" or "xlsx" or "exel")
            {
                found = true;
                if (kept.Count > 0 && VnText.FoldWords(kept[^1]) is "tai" or "file" or "tep" or "xuat" or "ra" or "bang")
                {
                    kept.RemoveAt(kept.Count - 1);
                }
                continue;
            }
            kept.Add(w);
        }
        arguments = string.Join(' ', kept);
        return found;
    }
}
