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
public sealed class ImportModule(IRecordImporter importer, UserTexts texts) : IBotModule
{
    /// <summary>Largest file the bot reads (the registry's exports are far smaller).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    private const string UndoData = "imp:undo:";

    public IEnumerable<BotCommand> Commands =>
    [
        new("imports", ["dotnhap"], texts.Text(UserTexts.Vietnamese, "records.command_imports"), texts.Text("en", "records.command_imports"), Role.Admin, ImportsAsync, PrivateOnly: true),
    ];

    public int TextPriority => 5;

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.User.Role == Role.Admin
            ? [context.Text("records.import.help_example")]
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
            context.Say(context.Text("records.import.admins_only"));
            return true;
        }
        if (!document.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !document.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            context.Say(context.Text("records.import.not_csv", ("file", document.FileName)));
            return true;
        }
        if (document.Size > MaxBytes)
        {
            context.Say(context.Text("records.import.file_too_large", ("size", document.Size / 1024 / 1024), ("max", MaxBytes / 1024 / 1024)));
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
                    context.Say(context.Text("records.import.too_large"));
                    return true;
                }
            }
            content = buffer.ToArray();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The platform refused or lost the file (expired file id, network): nothing was imported.
            context.Say(context.Text("records.import.download_failed", ("file", document.FileName)));
            return true;
        }
        // Who imported, as people read it in the list of imports (never a raw identity such as "telegram:123").
        var by = People.PersonNames.Of(context.User, context.Texts, false, context.Catalogue);
        var result = importer.Import(content, new ImportOptions(context.User.Id, by, document.FileName, WantsDuplicates(context.Message.Text), Language: context.Language));
        var summary = result.Summary(context.Texts, context.Language, document.FileName, context.Text("records.summary.chat_allow_hint"), context.English ? "/imports undo {id}" : "/dotnhap huy {id}",
            maxErrors: 20);
        if (result.Ok && result.Batch is not null)
        {
            summary += " " + context.Text("records.summary.figures_updated");
        }
        context.Say(summary);
        return true;
    }

    private Task ImportsAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var words = VnText.FoldWords(arguments).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words[0] is "huy" or "undo" or "hoan")
        {
            if (!long.TryParse(words[^1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || context.Store.Imports.Get(id) is not { } batch)
            {
                context.Say(context.Text("records.import.no_batch_named", ("typed", arguments.Trim())));
                return Task.CompletedTask;
            }
            if (batch.UndoneAt is not null)
            {
                context.Say(context.Text("records.import.undone_on", ("id", id), ("at", batch.UndoneAt.Value)));
                return Task.CompletedTask;
            }
            context.Ask(batch.Kind == "plans"
                    ? context.Text("records.import.confirm_undo_plans", ("id", id), ("file", FileName(context, batch)), ("at", batch.At), ("count", batch.Plans.Count))
                    : context.Text("records.import.confirm_undo_records", ("id", id), ("file", FileName(context, batch)), ("at", batch.At), ("count", batch.Added)),
                [new Choice(context.Text("records.import.undo_choice", ("id", id)), UndoData + id.ToString(CultureInfo.InvariantCulture)),
                 new Choice(context.Text("records.import.keep_choice"), "imp:keep")]);
            return Task.CompletedTask;
        }
        var batches = context.Store.Imports.All().Take(15).ToList();
        if (batches.Count == 0)
        {
            context.Say(context.Text("records.import.none"));
            return Task.CompletedTask;
        }
        var sb = new StringBuilder(context.Text("records.import.latest"));
        foreach (var b in batches)
        {
            sb.Append("\n#").Append(b.Id).Append(" · ").Append(VnFormat.DateTime(b.At)).Append(" · ").Append(FileName(context, b))
                .Append(" · ").Append(b.Kind == "plans" ? context.Text("records.list.plans", ("count", b.Added)) : context.Text("records.list.records", ("count", b.Added)));
            if (b.Duplicates > 0)
            {
                sb.Append(", ").Append(context.Text("records.list.duplicates", ("count", b.Duplicates)));
            }
            if (b.UndoneAt is { } at)
            {
                sb.Append(" · ").Append(context.Text("records.list.undone", ("at", at)));
            }
        }
        sb.Append('\n').Append(context.Text("records.import.undo_hint"));
        context.Say(sb.ToString());
        return Task.CompletedTask;
    }

    /// <summary>The batch's file as the reader reads it: the demo batch was named in Vietnamese when the demo data was loaded.</summary>
    private static string FileName(BotContext context, ImportBatch batch) =>
        batch.FileName == context.Texts.Text(false, "csv.demo_file") ? context.Text("csv.demo_file") : batch.FileName;

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (data == "imp:keep")
        {
            context.Say(context.Text("records.import.kept"));
            return Task.FromResult(true);
        }
        if (!data.StartsWith(UndoData, StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        // A button is checked like typed input: only an admin may undo, whatever the button says.
        if (context.User.Role != Role.Admin)
        {
            context.Say(context.Text("records.import.undo_admins_only"));
            return Task.FromResult(true);
        }
        if (!long.TryParse(data[UndoData.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || importer.Undo(id, context.User.Id) is not { } result)
        {
            context.Say(context.Text("records.import.no_such_batch"));
            return Task.FromResult(true);
        }
        context.Say(result.AlreadyUndone
            ? context.Text("records.import.already_undone", ("id", id))
            : result.Batch.Kind != "plans"
                ? context.Text("records.import.records_undone", ("id", id), ("removed", result.RecordsRemoved))
                : result.PlansKept == 0
                    ? context.Text("records.import.plans_undone", ("id", id), ("restored", result.PlansRestored))
                    : context.Text("records.import.plans_undone_kept", ("id", id), ("restored", result.PlansRestored), ("kept", result.PlansKept)));
        return Task.FromResult(true);
    }
}
