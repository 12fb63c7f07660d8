using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What a stranger's questions in the terminal chat found wrong (issue 13, i13-words): a priority group taken for "số dân", the plan
/// gap of "năm nay" counted to 31/12 with a time pace of 100 %, and "dc ht" / "kp ht" not understood. Figures are LINQ over the demo.
/// </summary>
public sealed class StrangerWordsFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Theory]
    [InlineData("co so dan toc thieu so duoc ho tro quy 1 nam 2025")]
    [InlineData("cơ sở dân tộc thiểu số được hỗ trợ quý 1 năm 2025")]
    public async Task Ethnic_minority_facilities_are_a_group_not_population(string question)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        var facilities = bot.Store.Records.All()
            .Where(r => r.Date >= new DateOnly(2025, 1, 1) && r.Date <= new DateOnly(2025, 3, 31) && r.FacilityId is not null)
            .Select(r => r.FacilityId!.Value).Distinct()
            .Count(id => bot.Store.Facilities.Get(id)?.PriorityGroups?.Contains("ethnic_minority_owned") == true);
        Assert.Contains(VnFormat.Number(facilities) + " cơ sở", answer);
        Assert.DoesNotContain("dân số", answer);
    }

    [Fact]
    public async Task Population_is_still_not_held()
    {
        using var bot = Bot();
        var answer = await bot.Say("so dan cua ha noi", "m");
        Assert.Contains("dân số", answer);
        Assert.False(ParaphraseExpectation.HasFigure(answer), answer);
    }

    [Fact]
    public async Task The_plan_gap_of_this_year_counts_up_to_today()
    {
        using var bot = Bot();
        var answer = await bot.Say("con lai bao nhieu de dat ke hoach gian hang nam nay", "m");
        var done = bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= new DateOnly(2026, 1, 1) && r.Date <= Today).Sum(r => (long)r.Booths);
        var target = bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "trade_fair.booths").Sum(p => p.Target);
        Assert.Contains("thực hiện đến 26/11/2026", answer);
        Assert.Contains($"tiến độ thời gian: {VnFormat.Percent((Today.DayNumber - new DateOnly(2026, 1, 1).DayNumber + 1) / 365m)}", answer);
        Assert.Contains($"đã thực hiện {VnFormat.Number(done)} gian hàng", answer);
        Assert.Contains($"Còn thiếu {VnFormat.Number((long)target - done)} gian hàng", answer);
    }

    [Theory]
    [InlineData("cs dc ht may moc nam 2024", "Số cơ sở được hỗ trợ – Máy móc thiết bị")]
    [InlineData("kp ht nam 2025 bn", "Kinh phí hỗ trợ (mọi hoạt động)")]
    public async Task Dc_ht_and_kp_ht_are_understood(string question, string title)
    {
        using var bot = Bot();
        Assert.Contains(title + ":", await bot.Say(question, "m"));
    }

    [Fact]
    public async Task Ht_alone_is_asked_back()
    {
        using var bot = Bot();
        var answer = await bot.Say("gian hang ht nam 2025", "m");
        Assert.Contains("\"ht\"", answer);
        Assert.False(ParaphraseExpectation.HasFigure(answer), answer);
    }
}
