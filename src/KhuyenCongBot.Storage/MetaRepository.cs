using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

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
