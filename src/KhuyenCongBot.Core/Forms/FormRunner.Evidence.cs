using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Evidence from the field: a "photo" question takes photos (Telegram photo, Zalo image) until "xong", a "location" question a
/// shared location or typed coordinates. Photos sent while the form is open are kept in the database under the person's draft
/// (<see cref="DraftOwner"/>) and moved to the record when it is saved; a cancelled form leaves none behind.
/// </summary>
public sealed partial class FormRunner
{
    /// <summary>Photos one record keeps at most.</summary>
    public const int MaxPhotos = 10;

    private static readonly string[] DoneWords = ["xong", "done", "het", "du roi", "xong roi", "ok xong", "het roi"];

    /// <summary>The attachment owner of a person's unsaved photos: a negative number, never a record id.</summary>
    public static long DraftOwner(long userId) => -Math.Abs(userId) - 1;

    /// <summary>Forgets the photos of an unsaved form.</summary>
    private static void DropDraftPhotos(BotContext ctx) => ctx.Store.Attachments.DeleteForRecord(DraftOwner(ctx.User.Id));

    /// <summary>Moves a person's unsaved photos to the record just saved (inside the transaction that saves it); returns how many.</summary>
    internal static int MoveDraftPhotos(IBotStore store, long userId, long recordId)
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
    private static int PhotoCount(BotContext ctx, FormSession s) =>
        ctx.Store.Attachments.ForRecord(DraftOwner(ctx.User.Id)).Count + (s.EditId is { } id ? ctx.Store.Attachments.ForRecord(id).Count : 0);

    /// <summary>A photo or a location sent while a form is open.</summary>
    private async Task HandleMediaAsync(BotContext ctx, FormSession s, FormDefinition form, CancellationToken ct)
    {
        var field = s.Step >= 0 && s.Step < form.Fields.Count && s.Phase == FormPhase.Ask ? form.Fields[s.Step] : null;
        if (field?.Kind == FieldType.Location && ctx.Message.Location is { } at)
        {
            var result = Coordinates.Check(at.Latitude, at.Longitude, ctx.English);
            if (!result.Ok)
            {
                Refuse(ctx, s, form, result.Error!);
                return;
            }
            if (AskIfFar(ctx, s, form, field, result.Value))
            {
                return;
            }
            s.SetAnswer(field.Id, result.Value);
            Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {result.Value}");
            return;
        }
        if (field?.Kind == FieldType.Photo && ctx.Message.Photo is { } photo)
        {
            await TakePhotoAsync(ctx, s, form, field, photo, ct).ConfigureAwait(false);
            return;
        }
        Prompt(ctx, s, ctx.T("⚠ Câu hiện tại không hỏi ảnh hay vị trí; bot chưa lưu gì từ tin vừa gửi.",
            "⚠ The current question asks for no photo or location; nothing was kept from that message."), edits: false);
    }

    private async Task TakePhotoAsync(BotContext ctx, FormSession s, FormDefinition form, FormField field, IncomingDocument photo, CancellationToken ct)
    {
        if (PhotoCount(ctx, s) >= MaxPhotos)
        {
            Refuse(ctx, s, form, ctx.T($"Mỗi bản ghi giữ tối đa {MaxPhotos} ảnh. Gõ \"xong\" để sang câu sau.", $"A record keeps at most {MaxPhotos} photos. Type \"done\"."));
            return;
        }
        AttachmentInfo info;
        try
        {
            await using var content = await photo.OpenAsync(ct).ConfigureAwait(false);
            info = ctx.Store.Attachments.Put(DraftOwner(ctx.User.Id), photo.FileName, null, content, ctx.User.Id, ctx.Now);
        }
        catch (AttachmentRejectedException rejected)
        {
            Refuse(ctx, s, form, ctx.English ? rejected.English : rejected.Message);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Refuse(ctx, s, form, ctx.T("Chưa tải được ảnh về (mạng chập chờn?). Bạn gửi lại ảnh nhé.", "The photo could not be downloaded. Please send it again."));
            return;
        }
        s.Misses = 0;
        var count = PhotoCount(ctx, s);
        Prompt(ctx, s, ctx.T($"📷 Đã nhận ảnh {count} ({VnFormat.Number(Math.Max(1, info.Length / 1024))} KB). Gửi thêm ảnh, hoặc gõ \"xong\".",
            $"📷 Photo {count} received ({Math.Max(1, info.Length / 1024)} KB). Send more, or type \"done\"."), edits: false);
    }

