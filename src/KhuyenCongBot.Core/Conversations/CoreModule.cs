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

    private Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
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
            context.Say(context.Text("help.nothing_to_cancel"));
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
