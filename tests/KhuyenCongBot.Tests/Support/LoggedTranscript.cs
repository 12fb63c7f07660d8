using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Support;

/// <summary>A transcript step written to the test's output: what the person typed or chose, then the bot's replies (joined).</summary>
public static class LoggedTranscript
{
    /// <summary>The person types <paramref name="text"/>; returns the replies joined by new lines.</summary>
    public static async Task<string> SayLoggedAsync(this IChatDriver bot, ITestOutputHelper output, string user, string text)
    {
        var reply = string.Join("\n", await bot.SayAsync(user, text));
        output.WriteLine($"[{bot.Channel}] {user}> {text}\n{reply}\n");
        return reply;
    }

    /// <summary>The person picks choice <paramref name="number"/> (<paramref name="label"/>) as the channel allows; returns the replies joined.</summary>
    public static async Task<string> ChooseLoggedAsync(this IChatDriver bot, ITestOutputHelper output, string user, int number, string label)
    {
        var reply = string.Join("\n", await bot.ChooseAsync(user, number, label));
        output.WriteLine($"[{bot.Channel}] {user}> ({number}. {label})\n{reply}\n");
        return reply;
    }
}
