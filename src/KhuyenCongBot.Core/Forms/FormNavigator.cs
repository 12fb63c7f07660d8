using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Moves through a form: to the next question that needs an answer (or the summary, once every check holds), back, or
/// to another step; and refuses an answer, with an example after three misses.</summary>
public sealed class FormNavigator(FormPrompter prompter, IEnumerable<IFormCrossCheck> checks)
{
    /// <summary>Moves to the next field that still needs an answer, or to the summary.</summary>
    internal void Advance(BotContext ctx, FormSession s, FormDefinition form, int from, string? echo)
    {
        s.Misses = 0;
        FormProjects.Refresh(ctx, s, form);
        var next = s.NextMissing(form, from);
        if (next < 0 && checks.Any(c => c.Asks(ctx, s, form, echo)))
        {
            return;
        }
        if (next < 0)
        {
            s.Phase = FormPhase.Summary;
            prompter.Prompt(ctx, s, echo);
            return;
        }
        s.Step = next;
        s.Phase = FormPhase.Ask;
        prompter.Prompt(ctx, s, echo);
    }

    internal void GoBack(BotContext ctx, FormSession s, FormDefinition form)
    {
        s.Misses = 0;
        var previous = s.Previous(form, s.Step);
        if (previous < 0)
        {
            if (s.EditId is not null)
            {
                s.Phase = FormPhase.Summary;
                prompter.Prompt(ctx, s);
                return;
            }
            prompter.Prompt(ctx, s, ctx.Text("form.navigator.already_first"));
            return;
        }
        s.Step = previous;
        s.Phase = FormPhase.Ask;
        prompter.Prompt(ctx, s);
    }

    /// <summary>Moves to another phase of the same question (a new facility's next step), with a line before it.</summary>
    internal void MoveTo(BotContext ctx, FormSession s, FormPhase phase, string? echo = null)
    {
        s.Phase = phase;
        s.Misses = 0;
        prompter.Prompt(ctx, s, echo);
    }

    internal void Refuse(BotContext ctx, FormSession s, FormDefinition form, string error)
    {
        s.Misses++;
        var text = "⚠ " + error;
        var example = s.Misses >= 3 ? StepExample(ctx, s) ?? (s.Phase is FormPhase.Ask or FormPhase.Facility ? FieldReader.Example(form.Fields[s.Step], ctx.Today, ctx.Texts, ctx.English) : null) : null;
        if (example is not null)
        {
            text += "\n" + ctx.Text("form.navigator.example_intro")
                + example
                + ctx.Text("form.navigator.example_outro");
        }
        else if (s.Misses >= 3)
        {
            // No real answer of this question to show (its own wording is no example): only how to go on.
            text += "\n" + ctx.Text("form.fix.hint_no_example");
        }
        prompter.Prompt(ctx, s, text, edits: false);
    }

    /// <summary>The example for a new facility's own questions (its commune, type, number...), not the facility field's.</summary>
    private static string? StepExample(BotContext ctx, FormSession s) => s.Phase switch
    {
        FormPhase.NewFacilityCommune => ctx.Text("forms.example.new_facility_commune"),
        FormPhase.NewFacilityCommunePick or FormPhase.NewFacilityCommuneConfirm => null,
        FormPhase.NewFacilityLegal => ctx.Text("form.navigator.example_legal_form"),
        FormPhase.NewFacilityTaxId => "0101234565",
        FormPhase.NewFacilityPriority => ctx.Text("form.navigator.example_priority_group"),
        FormPhase.NewFacilityVillage => ctx.Text("forms.example.village"),
        FormPhase.NewFacilityPhone => "0912345678",
        _ => null,
    };
}
