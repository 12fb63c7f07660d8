using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The facility name search held in memory: the same facilities, scores and order as the search in the file, and current at once.</summary>
public sealed class FacilityNameIndexTests
{
    private static readonly (int Limit, double Threshold)[] Limits = [(4, FacilitySearch.OfferThreshold), (5, FacilitySearch.OfferThreshold), (3, FacilitySearch.DuplicateThreshold), (2, 1.0)];

    [Fact]
    public void The_in_memory_search_finds_what_the_file_search_finds_over_the_demo_data()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        var repo = (FacilityRepository)bot.Store.Facilities;
        var facilities = repo.All().ToList();
        Assert.True(facilities.Count > 500, $"{facilities.Count} demo facilities");
        var provinces = facilities.Select(f => f.ProvinceId).Distinct().ToList();
        var r = new Random(5);
        var queries = new List<(string[] Scope, string Query)>();
        foreach (var f in facilities.OrderBy(_ => r.Next()).Take(120))
        {
            var words = VnText.FoldWords(f.Name).Split(' ');
            foreach (var query in new[]
            {
                f.Name, VnText.FoldWords(f.Name), Typo(r, f.Name), string.Join(' ', words.Take(2)), string.Join(' ', words.TakeLast(2)),
                string.Join(' ', words.TakeLast(3)), words[r.Next(words.Length)], f.Name + " xyz", RandomWords(r, facilities, 1 + r.Next(3)),
            })
            {
                queries.Add(([f.ProvinceId], query));
                queries.Add((r.Next(2) == 0 ? [.. provinces] : [.. provinces.OrderBy(_ => r.Next()).Take(3)], query));
            }
        }
        AssertSameAsFile(repo, facilities, queries, r, minCompared: 1000);
    }

    [Fact]
    public void The_in_memory_search_finds_what_the_file_search_finds_for_random_names()
    {
        string[] provinces = ["ha-noi", "phu-tho", "bac-ninh"];
        using var store = new LiteDbStore(":memory:");
        var r = new Random(11);
        var names = FacilityNames.Generate(1500, seed: 3).ToList();
        // Some names twice (in the same province or another), some short or odd.
        names.AddRange(names.Take(40));
        names.AddRange(["Gốm", "HTX", "Cơ sở 1", "Cơ sở 12", "Làng nghề gốm Bát Tràng", "Bát Tràng", "A B C D E F G H", "Nón lá Chuông"]);
        foreach (var name in names)
        {
            store.Facilities.Add(new Facility { Name = name, ProvinceId = provinces[r.Next(provinces.Length)] });
        }
        var repo = (FacilityRepository)store.Facilities;
        var facilities = repo.All().ToList();
        var queries = new List<(string[] Scope, string Query)>();
        for (var i = 0; i < 500; i++)
        {
            var f = facilities[r.Next(facilities.Count)];
            var words = f.Name.Split(' ');
            var query = r.Next(5) switch
            {
                0 => f.Name,
                1 => Typo(r, string.Join(' ', words.Skip(r.Next(words.Length - 1)))),
                2 => string.Join(' ', words.TakeLast(1 + r.Next(3))),
                3 => RandomWords(r, facilities, 1 + r.Next(4)),
                _ => Typo(r, RandomWords(r, facilities, 2)) + (r.Next(2) == 0 ? " " + r.Next(100) : ""),
            };
            queries.Add((r.Next(3) == 0 ? provinces : [provinces[r.Next(provinces.Length)]], query));
        }
        AssertSameAsFile(repo, facilities, queries, r, minCompared: 400);
    }

    [Fact]
    public void A_facility_added_is_found_at_once_and_after_a_restart_and_a_rolled_back_one_never()
    {
        var path = Path.Combine(Path.GetTempPath(), "kcb-names-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            string[] haNoi = ["ha-noi"];
            long added;
            using (var store = new LiteDbStore(path))
            {
                store.Facilities.Add(new Facility { Name = "Làng gốm Bát Tràng", ProvinceId = "ha-noi" });
                var repo = (FacilityRepository)store.Facilities;
                Assert.Empty(store.Facilities.Search(haNoi, "non la chuong", 5, FacilitySearch.OfferThreshold));
                Assert.True(repo.Names.Loaded);
                added = store.Facilities.Add(new Facility { Name = "Nón lá Chuông", ProvinceId = "ha-noi", LegalForm = "cooperative" });
                var found = store.Facilities.Search(haNoi, "non la chuog", 5, FacilitySearch.OfferThreshold);
                Assert.Equal(added, Assert.Single(found).Facility.Id);
                Assert.Equal("cooperative", found[0].Facility.LegalForm);
                // Added inside a larger transaction: the search inside it reads the file (and finds it); once rolled back, nobody does.
                Assert.Throws<InvalidOperationException>(() => store.InTransaction<int>(() =>
                {
                    store.Facilities.Add(new Facility { Name = "HTX Mây tre đan Phú Vinh", ProvinceId = "ha-noi" });
                    Assert.Single(store.Facilities.Search(haNoi, "may tre dan phu vinh", 5, FacilitySearch.OfferThreshold));
                    throw new InvalidOperationException("rolled back");
                }));
                Assert.Empty(store.Facilities.Search(haNoi, "may tre dan phu vinh", 5, FacilitySearch.OfferThreshold));
                // Committed with others in one transaction: found once it commits.
                store.InTransaction(() =>
                {
                    store.Facilities.Add(new Facility { Name = "HTX Mây tre đan Phú Vinh", ProvinceId = "ha-noi" });
                    store.Facilities.Add(new Facility { Name = "Cơ sở mây tre Phú Vinh", ProvinceId = "ha-noi" });
                    return 0;
                });
                Assert.Equal(["Cơ sở mây tre Phú Vinh", "HTX Mây tre đan Phú Vinh"],
                    store.Facilities.Search(haNoi, "may tre phu vinh", 5, FacilitySearch.OfferThreshold).Select(f => f.Facility.Name));
                Assert.Equal(4, repo.Names.Count);
            }
            using (var store = new LiteDbStore(path))
            {
                var repo = (FacilityRepository)store.Facilities;
                Assert.False(repo.Names.Loaded);
                Assert.Equal(added, store.Facilities.Search(haNoi, "Nón lá Chuông", 1, 1.0).Single().Facility.Id);
                Assert.True(repo.Names.Loaded);
                Assert.Equal(4, repo.Names.Count);
                Assert.Equal(2, store.Facilities.Search(haNoi, "may tre phu vinh", 5, FacilitySearch.OfferThreshold).Count);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_in_memory_search_reads_no_facility_document()
    {
        using var store = new LiteDbStore(":memory:");
        foreach (var (name, i) in FacilityNames.Generate(3000, seed: 9).Select((n, i) => (n, i)))
        {
            store.Facilities.Add(new Facility { Name = name, ProvinceId = i % 2 == 0 ? "ha-noi" : "phu-tho" });
        }
        var repo = (FacilityRepository)store.Facilities;
        string[] both = ["ha-noi", "phu-tho"];
        Assert.NotEmpty(store.Facilities.Search(both, "htx may tre dan", 4, FacilitySearch.OfferThreshold));
        var before = repo.DocumentsRead;
        foreach (var typed in new[] { "htx may tre dan", "co so gom nguyen van hung", "bat trang", "nguyen" })
        {
            store.Facilities.Search(both, typed, 4, FacilitySearch.OfferThreshold);
        }
        Assert.Equal(before, repo.DocumentsRead);
        // The file's search reads them (inside a transaction).
        store.InTransaction(() => store.Facilities.Search(both, "htx may tre dan", 4, FacilitySearch.OfferThreshold));
        Assert.True(repo.DocumentsRead > before);
    }

    /// <summary>
    /// Each query with each limit, in memory and in the file: the same names and scores in the same order, the same facilities (those
    /// of one name in any order: LiteDB returns them in its skip list's order). Queries whose words have more facilities than the
    /// budget (<see cref="FacilityRepository.MaxCandidates"/>) are left out: which of them the file reads depends on that order.
    /// </summary>
    private static void AssertSameAsFile(FacilityRepository repo, List<Facility> facilities, List<(string[] Scope, string Query)> queries, Random r, int minCompared)
    {
        var byName = facilities.GroupBy(f => (f.ProvinceId, f.Name)).ToDictionary(g => g.Key, g => g.Count());
        var (compared, cut) = (0, 0);
        foreach (var (scope, query) in queries)
        {
            if (repo.Names.Cut(scope, query))
            {
                cut++;
                continue;
            }
            var (limit, threshold) = Limits[r.Next(Limits.Length)];
            var file = repo.SearchInFile(scope, query, limit, threshold);
            var memory = repo.Search(scope, query, limit, threshold);
            var what = $"\"{query}\" in {string.Join(",", scope)} ({limit}, {threshold}): file [{Show(file)}], memory [{Show(memory)}]";
            Assert.True(file.Select(x => (x.Score, x.Facility.Name)).SequenceEqual(memory.Select(x => (x.Score, x.Facility.Name))), what);
            var runs = file.Zip(memory).GroupBy(p => (p.First.Score, p.First.Facility.Name)).ToList();
            foreach (var run in runs)
            {
                // A run of one name cut by the limit may hold any of them (as in the file).
                var sameName = scope.Sum(p => byName.GetValueOrDefault((p, run.Key.Name)));
                if (run.Count() == sameName || run.Key != runs[^1].Key)
                {
                    Assert.True(run.Select(p => p.First.Facility.Id).Order().SequenceEqual(run.Select(p => p.Second.Facility.Id).Order()), what);
                }
            }
            compared++;
        }
        Assert.True(compared >= minCompared, $"only {compared} queries compared ({cut} over the budget)");
    }

    private static string Show(IReadOnlyList<(Facility Facility, double Score)> found) =>
        string.Join("; ", found.Select(f => $"{f.Facility.Id} {f.Facility.Name} {f.Score:F3}"));

    /// <summary>One typo in one word: two letters swapped, one dropped or one changed.</summary>
    private static string Typo(Random r, string text)
    {
        var words = text.Split(' ');
        var at = r.Next(words.Length);
        var w = words[at];
        if (w.Length >= 4)
        {
            var i = r.Next(1, w.Length - 1);
            words[at] = r.Next(3) switch
            {
                0 => w[..(i - 1)] + w[i] + w[i - 1] + w[(i + 1)..],
                1 => w.Remove(i, 1),
                _ => w[..i] + (char)('a' + r.Next(26)) + w[(i + 1)..],
            };
        }
        return string.Join(' ', words);
    }

    private static string RandomWords(Random r, List<Facility> facilities, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ =>
        {
            var words = facilities[r.Next(facilities.Count)].Name.Split(' ');
            return words[r.Next(words.Length)];
        }));
}
