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
                context.Say(context.T(
                    "Bot nhận ảnh và vị trí khi đang ghi một phiếu có câu hỏi ảnh minh chứng hoặc vị trí (gõ /ghi để mở phiếu).",
                    "Photos and locations are taken while logging a form that asks for them (type /log)."));
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
            context.Say(context.T(
                "Tin nhắn trống. Bạn hãy gõ câu hỏi (ví dụ: \"bao nhiêu gian hàng từ đầu năm\") hoặc /help để xem hướng dẫn.",
                "Empty message. Type a question (e.g. \"how many booths this year\") or /help."));
            RepeatPrompt(context);
            return;
        }
        if (text.Length > BotEngine.MaxTextLength)
        {
            context.Say(context.T(
                $"Tin nhắn quá dài ({VnFormat.Number(text.Length)} ký tự). Bot chỉ đọc tối đa {VnFormat.Number(BotEngine.MaxTextLength)} ký tự; bạn gửi ngắn hơn nhé.",
                $"That message is too long ({text.Length:N0} characters). The bot reads at most {BotEngine.MaxTextLength:N0}."));
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
                await DispatchToModulesAsync(context, mapped, ct).ConfigureAwait(false);
                context.ShownAside = true;
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
        if (IsListNumber(text))
        {
            // "2" with no list open: the list it was meant for has closed (done, left, idle, or another list replaced it).
            context.Say(context.T(
                $"Số \"{text}\" không ứng với lựa chọn nào đang mở: danh sách trước đã đóng (đã xong, đã hủy hoặc để quá lâu). Bạn gõ lại lệnh hoặc câu hỏi, hoặc /help để xem bot làm được gì.",
                $"\"{text}\" matches no open choice: the earlier list has closed (done, cancelled or idle). Type the command or question again, or /help."));
            return;
        }
        if (LeavingWords.Are(text))
        {
            // "thôi", "dừng lại" with nothing open: said so, rather than read as a figures question not understood.
            await DispatchCommandAsync(context, "/huy", ct).ConfigureAwait(false);
            return;
        }
        await HandleIdleTextAsync(context, text, ct).ConfigureAwait(false);
    }

    /// <summary>A number as typed to pick from a list ("2", "12."), not a year or an amount.</summary>
    private static bool IsListNumber(string text) =>
        text.TrimEnd('.', ')') is { Length: > 0 and <= 2 } digits && digits.All(char.IsAsciiDigit);

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
        context.Say(context.T(
            "Bot chưa hiểu câu này. Gõ /help để xem bot làm được gì.",
            "The bot did not understand that. Type /help to see what it can do."));
    }

    private async Task DispatchButtonAsync(BotContext context, string data, CancellationToken ct)
    {
        if (_rules.Open(context.State) is { } flow)
        {
            if (DialogRules.IsAside(context.State, data))
            {
                await DispatchToModulesAsync(context, data, ct).ConfigureAwait(false);
                context.ShownAside = true;
                return;
            }
            await flow.ContinueAsync(context, data, true, ct).ConfigureAwait(false);
            return;
        }
        await DispatchToModulesAsync(context, data, ct).ConfigureAwait(false);
    }

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
            ? context.T("Nút này không dùng được trong nhóm. Bạn mở tin nhắn riêng với bot để làm việc này.",
                "This button does not work in a group. Open a private chat with the bot for this.")
            : context.T(
                "Nút này đã hết hạn (thao tác đã xong hoặc đã hủy). Gõ /help để bắt đầu lại.",
                "This button has expired. Type /help to start again."));
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
            context.Say(context.T(
                $"Không có lệnh /{head}. Gõ /help để xem các lệnh.",
                $"There is no /{head} command. Type /help to see the commands."));
            return;
        }
        if (context.User.Role < command.MinRole)
        {
            context.Say(context.T(
                $"Lệnh /{command.Name} chỉ dành cho {Texts.RoleName(command.MinRole, "vi")}. Bạn không có quyền dùng lệnh này.",
                $"/{command.Name} is for {Texts.RoleName(command.MinRole, "en")} only."));
            return;
        }
        if (command.PrivateOnly && context.Message.IsGroupChat)
        {
            context.Say(context.T(
                $"Lệnh /{command.Name} chỉ dùng trong tin nhắn riêng với bot.",
                $"/{command.Name} works only in a private chat with the bot."));
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
            context.Ask(context.T("Các lựa chọn:", "Choices:"), context.State.LastChoices);
        }
    }
}
