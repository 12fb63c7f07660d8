using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures;

/// <summary>
/// Issue 13 (h-compare): "tỉnh nào không có gian hàng năm 2025", "hoạt động nào chưa có kinh phí năm nay", "which provinces had no
/// booths in 2025" were refused (in English "did not understand 'no'"). The bot knows the provinces of the catalogue and the
/// activities: it lists those with nothing recorded, within the asker's scope, and says it counts only what was recorded. Checked
/// against LINQ over the demo records.
/// </summary>
public sealed class MissingQuestionTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private async Task<string> Say(BotHarness bot, string text, string user = "m", string language = "vi")
    {
        var reply = await bot.Say(text, user, language);
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>The present provinces with no booths in a year (a former province's records in the province it merged into).</summary>
    private static List<string> WithoutBooths(BotHarness bot, int year, Func<string, bool>? inScope = null)
    {
        var some = bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date.Year == year && r.Booths > 0)
            .Select(r => bot.Catalogue.CurrentOf(r.ProvinceId)!.Id).ToHashSet();
        return bot.Catalogue.CurrentProvinces.Where(p => (inScope ?? (_ => true))(p.Id) && !some.Contains(p.Id)).Select(p => p.ShortName).ToList();
    }

    [Fact]
    public async Task The_provinces_without_booths_are_listed_and_those_with_booths_are_not()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        // A province of the demo with booths in 2025 loses them: it must now be listed, by the records, not by a fixed list.
        foreach (var r in bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date.Year == 2025 && bot.Catalogue.CurrentOf(r.ProvinceId)!.Id == "lai-chau").ToList())
        {
            bot.Store.Records.Delete(r.Id);
        }
        var reply = await Say(bot, "tỉnh nào không có gian hàng năm 2025");
        var missing = WithoutBooths(bot, 2025);
        var total = bot.Catalogue.CurrentProvinces.Count();
        Assert.Contains("Lai Châu", missing);
        Assert.Contains($"{missing.Count}/{total} tỉnh, thành phố (cả nước) chưa có bản ghi Số gian hàng – Hội chợ, triển lãm, năm 2025", reply);
        Assert.Contains(string.Join(", ", missing.OrderBy(n => bot.Catalogue.CurrentProvinces.ToList().FindIndex(p => p.ShortName == n))), reply);
        foreach (var name in bot.Catalogue.CurrentProvinces.Select(p => p.ShortName).Except(missing))
        {
            Assert.DoesNotContain(name, reply.Split('\n')[0]);
        }
        Assert.Contains("không có nghĩa là không được hỗ trợ", reply);
        Assert.DoesNotContain("Bot không có số liệu này", reply);
    }

    [Fact]
    public async Task An_officer_is_answered_for_their_own_province_and_activities_without_funding_are_listed()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("o", Role.Officer, "phu-tho");
        bot.AddUser("m", Role.Manager);
        var own = await Say(bot, "tỉnh nào không có gian hàng năm 2025", "o");
        Assert.StartsWith("Phú Thọ đã có bản ghi Số gian hàng", own);
        Assert.DoesNotContain("Hà Nội", own);

        var activities = await Say(bot, "hoạt động nào chưa có kinh phí năm nay");
        var funded = bot.Store.Records.All().Where(r => r.Date >= new DateOnly(2026, 1, 1) && r.Date <= Today && r.FundingVnd > 0).Select(r => r.ActivityId).ToHashSet();
        var all = bot.Catalogue.Activities.Where(a => a.Measures.Contains(Core.Figures.Measures.Funding)).ToList();
        var none = all.Where(a => !funded.Contains(a.Id)).Select(a => a.ShortName).ToList();
        Assert.Contains(none.Count == 0 ? $"Cả {all.Count} hoạt động" : $"{none.Count}/{all.Count} hoạt động", activities);
        foreach (var name in none)
        {
            Assert.Contains(name, activities);
        }
    }

    [Fact]
    public async Task In_english_the_provinces_without_booths_are_listed_in_english()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await Say(bot, "which provinces had no booths in 2025", language: "en");
        var missing = WithoutBooths(bot, 2025);
        Assert.Contains($"{missing.Count} of {bot.Catalogue.CurrentProvinces.Count()} provinces", reply);
        Assert.DoesNotContain("did not understand", reply);
        Assert.DoesNotContain("chưa", reply);
        Assert.DoesNotContain("tỉnh", reply);
    }
}
