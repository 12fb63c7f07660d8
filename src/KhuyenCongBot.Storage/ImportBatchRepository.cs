using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Import batches, numbered from a high-water mark kept in the file (a number is never given twice).</summary>
internal sealed class ImportBatchRepository : IImportBatchRepository
{
    private const string LastIdKey = "imports:last-id";
    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;

    public ImportBatchRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        Col.EnsureIndex(b => b.FileHash);
    }

    private ILiteCollection<ImportBatch> Col => _db.GetCollection<ImportBatch>("imports");

    public long Add(ImportBatch batch) => _store.InTransaction(() =>
    {
        var last = Math.Max(_store.Meta.Get(LastIdKey) is { } s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 0,
            RecordRepository.LastId(_db.GetCollection("imports")));
        batch.Id = last + 1;
        Col.Insert(batch);
        _store.Meta.Set(LastIdKey, batch.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return batch.Id;
    });

    public void Update(ImportBatch batch) => Col.Update(batch);

    public ImportBatch? Get(long id) => Col.FindById(id);

    public IReadOnlyList<ImportBatch> All() => Col.FindAll().OrderByDescending(b => b.Id).ToList();

    public IReadOnlyList<ImportBatch> WithHash(string hash) =>
        Col.Find(b => b.FileHash == hash).Where(b => b.UndoneAt is null).OrderBy(b => b.Id).ToList();
}
