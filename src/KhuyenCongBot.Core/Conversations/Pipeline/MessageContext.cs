using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>What the steps learn about one message on its way through the engine.</summary>
public sealed class MessageContext(Incoming message, CancellationToken cancellationToken)
{
    /// <summary>The message; <see cref="CleanInputStep"/> replaces it with its well-formed copy.</summary>
    public Incoming Message { get; set; } = message;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>"vi" (default) or "en", from the client's language.</summary>
    public string Language { get; set; } = "vi";

    /// <summary>The person, once <see cref="IdentifyStep"/> has found (or registered) them.</summary>
    public BotUser? User { get; set; }

    /// <summary>The handlers' view of the message, built by <see cref="LoadStateStep"/>.</summary>
    public BotContext? Bot { get; set; }

    /// <summary>
    /// In a group, while the person has a dialog open elsewhere: the message is handled on a scratch state and
    /// <see cref="Saved"/>, the person's own conversation, is committed as it was.
    /// </summary>
    public bool Aside { get; set; }

    /// <summary>The person's own conversation state as loaded (differs from <c>Bot.State</c> when <see cref="Aside"/>).</summary>
    public ConversationState? Saved { get; set; }
}

/// <summary>The replies of a message whose save failed (the update must stay unmarked so a redelivery is handled).</summary>
internal sealed class SaveFailed(Reply reply) : List<Reply>([reply]);
