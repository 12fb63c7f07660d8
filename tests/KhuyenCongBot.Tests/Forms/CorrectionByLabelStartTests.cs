using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// Issue 16 (an officer's correction must work as typed): "nhầm, số máy là 3" at a later question of the machinery form said
/// "Có 2 câu hợp với 'số máy'…" ("máy" is in "Máy móc, thiết bị được hỗ trợ" too), and its example "sửa máy móc, thiết bị được hỗ
/// trợ là …" named the other question and could not work as typed (a comma ends a question's name). The start of exactly one
/// question's label names it; when the words are truly ambiguous, each example is one the bot reads as that question.
/// </summary>
public sealed class CorrectionByLabelStartTests(ITestOutputHelper output)
{
    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    [Fact]
    public async Task The_start_of_one_label_picks_that_question()
    {
        using var bot = FormTestKit.WithOfficer();
        Assert.Contains("❓ Ngày thực hiện", await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "máy sấy", "2", "500tr"));
        var fixedCount = await Talk(bot, "nhầm, số máy là 3");
        Assert.Contains("✏ Đã sửa Số máy/thiết bị: 2 máy → 3 máy.", fixedCount);
        Assert.DoesNotContain("câu hợp với", fixedCount);
        Assert.Contains("❓ Ngày thực hiện", fixedCount);
    }

    [Fact]
    public async Task Ambiguous_words_get_examples_that_each_pick_their_question()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "máy sấy", "2", "500tr");
        var ambiguous = await Talk(bot, "nhầm, thiết bị là 4");
        Assert.Contains("Có 2 câu hợp với \"thiết bị\"", ambiguous);
        Assert.Contains("sửa máy móc là …", ambiguous);
        Assert.Contains("sửa số máy là …", ambiguous);
        Assert.DoesNotContain("sửa máy móc, thiết bị", ambiguous);

        // Each example, typed as shown, changes the question it names.
        Assert.Contains("✏ Đã sửa Số máy/thiết bị: 2 máy → 4 máy.", await Talk(bot, "sửa số máy là 4"));
        Assert.Contains("✏ Đã sửa Máy móc, thiết bị được hỗ trợ: máy sấy → máy nghiền.", await Talk(bot, "sửa máy móc là máy nghiền"));
    }

    [Fact]
    public async Task A_slip_with_its_unit_written_out_corrects_the_question_of_that_unit()
    {
        // A seventh outside tester: "nhầm, 6 gian hàng" at the date question was read as the date ("⚠ Ngày chưa đúng").
        using var bot = FormTestKit.WithOfficer();
        Assert.Contains("❓ Ngày tham gia", await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "8"));
        var fixedBooths = await Talk(bot, "nhầm, 6 gian hàng");
        Assert.Contains("✏ Đã sửa Số gian hàng: 8 gian hàng → 6 gian hàng.", fixedBooths);
        Assert.DoesNotContain("Ngày chưa đúng", fixedBooths);
        Assert.Contains("❓ Ngày tham gia", fixedBooths);
    }

    [Fact]
    public async Task One_word_that_starts_one_label_but_is_in_another_is_still_asked()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi máy móc", "Gốm Phù Lãng", "máy sấy", "2", "500tr");
        // "vốn" starts "Vốn đối ứng của cơ sở" but is as much the "vốn" of "Tổng vốn đầu tư của cơ sở".
        var ambiguous = await Talk(bot, "nhầm, vốn là 300tr");
        Assert.Contains("Có 2 câu hợp với \"vốn\"", ambiguous);
        Assert.Contains("sửa tổng vốn đầu tư của cơ sở là …", ambiguous);
        Assert.Contains("sửa vốn đối ứng của cơ sở là …", ambiguous);
        Assert.Contains("✏ Đã sửa Tổng vốn đầu tư của cơ sở: 500.000.000 đồng", await Talk(bot, "sửa tổng vốn đầu tư của cơ sở là 300tr"));
    }
}
