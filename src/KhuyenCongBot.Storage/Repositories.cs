using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

internal sealed class CatalogueRepository(LiteDatabase db) : ICatalogueRepository
{
    private ILiteCollection<Activity> ActivitiesCol => db.GetCollection<Activity>("activities");
    private ILiteCollection<BsonDocument> ProvincesCol => db.GetCollection("provinces");
    private ILiteCollection<Region> RegionsCol => db.GetCollection<Region>("regions");

    public IReadOnlyList<Activity> Activities() => ActivitiesCol.FindAll().OrderBy(a => a.Order).ToList();

    public IReadOnlyList<ProvinceUnit> Provinces() =>
        ProvincesCol.FindAll().Select(d =>
        {
            // The mapper reads Id from _id, which carries the "c:"/"f:" kind prefix: strip it.
            var unit = db.Mapper.ToObject<ProvinceUnit>(d);
            if (unit.Id.Length > 2 && unit.Id[1] == ':' && unit.Id[0] is 'c' or 'f')
            {
                unit.Id = unit.Id[2..];
            }
            return unit;
        }).ToList();

    public IReadOnlyList<Region> Regions() => RegionsCol.FindAll().ToList();

    public void UpsertActivities(IEnumerable<Activity> activities) => ActivitiesCol.Upsert(activities);

    public void UpsertProvinces(IEnumerable<ProvinceUnit> provinces)
    {
        // Current and former units may share an id ("phu-tho"); the key is id + kind.
        foreach (var p in provinces)
        {
            var doc = db.Mapper.ToDocument(p);
            doc["_id"] = (p.IsCurrent ? "c:" : "f:") + p.Id;
            ProvincesCol.Upsert(doc);
        }
    }

    public void UpsertRegions(IEnumerable<Region> regions) => RegionsCol.Upsert(regions);
}

internal sealed class RecordRepository : IRecordRepository
{
    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly List<RecordChange> _pending = [];

