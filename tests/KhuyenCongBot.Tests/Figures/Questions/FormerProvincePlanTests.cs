using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>
/// A plan is set per current unit: a former province's plan would be added silently to its current unit's and the country's plan
/// (outside tester: "/kehoach 2026 Vĩnh Phúc gian hàng 50" was accepted and Phú Thọ's 76,3 % became 58,1 % while /kehoach showed 160).
/// </summary>
public sealed class FormerProvincePlanTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("/kehoach 2026 Vĩnh Phúc gian hàng 50", "Phú Thọ")]
    [InlineData("/kehoach 2026 vinh phuc gian hang 50", "Phú Thọ")]
    [InlineData("/kehoach 2025 Bắc Giang gian hàng 50", "Bắc Ninh")]
    public async Task A_plan_for_a_former_province_is_refused_and_names_the_current_unit(string command, string current)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var before = bot.Store.Plans.All().Select(p => (p.Id, p.Target)).ToList();
        var answer = await bot.Say(command, "a");
        Assert.Contains("đã hợp nhất vào " + current, answer);
        Assert.Contains("/kehoach", answer);
        // Nothing waits for a confirmation either: a "có" afterwards sets nothing.
        await bot.Say("có", "a");
        Assert.Equal(before, bot.Store.Plans.All().Select(p => (p.Id, p.Target)).ToList());
    }

    [Fact]
    public async Task A_former_province_plan_left_by_an_earlier_version_is_counted_nowhere_and_shown_apart()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var phuTho = bot.Store.Plans.Get(Plan.MakeId(2026, "phu-tho", "trade_fair.booths"))!.Target;
        var country = bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "trade_fair.booths").Sum(p => p.Target);
        bot.Store.Plans.Upsert(new Plan { Id = Plan.MakeId(2026, "vinh-phuc", "trade_fair.booths"), Year = 2026, ProvinceId = "vinh-phuc", Metric = "trade_fair.booths", Target = 50 });

        var province = await bot.Say("gian hàng Phú Thọ năm nay so với kế hoạch", "a");
        Assert.Contains($"So với kế hoạch năm 2026 ({VnFormat.Number((long)phuTho)} gian hàng)", province);
        var all = await bot.Say("gian hàng năm nay so với kế hoạch", "a");
        Assert.Contains($"({VnFormat.Number((long)country)} gian hàng)", all);
        var list = await bot.Say("/kehoach 2026", "a");
        Assert.Contains("Không tính kế hoạch đặt cho tỉnh cũ", list);
        Assert.Contains("Vĩnh Phúc", list);
    }

    [Fact]
    public async Task An_officer_asking_another_province_s_plan_is_told_it_is_outside_their_scope_not_that_none_exists()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("o", Role.Officer, "phu-tho");
        Assert.Contains(bot.Store.Plans.ForYear(2026), p => p.ProvinceId == "bac-ninh");
        var answer = await bot.Say("/kehoach 2026 Bắc Ninh", "o");
        Assert.Contains("ngoài phạm vi của bạn", answer);
        Assert.DoesNotContain("Chưa có kế hoạch", answer);
    }

    [Theory]
    [InlineData("/kehoach 2026 Phú Thọ training.booths 3", "không có chỉ tiêu gian hàng")]
    [InlineData("/kehoach 2026 Phú Thọ trade_fair.revenue_vnd 3", "Hội chợ, triển lãm không có chỉ tiêu")]
    public async Task A_measure_without_plans_is_refused_in_words_without_raw_ids(string command, string expected)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var answer = await bot.Say(command, "a");
        Assert.Contains(expected, answer);
        Assert.DoesNotContain("cleaner_production", answer);
        Assert.DoesNotContain("funding_vnd", answer);
    }
}