    /// <summary>A typed word or button at a photo question: "xong" keeps the photos sent, "bỏ qua" drops them.</summary>
    private bool HandlePhotoAnswer(BotContext ctx, FormSession s, FormDefinition form, FormField field, string verb, string input)
    {
        if (field.Kind != FieldType.Photo)
        {
            return false;
        }
        var count = PhotoCount(ctx, s);
        if (verb == "phd" || (verb == "text" && DoneWords.Contains(VnText.FoldWords(input))))
        {
            if (count == 0)
            {
                Refuse(ctx, s, form, field.IsRequired
                    ? ctx.T("Chưa có ảnh nào. Gửi ít nhất một ảnh.", "No photo yet. Send at least one.")
                    : ctx.T("Chưa có ảnh nào. Gửi ảnh, hoặc gõ \"bỏ qua\".", "No photo yet. Send one, or type \"skip\"."));
                return true;
            }
            s.SetAnswer(field.Id, count.ToString(CultureInfo.InvariantCulture));
            Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {FieldReader.Display(field, s.Answer(field.Id), ctx.Catalogue, ctx.English)}");
            return true;
        }
        if (verb == "skip" && !field.IsRequired)
        {
            DropDraftPhotos(ctx);
        }
        return false;
    }

    /// <summary>
    /// True, with a yes/retype question asked, when the point <paramref name="value"/> ("21.028500,105.854200") lies far outside
    /// the record's province (seeds/catalogue/province-areas.json): another region, or a number slipped. Never refused.
    /// </summary>
    private bool AskIfFar(BotContext ctx, FormSession s, FormDefinition form, FormField field, string value)
    {
        if (form.Bound("province") is not { } pf || s.Answer(pf.Id) is not { Length: > 0 } answered
            || provinceAreas is not { } areas)
        {
            return false;
        }
        var province = ctx.Catalogue.CurrentOf(answered) ?? ctx.Catalogue.Province(answered);
        var parts = value.Split(',');
        if (province is null || parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || areas.FarFrom(province.Id, lat, lon) is not { } km)
        {
            return false;
        }
        var rounded = VnFormat.Number((long)(km < 100 ? Math.Round(km / 5) * 5 : Math.Round(km / 10) * 10));
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        s.Misses = 0;
        ctx.Ask(ctx.T(
                $"❔ Tọa độ {value} ở xa tỉnh {province.ShortName} khoảng {rounded} km, bạn kiểm tra lại? Chọn giữ tọa độ này, hoặc gõ lại tọa độ.",
                $"❔ {value} is about {rounded} km from {province.ShortName}; please check. Keep it, or type the coordinates again."),
            [
                new Choice(ctx.T("Đúng, giữ tọa độ này", "Yes, keep it"), $"f:{step}:pl:{value}"),
                new Choice(ctx.T("Không, gõ lại tọa độ", "No, type it again"), $"f:{step}:pl:no"),
                Back(ctx), CancelChoice(ctx),
            ]);
        return true;
    }

    /// <summary>The photo question's line and its "done" button.</summary>
    private static void RenderPhotoQuestion(BotContext ctx, FormSession s, string step, StringBuilder sb, List<Choice> choices)
    {
        var count = PhotoCount(ctx, s);
        sb.Append('\n').Append(ctx.T(
            "📷 Gửi ảnh (chụp hoặc chọn trong thư viện; Telegram: gửi dạng ảnh), mỗi lần một hoặc nhiều ảnh, rồi gõ \"xong\".",
            "📷 Send photos (camera or gallery), then type \"done\"."));
        if (count > 0)
        {
            sb.Append('\n').Append(ctx.T($"Đã có {count} ảnh.", $"{count} photo(s) so far."));
            choices.Add(new Choice(ctx.T($"✅ Xong ({count} ảnh)", $"✅ Done ({count})"), $"f:{step}:phd", false));
        }
    }

    /// <summary>The location question's line.</summary>
    private static void RenderLocationQuestion(BotContext ctx, StringBuilder sb) =>
        sb.Append('\n').Append(ctx.HasButtons
            ? ctx.T("📍 Gửi vị trí (📎 → Vị trí) hoặc gõ tọa độ, ví dụ: 21.0285, 105.8542.", "📍 Share your location (📎 → Location) or type coordinates, e.g. 21.0285, 105.8542.")
            : ctx.T("📍 Gõ tọa độ (vĩ độ, kinh độ), ví dụ: 21.0285, 105.8542 (trên Google Maps: giữ ngón tay trên điểm để xem tọa độ).",
                "📍 Type the coordinates (latitude, longitude), e.g. 21.0285, 105.8542."));

    /// <summary>"📎 2 ảnh minh chứng: IMG_1.jpg (350 KB), …" for a saved record; "" without files.</summary>
    private static string FilesLine(BotContext ctx, long recordId)
    {
        var files = ctx.Store.Attachments.ForRecord(recordId);
        return files.Count == 0 ? "" : ctx.T($"📎 {files.Count} tệp minh chứng: ", $"📎 {files.Count} evidence file(s): ")
            + string.Join(", ", files.Select(f => $"{f.FileName} ({VnFormat.Number(Math.Max(1, f.Length / 1024))} KB)"));
    }
}
