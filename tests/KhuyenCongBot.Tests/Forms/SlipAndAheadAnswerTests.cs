using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// Stranger 7 F4 and F5: "nhầm, 6 gian hàng" one step late corrects the booth count (it was read as a wrong date), a bare "nhầm, 6"
/// asks which answer; money typed at a name points at the money question (not "Số gian hàng"); a funding source code or a figure
/// status typed ahead is not taken as a fair's name.
/// </summary>
public sealed class SlipAndAheadAnswerTests(ITestOutputHelper output)
{
    private static readonly string[] UpToTheDate = ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "8"];

    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    private static string? Answer(BotHarness bot, string field)
    {
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        return new FormSession(state).Answer(field);
    }

    [Theory]
    [InlineData("nhầm, 6 gian hàng")]
    [InlineData("nham 6 gian hang")]
    [InlineData("xin lỗi, 6 gian hàng")]
    public async Task A_slip_with_the_unit_corrects_the_question_of_that_unit_and_says_so(string slip)
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, UpToTheDate);
        var fixedUp = await Talk(bot, slip);
        Assert.DoesNotContain("Ngày chưa đúng", fixedUp);
        Assert.Contains("✏ Đã sửa Số gian hàng: 8 gian hàng → 6 gian hàng", fixedUp);
        Assert.Contains("❓ Ngày tham gia", fixedUp);
        Assert.Equal("6", Answer(bot, "booths"));
    }

    [Fact]
    public async Task A_bare_slip_asks_which_answer_and_offers_the_previous_question()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, UpToTheDate);
        var asked = await Talk(bot, "nhầm, 6");
        Assert.DoesNotContain("Ngày chưa đúng", asked);
        Assert.Contains("bot chưa rõ bạn muốn sửa câu nào nên chưa sửa gì", asked);
        Assert.Contains("Nếu là câu Số gian hàng (đang là 8 gian hàng), gõ: sửa số gian hàng là 6", asked);
        Assert.Contains("❓ Ngày tham gia", asked);
        Assert.Equal("8", Answer(bot, "booths"));
        // Done as told: corrected.
        Assert.Contains("✏ Đã sửa Số gian hàng: 8 gian hàng → 6 gian hàng", await Talk(bot, "sửa số gian hàng là 6"));
    }

    [Fact]
    public async Task A_slip_with_an_amount_corrects_the_money_question()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, UpToTheDate);
        await Talk(bot, "hôm qua", "120tr");
        var fixedUp = await Talk(bot, "nhầm, 150 triệu");
        Assert.Contains("✏ Đã sửa Kinh phí khuyến công hỗ trợ", fixedUp);
        Assert.Equal("150000000", Answer(bot, "funding_vnd"));
        // A date: the form's one date question.
        Assert.Contains("✏ Đã sửa Ngày tham gia", await Talk(bot, "nhầm, 20/11/2026"));
    }

    [Theory]
    [InlineData("45 trieu")]
    [InlineData("45tr")]
    [InlineData("45.000")]
    public async Task Money_typed_at_a_name_points_at_the_money_question_not_the_booths(string money)
    {
        using var bot = FormTestKit.WithOfficer();
        var hint = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "sửa số gian hàng là 8", money);
        var refusal = hint.Split("> " + money)[^1];
        Assert.Contains("là một con số", refusal);
        Assert.DoesNotContain("Số gian hàng", refusal.Split('\n')[1]);
        Assert.Contains("Kinh phí khuyến công hỗ trợ", refusal.Split('\n')[1]);
        Assert.Null(Answer(bot, "fair_name"));
    }

    [Theory]
    [InlineData("KCĐP", "Nguồn kinh phí")]
    [InlineData("KCQG", "Nguồn kinh phí")]
    [InlineData("kcdp", "Nguồn kinh phí")]
    [InlineData("cả hai", "Nguồn kinh phí")]
    [InlineData("chính thức", "Số liệu")]
    [InlineData("ước thực hiện", "Số liệu")]
    public async Task An_answer_of_another_choice_question_typed_ahead_is_not_a_fair_name(string typed, string owner)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", typed);
        Assert.DoesNotContain("✓ Tên hội chợ/triển lãm", transcript);
        Assert.Contains($"\"{typed}\" là câu trả lời của câu \"{owner}\", còn câu này hỏi tên hội chợ/triển lãm.", transcript);
        Assert.Contains($"\"{owner}\" sẽ được hỏi ở câu sau.", transcript);
        Assert.Null(Answer(bot, "fair_name"));
    }

    [Theory]
    [InlineData("hôm nay")]
    [InlineData("20/11/2026")]
    public async Task A_date_typed_ahead_is_not_a_fair_name(string typed)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", typed);
        Assert.DoesNotContain("✓ Tên hội chợ/triển lãm", transcript);
        Assert.Contains("là một ngày", transcript);
    }

    [Theory]
    [InlineData("Hội chợ KCQG 2026")]
    [InlineData("Chính thức khai mạc hội chợ Xuân")]
    public async Task A_name_with_such_a_word_in_it_is_a_name(string name)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", name);
        Assert.Contains($"✓ Tên hội chợ/triển lãm: {name}", transcript);
    }
}
