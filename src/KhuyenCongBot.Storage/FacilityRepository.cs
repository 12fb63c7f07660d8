using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>
/// Facilities, searchable by name through an index of their name words per province unit: in memory (<see cref="FacilityNameIndex"/>,
/// no document read), or inside a transaction in the file, where a search reads at most <see cref="MaxCandidates"/> facilities
/// however many the province has.
/// </summary>
/// <remarks>
/// Each facility stores its folded name words (<see cref="Facility.Tokens"/>); the index <see cref="TokensIndex"/> keys them as
/// "province|word". The collection <see cref="WordsCollection"/> counts facilities per "province|word" (and per "province#commune"),
/// so a search can match typed words against a unit's vocabulary (exact, prefix, typos) in memory and read only the facilities
/// with the matching words, rarest words first.
/// </remarks>
internal sealed class FacilityRepository : IFacilityRepository
{
    internal const string Collection = "facilities";

    /// <summary>Facilities per "province|word" (<c>n</c>) and per "province#folded commune" (<c>n</c>, spelling <c>c</c>, first id <c>f</c>).</summary>
    internal const string WordsCollection = "facility_words";

    internal const string TokensIndex = "province_tokens";

    /// <summary>Key of <see cref="TokensIndex"/>: one "province|word" per name word.</summary>
    internal const string TokensKey = "MAP($.Tokens[*] => $.ProvinceId + '|' + @)";

    /// <summary>Facilities a search reads at most, besides those whose whole name is the query.</summary>
    internal const int MaxCandidates = FacilitySearchPlan.MaxCandidates;

    /// <summary>Facilities read (and written back) per query and transaction when reading all or filling in words.</summary>
    internal const int ReadChunk = 2_000;

    // Values go in as parameters: Query.EQ/In/GT/StartsWith write the value into the expression's text, and LiteDB 5.0.21
    // compiles (and caches for good) one delegate per distinct text, ~1 ms and a little memory per new value.
    internal const string ExactName = "$.NormalizedName = @0 AND $.ProvinceId IN @1";
    private const string After = "$._id > @0";

    /// <summary>Keys from @0 to @1: a unit's words are "unit|…" (up to "unit}"), its communes "unit#…" (up to "unit$").</summary>
    internal const string Between = "$._id BETWEEN @0 AND @1";

    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly FacilityWordCache _words;
    private readonly FacilityNameIndex _names;
    private long _documentsRead;

