using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// Issue 13, never confidently wrong (h-figures): "năm nay", "quý này" (and "năm 2026" asked in 2026) count up to today, records
/// dated later in the period are said and not counted, "so với cùng kỳ" compares the same dates a year earlier; a breakdown's
/// months after today are "— (chưa đến)" in the text, the chart (no bar) and the workbook, while a past month with nothing stays 0.
/// Every figure is checked against LINQ over the demo records.
/// </summary>
public sealed class RunningPeriodTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private async Task<string> Say(BotHarness bot, string text)
    {
        var reply = await bot.Say(text, "a");
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        return bot;
    }

    /// <summary>Two fairs entered ahead as estimates (a fair on 30/11 and one on 05/12), in Bắc Ninh.</summary>
    private static void AddLaterFairs(BotHarness bot)
    {
        foreach (var (date, booths) in new[] { (new DateOnly(2026, 11, 30), 7), (new DateOnly(2026, 12, 5), 9) })
        {
            bot.Store.Records.Add(new SupportRecord
            {
                ActivityId = "trade_fair", Date = date, ProvinceId = "bac-ninh", Booths = booths, FundingVnd = 20_000_000,
                Status = RecordStatus.Estimate, CreatedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)), Source = "test",
            });
        }
    }

    private static long Booths(BotHarness bot, DateOnly from, DateOnly to) =>
        bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= from && r.Date <= to).Sum(r => (long)r.Booths);

    [Theory]
    [InlineData("gian hàng năm nay", 1)]
    [InlineData("gian hang nam 2026", 1)]
    [InlineData("bao nhiêu gian hàng quý này", 10)]
    public async Task A_running_period_counts_up_to_today_and_says_the_later_records_are_not_counted(string question, int fromMonth)
    {
        using var bot = Bot();
        AddLaterFairs(bot);
        var from = new DateOnly(2026, fromMonth, 1);
        var reply = await Say(bot, question);
        Assert.Contains($": {VnFormat.Number(Booths(bot, from, Today))} gian hàng", reply);
        Assert.Contains($"({VnFormat.Date(from)} – 26/11/2026)", reply);
        var later = bot.Store.Records.All().Count(r => r.ActivityId == "trade_fair" && r.Date > Today && r.Date.Year == 2026);
        Assert.Equal(2, later);
        Assert.Contains($"({later} bản ghi ghi ngày sau hôm nay, từ 27/11/2026 đến 31/12/2026, không tính vào số trên: số trên tính đến hôm nay 26/11/2026.)", reply);
    }

    [Fact]
    public async Task The_same_period_last_year_is_the_same_dates_and_a_past_year_has_no_later_line()
    {
        using var bot = Bot();
        AddLaterFairs(bot);
        var reply = await Say(bot, "gian hàng năm nay so với cùng kỳ");
        var (now, before) = (Booths(bot, new DateOnly(2026, 1, 1), Today), Booths(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 11, 26)));
        Assert.Contains($": {VnFormat.Number(now)} gian hàng", reply);
        Assert.Contains($"({VnFormat.Number(before)} gian hàng (chính thức), 01/01/2025 – 26/11/2025)", reply);
        var past = await Say(bot, "gian hàng năm 2025");
        Assert.Contains($": {VnFormat.Number(Booths(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)))} gian hàng", past);
        Assert.DoesNotContain("sau hôm nay", past);
    }

    [Fact]
    public async Task Months_after_today_are_not_yet_come_and_a_past_empty_month_stays_zero()
    {
        using var bot = Bot();
        AddLaterFairs(bot);
        var reply = await Say(bot, "gian hàng năm nay theo tháng");
        for (var m = 1; m <= 11; m++)
        {
            var first = new DateOnly(2026, m, 1);
            var last = m == 11 ? Today : first.AddMonths(1).AddDays(-1);
            var value = Booths(bot, first, last);
            Assert.Contains($"• Tháng {m}/2026: {VnFormat.Number(value)} gian hàng", reply);
        }
        Assert.Equal(0, Booths(bot, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        Assert.Contains("• Tháng 10/2026: 0 gian hàng", reply);
        Assert.Contains("• Tháng 12/2026: — (chưa đến)", reply);
        Assert.DoesNotContain("Tháng 12/2026: 0", reply);

        var quarters = await Say(bot, "gian hàng năm nay theo quý");
        Assert.Contains($"• Quý IV/2026: {VnFormat.Number(Booths(bot, new DateOnly(2026, 10, 1), Today))} gian hàng", quarters);

        // "the month with the fewest" is a month that has come.
        var fewest = await Say(bot, "tháng nào ít gian hàng nhất năm nay");
        Assert.DoesNotContain("Tháng 12/2026", fewest);
    }

    [Fact]
    public async Task The_workbook_and_the_chart_show_months_after_today_without_a_value()
    {
        using var bot = Bot();
        bot.AddUser("m", Role.Manager);
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "m", UserId = "m", Text = "gian hàng năm nay theo tháng excel", LanguageCode = "vi" });
        var file = Assert.Single(replies, r => r.Attachment is not null).Attachment!.Content;
        using var stream = new MemoryStream(file);
        var rows = stream.Query(useHeaderRow: false, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        var december = Assert.Single(rows, r => r[0].EndsWith("Tháng 12/2026", StringComparison.Ordinal));
        Assert.Equal("— (chưa đến)", december[1]);
        var october = Assert.Single(rows, r => r[0].EndsWith("Tháng 10/2026", StringComparison.Ordinal));
        Assert.Equal("0", october[1]);

        // The chart's points: December has no value (no bar) and says so under it; October's 0 is a bar.
        var chart = new PointsChart();
        var texts = bot.Services.GetRequiredService<UserTexts>();
        var scopes = new ScopeResolver(bot.Catalogue, texts);
        var answerer = new FigureAnswerer(bot.Services.GetRequiredService<IFigureSource>(), bot.Store, bot.Catalogue, scopes, texts);
        var outputs = new FigureOutputs(answerer, scopes, bot.Catalogue, chart, null);
        var q = new Question
        {
            ActivityId = "trade_fair", Measure = Measures.Booths, From = new DateOnly(2026, 1, 1), To = new DateOnly(2026, 12, 31),
            PeriodLabel = Period.Of(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Label, Breakdown = BreakdownBy.Month, Output = OutputKind.Chart,
        };
        outputs.Chart(RunningPeriod.Clip(texts, q, Today), english: false);
        Assert.Equal(12, chart.Points.Count);
        Assert.True(double.IsNaN(chart.Points[11].Value));
        Assert.Equal("Tháng 12/2026 (chưa đến)", chart.Points[11].Label);
        Assert.Equal(0, chart.Points[9].Value);
    }

    private sealed class PointsChart : IChartRenderer
    {
        public IReadOnlyList<ChartPoint> Points { get; private set; } = [];

        public byte[] Bars(string title, string valueLabel, IReadOnlyList<ChartPoint> points, ChartWords? words = null)
        {
            Points = points;
            return new KhuyenCongBot.Outputs.ScottPlotChartRenderer().Bars(title, valueLabel, points, words);
        }

        public byte[] Progress(string title, IReadOnlyList<(string Label, double Achieved, double Target)> items, string valueLabel = "", ChartWords? words = null) => [];
    }
}
