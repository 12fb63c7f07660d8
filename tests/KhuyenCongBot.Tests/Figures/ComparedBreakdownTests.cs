using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures;

/// <summary>
/// Issue 13 (h-compare): a comparison of two periods broken down by province, month, quarter or source gives both periods and the
/// difference on every row (it gave the national comparison, then the later year's rows alone); months are matched (January with
/// January); provinces are compared within their present borders and the answer says so. Every figure is checked against LINQ over
/// the demo records.
/// </summary>
public sealed class ComparedBreakdownTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text, string language = "vi")
    {
        var reply = await bot.Say(text, "m", language);
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>Booths of a year per present province (a former province's records in the province it merged into).</summary>
    private static Dictionary<string, long> BoothsByProvince(BotHarness bot, int year) =>
        bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date.Year == year)
            .GroupBy(r => bot.Catalogue.CurrentOf(r.ProvinceId)!.Id)
            .ToDictionary(g => g.Key, g => g.Sum(r => (long)r.Booths));

    private static long Booths(BotHarness bot, DateOnly from, DateOnly to) =>
        bot.Store.Records.All().Where(r => r.ActivityId == "trade_fair" && r.Date >= from && r.Date <= to).Sum(r => (long)r.Booths);

    private static string Change(long now, long before) =>
        now == before ? "không thay đổi" : now > before ? $"tăng {VnFormat.Number(now - before)} gian hàng" : $"giảm {VnFormat.Number(before - now)} gian hàng";

    [Theory]
    [InlineData("so sánh gian hàng năm 2024 và 2025 theo tỉnh")]
    [InlineData("so sánh gian hàng năm 2024 và năm 2025 theo tỉnh")]
    [InlineData("gian hàng năm 2025 so với năm 2024 theo tỉnh")]
    public async Task Every_province_row_has_both_years_and_the_difference(string question)
    {
        using var bot = Bot();
        var reply = await Say(bot, question);
        var (now, before) = (BoothsByProvince(bot, 2025), BoothsByProvince(bot, 2024));
        Assert.Contains("Chia theo tỉnh, thành phố, năm 2025 so với năm 2024:", reply);
        foreach (var id in now.Keys.Union(before.Keys))
        {
            var (a, b) = (now.GetValueOrDefault(id), before.GetValueOrDefault(id));
            var name = bot.Catalogue.Province(id)!.ShortName;
            var line = Assert.Single(reply.Split('\n'), l => l.StartsWith($"• {name}: ", StringComparison.Ordinal));
            Assert.StartsWith($"• {name}: {VnFormat.Number(a)} gian hàng", line);
            Assert.Contains($" – năm 2024: {VnFormat.Number(b)} gian hàng", line);
            Assert.EndsWith("→ " + Change(a, b), line);
        }
        // The rows add up to the two totals of the headline and the comparison line.
        Assert.Equal(Booths(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), now.Values.Sum());
        Assert.Contains($"{VnFormat.Number(now.Values.Sum())} gian hàng", reply.Split('\n')[0]);
        Assert.Contains($"({VnFormat.Number(before.Values.Sum())} gian hàng", reply);
        // 2024 is before the merger: Phú Thọ's 2024 is the same territory as its 2025, and the answer says so.
        var formers = string.Join(", ", bot.Catalogue.FormerUnitsOf("phu-tho").Select(f => f.ShortName));
        Assert.Contains($"Phú Thọ gồm cả {formers}", reply);
        Assert.Contains("cùng địa giới hiện nay ở cả hai kỳ", reply);
    }

    [Fact]
    public async Task Months_are_matched_january_with_january()
    {
        using var bot = Bot();
        var reply = await Say(bot, "so sánh gian hàng năm 2024 và năm 2025 theo tháng");
        for (var m = 1; m <= 12; m++)
        {
            var a = Booths(bot, new DateOnly(2025, m, 1), new DateOnly(2025, m, 1).AddMonths(1).AddDays(-1));
            var b = Booths(bot, new DateOnly(2024, m, 1), new DateOnly(2024, m, 1).AddMonths(1).AddDays(-1));
            var line = Assert.Single(reply.Split('\n'), l => l.StartsWith($"• Tháng {m}/2025: ", StringComparison.Ordinal));
            Assert.StartsWith($"• Tháng {m}/2025: {VnFormat.Number(a)} gian hàng", line);
            Assert.Contains($" – Tháng {m}/2024: {VnFormat.Number(b)} gian hàng", line);
            Assert.EndsWith("→ " + (b == 0 && a != 0 ? "kỳ so sánh chưa có bản ghi, không so sánh được" : Change(a, b)), line);
        }
    }

    [Fact]
    public async Task Quarters_and_sources_have_both_periods()
    {
        using var bot = Bot();
        var quarters = await Say(bot, "so sánh gian hàng năm 2024 và năm 2025 theo quý");
        string[] roman = ["I", "II", "III", "IV"];
        for (var q = 1; q <= 4; q++)
        {
            var (from25, from24) = (new DateOnly(2025, q * 3 - 2, 1), new DateOnly(2024, q * 3 - 2, 1));
            Assert.Contains($"• Quý {roman[q - 1]}/2025: {VnFormat.Number(Booths(bot, from25, from25.AddMonths(3).AddDays(-1)))} gian hàng", quarters);
            Assert.Contains($" – Quý {roman[q - 1]}/2024: {VnFormat.Number(Booths(bot, from24, from24.AddMonths(3).AddDays(-1)))} gian hàng", quarters);
        }
        var sources = await Say(bot, "so sánh kinh phí năm 2024 và năm 2025 theo nguồn");
        long Kcqg(int year) => bot.Store.Records.All().Where(r => r.Date.Year == year)
            .Sum(r => r.Split is { } split ? split[Core.Funding.FundingSource.Kcqg] : FundingSources.Of(r.FundingSource) == Core.Funding.FundingSource.Kcqg ? r.FundingVnd : 0);
        var kcqg = Assert.Single(sources.Split('\n'), l => l.StartsWith("• KCQG: ", StringComparison.Ordinal));
        Assert.StartsWith($"• KCQG: {NumberText.Vi.Money(Kcqg(2025))}", kcqg);
        Assert.Contains($" – năm 2024: {NumberText.Vi.Money(Kcqg(2024))}", kcqg);
        // The support first, the facility's counterpart money after its own line.
        var lines = sources.Split('\n').ToList();
        Assert.True(lines.FindIndex(l => l.StartsWith("• KCQG", StringComparison.Ordinal)) < lines.FindIndex(l => l.StartsWith("Ngoài kinh phí hỗ trợ", StringComparison.Ordinal)));
        Assert.True(lines.FindIndex(l => l.StartsWith("Ngoài kinh phí hỗ trợ", StringComparison.Ordinal)) < lines.FindIndex(l => l.StartsWith("• Vốn đối ứng", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task In_english_each_province_has_both_years()
    {
        using var bot = Bot();
        var reply = await Say(bot, "booths 2024 vs 2025 by province", "en");
        var (now, before) = (BoothsByProvince(bot, 2025), BoothsByProvince(bot, 2024));
        var line = Assert.Single(reply.Split('\n'), l => l.StartsWith("• Ninh Binh: ", StringComparison.Ordinal) || l.StartsWith("• Ninh Bình: ", StringComparison.Ordinal));
        Assert.Contains($": {NumberText.En.Number(now["ninh-binh"])} booths", line);
        Assert.Contains($" – 2024: {NumberText.En.Number(before["ninh-binh"])} booths", line);
        Assert.Contains("By province, 2025 against 2024:", reply);
    }

    [Fact]
    public async Task Two_years_named_without_a_second_nam_are_two_periods()
    {
        using var bot = Bot();
        var (y25, y24) = (Booths(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), Booths(bot, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        foreach (var question in new[] { "gian hàng năm 2024 và 2025", "gian hàng 2024 và năm 2025", "gian hang nam 2024 va 2025" })
        {
            var reply = await Say(bot, question);
            Assert.DoesNotContain("chưa hiểu", reply);
            Assert.StartsWith($"Số gian hàng – Hội chợ, triển lãm: {VnFormat.Number(y25)} gian hàng", reply);
            Assert.Contains($"So với cùng kỳ năm 2024 ({VnFormat.Number(y24)} gian hàng", reply);
        }
        var funding = await Say(bot, "kinh phí 2024 và 2025");
        Assert.DoesNotContain("chưa hiểu", funding);
        long Funding(int year) => bot.Store.Records.All().Where(r => r.Date.Year == year).Sum(r => r.FundingVnd);
        Assert.Contains(NumberText.Vi.Money(Funding(2025)), funding.Split('\n')[0]);
        Assert.Contains($"So với cùng kỳ năm 2024 ({NumberText.Vi.Money(Funding(2024))}", funding);
        // "quý 1 và quý 2 năm 2024" is still the two quarters' one period; "giai đoạn 2021 và 2025" is not a comparison.
        var quarters = await Say(bot, "gian hàng quý 1 và quý 2 năm 2024");
        Assert.StartsWith($"Số gian hàng – Hội chợ, triển lãm: {VnFormat.Number(Booths(bot, new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30)))} gian hàng", quarters);
        var compared = await Say(bot, "so sánh gian hàng quý 1 và quý 2 năm 2024");
        Assert.Contains($"So với quý I/2024 ({VnFormat.Number(Booths(bot, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31)))} gian hàng", compared);
    }

    [Fact]
    public async Task The_workbook_of_a_comparison_by_month_has_both_periods_the_difference_and_each_months_dates()
    {
        using var bot = Bot();
        await Say(bot, "so sánh gian hàng năm 2024 và năm 2025 theo tháng");
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "m", UserId = "m", Text = "xuất excel", LanguageCode = "vi" });
        var reply = Assert.Single(replies, r => r.Attachment is not null);
        output.WriteLine(reply.Text);
        Assert.Contains("năm 2025 so với năm 2024", reply.Text);
        using var stream = new MemoryStream(reply.Attachment!.Content);
        var rows = stream.Query(useHeaderRow: false, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        foreach (var row in rows)
        {
            output.WriteLine(string.Join(" | ", row));
        }
        Assert.Equal("Kỳ so sánh", rows[0][8]);
        Assert.Equal("Chênh lệch", rows[0][13]);
        var total = rows[1];
        var (y25, y24) = (Booths(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), Booths(bot, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)));
        Assert.Equal(y25.ToString(System.Globalization.CultureInfo.InvariantCulture), total[1]);
        Assert.Equal(y24.ToString(System.Globalization.CultureInfo.InvariantCulture), total[9]);
        Assert.Equal((y25 - y24).ToString(System.Globalization.CultureInfo.InvariantCulture), total[13]);
        for (var m = 1; m <= 12; m++)
        {
            var (first25, first24) = (new DateOnly(2025, m, 1), new DateOnly(2024, m, 1));
            var row = Assert.Single(rows, r => r[0].EndsWith($"Tháng {m}/2025", StringComparison.Ordinal));
            var (a, b) = (Booths(bot, first25, first25.AddMonths(1).AddDays(-1)), Booths(bot, first24, first24.AddMonths(1).AddDays(-1)));
            Assert.Equal(a.ToString(System.Globalization.CultureInfo.InvariantCulture), row[1]);
            Assert.Equal(VnFormat.Date(first25), row[5]);
            Assert.Equal(VnFormat.Date(first25.AddMonths(1).AddDays(-1)), row[6]);
            Assert.Equal($"Tháng {m}/2024", row[8]);
            Assert.Equal(b.ToString(System.Globalization.CultureInfo.InvariantCulture), row[9]);
            Assert.Equal(VnFormat.Date(first24), row[11]);
            Assert.Equal(VnFormat.Date(first24.AddMonths(1).AddDays(-1)), row[12]);
            Assert.Equal((a - b).ToString(System.Globalization.CultureInfo.InvariantCulture), row[13]);
        }
        // The month rows add up to the totals.
        Assert.Equal(y25, rows.Where(r => r[0].Contains("Tháng ", StringComparison.Ordinal)).Sum(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_breakdown_by_month_exported_dates_each_month_by_its_own_days()
    {
        using var bot = Bot();
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "m", UserId = "m", Text = "gian hàng năm 2025 theo tháng excel", LanguageCode = "vi" });
        using var stream = new MemoryStream(Assert.Single(replies, r => r.Attachment is not null).Attachment!.Content);
        var rows = stream.Query(useHeaderRow: false, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
        var march = Assert.Single(rows, r => r[0].EndsWith("Tháng 3/2025", StringComparison.Ordinal));
        Assert.Equal(("01/03/2025", "31/03/2025"), (march[5], march[6]));
    }

    [Fact]
    public async Task The_chart_of_a_comparison_draws_both_periods_in_pairs()
    {
        using var bot = Bot();
        var chart = new PairsChart();
        var texts = TestTexts.Seeds;
        var scopes = new ScopeResolver(bot.Catalogue, texts);
        var answerer = new FigureAnswerer(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IFigureSource>(bot.Services),
            bot.Store, bot.Catalogue, scopes, texts);
        var outputs = new FigureOutputs(answerer, scopes, bot.Catalogue, chart, null);
        var q = new Question
        {
            ActivityId = "trade_fair", Measure = Measures.Booths, From = new DateOnly(2025, 1, 1), To = new DateOnly(2025, 12, 31),
            PeriodLabel = Period.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).Label, CompareLastYear = true, CompareYear = 2024,
            Breakdown = BreakdownBy.Province, Output = OutputKind.Chart,
        };
        var reply = outputs.Chart(q, english: false);
        output.WriteLine(reply.Text);
        var (now, before) = (BoothsByProvince(bot, 2025), BoothsByProvince(bot, 2024));
        Assert.Equal(now.Keys.Union(before.Keys).Count(), chart.Items.Count);
        var ninhBinh = Assert.Single(chart.Items, i => i.Label == "Ninh Bình");
        Assert.Equal((now["ninh-binh"], before["ninh-binh"]), ((long)ninhBinh.Achieved, (long)ninhBinh.Target));
        Assert.Equal(("năm 2025", "năm 2024"), (chart.Words!.Achieved, chart.Words.Target));
        Assert.Contains("năm 2025 so với năm 2024", reply.Text);
    }

    private sealed class PairsChart : IChartRenderer
    {
        public IReadOnlyList<(string Label, double Achieved, double Target)> Items { get; private set; } = [];
        public ChartWords? Words { get; private set; }

        public byte[] Bars(string title, string valueLabel, IReadOnlyList<ChartPoint> points, ChartWords? words = null) => [];

        public byte[] Progress(string title, IReadOnlyList<(string Label, double Achieved, double Target)> items, string valueLabel = "", ChartWords? words = null)
        {
            (Items, Words) = (items, words);
            return new KhuyenCongBot.Outputs.ScottPlotChartRenderer().Progress(title, items, valueLabel, words);
        }
    }
}
