namespace KhuyenCongBot.Core.Messaging;

/// <summary>One message or button press from a person, as any channel sees it.</summary>
public sealed record Incoming
{
    /// <summary>Channel name: "telegram", "zalo" or "terminal".</summary>
    public required string Channel { get; init; }

    /// <summary>Chat the reply goes to (a private chat or a group), as the channel names it.</summary>
    public required string ChatId { get; init; }

    /// <summary>The sender's id on that channel.</summary>
    public required string UserId { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Typed text (null for a pure button press or a document without caption).</summary>
    public string? Text { get; init; }

    /// <summary>Data of the pressed button (Choice.Data), when the channel has buttons.</summary>
    public string? ButtonData { get; init; }

    /// <summary>The client's language (IETF tag, e.g. "vi", "en-US"); Vietnamese when unknown.</summary>
    public string? LanguageCode { get; init; }

    public bool IsGroupChat { get; init; }

    /// <summary>In a group: whether the message was addressed to the bot (command or mention).</summary>
    public bool AddressedToBot { get; init; } = true;

    /// <summary>A key that identifies the delivery (e.g. "telegram:update:123"), for exactly-once handling.</summary>
    public string? UpdateKey { get; init; }

    /// <summary>A document sent with the message (e.g. a CSV to import).</summary>
    public IncomingDocument? Document { get; init; }

    /// <summary>A photo sent with the message (Telegram photo: its largest size; Zalo image), e.g. evidence for a form.</summary>
    public IncomingDocument? Photo { get; init; }

    /// <summary>A location shared with the message (Telegram location share).</summary>
    public IncomingLocation? Location { get; init; }

    /// <summary>The channel's own id of the message carrying the pressed button (to edit it in place).</summary>
    public string? SourceMessageId { get; init; }

    /// <summary>
    /// A change of a group's members the channel reported (Telegram: new_chat_members, left_chat_member, chat_member,
    /// my_chat_member), with no text to answer; <see cref="UserId"/> is whoever made the change.
    /// </summary>
    public IReadOnlyList<GroupMemberChange>? MemberChanges { get; init; }

    /// <summary>The identity key of the sender, "channel:userId".</summary>
    public string IdentityKey => $"{Channel}:{UserId}";
}

/// <summary>One person (or bot) who joined or left a group chat.</summary>
/// <param name="UserId">Their id on the channel.</param>
/// <param name="Joined">True when they are in the chat now, false when they left or were removed.</param>
/// <param name="IsThisBot">The bot itself was added or removed: what it knew of the members no longer holds.</param>
public sealed record GroupMemberChange(string UserId, bool Joined, bool IsThisBot = false);

/// <summary>A point shared from a phone, in degrees (WGS 84).</summary>
public sealed record IncomingLocation(double Latitude, double Longitude);

/// <summary>A document attached to an incoming message; content is fetched on demand.</summary>
public sealed record IncomingDocument(string FileName, long Size, Func<CancellationToken, Task<Stream>> OpenAsync);
