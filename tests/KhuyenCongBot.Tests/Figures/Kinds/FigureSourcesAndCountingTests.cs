using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Figures.Kinds;

/// <summary>Funding by source and counting right (distinct facilities, every month listed), on the demo data against LINQ.</summary>
public class FigureSourcesAndCountingTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly DateOnly Y2025 = new(2025, 1, 1), E2025 = new(2025, 12, 31);
    private BotHarness Bot => fixture.Bot;
    private CatalogueIndex Catalogue => Bot.Catalogue;

    private string NewUser(Role role = Role.Manager, string? province = null)
    {
        var id = "s" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, role, province);
        return id;
    }

    private ScopeResolver Scopes => new(Catalogue, Bot.Services.GetRequiredService<UserTexts>());

    private FigureAnswerer Answerer() =>
        new(Bot.Services.GetRequiredService<IFigureSource>(), Bot.Store, Catalogue, Scopes, Bot.Services.GetRequiredService<UserTexts>());

    private IEnumerable<SupportRecord> In(DateOnly from, DateOnly to) => fixture.Records.Where(r => r.Date >= from && r.Date <= to);

    /// <summary>The source's part of the record as stored (the demo import gives every funded record its split).</summary>
    private static long Part(SupportRecord r, string code) => r.Split is { } s ? s[code == "KCQG" ? FundingSource.Kcqg : FundingSource.Kcdp] : 0;

    private static bool Is(SupportRecord r, string code) => Part(r, code) > 0;

    [Fact]
    public async Task National_funding_is_only_the_KCQG_records_and_says_so()
    {
        var answer = await Bot.Say("kinh phí khuyến công quốc gia năm 2025", NewUser());
        var kcqg = In(Y2025, E2025).Sum(r => Part(r, "KCQG"));
        var all = In(Y2025, E2025).Sum(r => r.FundingVnd);
        Assert.NotEqual(kcqg, all);
        Assert.Contains("Kinh phí hỗ trợ nguồn KCQG", answer);
        Assert.Contains(VnFormat.Money(kcqg), answer);
        Assert.DoesNotContain(VnFormat.Money(all), answer);
    }

    [Fact]
    public async Task Funding_by_source_lists_KCQG_KCDP_and_the_records_without_a_source()
    {
        var answer = await Bot.Say("kinh phí theo nguồn năm 2025", NewUser());
        var records = In(Y2025, E2025).ToList();
        Assert.Contains("KCQG: " + VnFormat.Money(records.Sum(r => Part(r, "KCQG"))), answer);
        Assert.Contains("KCĐP: " + VnFormat.Money(records.Sum(r => Part(r, "KCDP"))), answer);
        var none = records.Count(r => r.Split is null);
        Assert.Contains(records, r => r.Split is { Kcqg: > 0, Kcdp: > 0 });
        Assert.True(none > 0);
        Assert.Contains($"Không rõ nguồn: 0 đồng ({VnFormat.Number(none)} bản ghi không ghi nguồn kinh phí)", answer);
    }

    [Fact]
    public async Task A_source_with_booths_counts_the_booths_of_that_source_records_in_one_line()
    {
        var answer = await Bot.Say("gian hàng nguồn KCĐP năm 2025", NewUser());
        var records = In(Y2025, E2025).Where(r => r.ActivityId == "trade_fair" && Is(r, "KCDP")).ToList();
        Assert.Contains(VnFormat.Number(records.Sum(r => r.Booths)) + " gian hàng", answer);
        Assert.Contains($"Chỉ tính {VnFormat.Number(records.Count)} bản ghi có kinh phí nguồn KCĐP", answer);
    }

    [Fact]
    public void Source_filter_reaches_comparisons_plans_breakdowns_excel_rows_and_the_report()
    {
        var answerer = Answerer();
        var q = new Question { Measure = Measures.Funding, Source = FundingSource.Kcdp, CompareLastYear = true, ComparePlan = true, Breakdown = BreakdownBy.Province }
            .WithPeriod(new Period(Y2025, E2025, "năm 2025"));
        var text = answerer.Answer(q, false);
        var before = In(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).Sum(r => Part(r, "KCDP"));
        Assert.Contains($"So với cùng kỳ năm 2024 ({VnFormat.Money(before)}", text);
        var booths = new Question { ActivityId = "trade_fair", Measure = Measures.Booths, Source = FundingSource.Kcdp, ComparePlan = true }
            .WithPeriod(new Period(Y2025, E2025, "năm 2025"));
        var done = In(Y2025, E2025).Where(r => r.ActivityId == "trade_fair" && Is(r, "KCDP")).Sum(r => r.Booths);
        var target = Bot.Store.Plans.ForYear(2025).Where(p => p.Metric == "trade_fair.booths").Sum(p => p.Target);
        var planText = answerer.Answer(booths, false);
        Assert.Contains($"đạt {VnFormat.Percent(done / target)} kế hoạch năm", planText);
        Assert.Contains("Kế hoạch không chia theo nguồn: phần thực hiện chỉ tính nguồn KCĐP", planText);
        var top = In(Y2025, E2025).Where(r => Is(r, "KCDP")).GroupBy(r => Catalogue.CurrentOf(r.ProvinceId)!.Id)
            .Select(g => (g.Key, Sum: g.Sum(r => Part(r, "KCDP")))).OrderByDescending(x => x.Sum).First();
        Assert.Contains($"• Hạng 1 · {Catalogue.Province(top.Key)!.ShortName}: {VnFormat.Money(top.Sum)}", text);
        Assert.Equal(In(Y2025, E2025).Count(r => Is(r, "KCDP")), answerer.RecordsOf(q).Count());

        var report = new ReportWriter(Bot.Services.GetRequiredService<IFigureSource>(), answerer, Scopes, Catalogue)
            .Write(new Period(Y2025, E2025, "năm 2025"), "all", FundingSource.Kcqg);
        var machinery = In(Y2025, E2025).Where(r => r.ActivityId == "machinery" && Is(r, "KCQG") && r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains("nguồn KCQG", report);
        Assert.Contains($"{VnFormat.Number(machinery)} cơ sở công nghiệp nông thôn ứng dụng máy móc", report);
    }

    [Fact]
    public async Task Facilities_of_all_time_are_distinct_facilities_never_records_without_one()
    {
        var answer = await Bot.Say("số cơ sở được hỗ trợ từ trước đến nay", NewUser());
        var records = fixture.Records.Where(r => r.Date <= Today).ToList();
        var distinct = records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        var old = distinct + records.Count(r => r.FacilityId is null);
        Assert.NotEqual(old, distinct);
        Assert.Contains(VnFormat.Number(distinct) + " cơ sở", answer);
        Assert.DoesNotContain(VnFormat.Number(old), answer);
    }

    [Fact]
    public void A_monthly_breakdown_lists_every_month_zeros_included_in_text_and_chart_rows()
    {
        // The activity with the fewest records has empty months in 2024.
        var activity = fixture.Records.GroupBy(r => r.ActivityId).OrderBy(g => g.Count()).First().Key;
        var from = new DateOnly(2024, 1, 1);
        var months = Enumerable.Range(1, 12).Select(m => (m, In(from.AddMonths(m - 1), from.AddMonths(m).AddDays(-1)).Count(r => r.ActivityId == activity))).ToList();
        Assert.Contains(months, x => x.Item2 == 0);
        var q = new Question { ActivityId = activity, Measure = Measures.Participations, Breakdown = BreakdownBy.Month }
            .WithPeriod(new Period(from, new DateOnly(2024, 12, 31), "năm 2024"));
        var answerer = Answerer();
        var rows = answerer.BreakdownRows(q, activity, Measures.Participations, BreakdownBy.Month);
        Assert.Equal(months.Select(x => (decimal)x.Item2), rows.Select(r => r.Value.Value));
        var text = answerer.Answer(q, false);
        foreach (var (m, count) in months)
        {
            Assert.Contains($"Tháng {m}/2024: {VnFormat.Number(count)} lượt cơ sở", text);
        }
        var quarters = answerer.BreakdownRows(q, activity, Measures.Participations, BreakdownBy.Quarter);
        Assert.Equal(["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"], quarters.Select(r => r.Key));
        Assert.Equal(months.Chunk(3).Select(c => (decimal)c.Sum(x => x.Item2)), quarters.Select(r => r.Value.Value));
    }
}
