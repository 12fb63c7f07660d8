using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Records;

/// <summary>An admin sends records.csv or plans.csv to the bot as a document: all rows are checked, then imported or none.</summary>
public sealed class ImportModule(IRecordImporter importer) : IBotModule
{
    /// <summary>Largest file the bot reads (the registry's exports are far smaller).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    public IEnumerable<BotCommand> Commands => [];

    public int TextPriority => 5;

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.User.Role == Role.Admin
            ? [context.T("gửi tệp records.csv hoặc plans.csv để nhập số liệu, kế hoạch", "send records.csv or plans.csv to import")]
            : [];

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
        if (!document.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            context.Say(context.T(
                $"Bot chỉ nhập tệp CSV (records.csv hoặc plans.csv), không đọc được \"{document.FileName}\".",
                $"Only CSV files can be imported, not \"{document.FileName}\"."));
            return true;
        }
        if (document.Size > MaxBytes)
        {
            context.Say(context.T(
                $"Tệp quá lớn ({document.Size / 1024 / 1024} MB); bot nhận tối đa {MaxBytes / 1024 / 1024} MB. Hãy chia nhỏ tệp hoặc dùng lệnh import trên máy chủ.",
                $"The file is too large; at most {MaxBytes / 1024 / 1024} MB."));
            return true;
        }
        string content;
        try
        {
            await using var stream = await document.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > MaxBytes)
            {
                context.Say(context.T("Tệp quá lớn; bot nhận tối đa 5 MB.", "The file is too large (5 MB at most)."));
                return true;
            }
            content = new string(buffer, 0, read);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The platform refused or lost the file (expired file id, network): nothing was imported.
            context.Say(context.T(
                $"Bot không tải được tệp \"{document.FileName}\" từ máy chủ tin nhắn. Bạn gửi lại tệp nhé; chưa có gì được nhập.",
                $"Could not download \"{document.FileName}\". Please send it again; nothing was imported."));
            return true;
        }
        var isPlans = content.TrimStart('\uFEFF').StartsWith("year", StringComparison.OrdinalIgnoreCase);
        var result = isPlans ? importer.ImportPlans(new StringReader(content)) : importer.ImportRecords(new StringReader(content), context.User.Id);
        if (result.Ok)
        {
            context.Say(context.T(
                isPlans ? $"Đã nhập {result.Imported} dòng kế hoạch từ {document.FileName}." : $"Đã nhập {result.Imported} bản ghi từ {document.FileName}; số liệu đã được cập nhật.",
                isPlans ? $"Imported {result.Imported} plan rows." : $"Imported {result.Imported} records."));
            return true;
        }
        var sb = new StringBuilder(context.T(
            $"Không nhập gì: {document.FileName} có {result.Errors.Count} dòng lỗi. Sửa các dòng sau rồi gửi lại:\n",
            $"Nothing imported: {result.Errors.Count} bad rows. Fix them and send again:\n"));
        foreach (var error in result.Errors.Take(20))
        {
            sb.Append(context.T("• dòng ", "• line ")).Append(error.Line).Append(": ").AppendLine(error.Reason);
        }
        if (result.Errors.Count > 20)
        {
            sb.Append(context.T($"… và {result.Errors.Count - 20} dòng lỗi khác.", $"… and {result.Errors.Count - 20} more."));
        }
        context.Say(sb.ToString().TrimEnd());
        return true;
    }
}
