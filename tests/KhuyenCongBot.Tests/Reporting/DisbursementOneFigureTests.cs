using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Reports;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// Issue 13, one question one number: for the same period and scope the disbursement question, the by-source questions (KCQG,
/// KCĐP: their parts and the line of both sources), the /baocao paragraph and the report workbook's disbursement columns give the
/// figure of <see cref="PeriodDisbursement"/> – the projects approved from 1 January of the period's year to its end (or today),
/// with what they had disbursed by then – each checked against LINQ over the demo projects. The by-source answer used to count
/// every project approved so far, and the workbook the projects running in the period.
/// </summary>
public sealed class DisbursementOneFigureTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private async Task<string> Say(BotHarness bot, string text, string user = "a")
    {
        var reply = await bot.Say(text, user);
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    private static long Disbursed(Project p, DateOnly at) =>
        p.Disbursements.Where(d => d.AsOf <= at).OrderBy(d => d.AsOf).ThenBy(d => d.At).Select(d => d.AmountVnd).LastOrDefault();

    /// <summary>The period's projects of the scope, by LINQ: approved from 1 January of the period's year to its end or today.</summary>
    private static List<Project> PeriodsProjects(BotHarness bot, DateOnly from, DateOnly at, string? province)
    {
        var units = province is null ? null : bot.Catalogue.UnitsOf(province).ToHashSet();
        return bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => (units is null || units.Contains(p.ProvinceId)) && p.DecisionDate >= new DateOnly(from.Year, 1, 1) && p.DecisionDate <= at)
            .ToList();
    }

    private static long Money(string s) => long.Parse(s.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static Match Find(string reply, string pattern)
    {
        var m = Regex.Match(reply, pattern);
        Assert.True(m.Success, $"not found: {pattern}\nin: {reply}");
        return m;
    }

    public static TheoryData<string, string, string, string?> Cases => new()
    {
        { "năm 2025", "2025-01-01", "2025-12-31", null },
        { "năm 2026", "2026-01-01", "2026-12-31", null },
        { "quý 3 năm 2026", "2026-07-01", "2026-09-30", null },
        { "năm 2025", "2025-01-01", "2025-12-31", "phu-tho" },
        { "quý 2 năm 2026", "2026-04-01", "2026-06-30", "phu-tho" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Question_sources_report_and_workbook_give_one_figure(string label, string fromText, string toText, string? province)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var from = DateOnly.Parse(fromText, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(toText, CultureInfo.InvariantCulture);
        var at = to < Today ? to : Today;
        var projects = PeriodsProjects(bot, from, at, province);
        Assert.True(projects.Count > 0);
        var support = projects.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp);
        var disbursed = projects.Sum(p => Disbursed(p, at));
        var kcqgOnly = projects.Where(p => p.Approved.Kcqg > 0 && p.Approved.Kcdp == 0).ToList();
        var kcdpOnly = projects.Where(p => p.Approved.Kcdp > 0 && p.Approved.Kcqg == 0).ToList();
        var both = projects.Where(p => p.Approved.Kcqg > 0 && p.Approved.Kcdp > 0).ToList();
        var place = province is null ? "" : " Phú Thọ";

        // The question without a source.
        var all = await Say(bot, $"giải ngân {label}{place}");
        var m = Find(all, @"Giải ngân ([\d\.]+) đề án của [^:]+: ([\d\.]+) đồng trên ([\d\.]+) đồng");
        Assert.Equal((projects.Count, disbursed, support), ((int)Money(m.Groups[1].Value), Money(m.Groups[2].Value), Money(m.Groups[3].Value)));

        // By source: each source's own projects, the projects of both apart, and the line of both sources (the figure above).
        var kcqg = await Say(bot, $"giải ngân nguồn KCQG {label}{place}");
        var kcdp = await Say(bot, $"tỷ lệ giải ngân KCĐP {label}{place}");
        var (kcqgDisbursed, kcdpDisbursed, bothDisbursed) = (0L, 0L, 0L);
        foreach (var (reply, source, alone) in new[] { (kcqg, "KCQG", kcqgOnly), (kcdp, "KCĐP", kcdpOnly) })
        {
            if (alone.Count + both.Count == 0)
            {
                // No project of the period has money from the source: said so, without a figure.
                Assert.Contains($"chưa có đề án nào có vốn {source} được phê duyệt từ 01/01/{from.Year} đến {VnFormat.Date(at)}", reply);
                continue;
            }
            var own = Find(reply, $@"Giải ngân vốn {source} [^:]+: ([\d\.]+) đồng trên ([\d\.]+) đồng vốn {source} được duyệt của ([\d\.]+) đề án chỉ dùng");
            Assert.Equal(alone.Sum(p => Disbursed(p, at)), Money(own.Groups[1].Value));
            Assert.Equal(alone.Sum(p => source == "KCQG" ? p.Approved.Kcqg : p.Approved.Kcdp), Money(own.Groups[2].Value));
            Assert.Equal(alone.Count, (int)Money(own.Groups[3].Value));
            if (source == "KCQG")
            {
                kcqgDisbursed = Money(own.Groups[1].Value);
            }
            else
            {
                kcdpDisbursed = Money(own.Groups[1].Value);
            }
            if (both.Count > 0)
            {
                var b = Find(reply, @"([\d\.]+) đề án dùng cả KCQG và KCĐP \([^)]*\) đã giải ngân tổng ([\d\.]+) đồng");
                Assert.Equal(both.Count, (int)Money(b.Groups[1].Value));
                bothDisbursed = Money(b.Groups[2].Value);
            }
            var t = Find(reply, @"Cả hai nguồn \(KCQG và KCĐP\): ([\d\.]+) đề án, đã giải ngân ([\d\.]+) đồng trên ([\d\.]+) đồng");
            Assert.Equal((projects.Count, disbursed, support), ((int)Money(t.Groups[1].Value), Money(t.Groups[2].Value), Money(t.Groups[3].Value)));
            Assert.Contains($"được phê duyệt từ 01/01/{from.Year} đến {VnFormat.Date(at)}", reply);
        }
        // The parts add up to the figure of every source (the demo has no project without KCQG or KCĐP).
        Assert.DoesNotContain(projects, p => p.Approved.Kcqg == 0 && p.Approved.Kcdp == 0);
        Assert.Equal(disbursed, kcqgDisbursed + kcdpDisbursed + bothDisbursed);

        // The /baocao paragraph.
        var report = await Say(bot, $"/baocao {label}{place}");
        Assert.Contains($"Đã giải ngân {VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)} kinh phí khuyến công được duyệt của {VnFormat.Number(projects.Count)} đề án", report);

        // The workbook ("Tải Excel"): the total rows of both sheets, and the rows adding up to them.
        var units = province is null ? null : bot.Catalogue.UnitsOf(province).ToHashSet();
        var sheets = bot.Services.GetRequiredService<ReportWorkbook>().Build(new Period(from, to, label), units, Today);
        foreach (var sheet in sheets.Where(s => s.Columns.Any(c => c.Measure == "projects.disbursed_vnd")))
        {
            int Col(string measure) => sheet.Columns.ToList().FindIndex(c => c.Measure == measure);
            var total = sheet.Rows[^1];
            Assert.Equal((long)projects.Count, total[Col("projects.disbursement_count")]);
            Assert.Equal(support, total[Col("projects.approved_vnd")]);
            Assert.Equal(disbursed, total[Col("projects.disbursed_vnd")]);
            Assert.Equal(FundingRulesRate(disbursed, support), total[Col("projects.rate")]);
            Assert.Equal(disbursed, sheet.Rows.SkipLast(1).Sum(r => (long)(r[Col("projects.disbursed_vnd")] ?? 0L)));
            Assert.Equal((long)projects.Count, sheet.Rows.SkipLast(1).Sum(r => (long)(r[Col("projects.disbursement_count")] ?? 0L)));
        }
    }

    private static decimal? FundingRulesRate(long disbursed, long support) => support == 0 ? null : (decimal)disbursed / support;

    [Fact]
    public async Task The_year_plan_line_compares_the_plan_with_the_years_projects_and_says_so()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        const long plan = 2_000_000_000;
        bot.Store.Plans.Upsert(new Plan { Id = Plan.MakeId(2026, "phu-tho", "*.funding_vnd"), Year = 2026, ProvinceId = "phu-tho", Metric = "*.funding_vnd", Target = plan });
        var year = PeriodsProjects(bot, new DateOnly(2026, 1, 1), Today, "phu-tho");
        var yearDisbursed = year.Sum(p => Disbursed(p, Today));
        var units = bot.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var everyProject = bot.Store.Projects.Find(ProjectFilter.Everything).Count(p => units.Contains(p.ProvinceId) && p.DecisionDate <= Today);
        Assert.True(year.Count > 0 && year.Count < everyProject);

        var rate = await Say(bot, "giải ngân đạt bao nhiêu %", "pt");
        Assert.Contains($"So với kế hoạch kinh phí năm 2026 ({VnFormat.MoneyFull(plan)}): {VnFormat.Number(year.Count)} đề án được phê duyệt trong năm 2026 " +
            $"(đến 26/11/2026) đã giải ngân {VnFormat.MoneyFull(yearDisbursed)}, bằng {VnFormat.Percent((decimal)yearDisbursed / plan)} kế hoạch năm.", rate);
        Assert.Contains($"Số {VnFormat.Number(everyProject)} đề án ở trên tính mọi đề án từ trước đến nay", rate);
        // The same amount as the year's question.
        var ofYear = await Say(bot, "giải ngân năm 2026", "pt");
        Assert.Contains($"Giải ngân {VnFormat.Number(year.Count)} đề án của Phú Thọ: {VnFormat.MoneyFull(yearDisbursed)} trên", ofYear);
    }

    [Fact]
    public async Task English_by_source_reply_has_the_line_of_both_sources_in_english_numbers()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var projects = PeriodsProjects(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), null);
        var disbursed = projects.Sum(p => Disbursed(p, new DateOnly(2025, 12, 31)));
        var reply = await bot.Say("giải ngân nguồn KCQG năm 2025", "a", "en");
        output.WriteLine(reply);
        Assert.Contains($"Both sources (KCQG and KCĐP): {projects.Count} projects disbursed {NumberText.For(true).MoneyFull(disbursed)}", reply);
    }
}
