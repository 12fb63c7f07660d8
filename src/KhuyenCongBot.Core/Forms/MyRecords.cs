using System.Globalization;
using System.Text;
using System.Text.Json;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The officer's own records (/my, /cuatoi): the list, one record, delete within the edit window, and undo a delete — the record
/// comes back under its own number from the audit trail, with its evidence files (deleting keeps them: the number is never given
/// again, so they stay its own).
/// </summary>
public sealed class MyRecords(FormCatalogue forms, FormPrompter prompter, ActualFigures actual, IOptions<BotOptions> options)
{
    private const int MyListSize = 10;

    internal const string RestorePrefix = "f:rdu:";

    private int EditWindowDays => options.Value.EditWindowDays;

    /// <summary>/my (/cuatoi): the person's recent records.</summary>
    public Task MyCommandAsync(BotContext ctx, string arguments, CancellationToken ct)
    {
        if (FormScope.RefusedAsManager(ctx))
        {
            return Task.CompletedTask;
        }
        List(ctx);
        if (ctx.State.Flow == FormRunner.FlowName && new FormSession(ctx.State) is { Phase: not FormPhase.Pick } open)
        {
            // Typed while a form is open (maybe one left open before a restart): its next answer must not surprise anyone.
            ctx.ShownAside = true;
            ctx.Say(ctx.Text("form.my_records.open_step_waits", ("describe", prompter.Describe(ctx, open))));
        }
        return Task.CompletedTask;
    }

