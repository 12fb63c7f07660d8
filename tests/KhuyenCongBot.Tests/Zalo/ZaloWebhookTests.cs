using System.Net;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Webhook mode: the bot registers its URL and secret, refuses wrong secrets, answers once handled, and handles a replay once.</summary>
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

        // The answer comes once the message is handled: the reply is already out.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(bot, json, ZaloChatDriver.WebhookSecret)).StatusCode);
        Assert.True(bot.WasHandled(id));
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

    [Fact]
    public async Task The_answer_waits_for_the_reply_and_on_stop_the_message_in_hand_finishes_while_new_posts_get_503()
    {
        var stall = new StallModule();
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            Mode = ZaloMode.Webhook,
            Services = s => s.AddSingleton<IBotModule>(stall),
        });
        bot.AddUser("slow-user", Role.Officer, "01");
        var slowId = bot.Fake.MakeUpdate("slow-user", "/cham");
        var slow = PostAsync(bot, bot.Fake.UpdateJson(slowId), ZaloChatDriver.WebhookSecret);
        await stall.Entered.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.False(slow.IsCompleted, "the webhook answered before the message was handled");

        // SIGTERM: the application is asked to stop; a message posted now is refused unhandled, Zalo delivers it again later.
        bot.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var lateId = bot.Fake.MakeUpdate("slow-user", "/help");
        using (var late = await PostAsync(bot, bot.Fake.UpdateJson(lateId), ZaloChatDriver.WebhookSecret))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, late.StatusCode);
        }
        await Task.Delay(200);
        Assert.False(slow.IsCompleted);

        stall.Release();
        using (var answer = await slow.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        Assert.Equal([StallModule.Answer], bot.Fake.SentTo("slow-user").Select(m => m.Text));
        Assert.False(bot.WasHandled(lateId));
    }

    [Fact]
    public async Task In_polling_mode_a_message_in_hand_on_stop_still_finishes_and_is_answered()
    {
        var stall = new StallModule();
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Services = s => s.AddSingleton<IBotModule>(stall) });
        bot.AddUser("slow-poller", Role.Officer, "01");
        bot.Fake.UserSends("slow-poller", "/cham");
        await stall.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        // SIGTERM while the message is in hand: Zalo handed it out once, so it must finish, not be cancelled.
        var stopping = bot.App.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the host stopped without waiting for the message in hand");
        stall.Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        for (var i = 0; i < 100 && bot.Fake.SentTo("slow-poller").Count == 0; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal([StallModule.Answer], bot.Fake.SentTo("slow-poller").Select(m => m.Text));
    }

    [Fact]
    public async Task A_message_delivered_again_after_a_restart_is_recognised_and_its_saved_answer_is_sent_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "zalo-redeliver-" + Guid.NewGuid().ToString("N"));
        try
        {
            string json, id, answer;
            await using (var first = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Mode = ZaloMode.Webhook, Folder = folder }))
            {
                first.AddUser("again", Role.Officer, "01");
                id = first.Fake.MakeUpdate("again", "/help");
                json = first.Fake.UpdateJson(id);
                Assert.Equal(HttpStatusCode.OK, (await PostAsync(first, json, ZaloChatDriver.WebhookSecret)).StatusCode);
                answer = Assert.Single(first.Fake.SentTo("again")).Text;
            }
            // A new process (its replay memory empty) gets the same message, as after a crash before Zalo saw the answer:
            // it is recognised (nothing is handled again) and the answer saved with it is sent again, since the first run
            // may have died before sending it.
            await using var second = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Mode = ZaloMode.Webhook, Folder = folder });
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, json, ZaloChatDriver.WebhookSecret)).StatusCode);
            Assert.Equal(answer, Assert.Single(second.Fake.SentTo("again")).Text);
            // The same message under another id is new and handled.
            var fresh = json.Replace(id, id + "b7", StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(second, fresh, ZaloChatDriver.WebhookSecret)).StatusCode);
            Assert.Equal(2, second.Fake.SentTo("again").Count);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
