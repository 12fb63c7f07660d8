using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The record form as a dialog table (<see cref="Dialog"/>, a <see cref="Dialog{TStep}"/> of <see cref="FormPhase"/>): one row per
/// phase names its prompt (<see cref="FormPrompter"/>) and the class that reads its answers — the picker and the draft question
/// (<see cref="FormStarter"/>), a question (<see cref="FieldAnswers"/>, which hands photos and the facility to <see cref="EvidenceAnswers"/>
/// and <see cref="FacilityAnswers"/>), the facility's own steps (<see cref="FacilityAnswers"/>), the summary (<see cref="FormSummary"/>).
/// What applies at every phase is the table's ordered list of rules (<see cref="FormRunner.Rules"/> in FormRunner.Rules.cs); leaving and
/// the buttons of receipts and /cuatoi, which work with or without a form (<see cref="MyRecords"/>), are in FormRunner.Leaving.cs.
/// </summary>
/// <remarks>The saved form is unchanged by the table: its phase is kept under its historic name ("ask", "nf_dup"…) by
/// <see cref="FormSession.Phase"/>, its field index in <see cref="ConversationState.Step"/>, so a form saved by an earlier version resumes.</remarks>
public sealed partial class FormRunner(FormCatalogue forms, FormPrompter prompter, FormNavigator navigator, FormIntents intents, FormStarter starter,
    FieldAnswers answers, EvidenceAnswers evidence, FacilityAnswers facilities, FormSummary summary, MyRecords records, FormCorrections corrections)
{
    public const string FlowName = "form";

    private Dialog<FormPhase>? _dialog;

    /// <summary>The "form" flow: the table of the form's phases.</summary>
    public Dialog<FormPhase> Dialog => _dialog ??= Table();

    private Dialog<FormPhase> Table() => new(FlowName,
    [
        new(FormPhase.Pick, Prompt, Pick) { Kind = DialogKind.ListChoice },
        new(FormPhase.Draft, Prompt, Draft) { Kind = DialogKind.Form },
        new(FormPhase.Ask, Prompt, Question) { Kind = DialogKind.Form },
        new(FormPhase.Facility, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityDuplicate, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityCommune, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityCommunePick, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityCommuneConfirm, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityLegal, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityTaxId, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityPriority, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityVillage, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.NewFacilityPhone, Prompt, FacilityStep) { Kind = DialogKind.Form },
        new(FormPhase.Summary, Prompt, Summary) { Kind = DialogKind.Form },
        new(FormPhase.EditPick, Prompt, Summary) { Kind = DialogKind.Form },
    ])
    {
        // The phase is kept by name in the data (FormSession), the field index in ConversationState.Step.
        ReadStep = state => new FormSession(state).Phase,
        WriteStep = (state, phase) => new FormSession(state).Phase = phase,
        // The steps read a typed number themselves: "2" is a choice's number at a question, the item to change at the summary.
        MatchesTypedChoices = false,
        Rules = Rules(),
        Description = Describe,
        Resume = c => c.Text("form.runner.resume_hint"),
        Leaving = Leave,
    };

    /// <summary>Every phase's prompt: the current question (or picker, draft question, facility step, summary) as
    /// <see cref="FormPrompter.Prompt"/> shows it, replacing the message whose button was pressed where the channel can.</summary>
    private Reply Prompt(BotContext ctx)
    {
        var (text, choices) = prompter.Render(ctx, new FormSession(ctx.State));
        return new Reply { Text = text, Choices = choices, EditsPrevious = ctx.Message.ButtonData is not null && ctx.HasButtons };
    }

    /// <summary>The activity picked at the /ghi list.</summary>
    private DialogMove<FormPhase> Pick(DialogTurn turn)
    {
        starter.HandlePick(turn.Context, new FormSession(turn.State), turn.Input, turn.IsButton);
        return DialogMove.Handled;
    }

    /// <summary>"Continue the unfinished form or start a new one?"</summary>
    private DialogMove<FormPhase> Draft(DialogTurn turn)
    {
        starter.HandleDraft(turn.Context, new FormSession(turn.State), turn.Input);
        return DialogMove.Handled;
    }

    /// <summary>The answer to the question at the field index.</summary>
    private DialogMove<FormPhase> Question(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        var answer = FormAnswer.Read(s, turn.Input, turn.IsButton);
        s.Phase = FormPhase.Ask;
        answers.Handle(turn.Context, s, FormOf(s), answer.Verb, answer.Arg, turn.Input, turn.IsButton);
        return DialogMove.Handled;
    }

    /// <summary>The facility question's own steps: its matches, a new facility's commune, legal form, tax id, priority group,
    /// village and phone.</summary>
    private DialogMove<FormPhase> FacilityStep(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        var form = FormOf(s);
        var answer = FormAnswer.Read(s, turn.Input, turn.IsButton);
        if (!facilities.HandlePhase(turn.Context, s, form, answer.Verb, answer.Arg, turn.Input))
        {
            // "bỏ qua" while picking among the matches: the facility question itself is skipped if it is optional, or said to be required.
            answers.Handle(turn.Context, s, form, answer.Verb, answer.Arg, turn.Input, turn.IsButton);
        }
        return DialogMove.Handled;
    }

    /// <summary>The summary ("lưu", a number to change, "sửa") and the list of answers to change.</summary>
    private DialogMove<FormPhase> Summary(DialogTurn turn)
    {
        var s = new FormSession(turn.State);
        var answer = FormAnswer.Read(s, turn.Input, turn.IsButton);
        summary.Handle(turn.Context, s, FormOf(s), answer.Verb, answer.Arg, turn.IsButton, FormAnswer.Fold(turn.Input, turn.IsButton));
        return DialogMove.Handled;
    }

    /// <summary>The open form's definition; the rule "form-gone" has ended a form whose definition is gone before any step reads it.</summary>
    private FormDefinition FormOf(FormSession s) =>
        forms.Get(s.FormId) ?? throw new InvalidOperationException($"The form {s.FormId} is not in the catalogue.");

    /// <summary>"phiếu Hội chợ, triển lãm (đã trả lời 3/8 câu)", or the picker's line.</summary>
    private string Describe(BotContext context)
    {
        var s = new FormSession(context.State);
        return s.Phase == FormPhase.Pick ? context.Text("form.runner.describe_pick") : prompter.Describe(context, s);
    }
}
