using System.Text.RegularExpressions;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// "sửa N" means the question the person saw numbered N: in the middle of a form the "câu N/M" header's number (which leaves out
/// the province the bot fills in for a one-province officer), at the summary the summary's line number (which has the province as
/// its line 1). A tester at "câu 6/10" typed "sửa 3" for the fair's name (câu 3) and got the facility question (summary line 3), then
/// typed the fair's name there and was offered it as a new facility.
/// </summary>
public sealed class NumberedEditTests(ITestOutputHelper output)
{
    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    /// <summary>The number of the "câu N/M" header above the question labelled <paramref name="label"/>.</summary>
    private static int HeaderNumber(string reply, string label)
    {
        var m = Regex.Match(reply, @"câu (\d+)/\d+[^❓]*❓ " + Regex.Escape(label));
        Assert.True(m.Success, $"No header above '{label}' in:\n{reply}");
        return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Sua_N_in_the_middle_of_a_form_opens_the_question_the_header_numbered_N()
    {
        using var bot = FormTestKit.WithOfficer();
        var fairAsked = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng");
        var number = HeaderNumber(fairAsked, "Tên hội chợ");
        await Talk(bot, "Hội chợ Xuân", "3");
        var reopened = await Talk(bot, $"sửa {number}");
        Assert.Contains("❓ Tên hội chợ", reopened);
        Assert.Equal(number, HeaderNumber(reopened, "Tên hội chợ"));
        Assert.DoesNotContain("❓ Cơ sở", reopened);
        // The same with "sửa câu N", and the answer typed there is the fair's name, not a new facility.
        await Talk(bot, $"sửa câu {number}");
        var renamed = await Talk(bot, "Hội chợ Làng nghề");
        Assert.DoesNotContain("Tạo mới", renamed);
        var summary = await Talk(bot, "hôm qua", "120tr", "1", "1", "bỏ qua");
        Assert.Matches(@"\d+\. Tên hội chợ/triển lãm: Hội chợ Làng nghề", summary);
    }

    [Fact]
    public async Task Sua_N_at_the_summary_opens_the_summarys_line_N()
    {
        using var bot = FormTestKit.WithOfficer();
        var fairAsked = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng");
        var header = HeaderNumber(fairAsked, "Tên hội chợ");
        var summary = await Talk(bot, "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "1", "bỏ qua");
        var line = int.Parse(Regex.Match(summary, @"(\d+)\. Tên hội chợ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // The summary numbers the province too, so the same question has another number there.
        Assert.Matches(@"1\. Tỉnh/thành phố", summary);
        Assert.Equal(header + 1, line);
        Assert.Contains("❓ Tên hội chợ", await Talk(bot, $"sửa {line}"));
        Assert.Contains("Hội chợ Đông", await Talk(bot, "Hội chợ Đông"));
        Assert.Contains("❓ Số gian hàng", await Talk(bot, $"sửa {line + 1}"));
    }

    [Fact]
    public async Task Sua_with_a_number_past_the_last_question_mid_form_says_how_many_there_are()
    {
        using var bot = FormTestKit.WithOfficer();
        var fairAsked = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng");
        var total = int.Parse(Regex.Matches(fairAsked, @"câu \d+/(\d+)")[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var refused = await Talk(bot, "sửa 42");
        Assert.Contains($"từ 1 đến {total}", refused);
        Assert.Contains("❓ Tên hội chợ", refused);
    }
}
