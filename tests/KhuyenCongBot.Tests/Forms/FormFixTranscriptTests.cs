using System.Globalization;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>What an outside tester found in the forms (issue 16): checks skipped after an edit, amounts not questioned, a pending
/// question forgotten, a required choice skipped into its default, examples of the wrong question.</summary>
public sealed class FormFixTranscriptTests(ITestOutputHelper output)
{
    private static FormSession Session(BotHarness bot, string user = "o1") =>
        new(bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:" + user)!.Id)!);

    /// <summary>Answers with valid answers until the summary is shown.</summary>
    private static async Task<string> ToSummary(BotHarness bot)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < 40 && Session(bot).Phase != FormPhase.Summary; i++)
        {
            var answer = FormDriver.NextAnswer(bot, "o1")!;
            sb.Append("> ").AppendLine(answer).AppendLine(await bot.Say(answer, "o1"));
        }
        return sb.ToString();
    }

    private static string ItemOf(BotHarness bot, string fieldId)
    {
        var s = Session(bot);
        var form = bot.Services.GetService(typeof(FormCatalogue)) is FormCatalogue forms ? forms.Get(s.FormId)! : throw new InvalidOperationException();
        return (s.Applicable(form).IndexOf(form.IndexOf(fieldId)) + 1).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Lowering_the_investment_at_the_summary_under_the_support_asks_again()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "1 tỷ");
        Assert.DoesNotContain("lớn hơn", transcript);
        transcript += await ToSummary(bot);
        transcript += await FormTestKit.Talk(bot, "o1", "sửa " + ItemOf(bot, "investment_vnd"));
        var edited = await bot.Say("10tr", "o1");
        output.WriteLine(transcript + edited);
        Assert.Contains("lớn hơn Tổng vốn đầu tư của cơ sở", edited);
        Assert.NotEqual(FormPhase.Summary, Session(bot).Phase);
        var kept = await bot.Say("có", "o1");
        output.WriteLine(kept);
        // The facility's own share (120tr) is above 10tr too: asked next, then the summary.
        Assert.Contains("Vốn đối ứng của cơ sở (120 triệu đồng) lớn hơn", kept);
        await bot.Say("có", "o1");
        Assert.Equal((FormPhase.Summary, "1000000000", "10000000"), (Session(bot).Phase, Session(bot).Answer("funding_vnd"), Session(bot).Answer("investment_vnd")));
    }

    [Fact]
    public async Task A_confirmed_support_above_the_investment_is_asked_again_when_the_investment_changes()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "2 tỷ", "có");
        await ToSummary(bot);
        var edited = await FormTestKit.Talk(bot, "o1", "sửa " + ItemOf(bot, "investment_vnd"), "1 tỷ");
        output.WriteLine(edited);
        Assert.Contains("lớn hơn Tổng vốn đầu tư của cơ sở", edited);
    }

    [Theory]
    [InlineData("1", "1000", "1 triệu đồng")]
    [InlineData("1", "1500", "1,5 triệu đồng")]
    [InlineData("1", "15000", "15 triệu đồng")]
    [InlineData("1", "85000", "85 triệu đồng")]
    [InlineData("2", "15000", "15 triệu đồng")]
    public async Task A_booth_support_of_a_few_thousand_dong_is_asked_back(string booths, string typed, string meant)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", booths, "hôm nay", typed);
        output.WriteLine(transcript);
        Assert.False(Session(bot).HasAnswer("funding_vnd"));
        Assert.Contains($"Ý bạn là {meant}", transcript);
        await bot.Say("có", "o1");
        Assert.Equal(VnMoney(meant), Session(bot).Answer("funding_vnd"));
    }

    private static string VnMoney(string text) => Core.Text.VnParse.TryParseMoney(text, out var vnd) ? vnd.ToString(CultureInfo.InvariantCulture) : "";

    [Theory]
    [InlineData("có", "5000000000")]
    [InlineData("không", null)]
    public async Task Five_billion_for_two_booths_is_asked_back(string reply, string? stored)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "2", "hôm nay", "5 ty", reply);
        output.WriteLine(transcript);
        Assert.Contains("5 tỷ đồng cho 2 gian hàng là khá lớn, đúng chứ?", transcript);
        Assert.Equal(stored, Session(bot).Answer("funding_vnd"));
    }

    [Fact]
    public async Task A_plausible_booth_support_is_taken_at_once()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "2", "hôm nay", "40tr");
        Assert.DoesNotContain("❔", transcript);
        Assert.Equal("40000000", Session(bot).Answer("funding_vnd"));
    }

    [Fact]
    public async Task Fewer_booths_edited_at_the_summary_ask_the_support_again()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "10", "hôm nay", "1 tỷ");
        await ToSummary(bot);
        var edited = await FormTestKit.Talk(bot, "o1", "sửa " + ItemOf(bot, "booths"), "1");
        output.WriteLine(edited);
        Assert.Contains("1 tỷ đồng cho 1 gian hàng là khá lớn", edited);
    }

    [Fact]
    public async Task A_questioned_amount_survives_a_figures_question_in_between()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi tư vấn", "Gốm Phù Lãng", "Dự án lò nung", "85");
        Assert.Contains("Ý bạn là 85 triệu đồng", transcript);
        transcript += await FormTestKit.Talk(bot, "o1", "bao nhiêu gian hàng từ đầu năm?", "co");
        output.WriteLine(transcript);
        Assert.DoesNotContain("phải là số tiền", transcript);
        Assert.Equal("85000000", Session(bot).Answer("revenue_vnd"));
    }

    [Theory]
    [InlineData("35 người", "35")]
    [InlineData("35 nguoi", "35")]
    [InlineData("ba lăm người", "35")]
    [InlineData("ba lam hv", "35")]
    public async Task Trainees_are_read_as_spoken(string typed, string stored)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Lớp gốm", "1", typed);
        output.WriteLine(transcript);
        Assert.Equal(stored, Session(bot).Answer("trainees"));
    }

    [Theory]
    [InlineData("tám lăm triệu", "85000000")]
    [InlineData("tam lam trieu", "85000000")]
    public async Task Revenue_is_read_as_spoken(string typed, string stored)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi tư vấn", "Gốm Phù Lãng", "Dự án lò nung", typed);
        output.WriteLine(transcript);
        Assert.Equal(stored, Session(bot).Answer("revenue_vnd"));
    }

    [Fact]
    public async Task An_unread_amount_says_what_was_not_understood()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi tư vấn", "Gốm Phù Lãng", "Dự án lò nung", "tam lam trieu abc");
        Assert.Contains("Chưa đọc được \"tam lam trieu abc\" thành số tiền", transcript);
    }

    [Fact]
    public async Task A_required_choice_with_a_default_cannot_be_skipped()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm nay", "bỏ qua");
        var field = Session(bot).Step;
        var reply = await bot.Say("bo qua", "o1");
        output.WriteLine(reply);
        Assert.Contains("không bỏ qua được", reply);
        Assert.DoesNotContain("✓ Số liệu", reply);
        Assert.Equal(field, Session(bot).Step);
        Assert.False(Session(bot).HasAnswer("status"));
    }

    [Fact]
    public async Task After_three_misses_each_new_facility_question_shows_its_own_example()
    {
        var chat = TerminalChatDriver.Start(FormTestKit.Today);
        await using (chat)
        {
            chat.AddUser("o1", Core.People.Role.Officer, "phu-tho");
            foreach (var line in new[] { "ghi máy móc", "gom thanh ha", "1", "Tiên Lữ" })
            {
                await chat.SayAsync("o1", line);
            }
            var legal = await Misses(chat);
            Assert.Contains("Ví dụ một câu trả lời đúng: hộ kinh doanh", legal);
            await chat.SayAsync("o1", "1");
            var taxid = await Misses(chat);
            Assert.Contains("Ví dụ một câu trả lời đúng: 0101234565", taxid);
            Assert.DoesNotContain("Gốm Phù Lãng", legal + taxid);
        }

        async Task<string> Misses(TerminalChatDriver driver)
        {
            var text = "";
            for (var i = 0; i < 3; i++)
            {
                text = string.Join("\n", await driver.SayAsync("o1", "x"));
            }
            output.WriteLine(text);
            return text;
        }
    }
}

/// <summary>At "continue the unfinished form or drop it?", "thôi" keeps the draft; an unreadable answer says what is accepted.</summary>
public sealed class DraftQuestionTranscriptTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("thôi")]
    [InlineData("hủy")]
    public async Task Never_mind_at_the_draft_question_keeps_the_draft(string reply)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "/ghi máy móc", reply);
        output.WriteLine(transcript);
        Assert.DoesNotContain("Không có gì được lưu", transcript);
        Assert.Contains("vẫn giữ nguyên", transcript);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        var s = new FormSession(state);
        Assert.Equal(("trade_fair", "Hội chợ Xuân"), (s.FormId, s.Answer("fair_name")));
    }

    [Fact]
    public async Task An_unreadable_answer_at_the_draft_question_says_what_it_accepts()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "/ghi máy móc");
        var reply = await bot.Say("gom", "o1");
        output.WriteLine(reply);
        Assert.Contains("Chưa rõ ý bạn", reply);
    }
}
