using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>
/// The store's transactions: one at a time (a LiteDB transaction belongs to its thread), the writes the repositories held back
/// written just before the commit, and what waits for the commit (or the rollback) run after it.
/// </summary>
/// <param name="db">The open database.</param>
/// <param name="beforeCommit">Writes what the repositories held back for the end of the transaction.</param>
/// <param name="committed">The repositories publish what the transaction changed.</param>
/// <param name="settled">Runs after the post-commit actions (the conversation log is folded then).</param>
/// <param name="rolledBack">The repositories forget what the transaction changed.</param>
internal sealed class StoreTransactions(LiteDatabase db, Action beforeCommit, Action committed, Action settled, Action rolledBack)
{
    private readonly object _txLock = new();
    private readonly List<Action> _afterCommit = [];
    private readonly List<Action> _afterRollback = [];

    /// <summary>Whether this thread is inside a transaction of the store.</summary>
    public bool Active => Monitor.IsEntered(_txLock);

    public T Run<T>(Func<T> work)
    {
        // LiteDB transactions belong to a thread; the lock keeps concurrent callers from interleaving.
        lock (_txLock)
        {
            var began = db.BeginTrans();
            try
            {
                var result = work();
                if (began)
                {
                    beforeCommit();
                    db.Commit();
                    // Only the outermost transaction publishes changes: a nested one is not committed yet.
                    Committed();
                }
                return result;
            }
            catch
            {
                if (began)
                {
                    db.Rollback();
                    RolledBack();
                }
                throw;
            }
        }
    }

    /// <summary>Runs <paramref name="works"/> in one transaction; false when any failed (then all were rolled back).</summary>
    public bool TryRunTogether(IEnumerable<Action> works)
    {
        try
        {
            lock (_txLock)
            {
                if (!db.BeginTrans())
                {
                    throw new InvalidOperationException("A LiteDB transaction is already open on the committer thread.");
                }
                try
                {
                    foreach (var work in works)
                    {
                        work();
                    }
                    beforeCommit();
                    db.Commit();
                }
                catch
                {
                    db.Rollback();
                    RolledBack();
                    throw;
                }
                Committed();
                return true;
            }
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> while no transaction of this store runs (for consistent file copies).</summary>
    public void Exclusive(Action work)
    {
        lock (_txLock)
        {
            work();
        }
    }

    /// <summary>Runs <paramref name="onCommit"/> once the current transaction commits (<paramref name="onRollback"/> if it does not); at once outside a transaction.</summary>
    public void AfterCommit(Action onCommit, Action? onRollback = null)
    {
        if (!Active)
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

    private void Committed()
    {
        committed();
        var actions = _afterCommit.ToArray();
        _afterCommit.Clear();
        _afterRollback.Clear();
        foreach (var action in actions)
        {
            action();
        }
        settled();
    }

    private void RolledBack()
    {
        rolledBack();
        var actions = _afterRollback.ToArray();
        _afterCommit.Clear();
        _afterRollback.Clear();
        foreach (var action in actions)
        {
            action();
        }
    }
}
