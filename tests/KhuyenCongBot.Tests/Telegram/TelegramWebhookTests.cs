using System.Net;
using System.Text;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>Webhook mode: setWebhook with the secret at start; the endpoint checks the secret header.</summary>
public sealed class TelegramWebhookTests
{
    private const long Admin = TelegramBotFixture.AdminId;

    [Fact]
    public async Task Webhook_checks_the_secret_and_handles_an_update_once()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o => o.Mode = TelegramMode.Webhook);
        var hook = await bot.Server.WaitForCall("setWebhook", TelegramBotFixture.Timeout);
        Assert.Equal("https://bot.example.test/telegram/webhook", hook.Str("url"));
        Assert.Equal(TelegramBotFixture.WebhookSecret, hook.Str("secret_token"));
        Assert.Empty(bot.Server.CallsTo("getUpdates"));

        var updateId = bot.Server.UserSends(Admin, "/help");
        bot.Server.Withdraw(updateId);
        var json = bot.Server.UpdateJson(updateId);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BotUrl) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, json, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, json, "wrong-secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(http, json, TelegramBotFixture.WebhookSecret + "x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, json, TelegramBotFixture.WebhookSecret)).StatusCode);
        await bot.WaitHandled(updateId);
        Assert.Equal(HttpStatusCode.OK, (await Post(http, json, TelegramBotFixture.WebhookSecret)).StatusCode);
        await bot.WaitHandled(updateId, occurrence: 2);

        var reply = Assert.Single(bot.Server.SentTo(Admin));
        Assert.Contains("Các lệnh:", reply.Text);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, "not json", TelegramBotFixture.WebhookSecret)).StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string json, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, TelegramBotFixture.WebhookPath)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoints.SecretHeader, secret);
        }
        return http.SendAsync(request);
    }
}
