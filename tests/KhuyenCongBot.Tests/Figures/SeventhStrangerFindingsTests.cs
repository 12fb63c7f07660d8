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

    [Theory]
    [InlineData("đào tạo nghề cho bao nhiêu lao động nông thôn 2025", "số học viên đào tạo nghề năm 2025")]
    [InlineData("bao nhiêu lao động được đào tạo nghề năm 2025", "số học viên đào tạo nghề năm 2025")]
    [InlineData("kinh fi KCDP năm 2025", "kinh phí KCĐP năm 2025")]
    [InlineData("kinh phí 2025 bao nhiêu tỉ", "kinh phí 2025")]
    [InlineData("lũy kế gian hàng từ đầu năm", "gian hàng từ đầu năm")]
    [InlineData("lũy kế gian hàng đến tháng 9/2025", "gian hàng lũy kế đến tháng 9 năm 2025")]
    public async Task Everyday_wordings_give_the_same_figure_as_the_plain_question(string typed, string plain)
    {
        var (bot, reply) = await Ask(typed);
        using var _ = bot;
        var (other, expected) = await Ask(plain);
        using var __ = other;
        Assert.DoesNotContain("chưa hiểu", reply);
        Assert.DoesNotContain("không có số liệu", reply);
        // The figure's line (a note in brackets may come first, saying how a word was read).
        static string Figure(string text) => text.Split('\n').First(l => !l.StartsWith('('));
        Assert.Equal(Figure(expected), Figure(reply));
    }

    [Theory]
    [InlineData("trung bình mỗi tháng bao nhiêu gian hàng năm 2025")]
    [InlineData("gian hang trung binh moi tinh 2025")]
    public async Task Averages_per_month_or_province_are_refused_saying_which_averages_the_bot_gives(string question)
    {
        var (bot, reply) = await Ask(question);
        using var _ = bot;
        Assert.Contains("bình quân mỗi cơ sở, mỗi gian hàng", reply);
        Assert.DoesNotContain("Số gian hàng –", reply);
        Assert.DoesNotContain("chưa hiểu \"2025\"", reply);
    }

    [Theory]
    [InlineData("binh quan gian hang moi co so hoi cho 2025", false)]
    [InlineData("binh quan kinh phi moi co so may moc 2025", false)]
    [InlineData("kinh phí bình quân mỗi cơ sở năm 2025", true)]
    public async Task The_note_about_support_tied_to_no_facility_is_only_under_every_activitys_total(string question, bool note)
    {
        var (bot, reply) = await Ask(question);
        using var _ = bot;
        Assert.Contains("Mỗi cơ sở tính một lần", reply);
        Assert.Equal(note, reply.Contains("thông tin, tuyên truyền", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("giải ngân 2025", "giải ngân năm 2025")]
    [InlineData("tinh hinh giai ngan 2025", "giải ngân năm 2025")]
    [InlineData("tien do giai ngan 2026", "giải ngân năm 2026")]
    public async Task Disbursement_with_a_bare_year_is_the_projects_disbursement(string typed, string plain)
    {
        // An eighth tester: "giải ngân 2025" gave "Kinh phí hỗ trợ (mọi hoạt động): 103,16 tỷ đồng", 22 times the disbursement.
        var (bot, reply) = await Ask(typed);
        using var _ = bot;
        var (other, expected) = await Ask(plain);
        using var __ = other;
        Assert.DoesNotContain("Kinh phí hỗ trợ (mọi hoạt động)", reply);
        Assert.Contains("đề án", reply);
        Assert.Equal(expected.Split('\n')[0], reply.Split('\n')[0]);
    }
}
