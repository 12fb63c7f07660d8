namespace KhuyenCongBot.Storage;

/// <summary>Group commit: the writes of many messages handled at the same moment share one LiteDB transaction.</summary>
public sealed partial class LiteDbStore
{
    private readonly Lock _queueGate = new();
    private readonly List<Action> _afterCommit = [];
    private readonly List<Action> _afterRollback = [];
    private List<IQueuedWork> _queued = [];
    private bool _committing;

    /// <summary>Transactions committed by the group committer, and the works they carried (for tests and benchmarks).</summary>
    public (long Transactions, long Works) GroupCommitStats => (Interlocked.Read(ref _groupTransactions), Interlocked.Read(ref _groupWorks));

    /// <summary>Works per shared transaction at most: LiteDB holds every page a transaction touches in memory until it commits.</summary>
    internal const int MaxGroup = 128;

    private long _groupTransactions;
    private long _groupWorks;

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
            ThreadPool.UnsafeQueueUserWorkItem(static store => store.CommitQueued(), this, preferLocal: false);
        }
        return queued.Task;
    }

    /// <summary>Runs <paramref name="onCommit"/> once the current transaction commits (<paramref name="onRollback"/> if it does not); at once outside a transaction.</summary>
    internal void AfterCommit(Action onCommit, Action? onRollback = null)
    {
        if (!InTransactionNow)
        {
            onCommit();
            return;
        }
        _afterCommit.Add(onCommit);
        if (onRollback is not null)
        {
            _afterRollback.Add(onRollback);
        }
    }

    /// <summary>Writes what the repositories held back for the end of the transaction (update marks, the conversation log).</summary>
    private void BeforeCommit()
    {
        ((MetaRepository)Meta).WritePendingMarks();
        ((RecordRepository)Records).WriteHighWater();
        ((ConversationRepository)Conversations).WritePending();
    }

    private void Committed()
    {
        ((ConversationRepository)Conversations).Committed();
        ((RecordRepository)Records).FlushChanges(true);
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        _afterRollback.Clear();
        foreach (var action in actions)
        {
            action();
        }
        var conversations = (ConversationRepository)Conversations;
        if (conversations.FoldDue)
        {
            try
            {
                conversations.Fold();
            }
            catch (LiteDB.LiteException)
            {
                // The log stays in the file and is folded next time (or at the next open): nothing is lost.
            }
        }
    }

    private void RolledBack()
    {
        ((ConversationRepository)Conversations).RolledBack();
        ((RecordRepository)Records).FlushChanges(false);
        ((MetaRepository)Meta).DropPendingMarks();
        var actions = _afterRollback.ToArray();
        _afterCommit.Clear();
        _afterRollback.Clear();
        foreach (var action in actions)
        {
            action();
        }
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
        var together = false;
        try
        {
            lock (_txLock)
            {
                if (!_db.BeginTrans())
                {
                    throw new InvalidOperationException("A LiteDB transaction is already open on the committer thread.");
                }
                try
                {
                    foreach (var work in batch)
                    {
                        work.Run();
                    }
                    BeforeCommit();
                    _db.Commit();
                }
                catch
                {
                    _db.Rollback();
                    RolledBack();
                    throw;
                }
                Committed();
                together = true;
            }
        }
        catch (Exception)
        {
            // One work's failure must not fail the others: each gets a transaction of its own.
        }
        if (together)
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
                InTransaction(() =>
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
