using Telegram.Bot.Types;

namespace KhuyenCongBot.Telegram;

/// <summary>Runs updates of different chats concurrently and each chat's updates in arrival order.</summary>
public sealed class TelegramUpdateQueue(TelegramUpdateHandler handler)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Task> _tails = [];

    /// <summary>Queues an update behind the earlier ones of its chat; the task completes when it has been handled.</summary>
    public Task Enqueue(Update update, CancellationToken ct)
    {
        var key = ChatKey(update);
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            var next = RunAfter(previous, update, ct);
            _tails[key] = next;
            _ = next.ContinueWith(done =>
            {
                lock (_gate)
                {
                    if (_tails.TryGetValue(key, out var tail) && tail == done)
                    {
                        _tails.Remove(key);
                    }
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return next;
        }
    }

    /// <summary>Completes when every queued update has been handled.</summary>
    public Task Drain()
    {
        lock (_gate)
        {
            return Task.WhenAll(_tails.Values.ToList());
        }
    }

    private async Task RunAfter(Task previous, Update update, CancellationToken ct)
    {
        await previous.ConfigureAwait(false);
        await handler.HandleAsync(update, ct).ConfigureAwait(false);
    }

    private static long ChatKey(Update update) =>
        update.Message?.Chat?.Id
        ?? update.CallbackQuery?.Message?.Chat?.Id
        ?? update.CallbackQuery?.From?.Id
        // Kinds the bot ignores: each is its own "chat" (no ordering needed); negative ids keep clear of real chats.
        ?? long.MinValue + update.Id;
}
