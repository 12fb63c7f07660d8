namespace KhuyenCongBot.Core.People;

public enum Role { Officer = 0, Manager = 1, Admin = 2 }

/// <summary>What part of the country a person's role applies to.</summary>
public enum ScopeKind { Province = 0, Region = 1, All = 2 }

/// <summary>A person allowed to use the bot, with one identity per channel ("telegram:123").</summary>
public sealed class BotUser
{
    public long Id { get; set; }
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public ScopeKind ScopeKind { get; set; }

    /// <summary>Current province id (ScopeKind.Province) or region id (ScopeKind.Region); null for All.</summary>
    public string? ScopeId { get; set; }

    public List<string> Identities { get; set; } = [];

    /// <summary>Chat to reach the person on each channel ("telegram" -> chat id).</summary>
    public Dictionary<string, string> Chats { get; set; } = [];

    public bool Active { get; set; } = true;
    public string Language { get; set; } = "vi";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A copy that shares nothing mutable with this person.</summary>
    public BotUser Clone() => new()
    {
        Id = Id,
        DisplayName = DisplayName,
        Role = Role,
        ScopeKind = ScopeKind,
        ScopeId = ScopeId,
        Identities = [.. Identities],
        Chats = new Dictionary<string, string>(Chats),
        Active = Active,
        Language = Language,
        CreatedAt = CreatedAt,
    };
}

/// <summary>A single-use invitation code for a role and scope.</summary>
public sealed class Invitation
{
    public string Code { get; set; } = "";
    public Role Role { get; set; }
    public ScopeKind ScopeKind { get; set; }
    public string? ScopeId { get; set; }

    /// <summary>When set, redeeming links the new identity to this existing user (one person, two channels).</summary>
    public long? LinkUserId { get; set; }

    public long CreatedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public long? UsedByUserId { get; set; }

    /// <summary>When the code was cancelled before use (a newer code, or a change to the person it links to or who made it).</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it was cancelled ("new-code", "person-changed"), for the audit trail.</summary>
    public string? RevokedReason { get; set; }
}

/// <summary>One change kept for the audit trail: who, when, before, after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public long UserId { get; set; }
    public string Action { get; set; } = "";
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? Before { get; set; }
    public string? After { get; set; }
}
