using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Saving a form, the receipt, and the officer's own records (/my): view, correct, delete within the edit window.</summary>
public sealed partial class FormRunner
{
    private const int MyListSize = 10;

    private void Save(BotContext ctx, FormSession s, FormDefinition form)
    {
        // A required answer may be missing (e.g. a record corrected from an import): ask it first.
        foreach (var i in s.Applicable(form))
        {
            var f = form.Fields[i];
            var answer = s.Answer(f.Id);
            if ((f.IsRequired && string.IsNullOrEmpty(answer)) || (answer is { Length: > 0 } && !FieldReader.IsCanonical(f, answer)))
            {
                s.ClearAnswer(f.Id);
                s.Step = i;
                s.Phase = FormPhase.Ask;
                Prompt(ctx, s, ctx.T($"⚠ Còn thiếu câu \"{f.LabelIn(ctx.English)}\".", $"⚠ \"{f.LabelIn(ctx.English)}\" is still missing."), edits: false);
                return;
            }
        }
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User);
        if (form.Bound("province") is { } pf && !allowed.Any(p => p.Id == s.Answer(pf.Id)))
        {
            s.ClearAnswer(pf.Id);
            s.Step = form.Fields.IndexOf(pf);
            s.Phase = FormPhase.Ask;
            Prompt(ctx, s, ctx.T("⚠ Tỉnh/thành phố này nằm ngoài phạm vi của bạn; chọn lại.", "⚠ That province is outside your scope; pick again."), edits: false);
            return;
        }
        // The facility must be one of the record's province (a province corrected after the facility was picked, a stale button).
        if (form.Bound("facility") is { } ff && long.TryParse(s.Answer(ff.Id), NumberStyles.None, CultureInfo.InvariantCulture, out var facilityId)
            && ctx.Store.Facilities.Get(facilityId) is { } chosen && !MayUseFacility(ctx, s, form, chosen))
        {
            s.ClearAnswer(ff.Id);
            s.Set("fname", null);
            s.Step = form.Fields.IndexOf(ff);
            s.Phase = FormPhase.Ask;
            Prompt(ctx, s, ctx.T($"⚠ Cơ sở \"{chosen.Name}\" không thuộc tỉnh/thành phố của bản ghi; chọn lại cơ sở.",
                $"⚠ \"{chosen.Name}\" is not in the record's province; pick the facility again."), edits: false);
            return;
        }
        if (!ProjectStillValid(ctx, s, form) || ProjectLinkConfirmation.AskFirst(ctx, s, form))
        {
            return;
        }
        if (s.EditId is { } editId)
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
                MoveDraftPhotos(ctx.Store, ctx.User.Id, after.Id);
                RememberFacility(ctx.State, after);
            });
            ctx.Ask(ctx.T($"✅ Đã sửa bản ghi số {editId}.", $"✅ Record {editId} corrected.") + "\n" + RecordWriter.Line(after, ctx.Catalogue),
                [new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my")]);
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
            MoveDraftPhotos(ctx.Store, ctx.User.Id, id);
            // The facility id of a new facility is known only now; the state is saved right after, in the same transaction.
            RememberFacility(ctx.State, record);
        });
        var receipt = new StringBuilder(ctx.T($"✅ Đã lưu bản ghi số {id}.", $"✅ Saved as record {id}."))
            .Append('\n').Append(RecordWriter.Line(record, ctx.Catalogue));
        if (newFacility is not null)
        {
            receipt.Append('\n').Append(ctx.T($"➕ Đã thêm cơ sở mới \"{newFacility.Name}\" vào danh bạ.", $"➕ New facility \"{newFacility.Name}\" added to the registry."));
        }
        var nextOfGroup = ProjectReceipt(ctx, record, receipt);
        receipt.Append('\n').Append(ctx.T($"Bạn có thể sửa hoặc xóa bản ghi này trong {EditWindowDays} ngày (/cuatoi).",
            $"You can correct or delete it within {EditWindowDays} days (/my)."));
        ctx.Ask(receipt.ToString(),
        [
            nextOfGroup ?? new Choice(ctx.T("➕ Ghi thêm như vậy", "➕ Log another like this"), "f:again:" + id.ToString(CultureInfo.InvariantCulture)),
            new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my"),
        ]);
    }

    /// <summary>Buttons that work with or without an active form: receipts and /my.</summary>
    public static bool IsGlobal(string data) =>
        data == "f:my" || data.StartsWith("f:again:", StringComparison.Ordinal) || data.StartsWith("f:r:", StringComparison.Ordinal)
        || data.StartsWith("f:re:", StringComparison.Ordinal) || data.StartsWith("f:rd:", StringComparison.Ordinal)
        || data.StartsWith("f:rdy:", StringComparison.Ordinal) || data.StartsWith(RestorePrefix, StringComparison.Ordinal);

    /// <summary>Handles a global button; false when the data is not one.</summary>
    public bool HandleGlobal(BotContext ctx, string data)
    {
        // Checked like /cuatoi typed: a manager's records (from an earlier role) are not opened from a button either.
        if (IsGlobal(data) && RefusedAsManager(ctx))
        {
            return true;
        }
        if (data == "f:my")
        {
            ListMine(ctx);
            return true;
        }
        var parts = data.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        switch (parts[1])
        {
            case "again":
                Start(ctx, "again:" + parts[2]);
                return true;
            case "re":
                Start(ctx, "edit:" + parts[2]);
                return true;
            case "r":
                ShowMine(ctx, id);
                return true;
            case "rd":
                AskDelete(ctx, id);
                return true;
            case "rdy":
                DeleteMine(ctx, id);
                return true;
            case "rdu":
                RestoreMine(ctx, id);
                return true;
        }
        return false;
    }

    /// <summary>/my (/cuatoi): the person's recent records.</summary>
    public Task MyCommandAsync(BotContext ctx, string arguments, CancellationToken ct)
    {
        if (RefusedAsManager(ctx))
        {
            return Task.CompletedTask;
        }
        ListMine(ctx);
        return Task.CompletedTask;
    }

    private void ListMine(BotContext ctx)
    {
        var records = ctx.Store.Records.ByUser(ctx.User.Id, MyListSize * 3).Where(r => InScope(ctx, r)).Take(MyListSize).ToList();
        // The projects the person looks after, each with a button to move it on (issue 15).
        var (projectText, projectChoices) = ctx.Module<Projects.Chat.ProjectsModule>() is { } projects
            ? projects.MineSection(ctx) : (null, []);
        // Records and projects are two kinds of buttons: each says what it is (a record to see, a project to move on).
        projectChoices = projectChoices.Select(c => c with { Label = ctx.T("📁 Chuyển bước đề án ", "📁 Move on ") + c.Label }).ToList();
        if (records.Count == 0)
        {
            ctx.Say(ctx.T("Bạn chưa ghi bản ghi nào. Gõ /ghi để bắt đầu.", "You have no records yet. Type /log to start."));
            if (projectText is not null)
            {
                ctx.Ask(projectText, projectChoices);
            }
            return;
        }
        var sb = new StringBuilder(ctx.T($"📋 {records.Count} bản ghi gần đây nhất của bạn (sửa/xóa được trong {EditWindowDays} ngày). Chọn một bản ghi 📝 để xem:",
            $"📋 Your {records.Count} latest records (changeable within {EditWindowDays} days). Pick one:"));
        var choices = records.Select(r => new Choice(Clip("📝 " + RecordWriter.Line(r, ctx.Catalogue), 60), "f:r:" + r.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        if (ctx.State.Flow == FlowName)
        {
            sb.Append('\n').Append(ctx.T("(Bạn vẫn còn phiếu đang dở; gõ \"tiếp\" để quay lại phiếu đó.)", "(Your unfinished form is kept; type \"continue\" to go back to it.)"));
        }
        if (projectText is not null)
        {
            sb.Append("\n\n").Append(projectText);
            choices.AddRange(projectChoices);
        }
        ctx.Ask(sb.ToString(), choices);
    }

    /// <summary>
    /// A record of the person's own, within the provinces they may log for now (an officer moved to another province no longer
    /// sees or changes the records of the old one); otherwise the same polite "not found" whatever the reason, so that forged
    /// button data tells nothing about other people's records.
    /// </summary>
    private SupportRecord? Mine(BotContext ctx, long id)
    {
        var record = ctx.Store.Records.Get(id);
        if (record is null || record.CreatedByUserId != ctx.User.Id || !InScope(ctx, record))
        {
            ctx.Say(ctx.T($"Không tìm thấy bản ghi số {id} của bạn (có thể đã bị xóa).", $"No record {id} of yours (it may have been deleted)."));
            return null;
        }
        return record;
    }

    private static bool InScope(BotContext ctx, SupportRecord record)
    {
        var current = ctx.Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
        return FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Any(p => p.Id == current);
    }

    private void ShowMine(BotContext ctx, long id)
    {
        if (Mine(ctx, id) is not { } record)
        {
            return;
        }
        var sb = new StringBuilder(ctx.T($"Bản ghi số {id}", $"Record {id}")).Append(" – ")
            .Append(ctx.Catalogue.Activity(record.ActivityId)?.ShortName ?? record.ActivityId);
        if (forms.Get(record.ActivityId) is { } form)
        {
            var s = new FormSession(new ConversationState());
            RecordWriter.Load(record, form, s, _ => true);
            foreach (var i in s.Applicable(form))
            {
                var f = form.Fields[i];
                if (s.Answer(f.Id) is { Length: > 0 })
                {
                    sb.Append('\n').Append("• ").Append(f.LabelIn(ctx.English)).Append(": ").Append(DisplayAnswer(ctx, s, form, f));
                }
            }
        }
        else
        {
            sb.Append('\n').Append(RecordWriter.Line(record, ctx.Catalogue));
        }
        if (FilesLine(ctx, id) is { Length: > 0 } files)
        {
            sb.Append('\n').Append(files);
        }
        sb.Append('\n').Append(ctx.T("Ghi lúc ", "Logged at ")).Append(VnFormat.DateTime(record.CreatedAt));
        if (record.UpdatedAt is { } updated)
        {
            sb.Append(ctx.T(", sửa lúc ", ", corrected at ")).Append(VnFormat.DateTime(updated));
        }
        var choices = new List<Choice>();
        var key = id.ToString(CultureInfo.InvariantCulture);
        if (RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            choices.Add(new Choice(ctx.T("✏ Sửa", "✏ Correct"), "f:re:" + key));
            choices.Add(new Choice(ctx.T("🗑 Xóa", "🗑 Delete"), "f:rd:" + key));
        }
        else
        {
            sb.Append('\n').Append(ctx.T($"Đã quá {EditWindowDays} ngày nên không sửa/xóa được nữa.", $"Older than {EditWindowDays} days: it can no longer be changed."));
        }
        choices.Add(new Choice(ctx.T("➕ Ghi thêm như vậy", "➕ Log another like this"), "f:again:" + key));
        choices.Add(new Choice(ctx.T("📋 Danh sách", "📋 List"), "f:my"));
        ctx.Ask(sb.ToString(), choices);
    }

    private void AskDelete(BotContext ctx, long id)
    {
        if (Mine(ctx, id) is not { } record)
        {
            return;
        }
        if (!RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            ctx.Say(ctx.T($"Bản ghi số {id} đã quá {EditWindowDays} ngày nên không xóa được nữa.", $"Record {id} is older than {EditWindowDays} days and cannot be deleted."));
            return;
        }
        var key = id.ToString(CultureInfo.InvariantCulture);
        ctx.Ask(ctx.T($"Xóa bản ghi số {id}?\n{RecordWriter.Line(record, ctx.Catalogue)}\nSố liệu sẽ không còn tính bản ghi này (nhật ký vẫn lưu lại).",
                $"Delete record {id}?\n{RecordWriter.Line(record, ctx.Catalogue)}\nFigures will no longer count it (the audit trail keeps it)."),
            [new Choice(ctx.T("🗑 Xóa hẳn", "🗑 Delete"), "f:rdy:" + key), new Choice(ctx.T("Không xóa", "Keep it"), "f:r:" + key)]);
    }

    private void DeleteMine(BotContext ctx, long id)
    {
        if (Mine(ctx, id) is not { } record)
        {
            return;
        }
        if (!RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            ctx.Say(ctx.T($"Bản ghi số {id} đã quá {EditWindowDays} ngày nên không xóa được nữa.", $"Record {id} is older than {EditWindowDays} days and cannot be deleted."));
            return;
        }
        if (ctx.State.Flow == FlowName && new FormSession(ctx.State).EditId == id)
        {
            new FormSession(ctx.State).End();
        }
        // Mine() has just found the record; the delete is written with the state, before this reply goes out.
        ctx.CommitAtomically(() => RecordWriter.Delete(ctx.Store, record, ctx.User.Id, ctx.Now));
        // Its evidence files are kept (never given to another record): the undo brings the record back with them.
        ctx.Ask(ctx.T($"🗑 Đã xóa bản ghi số {id}.", $"🗑 Record {id} deleted."),
            [RestoreChoice(ctx, id), new Choice(ctx.T("📋 Bản ghi của tôi", "📋 My records"), "f:my")]);
    }
}
