using System.Globalization;
using System.Text.Json;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Undoing a delete from /cuatoi: the record comes back under its own number from the audit trail, with its evidence files —
/// deleting a record keeps its files (the number is never given again, so they stay its own), so nothing is lost.
/// </summary>
public sealed partial class FormRunner
{
    private const string RestorePrefix = "f:rdu:";

    private static Choice RestoreChoice(BotContext ctx, long id) =>
        new(ctx.T("↩ Hoàn tác (khôi phục bản ghi)", "↩ Undo (restore the record)"), RestorePrefix + id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Restores the person's own record deleted within the correction window; its files were kept.</summary>
    private void RestoreMine(BotContext ctx, long id)
    {
        if (ctx.Store.Records.Get(id) is not null)
        {
            ctx.Say(ctx.T($"Bản ghi số {id} vẫn còn, không cần khôi phục.", $"Record {id} is still there."));
            return;
        }
        var deleted = ctx.Store.Audit.ForEntity("record", id.ToString(CultureInfo.InvariantCulture))
            .Where(e => e.Action == "delete" && e.UserId == ctx.User.Id && e.Before is not null).OrderByDescending(e => e.At).FirstOrDefault();
        SupportRecord? record = null;
        try
        {
            record = deleted is null ? null : FromAudit(deleted.Before!);
        }
        catch (JsonException)
        {
        }
        if (record is null || record.Id != id || record.CreatedByUserId != ctx.User.Id || !InScope(ctx, record)
            || !RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            ctx.Say(ctx.T($"Không khôi phục được bản ghi số {id} (không phải bản ghi bạn đã xóa, hoặc đã quá {EditWindowDays} ngày).",
                $"Record {id} cannot be restored (not one you deleted, or older than {EditWindowDays} days)."));
            return;
        }
        ctx.CommitAtomically(() => ctx.Store.InTransaction(() =>
        {
            ctx.Store.Records.Add(record);
            ctx.Store.Audit.Add(new AuditEntry
            {
                At = ctx.Now, UserId = ctx.User.Id, Action = "restore", Entity = "record",
                EntityId = id.ToString(CultureInfo.InvariantCulture), After = RecordWriter.Json(record),
            });
            return true;
        }));
        var text = ctx.T($"↩ Đã khôi phục bản ghi số {id}.", $"↩ Record {id} restored.") + "\n" + RecordWriter.Line(record, ctx.Catalogue);
        if (FilesLine(ctx, id) is { Length: > 0 } files)
        {
            text += "\n" + files;
        }
        ctx.Ask(text, [new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my")]);
    }

    /// <summary>The record as the audit trail kept it; the funding split (a struct with a checked constructor) read by hand.</summary>
    private static SupportRecord? FromAudit(string json)
    {
        var record = JsonSerializer.Deserialize<SupportRecord>(json);
        using var doc = JsonDocument.Parse(json);
        if (record is not null && doc.RootElement.TryGetProperty(nameof(SupportRecord.Split), out var s) && s.ValueKind == JsonValueKind.Object)
        {
            static long Part(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;
            record.Split = new FundingSplit(Part(s, nameof(FundingSplit.Kcqg)), Part(s, nameof(FundingSplit.Kcdp)),
                Part(s, nameof(FundingSplit.Counterpart)), Part(s, nameof(FundingSplit.Other)));
        }
        return record;
    }
}
