using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Support;

/// <summary>One step of a transcript test: what the person typed or chose and what the bot answered, written to the test output.</summary>
public static class Transcript
{
    /// <summary>The person types <paramref name="text"/>; the bot's messages, joined.</summary>
    public static async Task<string> Say(IChatDriver bot, ITestOutputHelper output, string user, string text)
    {
        var reply = string.Join("\n", await bot.SayAsync(user, text));
        output.WriteLine($"[{bot.Channel}] {user}> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>The person picks a choice (the button on Telegram, its number elsewhere); the bot's messages, joined.</summary>
    public static async Task<string> Choose(IChatDriver bot, ITestOutputHelper output, string user, int number, string label)
    {
        var reply = string.Join("\n", await bot.ChooseAsync(user, number, label));
        output.WriteLine($"[{bot.Channel}] {user}> ({number}. {label})\n{reply}\n");
        return reply;
    }
}
