using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Projects;

/// <summary>
/// "Giải ngân năm 2025" counts the year's projects (approved in 2025). A project approved in December 2024 that disbursed in 2025 was
/// in neither year's figure, with nothing said (outside tester: Hà Nội's KC-2024-21, 642 triệu, "chưa có đề án nào … trong kỳ").
/// The reply now says what earlier projects disbursed within the period, beside the figure (not in it).
/// </summary>
public sealed class EarlierProjectsDisbursementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("giải ngân năm 2025 ở Hà Nội", "ha-noi", 2025)]
    [InlineData("giải ngân năm 2025", null, 2025)]
    public async Task Money_earlier_projects_disbursed_within_the_year_is_said_beside_the_figure(string question, string? province, int year)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        output.WriteLine(reply);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        long Latest(KhuyenCongBot.Core.Projects.Project p, DateOnly on) =>
            p.Disbursements.Where(d => d.AsOf <= on).OrderBy(d => d.AsOf).ThenBy(d => d.At).Select(d => d.AmountVnd).LastOrDefault();
        var earlier = bot.Store.Projects.Read(KhuyenCongBot.Core.Projects.ProjectFilter.Everything)
            .Where(p => p.DecisionDate < from && (province is null || bot.Catalogue.CurrentOf(p.ProvinceId)?.Id == province))
            .Select(p => Latest(p, to) - Latest(p, from.AddDays(-1))).Where(d => d > 0).ToList();
        Assert.NotEmpty(earlier);
        Assert.Contains($"Ngoài ra, {earlier.Count} đề án phê duyệt trước 01/01/{year} đã giải ngân thêm {VnFormat.Number(earlier.Sum())} đồng", reply);
    }
}
