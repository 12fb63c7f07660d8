using KhuyenCongBot.Core.Catalogue;
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
