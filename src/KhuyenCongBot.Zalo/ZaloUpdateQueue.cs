namespace KhuyenCongBot.Zalo;

/// <summary>Runs updates of different chats concurrently and each chat's updates in arrival order.</summary>
public sealed class ZaloUpdateQueue(ZaloUpdateProcessor processor)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <summary>Queues an update behind the earlier ones of its chat; the task completes when it has been handled.</summary>
    public Task Enqueue(ZaloUpdate update, CancellationToken ct)
    {
        var key = update.Message?.Chat?.Id ?? update.Message?.From?.Id ?? "update:" + Guid.NewGuid().ToString("N");
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

    private async Task RunAfter(Task previous, ZaloUpdate update, CancellationToken ct)
    {
        await previous.ConfigureAwait(false);
        await processor.HandleAsync(update, ct).ConfigureAwait(false);
    }
}
