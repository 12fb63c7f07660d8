using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What a follow-up keeps from the previous question is said, and what the new question names is never dropped (outside tester,
/// 2026-12-04: "tiến độ kế hoạch năm nay" after a 2024 question answered for 2024; an activity kept while the note said only the
/// period and scope were). Figures are checked against LINQ over the demo records.
/// </summary>
public sealed class KeptContextTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Theory]
    [InlineData("tiến độ kế hoạch năm nay")]
    [InlineData("đạt bao nhiêu % kế hoạch năm nay")]
    [InlineData("tien do ke hoach nam nay")]
    public async Task This_year_after_the_plan_words_is_the_period_asked_about(string followUp)
    {
        using var bot = Bot();
        await bot.Say("bao nhiêu gian hàng 6 tháng đầu năm 2024", "m");
        var answer = await bot.Say(followUp, "m");
        var booths = bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date.Year == 2026).Sum(r => (long)r.Booths);
        Assert.Contains(VnFormat.Number(booths) + " gian hàng", answer);
        Assert.Contains("kế hoạch năm 2026", answer);
        Assert.DoesNotContain("2024", answer);
    }

    [Fact]
    public async Task An_activity_kept_from_the_previous_question_is_named_in_the_note()
    {
        using var bot = Bot();
        await bot.Say("bao nhiêu hội chợ năm nay", "m");
        var answer = await bot.Say("bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ", "m");
        Assert.Contains("chỉ tính Hội chợ, triển lãm", answer);
        Assert.DoesNotContain("(Giữ kỳ và phạm vi của câu trước", answer);
    }

    [Theory]
    [InlineData("bao nhiêu cơ sở được hỗ trợ mọi hoạt động")]
    [InlineData("bao nhieu co so duoc ho tro (tat ca cac hoat dong)")]
    [InlineData("số cơ sở được hỗ trợ của tất cả hoạt động")]
    public async Task Every_activity_named_after_an_activity_question_counts_every_activity(string followUp)
    {
        using var bot = Bot();
        await bot.Say("bao nhiêu gian hàng năm nay", "m");
        var answer = await bot.Say(followUp, "m");
        var facilities = bot.Store.Records.All().Where(r => r.Date.Year == 2026 && r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains(VnFormat.Number(facilities) + " cơ sở", answer);
        Assert.Contains("mọi hoạt động", answer);
        Assert.DoesNotContain("Hội chợ", answer);
    }
}
