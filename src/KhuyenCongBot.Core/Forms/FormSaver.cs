using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Records;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Saves a finished form (a new record, or the correction of one) once every answer is still allowed, and says the receipt.</summary>
public sealed class FormSaver(FormPrompter prompter, IOptions<BotOptions> options)
{
    private int EditWindowDays => options.Value.EditWindowDays;

    internal void Save(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (!StillValid(ctx, s, form) || ProjectLinkConfirmation.AskFirst(ctx, s, form) || DuplicateRecordCheck.AskFirst(ctx, s, form))
        {
            return;
        }
        if (s.EditId is { } editId)
        {
            SaveCorrection(ctx, s, form, editId);
            return;
        }
        var record = new SupportRecord
        {
            CreatedByUserId = ctx.User.Id,
            CreatedAt = ctx.Now,
            Source = "form",
        };
        var newFacility = RecordWriter.Fill(record, form, s, ctx.Store);
        s.End();
        // Record, cleared form and update mark in one transaction: a redelivered update is then recognised, never saved twice.
        // The id is reserved now so the receipt can name it; the record is written with the state, before the receipt goes out.
        var id = record.Id = ctx.Store.Records.NextId();
        ctx.CommitAtomically(() =>
        {
            RecordWriter.Add(ctx.Store, record, newFacility, ctx.User.Id, ctx.Now);
            DraftPhotos.MoveToRecord(ctx.Store, ctx.User.Id, id);
            // The facility id of a new facility is known only now; the state is saved right after, in the same transaction.
            FacilityMemory.Remember(ctx.State, record);
        });
        var receipt = new StringBuilder(ctx.T($"✅ Đã lưu bản ghi số {id}.", $"✅ Saved as record {id}."))
            .Append('\n').Append(RecordWriter.Line(record, ctx.Catalogue));
        if (newFacility is not null)
        {
            receipt.Append('\n').Append(ctx.T($"➕ Đã thêm cơ sở mới \"{newFacility.Name}\" vào danh bạ.", $"➕ New facility \"{newFacility.Name}\" added to the registry."));
        }
        var nextOfGroup = FormProjects.Receipt(ctx, record, receipt);
        receipt.Append('\n').Append(ctx.T($"Bạn có thể sửa hoặc xóa bản ghi này trong {EditWindowDays} ngày (/cuatoi).",
            $"You can correct or delete it within {EditWindowDays} days (/my)."));
        ctx.Ask(receipt.ToString(),
        [
            nextOfGroup ?? new Choice(ctx.T("➕ Ghi thêm như vậy", "➕ Log another like this"), "f:again:" + id.ToString(CultureInfo.InvariantCulture)),
            new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my"),
        ]);
    }

    /// <summary>
    /// Every answer is still one the person may save: required ones present, the province theirs, the facility of it, the project
    /// still open. False, with the question to answer again asked, when one is not.
    /// </summary>
    private bool StillValid(BotContext ctx, FormSession s, FormDefinition form)
    {
        // A required answer may be missing (e.g. a record corrected from an import): ask it first.
        foreach (var i in s.Applicable(form))
        {
            var f = form.Fields[i];
            var answer = s.Answer(f.Id);
            if ((f.IsRequired && string.IsNullOrEmpty(answer)) || (answer is { Length: > 0 } && !FieldReader.IsCanonical(f, answer)))
            {
                s.ClearAnswer(f.Id);
                AskAgain(ctx, s, i, ctx.T($"⚠ Còn thiếu câu \"{f.LabelIn(ctx.English)}\".", $"⚠ \"{f.LabelIn(ctx.English)}\" is still missing."));
                return false;
            }
        }
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User);
        // A former unit (a record dated before the 2025 merger) is the current unit's.
        if (form.Bound("province") is { } pf && !allowed.Any(p => p.Id == (ctx.Catalogue.CurrentOf(s.Answer(pf.Id) ?? "")?.Id ?? s.Answer(pf.Id))))
        {
            s.ClearAnswer(pf.Id);
            AskAgain(ctx, s, form.Fields.IndexOf(pf), ctx.T("⚠ Tỉnh/thành phố này nằm ngoài phạm vi của bạn; chọn lại.", "⚠ That province is outside your scope; pick again."));
            return false;
        }
        // The facility must be one of the record's province (a province corrected after the facility was picked, a stale button).
        if (form.Bound("facility") is { } ff && long.TryParse(s.Answer(ff.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var facilityId)
            && ctx.Store.Facilities.Get(facilityId) is { } chosen && !FormScope.MayUseFacility(ctx, s, form, chosen))
        {
            s.ClearAnswer(ff.Id);
            s.Set("fname", null);
            AskAgain(ctx, s, form.Fields.IndexOf(ff), ctx.T($"⚠ Cơ sở \"{chosen.Name}\" không thuộc tỉnh/thành phố của bản ghi; chọn lại cơ sở.",
                $"⚠ \"{chosen.Name}\" is not in the record's province; pick the facility again."));
            return false;
        }
        if (FormProjects.NoLongerOpen(ctx, s, form) is { } warning)
        {
            prompter.Prompt(ctx, s, warning, edits: false);
            return false;
        }
        return true;
    }

    private void AskAgain(BotContext ctx, FormSession s, int step, string warning)
    {
        s.Step = step;
        s.Phase = FormPhase.Ask;
        prompter.Prompt(ctx, s, warning, edits: false);
    }

    private void SaveCorrection(BotContext ctx, FormSession s, FormDefinition form, long editId)
    {
        var before = ctx.Store.Records.Get(editId);
        if (before is null)
        {
            s.End();
            ctx.Say(ctx.T($"Bản ghi số {editId} không còn (có thể đã bị xóa). Không có gì thay đổi.", $"Record {editId} no longer exists. Nothing changed."));
            return;
        }
        if (!RecordWriter.CanChange(before, ctx.User, ctx.Now, EditWindowDays))
        {
            s.End();
            ctx.Say(ctx.T($"Bản ghi số {editId} đã quá {EditWindowDays} ngày nên không sửa được nữa. Không có gì thay đổi.",
                $"Record {editId} is older than {EditWindowDays} days; nothing changed."));
            return;
        }
        var after = before.Clone();
        var created = RecordWriter.Fill(after, form, s, ctx.Store);
        s.End();
        // With the state and the update mark, so a redelivered update after a crash does not apply it twice.
        ctx.CommitAtomically(() =>
        {
            RecordWriter.Update(ctx.Store, before, after, created, ctx.User.Id, ctx.Now);
            DraftPhotos.MoveToRecord(ctx.Store, ctx.User.Id, after.Id);
            FacilityMemory.Remember(ctx.State, after);
        });
        ctx.Ask(ctx.T($"✅ Đã sửa bản ghi số {editId}.", $"✅ Record {editId} corrected.") + "\n" + RecordWriter.Line(after, ctx.Catalogue),
            [new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my")]);
    }
}
