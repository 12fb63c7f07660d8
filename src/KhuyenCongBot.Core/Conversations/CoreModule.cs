using System.Text;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>/start, /help (/trogiup) and /cancel (/huy): what every person can do.</summary>
public sealed class CoreModule(UserTexts texts) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("start", ["batdau"], texts.Text(UserTexts.Vietnamese, "help.command_start"), texts.Text(English, "help.command_start"), Role.Officer, StartAsync, InMenu: false),
        new("help", ["trogiup", "huongdan"], texts.Text(UserTexts.Vietnamese, "help.command_help"), texts.Text(English, "help.command_help"), Role.Officer, HelpAsync),
        new("cancel", ["huy"], texts.Text(UserTexts.Vietnamese, "help.command_cancel"), texts.Text(English, "help.command_cancel"), Role.Officer, CancelAsync),
    ];

    private const string English = "en";

    /// <summary>Before the figures: a bare invitation code typed by someone already registered.</summary>
    public int TextPriority => 0;

    /// <summary>A code the bot made, typed alone by someone already registered: said what happened to it, not read as a figures question.</summary>
    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (!InvitationService.LooksLikeCode(text) || context.Store.Invitations.Get(text.Trim().ToUpperInvariant()) is null)
        {
            return Task.FromResult(false);
        }
        SayCodeNotUsed(context, text.Trim());
        return Task.FromResult(true);
    }

    /// <summary>"/start CODE" or a bare code from a registered person: the code is left for whom it was made (never redeemed on top of a
    /// role), and they are told so instead of nothing.</summary>
    private static void SayCodeNotUsed(BotContext context, string code) =>
        context.Say(context.Text("help.start_code_registered", ("code", code.ToUpperInvariant()),
            ("role", Texts.RoleName(context, context.User.Role)), ("scope", context.Access?.ScopeName(context.User, context.Language) ?? "")));

    private Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (InvitationUnknownUserHandler.CodeIn("/start " + arguments) is { Length: > 0 } code && InvitationService.LooksLikeCode(code))
        {
            SayCodeNotUsed(context, code);
            return Task.CompletedTask;
        }
        var name = People.PersonNames.IsRawIdentity(context.User.DisplayName.Trim(), context.User) ? "" : " " + context.User.DisplayName.Trim();
        context.Say(context.Text("help.start_hello", ("name", name)));
        return HelpAsync(context, arguments, ct);
    }

    private Task HelpAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.AppendLine(context.Text("help.commands"));
        foreach (var command in context.Modules.SelectMany(m => m.Commands))
        {
            // A manager sees and changes nothing: a command that writes is listed for them by what they may do with it, or not at all.
            var viewOnly = command.Writes && context.User.Role == Role.Manager;
            if (!command.InMenu || context.User.Role < command.MinRole || (viewOnly && command.ViewOnlyVi is null))
            {
                continue;
            }
            var aliases = command.Aliases.Count > 0 ? " (/" + string.Join(", /", command.Aliases) + ")" : "";
            sb.Append('/').Append(command.Name).Append(aliases).Append(" – ")
              .AppendLine(viewOnly ? context.T(command.ViewOnlyVi!, command.ViewOnlyEn ?? command.ViewOnlyVi!)
                  : context.English ? command.DescriptionEn : command.DescriptionVi);
        }
        var examples = context.Modules.SelectMany(m => m.HelpExamples(context)).ToList();
        if (examples.Count > 0)
        {
            sb.AppendLine().AppendLine(context.Text("help.can_also_type_freely"));
            foreach (var example in examples)
            {
                sb.Append("• ").AppendLine(example);
            }
        }
        if (context.State.Flow is not null)
        {
            sb.AppendLine().Append(context.Text("help.unfinished_step"));
        }
        context.Say(sb.ToString().TrimEnd());
        return Task.CompletedTask;
    }

    private static Task CancelAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (context.State.Flow is null)
        {
            // A form left earlier keeps its answers as a draft: "nothing to cancel" alone made the draft's return at /ghi a surprise.
            context.Say(context.State.Data.Keys.Any(k => k.StartsWith(ConversationState.KeptPrefix, StringComparison.Ordinal))
                ? context.Text("help.nothing_open_draft_kept")
                : context.Text("help.nothing_to_cancel"));
            return Task.CompletedTask;
        }
        if (context.Modules.SelectMany(m => m.Flows).FirstOrDefault(f => f.Name == context.State.Flow) is { } flow && flow.Leave(context))
        {
            return Task.CompletedTask;
        }
        context.State.Clear();
        context.Say(context.Text("help.cancelled"));
        return Task.CompletedTask;
    }
}
