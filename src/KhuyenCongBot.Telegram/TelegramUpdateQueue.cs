using KhuyenCongBot.Core.Messaging;
using Telegram.Bot.Types;

namespace KhuyenCongBot.Telegram;

/// <summary>Runs updates of different chats concurrently and each chat's updates in arrival order.</summary>
public sealed class TelegramUpdateQueue(TelegramUpdateHandler handler)
{
    private readonly PerChatQueue<long, Update> _queue = new(ChatKey, handler.HandleAsync);

    /// <summary>Queues an update behind the earlier ones of its chat; the task completes when it has been handled.</summary>
    public Task Enqueue(Update update, CancellationToken ct) => _queue.Enqueue(update, ct);

    /// <summary>Completes when every queued update has been handled.</summary>
    public Task Drain() => _queue.Drain();

    /// <summary>The chat an update belongs to (its order is kept per chat).</summary>
    public static long ChatKey(Update update) =>
        update.Message?.Chat?.Id
        ?? update.CallbackQuery?.Message?.Chat?.Id
        ?? update.CallbackQuery?.From?.Id
        // Kinds the bot ignores: each is its own "chat" (no ordering needed); negative ids keep clear of real chats.
        ?? long.MinValue + update.Id;
}
