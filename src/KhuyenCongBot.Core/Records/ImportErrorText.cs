using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>Formats import results and errors for people, from the texts (seeds/texts, keys "records.summary.*").</summary>
public static class ImportErrorText
{
    /// <summary>"dòng 12: reason": a row's error for logs and test messages, in Vietnamese (people read <see cref="Summary"/>).</summary>
    public static string Describe(this ImportError error) => $"dòng {error.Line}: {error.Reason}";

    /// <summary>Every error on its own line, at most <paramref name="max"/> of them, then "... và N dòng khác": for logs and test messages.</summary>
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
    /// What happened, in <paramref name="language"/>: what was imported (batch number, how to undo), what was skipped as duplicate, the
    /// former provinces mapped, or why nothing was imported. <paramref name="allowHint"/> says how to ask for duplicates
    /// where the import came from ("--allow-duplicates", or a caption in the chat). The rows' reasons and notes are in Vietnamese
    /// (the importer reads and explains in Vietnamese).
    /// </summary>
    public static string Summary(this ImportResult result, UserTexts texts, string language, string fileName, string allowHint, string undoHint,
        int maxErrors = int.MaxValue)
    {
        var what = result.Kind == "plans" ? texts.Text(language, "records.summary.what_plans") : texts.Text(language, "records.summary.what_records");
        var sb = new StringBuilder();
        if (!result.Ok)
        {
            sb.Append(texts.Text(language, "records.summary.failed", ("file", fileName), ("count", result.Errors.Count)));
            foreach (var e in result.Errors.Take(maxErrors))
            {
                sb.Append("\n  ").Append(texts.Text(language, "records.summary.line", ("line", e.Line), ("reason", e.Reason)));
            }
            if (result.Errors.Count > maxErrors)
            {
                sb.Append("\n  ").Append(texts.Text(language, "records.summary.more_errors", ("count", result.Errors.Count - maxErrors)));
            }
            return sb.ToString();
        }
        string Lines(IReadOnlyList<int> lines) =>
            string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture)))
            + (lines.Count > 10 ? texts.Text(language, "records.summary.lines_more", ("count", lines.Count)) : "");
        if (result.ImportedBefore is { } earlier && result.Batch is null && !result.DryRun)
        {
            return texts.Text(language, "records.summary.imported_before", ("at", earlier.At), ("id", earlier.Id), ("added", earlier.Added), ("what", what),
                ("file", earlier.FileName), ("duplicates", result.Duplicates), ("hint", allowHint));
        }
        if (result.DryRun)
        {
            sb.Append(result.Duplicates > 0
                ? texts.Text(language, "records.summary.dry_run_duplicates", ("file", fileName), ("rows", result.Rows), ("count", result.Imported), ("what", what),
                    ("duplicates", result.Duplicates), ("lines", Lines(result.DuplicateLines)))
                : texts.Text(language, "records.summary.dry_run", ("file", fileName), ("rows", result.Rows), ("count", result.Imported), ("what", what)));
        }
        else if (result.Batch is { } batch)
        {
            var undo = undoHint.Replace("{id}", batch.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            sb.Append(result.Duplicates > 0
                ? texts.Text(language, "records.summary.imported_duplicates", ("count", result.Imported), ("what", what), ("file", fileName), ("id", batch.Id),
                    ("duplicates", result.Duplicates), ("lines", Lines(result.DuplicateLines)), ("hint", allowHint), ("undo", undo))
                : texts.Text(language, "records.summary.imported", ("count", result.Imported), ("what", what), ("file", fileName), ("id", batch.Id), ("undo", undo)));
        }
        else
        {
            sb.Append(texts.Text(language, "records.summary.nothing_new", ("duplicates", result.Duplicates), ("file", fileName), ("hint", allowHint)));
        }
        foreach (var note in result.Notes)
        {
            sb.Append('\n').Append(texts.Text(language, "records.summary.note", ("note", note)));
        }
        return sb.ToString();
    }
}
