using System.Net;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The token never reaches a log, and /health says nothing but "ok".</summary>
public sealed class SecretsTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    [Fact]
    public async Task Health_answers_ok_and_reveals_no_version_token_or_counts()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o => o.Demo = true);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BotUrl) };

        var response = await http.GetAsync("/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", body);
        Assert.False(response.Headers.Contains("Server"), "the Server header names the web server");
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(bot.Server.Token.Split(':')[1], body);
    }

    [Fact]
    public async Task A_whole_run_with_failures_logs_nothing_of_the_token()
    {
        await using var bot = await TelegramBotFixture.StartAsync();
        var token = bot.Server.Token;
        bot.Server.FailNext("getUpdates", 502, "Bad Gateway " + token);
        bot.Server.FailNext("sendMessage", 500, "Internal error for bot" + token, chatId: Admin);
        bot.Server.FailNext("sendMessage", 400, "Bad Request: " + token, chatId: Admin);
        bot.Server.FailNext("getFile", 500, "boom " + token);
        bot.Server.FailNext("answerCallbackQuery", 400, "query is too old " + token);

        await bot.Say(Admin, "/help");
        await bot.Say(Admin, "/help");
        await bot.Deliver(Admin, () => bot.Server.UserSendsDocument(Admin, "ghi.csv", "a,b\n1,2"u8.ToArray()));
        await bot.Press(Admin, "f:my", 1);
        await bot.Say(Admin, "/ghi");

        var logs = bot.Logs.All;
        Assert.Contains("***", logs);
        Assert.DoesNotContain(token, logs);
        Assert.DoesNotContain(token.Split(':')[1], logs);
    }
}
