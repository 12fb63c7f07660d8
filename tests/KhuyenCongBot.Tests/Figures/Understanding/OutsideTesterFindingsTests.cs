using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What the outside tester left open in issue 13: questions refused that a manager expects answered (two periods compared,
/// two sources at once, "từ tháng 7 đến nay", products selected), the "lượt" line of a facilities answer, and provinces with a
/// plan and nothing done. Every figure is checked against LINQ over the demo records.
/// </summary>
public sealed class OutsideTesterFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Fact]
    public async Task Two_quarters_compared_after_so_sanh_give_both_figures_and_the_percentage()
    {
        using var bot = Bot();
        var answer = await bot.Say("so sanh gian hang quy 3 nam nay voi quy 3 nam ngoai", "m");
        long Booths(DateOnly a, DateOnly b) => bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= a && r.Date <= b).Sum(r => (long)r.Booths);
        var now = Booths(new(2026, 7, 1), new(2026, 9, 30));
        var before = Booths(new(2025, 7, 1), new(2025, 9, 30));
        Assert.Contains(VnFormat.Number(now) + " gian hàng", answer);
        Assert.Contains(VnFormat.Number(before) + " gian hàng", answer);
        Assert.Contains(VnFormat.Percent((decimal)now / before), answer);
        Assert.Contains("quý III/2025", answer);
    }

    [Theory]
    [InlineData("kinh phi KCQG va KCDP nam nay")]
    [InlineData("kinh phí khuyến công quốc gia và khuyến công địa phương năm nay")]
    [InlineData("KCQG, KCĐP năm nay bao nhiêu")]
    public async Task Two_sources_named_at_once_give_each_source_on_its_line(string question)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        var records = bot.Store.Records.All().Where(r => r.Date.Year == 2026).ToList();
        long Under(FundingSource s) => records.Where(r => r.Split is { } split ? split[s] > 0 : FundingSources.Of(r.FundingSource) == s)
            .Sum(r => r.Split?[s] ?? r.FundingVnd);
        Assert.Contains("KCQG: " + VnFormat.Money(Under(FundingSource.Kcqg)), answer);
        Assert.Contains("KCĐP: " + VnFormat.Money(Under(FundingSource.Kcdp)), answer);
    }

    [Theory]
    [InlineData("doanh thu tu van tu thang 7 den nay", 2026, 7)]
    [InlineData("doanh thu tư vấn từ tháng 7/2025 đến nay", 2025, 7)]
    [InlineData("doanh thu tư vấn từ quý 2 đến nay", 2026, 4)]
    public async Task An_open_range_runs_from_that_month_to_today(string question, int year, int month)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        var from = new DateOnly(year, month, 1);
        var revenue = bot.Store.Records.All().Where(r => r.ActivityId == "consulting" && r.Date >= from && r.Date <= Today).Sum(r => r.RevenueVnd);
        Assert.Contains(VnFormat.Money(revenue), answer);
        Assert.Contains(VnFormat.Date(Today), answer);
    }

    [Fact]
    public async Task Products_selected_are_the_participations_of_the_product_selection_said_in_one_line()
    {
        using var bot = Bot();
        var answer = await bot.Say("so san pham binh chon nam 2025", "m");
        var count = bot.Store.Records.All().Count(r => r.ActivityId == "product_award" && r.Date.Year == 2025);
        Assert.Contains(VnFormat.Number(count) + " lượt", answer);
        Assert.Contains("Số san pham = số lượt cơ sở tham gia Bình chọn sản phẩm tiêu biểu", answer);
        // "sản phẩm" of another activity, or of none, is not guessed.
        Assert.Contains("chưa hiểu", await bot.Say("số sản phẩm hội chợ năm 2025", "m"));
        Assert.Contains("chưa hiểu", await bot.Say("số sản phẩm năm 2025", "m"));
    }

    [Fact]
    public async Task The_participations_line_of_a_facilities_answer_counts_facilities_only()
    {
        using var bot = Bot();
        var answer = await bot.Say("năm 2025 hỗ trợ bao nhiêu cơ sở", "m");
        var records = bot.Store.Records.All().Where(r => r.Date.Year == 2025).ToList();
        var withFacility = records.Count(r => r.FacilityId is not null);
        Assert.NotEqual(records.Count, withFacility);
        Assert.Contains($"{VnFormat.Number(withFacility)} lượt", answer);
        Assert.DoesNotContain($"{VnFormat.Number(records.Count)} lượt", answer);
        Assert.Contains("không tính Thông tin, tuyên truyền", answer);
    }

    [Fact]
    public async Task A_plan_breakdown_by_province_lists_provinces_with_a_plan_and_nothing_done()
    {
        using var bot = Bot();
        var answer = await bot.Say("số cơ sở sản xuất sạch hơn năm 2026 so với kế hoạch theo tỉnh", "m");
        var done = bot.Store.Records.All().Where(r => r.ActivityId == "cleaner_production" && r.Date.Year == 2026 && r.FacilityId is not null)
            .Select(r => bot.Catalogue.CurrentOf(r.ProvinceId)!.Id).ToHashSet();
        var idle = bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "cleaner_production.facilities" && p.Target > 0)
            .Select(p => bot.Catalogue.CurrentOf(p.ProvinceId)!.Id).Distinct().Where(id => !done.Contains(id)).ToList();
        Assert.NotEmpty(idle);
        foreach (var id in idle)
        {
            Assert.Contains($"{bot.Catalogue.Province(id)!.ShortName}: 0 cơ sở – 0% kế hoạch năm", answer);
        }
    }

    [Theory]
    [InlineData("bao nhieu gian hang khong tinh Ha Noi")]
    [InlineData("bao nhiêu gian hàng không tính Hà Nội")]
    [InlineData("kinh phí năm nay không tính Phú Thọ")]
    [InlineData("so co so ho tro nam 2025 khong ke Bac Ninh")]
    [InlineData("gian hang nam 2025 tru Ha Noi")]
    public async Task An_exclusion_the_bot_cannot_apply_is_said_not_understood_never_answered_for_the_excluded_place(string question)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        Assert.Contains("chưa hiểu", answer);
        Assert.DoesNotContain("Phạm vi", answer);
    }
}
