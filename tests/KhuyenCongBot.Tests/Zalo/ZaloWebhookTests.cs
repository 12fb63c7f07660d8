using System.Net;
using System.Text;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Webhook mode: the bot registers its URL and secret, refuses wrong secrets, answers fast, and handles a replay once.</summary>
public sealed class ZaloWebhookTests
{
    private static async Task<HttpResponseMessage> PostAsync(ZaloChatDriver bot, string json, string? secret)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(ZaloEndpoints.SecretHeader, secret);
        }
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task Webhook_checks_the_secret_and_handles_a_replayed_message_once()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Mode = ZaloMode.Webhook });
        Assert.Equal(bot.WebhookUrl, bot.Fake.WebhookUrl);
        Assert.Equal(ZaloChatDriver.WebhookSecret, bot.Fake.WebhookSecret);
        Assert.Equal(0, bot.Fake.CallCount("getUpdates"));
        bot.AddUser("hook-user", Role.Officer, "01");

        var id = bot.Fake.MakeUpdate("hook-user", "/help");
        var json = bot.Fake.UpdateJson(id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(bot, json, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(bot, json, "wrong-secret-0000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(bot, json, ZaloChatDriver.WebhookSecret + "x")).StatusCode);
        await Task.Delay(100);
        Assert.False(bot.WasHandled(id));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, json, ZaloChatDriver.WebhookSecret)).StatusCode);
        await bot.WaitHandledAsync(id);
        Assert.Contains("/help", Assert.Single(bot.Fake.SentTo("hook-user")).Text);

        // Zalo delivers the same message again: accepted (200) but not answered twice.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, json, ZaloChatDriver.WebhookSecret)).StatusCode);
        await Task.Delay(300);
        Assert.Single(bot.Fake.SentTo("hook-user"));

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(bot, "{not json", ZaloChatDriver.WebhookSecret)).StatusCode);
    }

    [Fact]
    public async Task Messages_pushed_by_Zalo_to_the_webhook_are_answered_and_a_wrapped_body_is_read()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Mode = ZaloMode.Webhook });
        bot.AddUser("pushed", Role.Officer, "01");
        var replies = await bot.SayAsync("pushed", "/huy");
        Assert.Equal(["Không có thao tác nào đang làm dở."], replies);
        Assert.All(bot.Fake.WebhookDeliveries, d => Assert.Equal(200, d.Status));

        // Some clients report webhook bodies wrapped like API answers: {"ok":true,"result":{...}}.
        var id = bot.Fake.MakeUpdate("pushed", "/help");
        var wrapped = "{\"ok\":true,\"result\":" + bot.Fake.UpdateJson(id) + "}";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, wrapped, ZaloChatDriver.WebhookSecret)).StatusCode);
        await bot.WaitHandledAsync(id);
        Assert.Contains("/help", bot.Fake.SentTo("pushed").Last().Text);
    }
}
