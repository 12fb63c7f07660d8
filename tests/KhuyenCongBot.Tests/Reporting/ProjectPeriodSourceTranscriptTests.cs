using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// Issue 15 (leader and outside tester): a period on a lifecycle question is when the step happened, not the step at the period's
/// end; an overrun is named, not hidden in a rate; a funding source filters project questions, and a source not understood is
/// said so. Every figure is checked against a LINQ computation over the demo projects, written here apart from the bot's code.
/// </summary>
public sealed class ProjectPeriodSourceTranscriptTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("sep", Role.Manager);
        bot.AddUser("admin", Role.Admin);
        return bot;
    }

    private static List<Project> All(BotHarness bot) => bot.Store.Projects.Find(ProjectFilter.Everything).ToList();

    /// <summary>The amount reported disbursed at a date, read from the reports directly (the latest by date, then by entry).</summary>
    private static long ReportedAt(Project p, DateOnly date) =>
        p.Disbursements.Where(d => d.AsOf <= date).OrderBy(d => d.AsOf).ThenBy(d => d.At).Select(d => d.AmountVnd).LastOrDefault();

    [Theory]
    [InlineData("đề án nào đã nghiệm thu trong năm 2026", 2026)]
    [InlineData("de an nao nghiem thu nam 2025", 2025)]
    [InlineData("Trong năm 2025 có bao nhiêu đề án được nghiệm thu?", 2025)]
    public async Task Accepted_in_a_year_means_the_acceptance_date_is_in_it(string question, int year)
    {
        using var bot = Demo();
        var to = year == Today.Year ? Today : new DateOnly(year, 12, 31);
        var expected = All(bot).Where(p => p.AcceptedOn is { } a && a.Year == year && a <= to).OrderBy(p => p.AcceptedOn).ThenBy(p => p.Id).ToList();
        // The demo data must make the difference visible: some accepted that year are settled now, so "at step accepted" differs.
        Assert.Contains(expected, p => p.Status == ProjectStatus.Settled);
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"có {VnFormat.Number(expected.Count)} đề án nghiệm thu", reply);
        Assert.Contains("tính theo ngày nghiệm thu", reply);
        Assert.DoesNotContain("ở bước nghiệm thu", reply);
        foreach (var p in expected.Take(10))
        {
            Assert.Contains($"{p.Code} – {p.Name}: nghiệm thu {VnFormat.Date(p.AcceptedOn!.Value)}", reply);
        }
    }

    [Theory]
    [InlineData("đề án nào bắt đầu trong 6 tháng đầu năm", 1, 6)]
    [InlineData("co bao nhieu de an bat dau thuc hien quy 3", 7, 9)]
    public async Task Started_in_a_period_means_the_start_date_is_in_it(string question, int fromMonth, int toMonth)
    {
        using var bot = Demo();
        var from = new DateOnly(2026, fromMonth, 1);
        var to = new DateOnly(2026, toMonth, 1).AddMonths(1).AddDays(-1);
        var expected = All(bot).Where(p => p.StartedOn is { } s && s >= from && s <= to).ToList();
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"có {VnFormat.Number(expected.Count)} đề án bắt đầu thực hiện", reply);
        Assert.Contains($"({VnFormat.Date(from)} – {VnFormat.Date(to)})", reply);
        Assert.All(expected.OrderBy(p => p.StartedOn).ThenBy(p => p.Id).Take(10), p => Assert.Contains($"{p.Code} – {p.Name}: bắt đầu thực hiện {VnFormat.Date(p.StartedOn!.Value)}", reply));
    }

    [Fact]
    public async Task A_project_over_its_approved_amount_is_named_with_the_amount_over()
    {
        using var bot = Demo();
        Assert.Contains("Không đề án nào giải ngân vượt", await bot.Say("giải ngân đạt bao nhiêu %", "sep"));
        var project = All(bot).First(p => p.Status == ProjectStatus.InProgress && p.Approved.Support > 0);
        var over = 120_000_000L;
        project.Disbursements.Add(new Disbursement { AmountVnd = project.Approved.Support + over, AsOf = Today.AddDays(-1), At = DateTimeOffset.UnixEpoch.AddYears(60) });
        project.DisbursedVnd = project.Approved.Support + over;
        bot.Store.Projects.Update(project);

        var reply = await bot.Say("giai ngan dat bao nhieu phan tram", "sep");
        Assert.Contains("⚠️ 1 đề án giải ngân vượt kinh phí khuyến công được duyệt", reply);
        Assert.Contains($"• {project.Code} – {project.Name}: đã giải ngân {VnFormat.MoneyFull(project.Approved.Support + over)}, được duyệt {VnFormat.MoneyFull(project.Approved.Support)}, vượt {VnFormat.MoneyFull(over)}", reply);
    }

    [Theory]
    [InlineData("đề án nào dùng vốn khuyến công quốc gia", FundingSource.Kcqg)]
    [InlineData("de an nao dung von trung uong", FundingSource.Kcqg)]
    [InlineData("những đề án có vốn đối ứng", FundingSource.Counterpart)]
    public async Task Projects_by_source_are_those_with_money_from_it(string question, FundingSource source)
    {
        using var bot = Demo();
        var expected = All(bot).Where(p => p.Approved[source] > 0 && p.DecisionDate <= Today).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(All(bot).Count, expected.Count);
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"có {VnFormat.Number(expected.Count)} đề án có vốn", reply);
        Assert.Contains($"tổng {VnFormat.MoneyFull(expected.Sum(p => p.Approved[source]))}", reply);
    }

    [Fact]
    public async Task Local_money_disbursed_is_given_for_projects_funded_by_it_alone_and_the_mixed_ones_are_named_apart()
    {
        using var bot = Demo();
        var local = All(bot).Where(p => p.Approved.Kcdp > 0 && p.DecisionDate <= Today).ToList();
        var alone = local.Where(p => p.Approved.Kcqg == 0).ToList();
        var mixed = local.Where(p => p.Approved.Kcqg > 0).ToList();
        Assert.NotEmpty(alone);
        Assert.NotEmpty(mixed);
        foreach (var question in new[] { "giải ngân vốn địa phương bao nhiêu", "giai ngan von KCDP dat bao nhieu %" })
        {
            var reply = await bot.Say(question, "sep");
            Assert.Contains($"{VnFormat.MoneyFull(alone.Sum(p => ReportedAt(p, Today)))} trên {VnFormat.MoneyFull(alone.Sum(p => p.Approved.Kcdp))} vốn KCĐP được duyệt của {VnFormat.Number(alone.Count)} đề án chỉ dùng vốn KCĐP", reply);
            Assert.Contains($"{VnFormat.Number(mixed.Count)} đề án dùng cả KCQG và KCĐP", reply);
            Assert.Contains("không tính vào số trên", reply);
        }
    }

    [Fact]
    public async Task Counterpart_disbursement_is_not_recorded_so_no_figure_is_given()
    {
        using var bot = Demo();
        var reply = await bot.Say("giải ngân vốn đối ứng đạt bao nhiêu %", "sep");
        Assert.Contains("không ghi giải ngân vốn đối ứng", reply);
        Assert.DoesNotMatch(@"đạt \d", reply);
    }

    [Fact]
    public async Task A_step_question_by_source_counts_only_the_projects_with_that_money()
    {
        using var bot = Demo();
        var filtered = All(bot).Where(p => p.Approved.Kcdp > 0 && p.DecisionDate <= Today).ToList();
        var open = filtered.Count(p => p.Status < ProjectStatus.Accepted);
        var reply = await bot.Say("đề án KCĐP chưa nghiệm thu", "sep");
        Assert.Contains($"(đề án có vốn KCĐP) có {VnFormat.Number(open)} đề án chưa nghiệm thu (trên tổng {VnFormat.Number(filtered.Count)} đề án", reply);
    }

    [Theory]
    [InlineData("giải ngân vốn ODA bao nhiêu", "oda")]
    [InlineData("de an nao dung von vay uu dai", "vay uu dai")]
    public async Task A_source_not_understood_is_said_and_no_figure_is_given(string question, string word)
    {
        using var bot = Demo();
        var reply = await bot.Say(question, "sep");
        Assert.Contains($"chưa hiểu nguồn vốn \"{word}\"", reply);
        Assert.DoesNotMatch(@"\d+ đề án|đạt \d|\d đồng", reply);
    }
}
