using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Photos sent while a form is open are kept in the database under the person's draft (<see cref="DraftOwner"/>) and moved to
/// the record when it is saved; a cancelled form leaves none behind.
/// </summary>
public static class DraftPhotos
{
    /// <summary>Photos one record keeps at most.</summary>
    public const int MaxPhotos = 10;

    /// <summary>The attachment owner of a person's unsaved photos: a negative number, never a record id.</summary>
    public static long DraftOwner(long userId) => -Math.Abs(userId) - 1;

    /// <summary>Forgets the photos of an unsaved form.</summary>
    internal static void Drop(BotContext ctx) => ctx.Store.Attachments.DeleteForRecord(DraftOwner(ctx.User.Id));

    /// <summary>Moves a person's unsaved photos to the record just saved (inside the transaction that saves it); returns how many.</summary>
    internal static int MoveToRecord(IBotStore store, long userId, long recordId)
    {
        var drafts = store.Attachments.ForRecord(DraftOwner(userId));
        foreach (var d in drafts)
        {
            using var bytes = new MemoryStream();
            store.Attachments.CopyTo(d.Id, bytes);
            bytes.Position = 0;
            store.Attachments.Put(recordId, d.FileName, d.ContentType, bytes, d.UploadedByUserId, d.UploadedAt);
            store.Attachments.Delete(d.Id);
        }
        return drafts.Count;
    }

    /// <summary>Photos the current form holds: those sent now, and (when correcting) those the record already has.</summary>
    internal static int Count(BotContext ctx, FormSession s) =>
        ctx.Store.Attachments.ForRecord(DraftOwner(ctx.User.Id)).Count + (s.EditId is { } id ? ctx.Store.Attachments.ForRecord(id).Count : 0);

    /// <summary>"📎 2 ảnh minh chứng: IMG_1.jpg (350 KB), …" for a saved record; "" without files.</summary>
    internal static string FilesLine(BotContext ctx, long recordId)
    {
        var files = ctx.Store.Attachments.ForRecord(recordId);
        return files.Count == 0 ? "" : ctx.Text("form.photos.evidence_files", ("count", files.Count))
            + string.Join(", ", files.Select(f => $"{f.FileName} ({VnFormat.Number(Math.Max(1, f.Length / 1024))} KB)"));
    }
}
