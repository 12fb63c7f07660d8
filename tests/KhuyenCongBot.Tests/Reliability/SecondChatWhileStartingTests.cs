using KhuyenCongBot.Hosting;
using KhuyenCongBot.Storage;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>
/// An outside tester (stranger 2, finding 20): a second `chat --demo` started while the first was still loading the demo data was told
/// "tiến trình đó không nhận lệnh qua kênh quản trị; dừng nó trước (kill 2127)". It now says another chat is opening the data, waits
/// for it and goes on (or opens the data itself when the first stopped); never "kill"; nothing is lost.
/// </summary>
[Collection(nameof(CrashTests))]
public sealed class SecondChatWhileStartingTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "starting-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "bot.db");

    [Fact]
    [Trait("Category", "Crash")]
    public async Task A_second_chat_beside_a_chat_still_starting_waits_for_it_and_is_never_told_to_kill_it()
    {
        Directory.CreateDirectory(_folder);
        string[] args = ["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={Db}", $"--Backup:Folder={_folder}/backups", $"--Storage:OutputPath={_folder}/out"];
        CliProcess second;
        // This test process holds the database the way a first chat does while it loads the demo data: locked, no admin channel yet.
        using (DatabaseLock.Acquire(Db, "chat"))
        {
            second = CliProcess.Start(_folder, args);
            var waiting = await second.WaitForAsync("chưa sẵn sàng", inError: true);
            output.WriteLine(waiting);
            Assert.Contains("chat khác", waiting);
            Assert.Contains("không mất dữ liệu", waiting);
            Assert.DoesNotContain("kill", waiting);
            await Task.Delay(1500);
            Assert.False(second.HasExited);
        }
        await using (second)
        {
            // The first stopped: the second opens the data itself and answers.
            var help = await second.AskAsync("/help");
            output.WriteLine(help);
            Assert.Contains("/ghi", help);
            second.CloseInput();
            Assert.Equal(0, await second.ExitAsync(TimeSpan.FromSeconds(60)));
            Assert.DoesNotContain("kill", second.Error);
        }
    }

    [Fact]
    public void The_refusal_after_waiting_for_a_chat_says_what_to_do_and_never_kill()
    {
        var owner = new DatabaseOwner(2127, "chat", DateTimeOffset.UtcNow, null, "2026-11-26", "/tmp/x/data/demo.db");
        var line = BotApp.Refusal("chat", "/tmp/x/data/demo.db", owner);
        Assert.DoesNotContain("kill", line);
        Assert.Contains("cửa sổ chat", line);
        Assert.Contains("không mất dữ liệu", line);
        // Other verbs beside a chat keep their advice.
        Assert.Contains("kill 2127", BotApp.Refusal("restore", "/tmp/x/data/demo.db", owner));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
