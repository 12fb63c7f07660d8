namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Wakes the broadcast service when a broadcast is confirmed, and tells a running send that it was cancelled.</summary>
public sealed class BroadcastSignal
{
    private readonly object _lock = new();
    private readonly HashSet<long> _cancelled = [];
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake()
    {
        lock (_lock)
        {
            _wake.TrySetResult();
        }
    }

    /// <summary>A task that completes at the next <see cref="Wake"/>.</summary>
    public Task WaitAsync()
    {
        lock (_lock)
        {
            if (_wake.Task.IsCompleted)
            {
                _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            return _wake.Task;
        }
    }

    public void Cancel(long broadcastId)
    {
        lock (_lock)
        {
            _cancelled.Add(broadcastId);
        }
    }

    public bool IsCancelled(long broadcastId)
    {
        lock (_lock)
        {
            return _cancelled.Contains(broadcastId);
        }
    }
}
