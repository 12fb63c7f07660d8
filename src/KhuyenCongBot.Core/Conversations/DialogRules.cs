using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// The rules every dialog obeys, applied by the engine around whichever flow is open, so no module has to remember them:
/// <list type="number">
/// <item>an idle list choice ends by itself after <c>Bot:DialogIdleMinutes</c> (forms keep their drafts);</item>
/// <item>a command always works: a pending list choice is left first with one line saying so; a form waits;</item>
/// <item>a message that is clearly another intent (a figures question, "ghi hội chợ") is answered: a list choice is left with one
/// line saying so, a form waits and says how to continue — a form never takes a question as an answer;</item>
/// <item>choices offered by something answered aside of a form ("Tải Excel") go to their module, not to the form.</item>
/// </list>
/// Typed answers to the choices shown are read by <see cref="ChoiceMatcher"/>.
/// </summary>
public sealed class DialogRules(
    TimeSpan idleAfter,
    IReadOnlyDictionary<string, IConversationFlow> flows,
    IReadOnlyDictionary<string, IBotModule> owners,
    IReadOnlyList<IBotModule> modules)
{
    /// <summary>ConversationState.Data key set while the choices last shown belong to something answered aside of the open dialog.</summary>
    public const string AsideKey = "~aside";

    /// <summary>The open flow, or null.</summary>
    public IConversationFlow? Open(ConversationState state) =>
        state.Flow is { } name && flows.TryGetValue(name, out var flow) ? flow : null;

    /// <summary>Rule 1: ends an idle list choice. True when the message was a pick from that expired list (then it is answered here).</summary>
    public bool EndIfIdle(BotContext context, bool picksFromList)
    {
        var state = context.State;
        if (Open(state) is not { } flow || flow.KindAt(state) != DialogKind.ListChoice || state.UpdatedAt == default
            || context.Now - state.UpdatedAt < idleAfter)
        {
            return false;
        }
        var what = flow.Describe(context);
        state.Clear();
        if (!picksFromList)
        {
            return false;
        }
        var minutes = context.Numbers.Number((long)idleAfter.TotalMinutes);
        context.Say(context.Text("dialog.list_closed_after_idle", ("what", what), ("minutes", minutes)));
        return true;
    }

    /// <summary>Rule 2, before a command runs: a pending list choice is left with one line.</summary>
    public void BeforeCommand(BotContext context, BotCommand command)
    {
        var state = context.State;
        if (command.Name == "cancel" || Open(state) is not { } flow || flow.KindAt(state) != DialogKind.ListChoice)
        {
            return;
        }
        Leave(context, flow);
    }

    /// <summary>Rule 2, after the command: a form it did not touch waits, and says how to come back.</summary>
    public void AfterCommand(BotContext context, BotCommand command, IBotModule? module, string? flowBefore, ConversationState? before = null)
    {
        var state = context.State;
        if (KeepsFormUnder(context, before))
        {
            return;
        }
        if (command.Name == "cancel" || flowBefore is null || state.Flow != flowBefore || Open(state) is not { } flow
            || (module is not null && owners.GetValueOrDefault(flowBefore) == module))
        {
            return;
        }
        Waits(context, flow);
    }

    /// <summary>Another dialog opened over a form (/nguoidung, /thongbao, a project's step picked from /cuatoi): the form's answers
    /// <paramref name="before"/> stay as a draft for the next /ghi or "tiếp", said in one line. True when so.</summary>
    public static bool KeepsFormUnder(BotContext context, ConversationState? before)
    {
        var state = context.State;
        if (before?.Flow != Forms.FormRunner.FlowName || state.Flow is null || state.Flow == before.Flow
            || !Forms.FormDrafts.KeepFrom(before, state))
        {
            return false;
        }
        context.Say(context.Text("dialog.form_kept_as_draft"));
        return true;
    }

    /// <summary>Rule 2 as words: "hủy", "huỷ bỏ", "thôi", "dừng lại", "thoát", "cancel" typed alone (<see cref="LeavingWords"/>) leave
    /// the dialog (a form reads them itself, and keeps its answers as a draft).</summary>
    public static bool IsCancelWord(IConversationFlow flow, string text) =>
        flow.Name != Forms.FormRunner.FlowName && LeavingWords.Are(text);

    /// <summary>Rule 3: true when <paramref name="text"/>, typed while a dialog is open, is clearly for another module.</summary>
    public bool IsOtherIntent(BotContext context, IConversationFlow flow, string text)
    {
        if (flow.TakesAnyText(context.State) || text.StartsWith('/'))
        {
            return false;
        }
        var owner = owners.GetValueOrDefault(flow.Name);
        return modules.Any(m => m != owner && m.IsClearIntent(context, text));
    }

    /// <summary>Rule 3: answers <paramref name="text"/> with <paramref name="answer"/> (the engine's idle path), leaving a list choice or
    /// keeping a form waiting whatever the answering module did to the state.</summary>
    public async Task AnswerAsideAsync(BotContext context, IConversationFlow flow, Func<Task> answer)
    {
        var state = context.State;
        if (flow.KindAt(state) == DialogKind.ListChoice)
        {
            Leave(context, flow);
            await answer().ConfigureAwait(false);
            return;
        }
        var kept = state.Clone();
        state.Flow = null;
        await answer().ConfigureAwait(false);
        // The dialog comes back as it was; what the answer added (the last question, for its buttons) is kept beside it.
        var data = new Dictionary<string, string>(kept.Data);
        foreach (var (key, value) in state.Data)
        {
            if (!kept.Data.ContainsKey(key))
            {
                data[key] = value;
            }
        }
        state.Data = data;
        state.Flow = kept.Flow;
        state.Step = kept.Step;
        Waits(context, flow);
    }

    /// <summary>Rule 4: true when <paramref name="data"/> (a button, or a typed pick mapped to one) is one of the choices shown aside
    /// of the open dialog, so it goes to the modules rather than to the dialog.</summary>
    public static bool IsAside(ConversationState state, string data) =>
        state.Data.ContainsKey(AsideKey) && state.LastChoices.Any(c => c.Data == data);

    /// <summary>A list number ("12") the list shown aside does not have, typed after the bot said a number picks from that list: not
    /// taken silently as the paused question's answer ("Số gian hàng: 12"); said not to be in the list, with how to reach the question,
    /// and the list stays the one a number picks from. True when so.</summary>
    public static bool NumberNotInAsideList(BotContext context, IConversationFlow flow, string text)
    {
        var state = context.State;
        var count = state.LastChoices.Count(c => c.Numbered);
        if (!state.Data.ContainsKey(AsideKey) || count == 0)
        {
            return false;
        }
        context.ShownAside = true;
        context.Ask(context.Text("hforms.aside.number_not_in_list", ("text", text.TrimEnd('.', ')')), ("count", count),
            ("describe", flow.Describe(context))), [.. state.LastChoices]);
        return true;
    }

    /// <summary>After the message: remembers whether the choices just shown belong to the dialog or to something answered aside.</summary>
    public static void NoteChoices(BotContext context, bool shownAside)
    {
        var state = context.State;
        if (state.Flow is null)
        {
            return;
        }
        if (shownAside && state.LastChoices.Count > 0)
        {
            state.Data[AsideKey] = "1";
        }
        else if (!shownAside && context.Replies.Any(r => r.Choices.Count > 0))
        {
            state.Data.Remove(AsideKey);
        }
    }

    /// <summary>After a pick from a list shown aside was answered: a list it showed is the one a number picks from next, and the
    /// dialog says it waits; an answer without a list asks the dialog's question again, so the next number is its answer.</summary>
    public void AfterAsidePick(BotContext context, IConversationFlow flow)
    {
        if (!context.Replies.Any(r => r.Choices.Count > 0) && flow.CurrentPrompt(context) is { } question)
        {
            context.ShownAside = false;
            context.Say(question with { EditsPrevious = false });
            return;
        }
        Waits(context, flow);
    }

    /// <summary>"tiếp" typed in a dialog other than a form (a form reads it itself), at a step that does not take any text: its
    /// question again, with its own choices, after something else was answered meanwhile. True when it was shown.</summary>
    public bool ShowsPromptAgain(BotContext context, IConversationFlow flow, string text)
    {
        if (flow.Name == Forms.FormRunner.FlowName || flow.TakesAnyText(context.State)
            || !Forms.FormIntents.ResumeWords.Contains(VnText.FoldWords(text)) || flow.CurrentPrompt(context) is not { } question)
        {
            return false;
        }
        context.Say(question with { EditsPrevious = false });
        return true;
    }

    private static void Leave(BotContext context, IConversationFlow flow)
    {
        var what = flow.Describe(context);
        context.State.Clear();
        context.Say(context.Text("dialog.closed_pending_list", ("what", what)));
    }

    private static void Waits(BotContext context, IConversationFlow flow)
    {
        context.ShownAside = true;
        if (context.Replies.Any(r => r.Choices.Count > 0))
        {
            // A list was shown aside: a number typed next picks from it (the list seen last), and "tiếp" brings the question back.
            var hint = flow.Name == Forms.FormRunner.FlowName || flow.TakesAnyText(context.State)
                ? flow.ResumeHint(context)
                : context.Text("dialog.resume_word_hint");
            context.Say(context.Text("dialog.waiting_after_list", ("describe", flow.Describe(context)), ("resume_hint", hint)));
            return;
        }
        context.Say(context.Text("dialog.waiting_aside", ("describe", flow.Describe(context)), ("resume_hint", flow.ResumeHint(context))));
    }
}
