namespace KhuyenCongBot.Core.Messaging;

/// <summary>Runs items of different chats concurrently and each chat's items in arrival order (a chain of tasks per key).</summary>
/// <typeparam name="TKey">The chat key.</typeparam>
/// <typeparam name="TItem">What is handled (a platform update).</typeparam>
public sealed class PerChatQueue<TKey, TItem>(Func<TItem, TKey> keyOf, Func<TItem, CancellationToken, Task> handle)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Task> _tails = [];

    /// <summary>Queues an item behind the earlier ones of its chat; the task completes when it has been handled.</summary>
    public Task Enqueue(TItem item, CancellationToken ct)
    {
        var key = keyOf(item);
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            var next = RunAfter(previous, item, ct);
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

    /// <summary>Completes when every queued item has been handled.</summary>
    public Task Drain()
    {
        lock (_gate)
        {
            return Task.WhenAll(_tails.Values.ToList());
        }
    }

    private async Task RunAfter(Task previous, TItem item, CancellationToken ct)
    {
        if (previous.IsCompleted)
        {
            // Off the caller's thread: a batch of updates from different chats is then handled on every core, not one by one.
            await Task.Yield();
        }
        else
        {
            await previous.ConfigureAwait(false);
        }
        await handle(item, ct).ConfigureAwait(false);
    }
}
