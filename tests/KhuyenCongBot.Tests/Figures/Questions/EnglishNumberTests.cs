using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>
/// An English reader's figures are written with English separators ("1,422 booths", "4.87 billion VND", "49.1%"): "4,87 billion"
/// reads as 487 billion and "1.422 booths" as one and a half booths. Each expected number is worked out here, from the demo records
/// with LINQ or from the Vietnamese reply to the same question, and written with the invariant culture, not with the bot's own formatter.
/// </summary>
public partial class EnglishNumberTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly Y24From = new(2024, 1, 1), Y24To = new(2024, 12, 31);
    private BotHarness Bot => fixture.Bot;

    private string NewUser()
    {
        var id = "u" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, Role.Manager);
        return id;
    }

    private IEnumerable<SupportRecord> In(string? activity, DateOnly from, DateOnly to, IEnumerable<string>? units = null) =>
        fixture.Records.Where(r => (activity is null || r.ActivityId == activity) && r.Date >= from && r.Date <= to && (units is null || units.Contains(r.ProvinceId)));

    /// <summary>1422 -> "1,422".</summary>
    private static string Grouped(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>4870000000 -> "4.87 billion VND"; 81830000 -> "81.83 million VND".</summary>
    private static string Money(decimal vnd) => vnd >= 999_995_000m
        ? Math.Round(vnd / 1_000_000_000m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + " billion VND"
        : Math.Round(vnd / 1_000_000m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + " million VND";

    private static string Percent(decimal ratio) => Math.Round(ratio * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>The percentages of a Vietnamese reply ("49,1%"), in English ("49.1%").</summary>
    private static List<string> PercentsOf(string vietnamese) =>
        VietnamesePercent().Matches(vietnamese).Select(m => m.Groups[1].Value.Replace(",", ".", StringComparison.Ordinal) + "%").ToList();

    /// <summary>A number written the Vietnamese way: a group of three after a dot ("1.422"), or one or two decimals after a comma ("4,87").</summary>
    [GeneratedRegex(@"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)")]
    private static partial Regex VietnameseNumber();

    /// <summary>A number written the English way: a group of three after a comma ("1,422"), or one or two decimals after a dot ("4.87").</summary>
    [GeneratedRegex(@"\d,\d{3}(?!\d)|\d\.\d{1,2}(?!\d)")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"(\d+(?:,\d)?)%")]
    private static partial Regex VietnamesePercent();

    [Theory]
    [InlineData("total", "how many booths in 2024", "bao nhiêu gian hàng năm 2024")]
    [InlineData("money total", "consulting revenue first half 2024", "doanh thu tư vấn 6 tháng đầu năm 2024")]
    [InlineData("% of plan", "consulting revenue first half 2024 vs plan", "doanh thu tư vấn 6 tháng đầu năm 2024 so với kế hoạch")]
    [InlineData("last year", "booths 2024 compared with 2023", "gian hàng năm 2024 so với năm 2023")]
    [InlineData("money last year", "consulting revenue first half 2024 compared with same period last year", "doanh thu tư vấn 6 tháng đầu năm 2024 so với cùng kỳ năm trước")]
    [InlineData("by province", "funding by province 2024", "kinh phí theo tỉnh năm 2024")]
    [InlineData("ranking", "which province has the most funding in 2024", "tỉnh nào nhiều kinh phí nhất năm 2024")]
    [InlineData("average", "average consulting revenue per project 2024", "doanh thu tư vấn bình quân mỗi dự án năm 2024")]
    [InlineData("plan ranking", "plan progress by province 2026", "tiến độ kế hoạch các tỉnh năm 2026")]
    [InlineData("plan by province", "booths by province 2024 vs plan", "gian hàng theo tỉnh năm 2024 so với kế hoạch")]
    public async Task English_replies_write_numbers_with_English_separators(string kind, string english, string vietnamese)
    {
        var en = await Bot.Say(english, NewUser(), "en");
        var vi = await Bot.Say(vietnamese, NewUser());
        var trade = In("trade_fair", Y24From, Y24To).ToList();
        var consultingH1 = In("consulting", Y24From, new DateOnly(2024, 6, 30)).Sum(r => r.RevenueVnd);
        var expected = kind switch
        {
            "total" => [Grouped(trade.Sum(r => r.Booths)) + " booths"],
            "money total" => [Money(consultingH1)],
            "% of plan" => [Money(consultingH1), .. PercentsOf(vi)],
            "last year" => [Grouped(trade.Sum(r => r.Booths)) + " booths", Grouped(In("trade_fair", new(2023, 1, 1), new(2023, 12, 31)).Sum(r => r.Booths)) + " booths",
                Percent((decimal)trade.Sum(r => r.Booths) / In("trade_fair", new(2023, 1, 1), new(2023, 12, 31)).Sum(r => r.Booths))],
            "money last year" => [Money(consultingH1), Money(In("consulting", new(2023, 1, 1), new(2023, 6, 30)).Sum(r => r.RevenueVnd)), .. PercentsOf(vi)],
            "by province" or "ranking" => [Money(In(null, Y24From, Y24To).Sum(r => r.FundingVnd)),
                "Ninh Bình" + (kind == "ranking" ? " – " : ": ") + Money(In(null, Y24From, Y24To, Bot.Catalogue.UnitsOf("ninh-binh")).Sum(r => r.FundingVnd))],
            "average" => [Money((decimal)In("consulting", Y24From, Y24To).Sum(r => r.RevenueVnd) / In("consulting", Y24From, Y24To).Count())],
            "plan ranking" or "plan by province" => PercentsOf(vi),
            _ => throw new ArgumentException(kind),
        };
        // At least one expected number reads differently in the two formats (the test could not fail otherwise).
        Assert.Contains(expected, e => EnglishNumber().IsMatch(e));
        foreach (var e in expected)
        {
            Assert.Contains(e, en);
        }
        Assert.DoesNotMatch(VietnameseNumber(), en);
        Assert.Matches(VietnameseNumber(), vi);
    }

    [Fact]
    public async Task The_difference_between_two_provinces_and_the_trainee_records_are_written_in_English()
    {
        var user = NewUser();
        var two = await Bot.Say("funding in Ha Noi and Bac Ninh in 2024", user, "en");
        var haNoi = In(null, Y24From, Y24To, Bot.Catalogue.UnitsOf("ha-noi")).Sum(r => r.FundingVnd);
        var bacNinh = In(null, Y24From, Y24To, Bot.Catalogue.UnitsOf("bac-ninh")).Sum(r => r.FundingVnd);
        var (more, less) = haNoi > bacNinh ? ("Hà Nội", "Bắc Ninh") : ("Bắc Ninh", "Hà Nội");
        var times = Math.Round((decimal)Math.Max(haNoi, bacNinh) / Math.Min(haNoi, bacNinh), 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
        Assert.Contains($"Difference: {more} has {Money(Math.Abs(haNoi - bacNinh))} more than {less} ({times} times).", two);
        Assert.DoesNotMatch(VietnameseNumber(), two);

        var trainees = await Bot.Say("number of trainees 2025", user, "en");
        Assert.Contains($"({Grouped(In("training", new(2025, 1, 1), new(2025, 12, 31)).Count())} training records", trainees);
        Assert.DoesNotMatch(VietnameseNumber(), trainees);
    }
}
