using System.Text;
using KhuyenCongBot.Tests.Fakes;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>A stop ends within the 10 seconds a service manager allows, whatever the Bot API does; what was cut is sent at the next start.</summary>
[Collection(nameof(CrashTests))]
public sealed class StopDeadlineTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "stop-" + Guid.NewGuid().ToString("N"));

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Sigterm_while_the_Bot_API_hangs_exits_within_ten_seconds_and_the_cut_replies_come_at_the_next_start()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        await using var server = await FakeTelegramServer.StartAsync();
        long[] people = [8001, 8002, 8003];
        var log = new StringBuilder();
        var bot = BotProcess.Start(server, db, log, people);
        await WaitPolling(server, bot);
        foreach (var id in people)
        {
            await SayAndWait(server, id, "/help");
        }

        // Now the API hangs: replies in flight never get an answer, nor does the confirmation.
        server.Hang("sendMessage", "answerCallbackQuery", "sendChatAction");
        var hungBefore = server.CallsTo("sendMessage(hung)").Count;
        foreach (var id in people)
        {
            server.UserSends(id, "/trogiup");
        }
        await server.WaitForCall("sendMessage(hung)", TimeSpan.FromSeconds(30), _ => server.CallsTo("sendMessage(hung)").Count >= hungBefore + people.Length);
        server.Hang("getUpdates");

        var (exit, took) = await bot.TerminateAsync(TimeSpan.FromSeconds(15));
        await bot.DisposeAsync();
        output.WriteLine($"SIGTERM with the API hanging: exit {exit} after {took.TotalSeconds:F2} s");
        Assert.True(took < TimeSpan.FromSeconds(10), $"the stop took {took.TotalSeconds:F1} s");
        Assert.Equal(0, exit);
        Assert.Contains("cut short by the stop", log.ToString());

        // The API answers again: the next start sends what was cut.
        server.Unhang();
        var before = people.ToDictionary(id => id, id => server.SentTo(id).Count);
        await using var again = BotProcess.Start(server, db, log, people);
        foreach (var id in people)
        {
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
            while (!server.SentTo(id).Skip(before[id]).Any(m => m.Text.Contains("Các lệnh:", StringComparison.Ordinal)))
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, $"no answer to {id} after the restart:\n{log}");
                await Task.Delay(50);
            }
        }
        Assert.DoesNotContain(server.Token, log.ToString());
    }

    private static async Task SayAndWait(FakeTelegramServer server, long id, string text)
    {
        server.UserSends(id, text);
        await server.NextMessageTo(id, TimeSpan.FromSeconds(30));
    }

    private static async Task WaitPolling(FakeTelegramServer server, BotProcess bot)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (server.CallsTo("getUpdates").Count == 0)
        {
            if (bot.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException("The bot process did not start:\n" + bot.Output);
            }
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
