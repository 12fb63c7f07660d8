namespace KhuyenCongBot.Core.Messaging;

/// <summary>One answer from the bot: text, optional choices, optional picture or file.</summary>
public sealed record Reply
{
    public string Text { get; init; } = "";

    /// <summary>Choices shown as buttons, or as a numbered list on channels without buttons.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public Attachment? Attachment { get; init; }

    /// <summary>Whether the channel may edit the message whose button was pressed instead of sending a new one.</summary>
    public bool EditsPrevious { get; init; }

    public static Reply Of(string text) => new() { Text = text };

    public static Reply WithChoices(string text, params Choice[] choices) => new() { Text = text, Choices = choices };
}

/// <summary>A choice: a label for people, data for the bot (at most 64 bytes, Telegram's limit).</summary>
/// <param name="Numbered">False for actions (skip, back, cancel) that text channels show as hints, not numbers.</param>
public sealed record Choice(string Label, string Data, bool Numbered = true)
{
    public const int MaxDataBytes = 64;
}

public enum AttachmentKind { Photo, Document }

/// <summary>A picture (PNG) or a file (xlsx, csv) sent with a reply.</summary>
public sealed record Attachment(AttachmentKind Kind, string FileName, byte[] Content, string ContentType)
{
    /// <summary>
    /// A file only its recipient may ever get (a database backup: every identity and record): a channel that can deliver
    /// files only through a link anyone holding it can open (Zalo) does not send it and says how to get it instead.
    /// </summary>
    public bool Confidential { get; init; }
}
