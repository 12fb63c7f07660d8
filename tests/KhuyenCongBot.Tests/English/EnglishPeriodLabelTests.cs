using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// An English reader sees periods named in English (issue 16): the figures' answers, the report and its workbook, the projects'
/// answers, whatever words the period was asked with ("Q1 2025", "6 thang dau nam 2024"); a Vietnamese reader's as they were.
/// </summary>
public sealed partial class EnglishPeriodLabelTests(ITestOutputHelper output)
{
    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text, string language = "en")
    {
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "m", UserId = "m", Text = text, LanguageCode = language });
        var reply = string.Join("\n", replies.Select(r => r.Text));
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>The words of a Vietnamese period label: "năm", "quý", "tháng", "tuần", "đến nay", "lũy kế", "giai đoạn", "hôm qua"…</summary>
    [GeneratedRegex(@"\b(năm|quý|tháng|tuần|ngày|hôm|từ đầu|đến nay|đến hết|lũy kế|giai đoạn|tính đến|trước đến nay|mọi số liệu)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VietnamesePeriodWords();

    /// <summary>No Vietnamese period word outside the listed items' lines ("• KC-2025-24 – Đào tạo nghề … năm 2026": a project's name).</summary>
    private static void NoVietnamesePeriod(string reply) =>
        Assert.DoesNotMatch(VietnamesePeriodWords(), string.Join("\n", reply.Split('\n').Where(l => !l.StartsWith("• ", StringComparison.Ordinal))));

    [Theory]
    [InlineData("booths in Q1 2025", "Q1 2025")]
    [InlineData("booths in quy 1 nam 2025", "Q1 2025")]
    [InlineData("booths 6 thang dau nam 2024", "first 6 months of 2024")]
    [InlineData("booths this month", "November 2026 so far")]
    [InlineData("booths tu thang 7 den nay", "from July 2026 to date (01/07–26/11/2026)")]
    [InlineData("funding lũy kế đến hết quý 3 năm 2025", "cumulative from the start of 2025 to the end of Q3 2025")]
    [InlineData("booths in Q4 2026 compared with the same period last year", "Q4 2026 so far")]
    [InlineData("booths in Q3 2025 compared with Q3 2024", "Q3 2024")]
    public async Task A_figure_names_its_period_in_English(string question, string label)
    {
        using var bot = Bot();
        var reply = await Say(bot, question);
        Assert.Contains(label, reply);
        NoVietnamesePeriod(reply);
    }

    [Fact]
    public async Task The_report_and_its_workbook_name_the_period_in_English()
    {
        using var bot = Bot();
        var report = await Say(bot, "/baocao 6 thang dau nam 2024");
        Assert.Contains("first 6 months of 2024", report);
        NoVietnamesePeriod(report);
        var workbook = await Say(bot, "/baocao 6 thang dau nam 2024 excel");
        Assert.Contains("Report workbook: first 6 months of 2024", workbook);
        NoVietnamesePeriod(workbook);
        var quarters = await Say(bot, "/report quy 1 den quy 3 nam 2025 excel");
        Assert.Contains("Report workbook: Q1–Q3 2025", quarters);
        NoVietnamesePeriod(quarters);
    }

    [Fact]
    public async Task The_report_workbook_for_a_Vietnamese_reader_is_named_as_it_was()
    {
        using var bot = Bot();
        var workbook = await Say(bot, "/baocao 6 tháng đầu năm 2024 excel", "vi");
        Assert.Contains("6 tháng đầu năm 2024", workbook);
    }

    [Theory]
    [InlineData("disbursement 2025 Phu Tho", "2025")]
    [InlineData("von doi ung cac de an nam 2025", "approved in 2025")]
    [InlineData("de an nao da nghiem thu trong 6 thang dau nam 2026", "first 6 months of 2026")]
    [InlineData("giai ngan theo tinh 6 thang dau nam 2025", "first 6 months of 2025")]
    [InlineData("projects approved in 2027", "(2027) has not started yet")]
    public async Task A_project_answer_names_its_period_in_English(string question, string label)
    {
        using var bot = Bot();
        var reply = await Say(bot, question);
        Assert.Contains(label, reply);
        NoVietnamesePeriod(reply);
    }
}
