using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>One demo-data bot shared by the answer tests (each test talks as its own user).</summary>
public sealed class DemoBotFixture : IDisposable
{
    public BotHarness Bot { get; } = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);

    public List<SupportRecord> Records => Bot.Store.Records.All().ToList();

    public void Dispose() => Bot.Dispose();
}

/// <summary>Answers on the demo data, checked against plain LINQ over the same records.</summary>
public class FiguresModuleTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly H1From = new(2024, 1, 1), H1To = new(2024, 6, 30);
    private BotHarness Bot => fixture.Bot;
    private CatalogueIndex Catalogue => Bot.Catalogue;

    private string NewManager(Role role = Role.Manager, string? province = null)
    {
        var id = "u" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, role, province);
        return id;
    }

    private IEnumerable<SupportRecord> In(string activity, DateOnly from, DateOnly to, IEnumerable<string>? units = null) =>
        fixture.Records.Where(r => r.ActivityId == activity && r.Date >= from && r.Date <= to && (units is null || units.Contains(r.ProvinceId)));

    private static int Distinct(IEnumerable<SupportRecord> records) =>
        records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count() + records.Count(r => r.FacilityId is null);

    [Fact]
    public async Task BoothsFromTheStartOfTheYear()
    {
        var user = NewManager();
        var answer = await Bot.Say("bao nhiêu gian hàng từ đầu năm", user);
        var expected = In("trade_fair", new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 26)).Sum(r => r.Booths);
        Assert.Contains(VnFormat.Number(expected) + " gian hàng", answer);
        Assert.Contains("từ đầu năm 2026", answer);
        Assert.Contains("Phạm vi:", answer);
        Assert.Contains("Theo tỉnh", answer);
    }

    [Fact]
    public async Task TheArticleFiguresAnswerOneByOne()
    {
        var user = NewManager();
        Assert.Contains("701 gian hàng (ước thực hiện)", await Bot.Say("bao nhiêu gian hàng 6 tháng đầu năm 2024", user));
        var machinery = Distinct(In("machinery", H1From, H1To));
        Assert.Equal(57, machinery);
        Assert.Contains("57 cơ sở", await Bot.Say("bn co so duoc ho tro may moc 6 thang dau nam 2024", user));
        Assert.Contains("11 cơ sở", await Bot.Say("so co so duoc ho tro san xuat sach hon 6 thang dau nam 2024", user));
        Assert.Contains(VnFormat.Number(In("trade_fair", H1From, H1To).Count()) + " lượt cơ sở", await Bot.Say("bao nhieu luot co so tham gia hoi cho 6 thang dau nam 2024", user));
        Assert.Contains("245 lượt cơ sở", await Bot.Say("binh chon san pham tieu bieu 6 thang dau nam 2024 bao nhieu luot", user));
        Assert.Contains("62 dự án", await Bot.Say("so du an tu van 6 thang dau nam 2024", user));
    }

    [Fact]
    public async Task MachineryInTheFirstQuarterMatchesLinq()
    {
        var user = NewManager();
        var answer = await Bot.Say("bn co so duoc ho tro may moc quy 1 2024", user);
        Assert.Contains(VnFormat.Number(Distinct(In("machinery", new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)))) + " cơ sở", answer);
        Assert.Contains("quý I/2024", answer);
    }

    [Fact]
    public async Task ConsultingRevenueAgainstPlanThenSamePeriodAsFollowUp()
    {
        var user = NewManager();
        var answer = await Bot.Say("doanh thu tu van 6 thang dau nam 2024 dat bao nhieu % ke hoach", user);
        var revenue = In("consulting", H1From, H1To).Sum(r => r.RevenueVnd);
        var plan = Bot.Store.Plans.ForYear(2024).Where(p => p.Metric == "consulting.revenue_vnd").Sum(p => p.Target);
        Assert.Contains(VnFormat.Money(revenue), answer);
        Assert.Contains("4,87 tỷ đồng", answer);
        Assert.Contains("ước thực hiện", answer);
        Assert.Contains(VnFormat.Percent(revenue / plan), answer);
        Assert.Contains("49,1%", answer);
        Assert.Contains("6 tháng đầu năm 2024", answer);

        var followUp = await Bot.Say("so voi cung ky nam truoc", user);
        var before = In("consulting", new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)).Sum(r => r.RevenueVnd);
        Assert.Contains(VnFormat.Percent((decimal)revenue / before), followUp);
        Assert.Contains("153,7%", followUp);
        Assert.Contains("4,87 tỷ đồng", followUp);
    }

    [Fact]
    public async Task ProvinceWithMostBooths()
    {
        var user = NewManager();
        var answer = await Bot.Say("tỉnh nào nhiều gian hàng nhất năm 2024", user);
        var top = In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31))
            .GroupBy(r => Catalogue.CurrentOf(r.ProvinceId)!.Id)
            .Select(g => (Id: g.Key, Booths: g.Sum(r => r.Booths)))
            .OrderByDescending(x => x.Booths).First();
        Assert.Contains($"{Catalogue.Province(top.Id)!.ShortName} – {VnFormat.Number(top.Booths)} gian hàng", answer);
    }

    [Fact]
    public async Task FormerProvinceCountsItsOwnRecords()
    {
        var user = NewManager();
        var answer = await Bot.Say("Bắc Giang 2024 có bao nhiêu lượt cơ sở tham gia hội chợ", user);
        var count = In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), ["bac-giang"]).Count();
        Assert.Contains(VnFormat.Number(count) + " lượt cơ sở", answer);
        Assert.Contains("Bắc Giang (tỉnh cũ, nay thuộc Bắc Ninh", answer);
    }

    [Fact]
    public async Task CurrentProvinceIncludesItsFormerUnits()
    {
        var user = NewManager();
        var answer = await Bot.Say("Phú Thọ năm 2024 bao nhiêu gian hàng", user);
        var units = Catalogue.UnitsOf("phu-tho");
        Assert.Contains("vinh-phuc", units);
        Assert.Contains(VnFormat.Number(In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), units).Sum(r => r.Booths)) + " gian hàng", answer);
        Assert.Contains("Vĩnh Phúc", answer);
    }

    [Fact]
    public async Task BreakdownByMonthMatchesLinq()
    {
        var user = NewManager();
        var answer = await Bot.Say("gian hang theo thang nam 2024", user);
        foreach (var g in In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).GroupBy(r => r.Date.Month))
        {
            Assert.Contains($"Tháng {g.Key}/2024: {VnFormat.Number(g.Sum(r => r.Booths))} gian hàng", answer);
        }
    }

    [Fact]
    public async Task ButtonsBreakDownTheLastQuestion()
    {
        var user = NewManager();
        await Bot.Say("gian hang 6 thang dau nam 2024", user);
        var replies = await Bot.Press("fq:by:p", user);
        var text = string.Join("\n", replies.Select(r => r.Text));
        var top = In("trade_fair", H1From, H1To).GroupBy(r => Catalogue.CurrentOf(r.ProvinceId)!.Id)
            .Select(g => (Id: g.Key, Booths: g.Sum(r => r.Booths))).OrderByDescending(x => x.Booths).First();
        Assert.Contains($"• Hạng 1 · {Catalogue.Province(top.Id)!.ShortName}: {VnFormat.Number(top.Booths)} gian hàng", text);
    }

    [Fact]
    public async Task ReportOnTheFirstHalfOf2024HasEveryArticleFigure()
    {
        var user = NewManager();
        var report = await Bot.Say("/baocao 6 tháng đầu năm 2024 khu vực phía Bắc", user);
        var participations = In("trade_fair", H1From, H1To).Count();
        foreach (var figure in new[] { "57 cơ sở", "11 cơ sở", "701 gian hàng", VnFormat.Number(participations) + " lượt cơ sở", "245 lượt cơ sở", "5 cơ sở", "62 dự án", "4,87 tỷ đồng", "49,1%", "153,7%" })
        {
            Assert.Contains(figure, report);
        }
        Assert.Contains("ước thực hiện", report);
        Assert.Contains("khu vực phía Bắc", report);
        var alias = await Bot.Say("/report 6 thang dau nam 2024", user);
        Assert.Contains("701 gian hàng", alias);
    }

    [Fact]
    public async Task ReportTypedWithoutTheSlashIsTheParagraph()
    {
        var user = NewManager();
        var typed = await Bot.Say("báo cáo 6 tháng đầu năm 2024", user);
        Assert.StartsWith("Theo báo cáo ước thực hiện 6 tháng đầu năm 2024", typed);
        foreach (var figure in new[] { "57 cơ sở", "701 gian hàng", "62 dự án", "4,87 tỷ đồng" })
        {
            Assert.Contains(figure, typed);
        }
        Assert.Equal(await Bot.Say("/baocao 6 tháng đầu năm 2024", user), await Bot.Say("viet bao cao 6 thang dau nam 2024", user));
        // With a metric it stays a figure question.
        var booths = await Bot.Say("bao cao so gian hang quy 3 nam 2024", user);
        Assert.StartsWith("Số gian hàng – Hội chợ, triển lãm:", booths);
        Assert.Contains("quý III/2024", booths);
    }

    [Fact]
    public async Task AReportOnThisYearComparesTheSameDatesOfLastYear()
    {
        var user = NewManager();
        var report = await Bot.Say("báo cáo năm nay", user);
        Assert.Contains("từ đầu năm 2026 đến nay (01/01/2026 – 26/11/2026)", report);
        decimal Revenue(DateOnly from, DateOnly to) => In("consulting", from, to).Sum(r => r.RevenueVnd);
        var ratio = Revenue(new(2026, 1, 1), new(2026, 11, 26)) / Revenue(new(2025, 1, 1), new(2025, 11, 26));
        Assert.Contains($"đạt {VnFormat.Percent(ratio)} so với cùng kỳ năm 2025", report);
    }

    [Theory]
    [InlineData("so sanh gian hang nam nay voi nam ngoai")]
    [InlineData("gian hang nam nay so voi cung ky")]
    [InlineData("so sánh số gian hàng năm nay")]
    public async Task ThisYearAgainstLastYearComparesUpToTheSameDay(string question)
    {
        var user = NewManager();
        var answer = await Bot.Say(question, user);
        var now = In("trade_fair", new(2026, 1, 1), new(2026, 11, 26)).Sum(r => r.Booths);
        var before = In("trade_fair", new(2025, 1, 1), new(2025, 11, 26)).Sum(r => r.Booths);
        Assert.Contains("Thời gian: từ đầu năm 2026 đến nay (01/01/2026 – 26/11/2026)", answer);
        Assert.Contains($"So với cùng kỳ năm 2025 ({VnFormat.Number(before)} gian hàng", answer);
        Assert.Contains("01/01/2025 – 26/11/2025", answer);
        Assert.Contains($"{(now >= before ? "tăng" : "giảm")} {VnFormat.Number(Math.Abs(now - before))} gian hàng", answer);
    }

    [Fact]
    public async Task PlanProgressOfAnActivityCoversEveryPlannedMeasure()
    {
        var user = NewManager();
        var answer = await Bot.Say("tien do ke hoach tu van", user);
        var plans = Bot.Store.Plans.ForYear(2026);
        decimal Target(string metric) => plans.Where(p => p.Metric == metric).Sum(p => p.Target);
        var ytd = In("consulting", new(2026, 1, 1), new(2026, 11, 26)).ToList();
        Assert.Contains($"So với kế hoạch năm 2026, Số dự án – Tư vấn phát triển công nghiệp ({VnFormat.Number((long)Target("consulting.projects"))} dự án): "
            + $"đạt {VnFormat.Percent(ytd.Count / Target("consulting.projects"))} kế hoạch năm.", answer);
        Assert.Contains($"So với kế hoạch năm 2026, Doanh thu – Tư vấn phát triển công nghiệp",answer);
        Assert.Contains($"đạt {VnFormat.Percent(ytd.Sum(r => r.RevenueVnd) / Target("consulting.revenue_vnd"))} kế hoạch năm.", answer);
    }

    [Fact]
    public async Task EverythingSoFarCountsEveryRecordAndOffersNoYearComparison()
    {
        var user = NewManager();
        var answer = await Bot.Say("bao nhieu gian hang tu truoc den nay", user);
        Assert.Contains(VnFormat.Number(fixture.Records.Where(r => r.ActivityId == "trade_fair").Sum(r => r.Booths)) + " gian hàng", answer);
        Assert.Contains("từ trước đến nay", answer);
        Assert.DoesNotContain("So với kế hoạch", answer);
        Assert.DoesNotContain("So với cùng kỳ", answer);
        // A plan is per year: several years are not compared with one year's plan.
        var years = await Bot.Say("gian hang 3 nam qua so voi ke hoach", user);
        Assert.Contains("Kế hoạch được đặt theo từng năm", years);
        Assert.DoesNotContain("% kế hoạch năm", years);
    }

    [Fact]
    public async Task ByYearCountsEachYearOnItsOwn()
    {
        var user = NewManager();
        var answer = await Bot.Say("co so duoc ho tro may moc tu 2023 den nay theo tung nam", user);
        Assert.Contains("Chia theo năm:", answer);
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var to = year == 2026 ? new DateOnly(2026, 11, 26) : new DateOnly(year, 12, 31);
            Assert.Contains($"Năm {year}: {VnFormat.Number(Distinct(In("machinery", new(year, 1, 1), to)))} cơ sở", answer);
        }
        // Facilities are distinct within a year, so the years add up to more than the whole period's count.
        Assert.Contains($"{VnFormat.Number(Distinct(In("machinery", new(2023, 1, 1), new(2026, 11, 26))))} cơ sở", answer);

        var most = await Bot.Say("năm nào nhiều gian hàng nhất", user);
        var best = fixture.Records.Where(r => r.ActivityId == "trade_fair").GroupBy(r => r.Date.Year)
            .Select(g => (Year: g.Key, Booths: g.Sum(r => r.Booths))).OrderByDescending(x => x.Booths).First();
        Assert.Contains($"Năm có số liệu cao nhất: Năm {best.Year} – {VnFormat.Number(best.Booths)} gian hàng", most);

        await Bot.Say("kinh phi tu 2023 den nay", user);
        var byButton = string.Join("\n", (await Bot.Press("fq:by:y", user)).Select(r => r.Text));
        var funding2025 = fixture.Records.Where(r => r.Date.Year == 2025).Sum(r => r.FundingVnd);
        Assert.Contains($"Năm 2025: {VnFormat.Money(funding2025)}", byButton);
        var chart = await Bot.Press("fq:chart", user);
        Assert.Contains(chart, r => r.Text.Contains("theo năm") && r.Attachment?.Kind == AttachmentKind.Photo);
    }

    [Fact]
    public async Task CompareTwoYearsByName()
    {
        var user = NewManager();
        var answer = await Bot.Say("so sanh gian hang 2024 voi 2023", user);
        var y24 = In("trade_fair", new(2024, 1, 1), new(2024, 12, 31)).Sum(r => r.Booths);
        var y23 = In("trade_fair", new(2023, 1, 1), new(2023, 12, 31)).Sum(r => r.Booths);
        Assert.Contains($"{VnFormat.Number(y24)} gian hàng", answer);
        Assert.Contains($"So với cùng kỳ năm 2023 ({VnFormat.Number(y23)} gian hàng", answer);
        Assert.Contains($"đạt {VnFormat.Percent((decimal)y24 / y23)}", answer);
    }

    [Fact]
    public async Task TopWithoutANumberListsFiveAndARankingListsAll()
    {
        var user = NewManager();
        var byProvince = In("trade_fair", new(2026, 1, 1), new(2026, 11, 26))
            .GroupBy(r => Catalogue.CurrentOf(r.ProvinceId)!.Id)
            .Select(g => (Name: Catalogue.Province(g.Key)!.ShortName, Booths: g.Sum(r => r.Booths)))
            .OrderByDescending(x => x.Booths).ToList();
        var top = await Bot.Say("top tinh nhieu gian hang nhat", user);
        Assert.Contains("5 tỉnh, thành phố cao nhất:", top);
        Assert.Contains($"• Hạng 1 · {byProvince[0].Name}: {VnFormat.Number(byProvince[0].Booths)} gian hàng", top);
        Assert.Contains($"• Hạng 5 · {byProvince[4].Name}: ", top);
        Assert.DoesNotContain($"Hạng 6 · {byProvince[5].Name}", top);

        var ranking = await Bot.Say("xếp hạng các tỉnh theo số gian hàng", user);
        // Equal figures share a rank: the last province's rank is one more than the number of provinces with more booths.
        var lastRank = 1 + byProvince.Count(x => x.Booths > byProvince[^1].Booths);
        Assert.Contains($"• Hạng {lastRank} · {byProvince[^1].Name}: {VnFormat.Number(byProvince[^1].Booths)} gian hàng", ranking);
    }

    [Fact]
    public async Task ReportForAQuarterWithoutYear()
    {
        var user = NewManager();
        var report = await Bot.Say("/baocao quý III", user);
        Assert.Contains("quý III/2026", report);
        Assert.DoesNotContain("Exception", report);
    }

    [Fact]
    public async Task OfficerSeesOwnProvinceAndIsRefusedAnother()
    {
        var officer = NewManager(Role.Officer, "bac-ninh");
        var own = await Bot.Say("bao nhieu gian hang nam 2024", officer);
        var units = Catalogue.UnitsOf("bac-ninh");
        Assert.Contains(VnFormat.Number(In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), units).Sum(r => r.Booths)) + " gian hàng", own);
        Assert.Contains("Bắc Ninh", own);

        var former = await Bot.Say("Bắc Giang 2024 bao nhiêu gian hàng", officer);
        Assert.DoesNotContain("Xin lỗi", former);

        var other = await Bot.Say("Hà Nội năm 2024 bao nhiêu gian hàng", officer);
        Assert.Contains("chỉ được xem số liệu của Bắc Ninh", other);
        var haNoi = In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Catalogue.UnitsOf("ha-noi")).Sum(r => r.Booths);
        Assert.DoesNotContain(VnFormat.Number(haNoi) + " gian hàng", other);

        var region = await Bot.Say("khu vực phía Bắc năm 2024 bao nhiêu gian hàng", officer);
        Assert.Contains("Xin lỗi", region);
    }

    [Fact]
    public async Task OfficerBreakdownStaysInsideTheProvince()
    {
        var officer = NewManager(Role.Officer, "phu-tho");
        var answer = await Bot.Say("gian hang theo tinh nam 2024", officer);
        Assert.DoesNotContain("Hà Nội", answer);
        Assert.Contains("Phú Thọ", answer);
    }

    [Fact]
    public async Task AmbiguousFacilitiesGetBothCountsInOneAnswer()
    {
        // Issue 13: "cơ sở" may mean facilities or participations; both are cheap, so both are given instead of asking.
        var user = NewManager();
        var answer = await Bot.Say("bao nhiêu cơ sở tham gia hội chợ năm 2024", user);
        var records = In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)).ToList();
        var facilities = records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains(VnFormat.Number(facilities) + " cơ sở", answer);
        Assert.Contains("mỗi cơ sở đếm một lần", answer);
        Assert.Contains(VnFormat.Number(records.Count) + " lượt", answer);
        Assert.DoesNotContain("hai cách", answer);
    }

    [Fact]
    public async Task QuestionWithoutMetricAsksWhichFigure()
    {
        var user = NewManager();
        var ask = await Bot.Say("quý 2 năm 2024 bao nhiêu", user);
        Assert.Contains("Bạn muốn xem số liệu nào", ask);
        var answer = await Bot.Say("1", user);
        Assert.Contains(VnFormat.Number(In("trade_fair", new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)).Sum(r => r.Booths)) + " gian hàng", answer);
        Assert.Contains("quý II/2024", answer);
    }

    [Fact]
    public async Task NonsenseGetsThreeExamplesThatWork()
    {
        var user = NewManager();
        var answer = await Bot.Say("lorem ipsum dolor", user);
        Assert.Contains("chưa hiểu", answer);
        Assert.Contains("1. bao nhiêu gian hàng từ đầu năm", answer);
        Assert.Contains("3. ", answer);
        var example = await Bot.Say("3", user);
        Assert.Contains("gian hàng", example);
        Assert.Contains("năm 2024", example);
    }

    [Fact]
    public async Task ChartIsAPngPhoto()
    {
        var user = NewManager();
        await Bot.Say("gian hang nam 2024", user);
        var replies = await Bot.Press("fq:chart", user);
        var photo = Assert.Single(replies, r => r.Attachment is not null).Attachment!;
        Assert.Equal(AttachmentKind.Photo, photo.Kind);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], photo.Content.Take(4).ToArray());
        var typed = await Bot.Say("bieu do doanh thu tu van theo thang nam 2024", user);
        Assert.Contains("[Photo: bieu-do.png]", typed);
    }

    [Fact]
    public async Task ExcelIsAnXlsxDocument()
    {
        var user = NewManager();
        var text = await Bot.Say("xuat excel gian hang 6 thang dau nam 2024", user);
        Assert.Contains("[Document: ", text);
        Assert.Contains(VnFormat.Number(In("trade_fair", H1From, H1To).Count()) + " bản ghi", text);
        await Bot.Say("tu van nam 2024", user);
        var replies = await Bot.Press("fq:xlsx", user);
        var file = Assert.Single(replies, r => r.Attachment is not null).Attachment!;
        Assert.Equal(AttachmentKind.Document, file.Kind);
        Assert.EndsWith(".xlsx", file.FileName);
        Assert.Equal((byte)'P', file.Content[0]);
        Assert.Equal((byte)'K', file.Content[1]);
    }

    [Fact]
    public async Task FollowUpChangesPeriodAndKeepsTheMetric()
    {
        var user = NewManager();
        await Bot.Say("gian hang quy 1 2024", user);
        var answer = await Bot.Say("còn quý 2 năm 2024 thì sao", user);
        Assert.Contains(VnFormat.Number(In("trade_fair", new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)).Sum(r => r.Booths)) + " gian hàng", answer);
        var state = Bot.Store.Conversations.Get(Bot.Store.Users.FindByIdentity("terminal:" + user)!.Id)!;
        Assert.Null(state.Flow);
        Assert.Contains("q:last", state.Data.Keys);
    }

    [Fact]
    public async Task AdminSetsAndListsPlans()
    {
        var admin = NewManager(Role.Admin);
        // The demo has a 2026 plan for Phú Thọ's booths: replacing it is confirmed first.
        var before = Bot.Store.Plans.ForYear(2026).Single(p => p.ProvinceId == "phu-tho" && p.Metric == "trade_fair.booths").Target;
        Assert.Contains($"hiện là {before:0} gian hàng. Đổi thành 120 gian hàng?", await Bot.Say("/kehoach 2026 Phú Thọ trade_fair.booths 120", admin));
        var set = await Bot.Say("1", admin);
        Assert.Contains("Đã đặt kế hoạch năm 2026 của Phú Thọ", set);
        Assert.Contains(Bot.Store.Plans.ForYear(2026), p => p.ProvinceId == "phu-tho" && p.Metric == "trade_fair.booths" && p.Target == 120);
        var list = await Bot.Say("/plan 2026 Phú Thọ", admin);
        Assert.Contains("Kế hoạch năm 2026 (Phú Thọ)", list);
        Assert.Contains("Hội chợ, triển lãm: 120", list);
        Assert.Contains("Kế hoạch năm 2026", await Bot.Say("/kehoach 2026", admin));
        var manager = NewManager();
        var refused = await Bot.Say("/kehoach 2026 Phú Thọ trade_fair.booths 130", manager);
        Assert.Contains("Chỉ quản trị viên", refused);
        var bad = await Bot.Say("/kehoach 2026 Atlantis trade_fair.booths 130", admin);
        Assert.Contains("Không có tỉnh", bad);
    }
}
