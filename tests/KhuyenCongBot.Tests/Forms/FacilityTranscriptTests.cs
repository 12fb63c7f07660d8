using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The facility question: search as they type, pick, or create a new facility after seeing likely duplicates.</summary>
public sealed class FacilityTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("gom phu lang")]
    [InlineData("Gốm Phù Lang")]
    [InlineData("GỐM PHÙ LÃNG")]
    public async Task An_exact_name_with_or_without_diacritics_is_picked_at_once(string typed)
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi hội chợ", "o1");
        var reply = await bot.Say(typed, "o1");
        Assert.Contains("✓ Cơ sở: Gốm Phù Lãng", reply);
        Assert.Contains("❓ Tên hội chợ", reply);
    }

    [Theory]
    [InlineData("gom phu lan", "Gốm Phù Lãng")]
    [InlineData("phù lãng", "Gốm Phù Lãng")]
    [InlineData("may tre dan", "HTX Mây tre đan Phú Thọ")]
    [InlineData("che hung vuong", "Công ty TNHH Chè Hùng Vương")]
    [InlineData("Chè Hùng Vươn", "Công ty TNHH Chè Hùng Vương")]
    public async Task Partial_names_and_small_typos_find_the_facility_in_their_province(string typed, string expected)
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi hội chợ", "o1");
        var reply = await bot.Say(typed, "o1");
        output.WriteLine(reply);
        Assert.Contains("1. " + expected, reply);
        Assert.DoesNotContain("Bát Tràng", reply);
        Assert.Contains("✓ Cơ sở: " + expected, await bot.Say("1", "o1"));
    }

    [Fact]
    public async Task A_new_facility_shows_the_likely_duplicate_first_and_is_created_on_saving()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi hội chợ", "o1");
        var search = await bot.Say("Gốm Phù Lãngg", "o1");
        Assert.Contains("Gốm Phù Lãng (xã Phù Lãng)", search);
        var duplicate = await bot.Say("Tạo mới: Gốm Phù Lãngg", "o1");
        output.WriteLine(duplicate);
        Assert.Contains("Có thể cơ sở \"Gốm Phù Lãngg\" đã có ở Phú Thọ", duplicate);
        Assert.Contains("Vẫn tạo mới", duplicate);
        Assert.Contains("xã/phường nào", await bot.Say("Vẫn tạo mới", "o1"));
        // Phù Lãng is a commune of Bắc Ninh, not of Phú Thọ: kept as typed once the officer confirms it.
        Assert.Contains("không có trong danh mục", await bot.Say("xã Phù Lãng", "o1"));
        Assert.Contains("loại hình", await bot.Say("Giữ như đã gõ", "o1"));
        Assert.Contains("Mã số thuế", await bot.Say("hộ kinh doanh", "o1"));
        Assert.Contains("nhóm được ưu tiên", await bot.Say("bỏ qua", "o1"));
        Assert.Contains("làng nghề", await bot.Say("không", "o1"));
        Assert.Contains("Số điện thoại", await bot.Say("Làng gốm Phù Lãng", "o1"));
        Assert.Contains("10 hoặc 11 chữ số", await bot.Say("12345", "o1"));
        var next = await bot.Say("0912 345 678", "o1");
        Assert.Contains("cơ sở mới, sẽ được thêm khi lưu", next);
        Assert.Equal(4, bot.Store.Facilities.All().Count());
        var receipt = await FormTestKit.Talk(bot, "o1", "Hội chợ Xuân", "2", "hôm nay", "bỏ qua", "1", "bỏ qua", "lưu");
        Assert.Contains("Đã thêm cơ sở mới \"Gốm Phù Lãngg\"", receipt);
        var facility = Assert.Single(bot.Store.Facilities.All(), f => f.Name == "Gốm Phù Lãngg");
        Assert.Equal("phu-tho", facility.ProvinceId);
        Assert.Equal("0912345678", facility.Phone);
        Assert.Equal("Làng gốm Phù Lãng", facility.CraftVillage);
        Assert.Equal(("xã Phù Lãng", null, true), (facility.Commune, facility.CommuneCode, facility.CommuneNotInList));
        Assert.Equal(("household_business", (string?)null), (facility.LegalForm, facility.TaxId));
        Assert.Empty(facility.PriorityGroups!);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(facility.Id, record.FacilityId);
        Assert.Equal("xã Phù Lãng", record.Commune);
    }

    [Fact]
    public async Task An_unknown_name_offers_to_create_and_back_returns_to_the_question()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi hội chợ", "o1");
        var reply = await bot.Say("Cơ sở dệt thổ cẩm Mường", "o1");
        Assert.Contains("Chưa có cơ sở nào tên giống", reply);
        Assert.Contains("1. ➕ Tạo mới: Cơ sở dệt thổ cẩm Mường", reply);
        Assert.Contains("❓ Cơ sở", await bot.Say("quay lại", "o1"));
        Assert.Contains("xã/phường nào", await FormTestKit.Talk(bot, "o1", "Dệt Mường", "1"));
        Assert.Contains("bắt buộc", await bot.Say("bỏ qua", "o1"));
    }

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("02103 123 456", "02103123456")]
    [InlineData("12345", null)]
    [InlineData("09123", null)]
    [InlineData("abc", null)]
    public void Phone_numbers_are_normalised(string typed, string? expected) =>
        Assert.Equal(expected, KhuyenCongBot.Core.Forms.PhoneNumber.Normalize(typed));

    [Theory]
    [InlineData("gom phu lang", "gom phu lang", 1.0)]
    [InlineData("phu lang", "gom phu lang", 0.9)]
    [InlineData("gom phu lan", "gom phu lang", 0.85)]
    [InlineData("che hung vuon", "cong ty tnhh che hung vuong", 0.6)]
    [InlineData("bat trang", "gom phu lang", 0.0)]
    [InlineData("may", "htx may tre dan phu tho", 0.6)]
    public void Similarity_scores_rank_plausible_matches(string query, string name, double atLeast)
    {
        var score = KhuyenCongBot.Core.Forms.FacilitySearch.Score(query, name);
        if (atLeast == 0)
        {
            Assert.True(score < KhuyenCongBot.Core.Forms.FacilitySearch.OfferThreshold, $"score {score}");
        }
        else
        {
            Assert.True(score >= atLeast, $"score {score}");
        }
    }
}
