using System.Text.RegularExpressions;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Starts the bot on one channel for a transcript that runs unchanged on Telegram and Zalo, and waits on the bot's background work.</summary>
public static class EndToEndChannels
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public static TheoryData<string> Channels => new() { "telegram", "zalo" };

    /// <summary>The bot on <paramref name="channel"/> at 09:00 on <see cref="Today"/> (fake clock), no demo data, no flood limit, no monthly reminder.</summary>
    public static async Task<IChatDriver> StartAsync(string channel, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0", ["Broadcast:ReminderEnabled"] = "false" };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return channel == "telegram"
            ? await TelegramChatDriver.StartAsync(Today, settings: settings)
            : await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = Today, Settings = settings });
    }

    public static string Joined(IReadOnlyList<string> messages) => string.Join("\n", messages);

    /// <summary>A message's text without the Telegram transcript prefix ("[text #12] ").</summary>
    public static string Body(string message) => Regex.Replace(message, @"^\[\w+ #\d+\] ", "");

    /// <summary>Polls <paramref name="done"/> until true; between polls calls <paramref name="between"/> (e.g. advancing the fake clock).</summary>
    public static async Task WaitUntilAsync(Func<bool> done, string what, Action? between = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }
            between?.Invoke();
            await Task.Delay(20);
        }
    }
}
