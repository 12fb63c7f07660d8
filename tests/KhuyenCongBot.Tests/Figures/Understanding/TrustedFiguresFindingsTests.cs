using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// What an outside tester found on 05/12/2026 (issue 13): "lượt cơ sở" counted propaganda records that support no facility; a plan
/// ranking was kept for the next question asked plainly; "vốn đối ứng các đề án năm 2025" gave project counts; "số lớp đào tạo" was not
/// understood. Expected figures are LINQ over the demo records and projects.
/// </summary>
public sealed class TrustedFiguresFindingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    [Fact]
    public async Task Participations_over_every_activity_are_the_records_that_support_a_facility_and_say_what_is_left_out()
    {
        using var bot = Bot();
        var year = bot.Store.Records.All().Where(r => r.Date.Year == 2025).ToList();
        var withFacility = year.Count(r => r.ActivityId != "information");
        var propaganda = year.Count(r => r.ActivityId == "information");
        Assert.True(propaganda > 0);
        Assert.All(year.Where(r => r.ActivityId != "information"), r => Assert.NotNull(r.FacilityId));

        var answer = await bot.Say("lượt cơ sở được hỗ trợ năm 2025", "m");
        Assert.Contains($": {VnFormat.Number(withFacility)} lượt cơ sở", answer);
        Assert.Contains($"Không tính {VnFormat.Number(propaganda)} lượt Thông tin, tuyên truyền", answer);
        // The "cơ sở" answer's line gives the same participations.
        Assert.Contains($"{VnFormat.Number(withFacility)} lượt.)", await bot.Say("cơ sở được hỗ trợ năm 2025", "m"));
        // Information alone: its records, not "lượt cơ sở".
        var information = await bot.Say("lượt thông tin tuyên truyền năm 2025", "m");
        Assert.Contains($"Số lượt (không gắn với cơ sở) – Thông tin, tuyên truyền: {VnFormat.Number(propaganda)} lượt", information);
        Assert.DoesNotContain("lượt cơ sở", information);
        // A breakdown by activity lists no propaganda row; by province, the rows add up to the figure.
        Assert.DoesNotContain("· Thông tin, tuyên truyền:", await bot.Say("lượt cơ sở theo hoạt động năm 2025", "m"));

        var query = new FigureQuery(null, Measures.Participations, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var scan = new ScanFigureSource(bot.Store, bot.Catalogue);
        using var index = new FiguresIndex(bot.Store, bot.Catalogue);
        Assert.Equal(withFacility, (int)scan.Total(query).Value);
        Assert.Equal(withFacility, (int)index.Total(query).Value);
        Assert.Equal(scan.Breakdown(query, BreakdownBy.Province), index.Breakdown(query, BreakdownBy.Province));
        Assert.Equal(withFacility, (int)index.Breakdown(query, BreakdownBy.Month).Sum(kv => kv.Value.Value));
        Assert.DoesNotContain(index.Breakdown(query, BreakdownBy.Activity), kv => kv.Key == "information");
    }

    [Theory]
    [InlineData("tư vấn bao nhiêu")]
    [InlineData("bao nhiêu cơ sở được hỗ trợ")]
    [InlineData("kinh phí bao nhiêu")]
    public async Task A_measure_asked_plainly_after_a_plan_ranking_is_a_new_question(string next)
    {
        using var bot = Bot();
        Assert.Contains("Tiến độ kế hoạch năm 2024 theo tỉnh", await bot.Say("tỉnh nào vượt kế hoạch gian hàng năm 2024", "m"));
        var answer = await bot.Say(next, "m");
        Assert.DoesNotContain("Tiến độ kế hoạch", answer);
        Assert.DoesNotContain("Hội chợ", answer);
        Assert.Contains("từ đầu năm 2026 đến nay", answer);
    }

    [Fact]
    public async Task Facilities_asked_plainly_after_a_plan_ranking_are_every_activitys_this_year()
    {
        using var bot = Bot();
        await bot.Say("tỉnh nào vượt kế hoạch gian hàng năm 2024", "m");
        var facilities = bot.Store.Records.All().Where(r => r.Date >= new DateOnly(2026, 1, 1) && r.Date <= Today && r.FacilityId is not null)
            .Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains($"(mỗi cơ sở tính một lần, mọi hoạt động): {VnFormat.Number(facilities)} cơ sở", await bot.Say("bao nhiêu cơ sở được hỗ trợ", "m"));
    }

    [Fact]
    public async Task A_marked_follow_up_of_a_plan_ranking_still_ranks_and_says_what_it_kept()
    {
        using var bot = Bot();
        await bot.Say("tỉnh nào vượt kế hoạch gian hàng năm 2024", "m");
        var answer = await bot.Say("còn năm 2025 thì sao", "m");
        Assert.Contains("Tiến độ kế hoạch năm 2025 theo tỉnh (Số gian hàng – Hội chợ, triển lãm)", answer);
        Assert.Contains("Tiếp câu hỏi trước", answer);
    }

    [Fact]
    public async Task Counterpart_money_of_the_projects_of_a_year_is_the_amount_not_a_count()
    {
        using var bot = Bot();
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => p.DecisionDate.Year == 2025 && p.Approved[FundingSource.Counterpart] > 0).ToList();
        Assert.NotEmpty(projects);
        var answer = await bot.Say("vốn đối ứng các đề án năm 2025", "m");
        Assert.Contains($": {VnFormat.MoneyFull(projects.Sum(p => p.Approved.Counterpart))} ({VnFormat.Number(projects.Count)} đề án)", answer);
        Assert.DoesNotContain("phê duyệt, ", answer.Split('\n')[0]);
        Assert.DoesNotContain("đang thực hiện", answer);
        var top = projects.OrderByDescending(p => p.Approved.Counterpart).First();
        Assert.Contains($"• {top.Code} – {top.Name}: {VnFormat.MoneyFull(top.Approved.Counterpart)}", answer);
    }

    [Theory]
    [InlineData("số lớp đào tạo năm 2025")]
    [InlineData("so lop dao tao nam 2025")]
    [InlineData("bao nhiêu lớp học năm 2025")]
    public async Task Training_classes_not_recorded_are_said_so_without_a_figure(string question)
    {
        using var bot = Bot();
        var training = bot.Store.Records.All().Where(r => r.ActivityId == "training" && r.Date.Year == 2025).ToList();
        Assert.All(training, r => Assert.False(r.Extra.ContainsKey("classes")));
        var answer = await bot.Say(question, "m");
        Assert.Contains("Không bản ghi đào tạo nào ghi số lớp", answer);
        Assert.Contains($": {VnFormat.Number(training.Count)} bản ghi;", answer);
        Assert.False(ParaphraseExpectation.HasFigure(answer), answer);
    }

    [Fact]
    public async Task Training_classes_recorded_by_the_form_are_summed_and_the_others_counted()
    {
        using var bot = Bot();
        var training = bot.Store.Records.All().Where(r => r.ActivityId == "training" && r.Date.Year == 2025).OrderBy(r => r.Id).ToList();
        foreach (var (record, classes) in training.Take(3).Zip([2, 3, 4]))
        {
            record.Extra["classes"] = classes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            bot.Store.Records.Update(record);
        }
        var answer = await bot.Say("số lớp đào tạo năm 2025", "m");
        // Only 3 of the year's training records name their classes: the headline says "ít nhất" and how many (outside tester 2, finding 9).
        Assert.Contains($"Số lớp – Đào tạo, truyền nghề: ít nhất 9 lớp (chỉ 3/{VnFormat.Number(training.Count)} bản ghi đào tạo có ghi số lớp)", answer);
        Assert.Contains($"({VnFormat.Number(training.Count - 3)}/{VnFormat.Number(training.Count)} bản ghi đào tạo không ghi số lớp", answer);
        var byProvince = await bot.Say("số lớp đào tạo năm 2025 theo tỉnh", "m");
        Assert.False(ParaphraseExpectation.HasFigure(byProvince), byProvince);
        Assert.Contains("Dữ liệu không ghi số lớp cho hoạt động Hội chợ", await bot.Say("số lớp hội chợ năm 2025", "m"));
    }
}
