using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Kinds;

/// <summary>The question kinds of issue 13, asked in the chat on the demo data, each figure checked against LINQ.</summary>
public class QuestionKindsTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private BotHarness Bot => fixture.Bot;
    private CatalogueIndex Catalogue => Bot.Catalogue;

    private BotUser NewUser(out string id, Role role = Role.Manager, string? province = null)
    {
        id = "k" + Guid.NewGuid().ToString("N")[..8];
        return Bot.AddUser(id, role, province);
    }

    private string NewUser(Role role = Role.Manager) => NewUser(out var id, role) is not null ? id : id;

    private IEnumerable<SupportRecord> In(DateOnly from, DateOnly to, string? activity = null) =>
        fixture.Records.Where(r => r.Date >= from && r.Date <= to && (activity is null || r.ActivityId == activity));

    private static string Booths(long n) => VnFormat.Number(n) + " gian hàng";

    [Fact]
    public async Task Quarter_three_this_year_against_quarter_three_last_year()
    {
        var answer = await Bot.Say("gian hàng quý 3 năm nay so với quý 3 năm ngoái", NewUser());
        var now = In(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30), "trade_fair").Sum(r => r.Booths);
        var before = In(new DateOnly(2025, 7, 1), new DateOnly(2025, 9, 30), "trade_fair").Sum(r => r.Booths);
        Assert.Contains(Booths(now), answer);
        Assert.Contains($"So với quý III/2025 ({Booths(before)}", answer);
        Assert.Contains($"đạt {VnFormat.Percent((decimal)now / before)}", answer);
    }

    [Fact]
    public async Task This_month_against_the_month_before_not_a_year_before()
    {
        var answer = await Bot.Say("kinh phí tháng này so với tháng trước", NewUser());
        var now = In(new DateOnly(2026, 11, 1), Today).Sum(r => r.FundingVnd);
        var before = In(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 26)).Sum(r => r.FundingVnd);
        Assert.Contains("01/11/2026 – 26/11/2026", answer);
        Assert.Contains("01/10/2026 – 26/10/2026", answer);
        Assert.Contains("So với tháng 10/2026", answer);
        Assert.Contains(before == 0 ? "chưa có số liệu (0)" : VnFormat.Money(before), answer);
        Assert.Contains(VnFormat.Money(now), answer);
    }

    [Fact]
    public async Task First_half_2025_against_first_half_2024()
    {
        var answer = await Bot.Say("kinh phí 6 tháng đầu năm 2025 so với 6 tháng đầu năm 2024", NewUser());
        var now = In(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)).Sum(r => r.FundingVnd);
        var before = In(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)).Sum(r => r.FundingVnd);
        Assert.Contains(VnFormat.Money(now), answer);
        Assert.Contains($"So với 6 tháng đầu năm 2024 ({VnFormat.Money(before)}", answer);
        Assert.Contains(VnFormat.Percent((decimal)now / before), answer);
    }

    [Fact]
    public async Task What_is_left_to_reach_the_year_plan()
    {
        var answer = await Bot.Say("còn thiếu bao nhiêu gian hàng để đạt kế hoạch", NewUser());
        var target = (long)Bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "trade_fair.booths").Sum(p => p.Target);
        var done = In(new DateOnly(2026, 1, 1), Today, "trade_fair").Sum(r => r.Booths);
        Assert.True(target > done);
        Assert.Contains($"kế hoạch {Booths(target)}, đã thực hiện {Booths(done)}", answer);
        Assert.Contains($"Còn thiếu {Booths(target - done)} để đạt kế hoạch", answer);
        Assert.Contains("tiến độ thời gian: 90,4% của năm", answer);
    }

    [Fact]
    public async Task Provinces_behind_plan_ranked_by_percent_lowest_first_with_the_pace()
    {
        var answer = await Bot.Say("tỉnh nào chưa đạt kế hoạch gian hàng", NewUser());
        var ranked = Bot.Store.Plans.ForYear(2026).Where(p => p.Metric == "trade_fair.booths" && p.Target > 0)
            .GroupBy(p => Catalogue.CurrentOf(p.ProvinceId)!.Id)
            .Select(g => (Id: g.Key, Ratio: In(new DateOnly(2026, 1, 1), Today, "trade_fair").Where(r => Catalogue.UnitsOf(g.Key).Contains(r.ProvinceId)).Sum(r => r.Booths) / g.Sum(p => p.Target)))
            .OrderBy(x => x.Ratio).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        // Lowest first, each ranked from the highest ("Hạng 1" read as the best province: outside tester).
        string Row(int i) => $"• Hạng {1 + ranked.Count(x => x.Ratio > ranked[i].Ratio)}/{ranked.Count} · {Catalogue.Province(ranked[i].Id)!.ShortName}: {VnFormat.Percent(ranked[i].Ratio)}";
        Assert.Contains(Row(0) + " (", answer);
        Assert.Contains(Row(1) + " (", answer);
        Assert.True(answer.IndexOf(Row(0), StringComparison.Ordinal) < answer.IndexOf(Row(1), StringComparison.Ordinal));
        Assert.DoesNotContain("• Hạng 1 ·", answer);
        Assert.Contains("tiến độ thời gian: 90,4% của năm", answer);
        Assert.Contains($"Chưa đạt kế hoạch năm: {ranked.Count(x => x.Ratio < 1)}/{ranked.Count} tỉnh", answer);
        Assert.Equal(0.904m, Math.Round(PlanKindAnswers.ExpectedPace(Today), 3));
    }

    [Fact]
    public async Task Average_funding_per_booth_and_per_facility()
    {
        var user = NewUser();
        var year = (From: new DateOnly(2025, 1, 1), To: new DateOnly(2025, 12, 31));
        var perBooth = await Bot.Say("kinh phí bình quân mỗi gian hàng năm 2025", user);
        var fair = In(year.From, year.To, "trade_fair").ToList();
        Assert.Contains(VnFormat.Money((long)Math.Round((decimal)fair.Sum(r => r.FundingVnd) / fair.Sum(r => r.Booths))), perBooth);
        Assert.Contains(Booths(fair.Sum(r => r.Booths)), perBooth);

        var perFacility = await Bot.Say("kinh phí trung bình mỗi cơ sở năm 2025", user);
        var all = In(year.From, year.To).ToList();
        var facilities = all.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains(VnFormat.Money((long)Math.Round((decimal)all.Sum(r => r.FundingVnd) / facilities)), perFacility);
        Assert.Contains(VnFormat.Number(facilities) + " cơ sở", perFacility);
    }

    [Fact]
    public async Task One_facility_history_lists_its_support_and_totals()
    {
        var byFacility = fixture.Records.Where(r => r.FacilityId is not null && r.Date <= Today).GroupBy(r => r.FacilityId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var facility = Bot.Store.Facilities.All()
            .Where(f => f.NormalizedName.StartsWith("htx ", StringComparison.Ordinal) && byFacility.TryGetValue(f.Id, out var l) && l.Count >= 2)
            .OrderByDescending(f => byFacility[f.Id].Count).ThenBy(f => f.Id).First();
        var records = byFacility[facility.Id];
        var answer = await Bot.Say(facility.Name + " đã được hỗ trợ những gì", NewUser());
        Assert.Contains(facility.Name, answer);
        Assert.Contains($"Tổng: {VnFormat.Number(records.Count)} lần hỗ trợ, kinh phí {VnFormat.Money(records.Sum(r => r.FundingVnd))}", answer);
        foreach (var r in records.Take(FacilityKindAnswers.HistoryLines))
        {
            Assert.Contains(VnFormat.Date(r.Date) + " – " + Catalogue.Activity(r.ActivityId)!.ShortName, answer);
        }
    }

    [Fact]
    public async Task Top_facilities_by_funding()
    {
        var answer = await Bot.Say("top 5 cơ sở nhận nhiều kinh phí nhất năm 2025", NewUser());
        var top = In(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).Where(r => r.FacilityId is not null)
            .GroupBy(r => r.FacilityId!.Value).Select(g => (Id: g.Key, Sum: g.Sum(r => r.FundingVnd), Count: g.Count()))
            .OrderByDescending(x => x.Sum).ThenBy(x => x.Id).Take(5).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            var f = Bot.Store.Facilities.Get(top[i].Id)!;
            Assert.Contains($"• Hạng {i + 1} · {f.Name} ({Catalogue.Province(f.ProvinceId)!.ShortName}): {VnFormat.Money(top[i].Sum)} ({top[i].Count} lần hỗ trợ)", answer);
        }
    }

    [Fact]
    public async Task Own_records_by_date_entered()
    {
        var user = NewUser(out var id, Role.Officer, "phu-tho");
        SupportRecord Entered(DateTimeOffset at) => new()
        {
            ActivityId = "machinery", Date = new DateOnly(2019, 5, 1), ProvinceId = "phu-tho", CreatedByUserId = user.Id, CreatedAt = at, Source = "test",
        };
        Bot.Store.Records.Add(Entered(new DateTimeOffset(2026, 11, 3, 9, 0, 0, Vietnam)));
        Bot.Store.Records.Add(Entered(new DateTimeOffset(2026, 11, 20, 9, 0, 0, Vietnam)));
        Bot.Store.Records.Add(Entered(new DateTimeOffset(2026, 10, 31, 23, 30, 0, Vietnam)));
        Bot.Store.Records.Add(Entered(new DateTimeOffset(2026, 10, 31, 17, 30, 0, TimeSpan.Zero))); // 1/11 00:30 in Vietnam
        var answer = await Bot.Say("tôi đã ghi bao nhiêu bản ghi tháng này", id);
        var expected = Bot.Store.Records.All().Count(r => r.CreatedByUserId == user.Id && r.CreatedAt.ToOffset(Vietnam).Month == 11);
        Assert.Equal(3, expected);
        Assert.Contains($"Số bản ghi bạn đã nhập (tháng 11/2026 tính đến nay, theo ngày nhập): {expected} bản ghi", answer);
    }

    [Fact]
    public async Task New_records_this_week_stay_within_an_officers_province()
    {
        NewUser(out var officer, Role.Officer, "bac-ninh");
        NewUser(out var admin, Role.Admin);
        var week = (From: new DateOnly(2026, 11, 23), To: new DateOnly(2026, 11, 29));
        bool ThisWeek(SupportRecord r) => DateOnly.FromDateTime(r.CreatedAt.ToOffset(Vietnam).DateTime) is var d && d >= week.From && d <= week.To;
        var all = Bot.Store.Records.All().Where(ThisWeek).ToList();
        var units = Catalogue.UnitsOf("bac-ninh").ToHashSet();
        var mine = all.Count(r => units.Contains(r.ProvinceId));
        Assert.True(mine > 0 && mine < all.Count);
        var officerAnswer = await Bot.Say("tuần này có bao nhiêu bản ghi mới", officer);
        Assert.Contains($"theo ngày nhập): {VnFormat.Number(mine)} bản ghi", officerAnswer);
        Assert.Contains("Bắc Ninh", officerAnswer);
        var adminAnswer = await Bot.Say("tuần này có bao nhiêu bản ghi mới", admin);
        Assert.Contains($"theo ngày nhập): {VnFormat.Number(all.Count)} bản ghi", adminAnswer);
        var refused = await Bot.Say("tuần này có bao nhiêu bản ghi mới ở Hà Nội", officer);
        Assert.DoesNotContain("bản ghi mới được nhập", refused);
    }
}
