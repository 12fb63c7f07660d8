using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>Conversations through the real Telegram.Bot client against the fake Bot API, in polling mode.</summary>
public sealed class TelegramTranscriptTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    [Fact]
    public async Task Start_and_help_arrive_in_Vietnamese_and_the_menu_is_set_with_lowercase_names()
    {
        await using var bot = await TelegramBotFixture.StartAsync();

        var start = await bot.Say(Admin, "/start");
        var help = await bot.Say(Admin, "/help");

        Assert.Contains(start, m => m.Text.Contains("Xin chào"));
        var helpText = Assert.Single(help).Text;
        Assert.Contains("Các lệnh:", helpText);
        Assert.Contains("/help", helpText);
        Assert.Null(help[0].ParseMode);

        var menus = bot.Server.CallsTo("setMyCommands");
        Assert.Equal(2, menus.Count);
        var vi = menus.Single(c => c.Fields["language_code"] is null);
        var en = menus.Single(c => c.Str("language_code") == "en");
        var names = vi.Fields["commands"]!.AsArray().Select(c => c!["command"]!.ToString()).ToList();
        Assert.Contains("help", names);
        Assert.All(names, n => Assert.Matches("^[a-z0-9_]{1,32}$", n));
        Assert.Contains(vi.Fields["commands"]!.AsArray(), c => c!["description"]!.ToString() == "Hướng dẫn sử dụng");
        Assert.Contains(en.Fields["commands"]!.AsArray(), c => c!["description"]!.ToString() == "How to use the bot");
        Assert.Single(bot.Server.CallsTo("deleteWebhook"));
        var botOptions = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KhuyenCongBot.Core.Options.BotOptions>>().Value;
        Assert.Equal(FakeTelegramServer.BotUsername, botOptions.TelegramBotUsername);
    }

    [Fact]
    public async Task Unknown_command_and_overlong_message_get_Vietnamese_replies_and_the_conversation_goes_on()
    {
        await using var bot = await TelegramBotFixture.StartAsync();

        var unknown = Assert.Single(await bot.Say(Admin, "/khonglenh"));
        Assert.Contains("Không có lệnh /khonglenh", unknown.Text);

        var longText = string.Join("\n", Enumerable.Repeat(new string('a', 99), 50));
        var tooLong = Assert.Single(await bot.Say(Admin, longText));
        Assert.Contains("quá dài", tooLong.Text);

        var markup = Assert.Single(await bot.Say(Admin, "/<b>x"));
        Assert.Contains("/<b>x", markup.Text);

        var help = await bot.Say(Admin, "/trogiup");
        Assert.Contains("Các lệnh:", Assert.Single(help).Text);
    }

    [Fact]
    public async Task Vietnamese_goes_to_the_Bot_API_as_UTF_8_and_markup_quotes_and_emoji_stay_valid_JSON()
    {
        await using var bot = await TelegramBotFixture.StartAsync();

        var help = Assert.Single(await bot.Say(Admin, "/help"));
        var helpJson = bot.Server.CallsTo("sendMessage").Last().Json!;
        // Telegram.Bot's default wrote "C\u00E1c l\u1EC7nh:": six bytes for every Vietnamese letter.
        Assert.Contains("Các lệnh:", helpJson);
        Assert.DoesNotContain("\\u1EC7", helpJson);
        Assert.Contains("Các lệnh:", help.Text);

        const string tricky = "/<b>\"ổ\"</b>\\'😀";
        var echoed = Assert.Single(await bot.Say(Admin, tricky));
        var json = bot.Server.CallsTo("sendMessage").Last().Json!;
        Assert.Contains(tricky, echoed.Text);
        Assert.Contains("ổ", json);
        Assert.DoesNotContain("<b>", json); // still escaped: the body is valid JSON that no HTML context can misread
        Assert.Equal(echoed.Text, System.Text.Json.Nodes.JsonNode.Parse(json)!["text"]!.ToString());
    }

    [Fact]
    public async Task A_stranger_gets_the_invitation_message()
    {
        await using var bot = await TelegramBotFixture.StartAsync();

        var reply = Assert.Single(await bot.Say(5555, "xin chào"));

        Assert.Contains("mã mời", reply.Text);
        var english = Assert.Single(await bot.Say(5556, "hello", "en-US"));
        Assert.Contains("invitation code", english.Text);
    }

    [Fact]
    public async Task A_button_press_is_answered_with_answerCallbackQuery()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        var first = Assert.Single(await bot.Say(Admin, "/help"));

        var replies = await bot.Press(Admin, "no-such-button", first.MessageId);

        var answer = Assert.Single(bot.Server.CallsTo("answerCallbackQuery"));
        Assert.StartsWith("cbq-", answer.Str("callback_query_id"));
        Assert.Contains("hết hạn", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        var updateId = bot.Server.UserSends(Admin, "/help");
        await bot.WaitHandled(updateId);

        bot.Server.Redeliver(updateId);
        await bot.WaitHandled(updateId, occurrence: 2);
        await bot.Say(Admin, "/cancel");

        var sent = bot.Server.SentTo(Admin);
        Assert.Equal(2, sent.Count);
        Assert.Contains("Các lệnh:", sent[0].Text);
        Assert.Contains("Không có thao tác", sent[1].Text);
    }

    [Fact]
    public async Task A_failing_getUpdates_is_retried_and_the_token_is_never_logged()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        bot.Server.FailNext("getUpdates", 500, "Internal Server Error", times: 2);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: boom " + bot.Server.Token);

        var lost = await bot.Say(Admin, "/help");
        var reply = await bot.Say(Admin, "/help");

        Assert.Empty(lost);
        Assert.Contains("Các lệnh:", Assert.Single(reply).Text);
        Assert.Contains("getUpdates failed", bot.Logs.All);
        Assert.Contains("***", bot.Logs.All);
        Assert.Contains(FakeTelegramServer.BotUsername, bot.Logs.All);
        Assert.DoesNotContain(bot.Server.Token, bot.Logs.All);
        Assert.DoesNotContain(bot.Server.Token.Split(':')[1], bot.Logs.All);
    }

    [Fact]
    public async Task Group_messages_are_read_only_when_addressed_to_the_bot()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        const long group = -100123;

        var ignored = await bot.Deliver(group, () => bot.Server.UserSendsInGroup(group, Admin, "chào cả nhà"));
        var command = await bot.Deliver(group, () => bot.Server.UserSendsInGroup(group, Admin, "/help@" + FakeTelegramServer.BotUsername));
        var otherBot = await bot.Deliver(group, () => bot.Server.UserSendsInGroup(group, Admin, "/help@other_bot"));

        var mention = await bot.Deliver(group, () => bot.Server.UserSendsInGroup(group, Admin, "@" + FakeTelegramServer.BotUsername + " /huy"));
        var replyToBot = await bot.Deliver(group, () => bot.Server.UserSendsInGroup(group, Admin, "/cancel", replyToMessageId: command[0].MessageId));

        Assert.Empty(ignored);
        Assert.Contains("Các lệnh:", Assert.Single(command).Text);
        Assert.Empty(otherBot);
        Assert.Contains("Không có thao tác", Assert.Single(mention).Text);
        Assert.Contains("Không có thao tác", Assert.Single(replyToBot).Text);
    }

    [Fact]
    public async Task A_document_can_be_downloaded_through_getFile()
    {
        string? received = null;
        await using var bot = await TelegramBotFixture.StartAsync(o =>
            o.ConfigureServices = s => s.AddSingleton<KhuyenCongBot.Core.Conversations.IBotModule>(new DocumentEcho(t => received = t)));

        var replies = await bot.Deliver(Admin, () => bot.Server.UserSendsDocument(Admin, "ghi.csv", "a,b\n1,2"u8.ToArray()));

        Assert.Equal("ghi.csv:7:a,b\n1,2", received);
        Assert.Contains("Đã nhận", Assert.Single(replies).Text);
        Assert.Single(bot.Server.CallsTo("getFile"));
    }
}
