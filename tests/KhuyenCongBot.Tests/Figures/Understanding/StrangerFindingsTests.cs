using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What an outside tester found wrong on the demo chat (issue 13): a date carried into the previous question's year, a ranking
/// of one province, a funding source kept silently, a plan of one province titled as the country's, and zeros where the data
/// holds nothing. Each figure is checked against LINQ over the demo records.
/// </summary>
public sealed class StrangerFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static long Booths(BotHarness bot, DateOnly from, DateOnly to, IReadOnlyCollection<string>? units = null) => bot.Store.Records.All()
        .Where(r => r.ActivityId == "trade_fair" && r.Date >= from && r.Date <= to && (units is null || units.Contains(r.ProvinceId)))
        .Sum(r => (long)r.Booths);

    [Theory]
    [InlineData("gian hàng hôm qua", -1)]
    [InlineData("gian hang hom qua", -1)]
    [InlineData("gian hàng hôm nay", 0)]
    [InlineData("gian hàng hôm kia", -2)]
    public async Task A_day_after_a_year_question_is_that_day_not_the_previous_year(string question, int days)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        await bot.Say("gian hang nam 2024", "m");
        var answer = await bot.Say(question, "m");
        var day = Today.AddDays(days);
        Assert.Contains(VnFormat.Number(Booths(bot, day, day)) + " gian hàng", answer);
        Assert.Contains(VnFormat.Date(day), answer);
        Assert.DoesNotContain("2024", answer);
    }

    [Fact]
    public async Task A_month_with_a_metric_is_a_new_question_of_this_year_and_a_follow_up_says_which_year_it_keeps()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        await bot.Say("gian hàng quý 1 năm 2025", "m");
        var fresh = await bot.Say("gian hàng tháng 3", "m");
        Assert.Contains(VnFormat.Number(Booths(bot, new(2026, 3, 1), new(2026, 3, 31))) + " gian hàng", fresh);
        Assert.Contains("3/2026", fresh);

        await bot.Say("gian hàng quý 1 năm 2025", "m");
        var followUp = await bot.Say("còn quý 2 thì sao", "m");
        Assert.Contains(VnFormat.Number(Booths(bot, new(2025, 4, 1), new(2025, 6, 30))) + " gian hàng", followUp);
        Assert.Contains("Giữ năm 2025 của câu trước", followUp);
    }

    [Theory]
    [InlineData("tinh nao it gian hang nhat nam 2025")]
    [InlineData("tỉnh nào nhiều gian hàng nhất năm 2025")]
    [InlineData("top 3 tinh gian hang nam 2025")]
    public async Task Someone_who_sees_one_province_gets_no_ranking_of_one(string question)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("o", Role.Manager, "bac-ninh");
        var answer = await bot.Say(question, "o");
        Assert.Contains("không xếp hạng", answer);
        Assert.DoesNotContain("cao nhất", answer);
        Assert.DoesNotContain("thấp nhất", answer);
        var units = bot.Catalogue.UnitsOf("bac-ninh").ToHashSet();
        Assert.Contains(VnFormat.Number(Booths(bot, new(2025, 1, 1), new(2025, 12, 31), units)) + " gian hàng", answer);
    }

    [Fact]
    public async Task An_admin_ranking_is_still_a_ranking()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var answer = await bot.Say("tỉnh nào ít gian hàng nhất năm 2025", "a");
        Assert.Contains("thấp nhất", answer);
        Assert.DoesNotContain("không xếp hạng", answer);
    }

    [Fact]
    public async Task A_new_measure_that_is_not_money_does_not_keep_the_funding_source()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        await bot.Say("kinh phi KCQG nam 2025", "m");
        var answer = await bot.Say("tien do ke hoach tu van", "m");
        Assert.DoesNotContain("KCQG", answer);
        var projects = bot.Store.Records.All().Count(r => r.ActivityId == "consulting" && r.Date.Year == 2025);
        Assert.Contains(VnFormat.Number(projects) + " dự án", answer);
    }

    [Fact]
    public async Task A_kept_funding_source_is_said()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        await bot.Say("kinh phi KCQG nam 2025", "m");
        var answer = await bot.Say("kinh phí bao nhiêu", "m");
        Assert.Contains("nguồn KCQG", answer);
        Assert.Contains("Giữ kỳ và phạm vi của câu trước: năm 2025, cả nước, nguồn KCQG", answer);
    }

    [Fact]
    public async Task The_plan_of_one_province_is_titled_with_that_province_and_no_metric_codes()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var answer = await bot.Say("/kehoach 2025 phu tho", "a");
        Assert.Contains("Kế hoạch năm 2025 (Phú Thọ)", answer);
        Assert.DoesNotContain("cả nước", answer);
        Assert.DoesNotContain("tổng", answer);
        Assert.DoesNotContain("trade_fair.booths", answer);
        var booths = bot.Store.Plans.ForYear(2025).Single(p => p.ProvinceId == "phu-tho" && p.Metric == "trade_fair.booths").Target;
        Assert.Contains("Số gian hàng – Hội chợ, triển lãm: " + VnFormat.Number((long)booths), answer);
    }

    [Theory]
    [InlineData("gian hang TP HCM nam 2025", "chưa có bản ghi nào của TP. Hồ Chí Minh")]
    [InlineData("kinh phi Da Nang 2025", "chưa có bản ghi nào của Đà Nẵng")]
    [InlineData("gian hang nam 2022", "bắt đầu sau kỳ này")]
    public async Task A_zero_where_the_data_holds_nothing_says_so(string question, string note)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        Assert.DoesNotContain(bot.Store.Records.All(), r => r.Date.Year == 2022);
        var answer = await bot.Say(question, "a");
        Assert.Contains(note, answer);
    }

    [Fact]
    public async Task A_zero_where_the_province_has_records_is_a_plain_zero()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var answer = await bot.Say("gian hàng Phú Thọ hôm qua", "a");
        Assert.Contains("0 gian hàng", answer);
        Assert.DoesNotContain("chưa có bản ghi nào", answer);
        Assert.DoesNotContain("bắt đầu sau", answer);
    }
}
