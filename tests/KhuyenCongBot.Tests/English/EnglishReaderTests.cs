using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// An English reader (the outside tester's finding 9, issue 13): examples that are English and answered, amounts and counts typed the
/// English way, English words not "corrected", an amount asked after an average, the ranking's chart, the form's texts.
/// </summary>
public sealed class EnglishReaderTests(ITestOutputHelper output)
{
    private static BotHarness Bot(Action<IServiceCollection>? configure = null)
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, configure: configure);
        bot.AddUser("a", Role.Admin);
        bot.AddUser("m", Role.Manager);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text, string user = "m", string language = "en")
    {
        var reply = await bot.Say(text, user, language);
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    private static async Task<string> Press(BotHarness bot, string data, string language = "en") =>
        string.Join("\n", (await bot.Send(new Core.Messaging.Incoming { Channel = "terminal", ChatId = "m", UserId = "m", ButtonData = data, LanguageCode = language }))
            .Select(r => r.Text));

    [Theory]
    [InlineData("how many chickens in 2025")]
    [InlineData("booths in 2025 compared with chickens")]
    [InlineData("how many workers in 2024")]
    [InlineData("hello")]
    public async Task Replies_without_a_figure_suggest_English_examples_to_an_English_reader(string text)
    {
        using var bot = Bot();
        var reply = await Say(bot, text);
        foreach (var example in FiguresModule.ExamplesIn(TestTexts.Seeds, true))
        {
            Assert.Contains(example, reply);
        }
        Assert.DoesNotContain(FiguresModule.ExamplesIn(TestTexts.Seeds, false)[0], reply);
        Assert.DoesNotContain("bao nhiêu", reply);
    }

    [Fact]
    public async Task A_Vietnamese_reader_still_gets_the_Vietnamese_examples()
    {
        using var bot = Bot();
        var reply = await Say(bot, "bao nhiêu con gà năm 2025", language: "vi");
        Assert.Contains(FiguresModule.ExamplesIn(TestTexts.Seeds, false)[0], reply);
        Assert.DoesNotContain(FiguresModule.ExamplesIn(TestTexts.Seeds, true)[0], reply);
    }

    [Fact]
    public async Task Each_English_example_is_answered_with_a_figure_typed_or_pressed()
    {
        using var bot = Bot();
        foreach (var example in FiguresModule.ExamplesIn(TestTexts.Seeds, true))
        {
            var reply = await Say(bot, example);
            Assert.DoesNotContain("did not understand", reply);
            Assert.Matches(@"\d+(,\d{3})* booths|\d+(\.\d+)? (million|billion) VND", reply);
        }
        for (var i = 0; i < FiguresModule.ExamplesIn(TestTexts.Seeds, true).Count; i++)
        {
            await Say(bot, "how many chickens in 2025");
            var pressed = await Press(bot, "fq:ex:" + i);
            output.WriteLine(pressed);
            Assert.DoesNotContain("did not understand", pressed);
            Assert.Matches(@"\d+(,\d{3})* booths|\d+(\.\d+)? (million|billion) VND", pressed);
        }
    }

    [Theory]
    [InlineData("booths in 2025 compared with plan")]
    [InlineData("booths in 2025 compared to plan")]
    [InlineData("booths in 2025 vs plan")]
    public async Task Compared_with_plan_is_read_as_the_plan_comparison(string text)
    {
        using var bot = Bot();
        var reply = await Say(bot, text);
        Assert.DoesNotContain("did not understand", reply);
        Assert.Contains("1,300 booths", reply);
        Assert.Contains("Against the 2025 plan (1,448 booths): 89.8% achieved.", reply);
    }

    [Theory]
    [InlineData("which projects are late", "behind schedule")]
    [InlineData("disbursement rate", "88.1%")]
    public async Task English_words_are_not_read_as_typos_of_other_words(string text, string answer)
    {
        using var bot = Bot();
        var reply = await Say(bot, text);
        Assert.Contains(answer, reply);
        Assert.DoesNotContain("Read \"", reply);
    }

    [Fact]
    public async Task The_projects_examples_shown_to_an_English_reader_are_English_and_each_is_answered()
    {
        using var bot = Bot();
        // A shape of project question not answered yet (a ranking by province is answered since h-figures).
        var reply = await Say(bot, "giải ngân năm 2025 theo quý");
        var examples = Regex.Matches(reply, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["disbursement rate Ha Noi", "disbursement 2025 Phu Tho", "how many projects not yet accepted in Ha Noi"], examples);
        foreach (var example in examples)
        {
            var answer = await Say(bot, example);
            Assert.DoesNotContain("did not understand", answer);
            Assert.DoesNotContain("does not yet", answer);
            Assert.Matches(@"\d", answer);
        }
        var rate = await Say(bot, "disbursement rate");
        Assert.Contains("Disbursement of the 48 projects of all provinces as at 26/11/2026", rate);
        Assert.DoesNotContain("provinces's", rate);
    }

    [Fact]
    public async Task How_much_a_province_got_after_an_average_is_its_amount_not_the_average_again()
    {
        using var bot = Bot();
        var average = await Say(bot, "funding per facility on average in 2025");
        Assert.Contains("per facility: 141.31 million VND", average);
        Assert.DoesNotContain("per facilities", average);
        var got = await Say(bot, "how much did Vinh Phuc get in 2024");
        Assert.Contains("Funding (all activities): 5.61 billion VND", got);
        Assert.DoesNotContain("Average", got);
        // Only a place and a year: still a follow-up of the average.
        await Say(bot, "funding per facility on average in 2025");
        var follow = await Say(bot, "Vinh Phuc 2024");
        Assert.Contains("per facility: 243.76 million VND (= 5.61 billion VND / 23 facilities)", follow);
    }

    [Fact]
    public async Task The_Vietnamese_amount_question_after_an_average_is_its_amount_too()
    {
        using var bot = Bot();
        var average = await Say(bot, "kinh phí bình quân mỗi cơ sở 2025", language: "vi");
        Assert.Contains("bình quân mỗi cơ sở: 141,31 triệu đồng", average);
        var got = await Say(bot, "vĩnh phúc năm 2024 được bao nhiêu", language: "vi");
        Assert.Contains("5,61 tỷ đồng", got);
        Assert.DoesNotContain("bình quân", got);
        await Say(bot, "kinh phí bình quân mỗi cơ sở 2025", language: "vi");
        Assert.Contains("bình quân mỗi cơ sở: 243,76 triệu đồng", await Say(bot, "còn vĩnh phúc năm 2024 thì sao", language: "vi"));
    }

    [Theory]
    [InlineData("en", "which province has the most booths in 2025", 4, "all provinces, top 4")]
    [InlineData("vi", "tỉnh nào nhiều gian hàng nhất năm 2025", 4, "cả nước, 4 cao nhất")]
    [InlineData("en", "top 5 provinces by booths in 2025", 5, "all provinces, top 5")]
    public async Task The_chart_after_a_ranking_shows_the_rows_its_text_names_and_says_so(string language, string question, int rows, string scope)
    {
        var charts = new RecordingCharts();
        using var bot = Bot(s => s.AddSingleton<IChartRenderer>(charts));
        var text = await Say(bot, question, language: language);
        var chart = await Press(bot, "fq:chart", language);
        output.WriteLine(chart);
        var (title, points) = Assert.Single(charts.Drawn);
        Assert.Equal(rows, points.Count);
        Assert.Contains(scope, title);
        Assert.Contains(scope, chart);
        foreach (var p in points)
        {
            Assert.Contains(p.Label, text);
        }
    }

    [Fact]
    public async Task The_form_reads_counts_and_amounts_typed_the_English_way_and_speaks_English()
    {
        using var bot = Bot();
        async Task<string> Officer(string text) => await Say(bot, text, "pt");
        await Officer("/log trade fair");
        await Officer("no");
        await Officer("Thanh Lang");
        await Officer("1");
        await Officer("Autumn Fair 2026");
        Assert.Contains("✓ Number of booths: 2 booths", await Officer("two booths"));
        var money = await Officer("10/11");
        Assert.Contains("e.g. 120 million, 1.5 billion, 45,000,000", money);
        Assert.DoesNotContain("tỷ", money);
        Assert.Contains("✓ Extension funding: 12,500,000 VND (12.5 million VND)", await Officer("12.5 million"));
        await Officer("kcdp");
        await Officer("actual");
        var review = await Officer("skip");
        Assert.Contains("Number of booths: 2 booths", review);
        var saved = await Officer("save");
        var id = Regex.Match(saved, @"record (\d+)").Groups[1].Value;
        var card = await Officer("/edit " + id);
        Assert.StartsWith($"Record {id} – Trade fairs and exhibitions", card);
    }

    private sealed class RecordingCharts : IChartRenderer
    {
        public List<(string Title, IReadOnlyList<ChartPoint> Points)> Drawn { get; } = [];

        public byte[] Bars(string title, string valueLabel, IReadOnlyList<ChartPoint> points, ChartWords? words = null)
        {
            Drawn.Add((title, points));
            return [1];
        }

        public byte[] Progress(string title, IReadOnlyList<(string Label, double Achieved, double Target)> items, string valueLabel = "", ChartWords? words = null)
        {
            Drawn.Add((title, items.Select(i => new ChartPoint(i.Label, i.Achieved)).ToList()));
            return [1];
        }
    }
}
