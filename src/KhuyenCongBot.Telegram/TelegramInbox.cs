using System.Text.Json;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KhuyenCongBot.Telegram;

/// <summary>
/// The updates of a person who sends faster than the flood gate allows, kept in the database instead of holding up everyone.
/// </summary>
/// <remarks>
/// Polling confirms a batch (the next getUpdates offset) only once it is handled, so one person's hundred messages,
/// handled at the allowed pace, would hold up every other chat for as long. Their updates beyond half a second's wait are
/// written to the inbox (one transaction, before the batch is confirmed: nothing is lost in a crash) and handled from
/// there one by one, in order, at the person's pace; a chat with updates waiting in the inbox sends its new ones there
/// too. What a stop cuts short stays in the inbox and is handled at the next start.
/// </remarks>
public sealed class TelegramInbox(IChannelQueue inbox, FloodGate flood, TelegramUpdateQueue queue, BotClock clock, ILogger<TelegramInbox> logger)
{
    public const string Channel = TelegramUpdateHandler.ChannelName;

    /// <summary>Updates that would wait longer than this for the flood gate go to the inbox (so a batch is held up at most this long).</summary>
    public static readonly TimeSpan DeferAfter = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly HashSet<string> _draining = [];
    private readonly SemaphoreSlim _wake = new(0);

    // Chats with updates in the inbox, and how many: kept in memory so an ordinary batch reads nothing from the file.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _waiting = new();
    private int _loaded;

    private void EnsureLoaded()
    {
        if (Interlocked.Exchange(ref _loaded, 1) == 0)
        {
            foreach (var chat in inbox.Pending(Channel).GroupBy(i => i.Chat))
            {
                _waiting[chat.Key] = chat.Count();
            }
        }
    }

    private void Removed(string chat, long id)
    {
        inbox.Remove(id);
        if (_waiting.AddOrUpdate(chat, 0, (_, n) => n - 1) <= 0)
        {
            _waiting.TryRemove(new KeyValuePair<string, int>(chat, 0));
        }
    }

    /// <summary>Updates written to the inbox since start (for tests and logs).</summary>
    public int Deferred => Volatile.Read(ref _deferred);

    private int _deferred;

    /// <summary>
    /// Splits a batch: the updates to handle now are queued with <paramref name="handleNow"/> (their tasks are returned); the
    /// others are in the inbox when this returns.
    /// </summary>
    /// <remarks>
    /// The updates handled now are queued before the others are written to the inbox: the inbox's reader runs on another
    /// thread and may queue the chat's first deferred update at once, which must come after the chat's earlier ones.
    /// </remarks>
    public IReadOnlyList<Task> Admit(IReadOnlyList<Update> updates, Func<Update, Task> handleNow)
    {
        var now = new List<Update>();
        var later = new List<(string Chat, Update Update)>();
        var ahead = new Dictionary<string, int>();
        var deferredChats = new HashSet<string>();
        EnsureLoaded();
        foreach (var update in updates)
        {
            var chat = TelegramUpdateQueue.ChatKey(update).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var identity = IdentityOf(update);
            var inLine = identity is null ? 0 : ahead.GetValueOrDefault(identity);
            if (deferredChats.Contains(chat) || _waiting.ContainsKey(chat)
                || (identity is not null && flood.Backlog(identity, inLine) > DeferAfter))
            {
                deferredChats.Add(chat);
                later.Add((chat, update));
                continue;
            }
            if (identity is not null)
            {
                ahead[identity] = inLine + 1;
            }
            now.Add(update);
        }
        var handling = now.Select(handleNow).ToList();
        if (later.Count > 0)
        {
            var at = clock.Now;
            inbox.AddAll(Channel, later.Select(l => (l.Item1, JsonSerializer.Serialize(l.Item2, JsonBotAPI.Options))).ToList(), at);
            foreach (var (chat, _) in later)
            {
                _waiting.AddOrUpdate(chat, 1, (_, n) => n + 1);
            }
            Interlocked.Add(ref _deferred, later.Count);
            logger.LogInformation("{Count} updates of {Chats} fast chat(s) wait in the inbox for their turn", later.Count, deferredChats.Count);
            _wake.Release();
        }
        return handling;
    }

    private static string? IdentityOf(Update update) =>
        (update.Message?.From ?? update.CallbackQuery?.From) is { } from ? Channel + ":" + from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Handles what waits in the inbox (left by an earlier run first), chat by chat, until <paramref name="stopping"/>.</summary>
    public async Task RunAsync(CancellationToken handling, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                foreach (var chat in inbox.Pending(Channel).GroupBy(i => i.Chat))
                {
                    lock (_gate)
                    {
                        if (!_draining.Add(chat.Key))
                        {
                            continue;
                        }
                    }
                    _ = Task.Run(() => DrainAsync(chat.Key, handling, stopping), CancellationToken.None);
                }
                await _wake.WaitAsync(TimeSpan.FromSeconds(5), stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Reading the inbox failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task DrainAsync(string chat, CancellationToken handling, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var items = inbox.Pending(Channel).Where(i => i.Chat == chat).ToList();
                if (items.Count == 0)
                {
                    return;
                }
                foreach (var item in items)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    Update? update;
                    try
                    {
                        update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options);
                    }
                    catch (JsonException ex)
                    {
                        logger.LogError("An update kept in the inbox cannot be read and is dropped: {Error}", ex.Message);
                        Removed(chat, item.Id);
                        continue;
                    }
                    if (update is not null)
                    {
                        await queue.Enqueue(update, handling).ConfigureAwait(false);
                    }
                    if (stopping.IsCancellationRequested)
                    {
                        // Perhaps cut short by the stop: kept, and handled at the next start (a handled one is recognised).
                        return;
                    }
                    Removed(chat, item.Id);
                }
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling the inbox of chat {Chat} failed; it is tried again", chat);
        }
        finally
        {
            lock (_gate)
            {
                _draining.Remove(chat);
            }
            _wake.Release();
        }
    }
}
