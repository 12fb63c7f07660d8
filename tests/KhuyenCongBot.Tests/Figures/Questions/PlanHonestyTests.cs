using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Understanding;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>
/// Plan answers are never confidently wrong (issue 13, second outside tester): the measure of a plan ranking is kept and a missing plan
/// is said for that measure; "chưa đạt" lists the provinces below plan and "đã đạt" those at or above it; a year not begun gets no "0 %"
/// and no time pace; one province's plan is never the country's; "ước cả năm" is the year's figure to date against the plan, never the
/// estimate records alone. Figures are LINQ over the demo records.
/// </summary>
public sealed class PlanHonestyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        bot.AddUser("ad", Role.Admin);
        return bot;
    }

    private static decimal Booths(BotHarness bot, DateOnly from, DateOnly to, string? province = null) => bot.Store.Records.All()
        .Where(r => r.ActivityId == "trade_fair" && r.Date >= from && r.Date <= to
            && (province is null || bot.Catalogue.CurrentOf(r.ProvinceId)?.Id == province))
        .Sum(r => (decimal)r.Booths);

    [Theory]
    [InlineData("tỉnh nào chưa đạt kế hoạch kinh phí năm 2025", "Kinh phí hỗ trợ (mọi hoạt động)")]
    [InlineData("tinh nao chua dat ke hoach kinh phi nam 2025", "Kinh phí hỗ trợ (mọi hoạt động)")]
    [InlineData("tỉnh nào chưa đạt kế hoạch cơ sở năm 2025", "Số cơ sở được hỗ trợ")]
    [InlineData("tỉnh nào đã đạt kế hoạch học viên năm 2025", "Số học viên – Đào tạo, truyền nghề")]
    public async Task A_plan_ranking_keeps_the_measure_asked_and_says_when_that_measure_has_no_plan(string question, string title)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        Assert.Contains($"Chưa có kế hoạch năm 2025 cho chỉ tiêu {title}", answer);
        Assert.DoesNotContain("bình quân các chỉ tiêu", answer);
        Assert.DoesNotContain("Chưa có kế hoạch nào", answer);
        // The measures that do have a plan are offered; no figure is given.
        Assert.Contains("Các chỉ tiêu đã có kế hoạch năm 2025:", answer);
        Assert.Contains("Số gian hàng – Hội chợ, triển lãm", answer);
        Assert.False(ParaphraseExpectation.HasFigure(answer), answer);
    }

    [Fact]
    public async Task In_English_a_plan_ranking_of_a_measure_without_a_plan_says_so()
    {
        using var bot = Bot();
        var answer = await bot.Say("which provinces have not met the funding plan in 2025", "m", "en");
        Assert.Contains("No 2025 plan for Funding", answer);
        Assert.Contains("Measures with a 2025 plan:", answer);
        var booths = await bot.Say("which provinces have not met the booth plan in 2025", "m", "en");
        Assert.Contains("(Booths – Trade fairs and exhibitions)", booths);
        Assert.DoesNotContain("did not understand", booths);
    }

    [Fact]
    public async Task Not_met_lists_the_provinces_below_plan_and_met_those_at_or_above_it()
    {
        using var bot = Bot();
        await bot.Say("/kehoach 2026 Lai Châu gian hàng 15", "ad");
        Assert.Contains("Đã đặt kế hoạch năm 2026 của Lai Châu", await bot.Say("1", "ad"));
        var laiChau = VnFormat.Percent(Booths(bot, new DateOnly(2026, 1, 1), Today, "lai-chau") / 15m);

        var notMet = await bot.Say("tỉnh nào chưa đạt kế hoạch gian hàng", "m");
        Assert.DoesNotContain($"Lai Châu: {laiChau}", notMet);
        Assert.Contains("Chỉ liệt kê 17 tỉnh chưa đạt; 1 tỉnh đã đạt: Lai Châu.", notMet);
        Assert.DoesNotContain("· Lai Châu:", notMet);
        // Lowest first, each ranked from the highest: never "Hạng 1" for the worst province.
        Assert.Contains("• Hạng 18/18 · ", notMet);
        Assert.DoesNotContain("• Hạng 1 ·", notMet);

        var met = await bot.Say("tỉnh nào đã đạt kế hoạch gian hàng", "m");
        Assert.Contains($"• Hạng 1 · Lai Châu: {laiChau}", met);
        Assert.DoesNotContain("Hạng 2", met);
        Assert.Contains("Chỉ liệt kê 1/18 tỉnh đã đạt; 17 tỉnh còn lại chưa đạt.", met);

        // None has met the 2025 booth plan: said, with the closest, and no province listed as if it had.
        var none = await bot.Say("tỉnh nào đã đạt kế hoạch gian hàng năm 2025", "m");
        Assert.Contains("Chưa tỉnh nào đạt kế hoạch (18 tỉnh có kế hoạch); gần nhất:", none);
        Assert.DoesNotContain("Hạng", none);
    }

    [Fact]
    public async Task A_year_not_begun_has_no_achieved_figure_no_zero_percent_and_no_time_pace()
    {
        using var bot = Bot();
        var before = await bot.Say("tiến độ kế hoạch gian hàng năm 2027", "m");
        Assert.Contains("năm 2027 chưa bắt đầu (hôm nay là 26/11/2026)", before);
        Assert.Contains("Số gian hàng – Hội chợ, triển lãm: chưa có kế hoạch năm 2027.", before);
        Assert.Contains("/kehoach 2027", before);

        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");
        foreach (var question in new[] { "tiến độ kế hoạch gian hàng năm 2027", "kế hoạch năm 2027", "gian hàng năm 2027 so với kế hoạch",
                     "kế hoạch gian hàng năm 2027 còn thiếu bao nhiêu", "tỉnh nào chưa đạt kế hoạch gian hàng năm 2027" })
        {
            var answer = await bot.Say(question, "m");
            Assert.Contains("chưa bắt đầu", answer);
            // One province's plan is said to be that province's, never the country's.
            Assert.Contains("mới có ở 1/18 tỉnh, thành phố (Phú Thọ: 150 gian hàng); 17 tỉnh, thành phố chưa có", answer);
            Assert.DoesNotMatch(@"(?<![0-9.,])0(%| gian hàng)", answer);
            Assert.DoesNotContain("100% của năm", answer);
            Assert.DoesNotContain("Còn thiếu", answer);
        }
    }

    [Fact]
    public async Task A_plan_of_some_provinces_is_compared_with_what_those_provinces_did()
    {
        using var bot = Bot();
        await bot.Say("/kehoach 2026 Hà Nội kinh phí 5 tỷ", "ad");
        var done = bot.Store.Records.All().Where(r => r.Date.Year == 2026 && r.Date <= Today && bot.Catalogue.CurrentOf(r.ProvinceId)?.Id == "ha-noi")
            .Sum(r => RecordFunding.SplitOf(r)?.Support ?? 0);
        var country = await bot.Say("kinh phí năm 2026 so với kế hoạch", "m");
        Assert.Contains($"kế hoạch mới có ở 1/18 tỉnh, thành phố (Hà Nội; tổng 5 tỷ đồng), nên chỉ so phần của các tỉnh này: {VnFormat.Money(done)}, đạt {VnFormat.Percent(done / 5_000_000_000m)} kế hoạch năm; 17 tỉnh, thành phố chưa có kế hoạch", country);
        Assert.DoesNotContain("So với kế hoạch năm 2026 (5 tỷ đồng)", country);

        var gap = await bot.Say("kinh phí năm 2026 còn thiếu bao nhiêu để đạt kế hoạch", "m");
        Assert.Contains("chỉ của 1/18 tỉnh, thành phố có kế hoạch (Hà Nội)", gap);
        Assert.Contains($"Riêng các tỉnh có kế hoạch đã thực hiện {VnFormat.Money(done)}", gap);
    }

    [Fact]
    public async Task The_whole_years_estimate_is_the_figure_to_date_against_the_plan_never_the_estimate_records_alone()
    {
        using var bot = Bot();
        var done = Booths(bot, new DateOnly(2026, 1, 1), Today);
        var target = bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "trade_fair.booths").Sum(p => p.Target);
        foreach (var question in new[] { "ước cả năm 2026 gian hàng", "uoc thuc hien ca nam 2026 gian hang", "ước tính cả năm gian hàng" })
        {
            var answer = await bot.Say(question, "m");
            Assert.Contains($"Số gian hàng – Hội chợ, triển lãm: {VnFormat.Number((long)done)} gian hàng", answer);
            Assert.Contains("Bot không dự báo số cả năm 2026", answer);
            Assert.Contains($"Còn thiếu {VnFormat.Number((long)(target - done))} gian hàng để đạt kế hoạch năm.", answer);
            Assert.DoesNotContain("chỉ tính số ước", answer);
        }
        // The estimate records when that is what is asked.
        Assert.Contains("0 gian hàng (chỉ tính số ước thực hiện)", await bot.Say("gian hàng năm 2026 chỉ tính số ước", "m"));
    }

    [Theory]
    [InlineData("ước cả năm 2026 gian hàng", true, null)]
    [InlineData("ước thực hiện cả năm kinh phí", true, null)]
    [InlineData("estimated full year 2026 booths", true, null)]
    [InlineData("số ước thực hiện gian hàng năm 2026", false, RecordStatus.Estimate)]
    [InlineData("gian hàng năm 2026 chỉ tính số ước", false, RecordStatus.Estimate)]
    public void The_whole_years_estimate_is_told_from_the_estimate_records(string text, bool wholeYear, RecordStatus? status)
    {
        var p = new QuestionParser(QuestionTestKit.Catalogue).Parse(text, Today);
        Assert.Empty(p.Unknown);
        Assert.Equal(wholeYear, p.WholeYear);
        Assert.Equal(status, p.Status);
    }
}
