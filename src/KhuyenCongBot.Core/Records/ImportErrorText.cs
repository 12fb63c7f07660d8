using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Records;

/// <summary>Formats import results and errors for people.</summary>
public static class ImportErrorText
{
    public static string Describe(this ImportError error) => $"dòng {error.Line}: {error.Reason}";

    /// <summary>Every error on its own line, at most <paramref name="max"/> of them, then "... và N dòng khác".</summary>
    public static string Describe(this ImportResult result, int max = 20)
    {
        var lines = result.Errors.Take(max).Select(Describe).ToList();
        if (result.Errors.Count > max)
        {
            lines.Add($"... và {result.Errors.Count - max} dòng lỗi khác");
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// What happened, in Vietnamese: what was imported (batch number, how to undo), what was skipped as duplicate, the
    /// former provinces mapped, or why nothing was imported. <paramref name="allowHint"/> says how to ask for duplicates
    /// where the import came from ("--allow-duplicates", or a caption in the chat).
    /// </summary>
    public static string Summary(this ImportResult result, string fileName, string allowHint, string undoHint, int maxErrors = int.MaxValue)
    {
        var what = result.Kind == "plans" ? "dòng kế hoạch" : "bản ghi";
        var sb = new StringBuilder();
        if (!result.Ok)
        {
            sb.Append($"Không nhập gì: {fileName} có {result.Errors.Count} dòng lỗi. Sửa các dòng sau rồi nhập lại:");
            foreach (var e in result.Errors.Take(maxErrors))
            {
                sb.Append("\n  ").Append(e.Describe());
            }
            if (result.Errors.Count > maxErrors)
            {
                sb.Append($"\n  … và {result.Errors.Count - maxErrors} dòng lỗi khác.");
            }
            return sb.ToString();
        }
        string Lines(IReadOnlyList<int> lines) =>
            string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 10 ? $", … ({lines.Count} dòng)" : "");
        if (result.ImportedBefore is { } earlier && result.Batch is null && !result.DryRun)
        {
            sb.Append($"Không nhập gì: tệp này đã nhập ngày {VnFormat.DateTime(earlier.At)} (đợt #{earlier.Id}, {VnFormat.Number(earlier.Added)} {what}, tệp {earlier.FileName}); "
                + $"{VnFormat.Number(result.Duplicates)} dòng trùng với dữ liệu đã có. Nếu thật sự muốn nhập thêm một lần nữa: {allowHint}.");
            return sb.ToString();
        }
        if (result.DryRun)
        {
            sb.Append($"Kiểm tra xong, chưa nhập gì: {fileName} có {VnFormat.Number(result.Rows)} dòng hợp lệ; sẽ nhập {VnFormat.Number(result.Imported)} {what}");
            sb.Append(result.Duplicates > 0 ? $", bỏ qua {VnFormat.Number(result.Duplicates)} dòng trùng (dòng {Lines(result.DuplicateLines)})." : ".");
        }
        else if (result.Batch is { } batch)
        {
            sb.Append($"Đã nhập {VnFormat.Number(result.Imported)} {what} từ {fileName} (đợt nhập #{batch.Id})");
            sb.Append(result.Duplicates > 0
                ? $"; bỏ qua {VnFormat.Number(result.Duplicates)} dòng trùng với dữ liệu đã có (dòng {Lines(result.DuplicateLines)}); muốn nhập cả chúng: {allowHint}."
                : ".");
            sb.Append($" Hoàn tác đợt này: {undoHint.Replace("{id}", batch.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}.");
        }
        else
        {
            sb.Append($"Không có gì mới: cả {VnFormat.Number(result.Duplicates)} dòng của {fileName} đều đã có (dòng trùng), không nhập thêm. Muốn nhập cả chúng: {allowHint}.");
        }
        foreach (var note in result.Notes)
        {
            sb.Append("\nLưu ý: ").Append(note).Append('.');
        }
        return sb.ToString();
    }
}
