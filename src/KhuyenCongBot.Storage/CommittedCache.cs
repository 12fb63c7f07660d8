using System.Collections.Concurrent;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>
/// Committed documents by key, so a hot read skips LiteDB's query pipeline. Writers put what they committed and forget
/// what they are about to change; a reader caches what it read only if no writer touched the cache meanwhile.
/// </summary>
/// <typeparam name="TKey">The document id.</typeparam>
internal sealed class CommittedCache<TKey>
    where TKey : notnull
{
    /// <summary>Entries kept at most; beyond that the cache is emptied (a simple bound: the hot set refills it).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<TKey, BsonDocument> _docs = new();
    private long _generation;

    /// <summary>The document for <paramref name="key"/> from memory, else from <paramref name="read"/> (cached unless read inside a transaction).</summary>
    public BsonDocument? Get(TKey key, bool inTransaction, Func<BsonDocument?> read)
    {
        if (!inTransaction && _docs.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var generation = Interlocked.Read(ref _generation);
        var doc = read();
        // Inside a transaction the read may see uncommitted writes; a writer that moved the generation may have published newer data.
        if (doc is not null && !inTransaction && Interlocked.Read(ref _generation) == generation)
        {
            if (_docs.Count >= Capacity)
            {
                _docs.Clear();
            }
            _docs.TryAdd(key, doc);
        }
        return doc;
    }

    /// <summary>Publishes a committed document.</summary>
    public void Put(TKey key, BsonDocument doc)
    {
        _docs[key] = doc;
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Drops an entry (before a write, and after a rollback).</summary>
    public void Forget(TKey key)
    {
        _docs.TryRemove(key, out _);
        Interlocked.Increment(ref _generation);
    }
}
