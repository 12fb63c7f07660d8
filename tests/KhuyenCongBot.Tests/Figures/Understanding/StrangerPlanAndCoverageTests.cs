using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What an outside tester found on 04/12/2026 (issue 13): "tỉnh nào vượt kế hoạch" read as "lượt" and "tỉnh nào đạt kế hoạch" answered
/// with the province of the highest figure; empty years, estimates left out by "chính thức", a former province after the merger and
/// a month without records given as bare figures; a two-province comparison that only summed; tied provinces ranked apart; the report
/// paragraph speaking for "cả nước" with 18 provinces' records. Figures are LINQ over the demo records.
/// </summary>
public sealed class StrangerPlanAndCoverageTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly QuestionParser Parser = new(QuestionTestKit.Catalogue);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Theory]
    [InlineData("tỉnh nào vượt kế hoạch gian hàng năm 2024", "PlanRanking", false)]
    [InlineData("tinh nao vuot ke hoach gian hang nam 2024", "PlanRanking", false)]
    [InlineData("tỉnh nào đạt kế hoạch gian hàng năm 2024", "PlanRanking", false)]
    [InlineData("tỉnh nào đã đạt kế hoạch gian hàng năm 2024", "PlanRanking", false)]
    [InlineData("tỉnh nào chưa đạt kế hoạch gian hàng năm 2024", "PlanRanking", true)]
    [InlineData("gian hàng năm 2024 vượt kế hoạch không", "Figure", false)]
    public void Reaching_or_exceeding_the_plan_is_a_plan_question(string text, string kind, bool ascending)
    {
        var p = Parser.Parse(text, Today);
        Assert.Empty(p.Unknown);
        Assert.Equal(kind, p.Kind.ToString());
        Assert.Equal("trade_fair.booths", QuestionTestKit.Metric(p));
        Assert.Equal(ascending, p.Ascending);
        Assert.True(kind == "PlanRanking" || p.ComparePlan, text);
    }

    [Fact]
    public async Task Which_provinces_exceeded_the_plan_lists_them_by_percent_of_plan_not_participations()
    {
        using var bot = Bot();
        var answer = await bot.Say("tỉnh nào vượt kế hoạch gian hàng năm 2024", "m");
        Assert.DoesNotContain("lượt", answer);
        Assert.Contains("Tiến độ kế hoạch năm 2024 theo tỉnh", answer);
        var targets = bot.Store.Plans.ForYear(2024).Where(p => p.Metric == "trade_fair.booths" && p.Target > 0)
            .GroupBy(p => bot.Catalogue.CurrentOf(p.ProvinceId)!.Id).ToDictionary(g => g.Key, g => g.Sum(p => p.Target));
        var reached = targets.Count(t => bot.Store.Records.All()
            .Where(r => r.ActivityId == "trade_fair" && r.Date.Year == 2024 && bot.Catalogue.CurrentOf(r.ProvinceId)?.Id == t.Key)
            .Sum(r => (long)r.Booths) >= t.Value);
        Assert.True(reached > 0);
        Assert.Contains($"Chưa đạt kế hoạch năm: {targets.Count - reached}/{targets.Count} tỉnh", answer);
    }

    [Fact]
    public async Task Years_without_records_in_a_span_are_named()
    {
        using var bot = Bot();
        var empty = Enumerable.Range(2020, 4)
            .Where(y => !bot.Store.Records.All().Any(r => r.ActivityId == "trade_fair" && r.Date.Year == y)).ToList();
        Assert.NotEmpty(empty);
        var answer = await bot.Say("gian hàng từ 2020 đến 2023", "m");
        Assert.Contains($"chưa có bản ghi Hội chợ, triển lãm nào trong năm {string.Join(", ", empty)}", answer);
    }

    [Fact]
    public async Task A_base_period_without_records_is_not_compared()
    {
        using var bot = Bot();
        Assert.DoesNotContain(bot.Store.Records.All(), r => r.ActivityId == "trade_fair" && r.Date.Year == 2022);
        var answer = await bot.Say("gian hàng năm 2023 so với năm 2022", "m");
        Assert.Contains("không so sánh được", answer);
        Assert.DoesNotContain("tăng", answer);
    }

    [Fact]
    public async Task Actual_figures_only_say_how_many_estimates_were_left_out()
    {
        using var bot = Bot();
        var estimates = bot.Store.Records.All().Count(r => r.ActivityId == "trade_fair" && r.Status == RecordStatus.Estimate
            && r.Date >= new DateOnly(2024, 1, 1) && r.Date <= new DateOnly(2024, 6, 30));
        Assert.True(estimates > 0);
        var answer = await bot.Say("gian hàng 6 tháng đầu năm 2024 chính thức", "m");
        Assert.Contains($"còn {VnFormat.Number(estimates)} bản ghi ước thực hiện", answer);
        Assert.DoesNotContain("Chưa có bản ghi Hội chợ", answer);
    }

    [Fact]
    public async Task A_month_without_records_says_nothing_was_entered()
    {
        using var bot = Bot();
        Assert.DoesNotContain(bot.Store.Records.All(), r => r.ActivityId == "trade_fair" && r.Date.Year == 2026 && r.Date.Month == 10);
        var answer = await bot.Say("gian hàng tháng 10 so với tháng 9", "m");
        Assert.Contains("Chưa có bản ghi Hội chợ, triển lãm nào trong kỳ này", answer);
    }

    [Fact]
    public async Task A_former_province_after_the_merger_points_to_its_current_unit()
    {
        using var bot = Bot();
        var answer = await bot.Say("gian hàng Bắc Giang 2026", "m");
        Assert.Contains("Bắc Giang đã sáp nhập vào Bắc Ninh từ 01/07/2025", answer);
    }

    [Fact]
    public async Task Two_provinces_compared_say_the_difference()
    {
        using var bot = Bot();
        long Booths(string province) => bot.Store.Records.All()
            .Where(r => r.ActivityId == "trade_fair" && r.Date >= new DateOnly(2025, 1, 1) && r.Date <= new DateOnly(2025, 12, 31)
                && bot.Catalogue.CurrentOf(r.ProvinceId)?.Id == province)
            .Sum(r => (long)r.Booths);
        var (phuTho, bacNinh) = (Booths("phu-tho"), Booths("bac-ninh"));
        Assert.NotEqual(phuTho, bacNinh);
        var answer = await bot.Say("so sánh gian hàng Phú Thọ với Bắc Ninh năm 2025", "m");
        var (more, less) = phuTho > bacNinh ? ("Phú Thọ", "Bắc Ninh") : ("Bắc Ninh", "Phú Thọ");
        Assert.Contains($"Chênh lệch: {more} nhiều hơn {less} {VnFormat.Number(Math.Abs(phuTho - bacNinh))} gian hàng", answer);
    }

    [Fact]
    public async Task Equal_figures_share_a_rank()
    {
        using var bot = Bot();
        var answer = await bot.Say("gian hàng 2025 theo tỉnh", "m");
        var rows = answer.Split('\n').Where(l => l.StartsWith("• Hạng ", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 5, answer);
        for (var i = 1; i < rows.Count; i++)
        {
            var (rank, value) = Row(rows[i]);
            var (previousRank, previousValue) = Row(rows[i - 1]);
            Assert.Equal(value == previousValue ? previousRank : i + 1, rank);
        }

        static (int Rank, string Value) Row(string line) =>
            (int.Parse(line["• Hạng ".Length..line.IndexOf(' ', "• Hạng ".Length)], System.Globalization.CultureInfo.InvariantCulture), line[(line.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task The_report_paragraph_speaks_for_the_provinces_with_records()
    {
        using var bot = Bot();
        var provinces = bot.Store.Records.All()
            .Where(r => r.Date >= new DateOnly(2024, 1, 1) && r.Date <= new DateOnly(2024, 6, 30))
            .Select(r => bot.Catalogue.CurrentOf(r.ProvinceId)!.Id).Distinct().Count();
        var current = bot.Catalogue.Provinces.Count(p => p.IsCurrent);
        Assert.True(provinces < current);
        var answer = await bot.Say("/baocao 6 tháng đầu năm 2024", "m");
        Assert.DoesNotContain("cả nước", answer);
        Assert.Contains($"ngành công thương {provinces} tỉnh, thành phố có số liệu", answer);
        Assert.Contains($"(Số liệu gồm {provinces}/{current} tỉnh, thành phố có bản ghi trong kỳ", answer);
        Assert.Contains("thông tin, tuyên truyền", answer);
        Assert.DoesNotContain("thông tin, tuyên truyền 12 lượt cơ sở", answer);
    }

    [Theory]
    [InlineData("bao nhiêu máy được hỗ trợ năm 2025")]
    [InlineData("bao nhieu chiec may duoc ho tro nam 2025")]
    public async Task The_number_of_machines_is_not_held(string question)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        Assert.Contains("không ghi số máy", answer);
        Assert.False(ParaphraseExpectation.HasFigure(answer), answer);
    }
}
