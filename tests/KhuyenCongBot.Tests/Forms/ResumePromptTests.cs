using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>The continue-or-new question shown when a correction is opened while another is open: each option works.</summary>
public sealed class ResumePromptTests(ITestOutputHelper output)
{
    private static readonly string[] OneFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "1", "bỏ qua", "lưu"];

    [Fact]
    public async Task Discard_at_the_resume_prompt_opens_the_new_form()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        await FormTestKit.Talk(bot, "o1", "/cuatoi", "1", "1");
        // ✏ Sửa of the record whose correction is open goes on with it (no "continue or discard?" about itself any more).
        var transcript = await FormTestKit.Talk(bot, "o1", "/cuatoi", "1", "1");
        output.WriteLine(transcript);
        Assert.DoesNotContain("đã kết thúc", transcript);
        Assert.Contains("Bạn đang sửa dở bản ghi số", transcript);
        Assert.Contains("Kiểm tra lại bản ghi số", transcript[transcript.LastIndexOf("> 1", StringComparison.Ordinal)..]);
    }
}
