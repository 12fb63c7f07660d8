using System.Security.Cryptography;
using System.Text.Json;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.People;

/// <summary>What came of a code.</summary>
public enum RedeemOutcome
{
    /// <summary>A new person registered, or an account joined the person a link code names.</summary>
    Registered,

    /// <summary>No such code (counted towards the lockout).</summary>
    Unknown,
    Expired,
    AlreadyUsed,

    /// <summary>Cancelled: a newer code, or the person it links to (or the admin who made it) changed or left since.</summary>
    Revoked,

    /// <summary>The sender's account is deactivated: no code brings it back (an admin reactivates it in /nguoidung).</summary>
    Deactivated,

    /// <summary>Too many wrong codes: nothing was checked.</summary>
    LockedOut,
}

/// <summary>
/// Creates single-use invitation and link codes and redeems them. Codes carry no authority of their own: an invitation
/// gives the role and scope it names only while its admin is still an active admin, a link code joins an account to a
/// person as that person is now, and a change to either cancels the codes outstanding. Every change is audited.
/// </summary>
public sealed partial class InvitationService(IBotStore store, BotClock clock, IOptions<BotOptions> options, CodeAttempts attempts)
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

    /// <summary>Creates a code that links another channel's account to <paramref name="user"/> (same role, scope, history); the person's earlier link codes are cancelled.</summary>
    public Invitation CreateLink(BotUser user)
    {
        var now = clock.Now;
        foreach (var older in store.Invitations.Outstanding(user.Id).Where(i => i.LinkUserId == user.Id))
        {
            Revoke(older, user.Id, "new-code");
        }
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

    /// <summary>
    /// Cancels the unused codes <paramref name="person"/> made or that link to them: called when their role, scope or status
    /// changes, so that no code made before gives what the person had then.
    /// </summary>
    public void RevokeOutstanding(BotUser person, long byUserId, string reason)
    {
        foreach (var invitation in store.Invitations.Outstanding(person.Id))
        {
            Revoke(invitation, byUserId, reason);
        }
    }

    /// <summary>
    /// Cancels the unused codes shown in a group message (everyone there has seen them, and a code is all it takes to register or
    /// to join someone's account): "/start ABCD2345", a bare code, a deep link. Returns how many were cancelled.
    /// </summary>
    public int CancelShownInGroup(Incoming message)
    {
        if (!message.IsGroupChat || string.IsNullOrEmpty(message.Text))
        {
            return 0;
        }
        var cancelled = 0;
        // A few look-ups at most per message (a long text of eight-letter words is not a reason to read the store hundreds of times).
        foreach (var token in CodeToken().Matches(message.Text).Take(10))
        {
            if (store.Invitations.Get(token.Value.ToUpperInvariant()) is { UsedAt: null, RevokedAt: null } shown)
            {
                Revoke(shown, store.Users.FindByIdentity(message.IdentityKey)?.Id ?? 0, "shown-in-group");
                cancelled++;
            }
        }
        return cancelled;
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![A-Za-z0-9])[A-Za-z2-9]{8}(?![A-Za-z0-9])")]
    private static partial System.Text.RegularExpressions.Regex CodeToken();

    /// <summary>
    /// Redeems a code for the sender of <paramref name="message"/>: registers them with an invitation's role and scope, or
    /// joins their account to the person a link code names (as that person is now). A deactivated account is never revived.
    /// </summary>
    public (RedeemOutcome Outcome, BotUser? User) Redeem(string code, Incoming message) => Redeem(code, message, out _);

    /// <summary>As <see cref="Redeem(string, Incoming)"/>; <paramref name="wait"/> is how long a lockout still lasts.</summary>
    public (RedeemOutcome Outcome, BotUser? User) Redeem(string code, Incoming message, out TimeSpan wait)
    {
        var sender = message.IdentityKey;
        (var locked, wait) = attempts.LockedOut(sender);
        if (locked != CodeAttempts.Lock.None)
        {
            return (RedeemOutcome.LockedOut, null);
        }
        var normalized = code.Trim().ToUpperInvariant();
        var result = normalized.Length is 0 or > 32
            ? (RedeemOutcome.Unknown, (BotUser?)null)
            : store.InTransaction(() => RedeemInTransaction(normalized, message));
        if (result.Item1 == RedeemOutcome.Unknown)
        {
            var started = attempts.Failed(sender);
            if (started != CodeAttempts.Lock.None)
            {
                Audit(0, "code-lockout", "identity", sender, null, started == CodeAttempts.Lock.Everyone ? "everyone" : "sender");
                (_, wait) = attempts.LockedOut(sender);
                return (RedeemOutcome.LockedOut, null);
            }
        }
        else if (result.Item1 == RedeemOutcome.Registered)
        {
            attempts.Succeeded(sender);
        }
        return result;
    }

    private (RedeemOutcome, BotUser?) RedeemInTransaction(string normalized, Incoming message)
    {
        var invitation = store.Invitations.Get(normalized);
        if (invitation is null)
        {
            return (RedeemOutcome.Unknown, null);
        }
        var now = clock.Now;
        var existing = store.Users.FindByIdentity(message.IdentityKey);
        var refusal = invitation.UsedAt is not null ? RedeemOutcome.AlreadyUsed
            : invitation.RevokedAt is not null ? RedeemOutcome.Revoked
            : now >= invitation.ExpiresAt ? RedeemOutcome.Expired
            : existing is { Active: false } ? RedeemOutcome.Deactivated
            : Authority(invitation) is null ? RedeemOutcome.Revoked
            : RedeemOutcome.Registered;
        if (existing is { Active: true })
        {
            // Only unknown senders redeem codes: an account that is already someone is never joined to another person.
            return (RedeemOutcome.AlreadyUsed, null);
        }
        if (refusal != RedeemOutcome.Registered)
        {
            Audit(existing?.Id ?? 0, "redeem-refused", "invitation", invitation.Code, Describe(invitation),
                System.Text.Json.JsonSerializer.Serialize(new { Identity = message.IdentityKey, Reason = refusal.ToString() }));
            return (refusal, null);
        }
        BotUser user;
        string? before = null;
        if (invitation.LinkUserId is not null)
        {
            // The person as they are now: their role, scope and status are not touched.
            user = Authority(invitation)!;
            before = Describe(user);
        }
        else
        {
            user = new BotUser
            {
                DisplayName = string.IsNullOrWhiteSpace(message.DisplayName) ? message.IdentityKey : message.DisplayName.Trim(),
                Identities = [message.IdentityKey],
                CreatedAt = now,
                Language = message.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "vi",
                Role = invitation.Role,
                ScopeKind = invitation.ScopeKind,
                ScopeId = invitation.ScopeId,
            };
        }
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
        Audit(user.Id, "redeem", "invitation", invitation.Code, invBefore,
            Describe(invitation) + " by " + message.IdentityKey);
        Audit(user.Id, before is null ? "register" : "link", "user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), before, Describe(user));
        return (RedeemOutcome.Registered, user);
    }

    /// <summary>
    /// Who gives a code its authority now: for a link code the person it links to, if still active with the role and scope the
    /// code was made with; for an invitation the admin who made it, if still an active admin. Null when the code has none left.
    /// </summary>
    private BotUser? Authority(Invitation invitation)
    {
        if (invitation.LinkUserId is { } linkId)
        {
            var person = store.Users.Get(linkId);
            return person is { Active: true } && person.Role == invitation.Role && person.ScopeKind == invitation.ScopeKind
                && person.ScopeId == invitation.ScopeId
                ? person
                : null;
        }
        var admin = store.Users.Get(invitation.CreatedByUserId);
        return admin is { Active: true, Role: Role.Admin } ? admin : null;
    }

    /// <summary>The invitations that can still be redeemed (for /moi danh sach and /nguoidung).</summary>
    public IReadOnlyList<Invitation> Pending() => store.Invitations.Pending(clock.Now);

    /// <summary>The reason written on a code an admin cancelled with /moi huy.</summary>
    public const string RevokedByAdmin = "admin";

    /// <summary>An admin cancels an unused code (/moi huy CODE); audited like every change.</summary>
    public void RevokeByAdmin(Invitation invitation, BotUser admin) => Revoke(invitation, admin.Id, RevokedByAdmin);

    private void Revoke(Invitation invitation, long byUserId, string reason)
    {
        var before = Describe(invitation);
        invitation.RevokedAt = clock.Now;
        invitation.RevokedReason = reason;
        store.Invitations.Update(invitation);
        Audit(byUserId, "revoke", "invitation", invitation.Code, before, Describe(invitation));
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
        invitation.Code, Role = invitation.Role.ToString(), Scope = invitation.ScopeKind.ToString(), invitation.ScopeId, invitation.LinkUserId,
        ExpiresAt = invitation.ExpiresAt.ToString("O"), UsedAt = invitation.UsedAt?.ToString("O"), invitation.UsedByUserId,
        RevokedAt = invitation.RevokedAt?.ToString("O"), invitation.RevokedReason,
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
