using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Updates waiting for their turn (see <see cref="IInboxRepository"/>), in the "inbox" collection.</summary>
internal sealed class InboxRepository : IInboxRepository
{
    private readonly LiteDatabase _db;

    public InboxRepository(LiteDatabase db)
    {
        _db = db;
        Docs.EnsureIndex("k", "$.k");
    }

    private ILiteCollection<BsonDocument> Docs => _db.GetCollection("inbox");

    public long Add(string channel, string chat, string payload, DateTimeOffset at)
    {
        var id = RecordRepository.LastId(Docs) + 1;
        Docs.Insert(new BsonDocument { ["_id"] = id, ["c"] = channel, ["k"] = chat, ["p"] = payload, ["t"] = at.UtcTicks });
        return id;
    }

    public IReadOnlyList<InboxItem> Pending(string channel) =>
        Docs.Find(Query.All(Query.Ascending)).Where(d => d["c"].AsString == channel)
            .Select(d => new InboxItem(d["_id"].AsInt64, d["c"].AsString, d["k"].AsString, d["p"].AsString, new DateTimeOffset(d["t"].AsInt64, TimeSpan.Zero)))
            .ToList();

    public int CountFor(string channel, string chat) => Docs.Find(Query.EQ("k", chat)).Count(d => d["c"].AsString == channel);

    public void Remove(long id) => Docs.Delete(id);
}
