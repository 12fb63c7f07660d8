using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures;

/// <summary>
/// Two periods compared, as a sixth outside tester asked them on 26/11/2026: the answer must not depend on the order typed, and a
/// finished month compared with the month still running is cut to as many days, and its label says so (it said "tháng 9/2026").
/// </summary>
public sealed class TwoPeriodOrderTests(ITestOutputHelper output)
{
    private async Task<string> Ask(string question)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        output.WriteLine($"> {question}\n{reply}");
        return reply;
    }

    [Theory]
    [InlineData("so sánh gian hàng tháng 9 và tháng 11 năm nay", "so sánh gian hàng tháng 11 và tháng 9 năm nay")]
    [InlineData("so sánh gian hàng năm 2025 và năm 2026", "so sánh gian hàng năm 2026 và năm 2025")]
    [InlineData("so sánh gian hàng năm ngoái và năm nay", "so sánh gian hàng năm nay và năm ngoái")]
    public async Task Either_order_gives_the_same_answer(string one, string other) =>
        Assert.Equal(await Ask(other), await Ask(one));

    [Fact]
    public async Task A_finished_month_cut_to_the_running_months_days_says_the_days_it_counts()
    {
        var reply = await Ask("so sánh gian hàng tháng 11 và tháng 9 năm nay");
        Assert.Contains("So với tháng 9/2026 (cùng số ngày, đến 26/09/2026)", reply);
        Assert.DoesNotContain("So với tháng 9/2026 (122", reply);
    }

    [Fact]
    public async Task A_months_disbursement_says_the_figure_is_the_years_and_gives_the_months_own()
    {
        var month = await Ask("giải ngân tháng 11");
        var year = await Ask("giải ngân năm 2026");
        // The figure itself is the year's projects (one definition with /baocao); for a month it now says so, with the month's own.
        Assert.Equal(year.Split('\n')[0], month.Split('\n')[0]);
        Assert.Contains("không phải riêng kỳ bạn hỏi. Riêng từ 01/11/2026 đến 26/11/2026", month);
        Assert.DoesNotContain("không phải riêng kỳ bạn hỏi", year);
    }

    [Fact]
    public async Task A_former_province_beside_the_province_it_merged_into_is_not_compared_as_if_apart()
    {
        var reply = await Ask("so sánh Vĩnh Phúc và Phú Thọ gian hàng 2024");
        Assert.Contains("Số của Phú Thọ đã gồm số của Vĩnh Phúc", reply);
        Assert.DoesNotContain("Chênh lệch", reply);
        Assert.Contains("Chênh lệch", await Ask("so sánh Hà Nội và Phú Thọ gian hàng 2024"));
    }
}
