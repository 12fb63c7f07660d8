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
        _invite.Start(context, InviteStep.Role);
        return Task.CompletedTask;
    }

    /// <summary>/moi: the role, then the scope (a manager) or the province (an officer); an admin sees everything.</summary>
    private Dialog<InviteStep> InviteDialog() => new(InviteFlow,
    [
        new(InviteStep.Role, c => Reply.Of(c.T("Mời người dùng mới với vai trò nào?", "Invite someone as:")) with { Choices = RoleChoices(c) }, turn =>
        {
            if (ParseRole(turn.Input) is not { } role)
            {
                return DialogMove.Stay(turn.T("Bạn chọn một vai trò trong danh sách:", "Pick one of the roles:"));
            }
            turn.State.Data["role"] = role.ToString();
            return role switch
            {
                Role.Admin => Invite(turn.Context, role, ScopeKind.All, null),
                Role.Officer => InviteStep.Province,
                _ => InviteStep.Scope,
            };
        }),
        new(InviteStep.Scope, c => Reply.Of(c.T("Phạm vi số liệu người này được xem:", "Which figures may this person see?")) with { Choices = ScopeChoices(c) },
            turn => ChooseScope(turn, InviteStep.Province, (kind, id) => Invite(turn.Context, InvitedRole(turn), kind, id))),
        new(InviteStep.Province, ProvincePrompt, turn => FindProvince(turn.Context, turn.Input, out var error) is { } province
            ? Invite(turn.Context, InvitedRole(turn), ScopeKind.Province, province.Id)
            : DialogMove.Stay(error)),
    ])
    {
        Description = c => c.T("tạo mã mời", "creating an invitation"),
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
        sb.AppendLine(context.T(
            $"Đã tạo mã mời cho {RoleLabel(role, "vi")} ({scope}): {invitation.Code}",
            $"Invitation created for {RoleLabel(role, "en")} ({scope}): {invitation.Code}"));
        sb.AppendLine(context.T(
            $"Hạn dùng: đến {VnFormat.DateTime(invitation.ExpiresAt)} ({days} ngày), chỉ dùng được một lần.",
            $"Valid until {VnFormat.DateTime(invitation.ExpiresAt)} ({days} days), single use."));
        sb.AppendLine(link is null
            ? context.T("Liên kết Telegram: sẽ có khi bot được kết nối với Telegram.", "Telegram link: available once Telegram is connected.")
            : context.T($"Liên kết Telegram: {link}", $"Telegram link: {link}"));
        sb.Append(context.T(
            $"Trên kênh khác (Zalo...), người được mời gửi cho bot: /start {invitation.Code} (hoặc chỉ gửi mã).",
            $"On other channels (Zalo...), the person sends the bot: /start {invitation.Code} (or just the code)."));
        return DialogMove.End(sb.ToString());
    }
}
