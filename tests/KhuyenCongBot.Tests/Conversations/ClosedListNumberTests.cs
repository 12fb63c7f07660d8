using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>A number typed for a list that has closed is told so (not "chưa hiểu"), and picks nothing.</summary>
public sealed class ClosedListNumberTests
{
    [Theory]
    [InlineData("2")]
    [InlineData("1.")]
    [InlineData("12")]
    public async Task A_number_after_the_list_closed_says_the_list_closed(string typed)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("ad", Role.Admin);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        Assert.Contains("1.", await bot.Say("/nguoidung", "ad"));
        await bot.Say("/huy", "ad");
        var users = bot.Store.Users.All().Select(u => (u.Id, u.Role, u.Active)).ToList();

        var reply = await bot.Say(typed, "ad");

        Assert.Contains("không ứng với lựa chọn nào đang mở", reply);
        Assert.DoesNotContain("chưa hiểu", reply);
        Assert.Equal(users, bot.Store.Users.All().Select(u => (u.Id, u.Role, u.Active)).ToList());
    }

    [Fact]
    public async Task A_year_or_an_amount_alone_is_not_read_as_a_list_number()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("ad", Role.Admin);
        Assert.DoesNotContain("không ứng với lựa chọn", await bot.Say("2024", "ad"));
    }
}
