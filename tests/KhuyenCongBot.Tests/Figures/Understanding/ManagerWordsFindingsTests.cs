using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What an outside tester found on 05/12/2026 (issue 13, "never confidently wrong"): a facility name corrected as a typo, a former
/// province answered with the merged one, craft villages answered 0, "lượt cơ sở" for information records, "this month" to the
/// month's end. Figures are LINQ over the demo records.
/// </summary>
public sealed class ManagerWordsFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Fact]
    public async Task A_facility_name_is_quoted_as_typed_never_corrected()
    {
        using var bot = Bot();
        var answer = await bot.Say("Công ty ABC đã được hỗ trợ những gì", "m");
        Assert.Contains("\"Công ty ABC\"", answer);
        Assert.DoesNotContain("bac", answer.Replace("bạc", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cumulative_funding_with_the_place_after_is_the_sum_of_the_records()
    {
        using var bot = Bot();
        var answer = await bot.Say("lũy kế kinh phí đến hết quý 3 năm 2024 Phú Thọ", "m");
        var units = bot.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var sum = bot.Store.Records.All().Where(r => units.Contains(r.ProvinceId) && r.Date >= new DateOnly(2024, 1, 1) && r.Date <= new DateOnly(2024, 9, 30))
            .Sum(r => r.FundingVnd);
        Assert.Contains(MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, Measures.Funding, sum), answer);
        Assert.Contains("01/01/2024 – 30/09/2024", answer);
    }

    [Theory]
    [InlineData("kinh phí quý 1 đến quý 3 năm 2025", "2025-01-01", "2025-09-30")]
    [InlineData("kinh phí tháng 3 - tháng 6/2025", "2025-03-01", "2025-06-30")]
    [InlineData("kinh phí tháng này", "2026-11-01", "2026-11-26")]
    public async Task A_range_is_one_period_said_in_the_period_line(string text, string from, string to)
    {
        using var bot = Bot();
        var (a, b) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var answer = await bot.Say(text, "m");
        var sum = bot.Store.Records.All().Where(r => r.Date >= a && r.Date <= b).Sum(r => r.FundingVnd);
        Assert.Contains(MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, Measures.Funding, sum), answer);
        Assert.Contains($"({VnFormat.Date(a)} – {VnFormat.Date(b)})", answer);
    }

    [Fact]
    public async Task The_former_province_that_gave_its_name_is_its_own_records_and_not_split_after_the_merger()
    {
        using var bot = Bot();
        var answer = await bot.Say("kinh phí Phú Thọ cũ năm 2024", "m");
        var own = bot.Store.Records.All().Where(r => r.ProvinceId == "phu-tho" && r.Date.Year == 2024).Sum(r => r.FundingVnd);
        var units = bot.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var merged = bot.Store.Records.All().Where(r => units.Contains(r.ProvinceId) && r.Date.Year == 2024).Sum(r => r.FundingVnd);
        Assert.NotEqual(own, merged);
        Assert.Contains(MetricText.Value(KhuyenCongBot.Tests.Support.TestTexts.Seeds, Measures.Funding, own), answer);
        Assert.Contains("Phú Thọ cũ", answer);
        var after = await bot.Say("kinh phí Phú Thọ cũ năm 2025", "m");
        Assert.Contains("không tách được", after);
        Assert.DoesNotContain("đồng", after);
    }

    [Fact]
    public async Task Craft_villages_nobody_recorded_get_no_figure()
    {
        using var bot = Bot();
        Assert.DoesNotContain(bot.Store.Facilities.All(), f => f.LegalForm == "craft_village");
        var answer = await bot.Say("bao nhiêu làng nghề", "m");
        Assert.Contains("không có số liệu riêng về làng nghề", answer);
        Assert.DoesNotContain("0 cơ sở", answer);
    }

    [Fact]
    public async Task Information_by_month_counts_records_not_facility_participations()
    {
        using var bot = Bot();
        var answer = await bot.Say("thông tin tuyên truyền năm 2025 theo tháng", "m");
        Assert.DoesNotContain("lượt cơ sở", answer);
        var august = bot.Store.Records.All().Count(r => r.ActivityId == "information" && r.Date.Year == 2025 && r.Date.Month == 8);
        Assert.Contains($"Tháng 8/2025: {august} lượt", answer);
    }
}
