using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>For people the bot does not know: redeems "/start CODE" (or a bare code) and otherwise explains how to get an invitation, keeping only a counter.</summary>
public sealed class InvitationUnknownUserHandler(IBotStore store, InvitationService invitations, AccessPolicy access, UserTexts texts) : IUnknownUserHandler
{
    public Task<(IReadOnlyList<Reply> Replies, BotUser? Registered)> HandleAsync(Incoming message, CancellationToken cancellationToken)
    {
        var english = message.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        var code = CodeIn(message.Text);
        if (code is null || message.IsGroupChat)
        {
            return Task.FromResult(NotRegistered(message, english));
        }
        var (outcome, user) = invitations.Redeem(code, message, out var wait);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        var language = english ? "en" : UserTexts.Vietnamese;
        IReadOnlyList<Reply> replies = [Reply.Of(outcome switch
        {
            RedeemOutcome.Registered => Welcome(user!, language),
            RedeemOutcome.LockedOut => texts.Text(language, "people.code_locked_out", ("minutes", minutes)),
            // Cancelled by an admin (/moi huy): as clear as an expired code, not "a newer code was made".
            RedeemOutcome.Revoked when store.Invitations.Get(code.Trim().ToUpperInvariant())?.RevokedReason == InvitationService.RevokedByAdmin
                => texts.Text(language, "dialogs2.code_revoked_by_admin"),
            RedeemOutcome.Revoked => texts.Text(language, "people.code_revoked"),
            RedeemOutcome.Deactivated => texts.Text(language, "people.code_deactivated"),
            RedeemOutcome.Expired => texts.Text(language, "people.code_expired"),
            RedeemOutcome.AlreadyUsed => texts.Text(language, "people.code_used"),
            _ => texts.Text(language, "people.code_wrong"),
        })];
        if (outcome != RedeemOutcome.Registered)
        {
            Count();
        }
        return Task.FromResult<(IReadOnlyList<Reply>, BotUser?)>((replies, outcome == RedeemOutcome.Registered ? user : null));
    }

    /// <summary>The code in "/start CODE", "/batdau CODE" or a bare code; null when the text carries none.</summary>
    internal static string? CodeIn(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.StartsWith('/'))
        {
            var parts = t.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
            var head = parts[0].Split('@')[0].ToLowerInvariant();
            if (head is not ("/start" or "/batdau") || parts.Length < 2)
            {
                return null;
            }
            return parts[1].Trim();
        }
        return InvitationService.LooksLikeCode(t) ? t : null;
    }

    private string Welcome(BotUser user, string language) => texts.Text(language, "people.welcome",
        ("name", user.DisplayName), ("role", Texts.RoleName(texts, language, user.Role)), ("scope", access.ScopeName(user, language)));

    private (IReadOnlyList<Reply>, BotUser?) NotRegistered(Incoming message, bool english)
    {
        Count();
        return ([Reply.Of(DefaultUnknownUserHandler.NotRegistered(texts, english ? "en" : "vi"))], null);
    }

    private void Count()
    {
        var count = long.TryParse(store.Meta.Get("unknown-messages"), out var n) ? n : 0;
        store.Meta.Set("unknown-messages", (count + 1).ToString(CultureInfo.InvariantCulture));
    }
}
