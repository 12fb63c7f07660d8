using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// Transcripts of issue 13: the previous question is reused only for a clear follow-up and only within
/// Figures:FollowUpMinutes, also across a restart (a new process on the same LiteDB file, the clock moved).
/// </summary>
public sealed class FollowUpAcrossRestartTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "followup-" + Guid.NewGuid().ToString("N"));
    private string Db => Path.Combine(_folder, "bot.db");

    public FollowUpAcrossRestartTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    private static int Booths(BotHarness bot, int year, params string[] units) => bot.Store.Records.All()
        .Where(r => r.ActivityId == "trade_fair" && r.Date.Year == year && units.Contains(r.ProvinceId)).Sum(r => r.Booths);

    private static string[] BacNinh(BotHarness bot) => bot.Catalogue.UnitsOf("bac-ninh").ToArray();

    [Fact]
    public async Task A_follow_up_after_a_restart_within_the_limit_keeps_the_province()
    {
        using (var first = BotHarness.Create(Today, demo: true, databasePath: Db))
        {
            first.AddUser("m", Role.Manager);
            Assert.Contains(Core.Text.VnFormat.Number(Booths(first, 2025, BacNinh(first))) + " gian hàng", await first.Say("gian hàng Bắc Ninh năm 2025", "m"));
        }
        using var second = BotHarness.Create(Today, demo: true, databasePath: Db);
        second.Time.Advance(TimeSpan.FromMinutes(10));
        var answer = await second.Say("còn năm 2024 thì sao", "m");
        Assert.Contains(Core.Text.VnFormat.Number(Booths(second, 2024, BacNinh(second))) + " gian hàng", answer);
        Assert.Contains("Bắc Ninh", answer);
    }

    [Fact]
    public async Task Next_morning_after_a_restart_the_old_province_is_not_reused()
    {
        using (var first = BotHarness.Create(Today, demo: true, databasePath: Db))
        {
            first.AddUser("m", Role.Manager);
            Assert.Contains("Bắc Ninh", await first.Say("gian hàng Bắc Ninh năm 2025", "m"));
        }
        using var second = BotHarness.Create(Today.AddDays(1), demo: true, databasePath: Db);
        var noMetric = await second.Say("năm 2024 thì sao", "m");
        Assert.Contains("Bạn muốn xem số liệu nào", noMetric);
        Assert.False(Paraphrase(noMetric), noMetric);

        var metricOnly = await second.Say("doanh thu bao nhiêu", "m");
        Assert.DoesNotContain("Bắc Ninh", metricOnly);
        Assert.DoesNotContain("câu trước", metricOnly);
        Assert.Contains("cả nước", metricOnly);
    }

    [Fact]
    public async Task The_limit_is_the_configured_number_of_minutes()
    {
        using var bot = BotHarness.Create(Today, demo: true, databasePath: Db, settings: new Dictionary<string, string?> { ["Figures:FollowUpMinutes"] = "5" });
        bot.AddUser("m", Role.Manager);
        await bot.Say("gian hàng Bắc Ninh năm 2025", "m");
        bot.Time.Advance(TimeSpan.FromMinutes(4));
        var fresh = await bot.Say("năm 2024 thì sao", "m");
        Assert.Contains(Core.Text.VnFormat.Number(Booths(bot, 2024, BacNinh(bot))) + " gian hàng", fresh);
        Assert.Contains("Tiếp câu hỏi trước", fresh);
        bot.Time.Advance(TimeSpan.FromMinutes(6));
        var stale = await bot.Say("còn năm 2023", "m");
        Assert.False(Paraphrase(stale), stale);
        Assert.Contains("Bạn muốn xem số liệu nào", stale);
    }

    [Fact]
    public async Task A_metric_only_follow_up_says_it_keeps_the_period_and_scope()
    {
        using var bot = BotHarness.Create(Today, demo: true, databasePath: Db);
        bot.AddUser("m", Role.Manager);
        await bot.Say("gian hàng Bắc Ninh năm 2024", "m");
        var answer = await bot.Say("doanh thu bao nhiêu", "m");
        var revenue = bot.Store.Records.All().Where(r => r.ActivityId == "consulting" && r.Date.Year == 2024 && BacNinh(bot).Contains(r.ProvinceId)).Sum(r => r.RevenueVnd);
        Assert.Contains("Giữ kỳ và phạm vi của câu trước: năm 2024, Bắc Ninh", answer);
        Assert.Contains(Core.Text.VnFormat.Money(revenue), answer);
    }

    [Fact]
    public async Task A_typo_right_after_a_consulting_question_is_read_and_said()
    {
        using var bot = BotHarness.Create(Today, demo: true, databasePath: Db);
        bot.AddUser("m", Role.Manager);
        await bot.Say("doanh thu tư vấn năm 2024", "m");
        var answer = await bot.Say("gian hnag tu dau nam", "m");
        Assert.Contains("Bot hiểu \"hnag\" là \"hang\"", answer);
        Assert.Contains("gian hàng", answer);
        Assert.DoesNotContain("Doanh thu", answer);
        var expected = bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= new DateOnly(2026, 1, 1) && r.Date <= Today).Sum(r => r.Booths);
        Assert.Contains(Core.Text.VnFormat.Number(expected) + " gian hàng", answer);
    }

    [Fact]
    public async Task A_legal_form_of_facilities_counts_only_those_facilities()
    {
        using var bot = BotHarness.Create(Today, demo: true, databasePath: Db);
        bot.AddUser("m", Role.Manager);
        var answer = await bot.Say("bao nhiêu htx được hỗ trợ năm 2025", "m");
        Assert.Contains("Chỉ tính cơ sở có loại hình hợp tác xã", answer);
        var cooperatives = bot.Store.Facilities.All().Where(f => f.LegalForm == "cooperative").Select(f => (long?)f.Id).ToHashSet();
        var facilities = bot.Store.Records.All().Where(r => r.Date.Year == 2025 && cooperatives.Contains(r.FacilityId)).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains(Core.Text.VnFormat.Number(facilities) + " cơ sở", answer);
    }

    private static bool Paraphrase(string reply) => ParaphraseExpectation.HasFigure(reply);
}