    public RecordRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        EnsureIndexes(db);
    }

    /// <summary>Adds missing record indexes; true when one was built (an existing file goes through <see cref="LiteDbStore.UpgradeApart"/>).</summary>
    internal static bool EnsureIndexes(LiteDatabase db)
    {
        var col = db.GetCollection("records");
        var added = col.EnsureIndex(UserLatestIndex, UserLatestKey);
        // The plain user index answered ByUser before UserLatestIndex; nothing else queries it.
        col.DropIndex("CreatedByUserId");
        return added;
    }

    /// <summary>Name of the index whose key orders records by user, then id: a user's records are one contiguous range in it.</summary>
    internal const string UserLatestIndex = "user_latest";

    /// <summary>The key of <see cref="UserLatestIndex"/>: user id × 2^32 + record id (record ids stay below 2^32).</summary>
    internal const string UserLatestKey = "$.CreatedByUserId * 4294967296 + $._id";

    private const long UserLatestSpan = 4_294_967_296;

    public event Action<RecordChange>? Changed;

    private ILiteCollection<SupportRecord> Col => _db.GetCollection<SupportRecord>("records");

    public SupportRecord? Get(long id) => Col.FindById(id);

    private long _lastId = -1;
    private long _unwrittenHighWater = -1;
    private readonly Lock _idGate = new();

    /// <summary>The meta key of the highest record number ever given (deleting the last record does not free its number).</summary>
    internal const string HighWaterKey = "records:last-id";

    public long NextId()
    {
        lock (_idGate)
        {
            if (_lastId < 0)
            {
                // The highest id from the end of the _id index: one document read. (Count() here read all 1.000.000 records
                // and LiteDB kept ~100 MB of their pages cached.) The high-water mark covers a last record since deleted.
                var stored = _db.GetCollection("meta").FindById(HighWaterKey)?["v"].AsString;
                var mark = stored is null ? 0 : long.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
                _lastId = Math.Max(LastId(_db.GetCollection("records")), mark);
            }
            _unwrittenHighWater = ++_lastId;
            return _lastId;
        }
    }

    /// <summary>Writes the highest number given so far with the records that use it (called right before a commit).</summary>
    internal void WriteHighWater()
    {
        long mark;
        lock (_idGate)
        {
            mark = _unwrittenHighWater;
            _unwrittenHighWater = -1;
        }
        if (mark > 0)
        {
            _db.GetCollection("meta").Upsert(new BsonDocument { ["_id"] = HighWaterKey, ["v"] = mark.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    /// <summary>Writes the mark at once when a record was added outside a transaction.</summary>
    private void HighWaterNow()
    {
        if (!_store.InTransactionNow)
        {
            WriteHighWater();
        }
    }

    /// <summary>The highest _id of a collection with numeric ids, 0 when it is empty; reads one document through the _id index.</summary>
    internal static long LastId(ILiteCollection<BsonDocument> docs) =>
        docs.Find(Query.All(Query.Descending), 0, 1).FirstOrDefault()?["_id"].AsInt64 ?? 0;

    public long Add(SupportRecord record)
    {
        if (record.Id == 0)
        {
            record.Id = NextId();
        }
        Col.Insert(record);
        HighWaterNow();
        Raise(new RecordChange(null, record.Clone()));
        return record.Id;
    }

    public void AddMany(IReadOnlyList<SupportRecord> records)
    {
        foreach (var r in records.Where(r => r.Id == 0))
        {
            r.Id = NextId();
        }
        _store.InTransaction(() => Col.InsertBulk(records));
        HighWaterNow();
        foreach (var r in records)
        {
            Raise(new RecordChange(null, r.Clone()));
        }
    }

    public void Update(SupportRecord record)
    {
        var before = Col.FindById(record.Id);
        Col.Update(record);
        Raise(new RecordChange(before, record.Clone()));
    }

    public bool Delete(long id)
    {
        var before = Col.FindById(id);
        if (before is null || !Col.Delete(id))
        {
            return false;
        }
        Raise(new RecordChange(before, null));
        return true;
    }

    /// <summary>The user's latest <paramref name="limit"/> records, newest (highest id) first.</summary>
    /// <remarks>
    /// Walks <see cref="UserLatestIndex"/> backwards from the top of the user's range and stops after <paramref name="limit"/>
    /// records: LiteDB uses the index for both the filter and the order, so it reads <paramref name="limit"/> documents.
    /// Filtering on CreatedByUserId and sorting by id read and sorted every record of the user (~5.000 pages of 8 KB for a
    /// busy officer) and LiteDB's page cache kept that memory for good.
    /// </remarks>
    public IReadOnlyList<SupportRecord> ByUser(long userId, int limit) => limit <= 0 ? [] : UserLatestQuery(userId, limit).ToList();

    /// <summary>The query behind <see cref="ByUser"/> (tests check its plan).</summary>
    internal ILiteQueryableResult<SupportRecord> UserLatestQuery(long userId, int limit) =>
        Col.Query()
            .Where(BsonExpression.Create(UserLatestKey + " BETWEEN @0 AND @1", userId * UserLatestSpan, userId * UserLatestSpan + (UserLatestSpan - 1)))
            .OrderBy(BsonExpression.Create(UserLatestKey), Query.Descending)
            .Limit(limit);

    /// <summary>Every record in id order, read in chunks of <see cref="LiteDbStore.RecordReadChunk"/> records, each its own short query.</summary>
    /// <remarks>
    /// LiteDB 5 keeps every page a query reads pinned in its page cache until the query ends, and never gives the cache's
    /// memory back while the database is open: one FindAll over 1.000.000 records grew the cache to ~450 MB for good.
    /// Short queries let the cache reuse the pages of the previous chunk, so a full read costs a few MB.
    /// A record changed between two chunks is seen as it is when its chunk is read.
    /// </remarks>
    public IEnumerable<SupportRecord> All()
    {
        var last = long.MinValue;
        while (true)
        {
            // A parameter, not Query.GT: LiteDB compiles (and keeps) one delegate per distinct query text.
            var chunk = Col.Find(BsonExpression.Create("_id > @0", last), 0, LiteDbStore.RecordReadChunk).ToList();
            foreach (var r in chunk)
            {
                yield return r;
            }
            if (chunk.Count < LiteDbStore.RecordReadChunk)
            {
                yield break;
            }
            last = chunk[^1].Id;
        }
    }

    public int Count() => Col.Count();

    private void Raise(RecordChange change)
    {
        if (_store.InTransactionNow)
        {
            lock (_pending)
            {
                _pending.Add(change);
            }
            return;
        }
        Changed?.Invoke(change);
    }

    /// <summary>Raises the changes held back during a transaction once it commits; drops them on rollback.</summary>
    internal void FlushChanges(bool committed)
    {
        if (_store.InTransactionNow && !committed)
        {
            lock (_pending)
            {
                _pending.Clear();
            }
            return;
        }
        List<RecordChange> changes;
        lock (_pending)
        {
            changes = [.. _pending];
            _pending.Clear();
        }
        if (committed)
        {
            foreach (var c in changes)
            {
                Changed?.Invoke(c);
            }
        }
    }
}

internal sealed class PlanRepository(LiteDatabase db) : IPlanRepository
{
    private ILiteCollection<Plan> Col => db.GetCollection<Plan>("plans");

    public Plan? Get(string id) => Col.FindById(id);

    public void Upsert(Plan plan) => Col.Upsert(plan);

    public bool Delete(string id) => Col.Delete(id);

    public void UpsertMany(IEnumerable<Plan> plans) => Col.Upsert(plans);

    public IReadOnlyList<Plan> ForYear(int year) => Col.Find(p => p.Year == year).ToList();

    public IEnumerable<Plan> All() => Col.FindAll();
}

/// <summary>People, with the committed documents of those seen recently kept in memory: each message looks its sender up.</summary>
internal sealed class UserRepository : IUserRepository
{
    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly CommittedCache<long> _byId = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _idByIdentity = new(StringComparer.Ordinal);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<BsonDocument, BotUser> _mapped = new();

    public UserRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        Docs.EnsureIndex("identities", "$.Identities[*]");
    }

    private ILiteCollection<BotUser> Col => _db.GetCollection<BotUser>("users");

    private ILiteCollection<BsonDocument> Docs => _db.GetCollection("users");

    public BotUser? Get(long id)
    {
        var doc = _byId.Get(id, _store.InTransactionNow, () => Docs.FindById(id));
        return doc is null ? null : Map(doc);
    }

    /// <summary>The person in a document: mapped once per document (reflection is slow), then copied for each caller.</summary>
    private BotUser Map(BsonDocument doc) => _mapped.GetValue(doc, d => _db.Mapper.ToObject<BotUser>(d)).Clone();

    public BotUser? FindByIdentity(string identityKey)
    {
        if (_idByIdentity.TryGetValue(identityKey, out var id) && Get(id) is { } known && known.Identities.Contains(identityKey))
        {
            return known;
        }
        // A parameter, not a value written into the query text: LiteDB compiles one delegate per distinct text.
        var doc = Docs.FindOne(BsonExpression.Create("$.Identities[*] ANY = @0", identityKey));
        if (doc is null)
        {
            return null;
        }
        var user = Map(doc);
        if (!_store.InTransactionNow)
        {
            _idByIdentity[identityKey] = user.Id;
        }
        return user;
    }

    public long Add(BotUser user)
    {
        Col.Insert(user);
        Published(user);
        return user.Id;
    }

    public void Update(BotUser user)
    {
        Col.Update(user);
        Published(user);
    }

    public IReadOnlyList<BotUser> All() => Col.FindAll().ToList();

    /// <summary>Once the write is committed, the cache holds what was written; a rollback drops the entry.</summary>
    private void Published(BotUser user)
    {
        var doc = _db.Mapper.ToDocument(user);
        var id = user.Id;
        _byId.Forget(id);
        _store.AfterCommit(
            () =>
            {
                _byId.Put(id, doc);
                foreach (var identity in doc["Identities"].AsArray.Select(v => v.AsString))
                {
                    _idByIdentity[identity] = id;
                }
            },
            () => _byId.Forget(id));
    }
}

internal sealed class InvitationRepository(LiteDatabase db) : IInvitationRepository
{
    private ILiteCollection<Invitation> Col => db.GetCollection<Invitation>("invitations");

    public Invitation? Get(string code) => Col.FindById(code);

    public void Add(Invitation invitation) => Col.Insert(invitation);

    public void Update(Invitation invitation) => Col.Update(invitation);

    public IReadOnlyList<Invitation> Outstanding(long userId) =>
        Col.Find(Query.Or(Query.EQ(nameof(Invitation.LinkUserId), userId), Query.EQ(nameof(Invitation.CreatedByUserId), userId)))
            .Where(i => i.UsedAt is null && i.RevokedAt is null)
            .ToList();
}

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

internal sealed class AuditRepository : IAuditRepository
{
    private readonly LiteDatabase _db;

    public AuditRepository(LiteDatabase db)
    {
        _db = db;
        Col.EnsureIndex(a => a.EntityId);
    }

    private ILiteCollection<AuditEntry> Col => _db.GetCollection<AuditEntry>("audit");

    public void Add(AuditEntry entry) => Col.Insert(entry);

    public IReadOnlyList<AuditEntry> ForEntity(string entity, string entityId) =>
        Col.Find(a => a.EntityId == entityId && a.Entity == entity).OrderBy(a => a.Id).ToList();
}

/// <summary>Small named values, and the keys of handled updates (all kept in memory, so checking one reads nothing).</summary>
/// <remarks>
/// The keys a transaction marks are written as one document ("marks:N", an array of keys) when it commits: a group commit
/// carries hundreds of messages, and one insert for all of them costs far less than one index entry each.
/// Earlier versions wrote one "update:KEY" document per update; those are still read (and aged out) at start.
/// </remarks>
internal sealed class MetaRepository : IMetaRepository
{
    /// <summary>Handled-update marks older than this are dropped at start: no platform redelivers an update that late (Telegram keeps them 24 hours).</summary>
    internal static readonly TimeSpan UpdateMarkLifetime = TimeSpan.FromDays(7);

    private const string UpdatePrefix = "update:";
    private const string MarksPrefix = "marks:";
    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly HandledKeys _handled = new();
    private readonly HandledKeys _handledBefore = new();
    private readonly List<string> _pendingMarks = [];
    private long _lastMarks;

    public MetaRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        LoadHandled(DateTime.UtcNow - UpdateMarkLifetime);
    }

    private ILiteCollection<BsonDocument> Col => _db.GetCollection("meta");

    public string? Get(string key) => Col.FindById(key)?["v"].AsString;

    public void Set(string key, string value) => Col.Upsert(new BsonDocument { ["_id"] = key, ["v"] = value });

    public bool IsHandled(string updateKey) => _handled.Contains(updateKey) || _handledBefore.Contains(updateKey);

    public bool HandledBeforeStart(string updateKey) => _handledBefore.Contains(updateKey);

    public bool TryMarkHandled(string updateKey, DateTimeOffset at)
    {
        if (_handledBefore.Contains(updateKey) || !_handled.Add(updateKey))
        {
            return false;
        }
        if (!_store.InTransactionNow)
        {
            // On a handler's thread: the pending marks belong to the transaction holding the store's lock (the group
            // committer may be filling them right now), so this mark gets a transaction of its own.
            try
            {
                _store.InTransaction(() =>
                {
                    _pendingMarks.Add(updateKey);
                    return 0;
                });
            }
            catch
            {
                _handled.Remove(updateKey);
                throw;
            }
            return true;
        }
        _pendingMarks.Add(updateKey);
        // A rolled-back mark was never handled: the update must be handled when it comes again.
        _store.AfterCommit(static () => { }, () => _handled.Remove(updateKey));
        return true;
    }

    /// <summary>Writes the marks of the current transaction as one document (called by the store right before it commits).</summary>
    internal void WritePendingMarks()
    {
        if (_pendingMarks.Count == 0)
        {
            return;
        }
        var id = MarksPrefix + Interlocked.Increment(ref _lastMarks).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        Col.Insert(new BsonDocument
        {
            ["_id"] = id,
            ["v"] = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["k"] = new BsonArray(_pendingMarks.Select(k => new BsonValue(k))),
        });
        _pendingMarks.Clear();
    }

    /// <summary>Drops the marks of a rolled-back transaction.</summary>
    internal void DropPendingMarks() => _pendingMarks.Clear();

    /// <summary>Whether the database itself (not memory) holds the mark of <paramref name="updateKey"/>: what a restart would see.</summary>
    internal bool MarkStored(string updateKey) =>
        Col.FindById(UpdatePrefix + updateKey) is not null
        || Col.Find(Query.StartsWith("_id", MarksPrefix)).Any(d => d["k"].AsArray.Any(k => k.AsString == updateKey));

    /// <summary>Reads the marks left by earlier runs into memory, deleting those older than <paramref name="since"/>.</summary>
    private void LoadHandled(DateTime since)
    {
        var stale = new List<BsonValue>();
        foreach (var prefix in new[] { UpdatePrefix, MarksPrefix })
        {
            foreach (var doc in Col.Find(Query.StartsWith("_id", prefix)))
            {
                var id = doc["_id"].AsString;
                if (DateTime.TryParse(doc["v"].AsString, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
                    && at.ToUniversalTime() < since)
                {
                    stale.Add(doc["_id"]);
                    continue;
                }
                if (prefix == UpdatePrefix)
                {
                    _handledBefore.Add(id[UpdatePrefix.Length..]);
                    continue;
                }
                foreach (var key in doc["k"].AsArray)
                {
                    _handledBefore.Add(key.AsString);
                }
                if (long.TryParse(id[MarksPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                {
                    _lastMarks = Math.Max(_lastMarks, n);
                }
            }
        }
        foreach (var chunk in stale.Chunk(1_000))
        {
            Col.DeleteMany(Query.In("_id", chunk));
        }
    }
}
