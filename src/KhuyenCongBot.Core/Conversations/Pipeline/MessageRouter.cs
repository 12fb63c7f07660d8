using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>
/// Routes one message: a button, a typed pick, a command, the open dialog (under the <see cref="DialogRules"/>) or free text
/// for the modules. Knows the modules' commands and dialogs.
/// </summary>
public sealed class MessageRouter
{
    private readonly IReadOnlyList<IBotModule> _modules;
    private readonly Dictionary<string, BotCommand> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IConversationFlow> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IBotModule> _flowOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<BotCommand, IBotModule> _commandModules = [];
    private readonly DialogRules _rules;

    public MessageRouter(IEnumerable<IBotModule> modules, IOptions<BotOptions> options)
    {
        _modules = modules.ToList();
        foreach (var module in _modules)
        {
            foreach (var command in module.Commands)
            {
                foreach (var name in command.Aliases.Prepend(command.Name))
                {
                    _commands[name] = command;
                }
                _commandModules[command] = module;
            }
            foreach (var flow in module.Flows)
            {
                _flows[flow.Name] = flow;
                _flowOwners[flow.Name] = module;
            }
        }
        _rules = new DialogRules(TimeSpan.FromMinutes(options.Value.DialogIdleMinutes), _flows, _flowOwners, _modules);
    }

    /// <summary>All commands, in module order, for /help and the channel menus.</summary>
    public IEnumerable<BotCommand> Commands => _modules.SelectMany(m => m.Commands);

    public IReadOnlyList<IBotModule> Modules => _modules;