    /// <summary>/edit (/sua) 12: the record's card, with what may be done to it (correct or delete within the window; an estimate
    /// updated with its actual figures at any time); without a number, the list of /cuatoi.</summary>
    public Task EditCommandAsync(BotContext ctx, string arguments, CancellationToken ct)
    {
        if (FormScope.RefusedAsManager(ctx))
        {
            return Task.CompletedTask;
        }
        if (long.TryParse(string.Concat(arguments.SkipWhile(c => !char.IsAsciiDigit(c))).TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            Show(ctx, id);
        }
        else
        {
            List(ctx);
        }
        return Task.CompletedTask;
    }

    /// <summary>A record button ("f:r:12" show, "f:rd:" ask to delete, "f:rdy:" delete, "f:rdu:" restore); false when not one.</summary>
    internal bool HandleButton(BotContext ctx, string kind, long id)
    {
        switch (kind)
        {
            case "r":
                Show(ctx, id);
                return true;
            case "rd":
                AskDelete(ctx, id);
                return true;
            case "rdy":
                Delete(ctx, id);
                return true;
            case "rdu":
                Restore(ctx, id);
                return true;
            case ActualFigures.StartKind:
                actual.Begin(ctx, id);
                return true;
        }
        return false;
    }

    internal void List(BotContext ctx)
    {
        var records = ctx.Store.Records.ByUser(ctx.User.Id, MyListSize * 3).Where(r => FormScope.InScope(ctx, r)).Take(MyListSize).ToList();
        // The projects the person looks after, each with a button to move it on (issue 15).
        var (projectText, projectChoices) = ctx.Module<Projects.Chat.ProjectsModule>() is { } projects
            ? projects.MineSection(ctx) : (null, []);
        // Records and projects are two kinds of buttons: each says what it is (a record to see, a project to move on).
        projectChoices = projectChoices.Select(c => c with { Label = ctx.Text("form.my_records.move_project_step") + c.Label }).ToList();
        if (records.Count == 0)
        {
            ctx.Say(ctx.Text("form.my_records.none_yet"));
            if (projectText is not null)
            {
                ctx.Ask(projectText, projectChoices);
            }
            return;
        }
        var sb = new StringBuilder(ctx.Text("form.my_records.latest_heading", ("count", records.Count), ("days", EditWindowDays)));
        var choices = records.Select(r => new Choice(FormText.Clip("📝 " + RecordWriter.Line(r, ctx), 60), "f:r:" + r.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        if (ctx.State.Flow == FormRunner.FlowName)
        {
            sb.Append('\n').Append(ctx.Text("form.my_records.draft_kept"));
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
        if (record is null && Restorable(ctx, id) is { } deleted)
        {
            // Deleted by this person, still within the window: the undo of the receipt is offered again (it closed at the next message).
            ctx.Ask(ctx.Text("form.my_records.deleted_by_you", ("id", id), ("at", deleted.At), ("line", RecordWriter.Line(deleted.Record, ctx))),
                [new Choice(ctx.Text("form.my_records.undo_button"), RestorePrefix + id.ToString(CultureInfo.InvariantCulture)),
                    new Choice(ctx.Text("form.common.my_records"), "f:my")]);
            return null;
        }
        if (record is null || record.CreatedByUserId != ctx.User.Id || !FormScope.InScope(ctx, record))
        {
            ctx.Say(ctx.Text("form.my_records.not_found", ("id", id)));
            return null;
        }
        return record;
    }

    /// <summary>The person's own record as they deleted it (the audit trail's copy) and when, while it may still be restored: in their
    /// provinces and within the correction window; null otherwise.</summary>
    private (SupportRecord Record, DateTimeOffset At)? Restorable(BotContext ctx, long id)
    {
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
        return record is null || deleted is null || record.Id != id || record.CreatedByUserId != ctx.User.Id || !FormScope.InScope(ctx, record)
            || !RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays)
            ? null : (record, deleted.At);
    }

    private void Show(BotContext ctx, long id)
    {
        if (Mine(ctx, id) is not { } record)
        {
            return;
        }
        var sb = new StringBuilder(ctx.Text("form.my_records.record_title", ("id", id))).Append(" – ")
            .Append(ctx.Catalogue.Activity(record.ActivityId) is { } activity ? ctx.English && activity.EnglishName.Length > 0 ? activity.EnglishName : activity.ShortName : record.ActivityId);
        if (forms.Get(record.ActivityId) is { } form)
        {
            var s = new FormSession(new ConversationState());
            RecordWriter.Load(record, form, s, _ => true);
            foreach (var i in s.Applicable(form))
            {
                var f = form.Fields[i];
                if (s.Answer(f.Id) is { Length: > 0 })
                {
                    sb.Append('\n').Append("• ").Append(f.LabelIn(ctx.English)).Append(": ").Append(prompter.DisplayAnswer(ctx, s, f));
                }
            }
        }
        else
        {
            sb.Append('\n').Append(RecordWriter.Line(record, ctx));
        }
        if (DraftPhotos.FilesLine(ctx, id) is { Length: > 0 } files)
        {
            sb.Append('\n').Append(files);
        }
        sb.Append('\n').Append(ctx.Text("form.my_records.logged_at")).Append(VnFormat.DateTime(record.CreatedAt));
        if (record.UpdatedAt is { } updated)
        {
            sb.Append(ctx.Text("form.my_records.corrected_at")).Append(VnFormat.DateTime(updated));
        }
        var choices = new List<Choice>();
        var key = id.ToString(CultureInfo.InvariantCulture);
        if (RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            choices.Add(new Choice(ctx.Text("form.my_records.correct_button"), "f:re:" + key));
            choices.Add(new Choice(ctx.Text("form.my_records.delete_button"), "f:rd:" + key));
        }
        else
        {
            sb.Append('\n').Append(ctx.Text("form.my_records.edit_window_passed", ("days", EditWindowDays)));
        }
        if (actual.Offers(ctx, record))
        {
            // An estimate becomes actual at any time (the actuals come after the window): its own button, above the others.
            sb.Append('\n').Append(ctx.Text("records.actual.card_note"));
            choices.Insert(0, new Choice(ctx.Text("records.actual.button"), "f:ra:" + key));
        }
        choices.Add(new Choice(ctx.Text("form.common.log_another"), "f:again:" + key));
        choices.Add(new Choice(ctx.Text("form.my_records.list_button"), "f:my"));
        ctx.Ask(sb.ToString(), choices);
    }

    /// <summary>A record of the person's own (<see cref="Mine"/>) still within the edit window; null, with the reason said, otherwise.</summary>
    private SupportRecord? DeletableMine(BotContext ctx, long id)
    {
        if (Mine(ctx, id) is not { } record)
        {
            return null;
        }
        if (!RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
        {
            ctx.Say(ctx.Text("form.my_records.delete_window_passed", ("id", id), ("days", EditWindowDays)));
            return null;
        }
        return record;
    }

    private void AskDelete(BotContext ctx, long id)
    {
        if (DeletableMine(ctx, id) is not { } record)
        {
            return;
        }
        var key = id.ToString(CultureInfo.InvariantCulture);
        ctx.Ask(ctx.Text("form.my_records.confirm_delete", ("id", id), ("line", RecordWriter.Line(record, ctx))),
            [new Choice(ctx.Text("form.my_records.delete_for_good"), "f:rdy:" + key), new Choice(ctx.Text("form.my_records.keep_button"), "f:r:" + key)]);
    }

    private void Delete(BotContext ctx, long id)
    {
        if (DeletableMine(ctx, id) is not { } record)
        {
            return;
        }
        if (ctx.State.Flow == FormRunner.FlowName && new FormSession(ctx.State).EditId == id)
        {
            new FormSession(ctx.State).End();
        }
        // Mine() has just found the record; the delete is written with the state, before this reply goes out.
        ctx.CommitAtomically(() => RecordWriter.Delete(ctx.Store, record, ctx.User.Id, ctx.Now));
        // Its evidence files are kept (never given to another record): the undo brings the record back with them.
        ctx.Ask(ctx.Text("form.my_records.deleted", ("id", id)),
            [new Choice(ctx.Text("form.my_records.undo_button"), RestorePrefix + id.ToString(CultureInfo.InvariantCulture)),
                new Choice(ctx.Text("form.common.my_records"), "f:my")]);
    }

    /// <summary>Restores the person's own record deleted within the correction window; its files were kept.</summary>
    private void Restore(BotContext ctx, long id)
    {
        if (ctx.Store.Records.Get(id) is not null)
        {
            ctx.Say(ctx.Text("form.my_records.not_deleted", ("id", id)));
            return;
        }
        if (Restorable(ctx, id) is not { Record: var record })
        {
            ctx.Say(ctx.Text("form.my_records.cannot_restore", ("id", id), ("days", EditWindowDays)));
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
        var text = ctx.Text("form.my_records.restored", ("id", id)) + "\n" + RecordWriter.Line(record, ctx);
        if (DraftPhotos.FilesLine(ctx, id) is { Length: > 0 } files)
        {
            text += "\n" + files;
        }
        ctx.Ask(text, [new Choice(ctx.Text("form.common.my_records"), "f:my")]);
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
