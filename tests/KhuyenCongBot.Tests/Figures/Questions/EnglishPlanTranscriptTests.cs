using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>/plan (/kehoach) for an English reader: the listing, its usage and its refusals in English with English numbers.</summary>
public sealed class EnglishPlanTranscriptTests(ITestOutputHelper output)
{
    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("a", Role.Admin);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        return bot;
    }

    /// <summary>The reply without the province names (proper nouns keep their marks) and the Vietnamese metric words the usage quotes.</summary>
    private static string Plain(BotHarness bot, string reply) =>
        bot.Catalogue.Provinces.SelectMany(p => new[] { p.Name, p.ShortName }).Where(x => x.Length > 0).OrderByDescending(x => x.Length)
            .Aggregate(reply, (text, name) => text.Replace(name, "P", StringComparison.Ordinal));

    [Fact]
    public async Task An_English_admin_reads_the_year_plans_in_English_with_English_numbers()
    {
        using var bot = Bot();
        var reply = await bot.Say("/plan 2024", "a", "en");
        output.WriteLine(reply);
        Assert.StartsWith("Plans for 2024 (all provinces):", reply);
        Assert.Contains(": total ", reply);
        Assert.Contains("billion VND", reply);
        var plain = Plain(bot, reply);
        Assert.DoesNotMatch(@"[à-ỹÀ-Ỹđ]", plain);
        Assert.DoesNotMatch(@"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)", plain);
    }

    [Theory]
    [InlineData("/plan 2026 Bắc Ninh", "pt", "outside your scope")]
    [InlineData("/plan 2026 Phú Thọ gian hàng 150", "pt", "Only admins may set plans")]
    [InlineData("/plan 20x6", "a", "Not a valid year")]
    [InlineData("/plan 2026 Vĩnh Phúc gian hàng 50", "a", "merged into Phú Thọ")]
    [InlineData("/plan 2026 Phú Thọ trade_fair.booths abc", "a", "is not valid")]
    public async Task Its_refusals_are_in_English(string command, string user, string expected)
    {
        using var bot = Bot();
        var reply = await bot.Say(command, user, "en");
        output.WriteLine(reply);
        Assert.Contains(expected, reply);
        Assert.DoesNotContain("kế hoạch", reply);
    }

    [Fact]
    public async Task The_Vietnamese_listing_is_unchanged()
    {
        using var bot = Bot();
        var reply = await bot.Say("/kehoach 2024", "pt");
        output.WriteLine(reply);
        Assert.StartsWith("Kế hoạch năm 2024 (Phú Thọ):\n• ", reply);
        Assert.Contains(" tỷ đồng", reply);
    }
}
