using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// Issue 16, promise 3 (a number the person read picks what they read), from an outside tester: the figures' next steps lost the
/// one just picked, so every number after it moved ("4" read as "So với cùng kỳ" drew a chart); /nguoidung put a person just
/// deactivated at the end of the list, so "1" out of habit opened another account. Both lists now keep their order.
/// </summary>
public sealed class StableNumbersTests(ITestOutputHelper output)
{
    private async Task<string> Say(BotHarness bot, string text, string user)
    {
        bot.Time.Advance(TimeSpan.FromSeconds(20));
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}");
        return reply;
    }

    [Fact]
    public async Task A_next_step_picked_from_a_figure_keeps_the_numbers_of_the_list_it_was_picked_from()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("o", Role.Officer, "phu-tho");
        var first = await Say(bot, "bao nhiêu gian hàng năm nay", "o");
        Assert.Contains("2. So với kế hoạch\n3. So với cùng kỳ\n4. Biểu đồ\n5. Tải Excel", first);

        var compared = await Say(bot, "2", "o");
        Assert.Contains("kế hoạch", compared);
        Assert.Contains("2. So với kế hoạch\n3. So với cùng kỳ\n4. Biểu đồ\n5. Tải Excel", compared);
        // "3" read in the first list is still "So với cùng kỳ", "4" still the chart.
        Assert.Contains("So với cùng kỳ năm 2025", await Say(bot, "3", "o"));
        Assert.Contains("Biểu đồ", await Say(bot, "4", "o"));
    }

    [Fact]
    public async Task A_person_deactivated_keeps_their_number_in_the_users_list()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        bot.AddUser("quantri", Role.Admin);
        bot.AddUser("canbo1", Role.Officer, "phu-tho");
        bot.AddUser("canbo2", Role.Officer, "ha-noi");
        var list = await Say(bot, "/nguoidung", "quantri");
        Assert.Contains("1. canbo1", list);
        Assert.Contains("3. quantri", list);
        await Say(bot, "1", "quantri");
        await Say(bot, "Ngừng hoạt động", "quantri");
        Assert.Contains("Đã ngừng hoạt động canbo1", await Say(bot, "Có, ngừng hoạt động", "quantri"));

        var again = await Say(bot, "/nguoidung", "quantri");
        Assert.Contains("1. canbo1 (", again);
        Assert.Contains("2. canbo2 (", again);
        Assert.Contains("3. quantri (", again);
        Assert.Contains("canbo2", await Say(bot, "2", "quantri"));
    }
}
