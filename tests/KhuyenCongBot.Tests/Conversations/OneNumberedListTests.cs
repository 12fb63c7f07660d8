using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// One numbered list at a time (issue 16, outside tester): a breakdown answered "1. Phú Thọ … 5. …" and then the next steps
/// "1. Theo tháng … 6. Tải Excel", so a "2" meant for the rows picked a next step. Rows are bulleted; the one numbered list is
/// the choices, and a typed number picks from it.
/// </summary>
public sealed partial class OneNumberedListTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("gian hàng 2024 theo tỉnh")]
    [InlineData("kinh phí năm 2024 theo hoạt động")]
    [InlineData("top 5 tỉnh kinh phí 2024")]
    [InlineData("gian hàng 3 năm qua theo từng năm")]
    [InlineData("tiến độ kế hoạch năm 2024 theo tỉnh")]
    [InlineData("top 3 cơ sở được hỗ trợ kinh phí nhiều nhất năm 2024")]
    public async Task An_answer_with_rows_numbers_only_its_choices(string question)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var reply = await bot.Say(question, "a");
        var numbered = NumberedLine().Matches(reply).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        // Every numbered line is a choice: 1, 2, 3… once each, in order.
        Assert.Equal(Enumerable.Range(1, numbered.Count), numbered);
    }

    [Fact]
    public async Task A_number_after_a_breakdown_picks_the_numbered_next_step()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var reply = await bot.Say("gian hàng 2024 theo tỉnh", "a");
        var second = NumberedLine().Matches(reply).Single(m => m.Groups[1].Value == "2").Groups[2].Value.Trim();
        var picked = await bot.Say("2", "a");
        Assert.DoesNotContain("không ứng với lựa chọn", picked);
        if (second.Contains("kế hoạch", StringComparison.Ordinal))
        {
            Assert.Contains("So với kế hoạch", picked);
        }
        else
        {
            Assert.Contains(second.Split(' ')[^1], picked, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"^(\d+)\. (.*)$", RegexOptions.Multiline)]
    private static partial Regex NumberedLine();
}
