using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An English reader fills in a form: the amounts it reads back, its checks and the saved record's line are written the English way
/// ("900,000,000 VND (900 million VND)", "funding 300 million VND"), never the Vietnamese "900.000.000 đồng" an English reader
/// takes for 900 (issue 13); dates stay dd/MM/yyyy.
/// </summary>
public sealed class EnglishNumbersTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] Machinery =
        ["ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "900tr", "hôm nay", "2000", "300tr", "cả hai", "400tr", "150tr", "500tr", "1", "bỏ qua", "bỏ qua", "bỏ qua"];

    [Fact]
    public async Task Amounts_in_a_form_are_written_the_English_way_for_an_English_reader()
    {
        using var bot = FormTestKit.WithOfficer();
        var sb = new System.Text.StringBuilder();
        foreach (var line in Machinery)
        {
            sb.Append("> ").AppendLine(line).AppendLine(await bot.Say(line, "o1", "en"));
        }
        var transcript = sb.ToString();
        output.WriteLine(transcript);
        Assert.Contains(": 900,000,000 VND (900 million VND)", transcript);
        Assert.Contains("2 thousand VND", transcript);
        Assert.Contains("2 million VND (2,000,000 VND)", transcript);
        Assert.Contains(": 300,000,000 VND (300 million VND)", transcript);
        Assert.Contains("(400 million VND)", transcript);
        Assert.Contains(": 26/11/2026", transcript);
        Assert.DoesNotContain("đồng", transcript);
        Assert.DoesNotContain("900.000.000", transcript);
        Assert.DoesNotContain("300.000.000", transcript);

        var receipt = await bot.Say("lưu", "o1", "en");
        output.WriteLine(receipt);
        Assert.Contains("· 26/11/2026 ·", receipt);
        Assert.Contains("funding 300 million VND · counterpart 500 million VND", receipt);
        Assert.DoesNotContain("đồng", receipt);
    }
}
