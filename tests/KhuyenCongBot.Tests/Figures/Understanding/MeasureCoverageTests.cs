using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Figures.Questions;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// Issue 13, "never confidently wrong": every activity × every measure. A measure the activity does not record ("doanh thu hội chợ":
/// fairs record no revenue) is said not recorded, with no figure (it answered "0 đồng"); a measure it records is answered with the
/// figure plain LINQ computes over the demo records.
/// </summary>
public sealed class MeasureCoverageTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    /// <summary>How a manager names each measure (the measure's key in the paraphrase grammar).</summary>
    private static readonly (string Measure, string Key, string Words)[] MeasureWords =
    [
        (Measures.Facilities, "facilities", "số cơ sở"),
        (Measures.Participations, "participations", "số lượt cơ sở"),
        (Measures.Booths, "booths", "số gian hàng"),
        (Measures.Projects, "projects", "số dự án"),
        (Measures.Revenue, "revenue", "doanh thu"),
        (Measures.Funding, "funding", "kinh phí"),
        (Measures.Trainees, "trainees", "số học viên"),
    ];

    /// <summary>How a manager names each activity of the catalogue.</summary>
    private static readonly Dictionary<string, string> ActivityWords = new()
    {
        ["machinery"] = "máy móc thiết bị", ["cleaner_production"] = "sản xuất sạch hơn", ["trade_fair"] = "hội chợ",
        ["product_award"] = "bình chọn sản phẩm tiêu biểu", ["trademark"] = "nhãn hiệu", ["consulting"] = "tư vấn",
        ["training"] = "đào tạo nghề", ["demo_model"] = "mô hình trình diễn", ["pollution"] = "xử lý ô nhiễm",
        ["market"] = "xuất khẩu", ["information"] = "thông tin tuyên truyền", ["cluster"] = "cụm công nghiệp",
        ["digital_transformation"] = "chuyển đổi số",
    };

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var activity in ActivityWords.Keys)
        {
            foreach (var (measure, _, _) in MeasureWords)
            {
                data.Add(activity, measure);
            }
        }
        return data;
    }

    [Fact]
    public void Every_activity_of_the_catalogue_is_in_the_table() =>
        Assert.Equal(fixture.Bot.Catalogue.Activities.Select(a => a.Id).Order(), ActivityWords.Keys.Order());

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_measure_the_activity_does_not_record_is_said_so_and_one_it_records_is_answered(string activityId, string measure)
    {
        var bot = fixture.Bot;
        var user = $"cov-{activityId}-{measure}";
        bot.AddUser(user, Role.Manager);
        var (_, key, words) = MeasureWords.Single(m => m.Measure == measure);
        var reply = await bot.Say($"{words} {ActivityWords[activityId]} năm 2025", user);
        var activity = bot.Catalogue.Activity(activityId)!;
        if (!activity.Measures.Contains(measure) && !activity.FormMeasures.Contains(measure))
        {
            Assert.False(ParaphraseExpectation.HasFigure(reply), reply);
            Assert.Contains("Dữ liệu không ghi", reply);
            Assert.Contains(activity.ShortName, reply);
            return;
        }
        var plans = bot.Store.Plans.ForYear(2025).Select(p => (p.Year, p.ProvinceId, p.Metric, p.Target)).ToList();
        var expectation = new ParaphraseExpectation(fixture.Records, plans, bot.Catalogue);
        if (measure == "participations" && !activity.Measures.Contains("facilities"))
        {
            // Information and propaganda support no facility: their records are "lượt (không gắn với cơ sở)", not "lượt cơ sở".
            var records = fixture.Records.Count(r => r.ActivityId == activityId && r.Date.Year == 2025);
            Assert.Contains($": {KhuyenCongBot.Core.Text.VnFormat.Number(records)} lượt (", reply);
            Assert.DoesNotContain("lượt cơ sở", reply);
            return;
        }
        Assert.Null(expectation.Check($"v {key} {activityId} Y2025 all", reply));
        Assert.DoesNotContain("Dữ liệu không ghi", reply);
    }

    [Fact]
    public async Task The_buttons_offered_answer_the_activity_measures_for_the_same_period()
    {
        var bot = fixture.Bot;
        bot.AddUser("cov-buttons", Role.Manager);
        var reply = await bot.Say("doanh thu hoi cho nam 2024", "cov-buttons");
        Assert.Contains("Dữ liệu không ghi doanh thu cho hoạt động Hội chợ, triển lãm", reply);
        Assert.DoesNotContain("0 đồng", reply);
        var booths = string.Join("\n", (await bot.Press("fq:m:trade_fair.booths", "cov-buttons")).Select(r => r.Text));
        var expected = fixture.Records.Where(r => r.ActivityId == "trade_fair" && r.Date.Year == 2024).Sum(r => (long)r.Booths);
        Assert.Contains(Core.Text.VnFormat.Number(expected) + " gian hàng", booths);
        Assert.Contains("năm 2024", booths);
    }
}
