using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>Estimate/actual filters, several-year periods, several provinces and English answers, checked against plain LINQ over the demo data.</summary>
public class QuestionFilterTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly Y24From = new(2024, 1, 1), Y24To = new(2024, 12, 31);
    private BotHarness Bot => fixture.Bot;
    private CatalogueIndex Catalogue => Bot.Catalogue;

    private string NewUser(Role role = Role.Manager, string? province = null)
    {
        var id = "u" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, role, province);
        return id;
    }

    private IEnumerable<SupportRecord> In(string activity, DateOnly from, DateOnly to, IEnumerable<string>? units = null, RecordStatus? status = null) =>
        fixture.Records.Where(r => r.ActivityId == activity && r.Date >= from && r.Date <= to
            && (units is null || units.Contains(r.ProvinceId)) && (status is null || r.Status == status));

    private static int Distinct(IEnumerable<SupportRecord> records) =>
        records.Where(r => r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count() + records.Count(r => r.FacilityId is null);

    private static string Booths(IEnumerable<SupportRecord> records) => VnFormat.Number(records.Sum(r => r.Booths)) + " gian hàng";

    [Fact]
    public async Task EstimatesOnlyThenActualsThenSamePeriodKeepsTheFilter()
    {
        var user = NewUser();
        var estimates = In("trade_fair", Y24From, Y24To, status: RecordStatus.Estimate).ToList();
        var actuals = In("trade_fair", Y24From, Y24To, status: RecordStatus.Actual).ToList();
        Assert.NotEmpty(estimates);
        Assert.NotEmpty(actuals);

        var estimate = await Bot.Say("bao nhiêu gian hàng ước thực hiện năm 2024", user);
        Assert.Contains(Booths(estimates) + " (chỉ tính số ước thực hiện)", estimate);

        var actual = await Bot.Say("còn chính thức thì sao", user);
        Assert.Contains(Booths(actuals) + " (chỉ tính số chính thức)", actual);

        var yoy = await Bot.Say("so với cùng kỳ năm trước", user);
        var before = In("trade_fair", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), status: RecordStatus.Actual).Sum(r => r.Booths);
        Assert.Contains(Booths(actuals) + " (chỉ tính số chính thức)", yoy);
        Assert.Contains($"({VnFormat.Number(before)} gian hàng, 01/01/2023", yoy);
        Assert.Contains(VnFormat.Percent((decimal)actuals.Sum(r => r.Booths) / before), yoy);
        Assert.Contains("Cả hai kỳ đều chỉ tính số chính thức", yoy);

        var both = await Bot.Say("cả ước và chính thức", user);
        Assert.Contains($"{Booths(estimates.Concat(actuals))} (trong đó {Booths(estimates)} ước thực hiện)", both);
    }

    [Fact]
    public async Task WithoutAStatusWordBothAreCountedAndTheEstimateIsLabelled()
    {
        var user = NewUser();
        var answer = await Bot.Say("gian hang nam 2024", user);
        var all = In("trade_fair", Y24From, Y24To).ToList();
        Assert.Contains($"{Booths(all)} (trong đó {Booths(all.Where(r => r.Status == RecordStatus.Estimate))} ước thực hiện)", answer);
        Assert.DoesNotContain("chỉ tính", answer);
    }

    [Fact]
    public async Task PlanComparisonOfEstimatesOnly()
    {
        var user = NewUser();
        var answer = await Bot.Say("doanh thu tu van 6 thang dau nam 2024 chi tinh so uoc so voi ke hoach", user);
        var revenue = In("consulting", Y24From, new DateOnly(2024, 6, 30), status: RecordStatus.Estimate).Sum(r => r.RevenueVnd);
        var plan = Bot.Store.Plans.ForYear(2024).Where(p => p.Metric == "consulting.revenue_vnd").Sum(p => p.Target);
        Assert.Contains(VnFormat.Money(revenue) + " (chỉ tính số ước thực hiện)", answer);
        Assert.Contains("đạt " + VnFormat.Percent(revenue / plan), answer);
        Assert.Contains("Phần thực hiện chỉ tính số ước thực hiện", answer);

        var actual = await Bot.Say("chỉ tính số chính thức", user);
        var actualRevenue = In("consulting", Y24From, new DateOnly(2024, 6, 30), status: RecordStatus.Actual).Sum(r => r.RevenueVnd);
        Assert.Contains(VnFormat.Money(actualRevenue) + " (chỉ tính số chính thức)", actual);
        Assert.Contains("Phần thực hiện chỉ tính số chính thức", actual);
    }

    [Theory]
    [InlineData("gian hàng 3 năm qua", "2024-01-01", "2026-11-26", "3 năm qua, từ năm 2024 đến nay")]
    [InlineData("gian hang 10 nam qua", "2017-01-01", "2026-11-26", "10 năm qua, từ năm 2017 đến nay")]
    [InlineData("gian hàng giai đoạn 2021-2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025")]
    [InlineData("gian hang 2021 - 2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025")]
    [InlineData("gian hàng từ 2020 đến 2024", "2020-01-01", "2024-12-31", "giai đoạn 2020–2024")]
    [InlineData("gian hàng từ năm 2020 đến nay", "2020-01-01", "2026-11-26", "từ năm 2020 đến nay")]
    [InlineData("gian hang 6 thang qua", "2026-05-27", "2026-11-26", "6 tháng qua")]
    public async Task SeveralYearPeriodsMatchLinq(string question, string from, string to, string label)
    {
        var user = NewUser();
        var answer = await Bot.Say(question, user);
        var records = In("trade_fair", DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(records);
        Assert.Contains(": " + Booths(records), answer);
        Assert.Contains("Thời gian: " + label, answer);
    }

    [Fact]
    public async Task SeveralYearsAreComparedWithTheSameSpanBefore()
    {
        var user = NewUser();
        var answer = await Bot.Say("gian hàng giai đoạn 2024-2025 so với cùng kỳ", user);
        var now = In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)).Sum(r => r.Booths);
        var before = In("trade_fair", new DateOnly(2022, 1, 1), new DateOnly(2023, 12, 31)).Sum(r => r.Booths);
        Assert.True(before > 0);
        Assert.Contains($"So với cùng kỳ giai đoạn 2022–2023 ({VnFormat.Number(before)} gian hàng", answer);
        Assert.Contains("01/01/2022 – 31/12/2023", answer);
        Assert.Contains(VnFormat.Percent((decimal)now / before), answer);
    }

    [Fact]
    public async Task TwoProvincesGiveEachFigureAndTheTotal()
    {
        var user = NewUser();
        var answer = await Bot.Say("Phú Thọ và Bắc Ninh bao nhiêu gian hàng năm 2024", user);
        var phuTho = In("trade_fair", Y24From, Y24To, Catalogue.UnitsOf("phu-tho")).ToList();
        var bacNinh = In("trade_fair", Y24From, Y24To, Catalogue.UnitsOf("bac-ninh")).ToList();
        Assert.Contains(": " + Booths(phuTho.Concat(bacNinh)), answer);
        Assert.Contains("• Phú Thọ: " + Booths(phuTho), answer);
        Assert.Contains("• Bắc Ninh: " + Booths(bacNinh), answer);
        Assert.True(answer.IndexOf("• Phú Thọ", StringComparison.Ordinal) < answer.IndexOf("• Bắc Ninh", StringComparison.Ordinal), answer);
        Assert.Contains("Phạm vi: Phú Thọ và Bắc Ninh", answer);

        var state = Bot.Store.Conversations.Get(Bot.Store.Users.FindByIdentity("terminal:" + user)!.Id)!;
        Assert.Contains("\"sc\":\"m:phu-tho,bac-ninh\"", state.Data[FiguresModule.LastKey]);

        // A follow-up keeps both provinces; a former province keeps only its own records.
        var followUp = await Bot.Say("còn năm 2023 thì sao", user);
        var phuTho23 = In("trade_fair", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), Catalogue.UnitsOf("phu-tho"));
        Assert.Contains("• Phú Thọ: " + Booths(phuTho23), followUp);
        var former = await Bot.Say("Phu Tho va Bac Giang 2024 bao nhieu luot co so tham gia hoi cho", user);
        Assert.Contains("• Bắc Giang: " + VnFormat.Number(In("trade_fair", Y24From, Y24To, ["bac-giang"]).Count()) + " lượt cơ sở", former);
        Assert.Contains("• Phú Thọ: " + VnFormat.Number(phuTho.Count) + " lượt cơ sở", former);
    }

    [Fact]
    public async Task DistinctFacilitiesOfTwoProvincesCountOnceInTheTotal()
    {
        var user = NewUser();
        var answer = await Bot.Say("bao nhieu co so khac nhau duoc ho tro may moc o Ha Noi va Hai Phong nam 2024", user);
        var units = Catalogue.UnitsOf("ha-noi").Concat(Catalogue.UnitsOf("hai-phong")).ToList();
        Assert.Contains(": " + VnFormat.Number(Distinct(In("machinery", Y24From, Y24To, units))) + " cơ sở", answer);
        Assert.Contains("• Hải Phòng: " + VnFormat.Number(Distinct(In("machinery", Y24From, Y24To, Catalogue.UnitsOf("hai-phong")))) + " cơ sở", answer);
    }

    [Fact]
    public async Task TwoProvincesByProvinceButtonAndStatus()
    {
        var user = NewUser();
        await Bot.Say("gian hang uoc thuc hien Ha Noi va Bac Ninh nam 2024", user);
        var replies = await Bot.Press("fq:by:p", user);
        var text = string.Join("\n", replies.Select(r => r.Text));
        var haNoi = In("trade_fair", Y24From, Y24To, Catalogue.UnitsOf("ha-noi"), RecordStatus.Estimate).ToList();
        Assert.Contains("Hà Nội: " + Booths(haNoi), text);
        Assert.DoesNotContain("Phú Thọ", text);
        Assert.Contains("chỉ tính số ước thực hiện", text);
    }

    [Fact]
    public async Task OfficerAskingForTwoProvincesIsRefusedForTheOtherOne()
    {
        var officer = NewUser(Role.Officer, "bac-ninh");
        var refused = await Bot.Say("Bắc Ninh và Phú Thọ năm 2024 bao nhiêu gian hàng", officer);
        Assert.Contains("Xin lỗi", refused);
        Assert.Contains("số liệu của Phú Thọ", refused);
        Assert.DoesNotContain(Booths(In("trade_fair", Y24From, Y24To, Catalogue.UnitsOf("phu-tho"))), refused);

        var own = await Bot.Say("Bắc Ninh và Bắc Giang năm 2024 bao nhiêu gian hàng", officer);
        Assert.DoesNotContain("Xin lỗi", own);
        Assert.Contains("• Bắc Giang: " + Booths(In("trade_fair", Y24From, Y24To, ["bac-giang"])), own);
    }

    [Fact]
    public async Task EnglishAnswersUseEnglishLabels()
    {
        var user = NewUser();
        var answer = await Bot.Say("how many estimated booths in 2024", user, "en");
        var trade = Catalogue.Activity("trade_fair")!;
        Assert.Contains($"Booths – {trade.EnglishName}: {NumberText.En.Number(In("trade_fair", Y24From, Y24To, status: RecordStatus.Estimate).Sum(r => r.Booths))} booths (estimates only)", answer);
        Assert.Contains("Period: 2024", answer);
        Assert.Contains("Scope: all provinces", answer);
        Assert.DoesNotContain("gian hàng", answer);

        var two = await Bot.Say("booths in Ha Noi and Bac Ninh in the last 3 years", user, "en");
        Assert.Contains("By province:", two);
        Assert.Contains("• Hà Nội: " + NumberText.En.Number(In("trade_fair", new DateOnly(2024, 1, 1), new DateOnly(2026, 11, 26), Catalogue.UnitsOf("ha-noi")).Sum(r => r.Booths)) + " booths", two);
        Assert.Contains("Period: last 3 years, from 2024 to date (01/01/2024 – 26/11/2026)", two);
        Assert.DoesNotContain("tỉnh", two);

        var money = await Bot.Say("consulting revenue first half 2024", user, "en");
        Assert.Contains("billion VND", money);
        Assert.Contains("Period: first 6 months of 2024", money);
    }
}
