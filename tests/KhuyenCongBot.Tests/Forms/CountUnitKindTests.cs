using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>A count typed with a word of another kind ("ba lăm người" at "Số lớp") is asked again, not taken as 35 classes;
/// the field's own unit and general classifiers still pass.</summary>
public sealed class CountUnitKindTests(ITestOutputHelper output)
{
    private static FormSession Session(BotHarness bot) =>
        new(bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!);

    [Theory]
    [InlineData("ba lăm người", "người")]
    [InlineData("35 nguoi", "nguoi")]
    [InlineData("35 hv", "hv")]
    [InlineData("2 gian hàng", "gian hàng")]
    public async Task A_count_of_another_kind_is_refused_at_the_number_of_classes(string typed, string named)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Lớp gốm");
        var step = Session(bot).Step;
        var reply = await bot.Say(typed, "o1");
        output.WriteLine(reply);
        Assert.Contains($"là số {named}, còn câu này hỏi số lớp", reply);
        Assert.Equal(step, Session(bot).Step);
        Assert.False(Session(bot).HasAnswer("classes"));
    }

    [Theory]
    [InlineData("2 lớp", "2")]
    [InlineData("hai lop", "2")]
    [InlineData("2 cái", "2")]
    [InlineData("2", "2")]
    public async Task The_fields_own_unit_and_general_classifiers_pass(string typed, string stored)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi đào tạo", "Gốm Phù Lãng", "Lớp gốm", typed);
        Assert.Equal(stored, Session(bot).Answer("classes"));
    }
}
