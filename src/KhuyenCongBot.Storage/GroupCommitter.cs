namespace KhuyenCongBot.Storage;

/// <summary>Group commit: the writes of many messages handled at the same moment share one LiteDB transaction.</summary>
internal sealed class GroupCommitter(StoreTransactions transactions)
{
    /// <summary>Works per shared transaction at most: LiteDB holds every page a transaction touches in memory until it commits.</summary>
    internal const int MaxGroup = 128;

    private readonly Lock _queueGate = new();
    private List<IQueuedWork> _queued = [];
    private bool _committing;
    private long _groupTransactions;
    private long _groupWorks;

    /// <summary>Transactions committed together, and the works they carried (for tests and benchmarks).</summary>
    public (long Transactions, long Works) Stats => (Interlocked.Read(ref _groupTransactions), Interlocked.Read(ref _groupWorks));

    public Task<T> InTransactionAsync<T>(Func<T> work)
    {
        var queued = new QueuedWork<T>(work);
        bool lead;
        lock (_queueGate)
        {
            _queued.Add(queued);
            lead = !_committing;
            _committing = true;
        }
        if (lead)
        {
            // The caller goes on (e.g. to the next message of its batch) while another thread commits what has queued up.
            ThreadPool.UnsafeQueueUserWorkItem(static committer => committer.CommitQueued(), this, preferLocal: false);
        }
        return queued.Task;
    }

    private void CommitQueued()
    {
        while (true)
        {
            List<IQueuedWork> batch;
            lock (_queueGate)
            {
                if (_queued.Count == 0)
                {
                    _committing = false;
                    return;
                }
                if (_queued.Count <= MaxGroup)
                {
                    batch = _queued;
                    _queued = [];
                }
                else
                {
                    batch = _queued.GetRange(0, MaxGroup);
                    _queued.RemoveRange(0, MaxGroup);
                }
            }
            CommitBatch(batch);
        }
    }

    /// <summary>Runs a batch in one transaction; if any work fails, rolls all back and runs each work in its own transaction.</summary>
    private void CommitBatch(List<IQueuedWork> batch)
    {
        // One work's failure must not fail the others: each then gets a transaction of its own.
        if (transactions.TryRunTogether(batch.Select(work => (Action)work.Run)))
        {
            Interlocked.Increment(ref _groupTransactions);
            Interlocked.Add(ref _groupWorks, batch.Count);
            foreach (var work in batch)
            {
                work.Complete();
            }
            return;
        }
        foreach (var work in batch)
        {
            try
            {
                transactions.Run(() =>
                {
                    work.Run();
                    return 0;
                });
                work.Complete();
            }
            catch (Exception ex)
            {
                work.Fail(ex);
            }
        }
    }

    private interface IQueuedWork
    {
        void Run();
        void Complete();
        void Fail(Exception error);
    }

    private sealed class QueuedWork<T>(Func<T> work) : IQueuedWork
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public void Run() => _result = work();

        public void Complete() => _done.TrySetResult(_result);

        public void Fail(Exception error) => _done.TrySetException(error);
    }
}
