using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// The form's question counter ("câu 7/13") is honest: each new question gets the next number, one number is never shown for two
/// questions, and the total does not grow as answers switch conditional questions on (a tester saw "câu 7/12" then "câu 7/13").
/// </summary>
public sealed partial class QuestionCounterTranscriptTests(ITestOutputHelper output)
{
    /// <summary>A machine with an investment (the counterpart question follows), funding from both sources (the KCQG part follows).</summary>
    private static readonly string[] Machinery =
        ["ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "900tr", "hôm nay", "300tr", "cả hai", "150tr", "500tr", "1", "bỏ qua", "bỏ qua", "bỏ qua"];

    /// <summary>The same form answered the other way: no investment, no funding (their follow-up questions drop out).</summary>
    private static readonly string[] MachineryWithoutMoney =
        ["ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "bỏ qua", "hôm nay", "bỏ qua", "1", "bỏ qua", "bỏ qua", "bỏ qua"];

    [Theory]
    [InlineData(nameof(Machinery))]
    [InlineData(nameof(MachineryWithoutMoney))]
    public async Task Each_new_question_gets_the_next_number_and_the_total_never_grows(string answers)
    {
        using var bot = FormTestKit.WithOfficer();
        var lines = answers == nameof(Machinery) ? Machinery : MachineryWithoutMoney;
        var shown = new List<(int Number, int Total, string Question)>();
        foreach (var line in lines)
        {
            var reply = await bot.Say(line, "o1");
            output.WriteLine("> " + line + "\n" + reply);
            foreach (Match m in Counter().Matches(reply))
            {
                shown.Add((int.Parse(m.Groups["n"].Value), int.Parse(m.Groups["total"].Value), m.Groups["question"].Value.Trim()));
            }
        }
        Assert.True(shown.Count >= 8, $"only {shown.Count} questions shown");
        Assert.Equal(1, shown[0].Number);
        for (var i = 1; i < shown.Count; i++)
        {
            var (before, now) = (shown[i - 1], shown[i]);
            var step = $"{before.Number}/{before.Total} \"{before.Question}\" → {now.Number}/{now.Total} \"{now.Question}\"";
            Assert.True(now.Total <= before.Total, "the total grew: " + step);
            Assert.True(now.Question == before.Question ? now.Number == before.Number : now.Number == before.Number + 1, "not the next number: " + step);
        }
        // The last question asked is the last one counted: the total was right by the end.
        Assert.Equal(shown[^1].Total, shown[^1].Number);
    }

    /// <summary>An outside tester saw "câu 1/10" and, for the same draft, "(đã trả lời 1/9 câu)" with nothing answered (finding 11).</summary>
    [Fact]
    public async Task The_draft_line_counts_the_same_questions_as_the_counter()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi máy móc", "o1");
        await bot.Say("phu lang", "o1");
        var reply = await bot.Say("1", "o1");
        var second = Counter().Match(reply);
        Assert.True(second.Success, reply);
        Assert.Equal("2", second.Groups["n"].Value);
        var stopped = await bot.Say("/huy", "o1");
        var again = await bot.Say("/ghi", "o1");
        output.WriteLine(reply + "\n" + stopped + "\n" + again);
        var kept = Described().Match(again);
        Assert.True(kept.Success, again);
        Assert.Equal("1/" + second.Groups["total"].Value, kept.Groups["count"].Value);
    }

    [GeneratedRegex(@"đã trả lời (?<count>\d+/\d+) câu")]
    private static partial Regex Described();

    [GeneratedRegex(@"· câu (?<n>\d+)/(?<total>\d+)\n❓ (?<question>[^\n(]+)")]
    private static partial Regex Counter();
}
