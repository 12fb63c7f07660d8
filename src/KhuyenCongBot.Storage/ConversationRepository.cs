using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Where each conversation is. Saved states go to a log, one document per transaction, and are folded into the
/// conversations collection in batches: a group commit of hundreds of messages then costs one insert, not hundreds of updates.</summary>
/// <remarks>
/// States in the log but not yet folded are kept in memory (they are the truth for those people until folded); folded
/// states read recently are cached. At open, whatever the log holds (a crash, a stop) is folded first.
/// </remarks>
internal sealed class ConversationRepository : IConversationRepository
{
    /// <summary>Log documents written before the log is folded into the conversations collection.</summary>
    /// <remarks>A fold rewrites the latest state of everyone in the log: with 500 people busy, folding every 64 transactions
    /// rewrote ~3,000 states a second. 256: the pipeline benchmark went from 20,900 to 22,100-22,300 updates/s.</remarks>
    internal const int FoldEvery = 256;

    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly CommittedCache<long> _cache = new();

    // States are kept in memory as ConversationStateCodec bytes: one array per person, nothing for the GC to trace.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte[]> _logged = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte[]> _folded = new();
    private readonly Dictionary<long, byte[]> _pending = [];
    private long _lastLog;
    private bool _logWritten;
    private int _unfolded;

    public ConversationRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        _lastLog = RecordRepository.LastId(Log);
        Fold(all: true);
    }

    private ILiteCollection<BsonDocument> Docs => _db.GetCollection("conversations");

    private ILiteCollection<BsonDocument> Log => _db.GetCollection("conversation_log");

    /// <summary>People whose latest state is only in the log (and memory) so far.</summary>
    internal int Unfolded => _logged.Count;

    public ConversationState? Get(long userId)
    {
        try
        {
            if (_store.InTransactionNow && _pending.TryGetValue(userId, out var mine))
            {
                return ConversationStateCodec.Decode(mine);
            }
            if (_logged.TryGetValue(userId, out var logged))
            {
                return ConversationStateCodec.Decode(logged);
            }
            if (_folded.TryGetValue(userId, out var folded))
            {
                return ConversationStateCodec.Decode(folded);
            }
            var doc = _cache.Get(userId, _store.InTransactionNow, () => Docs.FindById(userId));
            return doc is null ? null : FromDocument(doc);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException or LiteException or InvalidCastException)
        {
            throw new UnreadableStateException(userId, ex);
        }
    }

    public PreparedConversation Prepare(ConversationState state) => new(state.Id, ConversationStateCodec.Encode(state));

    public void Save(ConversationState state) => Save(Prepare(state));

    public void Save(PreparedConversation prepared)
    {
        if (!_store.InTransactionNow)
        {
            _store.InTransaction(() =>
            {
                Save(prepared);
                return 0;
            });
            return;
        }
        _pending[prepared.UserId] = (byte[])prepared.Payload;
    }

    public IReadOnlyList<ConversationState> Active()
    {
        var active = new Dictionary<long, ConversationState>();
        foreach (var doc in Docs.Find(Query.Not("Flow", BsonValue.Null)))
        {
            active[doc["_id"].AsInt64] = FromDocument(doc);
        }
        foreach (var (id, bytes) in _logged)
        {
            if (ConversationStateCodec.FlowOf(bytes) is null)
            {
                active.Remove(id);
            }
            else
            {
                active[id] = ConversationStateCodec.Decode(bytes);
            }
        }
        return [.. active.Values];
    }

    /// <summary>A document of the conversations collection: the state's bytes with its flow beside them (for <see cref="Active"/>).</summary>
    private static BsonDocument ToDocument(long id, byte[] bytes)
    {
        var flow = ConversationStateCodec.FlowOf(bytes);
        return new BsonDocument { ["_id"] = id, ["Flow"] = flow is null ? BsonValue.Null : flow, ["b"] = bytes };
    }

    /// <summary>A state from the conversations collection, in either format (bytes, or the mapped document of earlier versions).</summary>
    private ConversationState FromDocument(BsonDocument doc) =>
        doc.TryGetValue("b", out var bytes) && bytes.IsBinary ? ConversationStateCodec.Decode(bytes.AsBinary) : _db.Mapper.ToObject<ConversationState>(doc);

    /// <summary>A state from the log, in either format (bytes, or a mapped document written by an earlier version).</summary>
    private byte[] FromLog(BsonValue value) =>
        value.IsBinary ? value.AsBinary : ConversationStateCodec.Encode(_db.Mapper.ToObject<ConversationState>(value.AsDocument));

    /// <summary>Writes the states saved in the current transaction as one log document (called right before it commits).</summary>
    internal void WritePending()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        var states = new BsonArray();
        foreach (var bytes in _pending.Values)
        {
            states.Add(bytes);
        }
        Log.Insert(new BsonDocument { ["_id"] = _lastLog + 1, ["s"] = states });
        _lastLog++;
        _logWritten = true;
    }

    /// <summary>After the commit: the states just logged are what readers see.</summary>
    internal void Committed()
    {
        foreach (var (id, bytes) in _pending)
        {
            _logged[id] = bytes;
            _folded.TryRemove(id, out _);
            _cache.Forget(id);
        }
        if (_logWritten)
        {
            _unfolded++;
        }
        _logWritten = false;
        _pending.Clear();
    }

    /// <summary>After a rollback: the states of that transaction never happened (the log id it took is reused).</summary>
    internal void RolledBack()
    {
        if (_logWritten)
        {
            _lastLog--;
        }
        _logWritten = false;
        _pending.Clear();
    }

    /// <summary>Whether enough log documents wait to be folded (checked by the committer after each transaction).</summary>
    internal bool FoldDue => _unfolded >= FoldEvery;

    /// <summary>Folds the log into the conversations collection, in its own transaction (the caller holds the store's lock).</summary>
    internal void Fold(bool all = false)
    {
        if (!all && _unfolded == 0)
        {
            return;
        }
        var began = _db.BeginTrans();
        try
        {
            var latest = new Dictionary<long, byte[]>();
            if (all)
            {
                // At open: the log is the only source (memory is empty).
                foreach (var entry in Log.FindAll().OrderBy(d => d["_id"].AsInt64))
                {
                    foreach (var value in entry["s"].AsArray)
                    {
                        var bytes = FromLog(value);
                        latest[ConversationStateCodec.IdOf(bytes)] = bytes;
                    }
                }
            }
            else
            {
                foreach (var (id, bytes) in _logged)
                {
                    latest[id] = bytes;
                }
            }
            if (latest.Count > 0)
            {
                Docs.Upsert(latest.Select(p => ToDocument(p.Key, p.Value)));
            }
            Log.DeleteAll();
            if (began)
            {
                _db.Commit();
            }
            if (!all)
            {
                if (_folded.Count + latest.Count > CommittedCache<long>.Capacity)
                {
                    _folded.Clear();
                }
                foreach (var (id, bytes) in latest)
                {
                    // Only what is still the latest leaves the log's memory; a state logged since stays until the next fold.
                    if (_logged.TryGetValue(id, out var current) && ReferenceEquals(current, bytes))
                    {
                        _folded[id] = bytes;
                        _logged.TryRemove(id, out _);
                    }
                }
            }
            _unfolded = 0;
            _lastLog = 0;
        }
        catch
        {
            if (began)
            {
                _db.Rollback();
            }
            throw;
        }
    }
}