    public async Task DispatchAsync(BotContext context, CancellationToken ct)
    {
        var message = context.Message;
        var state = context.State;

        if (message.ButtonData is { } data)
        {
            _rules.EndIfIdle(context, picksFromList: false);
            await DispatchButtonAsync(context, data, ct).ConfigureAwait(false);
            return;
        }

        var raw = message.Text ?? "";
        var text = CleanInputStep.Sanitize(raw).Trim();
        if (text.Length == 0)
        {
            if ((message.Document ?? message.Photo) is not null || message.Location is not null)
            {
                if (state.Flow is { } mediaFlow && _flows.TryGetValue(mediaFlow, out var takes))
                {
                    // A document, photo or location without caption is an answer to the active flow (a broadcast's attachment, a form's evidence).
                    await takes.ContinueAsync(context, "", false, ct).ConfigureAwait(false);
                    return;
                }
            }
            if (message.Document is null && (message.Photo is not null || message.Location is not null))
            {
                context.Say(context.Text("router.photo_outside_form"));
                RepeatPrompt(context);
                return;
            }
            if (message.Document is not null && state.Flow is { } docFlow && _flows.TryGetValue(docFlow, out var awaiting))
            {
                // A document without caption is an answer to the active flow (e.g. the broadcast composer's attachment).
                await awaiting.ContinueAsync(context, "", false, ct).ConfigureAwait(false);
                return;
            }
            if (message.Document is not null)
            {
                foreach (var module in _modules.OrderBy(m => m.TextPriority))
                {
                    if (await module.TryHandleTextAsync(context, "", ct).ConfigureAwait(false))
                    {
                        return;
                    }
                }
            }
            if (_rules.Open(state) is { } open && open.CurrentPrompt(context) is { } question)
            {
                // An empty message in a dialog: its current question again, not the last reply (which may hold an earlier error).
                context.Say(question with { EditsPrevious = false });
                return;
            }
            context.Say(context.Text("router.empty_message"));
            RepeatPrompt(context);
            return;
        }
        if (text.Length > BotEngine.MaxTextLength)
        {
            context.Say(context.Text("router.too_long", ("length", text.Length), ("max", BotEngine.MaxTextLength)));
            RepeatPrompt(context);
            return;
        }

        // A typed number or label answers the choices last offered (in a group, only choices offered in that group).
        var mapped = message.IsGroupChat && !LoadStateStep.InChatOf(state, message) ? null : MapToChoice(state, text);
        if (_rules.EndIfIdle(context, picksFromList: mapped is not null && !text.StartsWith('/')))
        {
            return;
        }

        if (mapped is null && text.StartsWith('/'))
        {
            await DispatchCommandAsync(context, text, ct).ConfigureAwait(false);
            return;
        }

        if (_rules.Open(state) is { } flow)
        {
            if (mapped is not null && DialogRules.IsAside(state, mapped))
            {
                await PickAsideAsync(context, flow, mapped, ct).ConfigureAwait(false);
                return;
            }
            if (mapped is null && _rules.ShowsPromptAgain(context, flow, text))
            {
                return;
            }
            if (mapped is null && DialogRules.IsCancelWord(flow, text))
            {
                // "hủy", "thôi" typed alone leave any dialog like /huy (forms read these words themselves and keep the draft).
                await DispatchCommandAsync(context, "/huy", ct).ConfigureAwait(false);
                return;
            }
            if (mapped is null && _rules.IsOtherIntent(context, flow, text))
            {
                await _rules.AnswerAsideAsync(context, flow, () => HandleIdleTextAsync(context, text, ct)).ConfigureAwait(false);
                return;
            }
            if (mapped is null && IsBareNumber(text) && DialogRules.NumberNotInAsideList(context, flow, text))
            {
                return;
            }
            await flow.ContinueAsync(context, mapped ?? text, mapped is not null, ct).ConfigureAwait(false);
            return;
        }
        if (state.Flow is not null)
        {
            state.Clear();
        }

        if (mapped is not null)
        {
            await DispatchButtonAsync(context, mapped, ct).ConfigureAwait(false);
            return;
        }
        if (IsListNumber(text) && state.LastChoices.Count > 0 && (!message.IsGroupChat || LoadStateStep.InChatOf(state, message)))
        {
            // "6" under a list of two: the list is still open, the number is not in it.
            context.Ask(context.Text("router.number_out_of_range", ("text", text), ("count", state.LastChoices.Count)), [.. state.LastChoices]);
            return;
        }
        if (IsListNumber(text))
        {
            // "2" with no list open: the list it was meant for has closed (done, left, idle, or another list replaced it).
            context.Say(context.Text("router.number_without_list", ("text", text)));
            return;
        }
        if (LeavingWords.Are(text))
        {
            if ((!message.IsGroupChat || LoadStateStep.InChatOf(state, message)) && MapToChoice(state, "khong") is { } no)
            {
                // "hủy", "thôi" at a yes/no question ("Hoàn tác đợt nhập #1 … Chắc chắn?"): its "no", as "không" picks it (nothing
                // is done, and the question is answered), rather than "nothing to cancel" with the question still answerable by "1".
                await DispatchButtonAsync(context, no, ct).ConfigureAwait(false);
                return;
            }
            // "thôi", "dừng lại" with nothing open: said so, rather than read as a figures question not understood.
            await DispatchCommandAsync(context, "/huy", ct).ConfigureAwait(false);
            return;
        }
        await HandleIdleTextAsync(context, text, ct).ConfigureAwait(false);
    }

    /// <summary>A number as typed to pick from a list ("2", "12."), not a year or an amount.</summary>
    private static bool IsListNumber(string text) =>
        text.TrimEnd('.', ')') is { Length: > 0 and <= 2 } digits && digits.All(char.IsAsciiDigit);

    /// <summary>A number typed alone ("12", "150", "1.500.000"), as one would answer a numbered list or a question asking a number.</summary>
    private static bool IsBareNumber(string text) =>
        text.TrimEnd('.', ')') is { Length: > 0 and <= 20 } digits && char.IsAsciiDigit(digits[0]) && digits.All(c => char.IsAsciiDigit(c) || c is '.' or ',');

    /// <summary>Free text with no dialog open (or answered aside of one): the modules in priority order.</summary>
    private async Task HandleIdleTextAsync(BotContext context, string text, CancellationToken ct)
    {
        foreach (var module in _modules.OrderBy(m => m.TextPriority))
        {
            if (await module.TryHandleTextAsync(context, text, ct).ConfigureAwait(false))
            {
                return;
            }
        }
        context.Say(context.Text("router.not_understood"));
    }

