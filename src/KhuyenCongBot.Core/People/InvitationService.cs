using System.Security.Cryptography;
using System.Text.Json;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.People;

/// <summary>Why a code was not accepted.</summary>
public enum RedeemOutcome { Registered, Unknown, Expired, AlreadyUsed }

/// <summary>Creates single-use invitation codes and redeems them; every change is audited.</summary>
public sealed class InvitationService(IBotStore store, BotClock clock, IOptions<BotOptions> options)
{
    /// <summary>Letters and digits that cannot be confused on a phone screen (no 0/O, 1/I/L).</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 8;

    /// <summary>Creates an invitation valid for BotOptions.InvitationDays.</summary>
    public Invitation Create(BotUser admin, Role role, ScopeKind kind, string? scopeId)
    {
        var now = clock.Now;
        var invitation = new Invitation
        {
            Code = NewCode(),
            Role = role,
            ScopeKind = kind,
            ScopeId = kind == ScopeKind.All ? null : scopeId,
            CreatedByUserId = admin.Id,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.InvitationDays),
        };
        store.Invitations.Add(invitation);
        Audit(admin.Id, "invite", "invitation", invitation.Code, null, Describe(invitation));
        return invitation;
    }

    /// <summary>Creates a code that links another channel's account to <paramref name="user"/> (same role, scope, history).</summary>
    public Invitation CreateLink(BotUser user)
    {
        var now = clock.Now;
        var invitation = new Invitation
        {
            Code = NewCode(),
            Role = user.Role,
            ScopeKind = user.ScopeKind,
            ScopeId = user.ScopeId,
            LinkUserId = user.Id,
            CreatedByUserId = user.Id,
            CreatedAt = now,
            ExpiresAt = now.AddDays(1),
        };
        store.Invitations.Add(invitation);
        Audit(user.Id, "link-code", "invitation", invitation.Code, null, Describe(invitation));
        return invitation;
    }

    /// <summary>The deep link for a code, or null when the Telegram bot's username is not known yet.</summary>
    public string? DeepLink(string code) =>
        string.IsNullOrWhiteSpace(options.Value.TelegramBotUsername)
            ? null
            : $"https://t.me/{options.Value.TelegramBotUsername.Trim().TrimStart('@')}?start={code}";

    /// <summary>Whether a text looks like a code (8 characters of the alphabet, any case).</summary>
    public static bool LooksLikeCode(string text)
    {
        var t = text.Trim();
        return t.Length == CodeLength && t.All(c => Alphabet.Contains(char.ToUpperInvariant(c)));
    }

    /// <summary>Redeems a code for the sender of <paramref name="message"/>: registers them (or reactivates a deactivated person).</summary>
    public (RedeemOutcome Outcome, BotUser? User) Redeem(string code, Incoming message)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (normalized.Length == 0 || normalized.Length > 32)
        {
            return (RedeemOutcome.Unknown, null);
        }
        return store.InTransaction(() =>
        {
            var invitation = store.Invitations.Get(normalized);
            if (invitation is null)
            {
                return (RedeemOutcome.Unknown, (BotUser?)null);
            }
            if (invitation.UsedAt is not null)
            {
                return (RedeemOutcome.AlreadyUsed, null);
            }
            var now = clock.Now;
            if (now >= invitation.ExpiresAt)
            {
                return (RedeemOutcome.Expired, null);
            }
            var user = invitation.LinkUserId is { } linkId ? store.Users.Get(linkId) : null;
            user ??= store.Users.FindByIdentity(message.IdentityKey);
            string? before = null;
            if (user is null)
            {
                user = new BotUser
                {
                    DisplayName = string.IsNullOrWhiteSpace(message.DisplayName) ? message.IdentityKey : message.DisplayName.Trim(),
                    Identities = [message.IdentityKey],
                    CreatedAt = now,
                    Language = message.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "vi",
                };
            }
            else
            {
                before = Describe(user);
            }
            user.Role = invitation.Role;
            user.ScopeKind = invitation.ScopeKind;
            user.ScopeId = invitation.ScopeId;
            user.Active = true;
            if (!user.Identities.Contains(message.IdentityKey))
            {
                user.Identities.Add(message.IdentityKey);
            }
            if (!message.IsGroupChat)
            {
                user.Chats[message.Channel] = message.ChatId;
            }
            if (user.Id == 0)
            {
                user.Id = store.Users.Add(user);
            }
            else
            {
                store.Users.Update(user);
            }
            var invBefore = Describe(invitation);
            invitation.UsedAt = now;
            invitation.UsedByUserId = user.Id;
            store.Invitations.Update(invitation);
            Audit(user.Id, "redeem", "invitation", invitation.Code, invBefore, Describe(invitation));
            Audit(user.Id, before is null ? "register" : "reactivate", "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, Describe(user));
            return (RedeemOutcome.Registered, user);
        });
    }

    /// <summary>Writes one audit entry.</summary>
    public void Audit(long byUserId, string action, string entity, string entityId, string? before, string? after) =>
        store.Audit.Add(new AuditEntry
        {
            At = clock.Now, UserId = byUserId, Action = action, Entity = entity, EntityId = entityId, Before = before, After = after,
        });

    /// <summary>A compact JSON snapshot for the audit trail.</summary>
    public static string Describe(BotUser user) => JsonSerializer.Serialize(new
    {
        user.Id, user.DisplayName, Role = user.Role.ToString(), Scope = user.ScopeKind.ToString(), user.ScopeId, user.Active, user.Identities,
    });

    /// <summary>A compact JSON snapshot of an invitation for the audit trail.</summary>
    public static string Describe(Invitation invitation) => JsonSerializer.Serialize(new
    {
        invitation.Code, Role = invitation.Role.ToString(), Scope = invitation.ScopeKind.ToString(), invitation.ScopeId,
        ExpiresAt = invitation.ExpiresAt.ToString("O"), UsedAt = invitation.UsedAt?.ToString("O"), invitation.UsedByUserId,
    });

    private static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }
}
