using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>One polling bot shared by the conversation tests (each test uses its own people).</summary>
public sealed class ZaloPollingFixture : IAsyncLifetime
{
    public ZaloChatDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Driver = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Services = s => s.AddSingleton<IBotModule, ZaloTestModule>() });

    public async Task DisposeAsync() => await Driver.DisposeAsync();
}

/// <summary>Conversations over polling through the fake Zalo Bot API: commands, numbered choices, long answers, charts, files, stickers.</summary>
public sealed class ZaloConversationTests(ZaloPollingFixture fixture) : IClassFixture<ZaloPollingFixture>
{
    private ZaloChatDriver Bot => fixture.Driver;

    [Fact]
    public async Task Help_comes_back_through_polling()
    {
        Bot.AddUser("help-user", Role.Officer, "01");
        var replies = await Bot.SayAsync("help-user", "/help");
        var text = Assert.Single(replies);
        Assert.Contains("/help", text);
        Assert.Contains("Hướng dẫn", text);
        Assert.True(Bot.Fake.CallCount("getUpdates") >= 1);
    }

    [Fact]
    public async Task Vietnamese_goes_to_the_Zalo_API_as_UTF_8()
    {
        Bot.AddUser("utf8-user", Role.Officer, "01");
        var text = Assert.Single(await Bot.SayAsync("utf8-user", "/help"));
        var call = Bot.Fake.Calls.Last(c => c.Method == "sendMessage" && c.Str("text") == text);
        Assert.Contains("Hướng dẫn", call.Json);
        Assert.DoesNotContain("\\u01B0", call.Json); // "ư" as an escape, as the default encoder wrote it
    }

    [Fact]
    public async Task Unknown_person_is_told_how_to_get_an_invitation()
    {
        var replies = await Bot.SayAsync("stranger", "xin chào");
        Assert.Contains("mã mời", Assert.Single(replies));
    }

    [Fact]
    public async Task Choices_are_a_numbered_list_and_a_typed_number_answers_them()
    {
        Bot.AddUser("chooser", Role.Officer, "01");
        var question = Assert.Single(await Bot.SayAsync("chooser", "/chon"));
        Assert.Contains("1. Hội chợ, triển lãm", question);
        Assert.Contains("2. Tư vấn", question);
        Assert.Contains("3. Đào tạo nghề", question);
        Assert.Contains("Hoặc gõ: Bỏ qua", question);

        Assert.Equal(["Đã chọn: consulting"], await Bot.ChooseAsync("chooser", 2, "Tư vấn"));

        await Bot.SayAsync("chooser", "/chon");
        Assert.Equal(["Đã chọn: training"], await Bot.SayAsync("chooser", "dao tao nghe"));
        await Bot.SayAsync("chooser", "/chon");
        Assert.Equal(["Đã chọn: skip"], await Bot.SayAsync("chooser", "Bỏ qua"));
    }

    [Fact]
    public async Task A_3000_character_answer_is_split_on_line_ends_into_messages_of_at_most_2000()
    {
        Bot.AddUser("reader", Role.Officer, "01");
        var replies = await Bot.SayAsync("reader", "/dai");
        Assert.True(replies.Count >= 2, string.Join(" | ", replies));
        Assert.All(replies, r => Assert.InRange(r.Length, 1, 2000));
        Assert.All(replies, r => Assert.StartsWith("Dòng ", r));
        Assert.Equal(ZaloTestModule.LongText(), string.Join("\n", replies));
    }

    [Fact]
    public async Task A_chart_reaches_Zalo_as_a_URL_that_serves_the_PNG()
    {
        Bot.AddUser("charts", Role.Manager, null);
        var before = Bot.Fake.SentTo("charts").Count;
        await Bot.SayAsync("charts", "/bieudo");
        var photo = Assert.Single(Bot.Fake.SentTo("charts").Skip(before));
        Assert.Equal("photo", photo.Kind);
        Assert.Equal("Biểu đồ gian hàng hội chợ", photo.Text);
        Assert.StartsWith(Bot.BotUrl + "/files/", photo.PhotoUrl);
        Assert.EndsWith(".png", photo.PhotoUrl);
        Assert.Equal(ZaloTestModule.Png, photo.PhotoBytes);

        using var http = new HttpClient();
        var guessed = photo.PhotoUrl![..^10] + "AAAAAA.png";
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(guessed)).StatusCode);
    }

    [Fact]
    public async Task A_spreadsheet_is_offered_as_a_download_link()
    {
        Bot.AddUser("sheets", Role.Manager, null);
        var replies = await Bot.SayAsync("sheets", "/bang");
        var link = Assert.Single(replies, r => r.Contains("/files/"));
        Assert.Contains("so-lieu.xlsx", link);
        var url = link.Split([' ', '\n']).Single(w => w.StartsWith(Bot.BotUrl + "/files/", StringComparison.Ordinal));
        using var http = new HttpClient();
        using (var response = await http.GetAsync(url))
        {
            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal(ZaloTestModule.Xlsx, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("so-lieu.xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(url[..^8] + "xx.xlsx")).StatusCode);
    }

    [Fact]
    public async Task A_sticker_gets_a_polite_Vietnamese_answer()
    {
        Bot.AddUser("sticker-fan", Role.Officer, "01");
        var replies = await Bot.SendStickerAsync("sticker-fan");
        var text = Assert.Single(replies);
        Assert.Equal(TestTexts.Seeds.Text("vi", "zalo.sticker_reply"), text);
        Assert.StartsWith("Cảm ơn bạn! Bot chỉ hiểu tin nhắn chữ", text);
        Assert.Contains("/help", text);
    }

    [Fact]
    public async Task A_group_message_not_addressed_to_the_bot_gets_no_answer()
    {
        Bot.AddUser("grouper", Role.Officer, "01");
        var chatter = Bot.Fake.UserSendsInGroup("group-1", "grouper", "hôm nay trời đẹp");
        await Bot.WaitHandledAsync(chatter);
        var command = Bot.Fake.UserSendsInGroup("group-1", "grouper", "/help");
        await Bot.WaitHandledAsync(command);
        var sent = Bot.Fake.SentTo("group-1");
        Assert.Contains("/help", Assert.Single(sent).Text);
    }
}
