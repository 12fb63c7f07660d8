using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>The steps of /invite (/moi). Their values are saved with the conversation: never renumber them.</summary>
public enum InviteStep
{
    Role = 0,
    Scope = 1,
    Province = 2,
}

public sealed partial class PeopleModule
{
    private Task InviteAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (InviteCodes(context, arguments))
        {
            return Task.CompletedTask;
        }
        _invite.Start(context, InviteStep.Role);
        return Task.CompletedTask;
    }

    /// <summary>/moi: the role, then the scope (a manager) or the province (an officer); an admin sees everything.</summary>
    private Dialog<InviteStep> InviteDialog() => new(InviteFlow,
    [
        new(InviteStep.Role, c => Reply.Of(c.Text("people.invite_someone_as")) with { Choices = RoleChoices(c) }, turn =>
        {
            if (ParseRole(turn.Input) is not { } role)
            {
                return DialogMove.Stay(turn.Text("people.pick_one_roles"));
            }
            turn.State.Data["role"] = role.ToString();
            return role switch
            {
                Role.Admin => Invite(turn.Context, role, ScopeKind.All, null),
                Role.Officer => InviteStep.Province,
                _ => InviteStep.Scope,
            };
        }),
        new(InviteStep.Scope, c => Reply.Of(c.Text("people.which_figures_may_person")) with { Choices = ScopeChoices(c) },
            // A province's name typed at the scope question ("Hà Nội") means "one province: Hà Nội", not a wrong answer.
            turn => !turn.IsButton && catalogue.FindProvince(turn.Input) is not null && FindProvince(turn.Context, turn.Input, out _) is { } typed
                ? Invite(turn.Context, InvitedRole(turn), ScopeKind.Province, typed.Id)
                : ChooseScope(turn, InviteStep.Province, (kind, id) => Invite(turn.Context, InvitedRole(turn), kind, id))),
        new(InviteStep.Province, ProvincePrompt, turn => FindProvince(turn.Context, turn.Input, out var error) is { } province
            ? Invite(turn.Context, InvitedRole(turn), ScopeKind.Province, province.Id)
            : DialogMove.Stay(error)),
    ])
    {
        Description = c => c.Text("people.creating_invitation"),
        Guard = Refusal,
    };

    private static Role InvitedRole(DialogTurn turn) => Enum.Parse<Role>(turn.State.Data["role"]);

    private DialogMove Invite(BotContext context, Role role, ScopeKind kind, string? scopeId)
    {
        var invitation = invitations.Create(context.User, role, kind, scopeId);
        var link = invitations.DeepLink(invitation.Code);
        var scope = access.ScopeName(kind, scopeId, context.Language);
        var days = (int)Math.Round((invitation.ExpiresAt - invitation.CreatedAt).TotalDays);
        var sb = new StringBuilder();
        sb.AppendLine(context.Text("people.invitation_created", ("role", RoleLabel(role, context.Language)), ("scope", scope), ("code", invitation.Code)));
        sb.AppendLine(context.Text("people.invitation_valid_until", ("expires_at", invitation.ExpiresAt), ("days", days)));
        sb.AppendLine(link is null
            ? context.Text("people.telegram_link_later")
            : context.Text("people.telegram_link", ("link", link)));
        sb.Append(context.Text("people.invitation_other_channels", ("code", invitation.Code)));
        return DialogMove.End(sb.ToString());
    }
}
