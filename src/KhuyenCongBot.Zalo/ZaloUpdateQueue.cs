using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Zalo;

/// <summary>Runs updates of different chats concurrently and each chat's updates in arrival order.</summary>
public sealed class ZaloUpdateQueue(ZaloUpdateProcessor processor)
{
    private readonly PerChatQueue<string, ZaloUpdate> _queue = new(
        update => update.Message?.Chat?.Id ?? update.Message?.From?.Id ?? "update:" + Guid.NewGuid().ToString("N"),
        processor.HandleAsync);

    /// <summary>Queues an update behind the earlier ones of its chat; the task completes when it has been handled.</summary>
    public Task Enqueue(ZaloUpdate update, CancellationToken ct) => _queue.Enqueue(update, ct);

    /// <summary>Completes when every queued update has been handled.</summary>
    public Task Drain() => _queue.Drain();
}
