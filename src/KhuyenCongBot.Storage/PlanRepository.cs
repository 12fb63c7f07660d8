using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

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
