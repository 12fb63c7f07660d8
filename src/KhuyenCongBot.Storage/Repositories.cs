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

    private static bool EnsureIndexes(LiteDatabase db)
    {
        var col = db.GetCollection("records");
        var added = col.EnsureIndex(UserLatestIndex, UserLatestKey);
        // The plain user index answered ByUser before UserLatestIndex; nothing else queries it.
        col.DropIndex("CreatedByUserId");
        return added;
    }

    /// <summary>Adds missing record indexes to an existing file through a database instance of their own, then frees its memory.</summary>
    /// <remarks>
    /// Building an index over 1.000.000 records is one LiteDB transaction that pins every page it reads: ~500 MB of page cache,
    /// which LiteDB never gives back while that <see cref="LiteDatabase"/> lives. Building it on a throwaway instance limits
    /// that to a one-time peak at the first start after an upgrade.
    /// </remarks>
    internal static void AddIndexesApart(ConnectionString connection, BsonMapper mapper)
    {
        bool added;
        using (var db = new LiteDatabase(connection, mapper))
        {
            added = EnsureIndexes(db);
        }
        if (added)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    /// <summary>Name of the index whose key orders records by user, then id: a user's records are one contiguous range in it.</summary>
    internal const string UserLatestIndex = "user_latest";

    /// <summary>The key of <see cref="UserLatestIndex"/>: user id × 2^32 + record id (record ids stay below 2^32).</summary>
    internal const string UserLatestKey = "$.CreatedByUserId * 4294967296 + $._id";

    private const long UserLatestSpan = 4_294_967_296;

    public event Action<RecordChange>? Changed;

    private ILiteCollection<SupportRecord> Col => _db.GetCollection<SupportRecord>("records");

    public SupportRecord? Get(long id) => Col.FindById(id);

    public long Add(SupportRecord record)
    {
        Col.Insert(record);
        Raise(new RecordChange(null, record.Clone()));
        return record.Id;
    }

    public void AddMany(IReadOnlyList<SupportRecord> records)
    {
        _store.InTransaction(() => Col.InsertBulk(records));
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
            var chunk = Col.Find(Query.GT("_id", last), 0, LiteDbStore.RecordReadChunk).ToList();
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

    public void Upsert(Plan plan) => Col.Upsert(plan);

    public void UpsertMany(IEnumerable<Plan> plans) => Col.Upsert(plans);

    public IReadOnlyList<Plan> ForYear(int year) => Col.Find(p => p.Year == year).ToList();

    public IEnumerable<Plan> All() => Col.FindAll();
}

internal sealed class UserRepository : IUserRepository
{
    private readonly LiteDatabase _db;

    public UserRepository(LiteDatabase db)
    {
        _db = db;
        Col.EnsureIndex("identities", "$.Identities[*]");
    }

    private ILiteCollection<BotUser> Col => _db.GetCollection<BotUser>("users");

    public BotUser? Get(long id) => Col.FindById(id);

    public BotUser? FindByIdentity(string identityKey) =>
        Col.FindOne(Query.EQ("$.Identities[*] ANY", identityKey));

    public long Add(BotUser user)
    {
        Col.Insert(user);
        return user.Id;
    }

    public void Update(BotUser user) => Col.Update(user);

    public IReadOnlyList<BotUser> All() => Col.FindAll().ToList();
}

internal sealed class InvitationRepository(LiteDatabase db) : IInvitationRepository
{
    private ILiteCollection<Invitation> Col => db.GetCollection<Invitation>("invitations");

    public Invitation? Get(string code) => Col.FindById(code);

    public void Add(Invitation invitation) => Col.Insert(invitation);

    public void Update(Invitation invitation) => Col.Update(invitation);
}

internal sealed class ConversationRepository(LiteDatabase db) : IConversationRepository
{
    private ILiteCollection<ConversationState> Col => db.GetCollection<ConversationState>("conversations");

    public ConversationState? Get(long userId) => Col.FindById(userId);

    public void Save(ConversationState state) => Col.Upsert(state);

    public IReadOnlyList<ConversationState> Active() => Col.Find(s => s.Flow != null).ToList();
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

internal sealed class MetaRepository(LiteDatabase db) : IMetaRepository
{
    private ILiteCollection<BsonDocument> Col => db.GetCollection("meta");

    public string? Get(string key) => Col.FindById(key)?["v"].AsString;

    public void Set(string key, string value) => Col.Upsert(new BsonDocument { ["_id"] = key, ["v"] = value });

    public bool TryMarkHandled(string updateKey, DateTimeOffset at)
    {
        var key = "update:" + updateKey;
        if (Col.FindById(key) is not null)
        {
            return false;
        }
        Col.Insert(new BsonDocument { ["_id"] = key, ["v"] = at.UtcDateTime.ToString("O") });
        return true;
    }
}
