using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Every catalogue activity logged end to end by an officer on Telegram (pressing buttons) and on Zalo (typing numbers).</summary>
public sealed class AllFormsOnChannelsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    public static TheoryData<string> Channels => new() { "telegram", "zalo" };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Every_activity_can_be_logged_on_the_channel(string channel)
    {
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        IChatDriver bot;
        IServiceProvider services;
        Func<string, string> identity;
        if (channel == "telegram")
        {
            var t = await TelegramChatDriver.StartAsync(Today, settings: settings);
            (bot, services, identity) = (t, t.Bot.Services, u => "telegram:" + t.IdOf(u));
        }
        else
        {
            var z = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = Today, Settings = settings });
            (bot, services, identity) = (z, z.Services, u => "zalo:" + u);
        }
        await using var _ = bot;
        bot.AddUser("o1", Role.Officer, "phu-tho");
        var store = services.GetRequiredService<IBotStore>();
        var activities = new[]
        {
            "machinery", "cleaner_production", "trade_fair", "product_award", "trademark", "consulting",
            "training", "demo_model", "pollution", "market", "information", "cluster", "digital_transformation",
        };
        foreach (var activity in activities)
        {
            var transcript = new List<string>(await bot.SayAsync("o1", "/ghi " + activity));
            for (var step = 0; step < 60; step++)
            {
                if (FormDriver.NextAnswer(services, identity("o1")) is not { } answer)
                {
                    break;
                }
                transcript.AddRange(int.TryParse(answer, out var n) && bot is TelegramChatDriver telegram && ChoiceButton(telegram, "o1", n) is { } press
                    ? (await telegram.Bot.Press(press.Chat, press.Data, press.MessageId)).Select(m => m.ToString())
                    : await bot.SayAsync("o1", answer));
            }
            var text = string.Join("\n", transcript);
            var record = store.Records.All().LastOrDefault();
            Assert.True(record is not null && record.ActivityId == activity, $"{activity} was not saved on {channel}:\n{text}");
            Assert.Contains($"Đã lưu bản ghi số {record!.Id}", text);
        }
        Assert.Equal(activities.Length, store.Records.Count());
    }

    /// <summary>On Telegram a numbered answer is a press of the N-th choice button (not an action) of the latest message, if it has one.</summary>
    private static (long Chat, string Data, int MessageId)? ChoiceButton(TelegramChatDriver telegram, string user, int n)
    {
        var id = telegram.IdOf(user);
        var message = telegram.Bot.Server.SentTo(id).Last();
        var choices = message.AllButtons.Where(b => !b.Text.StartsWith('⬅') && !b.Text.StartsWith('✖') && !b.Text.StartsWith('⏭')).ToList();
        return n >= 1 && n <= choices.Count ? (id, choices[n - 1].Data!, message.MessageId) : null;
    }
}
