using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>/kehoach (/plan): year plans by province and metric, viewed by everyone within their scope, set by admins with the
/// confirmations of <see cref="PlanChangeDialog"/>. A module of its own so a figures question asked while a plan question waits is
/// another module's intent: answered, and the plan question left.</summary>
public sealed class PlansModule(CatalogueIndex catalogue) : IBotModule
{
    private readonly PlanCommands _plans = new(catalogue, new ScopeResolver(catalogue));

    public IEnumerable<BotCommand> Commands =>
    [
        new("kehoach", ["plan"], "Kế hoạch năm theo tỉnh và chỉ tiêu (xem; quản trị viên đặt)", "Year plans by province and metric", Role.Officer, _plans.HandleAsync),
    ];

    public IEnumerable<IConversationFlow> Flows => [_plans.Flow];
}
