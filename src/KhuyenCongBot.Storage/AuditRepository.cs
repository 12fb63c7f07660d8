using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

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
