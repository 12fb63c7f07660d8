using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Zalo never delivers a message twice: replies a stop cut short are kept in the database and sent at the next start.</summary>
public sealed class ZaloOutboxTests
{
    [Fact]
    public async Task Replies_kept_at_a_stop_are_sent_in_order_at_the_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "zalo-outbox-" + Guid.NewGuid().ToString("N"));
        await using (var first = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Folder = folder }))
        {
            // Once it polls, this run has sent what an earlier one kept (nothing): what is kept now waits for the next start.
            var polling = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
            while (!first.Fake.Calls.Any(c => c.Method == "getUpdates"))
            {
                Assert.True(DateTimeOffset.UtcNow < polling, "the first run never polled");
                await Task.Delay(20);
            }
            first.Services.GetRequiredService<ZaloOutbox>().Keep("chat-42", [Reply.Of("Phần trả lời 1"), Reply.Of("Phần trả lời 2")], "vi");
            Assert.Single(first.Store.Inbox.Pending(ZaloOutbox.Channel));
        }
        await using (var second = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Folder = folder }))
        {
            var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
            // Sent, then removed from the outbox.
            while (second.Fake.SentTo("chat-42").Count < 2 || second.Store.Inbox.Pending(ZaloOutbox.Channel).Count > 0)
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, "the kept replies were not sent after the restart:\n" + string.Join("\n", second.Logs.Lines));
                await Task.Delay(20);
            }
            Assert.Equal(["Phần trả lời 1", "Phần trả lời 2"], second.Fake.SentTo("chat-42").Select(m => m.Text));
            Assert.Empty(second.Store.Inbox.Pending(ZaloOutbox.Channel));
        }
        Directory.Delete(folder, true);
    }
}
