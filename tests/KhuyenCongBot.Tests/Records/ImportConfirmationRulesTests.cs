using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// The rules of issue 16 on an import's confirmation ("Hoàn tác đợt nhập #1 …: xoá 2 bản ghi của đợt. Chắc chắn?"): a figures
/// question while it is shown is answered and undoes nothing; "không" and "thôi" keep the batch; "ok" undoes it; a command works.
/// </summary>
public sealed class ImportConfirmationRulesTests(ITestOutputHelper output)
{
    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    private static async Task<BotHarness> WithBatchAsync()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var bytes = Encoding.UTF8.GetBytes(Header +
            "15/05/2026,Phú Thọ,trade_fair,Gốm Hương Canh,xã Hương Canh,7,,,,chinh thuc,\n" +
            "16/05/2026,Phú Thọ,trade_fair,Gốm Hương Canh,xã Hương Canh,3,,,,chinh thuc,\n");
        await bot.Send(new Incoming
        {
            Channel = "terminal", ChatId = "admin", UserId = "admin",
            Document = new IncomingDocument("records.csv", bytes.Length, _ => Task.FromResult<Stream>(new MemoryStream(bytes))),
        });
        Assert.Equal(2, bot.Store.Records.Count());
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string text)
    {
        var reply = await bot.Say(text, "admin");
        output.WriteLine($"> {text}\n{reply}\n");
        return reply;
    }

    [Theory]
    [InlineData("bao nhiêu gian hàng tháng 5/2026", "10 gian hàng")]
    [InlineData("/help", "/dotnhap")]
    public async Task Something_else_while_the_undo_is_asked_is_answered_and_undoes_nothing(string other, string expected)
    {
        using var bot = await WithBatchAsync();
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        Assert.Contains(expected, await Say(bot, other));
        await Say(bot, "1");
        Assert.Equal(2, bot.Store.Records.Count());
    }

    [Theory]
    [InlineData("không", 2)]
    [InlineData("thôi", 2)]
    [InlineData("ok", 0)]
    [InlineData("có", 0)]
    public async Task Yes_and_no_words_answer_the_undo(string typed, int left)
    {
        using var bot = await WithBatchAsync();
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        await Say(bot, typed);
        Assert.Equal(left, bot.Store.Records.Count());
    }
}
