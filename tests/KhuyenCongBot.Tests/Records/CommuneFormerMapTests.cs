using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Records;

/// <summary>The former province of the communes of merged units (seeds/catalogue/commune-former.json, generated from the
/// pre-merger ward list of github.com/thanglequoc/vietnamese-provinces-database): by 2025 commune and by old commune name.</summary>
public sealed class CommuneFormerMapTests
{
    private static readonly Lazy<CommuneCatalogue> Communes = new(() => CommuneCatalogue.Load(RecordsTestKit.SeedsPath, RecordsTestKit.Catalogue));

    /// <summary>2025 communes and wards, as typed, in their current unit: the former province each lay in.</summary>
    public static TheoryData<string, string, string> Current => new()
    {
        { "phu-tho", "xã Mai Châu", "hoa-binh" },
        { "phu-tho", "phường Vĩnh Yên", "vinh-phuc" },
        { "phu-tho", "phường Phúc Yên", "vinh-phuc" },
        { "phu-tho", "xã Tam Đảo", "vinh-phuc" },
        { "phu-tho", "xã Lập Thạch", "vinh-phuc" },
        { "phu-tho", "phường Việt Trì", "phu-tho" },
        { "bac-ninh", "phường Bắc Giang", "bac-giang" },
        { "bac-ninh", "xã Lục Ngạn", "bac-giang" },
        { "bac-ninh", "xã Yên Thế", "bac-giang" },
        { "bac-ninh", "phường Việt Yên", "bac-giang" },
        { "bac-ninh", "phường Từ Sơn", "bac-ninh" },
        { "lao-cai", "phường Yên Bái", "yen-bai" },
        { "lao-cai", "phường Nghĩa Lộ", "yen-bai" },
        { "hai-phong", "đặc khu Bạch Long Vĩ", "hai-phong" },
        { "ho-chi-minh", "đặc khu Côn Đảo", "ba-ria-vung-tau" },
    };

    [Theory]
    [MemberData(nameof(Current))]
    public void A_2025_commune_lies_in_one_former_province(string current, string commune, string former) =>
        Assert.Equal(former, Communes.Value.Former.FormerOfName(Communes.Value, current, commune));

    /// <summary>Communes merged away in 2025, as facilities registered before still name them.</summary>
    [Theory]
    [InlineData("phu-tho", "xã Chiềng Châu", "hoa-binh")]
    [InlineData("phu-tho", "Chieng Chau", "hoa-binh")]
    [InlineData("lao-cai", "xã Suối Giàng", "yen-bai")]
    [InlineData("lao-cai", "suoi giang", "yen-bai")]
    public void An_old_commune_name_lies_in_its_former_province(string current, string commune, string former) =>
        Assert.Equal(former, Communes.Value.Former.FormerOfName(Communes.Value, current, commune));

    [Theory]
    [InlineData("phu-tho", "xã Phù Lãng")]
    [InlineData("lao-cai", "xã Không Có Thật")]
    [InlineData("ha-noi", "phường Ba Đình")]
    public void A_commune_of_another_unit_or_of_an_unmerged_unit_has_no_former_province(string current, string commune) =>
        Assert.Null(Communes.Value.Former.FormerOfName(Communes.Value, current, commune));

    [Fact]
    public void Every_commune_of_a_merged_unit_is_mapped()
    {
        var catalogue = RecordsTestKit.Catalogue;
        var merged = catalogue.CurrentProvinces.Where(p => catalogue.Provinces.Count(f => !f.IsCurrent && f.CurrentId == p.Id) > 1).ToList();
        Assert.Equal(23, merged.Count);
        var communes = merged.SelectMany(p => Communes.Value.InProvince(p.Id)).ToList();
        Assert.All(communes, c => Assert.True(Communes.Value.Former.FormerOf(c.Code) is not null || Communes.Value.Former.IsUnknown(c.Code), c.Label()));
        Assert.Equal(communes.Count, Communes.Value.Former.Count);
        Assert.All(communes, c => Assert.Equal(c.ProvinceId, catalogue.CurrentOf(Communes.Value.Former.FormerOf(c.Code)!)!.Id));
    }

    [Fact]
    public void An_imported_pre_merger_row_under_the_merged_unit_counts_under_the_former_province_of_its_commune_and_the_summary_says_so()
    {
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            var result = importer.ImportRecords(new StringReader(RecordsTestKit.Header + "\n"
                + "15/03/2024,Phú Thọ,trade_fair,HTX thổ cẩm Mai Châu,xã Chiềng Châu,4,,,,,\n"
                + "16/03/2024,Phú Thọ,trade_fair,Gốm Phù Lãng,xã Phù Lãng,2,,,,,\n"
                + "17/03/2024,Phú Thọ,trade_fair,HTX chè Việt Trì,phường Việt Trì,1,,,,,\n"
                + "15/08/2025,Phú Thọ,trade_fair,HTX thổ cẩm Mai Châu,xã Chiềng Châu,3,,,,,\n"), 7);
            Assert.True(result.Ok, result.Describe());
            var byBooths = store.Records.All().ToDictionary(r => r.Booths, r => r.ProvinceId);
            Assert.Equal("hoa-binh", byBooths[4]);
            Assert.Equal("phu-tho", byBooths[2]);
            Assert.Equal("phu-tho", byBooths[1]);
            Assert.Equal("phu-tho", byBooths[3]);
            Assert.Contains(result.Notes, n => n.Contains("xã của cơ sở thuộc Hòa Bình cũ: bản ghi được tính cho Hòa Bình, không phải Phú Thọ (1 dòng)", StringComparison.Ordinal));
            Assert.Contains(result.Notes, n => n.Contains("chưa biết xã của cơ sở thuộc tỉnh cũ nào của Phú Thọ: bản ghi được tính cho Phú Thọ", StringComparison.Ordinal) && n.Contains("(1 dòng)", StringComparison.Ordinal));
        }
    }
}
