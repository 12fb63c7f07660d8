using System.Globalization;
using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Evidence from the field: a "photo" question takes photos (Telegram photo, Zalo image) until "xong", a "location" question a
/// shared location or typed coordinates. Photos are kept under the person's draft until the record is saved (<see cref="DraftPhotos"/>).
/// </summary>
public sealed class EvidenceAnswers(FormNavigator navigator, FormPrompter prompter, AmountPlausibility plausibility)
{
    private static readonly string[] DoneWords = ["xong", "done", "het", "du roi", "xong roi", "ok xong", "het roi"];

    /// <summary>A photo or a location sent while a form is open.</summary>
    internal async Task HandleMediaAsync(BotContext ctx, FormSession s, FormDefinition form, CancellationToken ct)
    {
        var field = s.Step >= 0 && s.Step < form.Fields.Count && s.Phase == FormPhase.Ask ? form.Fields[s.Step] : null;
        if (field?.Kind == FieldType.Location && ctx.Message.Location is { } at)
        {
            var result = Coordinates.Check(at.Latitude, at.Longitude, ctx.Texts, ctx.English);
            if (!result.Ok)
            {
                navigator.Refuse(ctx, s, form, result.Error!);
                return;
            }
            if (plausibility.AskIfFar(ctx, s, form, field, result.Value))
            {
                return;
            }
            s.SetAnswer(field.Id, result.Value);
            navigator.Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {result.Value}");
            return;
        }
        if (field?.Kind == FieldType.Photo && ctx.Message.Photo is { } photo)
        {
            await TakePhotoAsync(ctx, s, form, photo, ct).ConfigureAwait(false);
            return;
        }
        prompter.Prompt(ctx, s, ctx.Text("form.evidence.not_asked_now"), edits: false);
    }

    private async Task TakePhotoAsync(BotContext ctx, FormSession s, FormDefinition form, IncomingDocument photo, CancellationToken ct)
    {
        if (DraftPhotos.Count(ctx, s) >= DraftPhotos.MaxPhotos)
        {
            navigator.Refuse(ctx, s, form, ctx.Text("form.evidence.photo_limit", ("max", DraftPhotos.MaxPhotos)));
            return;
        }
        AttachmentInfo info;
        try
        {
            await using var content = await photo.OpenAsync(ct).ConfigureAwait(false);
            info = ctx.Store.Attachments.Put(DraftPhotos.DraftOwner(ctx.User.Id), photo.FileName, null, content, ctx.User.Id, ctx.Now);
        }
        catch (AttachmentRejectedException rejected)
        {
            navigator.Refuse(ctx, s, form, rejected.Say(ctx.Texts, ctx.English));
            return;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            navigator.Refuse(ctx, s, form, ctx.Text("form.evidence.photo_download_failed"));
            return;
        }
        s.Misses = 0;
        var count = DraftPhotos.Count(ctx, s);
        prompter.Prompt(ctx, s, ctx.Text("form.evidence.photo_received", ("count", count), ("kb", Math.Max(1, info.Length / 1024))), edits: false);
    }

    /// <summary>A typed word or button at a photo question: "xong" keeps the photos sent, "bỏ qua" drops them; true when handled.</summary>
    internal bool HandlePhotoAnswer(BotContext ctx, FormSession s, FormDefinition form, FormField field, string verb, string input)
    {
        if (field.Kind != FieldType.Photo)
        {
            return false;
        }
        var count = DraftPhotos.Count(ctx, s);
        if (verb == "phd" || (verb == "text" && DoneWords.Contains(VnText.FoldWords(input))))
        {
            if (count == 0)
            {
                navigator.Refuse(ctx, s, form, field.IsRequired
                    ? ctx.Text("form.evidence.no_photo_required")
                    : ctx.Text("form.evidence.no_photo_optional"));
                return true;
            }
            s.SetAnswer(field.Id, count.ToString(CultureInfo.InvariantCulture));
            navigator.Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {FieldReader.Display(field, s.Answer(field.Id), ctx.Catalogue, ctx.Texts, ctx.English)}");
            return true;
        }
        if (verb == "skip" && !field.IsRequired)
        {
            DraftPhotos.Drop(ctx);
        }
        return false;
    }
}
