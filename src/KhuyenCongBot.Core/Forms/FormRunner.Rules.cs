using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The rules of the form's table: what applies at every phase, before the phase's own handler.</summary>
public sealed partial class FormRunner
{
    /// <summary>
    /// In this order, the first that answers decides: a reply resets the draft reminder; the buttons of receipts and /cuatoi work as
    /// anywhere; leaving words and "✖ Hủy" leave (keeping a draft); "tiếp" shows the question again; then, once an activity is
    /// picked: a form no longer in the catalogue is dropped, a field index outside the form moves on; and at a question, the facility's
    /// steps and the summary: a photo or location is evidence, a correction naming a field changes it, an activity named at a question
    /// opens its form, and a button of an earlier question says so. "quay lại" and "bỏ qua" are read with every answer (<see cref="FormAnswer"/>).
    /// </summary>
    private IReadOnlyList<DialogRule<FormPhase>> Rules() =>
    [
        new("reminder", ResetReminder),
        new("receipt-buttons", ReceiptButton),
        new("leave", LeaveWords),
        new("resume", ResumeWord) { AppliesAt = phase => phase != FormPhase.Draft },
        new("form-gone", FormGone) { AppliesAt = Opened },
        new("field-index", FieldIndex) { AppliesAt = Opened },
        new("scope-changed", ScopeChanged) { AppliesAt = Answering },
        new("evidence", Evidence) { AppliesAt = Answering },
        new("correction", Correction) { AppliesAt = Answering },
        new("activity-intent", ActivityIntent) { AppliesAt = phase => phase == FormPhase.Ask },
        new("stale-button", StaleButton) { AppliesAt = Answering },
    ];

    /// <summary>A form is open (an activity was picked).</summary>
    private static bool Opened(FormPhase phase) => phase != FormPhase.Pick;

    /// <summary>The form's answers are being given: a question, the facility's steps, the summary.</summary>
    private static bool Answering(FormPhase phase) => phase is not (FormPhase.Pick or FormPhase.Draft);

    /// <summary>Any message to the form puts off the reminder of an unfinished draft; it answers nothing.</summary>
    private static DialogMove<FormPhase>? ResetReminder(DialogTurn turn)
    {
        turn.State.RemindedAt = null;
        return null;
    }

    /// <summary>A receipt's or /cuatoi's button (log again, correct, delete, restore) works during a form as anywhere.</summary>
    private DialogMove<FormPhase>? ReceiptButton(DialogTurn turn)
    {
        if (!turn.IsButton || !IsGlobal(turn.Input))
        {
            return null;
        }
        HandleGlobal(turn.Context, turn.Input);
        return DialogMove.Handled;
    }

    /// <summary>"✖ Hủy", or a leaving phrase ("thôi", "không ghi nữa"): the form is left, its answers kept as a draft (<see cref="Leave"/>).</summary>
    private DialogMove<FormPhase>? LeaveWords(DialogTurn turn)
    {
        if (turn.Input != "f:cancel" && (turn.IsButton || !LeavingWords.Are(turn.Input)))
        {
            return null;
        }
        Leave(turn.Context);
        return DialogMove.Handled;
    }

    /// <summary>"tiếp" after something else was answered: the current question again (at the draft question, it answers it).</summary>
    private static DialogMove<FormPhase>? ResumeWord(DialogTurn turn) =>
        !turn.IsButton && FormIntents.ResumeWords.Contains(FormAnswer.Fold(turn.Input, false)) ? DialogMove.Stay() : null;

    /// <summary>A form whose definition was removed since it was begun is dropped with one line.</summary>
    private DialogMove<FormPhase>? FormGone(DialogTurn turn) =>
        forms.Get(new FormSession(turn.State).FormId) is null ? DialogMove.End(turn.Text("form.runner.form_gone")) : null;

    /// <summary>A form saved with an earlier list of fields is realigned (<see cref="FormSession.Realign"/>); a field index outside
    /// the form moves on to the first question not answered.</summary>
    private DialogMove<FormPhase>? FieldIndex(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        var form = FormOf(s);
        s.Realign(form);
        if (s.Step >= 0 && s.Step < form.Fields.Count)
        {
            return null;
        }
        navigator.Advance(turn.Context, s, form, -1, null);
        return DialogMove.Handled;
    }

    /// <summary>The officer's province changed while the form was open: said, and the province's questions asked again (<see cref="FormScopeChange"/>).</summary>
    private DialogMove<FormPhase>? ScopeChanged(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        return FormScopeChange.Changed(turn.Context, s, FormOf(s), navigator) ? DialogMove.Handled : null;
    }

    /// <summary>A photo or a location sent is evidence for the photo or location question (<see cref="EvidenceAnswers"/>).</summary>
    private async Task<DialogMove<FormPhase>?> Evidence(DialogTurn turn)
    {
        if (turn.IsButton || (turn.Context.Message.Photo is null && turn.Context.Message.Location is null))
        {
            return null;
        }
        var s = new FormSession(turn.State);
        await evidence.HandleMediaAsync(turn.Context, s, FormOf(s), turn.CancellationToken).ConfigureAwait(false);
        return DialogMove.Handled;
    }

    /// <summary>"nhầm, số gian hàng là 3": a correction naming a field changes that answer, wherever the form is (<see cref="FormCorrections"/>).</summary>
    private DialogMove<FormPhase>? Correction(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        return !turn.IsButton && corrections.TryHandle(turn.Context, s, FormOf(s), turn.Input) ? DialogMove.Handled : null;
    }

    /// <summary>"ghi máy móc" is a request to log, not an answer; where any text may answer (a name), only when it names an activity exactly.</summary>
    private DialogMove<FormPhase>? ActivityIntent(DialogTurn turn)
    {
        if (turn.IsButton)
        {
            return null;
        }
        var s = new FormSession(turn.State);
        var ctx = turn.Context;
        var intent = FormOf(s).Fields[s.Step].Kind is not (FieldType.Text or FieldType.Commune or FieldType.Facility)
            ? intents.ParseIntent(ctx.Catalogue, turn.Input)
            : intents.ExactIntent(ctx.Catalogue, FormAnswer.Fold(turn.Input, false));
        if (intent is null)
        {
            return null;
        }
        starter.Start(ctx, intent.Length == 0 ? "pick" : "a:" + intent);
        return DialogMove.Handled;
    }

    /// <summary>A button of a question answered earlier (or of a question, at the summary): said so, and the current question again.</summary>
    private static DialogMove<FormPhase>? StaleButton(DialogTurn turn)
    {
        if (!FormAnswer.Read(new FormSession(turn.State), turn.Input, turn.IsButton).Stale)
        {
            return null;
        }
        turn.Context.Say(turn.Text("form.runner.stale_button"));
        return DialogMove.Stay();
    }
}
