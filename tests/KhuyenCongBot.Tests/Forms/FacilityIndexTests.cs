using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Storage;
using LiteDB;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Facility search through the store's word index: same answers as scoring every facility, bounded reads, old files filled in.</summary>
public sealed class FacilityIndexTests
{
    private static readonly string[] HaNoi = ["ha-noi"];
    private static readonly string[] PhuTho = ["phu-tho", "vinh-phuc", "hoa-binh"];

    private static LiteDbStore Small()
    {
        var store = new LiteDbStore(":memory:");
        Add(store, "Làng gốm Bát Tràng", "ha-noi", "xã Bát Tràng");
        Add(store, "Gốm sứ Minh Long Bát Tràng", "ha-noi", "xã Bát Tràng");
        Add(store, "HTX Mây tre đan Phú Vinh", "ha-noi", "xã Phú Nghĩa");
        Add(store, "Cơ sở sơn mài Hạ Thái", "ha-noi", "xã Duyên Thái");
        Add(store, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
        Add(store, "HTX Mây tre đan Phú Thọ", "phu-tho", "xã Tiên Phong");
        Add(store, "Công ty TNHH Chè Hùng Vương", "vinh-phuc", "phường Thanh Miếu");
        Add(store, "Cơ sở dệt thổ cẩm Mai Châu", "hoa-binh", "xã Mai Châu");
        return store;
    }

    private static long Add(LiteDbStore store, string name, string province, string? commune = null) =>
        store.Facilities.Add(new Facility { Name = name, ProvinceId = province, Commune = commune });

    [Theory]
    [InlineData("ha-noi", "Bat Trang", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "bát tràng", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "bat trng", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "BÁT TRÀNG", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "lang gom bat trang", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "gôm bat trang", "Làng gốm Bát Tràng")]
    [InlineData("ha-noi", "minh long", "Gốm sứ Minh Long Bát Tràng")]
    [InlineData("ha-noi", "min long bat", "Gốm sứ Minh Long Bát Tràng")]
    [InlineData("ha-noi", "son mai ha thai", "Cơ sở sơn mài Hạ Thái")]
    [InlineData("ha-noi", "sơn mà hạ thá", "Cơ sở sơn mài Hạ Thái")]
    [InlineData("ha-noi", "may tre dan", "HTX Mây tre đan Phú Vinh")]
    [InlineData("ha-noi", "phu lang", null)]
    [InlineData("ha-noi", "che hung vuong", null)]
    [InlineData("ha-noi", "xyz", null)]
    [InlineData("phu-tho", "Bat Trang", null)]
    [InlineData("phu-tho", "gom phu lan", "Gốm Phù Lãng")]
    [InlineData("phu-tho", "che hung vuong", "Công ty TNHH Chè Hùng Vương")]
    [InlineData("phu-tho", "Chè Hùng Vươn", "Công ty TNHH Chè Hùng Vương")]
    [InlineData("phu-tho", "tho cam mai chau", "Cơ sở dệt thổ cẩm Mai Châu")]
    [InlineData("phu-tho", "may tre dan", "HTX Mây tre đan Phú Thọ")]
    public void A_typed_name_finds_the_facility_of_the_province(string province, string typed, string? expected)
    {
        using var store = Small();
        var units = province == "ha-noi" ? HaNoi : PhuTho;
        var found = store.Facilities.Search(units, typed, 5, FacilitySearch.OfferThreshold);
        if (expected is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Contains(expected, found.Select(f => f.Facility.Name));
        }
    }

    [Theory]
    [InlineData("gom")]
    [InlineData("bat trang")]
    [InlineData("bat trng")]
    [InlineData("gom bat trang minh")]
    [InlineData("htx may tre")]
    [InlineData("mây tre đan phú")]
    [InlineData("co so")]
    [InlineData("son")]
    [InlineData("lang gom bat trang")]
    [InlineData("phu")]
    [InlineData("ha thai son mai co so")]
    [InlineData("gom gom gom bat")]
    [InlineData("bat trang bat trang xyz")]
    public void The_index_offers_what_scoring_every_facility_of_the_province_offers(string typed)
    {
        using var store = Small();
        foreach (var units in new[] { HaNoi, PhuTho })
        {
            foreach (var (limit, threshold) in new[] { (5, FacilitySearch.OfferThreshold), (3, FacilitySearch.DuplicateThreshold) })
            {
                var reference = FacilitySearch.Find(units.SelectMany(store.Facilities.InProvince), typed, limit, threshold);
                var indexed = store.Facilities.Search(units, typed, limit, threshold);
                Assert.Equal(reference.Select(r => (r.Facility.Id, r.Score)), indexed.Select(r => (r.Facility.Id, r.Score)));
            }
        }
    }

    [Fact]
    public void A_facility_added_later_is_found_by_a_typo_and_counts_for_the_communes()
    {
        using var store = Small();
        Assert.Empty(store.Facilities.Search(HaNoi, "non la chuong", 5, FacilitySearch.OfferThreshold));
        Assert.Equal(["xã Bát Tràng", "xã Phú Nghĩa", "xã Duyên Thái"], store.Facilities.TopCommunes(HaNoi, 5));
        Add(store, "Nón lá Chuông", "ha-noi", "Xã Phương Trung");
        Add(store, "Nón lá làng Chuông", "ha-noi", "xã Phương Trung");
        Add(store, "Nón Chuông Đức", "ha-noi", "xa phuong trung");
        var found = store.Facilities.Search(HaNoi, "non la chuog", 5, FacilitySearch.OfferThreshold);
        Assert.Equal("Nón lá Chuông", found[0].Facility.Name);
        Assert.Equal(["Xã Phương Trung", "xã Bát Tràng", "xã Phú Nghĩa", "xã Duyên Thái"], store.Facilities.TopCommunes(HaNoi, 5));
        Assert.Equal(["xã Phù Lãng", "xã Tiên Phong"], store.Facilities.TopCommunes(["phu-tho"], 2));
        Assert.Equal(["non", "la", "chuong"], store.Facilities.All().Single(f => f.Name == "Nón lá Chuông").Tokens);
    }

    [Fact]
    public void A_search_in_a_province_of_20000_facilities_reads_a_bounded_number_of_them()
    {
        var path = Path.Combine(Path.GetTempPath(), "kcb-fac-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var names = FacilityNames.Generate(20_000, seed: 7).ToList();
            names[12_345] = "Làng gốm Bát Tràng";
            WriteOldShape(path, names.Select(n => (n, "bac-ninh", (string?)null)));
            using var store = new LiteDbStore(path);
            var repo = (FacilityRepository)store.Facilities;
            string[] units = ["bac-ninh"];
            // The search in the file (inside a transaction; outside one the search reads no document: FacilityNameIndexTests).
            foreach (var typed in new[] { "bat trng", "Bát Tràng", "lang gom bat trang" })
            {
                var before = repo.DocumentsRead;
                var found = store.InTransaction(() => store.Facilities.Search(units, typed, 5, FacilitySearch.OfferThreshold));
                Assert.Equal("Làng gốm Bát Tràng", found[0].Facility.Name);
                Assert.InRange(repo.DocumentsRead - before, 1, FacilityRepository.MaxCandidates + 1);
            }
            // Words every fifth facility has: the budget stops the reading.
            foreach (var typed in new[] { "co so", "nguyen van", "gom", "htx may tre dan" })
            {
                var before = repo.DocumentsRead;
                var found = store.InTransaction(() => store.Facilities.Search(units, typed, 5, FacilitySearch.OfferThreshold));
                Assert.NotEmpty(found);
                Assert.All(found, f => Assert.True(f.Score >= FacilitySearch.OfferThreshold));
                Assert.InRange(repo.DocumentsRead - before, 1, FacilityRepository.MaxCandidates + 1);
            }
            // The province's vocabulary, not its facilities, is what is kept in memory.
            Assert.InRange(repo.Words.Size, 1, 500);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_old_file_gets_its_words_index_and_counts_once_at_open()
    {
        var path = Path.Combine(Path.GetTempPath(), "kcb-fac-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            WriteOldShape(path,
            [
                ("Làng gốm Bát Tràng", "ha-noi", "xã Bát Tràng"),
                ("Gốm sứ Minh Long", "ha-noi", "xã Bát Tràng"),
                ("Gốm Phù Lãng", "bac-ninh", "xã Phù Lãng"),
                ("Nón lá Chuông", "ha-noi", "xã Phương Trung"),
            ]);
            using (var store = new LiteDbStore(path))
            {
                Assert.Equal("Làng gốm Bát Tràng", store.Facilities.Search(HaNoi, "bat trng", 5, FacilitySearch.OfferThreshold)[0].Facility.Name);
                Assert.Equal(["xã Bát Tràng", "xã Phương Trung"], store.Facilities.TopCommunes(HaNoi, 5));
                Assert.Equal(["gom", "phu", "lang"], store.Facilities.FindByName("bac-ninh", "gom phu lang")!.Tokens);
                Assert.False(FacilityRepository.EnsureSearchable(store.Database));
                var id = Add(store, "Gốm Bát Tràng Xanh", "ha-noi");
                Assert.Equal(id, store.Facilities.Search(HaNoi, "gom bat trang xanh", 1, 1.0)[0].Facility.Id);
            }
            using (var db = new LiteDatabase(path))
            {
                var words = db.GetCollection(FacilityRepository.WordsCollection);
                Assert.Equal(3, words.FindById("ha-noi|gom")["n"].AsInt32);
                Assert.Equal(2, words.FindById("ha-noi#xa bat trang")["n"].AsInt32);
                Assert.Null(words.FindById("bac-ninh|trang"));
                Assert.Contains(db.GetCollection("$indexes").FindAll(), i => i["name"] == FacilityRepository.TokensIndex);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("bat trang", "bat trang", 0)]
    [InlineData("bat trang", "bat trng", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("trang", "tarng", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("lang gom bat trang", "gom bat trang", 5)]
    public void Edit_distance_counts_inserts_deletes_substitutions_and_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, FacilitySearch.Levenshtein(a, b));
        Assert.Equal(expected, FacilitySearch.Levenshtein(b, a));
        var longName = new string('x', 300);
        Assert.Equal(300, FacilitySearch.Levenshtein(longName, new string('y', 300)));
    }

    [Fact]
    public void Every_search_query_seeks_an_index_with_its_values_as_parameters()
    {
        using var store = Small();
        var facilities = store.Database.GetCollection(FacilityRepository.Collection);
        var exact = facilities.Query().Where(BsonExpression.Create(FacilityRepository.ExactName, "gom phu lang", new BsonArray { "phu-tho" })).GetPlan();
        Assert.Contains("INDEX SEEK(NormalizedName", exact.ToString());
        var words = facilities.Query().Where(BsonExpression.Create(FacilityRepository.TokensKey + " ANY IN @0", new BsonArray { "ha-noi|gom" })).GetPlan();
        Assert.Contains("INDEX SEEK(" + FacilityRepository.TokensIndex, words.ToString());
        var vocabulary = store.Database.GetCollection(FacilityRepository.WordsCollection)
            .Query().Where(BsonExpression.Create(FacilityRepository.Between, "ha-noi|", "ha-noi}")).GetPlan();
        Assert.Contains("INDEX RANGE SCAN(_id", vocabulary.ToString());
        Assert.Equal(["bat", "gom", "lang", "trang"], store.Database.GetCollection(FacilityRepository.WordsCollection)
            .Find(BsonExpression.Create(FacilityRepository.Between, "ha-noi|", "ha-noi}")).Select(d => d["_id"].AsString[7..]).Where(w => w is "gom" or "lang" or "bat" or "trang"));
    }

    /// <summary>A database file as the version before the word index wrote it: facilities without Tokens, lambda indexes.</summary>
    private static void WriteOldShape(string path, IEnumerable<(string Name, string Province, string? Commune)> facilities)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var col = db.GetCollection("facilities");
        col.EnsureIndex("ProvinceId", "$.ProvinceId");
        col.EnsureIndex("NormalizedName", "$.NormalizedName");
        long id = 0;
        col.InsertBulk(facilities.Select(f => new BsonDocument
        {
            ["_id"] = ++id,
            ["Name"] = f.Name,
            ["NormalizedName"] = VnText.FoldWords(f.Name),
            ["ProvinceId"] = f.Province,
            ["Commune"] = f.Commune is null ? BsonValue.Null : new BsonValue(f.Commune),
            ["CreatedAt"] = new BsonDocument { ["t"] = 638_000_000_000_000_000L, ["o"] = 420 },
        }));
    }
}

/// <summary>Plausible facility names: a kind, a craft and an owner's name ("HTX gốm Nguyễn Văn Hùng").</summary>
internal static class FacilityNames
{
    private static readonly string[] Kinds = ["Cơ sở", "HTX", "Công ty TNHH", "Hộ kinh doanh", "Doanh nghiệp tư nhân"];
    private static readonly string[] Crafts =
    [
        "mây tre đan", "gốm", "dệt", "chè", "mộc", "sơn mài", "thêu ren", "rèn", "đúc đồng", "nón lá", "bánh đa", "miến",
        "nước mắm", "chiếu cói", "gỗ mỹ nghệ", "cơ khí", "may mặc", "giấy dó", "hương", "đá mỹ nghệ",
    ];
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc"];
    private static readonly string[] Givens =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phong", "Phúc",
        "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Xuân", "Yến",
    ];

    public static IEnumerable<string> Generate(int count, int seed)
    {
        var r = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return $"{Kinds[r.Next(Kinds.Length)]} {Crafts[r.Next(Crafts.Length)]} {Families[r.Next(Families.Length)]} {Middles[r.Next(Middles.Length)]} {Givens[r.Next(Givens.Length)]}";
        }
    }
}
