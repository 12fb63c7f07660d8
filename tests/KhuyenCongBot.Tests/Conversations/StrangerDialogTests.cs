using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// What an outside tester found trapping on the demo chat (issue 16): "hủy"/"thôi" typed on a list repeated the list, and a
/// figures question without "?" or "bao nhiêu" typed inside a form became the form's answer.
/// </summary>
public sealed class StrangerDialogTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("/nguoidung", "huy")]
    [InlineData("/nguoidung", "hủy")]
    [InlineData("/nguoidung", "thôi")]
    [InlineData("/nguoidung", "cancel")]
    [InlineData("/moi", "thoat")]
    public async Task A_cancel_word_typed_alone_leaves_a_list(string command, string word)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var admin = bot.AddUser("a", Role.Admin);
        await bot.Say(command, "a");
        Assert.NotNull(bot.Store.Conversations.Get(admin.Id)?.Flow);
        var reply = await bot.Say(word, "a");
        Assert.Contains("Đã hủy", reply);
        Assert.Null(bot.Store.Conversations.Get(admin.Id)?.Flow);
    }

    [Fact]
    public async Task A_cancel_word_leaves_the_broadcast_audience_list()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var admin = bot.AddUser("a", Role.Admin);
        await bot.Say("/thongbao", "a");
        Assert.Contains("Gửi cho ai", await bot.Say("Họp giao ban thứ Hai", "a"));
        Assert.Contains("Đã hủy", await bot.Say("hủy", "a"));
        Assert.Empty(bot.Services.GetRequiredService<KhuyenCongBot.Core.Broadcasts.IBroadcastRepository>().Recent(10));
    }

    [Theory]
    [InlineData("kinh phi nam ngoai cua Phu Tho")]
    [InlineData("gian hang nam 2025")]
    public async Task A_measure_and_a_period_typed_in_a_form_are_answered_and_the_form_waits(string question)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var officer = bot.AddUser("o", Role.Officer, "phu-tho");
        await bot.Say("/ghi hoi cho", "o");
        await bot.Say("Phu Tho", "o");
        var reply = await bot.Say(question, "o");
        Assert.DoesNotContain("Tạo mới", reply);
        Assert.Contains("Việc đang dở", reply);
        Assert.Contains("Thời gian: năm 2025", reply);
        Assert.Equal("form", bot.Store.Conversations.Get(officer.Id)?.Flow);
    }

    [Theory]
    [InlineData("Gốm Phù Lãng")]
    [InlineData("Hội chợ CNNT khu vực phía Bắc 2024")]
    [InlineData("Cơ sở mộc Thành Đạt")]
    public async Task A_name_stays_an_answer(string name)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var officer = bot.AddUser("o", Role.Officer, "phu-tho");
        await bot.Say("/ghi hoi cho", "o");
        await bot.Say("Phu Tho", "o");
        var reply = await bot.Say(name, "o");
        Assert.DoesNotContain("Việc đang dở", reply);
        Assert.DoesNotContain("gian hàng (", reply);
    }
}
