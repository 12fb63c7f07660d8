using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>/lienket (/link): one person, several channels — a code that attaches another channel's account to this user.</summary>
public sealed class AccountLinkModule(InvitationService invitations, UserTexts texts) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("link", ["lienket"], texts.Text(UserTexts.Vietnamese, "people.command_link"), texts.Text(English, "people.command_link"), Role.Officer, LinkAsync, PrivateOnly: true),
    ];

    private const string English = "en";

    private Task LinkAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var code = invitations.CreateLink(context.User);
        var channels = string.Join(", ", context.User.Identities.Select(i => i.Split(':')[0]).Distinct());
        context.Say(context.Text("people.link_code", ("code", code.Code), ("expires_at", code.ExpiresAt), ("channels", channels)));
        return Task.CompletedTask;
    }
}
