using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Kinds;

/// <summary>
/// A facility's history is given only for the facility the name surely means: an outside tester asked for "Công ty ABC" and got
/// the history of "Công ty CP Chạm bạc Đồng Xâm", and "HTX chè Hoàng Long" answered for "HTX chè Long Cốc", with figures.
/// </summary>
public class FacilityHistorySureTests(DemoBotFixture fixture) : IClassFixture<DemoBotFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private BotHarness Bot => fixture.Bot;

    private string NewUser()
    {
        var id = "h" + Guid.NewGuid().ToString("N")[..8];
        Bot.AddUser(id, Role.Manager);
        return id;
    }

    private Dictionary<long, List<SupportRecord>> ByFacility() =>
        fixture.Records.Where(r => r.FacilityId is not null && r.Date <= Today).GroupBy(r => r.FacilityId!.Value).ToDictionary(g => g.Key, g => g.ToList());

    [Theory]
    [InlineData("Công ty ABC đã được hỗ trợ những gì")]
    [InlineData("Hộ kinh doanh Nguyễn Văn A đã được hỗ trợ những gì")]
    [InlineData("lịch sử hỗ trợ HTX chè Hoàng Long")]
    [InlineData("lịch sử hỗ trợ HTX chè")]
    public async Task A_name_that_is_only_close_or_fits_several_gets_no_history(string question)
    {
        var answer = await Bot.Say(question, NewUser());
        Assert.DoesNotContain("Hỗ trợ đã nhận của", answer);
        Assert.DoesNotContain("lần hỗ trợ, kinh phí", answer);
        Assert.True(answer.Contains("Không có cơ sở nào tên đúng là", StringComparison.Ordinal) || answer.Contains("Không tìm thấy cơ sở", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task A_real_name_with_its_last_word_changed_gets_no_history()
    {
        var byFacility = ByFacility();
        var facility = Bot.Store.Facilities.All().Where(f => byFacility.ContainsKey(f.Id) && f.Name.Split(' ').Length >= 4).OrderBy(f => f.Id).First();
        var words = facility.Name.Split(' ');
        var changed = string.Join(' ', words[..^1]) + " Xuân";
        var answer = await Bot.Say(changed + " đã được hỗ trợ những gì", NewUser());
        Assert.DoesNotContain("Hỗ trợ đã nhận của", answer);
    }

    [Fact]
    public async Task The_exact_name_typed_without_diacritics_gets_the_history_whose_bracket_adds_up()
    {
        var byFacility = ByFacility();
        var all = Bot.Store.Facilities.All().ToList();
        // A facility whose folded name no other facility shares, with records paid by both KCQG and KCĐP and with counterpart money.
        var facility = all.Where(f => byFacility.TryGetValue(f.Id, out var l) && l.Count >= 2
                && l.Any(r => r.Split is { Counterpart: > 0 }) && l.Any(r => r.Split is { Kcqg: > 0 })
                && all.Count(o => VnText.FoldWords(o.Name) == VnText.FoldWords(f.Name)) == 1)
            .OrderByDescending(f => byFacility[f.Id].Count).ThenBy(f => f.Id).FirstOrDefault()
            ?? all.Where(f => byFacility.TryGetValue(f.Id, out var l) && l.Count >= 2 && all.Count(o => VnText.FoldWords(o.Name) == VnText.FoldWords(f.Name)) == 1)
                .OrderBy(f => f.Id).First();
        var records = byFacility[facility.Id];
        var answer = await Bot.Say(VnText.FoldWords(facility.Name) + " da duoc ho tro nhung gi", NewUser());
        Assert.Contains("Hỗ trợ đã nhận của " + facility.Name, answer);
        var funding = records.Sum(r => r.FundingVnd);
        Assert.Contains($"Tổng: {VnFormat.Number(records.Count)} lần hỗ trợ, kinh phí {VnFormat.Money(funding)}", answer);
        var counterpart = records.Sum(r => r.Split?.Counterpart ?? 0);
        if (counterpart > 0)
        {
            // The counterpart money is the facility's own: after the support, never inside its bracket.
            var totalLine = answer.Split('\n').Single(l => l.StartsWith("Tổng:", StringComparison.Ordinal));
            var bracket = totalLine.Contains('(') ? totalLine[totalLine.IndexOf('(')..(totalLine.IndexOf(')') + 1)] : "";
            Assert.DoesNotContain(FundingSources.Label(KhuyenCongBot.Tests.Support.TestTexts.Seeds, FundingSource.Counterpart), bracket);
            Assert.Contains("; " + FundingSources.Label(KhuyenCongBot.Tests.Support.TestTexts.Seeds, FundingSource.Counterpart) + " " + VnFormat.Money(counterpart), totalLine);
        }
    }
}
