using System.Collections.Concurrent;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Runs one broadcast to N made-up recipients against a sender and measures it (for tests and the benchmark verb).</summary>
public static class BroadcastDrill
{
    /// <summary>What a drill achieved.</summary>
    public sealed record Result(int Recipients, int Delivered, int Duplicates, int Gaps, int RateLimited, int Failed, TimeSpan Elapsed, double MessagesPerSecond);

    /// <summary>Adds <paramref name="recipients"/> users to <paramref name="store"/>, sends them one broadcast through <paramref name="sender"/> and counts what arrived.</summary>
    public static async Task<Result> RunAsync(int recipients, IMessageSender sender, TimeProvider time, BroadcastOptions options,
        IBotStore store, IBroadcastRepository repository, Text.UserTexts texts, CancellationToken cancellationToken = default)
    {
        var start = time.GetUtcNow();
        for (var i = 0; i < recipients; i++)
        {
            store.Users.Add(new BotUser
            {
                DisplayName = $"drill {i}", Role = Role.Officer, ScopeKind = ScopeKind.All,
                Identities = [$"{sender.Channel}:drill{i}"], Chats = { [sender.Channel] = $"c{i}" }, CreatedAt = start,
            });
        }
        var id = repository.Add(new Broadcast { Text = "drill", CreatedAt = start, SendAt = start, Status = BroadcastStatus.Scheduled });
        var counting = new Counting(sender);
        var runner = new BroadcastRunner(repository, store, [counting], time, options, texts);
        var t0 = time.GetUtcNow();
        await runner.RunAsync(id, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetUtcNow() - t0;
        var byChat = counting.Delivered.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var expected = Enumerable.Range(0, recipients).Select(i => $"c{i}").ToList();
        var failed = repository.Recipients(id).Count(r => r.State == DeliveryState.Failed);
        return new Result(
            recipients,
            counting.Delivered.Count,
            byChat.Values.Sum(n => n - 1),
            expected.Count(c => !byChat.ContainsKey(c)) - failed,
            counting.RateLimited,
            failed,
            elapsed,
            elapsed > TimeSpan.Zero ? counting.Delivered.Count / elapsed.TotalSeconds : counting.Delivered.Count);
    }

    private sealed class Counting(IMessageSender inner) : IMessageSender
    {
        private int _rateLimited;

        public string Channel => inner.Channel;
        public ConcurrentBag<string> Delivered { get; } = [];
        public int RateLimited => _rateLimited;

        public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default)
        {
            try
            {
                await inner.SendAsync(chatId, reply, cancellationToken).ConfigureAwait(false);
                Delivered.Add(chatId);
            }
            catch (SendFailedException ex) when (ex.RetryAfter is not null)
            {
                Interlocked.Increment(ref _rateLimited);
                throw;
            }
        }
    }
}
