using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Projects;

/// <summary>An outside tester's worst project findings: "tỉnh nào giải ngân cao nhất", "giải ngân theo tỉnh" and "kinh phí trung bình một
/// đề án" were answered with the whole country's single figure (read as the province ranked first, or as the average); the booths
/// ranking answered "tỉnh nào đạt tỷ lệ kế hoạch … cao nhất".</summary>
public sealed class ProjectQuestionShapeTests
{
    [Theory]
    // "tỉnh nào giải ngân cao nhất", "giải ngân theo tỉnh": answered per province since (FiguresByProvinceTests).
    [InlineData("giải ngân năm 2025 theo hoạt động", "chia theo tỉnh, hoạt động")]
    [InlineData("giải ngân theo tỉnh so với cùng kỳ", "chia theo tỉnh, hoạt động")]
    [InlineData("giải ngân năm 2025 theo quý", "chia theo tháng, quý, năm")]
    [InlineData("kinh phi trung binh mot de an", "tính bình quân, trung bình")]
    [InlineData("giải ngân năm 2025 so với cùng kỳ", "so sánh")]
    public async Task A_project_question_the_bot_cannot_shape_gives_no_figure_and_says_what(string question, string said)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        Assert.Contains("Bot chưa " + said, reply);
        Assert.DoesNotContain("đồng", reply.Split("ví dụ")[0]);
        Assert.DoesNotContain("%,", reply);
        Assert.DoesNotMatch(@"\d{1,3}(\.\d{3})+ đồng|\d+,\d+%", reply);
    }

    [Theory]
    [InlineData("giai ngan dat bao nhieu %", "đạt 88,1%")]
    [InlineData("giai ngan nam 2025 Phu Tho", "Giải ngân 1 đề án của Phú Thọ")]
    [InlineData("bao nhieu de an chua nghiem thu", "4 đề án chưa nghiệm thu")]
    public async Task Plain_project_questions_are_still_answered(string question, string expected)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        Assert.Contains(expected, await bot.Say(question, "m"));
    }

    [Theory]
    [InlineData("tinh nao dat ty le ke hoach gian hang cao nhat 2025", "Hạng 1 · Hà Tĩnh: 97,1%")]
    [InlineData("tỉnh nào đạt tỷ lệ kế hoạch gian hàng thấp nhất năm 2025", "Hạng 18/18 · Lai Châu: 80%")]
    public async Task The_rate_of_plan_ranking_is_by_percent_not_by_booths(string question, string first)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        Assert.Contains("Tiến độ kế hoạch năm 2025 theo tỉnh", reply);
        Assert.Contains(first, reply);
        Assert.DoesNotContain("cao nhất: Ninh Bình", reply);
    }

    [Fact]
    public async Task A_plan_of_one_province_is_not_set_against_the_whole_countrys_projects()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("ad", Role.Admin);
        bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "*.funding_vnd").ToList().ForEach(p => bot.Store.Plans.Delete(p.Id));
        await bot.Say("/kehoach 2026 ha noi kinh phi 5 ty", "ad");

        var country = await bot.Say("giai ngan dat bao nhieu %", "ad");
        Assert.Contains("Chưa so được với kế hoạch kinh phí năm 2026", country);
        Assert.DoesNotContain("kế hoạch năm. Số", country);
        Assert.DoesNotMatch(@"bằng \d+(,\d+)?% kế hoạch năm", country);

        // Hà Nội alone: its own plan is the right reference.
        var hanoi = await bot.Say("giai ngan Ha Noi dat bao nhieu %", "ad");
        Assert.Contains("So với kế hoạch kinh phí năm 2026 (5.000.000.000 đồng)", hanoi);
        Assert.DoesNotContain("Chưa so được", hanoi);
    }
}
