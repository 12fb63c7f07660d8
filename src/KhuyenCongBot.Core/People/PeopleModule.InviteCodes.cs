using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>/moi danh sach (the invitations still pending) and /moi huy CODE (cancel one); plain /moi starts a new invitation.</summary>
public sealed partial class PeopleModule
{
    private static readonly HashSet<string> ListWords = ["danh sach", "ds", "list", "cac ma", "ma moi", "dang cho", "pending"];
    private static readonly HashSet<string> RevokeWords = ["huy", "huy ma", "xoa", "thu hoi", "revoke", "cancel"];

    /// <summary>Handles "/moi danh sach" and "/moi huy CODE"; false when the arguments ask for a new invitation.</summary>
    private bool InviteCodes(BotContext context, string arguments)
    {
        var words = VnText.FoldWords(arguments);
        if (words.Length == 0)
        {
            return false;
        }
        if (ListWords.Contains(words))
        {
            context.State.Clear();
            context.Say(PendingList(context));
            return true;
        }
        var parts = words.Split(' ');
        var code = parts[^1];
        var head = string.Join(' ', parts[..^1]);
        if (RevokeWords.Contains(words) || (RevokeWords.Contains(head) && !InvitationService.LooksLikeCode(code)))
        {
            context.State.Clear();
            context.Say(context.Text("dialogs2.invite_revoke_how"));
            return true;
        }
        if (!RevokeWords.Contains(head))
        {
            return false;
        }
        context.State.Clear();
        context.Say(RevokeCode(context, code.ToUpperInvariant()));
        return true;
    }

    private string PendingList(BotContext context)
    {
        var pending = invitations.Pending();
        if (pending.Count == 0)
        {
            return context.Text("dialogs2.invites_none");
        }
        var sb = new StringBuilder(context.Text("dialogs2.invites_header", ("count", pending.Count)));
        foreach (var invitation in pending.Take(MaxListed))
        {
            sb.Append('\n').Append(context.Text("dialogs2.invites_line", ("code", invitation.Code), ("role", RoleLabel(invitation.Role, context.Language)),
                ("scope", access.ScopeName(invitation.ScopeKind, invitation.ScopeId, context.Language)), ("by", MadeBy(context, invitation)),
                ("created_at", invitation.CreatedAt), ("expires_at", invitation.ExpiresAt)));
        }
        sb.Append('\n').Append(context.Text("dialogs2.invites_footer"));
        return sb.ToString();
    }

    private string RevokeCode(BotContext context, string code)
    {
        var invitation = context.Store.Invitations.Get(code);
        if (invitation is null || invitation.LinkUserId is not null)
        {
            return context.Text("dialogs2.invite_unknown", ("code", code));
        }
        if (invitation.UsedAt is not null)
        {
            var user = invitation.UsedByUserId is { } id ? context.Store.Users.Get(id)?.DisplayName : null;
            return context.Text("dialogs2.invite_already_used", ("code", code), ("name", user ?? "?"), ("used_at", invitation.UsedAt.Value));
        }
        if (invitation.RevokedAt is not null)
        {
            return context.Text("dialogs2.invite_already_revoked", ("code", code), ("revoked_at", invitation.RevokedAt.Value));
        }
        if (context.Now >= invitation.ExpiresAt)
        {
            return context.Text("dialogs2.invite_already_expired", ("code", code), ("expires_at", invitation.ExpiresAt));
        }
        invitations.RevokeByAdmin(invitation, context.User);
        return context.Text("dialogs2.invite_revoked", ("code", code), ("role", RoleLabel(invitation.Role, context.Language)),
            ("scope", access.ScopeName(invitation.ScopeKind, invitation.ScopeId, context.Language)), ("by", MadeBy(context, invitation)));
    }

    private static string MadeBy(BotContext context, Invitation invitation) =>
        context.Store.Users.Get(invitation.CreatedByUserId)?.DisplayName ?? "?";

    /// <summary>The line /nguoidung adds when invitations are waiting: how many, and how to list or cancel them.</summary>
    private string PendingInvitesLine(BotContext context) => invitations.Pending() is { Count: > 0 } pending
        ? context.Text("dialogs2.users_pending_invites", ("count", pending.Count))
        : "";
}
