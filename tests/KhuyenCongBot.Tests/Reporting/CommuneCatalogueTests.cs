using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The official 2025 list of communes (seeds/catalogue/communes.json) and the matcher for what officers type.</summary>
public sealed class CommuneCatalogueTests
{
    private static CommuneCatalogue Communes => ReportingTestKit.Communes;

    [Fact]
    public void The_list_has_the_3321_units_of_the_34_provinces_of_provinces_json()
    {
        Assert.Equal(3321, Communes.Count);
        var current = ReportingTestKit.Catalogue.CurrentProvinces.ToList();
        Assert.Equal(34, current.Count);
        Assert.All(current, p => Assert.NotEmpty(Communes.InProvince(p.Id)));
        Assert.Equal(3321, current.Sum(p => Communes.InProvince(p.Id).Count));
        // Counts published with the list for a few units.
        Assert.Equal(126, Communes.InProvince("ha-noi").Count);
        Assert.Equal(148, Communes.InProvince("phu-tho").Count);
        Assert.Equal(168, Communes.InProvince("ho-chi-minh").Count);
        Assert.Equal(13, current.Sum(p => Communes.InProvince(p.Id).Count(c => c.Type == CommuneType.DacKhu)));
        Assert.Equal(697, current.Sum(p => Communes.InProvince(p.Id).Count(c => c.Type == CommuneType.Phuong)));
    }

    [Fact]
    public void A_former_province_gives_its_current_units_list_and_codes_find_communes()
    {
        Assert.Equal(Communes.InProvince("phu-tho"), Communes.InProvince("vinh-phuc"));
        var baDinh = Communes.ByCode("00004");
        Assert.NotNull(baDinh);
        Assert.Equal(("Ba Đình", CommuneType.Phuong, "ha-noi"), (baDinh.Name, baDinh.Type, baDinh.ProvinceId));
        Assert.Equal("Phường Ba Đình", baDinh.Label());
        Assert.Equal("Ba Đình ward", baDinh.Label(english: true));
        Assert.Null(Communes.ByCode("99999"));
    }

