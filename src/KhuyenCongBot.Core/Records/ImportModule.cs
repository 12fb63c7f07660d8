using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// An admin sends records.csv, plans.csv or an exported .xlsx to the bot as a document: all rows are checked, then imported
/// or none; a file imported before, or rows already present, are reported and skipped unless the caption asks for them
/// ("nhập cả dòng trùng"). /dotnhap lists the import batches; /dotnhap huy N undoes one (after a confirming button).
/// </summary>
public sealed class ImportModule(IRecordImporter importer) : IBotModule
{
    /// <summary>Largest file the bot reads (the registry's exports are far smaller).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    private const string UndoData = "imp:undo:";

    public IEnumerable<BotCommand> Commands =>
    [
        new("imports", ["dotnhap"], "Các đợt nhập số liệu; hoàn tác một đợt", "Import batches; undo one", Role.Admin, ImportsAsync, PrivateOnly: true),
    ];

    public int TextPriority => 5;

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.User.Role == Role.Admin
            ? [context.T("gửi tệp records.csv hoặc plans.csv để nhập số liệu, kế hoạch; /dotnhap để xem và hoàn tác các đợt nhập",
                "send records.csv or plans.csv to import; /imports to list and undo imports")]
            : [];

    /// <summary>Caption words that ask to import duplicates too.</summary>
    private static bool WantsDuplicates(string? caption)
    {
        var folded = VnText.FoldWords(caption);
        return folded.Contains("allow duplicates", StringComparison.Ordinal) || folded.Contains("ca dong trung", StringComparison.Ordinal)
            || folded.Contains("nhap lai", StringComparison.Ordinal) || folded.Contains("nhap trung", StringComparison.Ordinal);
    }

