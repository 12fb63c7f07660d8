using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Kinds;

/// <summary>Breakdowns whose rows an outside tester could not make add up to the headline.</summary>
public class BreakdownHonestyTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private BotHarness Bot => fixture.Bot;

    private string NewUser()
    {
        var id = "b" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, Role.Manager);
        return id;
    }

    [Fact]
    public async Task Funding_by_source_lists_the_support_first_and_the_counterpart_apart()
    {
        var answer = await Bot.Say("kinh phí năm 2025 theo nguồn", NewUser());
        var lines = answer.Split('\n').ToList();
        int Line(string start) => lines.FindIndex(l => l.StartsWith("• " + start, StringComparison.Ordinal));
        var (kcqg, kcdp, apart, counterpart) = (Line("KCQG"), Line("KCĐP"), lines.IndexOf("Ngoài kinh phí hỗ trợ (không cộng vào tổng trên):"), Line("Vốn đối ứng"));
        Assert.True(kcqg > 0 && kcdp > 0 && apart > 0 && counterpart > 0, answer);
        Assert.True(kcqg < apart && kcdp < apart && apart < counterpart, answer);
        Assert.DoesNotContain("Hạng", answer);
        // The support rows add up to the headline (KCQG + KCĐP; records without a source are in it too).
        var year = fixture.Records.Where(r => r.Date.Year == 2025).ToList();
        Assert.Contains("Kinh phí hỗ trợ (mọi hoạt động): " + VnFormat.Money(year.Sum(r => r.FundingVnd)), answer);
    }

    [Fact]
    public async Task Distinct_facilities_by_quarter_say_a_facility_counts_in_each_quarter()
    {
        var answer = await Bot.Say("số cơ sở được hỗ trợ năm 2025 theo quý", NewUser());
        var sum = fixture.Records.Where(r => r.Date.Year == 2025 && r.FacilityId is not null)
            .GroupBy(r => (r.Date.Month - 1) / 3).Sum(g => g.Select(r => r.FacilityId).Distinct().Count());
        var whole = fixture.Records.Where(r => r.Date.Year == 2025 && r.FacilityId is not null).Select(r => r.FacilityId).Distinct().Count();
        Assert.True(sum > whole);
        Assert.Contains($"được đếm ở mỗi quý, nên cộng các dòng ({VnFormat.Number(sum)})", answer);
    }

    [Fact]
    public async Task A_count_by_source_says_a_record_of_both_sources_counts_in_both_rows_and_money_does_not()
    {
        var booths = await Bot.Say("gian hàng năm 2025 theo nguồn kinh phí", NewUser());
        Assert.Contains("Chia theo nguồn kinh phí", booths);
        Assert.Contains("được tính ở cả hai dòng", booths);
        var money = await Bot.Say("kinh phí năm 2025 theo nguồn", NewUser());
        Assert.DoesNotContain("được tính ở cả hai dòng", money);
    }
}