    [Fact]
    public void The_attribution_of_the_source_travels_with_the_data()
    {
        var catalogue = Path.Combine(Records.RecordsTestKit.SeedsPath, "catalogue");
        Assert.Contains("Thang Le Quoc", File.ReadAllText(Path.Combine(catalogue, "units-2025.LICENSE")));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(catalogue, "units-2025.LICENSE")));
        Assert.Contains("thanglequoc/vietnamese-provinces-database", File.ReadAllText(Path.Combine(catalogue, "communes.json")));
        Assert.Contains("units-2025.LICENSE", File.ReadAllText(Path.Combine(catalogue, "README.md")));
    }

    public static TheoryData<string, string, string> ExactRows() => new()
    {
        // province, typed, expected code
        { "ha-noi", "Ba Đình", "00004" },
        { "ha-noi", "ba dinh", "00004" },
        { "ha-noi", "BA ĐÌNH", "00004" },
        { "ha-noi", "phường Ba Đình", "00004" },
        { "ha-noi", "P. Ba Đình", "00004" },
        { "ha-noi", "phuong ba dinh", "00004" },
        { "ha-noi", "  ba   đình  ", "00004" },
        { "ha-noi", "00004", "00004" },
        { "ha-noi", "Bát Tràng", "00577" },
        { "ha-noi", "xa bat trang", "00577" },
        { "ha-noi", "battrang", "00577" },
        // A former province answers with its current unit's list.
        { "vinh-phuc", "Vĩnh Yên", "08707" },
        { "phu-tho", "phường vinh yen", "08707" },
        // Tone marks placed the old way, and apostrophes or hyphens left out.
        { "dak-lak", "Phú Hòa 1", "22319" },
        { "dak-lak", "phu hoa 2", "22303" },
        { "dak-lak", "Ea Hleo", "24184" },
        { "dak-lak", "cu mgar", "24280" },
        // Names that look like a type word, and numbered names.
        { "dien-bien", "xa dung", FindCode("dien-bien", "Xa Dung") },
        { "dien-bien", "xã Xa Dung", FindCode("dien-bien", "Xa Dung") },
        { "can-tho", "Xà Phiên", FindCode("can-tho", "Xà Phiên") },
        { "ha-noi", "Phương Liệt", FindCode("ha-noi", "Phương Liệt") },
        { "lam-dong", "1 Bảo Lộc", "24823" },
        { "lam-dong", "phuong 3 bao loc", "24841" },
        // Special zones.
        { "quang-ninh", "đặc khu Cô Tô", "07192" },
        { "quang-ninh", "co to", "07192" },
        { "quang-ninh", "dk van don", "06994" },
        // Two names the same without diacritics: the diacritics or the type decide.
        { "tay-ninh", "Tân Thạnh", "27826" },
        { "tay-ninh", "Tân Thành", "25534" },
        { "thanh-hoa", "phường Đông Tiến", "15853" },
        { "thanh-hoa", "xa dong tien", "15724" },
    };

    [Theory]
    [MemberData(nameof(ExactRows))]
    public void A_name_typed_any_way_is_taken_at_once(string province, string typed, string code)
    {
        var match = Communes.Match(province, typed);
        Assert.Equal(CommuneMatchKind.Exact, match.Kind);
        Assert.Equal(code, match.Commune!.Code);
    }

    public static TheoryData<string, string, string[]> CandidateRows() => new()
    {
        // province, typed, names offered first (in order)
        { "tay-ninh", "tan thanh", ["Tân Thành", "Tân Thạnh"] },
        { "thanh-hoa", "dong tien", ["Đông Tiến", "Đồng Tiến"] },
        { "ha-noi", "ba dihn", ["Ba Đình"] },
        { "ha-noi", "Bát Tràn", ["Bát Tràng"] },
        { "ha-noi", "bat trnag", ["Bát Tràng"] },
        { "ha-noi", "Ba Dinhh", ["Ba Đình"] },
        // The name of a ward typed as a commune: offered, not taken.
        { "ha-noi", "xã Ba Đình", ["Ba Đình"] },
        // Part of a name.
        { "lam-dong", "bao loc", ["1 Bảo Lộc", "2 Bảo Lộc", "3 Bảo Lộc"] },
        { "lam-dong", "Bảo Lộc 1", ["1 Bảo Lộc"] },
        // An address around the name.
        { "ha-noi", "thôn 3, xã Bát Tràng, Gia Lâm", ["Bát Tràng"] },
        { "phu-tho", "Vĩnh Yên cũ", ["Vĩnh Yên"] },
    };

    [Theory]
    [MemberData(nameof(CandidateRows))]
    public void A_near_name_is_offered_best_first_and_never_taken_without_asking(string province, string typed, string[] first)
    {
        var match = Communes.Match(province, typed);
        Assert.Equal(CommuneMatchKind.Candidates, match.Kind);
        Assert.Null(match.Commune);
        Assert.InRange(match.Candidates.Count, first.Length, CommuneCatalogue.MaxCandidates);
        Assert.Equal(first, match.Candidates.Take(first.Length).Select(c => c.Commune.Name));
        Assert.All(match.Candidates, c => Assert.Equal(ReportingTestKit.Catalogue.CurrentOf(province)!.Id, c.Commune.ProvinceId));
        Assert.Equal(match.Candidates.OrderByDescending(c => c.Score).Select(c => c.Score), match.Candidates.Select(c => c.Score));
    }

    [Theory]
    [InlineData("ha-noi", "")]
    [InlineData("ha-noi", "   ")]
    [InlineData("ha-noi", "???")]
    [InlineData("ha-noi", "Khu công nghiệp Quang Minh")]
    [InlineData("ha-noi", "12345")]
    [InlineData("ha-noi", "24823")]
    [InlineData("khong-co-tinh", "Ba Đình")]
    public void Nothing_near_is_none(string province, string typed)
    {
        var match = Communes.Match(province, typed);
        Assert.Equal(CommuneMatchKind.None, match.Kind);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void A_short_beginning_offers_at_most_five_and_says_how_many_more()
    {
        var match = Communes.Match("ho-chi-minh", "tan");
        Assert.Equal(CommuneMatchKind.Candidates, match.Kind);
        Assert.Equal(CommuneCatalogue.MaxCandidates, match.Candidates.Count);
        Assert.True(match.More > 0, "HCM has many Tân… wards: the person should type more");
        Assert.All(match.Candidates, c => Assert.StartsWith("tan", VnText.FoldWords(c.Commune.Name)));
    }

    [Fact]
    public void Every_commune_is_taken_by_its_name_with_diacritics_and_by_its_label()
    {
        foreach (var unit in ReportingTestKit.Catalogue.CurrentProvinces)
        {
            var list = Communes.InProvince(unit.Id);
            foreach (var c in list)
            {
                Assert.Equal(c, Communes.Match(unit.Id, c.Code).Commune);
                var twin = list.Any(o => o != c && VnText.FoldWords(o.Name) == VnText.FoldWords(c.Name));
                if (twin && !VnSpelling.HasDiacritics(c.Name))
                {
                    // "Thanh An" beside "Thạnh An": written without diacritics it may be either, so it is asked.
                    Assert.Contains(c, Communes.Match(unit.Id, c.Name).Candidates.Select(x => x.Commune));
                    Assert.Equal(c, Communes.Match(unit.Id, c.Label()).Commune is { } l && l == c ? c : Communes.Match(unit.Id, c.Label()).Candidates.First(x => x.Commune == c).Commune);
                    continue;
                }
                Assert.Equal(c, Communes.Match(unit.Id, c.Name).Commune);
                Assert.Equal(c, Communes.Match(unit.Id, c.Label()).Commune);
            }
        }
    }

    [Fact]
    public void Every_commune_typed_without_diacritics_is_taken_or_offered_first_among_its_twins()
    {
        var asked = 0;
        foreach (var unit in ReportingTestKit.Catalogue.CurrentProvinces)
        {
            foreach (var c in Communes.InProvince(unit.Id))
            {
                var match = Communes.Match(unit.Id, VnText.FoldWords(c.Name));
                if (match.Kind == CommuneMatchKind.Candidates)
                {
                    // Only the ten pairs that are the same without diacritics are asked.
                    asked++;
                    Assert.Contains(c, match.Candidates.Select(x => x.Commune));
                    Assert.All(match.Candidates, x => Assert.Equal(VnText.FoldWords(c.Name), VnText.FoldWords(x.Commune.Name)));
                }
                else
                {
                    Assert.Equal(c, match.Commune);
                }
            }
        }
        Assert.Equal(20, asked);
    }

    [Fact]
    public void A_typo_in_a_long_name_is_offered_and_the_right_commune_is_among_the_candidates()
    {
        var tried = 0;
        var found = 0;
        var missed = new List<string>();
        foreach (var unit in ReportingTestKit.Catalogue.CurrentProvinces)
        {
            foreach (var c in Communes.InProvince(unit.Id))
            {
                var folded = VnText.FoldWords(c.Name);
                if (folded.Replace(" ", "").Length < 6)
                {
                    continue;
                }
                // Swap two neighbouring letters in the middle of the name (a common slip on a phone).
                var i = Enumerable.Range(2, folded.Length - 2)
                    .FirstOrDefault(k => k >= folded.Length / 2 && char.IsLetter(folded[k]) && char.IsLetter(folded[k - 1]) && folded[k] != folded[k - 1]);
                if (i == 0)
                {
                    continue;
                }
                var typo = folded[..(i - 1)] + folded[i] + folded[i - 1] + folded[(i + 1)..];
                var match = Communes.Match(unit.Id, typo);
                tried++;
                Assert.NotEqual(CommuneMatchKind.None, match.Kind);
                if (match.Kind == CommuneMatchKind.Exact)
                {
                    // The slip made another real name: taking that one is right.
                    Assert.Equal(typo, VnText.FoldWords(match.Commune!.Name));
                    continue;
                }
                if (match.Candidates.Any(x => x.Commune == c))
                {
                    found++;
                }
                else
                {
                    missed.Add($"{typo} -> {string.Join(", ", match.Candidates.Select(x => x.Commune.Name))}");
                }
            }
        }
        Assert.True(tried > 2500, $"only {tried} names tried");
        Assert.True(found >= tried * 0.99, $"found {found} of {tried}: " + string.Join("; ", missed.Take(20)));
    }

    [Fact]
    public void A_broken_list_stops_the_start_with_a_message_naming_the_file()
    {
        void Broken(Func<string, string> change, string expected)
        {
            using var seeds = ReportingTestKit.CopySeeds();
            seeds.Edit(CommuneCatalogue.FileName, change);
            var ex = Assert.Throws<SeedException>(() => CommuneCatalogue.Load(seeds.Path, ReportingTestKit.Catalogue));
            Assert.Contains(CommuneCatalogue.FileName, ex.Message);
            Assert.Contains(expected, ex.Message);
        }

        Broken(s => s.Replace("\"code\": \"00008\"", "\"code\": \"00004\""), "mã bị trùng");
        Broken(s => s.Replace("\"province\": \"25\"", "\"province\": \"26\""), "không phải tỉnh, thành hiện nay");
        Broken(s => s.Replace("\"total\": 3321", "\"total\": 3322"), "3321");
        Broken(s => s.Replace("\"type\": \"Xã\", \"name\": \"Bát Tràng\"", "\"type\": \"Thị trấn\", \"name\": \"Bát Tràng\""), "Thị trấn");
        Broken(s => s.Replace("\"code\": \"00004\"", "\"code\": \"4\""), "5 chữ số");
        Broken(s => s.Replace("\"source\":", "\"nguon\":"), "source");
        Broken(s => s.Replace("{\"code\": \"00008\", \"type\": \"Phường\", \"name\": \"Ngọc Hà\"}", "{\"code\": \"00008\", \"type\": \"Phường\", \"name\": \"Ba Đình\"}"), "trùng trong tỉnh");
        Broken(s => s.Replace("\"province\": \"96\"", "\"province\": \"01\""), "hai danh sách");
    }

    private static string FindCode(string province, string name) =>
        ReportingTestKit.Communes.InProvince(province).Single(c => c.Name == name).Code;
}
