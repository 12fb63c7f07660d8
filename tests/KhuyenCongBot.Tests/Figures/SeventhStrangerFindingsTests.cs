using System.Globalization;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures;

/// <summary>What a seventh outside tester found answered wrong on the demo data (26/11/2026).</summary>
public sealed class SeventhStrangerFindingsTests(ITestOutputHelper output)
{
    private async Task<(BotHarness Bot, string Reply)> Ask(string question)
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        output.WriteLine($"> {question}\n{reply}");
        return (bot, reply);
    }

    private static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    [Fact]
    public async Task Distinct_facilities_say_how_many_have_estimate_records_never_of_which_estimated()
    {
        // "55 cơ sở (trong đó 43 cơ sở ước thực hiện)" read as 12 official facilities; 29 had official records.
        var (bot, reply) = await Ask("số cơ sở được hỗ trợ năm 2024");
        using var _ = bot;
        var year = bot.Store.Records.All().Where(r => r.Date.Year == 2024 && r.FacilityId is not null).ToList();
        var all = year.Select(r => r.FacilityId).Distinct().Count();
        var withEstimate = year.Where(r => r.Status == RecordStatus.Estimate).Select(r => r.FacilityId).Distinct().Count();
        var withActual = year.Where(r => r.Status == RecordStatus.Actual).Select(r => r.FacilityId).Distinct().Count();
        Assert.True(withEstimate + withActual > all, "the demo year must have facilities with both kinds of record");
        Assert.Contains($"{N(all)} cơ sở ({N(withEstimate)} cơ sở có bản ghi ước thực hiện)", reply);
        Assert.DoesNotContain("trong đó", reply);
    }

    [Theory]
    [InlineData("bao nhiêu dự án khuyến công năm 2025")]
    [InlineData("co bao nhieu du an KCQG")]
    [InlineData("dự án nào chậm tiến độ")]
    public async Task Du_an_with_khuyen_cong_a_source_or_a_step_is_the_khuyen_cong_projects(string question)
    {
        // It gave "115 dự án" (the consulting activity's projects) for "dự án khuyến công", "0 dự án" for "dự án KCQG", and did not
        // understand "dự án nào chậm tiến độ".
        var (bot, reply) = await Ask(question);
        using var _ = bot;
        Assert.Contains("đề án", reply);
        Assert.DoesNotContain("Tư vấn", reply);
        Assert.DoesNotContain("chưa hiểu", reply);
    }

    [Theory]
    [InlineData("số dự án tư vấn 2025")]
    [InlineData("bao nhiêu dự án năm 2025")]
    public async Task Du_an_alone_or_with_tu_van_stays_the_consulting_projects_and_says_so(string question)
    {
        var (bot, reply) = await Ask(question);
        using var _ = bot;
        var consulting = bot.Store.Records.All().Count(r => r.ActivityId == "consulting" && r.Date.Year == 2025);
        Assert.Contains($"Số dự án – Tư vấn phát triển công nghiệp: {N(consulting)} dự án", reply);
    }

    [Fact]
    public async Task A_source_that_keeps_none_of_the_periods_records_is_not_called_no_records()
    {
        var (bot, reply) = await Ask("số dự án tư vấn nguồn KCQG năm 2025");
        using var _ = bot;
        Assert.Contains(bot.Store.Records.All(), r => r.ActivityId == "consulting" && r.Date.Year == 2025);
        Assert.DoesNotContain("Chưa có bản ghi Tư vấn", reply);
        Assert.Contains("không bản ghi nào khớp điều kiện bạn hỏi", reply);
    }

    [Fact]
    public async Task A_comparison_gives_the_change_in_per_cent_as_well_as_the_ratio()
    {
        var (bot, reply) = await Ask("gian hàng 2025 tăng bao nhiêu % so với 2024");
        using var _ = bot;
        int Booths(int year) => bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date.Year == year).Sum(r => r.Booths);
        var (now, before) = (Booths(2025), Booths(2024));
        var percent = Math.Round(100m * Math.Abs(now - before) / before, 1).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');
        Assert.Contains($"{(now < before ? "giảm" : "tăng")} {N(Math.Abs(now - before))} gian hàng ({(now < before ? "giảm" : "tăng")} {percent}%)", reply);
    }
}
