using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Hosting;

/// <summary>What `import`, `imports`, `export` do on an open store: the same code whether run here or by the owner for a client.</summary>
public static class AdminVerbs
{
    public const string AllowHint = "chạy lại với --allow-duplicates";
    public const string UndoHint = "import --undo {id}";

    /// <param name="evidence">The evidence files that came with the file (the export's files folder), by name; null for none.</param>
    /// <param name="projects">The projects file that came with the file (an export's "…-de-an.csv") and its name; null for none.</param>
    public static (int Exit, string Text) Import(IServiceProvider services, byte[] content, string fileName, bool allowDuplicates, bool dryRun, string by,
        Func<string, byte[]?>? evidence = null, (byte[] Content, string Name)? projects = null)
    {
        var importer = services.GetRequiredService<IRecordImporter>();
        var result = importer.Import(content, new ImportOptions(0, by, fileName, allowDuplicates, dryRun, Evidence: evidence,
            Projects: projects?.Content, ProjectsFileName: projects?.Name));
        return (result.Ok ? 0 : BotApp.ExitData, result.Summary(services.GetRequiredService<UserTexts>(), UserTexts.Vietnamese, fileName, AllowHint, UndoHint));
    }

    public static (int Exit, string Text) Undo(IServiceProvider services, long batchId, string by)
    {
        var importer = services.GetRequiredService<IRecordImporter>();
        var result = importer.Undo(batchId, 0);
        if (result is null)
        {
            return (BotApp.ExitData, $"Không có đợt nhập #{batchId}. Xem danh sách bằng lệnh imports.");
        }
        if (result.AlreadyUndone)
        {
            return (0, $"Đợt nhập #{batchId} đã được hoàn tác ngày {VnFormat.DateTime(result.Batch.UndoneAt!.Value)}; không làm gì thêm.");
        }
        var text = result.Batch.Kind == "plans"
            ? $"Đã hoàn tác đợt nhập #{batchId} ({result.Batch.FileName}): trả lại {result.PlansRestored} chỉ tiêu kế hoạch như trước khi nhập"
              + (result.PlansKept > 0 ? $"; giữ {result.PlansKept} chỉ tiêu đã được sửa sau đợt nhập." : ".")
            : $"Đã hoàn tác đợt nhập #{batchId} ({result.Batch.FileName}): xoá {VnFormat.Number(result.RecordsRemoved)} bản ghi của đợt (ghi vào nhật ký).";
        if (result.ProjectsRemoved > 0 || result.ProjectsKept.Count > 0)
        {
            text += $" Xoá {VnFormat.Number(result.ProjectsRemoved)} đề án đợt này đã thêm"
                + (result.ProjectsKept.Count > 0 ? $"; giữ {string.Join(", ", result.ProjectsKept)} vì đã có bản ghi khác hoặc đã được cập nhật sau đợt nhập." : ".");
        }
        return (0, text);
    }

    public static string ListImports(IServiceProvider services)
    {
        var batches = services.GetRequiredService<IBotStore>().Imports.All();
        if (batches.Count == 0)
        {
            return "Chưa có đợt nhập nào.";
        }
        var sb = new StringBuilder("Các đợt nhập (mới nhất trước):");
        foreach (var b in batches)
        {
            sb.Append('\n').Append(Line(b));
        }
        sb.Append("\nHoàn tác một đợt: import --undo SỐ_ĐỢT");
        return sb.ToString();
    }

    /// <summary>"#3 · 26/11/2026 10:02 · records.csv · 4 bản ghi, 2 dòng trùng bỏ qua · dòng lệnh" (and "đã hoàn tác" when undone).</summary>
    public static string Line(ImportBatch b)
    {
        var what = b.Kind == "plans" ? "chỉ tiêu kế hoạch" : "bản ghi";
        var parts = new List<string>
        {
            "#" + b.Id.ToString(CultureInfo.InvariantCulture), VnFormat.DateTime(b.At), b.FileName,
            $"{VnFormat.Number(b.Added)} {what}" + (b.ProjectIds.Count > 0 ? $", {VnFormat.Number(b.ProjectIds.Count)} đề án" : "")
                + (b.Duplicates > 0 ? $", {VnFormat.Number(b.Duplicates)} dòng trùng bỏ qua" : ""), b.By,
        };
        if (b.UndoneAt is { } undone)
        {
            parts.Add($"đã hoàn tác {VnFormat.DateTime(undone)}");
        }
        return string.Join(" · ", parts);
    }

    /// <summary>The period named by an export's --report text ("6 tháng đầu năm 2024"); null when none is read.</summary>
    public static Core.Text.Period? ReportPeriod(string text, DateOnly today) =>
        Core.Text.PeriodParser.TryFind(text, today, out var period, out _) ? period : null;

    /// <summary>The period's report workbook for every province (layout: seeds/reports/report.json), and the number of records in the period.</summary>
    public static (byte[] Bytes, int Count) ExportReport(IServiceProvider services, string periodText)
    {
        var today = services.GetRequiredService<Core.Time.BotClock>().Today;
        var period = ReportPeriod(periodText, today) ?? throw new ArgumentException($"Không đọc được kỳ báo cáo \"{periodText}\".");
        var workbook = services.GetRequiredService<Core.Reports.ReportWorkbook>();
        var bytes = services.GetRequiredService<Core.Reports.IReportWorkbookWriter>().Write(workbook.Build(period, null, today));
        var count = services.GetRequiredService<IBotStore>().Records.All().Count(r => r.Date >= period.From && r.Date <= period.To);
        return (bytes, count);
    }

    /// <summary>Every project (the projects file an export writes beside the records: <see cref="Core.Projects.ProjectCsv"/>), and how many.</summary>
    public static (byte[] Bytes, int Count) ExportProjects(IServiceProvider services)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
        {
            services.GetRequiredService<IRecordImporter>().ExportProjects(writer);
        }
        return (buffer.ToArray(), services.GetRequiredService<IBotStore>().Projects.Count());
    }

    /// <summary>Every record as .xlsx (summary + records) or CSV (UTF-8 with a byte-order mark, which spreadsheets need for Vietnamese).</summary>
    public static (byte[] Bytes, int Count) Export(IServiceProvider services, bool xlsx)
    {
        var store = services.GetRequiredService<IBotStore>();
        var count = store.Records.Count();
        if (xlsx)
        {
            var sheets = services.GetRequiredService<IRecordSpreadsheet>();
            IReadOnlyList<IReadOnlyList<string>> summary =
            [
                ["Chỉ tiêu", "Giá trị"],
                ["Tổng số bản ghi", VnFormat.Number(count)],
                ["Tổng số đề án (trang Đề án)", VnFormat.Number(store.Projects.Count())],
                ["Xuất lúc", VnFormat.DateTime(services.GetRequiredService<Core.Time.BotClock>().Now)],
            ];
            var files = Core.Attachments.EvidenceNames.ByRecord(store.Attachments);
            // The projects travel in the workbook too ("Đề án"), so the .xlsx alone imports back with its records' links.
            var projects = Core.Projects.ProjectCsv.SheetRows(store, services.GetRequiredService<Core.Catalogue.CatalogueIndex>());
            return (sheets.WriteRecords(summary, store.Records.All(), id => store.Facilities.Get(id), id => Core.Attachments.EvidenceNames.Cell(files, id), projects), count);
        }
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
        {
            services.GetRequiredService<IRecordImporter>().ExportRecords(writer);
        }
        return (buffer.ToArray(), count);
    }
}
