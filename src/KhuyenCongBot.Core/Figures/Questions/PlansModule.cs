using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>/kehoach (/plan): year plans by province and metric, viewed by everyone within their scope, set by admins with the
/// confirmations of <see cref="PlanChangeDialog"/>. A module of its own so a figures question asked while a plan question waits is
/// another module's intent: answered, and the plan question left.</summary>
public sealed class PlansModule(CatalogueIndex catalogue, Text.UserTexts texts) : IBotModule
{
    private readonly PlanCommands _plans = new(catalogue, new ScopeResolver(catalogue, texts));

    public IEnumerable<BotCommand> Commands =>
    [
        new("kehoach", ["plan"], texts.Text(Text.UserTexts.Vietnamese, "figures.command_plan"), texts.Text("en", "figures.command_plan"), Role.Officer, _plans.HandleAsync),
    ];

    public IEnumerable<IConversationFlow> Flows => [_plans.Flow];
}
