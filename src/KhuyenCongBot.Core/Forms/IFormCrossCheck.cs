using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A check between the answers of a form, run every time the form has all its answers, before the summary is shown (an answer
/// edited at the summary may break it). Checks are registered in <see cref="FormsServiceCollectionExtensions.AddKhuyenCongForms"/>
/// and run in that order; the first that asks something stops the others until it is answered.
/// </summary>
public interface IFormCrossCheck
{
    /// <summary>True when it asked a question: the form's step and phase then point at the answer it is about.
    /// <paramref name="echo"/> is the line (the answer just taken) to say before the question.</summary>
    bool Asks(BotContext ctx, FormSession s, FormDefinition form, string? echo);
}

/// <summary>The amounts: the KCQG part within the funding, and each amount plausible (<see cref="AmountPlausibility"/>).</summary>
public sealed class AmountCrossCheck(AmountPlausibility plausibility, FormPrompter prompter) : IFormCrossCheck
{
    /// <summary>The investment lowered under the support, the support under its KCQG part: asked again, field by field in order.</summary>
    public bool Asks(BotContext ctx, FormSession s, FormDefinition form, string? echo)
    {
        var step = s.Step;
        foreach (var i in s.Applicable(form))
        {
            var field = form.Fields[i];
            if (field.Kind != FieldType.Money || s.Answer(field.Id) is not { Length: > 0 } value)
            {
                continue;
            }
            s.Step = i;
            if (field.Bind == "funding_kcqg" && AmountPlausibility.CheckSplit(ctx, s, form, field, FieldResult.Accept(value)) is { Ok: false } split)
            {
                s.ClearAnswer(field.Id);
                s.Phase = FormPhase.Ask;
                s.Misses = 0;
                prompter.Prompt(ctx, s, (echo is null ? "" : echo + "\n") + "⚠ " + split.Error);
                return true;
            }
            if (plausibility.AskIfImplausible(ctx, s, form, field, value, echo))
            {
                s.Phase = FormPhase.Ask;
                return true;
            }
        }
        s.Step = step;
        return false;
    }
}
