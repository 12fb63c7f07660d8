using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Where a broadcast is in its life.</summary>
public enum BroadcastStatus { Scheduled = 0, Sending = 1, Done = 2, Cancelled = 3, Draft = 4 }

/// <summary>Who receives a broadcast.</summary>
public enum AudienceKind { Everyone = 0, Role = 1, Provinces = 2, Users = 3 }

/// <summary>An announcement from an admin to many people, sent now or at a scheduled time.</summary>
public sealed class Broadcast
{
    public long Id { get; set; }
    public long CreatedByUserId { get; set; }
    public string Text { get; set; } = "";

    /// <summary>Optional photo or document sent with the text.</summary>
    public string? AttachmentName { get; set; }
    public byte[]? AttachmentContent { get; set; }
    public string? AttachmentContentType { get; set; }
    public bool AttachmentIsPhoto { get; set; }

    public AudienceKind Audience { get; set; }
    public Role? AudienceRole { get; set; }

    /// <summary>Current province ids (audience Provinces): people whose scope is one of them.</summary>
    public List<string> AudienceProvinces { get; set; } = [];

    /// <summary>Explicit user ids (audience Users), e.g. the monthly reminder.</summary>
    public List<long> AudienceUserIds { get; set; } = [];

    /// <summary>Whether recipients get a "Đã nhận" button.</summary>
    public bool AskAcknowledgement { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset SendAt { get; set; }
    public BroadcastStatus Status { get; set; }

    /// <summary>Whether the recipient list has been written (it is fixed when sending starts).</summary>
    public bool RecipientsCreated { get; set; }

    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Where progress and the final report go (the admin's chat when composing).</summary>
    public string? ReportChannel { get; set; }
    public string? ReportChatId { get; set; }

    /// <summary>Percent of recipients done at the last progress message.</summary>
    public int LastProgressPercent { get; set; }
}

/// <summary>Where one recipient's copy is: pending, being sent, sent, or failed with a reason.</summary>
public enum DeliveryState { Pending = 0, Sending = 1, Sent = 2, Failed = 3 }

/// <summary>One person's copy of a broadcast, stored as its state changes so a restart resumes exactly.</summary>
public sealed class BroadcastRecipient
{
    public long Id { get; set; }
    public long BroadcastId { get; set; }
    public long UserId { get; set; }
    public string DisplayName { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public DeliveryState State { get; set; }

    /// <summary>Why it failed ("blocked", "rate_limited", "error: ...", "uncertain").</summary>
    public string? Reason { get; set; }

    public int Attempts { get; set; }
    public int RateLimitHits { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
}
