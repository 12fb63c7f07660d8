using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

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
        // The records of a project (/dean KC-2026-07, the report's project list); records of no project are null in it.
        added |= col.EnsureIndex(nameof(SupportRecord.ProjectCode));
        // The plain user index answered ByUser before UserLatestIndex; nothing else queries it.
        col.DropIndex("CreatedByUserId");
        return added;
    }

    /// <summary>
    /// Once, for a file from before schema 3: every record with one amount and a named source gets its split, the amount as
    /// that source's part (KCQG or KCĐP); the amount, the source and everything else stay as they were, so every figure is
    /// the same after the upgrade. Records without a source (or without money) keep no split. Idempotent: a record that
    /// already has a split is left alone, so an upgrade stopped halfway is finished by the next start.
    /// </summary>
    internal static bool SplitFunding(LiteDatabase db)
    {
        var version = db.GetCollection("meta").FindById(LiteDbStore.SchemaVersionKey)?["v"].AsString;
        if (version is not null && int.Parse(version, System.Globalization.CultureInfo.InvariantCulture) >= 3)
        {
            return false;
        }
        var col = db.GetCollection("records");
        var changed = 0;
        var batch = new List<BsonDocument>(LiteDbStore.RecordReadChunk);
        var lastId = 0L;
        while (true)
        {
            batch.Clear();
            var lastSeen = lastId;
            foreach (var doc in col.Find(Query.GT("_id", lastId), limit: LiteDbStore.RecordReadChunk))
            {
                lastSeen = doc["_id"].AsInt64;
                if (doc["Split"].IsDocument
                    || RecordFunding.FromSingle(doc["FundingVnd"].IsNumber ? doc["FundingVnd"].AsInt64 : 0, doc["FundingSource"].IsString ? doc["FundingSource"].AsString : null) is not { } split)
                {
                    continue;
                }
                doc["Split"] = ProjectRepository.ToDocument(split);
                batch.Add(doc);
            }
            if (lastSeen == lastId)
            {
                break;
            }
            lastId = lastSeen;
            if (batch.Count > 0)
            {
                changed += col.Update(batch);
            }
        }
        return changed > 0;
    }

    /// <summary>Name of the index whose key orders records by user, then id: a user's records are one contiguous range in it.</summary>
    internal const string UserLatestIndex = "user_latest";

    /// <summary>The key of <see cref="UserLatestIndex"/>: user id × 2^32 + record id (record ids stay below 2^32).</summary>
    internal const string UserLatestKey = "$.CreatedByUserId * 4294967296 + $._id";

    private const long UserLatestSpan = 4_294_967_296;

    public event Action<RecordChange>? Changed;

    private ILiteCollection<SupportRecord> Col => _db.GetCollection<SupportRecord>("records");

    public SupportRecord? Get(long id) => Col.FindById(id);

    public IReadOnlyList<SupportRecord> ByProject(string projectCode) =>
        Col.Find(Query.EQ(nameof(SupportRecord.ProjectCode), projectCode)).OrderBy(r => r.Id).ToList();

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
