using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>An English-speaking officer's figures question through the real Telegram client: English words and English separators.</summary>
public sealed class EnglishFiguresTranscriptTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    [Fact]
    public async Task An_English_figures_answer_on_Telegram_writes_4_87_billion_VND_not_4_comma_87()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Demo = true;
            o.Today = new DateOnly(2026, 11, 26);
        });
        var records = bot.Services.GetRequiredService<IBotStore>().Records.All()
            .Where(r => r.ActivityId == "consulting" && r.Date >= new DateOnly(2024, 1, 1) && r.Date <= new DateOnly(2024, 6, 30)).ToList();
        var billions = Math.Round(records.Sum(r => r.RevenueVnd) / 1_000_000_000m, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

        var reply = TelegramBotFixture.Transcript(await bot.Say(Admin, "consulting revenue first half 2024 vs plan", "en"));

        Assert.Contains($"Revenue – Industrial development consulting: {billions} billion VND", reply);
        Assert.Contains("Period: first 6 months of 2024", reply);
        Assert.Matches(@"Against the 2024 plan \(\d+\.\d{1,2} billion VND\): \d+\.\d% achieved\.", reply);
        Assert.DoesNotMatch(@"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)", reply);
        Assert.DoesNotContain("tỷ đồng", reply);
    }
}