    private async Task DispatchButtonAsync(BotContext context, string data, CancellationToken ct)
    {
        if (_rules.Open(context.State) is { } flow)
        {
            if (DialogRules.IsAside(context.State, data))
            {
                await PickAsideAsync(context, flow, data, ct).ConfigureAwait(false);
                return;
            }
            await flow.ContinueAsync(context, data, true, ct).ConfigureAwait(false);
            return;
        }
        await DispatchToModulesAsync(context, data, ct).ConfigureAwait(false);
    }

    /// <summary>A button, or a number typed, from a list shown aside of the open dialog (the list the person saw last): its module
    /// answers, and the dialog then says it still waits, or asks its question again when the answer showed no list.</summary>
    private async Task PickAsideAsync(BotContext context, IConversationFlow flow, string data, CancellationToken ct)
    {
        var before = DialogMark(context.State);
        var held = context.State.Clone();
        await DispatchToModulesAsync(context, data, ct).ConfigureAwait(false);
        if (DialogRules.KeepsFormUnder(context, held))
        {
            return;
        }
        // A button answered aside that moved the dialog itself ("✏ Sửa" of /cuatoi asking "continue or discard the open
        // form?") showed the dialog's own question: its choices are the dialog's, not aside ones.
        context.ShownAside = !context.ShowedDialogQuestion && DialogMark(context.State) == before;
        if (context.ShownAside)
        {
            _rules.AfterAsidePick(context, flow);
        }
    }

    /// <summary>Where the open dialog stands (its flow, step and own data), to notice that something answered aside moved it. The
    /// figures' memory of the last question (rewritten by every figures answer, also one given aside) is not the dialog's.</summary>
    private static string DialogMark(ConversationState state) =>
        state.Flow + "|" + state.Step + "|" + string.Join("\n", state.Data
            .Where(e => !e.Key.StartsWith('~') && !e.Key.StartsWith(Figures.Questions.QuestionMemory.KeyPrefix, StringComparison.Ordinal))
            .OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value));

    /// <summary>A button (or a typed pick) no open dialog takes: the first module that knows it.</summary>
    private async Task DispatchToModulesAsync(BotContext context, string data, CancellationToken ct)
    {
        var group = context.Message.IsGroupChat;
        foreach (var module in _modules)
        {
            // A button in a group is checked like a message there: only modules whose buttons are meant for groups take it.
            if (group && !module.ButtonsInGroups)
            {
                continue;
            }
            if (await module.TryHandleButtonAsync(context, data, ct).ConfigureAwait(false))
            {
                return;
            }
        }
        context.Say(group
            ? context.Text("router.button_not_in_group")
            : context.Text("router.button_expired"));
    }

    private async Task DispatchCommandAsync(BotContext context, string text, CancellationToken ct)
    {
        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var args = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            head = head[..at];
        }
        if (!_commands.TryGetValue(head, out var command))
        {
            context.Say(context.Text("router.no_such_command", ("head", head)));
            return;
        }
        if (context.User.Role < command.MinRole)
        {
            context.Say(context.Text("router.command_for_role", ("name", command.Name), ("role", Texts.RoleName(context, command.MinRole))));
            return;
        }
        if (command.PrivateOnly && context.Message.IsGroupChat)
        {
            context.Say(context.Text("router.private_only", ("name", command.Name)));
            return;
        }
        var module = _commandModules.GetValueOrDefault(command);
        var flowBefore = context.State.Flow;
        var before = flowBefore is null ? null : context.State.Clone();
        _rules.BeforeCommand(context, command);
        await command.Handler(context, args, ct).ConfigureAwait(false);
        _rules.AfterCommand(context, command, module, flowBefore, before);
    }

    /// <summary>Maps "2" or a choice's label to that choice's data; null when the text is not a choice.</summary>
    internal static string? MapToChoice(ConversationState state, string text) => ChoiceMatcher.Match(state.LastChoices, text);

    private void RepeatPrompt(BotContext context)
    {
        if (context.State.Flow is not null && context.State.LastPrompt is { Length: > 0 } prompt)
        {
            context.Ask(prompt, context.State.LastChoices);
        }
        else if (context.State.LastChoices.Count > 0)
        {
            context.Ask(context.Text("router.choices"), context.State.LastChoices);
        }
    }
}
