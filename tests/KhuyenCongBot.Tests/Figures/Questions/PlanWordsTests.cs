using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Forms;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>/kehoach as an admin types it (measures in Vietnamese words), and viewable by everyone within their scope.</summary>
public sealed class PlanWordsTests
{
    [Theory]
    [InlineData("/kehoach 2027 Phú Thọ gian hàng 150", "phu-tho", "trade_fair.booths", 150)]
    [InlineData("/kehoach 2027 phu tho so gian hang 150", "phu-tho", "trade_fair.booths", 150)]
    [InlineData("/kehoach 2027 Hà Nội doanh thu tư vấn 9,92 tỷ", "ha-noi", "consulting.revenue_vnd", 9_920_000_000)]
    [InlineData("/kehoach 2027 Phú Thọ cơ sở máy móc 40", "phu-tho", "machinery.facilities", 40)]
    [InlineData("/kehoach 2027 Phú Thọ trade_fair.booths 120", "phu-tho", "trade_fair.booths", 120)]
    [InlineData("/kehoach 2027 phu tho co so may moc muoi", "phu-tho", "machinery.facilities", 10)]
    [InlineData("/kehoach 2027 phu tho gian hang hai tram", "phu-tho", "trade_fair.booths", 200)]
    [InlineData("/kehoach 2027 Phú Thọ gian hàng 150 gian", "phu-tho", "trade_fair.booths", 150)]
    [InlineData("/kehoach 2027 Phú Thọ cơ sở máy móc 40 cơ sở", "phu-tho", "machinery.facilities", 40)]
    [InlineData("/kehoach 2027 Hà Nội kinh phí 1 tỷ 200 triệu", "ha-noi", "*.funding_vnd", 1_200_000_000)]
    public async Task An_admin_sets_a_plan_in_words(string command, string province, string metric, long target)
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        var reply = await bot.Say(command, "ad");
        Assert.Contains("Đã đặt kế hoạch năm 2027", reply);
        var plan = Assert.Single(bot.Store.Plans.ForYear(2027));
        Assert.Equal((province, metric, (decimal)target), (plan.ProvinceId, plan.Metric, plan.Target));
    }

    [Fact]
    public async Task An_unknown_measure_is_said_not_understood_and_nothing_is_set()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        Assert.Contains("chưa hiểu chỉ tiêu", await bot.Say("/kehoach 2027 Phú Thọ xyz 150", "ad"));
        Assert.Empty(bot.Store.Plans.ForYear(2027));
    }

    [Fact]
    public async Task An_officer_views_the_plans_of_their_province_but_cannot_set_one()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");
        await bot.Say("/kehoach 2027 Hà Nội gian hàng 90", "ad");
        var view = await bot.Say("/kehoach 2027", "o1");
        Assert.Contains("Hội chợ, triển lãm: 150", view);
        Assert.DoesNotContain("Hà Nội", view);
        Assert.Contains("không có quyền", await bot.Say("/kehoach 2027 Phú Thọ gian hàng 10", "o1"));
        Assert.Equal(150m, bot.Store.Plans.ForYear(2027).Single(p => p.ProvinceId == "phu-tho").Target);
    }

    [Theory]
    [InlineData("/kehoach 2027 phu to gian hang 150", "\"phu to\"", "Phú Thọ")]
    [InlineData("/kehoach 2027 ha noii gian hang 150", "\"ha noii\"", "Hà Nội")]
    [InlineData("/kehoach 2027 xyzabc gian hang 150", "\"xyzabc\"", null)]
    [InlineData("/kehoach 2027 phu to", "\"phu to\"", "Phú Thọ")]
    public async Task An_unknown_province_is_named_alone_with_the_nearest_name_offered_and_nothing_is_set(string command, string named, string? offered)
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        var reply = await bot.Say(command, "ad");
        Assert.Contains("Không có tỉnh/thành phố " + named, reply);
        if (offered is null)
        {
            Assert.DoesNotContain("Có phải ý bạn là", reply);
        }
        else
        {
            Assert.Contains("Có phải ý bạn là " + offered, reply);
        }
        Assert.Empty(bot.Store.Plans.ForYear(2027));
    }

    [Fact]
    public async Task A_plan_line_without_its_number_asks_for_the_number()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        var reply = await bot.Say("/kehoach 2027 Phú Thọ gian hàng", "ad");
        Assert.Contains("Thiếu số kế hoạch", reply);
        Assert.DoesNotContain("Không có tỉnh", reply);
        Assert.Empty(bot.Store.Plans.ForYear(2027));
    }
}
