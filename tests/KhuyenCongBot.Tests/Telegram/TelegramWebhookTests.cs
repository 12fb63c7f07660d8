using System.Net;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>Webhook mode: setWebhook with the secret at start; the endpoint checks the secret header; a stop lets updates in hand finish.</summary>
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

    [Fact]
    public async Task On_stop_an_update_in_hand_is_finished_and_answered_and_a_new_post_is_refused_unhandled()
    {
        var stall = new StallModule();
        await using var bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Mode = TelegramMode.Webhook;
            o.ConfigureServices = s => s.AddSingleton<IBotModule>(stall);
        });
        await bot.Server.WaitForCall("setWebhook", TelegramBotFixture.Timeout);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BotUrl) };

        var slowId = bot.Server.UserSends(Admin, "/cham");
        bot.Server.Withdraw(slowId);
        var slow = Post(http, bot.Server.UpdateJson(slowId), TelegramBotFixture.WebhookSecret);
        await stall.Entered.WaitAsync(TelegramBotFixture.Timeout);

        // SIGTERM: the console lifetime asks the application to stop, then the host stops its services.
        bot.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var lateId = bot.Server.UserSends(Admin, "/help");
        bot.Server.Withdraw(lateId);
        using (var late = await Post(http, bot.Server.UpdateJson(lateId), TelegramBotFixture.WebhookSecret))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        }
        var stopping = bot.App.StopAsync();
        await Task.Delay(300);
        Assert.False(slow.IsCompleted, "the webhook answered before its update was handled");
        Assert.False(stopping.IsCompleted, "the host stopped with an update in hand");

        stall.Release();
        using (var answer = await slow.WaitAsync(TelegramBotFixture.Timeout))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        // The reply went out before the webhook answered; the late update was never handled.
        Assert.Equal([StallModule.Answer], bot.Server.SentTo(Admin).Select(m => m.Text));
        await stopping.WaitAsync(TelegramBotFixture.Timeout);
        Assert.Equal([StallModule.Answer], bot.Server.SentTo(Admin).Select(m => m.Text));
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
