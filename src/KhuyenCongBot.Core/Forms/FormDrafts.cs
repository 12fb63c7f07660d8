using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A form left before it was saved ("thôi", "không ghi nữa", "dừng lại", /huy) keeps its answers as a draft beside the conversation
/// (<see cref="ConversationState.KeptPrefix"/> keys, which outlive <see cref="ConversationState.Clear"/>): nothing typed is lost, and
/// the person is free. The next /ghi (or "ghi hội chợ") asks first whether to continue it or start anew.
/// </summary>
public static class FormDrafts
{
    private const string StepKey = ConversationState.KeptPrefix + "~step";

    /// <summary>Set on a draft brought back for the continue-or-new question, so "thôi" there puts it back aside.</summary>
    internal const string RestoredKey = "fromkept";

    /// <summary>Whether a left form's answers are kept.</summary>
    public static bool HasKept(ConversationState state) => state.Data.ContainsKey(StepKey);

    /// <summary>The answers the person gave themselves (not the province an officer's single province fills in).</summary>
    internal static int Answered(BotContext ctx, FormSession s, FormDefinition form)
    {
        var auto = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User) is [_] ? form.Bound("province")?.Id : null;
        return s.Applicable(form).Count(i => form.Fields[i].Id != auto && s.HasAnswer(form.Fields[i].Id));
    }

    /// <summary>Ends the open form, keeping its data aside (the previous kept draft, if any, is replaced).</summary>
    internal static void Keep(FormSession s)
    {
        var state = s.State;
        Drop(state);
        var kept = state.Data.Where(e => !e.Key.StartsWith('~') && e.Key != RestoredKey).ToList();
        var step = s.Step;
        state.Clear();
        foreach (var (key, value) in kept)
        {
            state.Data[ConversationState.KeptPrefix + key] = value;
        }
        state.Data[StepKey] = step.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Keeps the form <paramref name="before"/> held (saved, a new form unstarted) as the draft of <paramref name="state"/>, which
    /// another dialog now holds; false when there was nothing of the person's own to keep.</summary>
    public static bool KeepFrom(ConversationState before, ConversationState state)
    {
        var s = new FormSession(before.Clone());
        if (s.EditId is not null || s.Phase is FormPhase.Pick or FormPhase.Draft
            || !s.State.Data.Keys.Any(k => k.StartsWith("a:", StringComparison.Ordinal)))
        {
            return false;
        }
        var kept = new FormSession(s.State.Clone());
        Keep(kept);
        Drop(state);
        foreach (var (key, value) in kept.State.Data)
        {
            state.Data[key] = value;
        }
        return true;
    }

    /// <summary>Opens the kept draft as the form flow (at the phase it was left), forgetting what else the conversation held.</summary>
    internal static void Restore(ConversationState state)
    {
        var kept = state.Data.Where(e => e.Key.StartsWith(ConversationState.KeptPrefix, StringComparison.Ordinal) && e.Key != StepKey)
            .Select(e => (Key: e.Key[ConversationState.KeptPrefix.Length..], e.Value)).ToList();
        var step = int.TryParse(state.Data.GetValueOrDefault(StepKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        Drop(state);
        state.Clear();
        foreach (var (key, value) in kept)
        {
            state.Data[key] = value;
        }
        state.Flow = FormRunner.FlowName;
        state.Step = step;
    }

    /// <summary>Forgets the kept draft.</summary>
    internal static void Drop(ConversationState state)
    {
        foreach (var key in state.Data.Keys.Where(k => k.StartsWith(ConversationState.KeptPrefix, StringComparison.Ordinal)).ToList())
        {
            state.Data.Remove(key);
        }
    }
}
