using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// Issue 16, promise 3 (every typed answer that was shown works): after a figures answer shown beside a paused form the bot says
/// "Số bạn gõ lúc này là chọn trong danh sách ngay trên". "3" then picked from that list, but "12" (beyond it) went straight into the
/// form as "Số gian hàng: 12" without a word. A number the side list does not have is now said not to be in it, nothing is written
/// to the form, and "tiếp" brings the question back; the same in "Cập nhật số chính thức".
/// </summary>
public sealed class AsideNumberNotInListTests(ITestOutputHelper output)
{
    private async Task<string> Say(BotHarness bot, string text, string user)
    {
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    [Fact]
    public async Task A_number_beyond_the_side_list_is_not_saved_into_the_paused_form()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("o", Role.Officer, "phu-tho");
        foreach (var line in new[] { "ghi hội chợ", "Không thuộc đề án nào", "Gốm", "1" })
        {
            await Say(bot, line, "o");
        }
        Assert.Contains("❓ Số gian hàng", await Say(bot, "Hội chợ Xuân", "o"));
        Assert.Contains("Số bạn gõ lúc này là chọn trong danh sách ngay trên", await Say(bot, "bao nhiêu gian hàng năm nay", "o"));

        var twelve = await Say(bot, "12", "o");
        Assert.DoesNotContain("✓ Số gian hàng", twelve);
        Assert.Contains("Số 12 không có trong danh sách ngay trên (chọn từ 1 đến 5)", twelve);
        Assert.Contains("gõ \"tiếp\"", twelve);
        // The side list is still the one a number picks from.
        Assert.Contains("So với cùng kỳ", await Say(bot, "3", "o"));

        Assert.Contains("❓ Số gian hàng", await Say(bot, "tiếp", "o"));
        Assert.Contains("✓ Số gian hàng: 12 gian hàng", await Say(bot, "12", "o"));
    }

    [Fact]
    public async Task A_number_beyond_the_side_list_is_not_taken_as_an_actual_figure()
    {
        using var bot = Forms.FormTestKit.WithOfficer();
        await Forms.FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "2", "bỏ qua", "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await Say(bot, $"/sua {id}", "o1");
        Assert.Contains("Số ước: 3 gian hàng", await Say(bot, "1", "o1"));
        Assert.Contains("Số bạn gõ lúc này là chọn trong danh sách ngay trên", await Say(bot, "bao nhiêu gian hàng năm 2026", "o1"));

        var twelve = await Say(bot, "12", "o1");
        Assert.Contains("Số 12 không có trong danh sách ngay trên", twelve);
        Assert.DoesNotContain("Kinh phí khuyến công hỗ trợ", twelve);

        Assert.Contains("Số ước: 3 gian hàng", await Say(bot, "tiếp", "o1"));
        Assert.Contains("❓ Kinh phí khuyến công hỗ trợ", await Say(bot, "12", "o1"));
        Assert.Contains("3 gian hàng → 12 gian hàng", await Say(bot, "giữ", "o1"));
    }
}