    public FacilityRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        EnsureSearchable(db);
        _words = new FacilityWordCache(LoadWords, TimeProvider.System);
        var collation = db.Collation;
        _names = new FacilityNameIndex(ReadNames, collation.Compare);
    }

    /// <summary>Facility documents read by <see cref="Search"/> since the store opened (tests and benchmarks).</summary>
    internal long DocumentsRead => Interlocked.Read(ref _documentsRead);

    internal FacilityWordCache Words => _words;

    internal FacilityNameIndex Names => _names;

    private ILiteCollection<Facility> Col => _db.GetCollection<Facility>(Collection);

    private ILiteCollection<BsonDocument> WordsCol => _db.GetCollection(WordsCollection);

    /// <summary>Facilities never change once added; those read recently are kept (a form names its facility on several steps).</summary>
    private readonly CommittedCache<long> _byId = new();

    public Facility? Get(long id)
    {
        var doc = _byId.Get(id, _store.InTransactionNow, () => _db.GetCollection(Collection).FindById(id));
        return doc is null ? null : _db.Mapper.ToObject<Facility>(doc);
    }

    public IReadOnlyList<Facility> ByTaxId(string taxId, int limit) =>
        Col.Find(Query.EQ(nameof(Facility.TaxId), taxId), limit: limit).ToList();

    public long Add(Facility facility)
    {
        facility.Tokens = FacilitySearch.Tokens(facility.Name);
        if (facility.NormalizedName.Length == 0)
        {
            facility.NormalizedName = VnText.FoldWords(facility.Name);
        }
        _store.InTransaction(() =>
        {
            Col.Insert(facility);
            var named = new FacilityName(facility.Id, facility.Name, facility.NormalizedName, facility.ProvinceId, [.. facility.Tokens]);
            _store.AfterCommit(() => _names.Put(named));
            foreach (var token in facility.Tokens)
            {
                var key = facility.ProvinceId + "|" + token;
                var doc = WordsCol.FindById(key);
                WordsCol.Upsert(new BsonDocument { ["_id"] = key, ["n"] = (doc?["n"].AsInt32 ?? 0) + 1 });
            }
            if (CommuneKey(facility.ProvinceId, facility.Commune) is { } communeKey)
            {
                var doc = WordsCol.FindById(communeKey);
                if (doc is null)
                {
                    WordsCol.Insert(new BsonDocument { ["_id"] = communeKey, ["n"] = 1, ["c"] = facility.Commune!, ["f"] = facility.Id });
                }
                else
                {
                    doc["n"] = doc["n"].AsInt32 + 1;
                    WordsCol.Update(doc);
                }
            }
            return 0;
        });
        _words.Invalidate(facility.ProvinceId);
        return facility.Id;
    }

    public Facility? FindByName(string provinceId, string normalizedName) =>
        Col.FindOne(BsonExpression.Create(ExactName, normalizedName, new BsonArray { provinceId }));

    public IReadOnlyList<Facility> InProvince(string provinceId) => Col.Find(BsonExpression.Create("$.ProvinceId = @0", provinceId)).ToList();

    /// <summary>Every facility in id order, <see cref="ReadChunk"/> per query (LiteDB pins what one query reads until it ends).</summary>
    public IEnumerable<Facility> All()
    {
        var last = long.MinValue;
        while (true)
        {
            var chunk = Col.Find(BsonExpression.Create(After, last), 0, ReadChunk).ToList();
            foreach (var f in chunk)
            {
                yield return f;
            }
            if (chunk.Count < ReadChunk)
            {
                yield break;
            }
            last = chunk[^1].Id;
        }
    }

    /// <summary>The search in memory; inside a transaction (which may have added facilities not committed yet), the one in the file.</summary>
    public IReadOnlyList<(Facility Facility, double Score)> Search(IReadOnlyCollection<string> provinceIds, string query, int limit, double threshold)
    {
        if (_store.InTransactionNow)
        {
            return SearchInFile(provinceIds, query, limit, threshold);
        }
        var found = new List<(Facility Facility, double Score)>();
        foreach (var (id, score) in _names.Search(provinceIds, query, limit, threshold))
        {
            if (Get(id) is { } facility)
            {
                found.Add((facility, score));
            }
        }
        return found;
    }

    /// <summary>
    /// The search through the file's word index: the facilities whose whole name is the query, then those with the planned words
    /// (<see cref="FacilitySearchPlan"/>), one query per batch, at most <see cref="MaxCandidates"/> in all.
    /// </summary>
    /// <remarks>
    /// When a batch's words have more facilities than the budget left, which of them LiteDB returns depends on its skip list (whose
    /// levels are drawn at random when a facility is added): the in-memory search reads those words' facilities by ascending id.
    /// </remarks>
    internal IReadOnlyList<(Facility Facility, double Score)> SearchInFile(IReadOnlyCollection<string> provinceIds, string query, int limit, double threshold)
    {
        var folded = VnText.FoldWords(query);
        if (limit <= 0 || folded.Length == 0 || provinceIds.Count == 0)
        {
            return [];
        }
        var provinces = provinceIds.Distinct().ToList();
        var candidates = new Dictionary<long, Facility>();
        // The whole name typed: always offered, whatever the budget.
        foreach (var f in Col.Find(BsonExpression.Create(ExactName, folded, new BsonArray(provinces.Select(p => new BsonValue(p))))))
        {
            candidates.TryAdd(f.Id, f);
            Interlocked.Increment(ref _documentsRead);
        }
        var budget = MaxCandidates;
        // Best matching words first (exact, prefix, one typo, two typos), each batch one indexed query with a limit.
        foreach (var batch in FacilitySearchPlan.Batches(provinces, folded, _words.Get))
        {
            if (budget <= 0)
            {
                break;
            }
            var values = new BsonArray(batch.Select(k => new BsonValue(k.Key)));
            var found = Col.Query().Where(BsonExpression.Create(TokensKey + " ANY IN @0", values)).Limit(budget).ToList();
            Interlocked.Add(ref _documentsRead, found.Count);
            budget -= found.Count;
            foreach (var f in found)
            {
                candidates.TryAdd(f.Id, f);
            }
        }
        return FacilitySearch.Find(candidates.Values, query, limit, threshold);
    }

    public IReadOnlyList<string> TopCommunes(IReadOnlyCollection<string> provinceIds, int limit) =>
        provinceIds.Distinct().SelectMany(p => _words.Get(p).Communes)
            .GroupBy(c => c.Key)
            .Select(g => (Count: g.Sum(c => c.Count), First: g.MinBy(c => c.First)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.First.First)
            .Take(Math.Max(0, limit))
            .Select(x => x.First.Name).ToList();

    /// <summary>Every facility's name, province and words, in id order, <see cref="ReadChunk"/> per query (for <see cref="FacilityNameIndex"/>).</summary>
    private IEnumerable<FacilityName> ReadNames()
    {
        BsonValue last = long.MinValue;
        var facilities = _db.GetCollection(Collection);
        while (true)
        {
            var chunk = facilities.Find(BsonExpression.Create(After, last), 0, ReadChunk).ToList();
            foreach (var d in chunk)
            {
                yield return new FacilityName(d["_id"].AsInt64, Field(d, "Name"), Field(d, "NormalizedName"), Field(d, "ProvinceId"),
                    d["Tokens"].IsArray ? d["Tokens"].AsArray.Where(t => t.IsString).Select(t => t.AsString).ToList() : []);
            }
            if (chunk.Count < ReadChunk)
            {
                yield break;
            }
            last = chunk[^1]["_id"];
        }
    }

    private static string Field(BsonDocument d, string field) => d[field].IsString ? d[field].AsString : "";

    private ProvinceWords LoadWords(string provinceId)
    {
        var tokens = new List<string>();
        var counts = new List<int>();
        foreach (var d in WordsCol.Find(BsonExpression.Create(Between, provinceId + "|", provinceId + "}")))
        {
            tokens.Add(d["_id"].AsString[(provinceId.Length + 1)..]);
            counts.Add(d["n"].AsInt32);
        }
        var communes = WordsCol.Find(BsonExpression.Create(Between, provinceId + "#", provinceId + "$"))
            .Select(d => new CommuneCount(d["_id"].AsString[(provinceId.Length + 1)..], d["c"].AsString, d["n"].AsInt32, d["f"].AsInt64))
            .ToArray();
        return new ProvinceWords([.. tokens], [.. counts], communes);
    }

    private static string? CommuneKey(string provinceId, string? commune) =>
        VnText.FoldWords(commune) is { Length: > 0 } folded ? provinceId + "#" + folded : null;

    /// <summary>Adds the search fields and indexes to a database that lacks them; true when it did.</summary>
    /// <remarks>
    /// Older files have facilities without <see cref="Facility.Tokens"/> and no <see cref="WordsCollection"/>: the words are filled in
    /// <see cref="ReadChunk"/> facilities per transaction, the counts rebuilt from scratch, and the index created last, so a start
    /// interrupted half-way does it all again.
    /// </remarks>
    internal static bool EnsureSearchable(LiteDatabase db)
    {
        var col = db.GetCollection(Collection);
        col.EnsureIndex("ProvinceId", "$.ProvinceId");
        col.EnsureIndex("NormalizedName", "$.NormalizedName");
        // A new facility's tax number already given to another one is said before it is saved (NewFacilityBeneficiary).
        col.EnsureIndex("TaxId", "$.TaxId");
        if (db.GetCollection("$indexes").Exists(BsonExpression.Create("$.collection = @0 AND $.name = @1", Collection, TokensIndex)))
        {
            return false;
        }
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var communes = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        BsonValue last = long.MinValue;
        while (true)
        {
            var chunk = col.Find(BsonExpression.Create(After, last), 0, ReadChunk).ToList();
            if (chunk.Count == 0)
            {
                break;
            }
            db.BeginTrans();
            foreach (var doc in chunk)
            {
                var name = doc["Name"].IsString ? doc["Name"].AsString : "";
                var province = doc["ProvinceId"].IsString ? doc["ProvinceId"].AsString : "";
                var tokens = FacilitySearch.Tokens(name);
                doc["Tokens"] = new BsonArray(tokens.Select(t => new BsonValue(t)));
                if (!doc["NormalizedName"].IsString || doc["NormalizedName"].AsString.Length == 0)
                {
                    doc["NormalizedName"] = VnText.FoldWords(name);
                }
                col.Update(doc);
                foreach (var t in tokens)
                {
                    var key = province + "|" + t;
                    words[key] = words.GetValueOrDefault(key) + 1;
                }
                var commune = doc["Commune"].IsString ? doc["Commune"].AsString : null;
                if (CommuneKey(province, commune) is { } ck)
                {
                    if (communes.TryGetValue(ck, out var c))
                    {
                        c["n"] = c["n"].AsInt32 + 1;
                    }
                    else
                    {
                        communes[ck] = new BsonDocument { ["_id"] = ck, ["n"] = 1, ["c"] = commune!, ["f"] = doc["_id"].AsInt64 };
                    }
                }
            }
            db.Commit();
            last = chunk[^1]["_id"];
        }
        db.DropCollection(WordsCollection);
        var wordsCol = db.GetCollection(WordsCollection);
        wordsCol.InsertBulk(words.Select(w => new BsonDocument { ["_id"] = w.Key, ["n"] = w.Value }).Concat(communes.Values));
        col.EnsureIndex(TokensIndex, TokensKey);
        return true;
    }
}
