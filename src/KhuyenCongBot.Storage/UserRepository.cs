using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

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
