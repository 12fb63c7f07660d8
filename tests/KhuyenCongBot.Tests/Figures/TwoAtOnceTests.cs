using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Figures;

/// <summary>
/// Two activities or two measures in one question (outside tester): "kinh phí máy móc và hội chợ năm 2025" answered machinery alone
/// (33,86 tỷ; both are 52,05 tỷ), "gian hàng và kinh phí hội chợ" the money alone, and "so sánh kinh phí máy móc với hội chợ" compared
/// machinery with the year before, with nothing said. Such a question gets no figure and says how to ask each in turn.
/// </summary>
public sealed class TwoAtOnceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("kinh phí máy móc và hội chợ năm 2025", "Máy móc thiết bị", "Hội chợ, triển lãm")]
    [InlineData("kinh phi hoi cho va may moc nam 2025", "Máy móc thiết bị", "Hội chợ, triển lãm")]
    [InlineData("so sánh kinh phí máy móc với hội chợ năm 2025", "Máy móc thiết bị", "Hội chợ, triển lãm")]
    [InlineData("bao nhiêu cơ sở được hỗ trợ máy móc và hội chợ năm 2025", "Máy móc thiết bị", "Hội chợ, triển lãm")]
    [InlineData("gian hàng và kinh phí hội chợ năm 2025", "Kinh phí hỗ trợ", "Số gian hàng")]
    [InlineData("số cơ sở và kinh phí máy móc năm 2025", "Kinh phí hỗ trợ", "Số cơ sở được hỗ trợ")]
    [InlineData("gian hàng, kinh phí hội chợ 2025", "Kinh phí hỗ trợ", "Số gian hàng")]
    [InlineData("bao nhiêu gian hàng và bao nhiêu cơ sở tham gia hội chợ 2024", "Số gian hàng", "Số cơ sở được hỗ trợ")]
    [InlineData("kinh phí máy móc, hội chợ năm 2025", "Máy móc thiết bị", "Hội chợ, triển lãm")]
    public async Task Two_things_asked_at_once_get_no_figure_and_how_to_ask_each(string question, string first, string other)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        output.WriteLine(reply);
        Assert.Contains("hai thứ cùng lúc", reply);
        Assert.Contains($"{first} và {other}", reply);
        Assert.DoesNotContain("tỷ đồng", reply);
        Assert.DoesNotContain("Phạm vi:", reply);
    }

    [Theory]
    [InlineData("kinh phí hỗ trợ các cơ sở năm 2025", "103,16 tỷ đồng")]
    [InlineData("kinh phí máy móc năm 2025", "33,86 tỷ đồng")]
    [InlineData("số gian hàng hội chợ năm 2025", "1.300 gian hàng")]
    [InlineData("số gian hàng Hội chợ, triển lãm năm 2025", "1.300 gian hàng")]
    [InlineData("kinh phí tư vấn sản xuất sạch hơn năm 2025", "3,02 tỷ đồng")]
    [InlineData("số cơ sở tham gia hội chợ xuất khẩu năm 2025", "cơ sở")]
    public async Task One_thing_asked_is_still_answered(string question, string figure)
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        var reply = await bot.Say(question, "m");
        output.WriteLine(reply);
        Assert.Contains(figure, reply);
    }
}
