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
        var receipt = new StringBuilder(ctx.Text("form.save.saved", ("id", id)))
            .Append('\n').Append(RecordWriter.Line(record, ctx, withStatus: true));
        if (newFacility is not null)
        {
            receipt.Append('\n').Append(ctx.Text("form.save.facility_added", ("name", newFacility.Name)));
        }
        var nextOfGroup = FormProjects.Receipt(ctx, record, receipt);
        receipt.Append('\n').Append(ctx.Text("form.save.can_change_within", ("days", EditWindowDays)));
        if (record.Status == RecordStatus.Estimate)
        {
            // The receipt is what the person keeps of the save: an estimate says so, and how it becomes the official figure.
            receipt.Append('\n').Append(ctx.Text("hforms.save.estimate_hint", ("id", id)));
        }
        ctx.Ask(receipt.ToString(),
        [
            nextOfGroup ?? new Choice(ctx.Text("form.common.log_another"), "f:again:" + id.ToString(CultureInfo.InvariantCulture)),
            new Choice(ctx.Text("form.common.my_records"), "f:my"),
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
                AskAgain(ctx, s, i, ctx.Text("form.save.still_missing", ("label", f.LabelIn(ctx.English))));
                return false;
            }
        }
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User);
        // A former unit (a record dated before the 2025 merger) is the current unit's.
        if (form.Bound("province") is { } pf && !allowed.Any(p => p.Id == (ctx.Catalogue.CurrentOf(s.Answer(pf.Id) ?? "")?.Id ?? s.Answer(pf.Id))))
        {
            s.ClearAnswer(pf.Id);
            AskAgain(ctx, s, form.Fields.IndexOf(pf), ctx.Text("form.save.province_out_of_scope"));
            return false;
        }
        // The facility must be one of the record's province (a province corrected after the facility was picked, a stale button).
        if (form.Bound("facility") is { } ff && long.TryParse(s.Answer(ff.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var facilityId)
            && ctx.Store.Facilities.Get(facilityId) is { } chosen && !FormScope.MayUseFacility(ctx, s, form, chosen))
        {
            s.ClearAnswer(ff.Id);
            s.Set("fname", null);
            AskAgain(ctx, s, form.Fields.IndexOf(ff), ctx.Text("form.save.facility_other_province", ("facility", chosen.Name)));
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
            ctx.Say(ctx.Text("form.save.edited_record_gone", ("id", editId)));
            return;
        }
        if (!RecordWriter.CanChange(before, ctx.User, ctx.Now, EditWindowDays))
        {
            s.End();
            ctx.Say(ctx.Text("form.save.edit_window_passed", ("id", editId), ("days", EditWindowDays)));
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
        ctx.Ask(ctx.Text("form.save.corrected", ("id", editId)) + "\n" + RecordWriter.Line(after, ctx, withStatus: true),
            [new Choice(ctx.Text("form.common.my_records"), "f:my")]);
    }
}
