using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An English reader fills in a form: the hints under its questions (seeds/forms <c>helpEn</c>) are English; a Vietnamese reader's
/// hints stay word for word the Vietnamese ones.
/// </summary>
public sealed class EnglishFormHintsTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] Machinery = ["ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "900tr", "hôm nay", "2000", "300tr", "cả hai"];

    private async Task<string> Fill(string language)
    {
        using var bot = FormTestKit.WithOfficer();
        var sb = new System.Text.StringBuilder();
        foreach (var line in Machinery)
        {
            sb.Append("> ").AppendLine(line).AppendLine(await bot.Say(line, "o1", language));
        }
        output.WriteLine(sb.ToString());
        return sb.ToString();
    }

    [Fact]
    public async Task An_English_reader_sees_the_form_hints_in_English()
    {
        var transcript = await Fill("en");
        Assert.Contains("The support amount from industrial extension funding; skip if none.", transcript);
        Assert.Contains("The national (KCQG) share of the funding", transcript);
        Assert.DoesNotContain("bỏ qua nếu không có", transcript);
        Assert.DoesNotContain("Phần kinh phí khuyến công quốc gia", transcript);
    }

    [Fact]
    public async Task A_Vietnamese_reader_sees_the_same_Vietnamese_hints()
    {
        var transcript = await Fill("vi");
        Assert.Contains("Số tiền hỗ trợ từ kinh phí khuyến công; bỏ qua nếu không có.", transcript);
        Assert.DoesNotContain("skip if none", transcript);
    }
}
