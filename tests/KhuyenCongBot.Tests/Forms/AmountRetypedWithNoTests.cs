using KhuyenCongBot.Core.Forms;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An outside tester (stranger 2, finding 14): at "Kinh phí … (1,2 tỷ đồng) lớn hơn Tổng vốn đầu tư … gõ 'có'/'không', hoặc gõ lại số
/// tiền", the natural reply "không, 120tr" was refused ("Chưa đọc được … thành số tiền"). The no and the new amount at once: the amount.
/// </summary>
public sealed class AmountRetypedWithNoTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("không, 120tr")]
    [InlineData("khong 120 triệu")]
    public async Task No_with_the_amount_retyped_takes_the_new_amount(string reply)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "2 tỷ");
        output.WriteLine(transcript);
        Assert.Contains("lớn hơn Tổng vốn đầu tư của cơ sở", transcript);
        var answer = await bot.Say(reply, "o1");
        output.WriteLine(answer);
        Assert.DoesNotContain("Chưa đọc được", answer);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal("120000000", new FormSession(state).Answer("funding_vnd"));
    }

    [Fact]
    public async Task A_plain_no_still_asks_the_amount_again()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "2 tỷ");
        var answer = await bot.Say("không", "o1");
        output.WriteLine(answer);
        Assert.Contains("❓ Kinh phí khuyến công hỗ trợ", answer);
    }
}