    public async Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (context.Message.Document is not { } document)
        {
            return false;
        }
        if (context.User.Role != Role.Admin)
        {
            context.Say(context.T(
                "Chỉ quản trị viên được nhập số liệu bằng tệp. Để ghi một hỗ trợ, bạn gõ /ghi.",
                "Only admins can import files. To log support, type /log."));
            return true;
        }
        if (!document.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !document.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            context.Say(context.T(
                $"Bot chỉ nhập tệp CSV (records.csv, plans.csv) hoặc tệp Excel bot đã xuất (.xlsx), không đọc được \"{document.FileName}\".",
                $"Only CSV files (or the .xlsx the bot exports) can be imported, not \"{document.FileName}\"."));
            return true;
        }
        if (document.Size > MaxBytes)
        {
            context.Say(context.T(
                $"Tệp quá lớn ({document.Size / 1024 / 1024} MB); bot nhận tối đa {MaxBytes / 1024 / 1024} MB. Hãy chia nhỏ tệp hoặc dùng lệnh import trên máy chủ.",
                $"The file is too large; at most {MaxBytes / 1024 / 1024} MB."));
            return true;
        }
        byte[] content;
        try
        {
            await using var stream = await document.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    context.Say(context.T("Tệp quá lớn; bot nhận tối đa 5 MB.", "The file is too large (5 MB at most)."));
                    return true;
                }
            }
            content = buffer.ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The platform refused or lost the file (expired file id, network): nothing was imported.
            context.Say(context.T(
                $"Bot không tải được tệp \"{document.FileName}\" từ máy chủ tin nhắn. Bạn gửi lại tệp nhé; chưa có gì được nhập.",
                $"Could not download \"{document.FileName}\". Please send it again; nothing was imported."));
            return true;
        }
        // Who imported, as people read it in the list of imports (never a raw identity such as "telegram:123").
        var by = People.PersonNames.Of(context.User, false, context.Catalogue);
        var result = importer.Import(content, new ImportOptions(context.User.Id, by, document.FileName, WantsDuplicates(context.Message.Text)));
        var summary = result.Summary(document.FileName,
            "gửi lại tệp kèm chú thích \"nhập cả dòng trùng\"", "/dotnhap huy {id}", maxErrors: 20);
        if (result.Ok && result.Batch is not null)
        {
            summary += " Số liệu đã được cập nhật.";
        }
        context.Say(context.English ? EnglishSummary(result, document.FileName) : summary);
        return true;
    }

    private static string EnglishSummary(ImportResult result, string fileName)
    {
        if (!result.Ok)
        {
            var sb = new StringBuilder($"Nothing imported: {result.Errors.Count} bad rows in {fileName}. Fix them and send again:");
            foreach (var e in result.Errors.Take(20))
            {
                sb.Append("\n• line ").Append(e.Line).Append(": ").Append(e.Reason);
            }
            return sb.ToString();
        }
        if (result.Batch is { } batch)
        {
            return $"Imported {result.Imported} rows from {fileName} (batch #{batch.Id}); {result.Duplicates} duplicate rows skipped. Undo: /imports huy {batch.Id}.";
        }
        return result.ImportedBefore is { } before
            ? $"Nothing imported: this file was imported on {VnFormat.DateTime(before.At)} (batch #{before.Id}); {result.Duplicates} duplicate rows. To import it again, send it with the caption \"allow duplicates\"."
            : $"Nothing new: all {result.Duplicates} rows are already there. To import them anyway, send the file with the caption \"allow duplicates\".";
    }

    private Task ImportsAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var words = VnText.FoldWords(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[0] is "huy" or "undo" or "hoan")
        {
            if (!long.TryParse(words[^1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || context.Store.Imports.Get(id) is not { } batch)
            {
                context.Say(context.T($"Không có đợt nhập \"{arguments.Trim()}\". Gõ /dotnhap để xem các đợt.", $"No such import batch. Type /imports to list them."));
                return Task.CompletedTask;
            }
            if (batch.UndoneAt is not null)
            {
                context.Say(context.T($"Đợt nhập #{id} đã được hoàn tác ngày {VnFormat.DateTime(batch.UndoneAt.Value)}.", $"Batch #{id} was already undone."));
                return Task.CompletedTask;
            }
            var what = batch.Kind == "plans" ? $"trả lại {batch.Plans.Count} chỉ tiêu kế hoạch như trước" : $"xoá {batch.Added} bản ghi của đợt";
            context.Ask(context.T($"Hoàn tác đợt nhập #{id} ({batch.FileName}, {VnFormat.DateTime(batch.At)}): {what}. Chắc chắn?",
                    $"Undo import batch #{id} ({batch.FileName})? This removes what it added."),
                [new Choice(context.T($"Hoàn tác đợt #{id}", $"Undo batch #{id}"), UndoData + id.ToString(CultureInfo.InvariantCulture)),
                 new Choice(context.T("Không", "No"), "imp:keep")]);
            return Task.CompletedTask;
        }
        var batches = context.Store.Imports.All().Take(15).ToList();
        if (batches.Count == 0)
        {
            context.Say(context.T("Chưa có đợt nhập nào.", "No imports yet."));
            return Task.CompletedTask;
        }
        var sb = new StringBuilder(context.T("Các đợt nhập gần nhất:", "Latest imports:"));
        foreach (var b in batches)
        {
            sb.Append("\n#").Append(b.Id).Append(" · ").Append(VnFormat.DateTime(b.At)).Append(" · ").Append(b.FileName)
                .Append(" · ").Append(VnFormat.Number(b.Added)).Append(b.Kind == "plans" ? " chỉ tiêu" : " bản ghi");
            if (b.Duplicates > 0)
            {
                sb.Append(", ").Append(VnFormat.Number(b.Duplicates)).Append(" dòng trùng bỏ qua");
            }
            if (b.UndoneAt is { } at)
            {
                sb.Append(" · đã hoàn tác ").Append(VnFormat.DateTime(at));
            }
        }
        sb.Append('\n').Append(context.T("Hoàn tác một đợt: /dotnhap huy SỐ_ĐỢT", "Undo one: /imports undo NUMBER"));
        context.Say(sb.ToString());
        return Task.CompletedTask;
    }

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (data == "imp:keep")
        {
            context.Say(context.T("Đã giữ nguyên, không hoàn tác.", "Kept as it is."));
            return Task.FromResult(true);
        }
        if (!data.StartsWith(UndoData, StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        // A button is checked like typed input: only an admin may undo, whatever the button says.
        if (context.User.Role != Role.Admin)
        {
            context.Say(context.T("Chỉ quản trị viên được hoàn tác một đợt nhập.", "Only admins can undo an import."));
            return Task.FromResult(true);
        }
        if (!long.TryParse(data[UndoData.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || importer.Undo(id, context.User.Id) is not { } result)
        {
            context.Say(context.T("Không có đợt nhập này.", "No such import batch."));
            return Task.FromResult(true);
        }
        context.Say(result.AlreadyUndone
            ? context.T($"Đợt nhập #{id} đã được hoàn tác từ trước.", $"Batch #{id} was already undone.")
            : result.Batch.Kind == "plans"
                ? context.T($"Đã hoàn tác đợt nhập #{id}: trả lại {result.PlansRestored} chỉ tiêu kế hoạch" + (result.PlansKept > 0 ? $"; giữ {result.PlansKept} chỉ tiêu đã sửa sau đó." : "."),
                    $"Batch #{id} undone: {result.PlansRestored} plan targets restored.")
                : context.T($"Đã hoàn tác đợt nhập #{id}: xoá {result.RecordsRemoved} bản ghi (có ghi nhật ký). Số liệu đã được cập nhật.",
                    $"Batch #{id} undone: {result.RecordsRemoved} records removed."));
        return Task.FromResult(true);
    }
}
