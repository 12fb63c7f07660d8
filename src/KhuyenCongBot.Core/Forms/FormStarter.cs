using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Opens a form: the activity picker, a new form, a record to correct ("edit:12") or to log again ("again:12"); with a form
/// already unfinished, asks first whether to continue it or drop it (the draft question).
/// </summary>
/// <remarks>Session keys of the draft question: next (the form asked for), prevphase (where the unfinished form was).</remarks>
public sealed class FormStarter(FormCatalogue forms, FormPrompter prompter, FormNavigator navigator, FormIntents intents, IOptions<BotOptions> options)
{
    /// <summary>A draft with at most this many answers is dropped when another activity is typed at "continue or start anew?";
    /// one with more is only dropped by the button, its number or "bỏ"/"mới".</summary>
    private const int KeptWithoutAsking = 2;

    private static readonly string[] NewWords = ["moi", "phieu moi", "mo phieu moi", "bat dau moi", "bo", "bo phieu do", "new", "discard"];

    private int EditWindowDays => options.Value.EditWindowDays;

    /// <summary>/log (/ghi) [activity].</summary>
    public Task LogCommandAsync(BotContext ctx, string arguments, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(arguments))
        {
            Start(ctx, "pick");
            return Task.CompletedTask;
        }
        var activity = ctx.Catalogue.FindActivity(arguments) ?? ctx.Catalogue.FindActivityIn(VnText.FoldWords(arguments));
        if (activity is null || forms.Get(activity.Id) is null)
        {
            ctx.Say(ctx.Text("form.start.unknown_activity", ("typed", FormText.Clip(arguments, 40))));
            Start(ctx, "pick");
            return Task.CompletedTask;
        }
        Start(ctx, "a:" + activity.Id);
        return Task.CompletedTask;
    }

    /// <summary>Starts a form ("pick", "a:trade_fair", "edit:12", "again:12"), asking first when a draft would be lost.</summary>
    public void Start(BotContext ctx, string target)
    {
        if (FormScope.RefusedAsManager(ctx))
        {
            return;
        }
        var state = ctx.State;
        if (state.Flow is null && FormDrafts.HasKept(state))
        {
            // A form left earlier kept its answers: continue it or start anew? Asked like an unfinished form.
            FormDrafts.Restore(state);
            if (forms.Get(new FormSession(state).FormId) is null)
            {
                new FormSession(state).End();
            }
            else
            {
                new FormSession(state).Set(FormDrafts.RestoredKey, "1");
            }
        }
        if (state.Flow == FormRunner.FlowName)
        {
            var s = new FormSession(state);
            if (s.EditId is { } editing && s.Phase != FormPhase.Pick && s.FormId is not null
                && target == "edit:" + editing.ToString(CultureInfo.InvariantCulture))
            {
                // ✏ Sửa of the record whose correction is open (left open, maybe before a restart): that correction goes on, rather
                // than "continue or discard?" about itself (an outside tester was sent round in a loop there).
                ctx.ShowedDialogQuestion = true;
                Continue(ctx, s, ctx.Text("form.edit_draft.resumed", ("id", editing)));
                return;
            }
            if (s.Phase == FormPhase.Draft)
            {
                s.Set("next", target);
                ctx.ShowedDialogQuestion = true;
                prompter.Prompt(ctx, s);
                return;
            }
            if (s.Phase != FormPhase.Pick && s.FormId is not null)
            {
                s.Set("next", target);
                s.Set("prevphase", FormPhases.Name(s.Phase));
                s.Phase = FormPhase.Draft;
                ctx.ShowedDialogQuestion = true;
                prompter.Prompt(ctx, s);
                return;
            }
        }
        else if (state.Flow is not null)
        {
            ctx.Say(ctx.Text("form.start.other_step_open"));
            return;
        }
        Launch(ctx, target);
    }

    private void Launch(BotContext ctx, string target)
    {
        var s = new FormSession(ctx.State);
        if (target == "pick")
        {
            s.End();
            ctx.State.Flow = FormRunner.FlowName;
            s.Phase = FormPhase.Pick;
            prompter.Prompt(ctx, s);
            return;
        }
        var colon = target.IndexOf(':');
        var kind = colon < 0 ? target : target[..colon];
        var arg = colon < 0 ? "" : target[(colon + 1)..];
        if (kind == "a" && forms.Get(arg) is { } form)
        {
            Begin(ctx, form, null, false);
            return;
        }
        if (kind is "edit" or "again" && long.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var record = ctx.Store.Records.Get(id);
            if (record is null || record.CreatedByUserId != ctx.User.Id || !FormScope.InScope(ctx, record))
            {
                ctx.Say(ctx.Text("form.start.no_such_record", ("id", id)));
                return;
            }
            if (forms.Get(record.ActivityId) is not { } recordForm)
            {
                ctx.Say(ctx.Text("form.start.activity_without_form"));
                return;
            }
            if (kind == "edit" && !RecordWriter.CanChange(record, ctx.User, ctx.Now, EditWindowDays))
            {
                ctx.Say(ctx.Text("form.start.edit_window_passed", ("id", id), ("days", EditWindowDays)));
                return;
            }
            Begin(ctx, recordForm, record, kind == "edit");
            return;
        }
        ctx.Say(ctx.Text("form.start.cannot_open"));
    }

    private void Begin(BotContext ctx, FormDefinition form, SupportRecord? from, bool edit)
    {
        var s = new FormSession(ctx.State);
        s.End();
        DraftPhotos.Drop(ctx);
        ctx.State.Flow = FormRunner.FlowName;
        s.FormId = form.Activity;
        s.MarkLayout();
        s.Set(FormScopeChange.Key, FormScopeChange.Stamp(ctx.User));
        if (from is not null)
        {
            RecordWriter.Load(from, form, s, f => edit || f.Repeat);
            AmountPlausibility.MarkAllConfirmed(s, form);
            if (edit)
            {
                s.EditId = from.Id;
                // The project a corrected record is linked to stays offered even if it was settled since.
                s.Set("pjorig", from.ProjectCode);
            }
        }
        // An officer logs for one province only: no need to ask it (it stays in the summary and can be corrected there).
        if (form.Bound("province") is { } provinceField && !s.HasAnswer(provinceField.Id)
            && FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User) is [var only])
        {
            s.SetAnswer(provinceField.Id, only.Id);
        }
        var intro = edit
            ? ctx.Text("form.start.correcting", ("id", from!.Id))
            : from is not null
                ? ctx.Text("form.start.another_like")
                : ctx.Text("form.start.new_form", ("title", FormText.Title(ctx, form)));
        navigator.Advance(ctx, s, form, -1, intro);
    }

    /// <summary>The activity picked (a button, or its name typed) at the picker.</summary>
    internal void HandlePick(BotContext ctx, FormSession s, string input, bool isButton)
    {
        Activity? activity = null;
        if (isButton && input.StartsWith("f:a:", StringComparison.Ordinal))
        {
            activity = ctx.Catalogue.Activity(input[4..]);
        }
        else if (!isButton)
        {
            activity = ctx.Catalogue.FindActivity(input) ?? ctx.Catalogue.FindActivityIn(VnText.FoldWords(input));
        }
        if (activity is null || forms.Get(activity.Id) is not { } form)
        {
            prompter.Prompt(ctx, s, ctx.Text("form.start.which_activity"));
            return;
        }
        Begin(ctx, form, null, false);
    }

    /// <summary>The answer to "continue the unfinished form or start a new one?".</summary>
    internal void HandleDraft(BotContext ctx, FormSession s, string input)
    {
        if (input == "f:dc")
        {
            Continue(ctx, s, ctx.Text("form.start.continuing"));
            return;
        }
        if (input == "f:dd")
        {
            var next = s.Get("next") ?? "pick";
            var edit = s.EditId;
            s.End();
            DraftPhotos.Drop(ctx);
            ctx.Say(edit is { } dropped
                ? ctx.Text("form.edit_draft.discarded", ("id", dropped))
                : ctx.Text("form.start.draft_discarded"));
            Launch(ctx, next);
            return;
        }
        // Typed: "tiếp" continues; "mới", or the name of an activity (the new one, or another), starts it.
        var folded = VnText.FoldWords(input);
        if (FormIntents.ResumeWords.Contains(folded))
        {
            HandleDraft(ctx, s, "f:dc");
            return;
        }
        if (NewWords.Contains(folded))
        {
            HandleDraft(ctx, s, "f:dd");
            return;
        }
        var named = folded.Length == 0 ? null
            : intents.ParseIntent(ctx.Catalogue, input) is { Length: > 0 } intent ? ctx.Catalogue.Activity(intent)
            : ctx.Catalogue.FindActivity(input) ?? ctx.Catalogue.FindActivityIn(folded);
        if (named is not null && named.Id == s.FormId)
        {
            // The unfinished form's own activity ("hội chợ" with a fair form open): read as going on with it, never as throwing it
            // away (an outside tester lost a draft so); "mới" or the button still starts afresh.
            HandleDraft(ctx, s, "f:dc");
            return;
        }
        if (named is not null && forms.Get(named.Id) is not null)
        {
            s.Set("next", "a:" + named.Id);
            if (forms.Get(s.FormId) is { } open && s.Applicable(open).Count(i => s.HasAnswer(open.Fields[i].Id)) is var answered and > KeptWithoutAsking)
            {
                // An impatient repeat of "ghi hội chợ" would throw away a long draft with no undo (an outside tester lost 7 answers so):
                // said what would be lost; the button, its number or "bỏ"/"mới" discards.
                prompter.Prompt(ctx, s, ctx.Text("form.start.confirm_discard", ("answered", answered), ("new", FormText.Title(ctx, forms.Get(named.Id)!))));
                return;
            }
            HandleDraft(ctx, s, "f:dd");
            return;
        }
        prompter.Prompt(ctx, s, ctx.Text("form.start.continue_new_or_stop"));
    }

    /// <summary>The unfinished form goes on where it was (from the draft question, or at once), with a line before its question.</summary>
    private void Continue(BotContext ctx, FormSession s, string line)
    {
        if (s.Phase == FormPhase.Draft)
        {
            s.Set(FormDrafts.RestoredKey, null);
            s.Phase = FormPhases.Parse(s.Get("prevphase"));
            s.Set("prevphase", null);
            s.Set("next", null);
        }
        // The officer's province changed while the draft waited (or at this very question): said in one line, and the
        // province's questions asked again before anything else, as mid-form.
        if (forms.Get(s.FormId) is { } form && FormScopeChange.Changed(ctx, s, form, navigator))
        {
            return;
        }
        prompter.Prompt(ctx, s, line);
    }

    /// <summary>"thôi" at the draft question: the new form is not opened, the unfinished one stays as it was.</summary>
    internal void KeepDraft(BotContext ctx, FormSession s)
    {
        s.Phase = FormPhases.Parse(s.Get("prevphase"));
        s.Set("prevphase", null);
        s.Set("next", null);
        var form = forms.Get(s.FormId);
        prompter.Prompt(ctx, s, form is null
            ? ctx.Text("form.start.kept_draft")
            : ctx.Text("form.start.kept_draft_titled", ("title", FormText.Title(ctx, form))));
    }
}
