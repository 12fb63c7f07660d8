namespace KhuyenCongBot.Core.Messaging;

/// <summary>The channel-agnostic bot: one incoming message in, the replies out.</summary>
public interface IBotEngine
{
    Task<IReadOnlyList<Reply>> HandleAsync(Incoming message, CancellationToken cancellationToken = default);

    /// <summary>The commands to show in a channel's menu (name without slash, description).</summary>
    IReadOnlyList<(string Command, string Description)> MenuCommands(string language);
}

/// <summary>Sends a message to a chat on one channel, outside a reply (broadcasts, reminders).</summary>
public interface IMessageSender
{
    string Channel { get; }

    /// <summary>Sends a reply to a chat; throws <see cref="SendFailedException"/> with the platform's reason on failure.</summary>
    Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default);
}

/// <summary>A send that the platform refused; <see cref="Permanent"/> when retrying is pointless (blocked, deleted).</summary>
public sealed class SendFailedException(string reason, bool permanent, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    public bool Permanent { get; } = permanent;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
