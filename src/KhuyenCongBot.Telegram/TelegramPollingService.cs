using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace KhuyenCongBot.Telegram;

/// <summary>Polling mode: removes any webhook, then long-polls getUpdates, handling each batch before confirming it.</summary>
public sealed class TelegramPollingService(
    TelegramBot bot,
    TelegramInitializer initializer,
    TelegramUpdateQueue queue,
    TelegramInbox inbox,
    TelegramUpdateHandler handler,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    /// <summary>The updates the bot asks for; chat_member must be named to be delivered at all (it tells who joins and leaves a group).</summary>
    internal static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.ChatMember, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await initializer.Retry("deleteWebhook", async () =>
            {
                await bot.Client.DeleteWebhook(cancellationToken: stoppingToken).ConfigureAwait(false);
                return true;
            }, stoppingToken)
                .ConfigureAwait(false);
            await initializer.InitializeAsync(stoppingToken).ConfigureAwait(false);
            await PollAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>How long updates in hand may still run after a stop was asked (the host allows 10 seconds in all).</summary>
    public static readonly TimeSpan StopGrace = Core.Messaging.HandlingGrace.Default;

    private async Task PollAsync(CancellationToken ct)
    {
        var timeout = options.Value.PollTimeoutSeconds;
        var initialDelay = TimeSpan.FromMilliseconds(options.Value.ErrorBackoffMilliseconds);
        var delay = initialDelay;
        var offset = 0;
        var confirmed = 0;
        // Updates in hand finish on a stop (SIGTERM): their token is cancelled only if they overrun the grace period.
        using var handling = new CancellationTokenSource();
        using var onStop = ct.Register(() => handling.CancelAfter(StopGrace));
        // Updates of a person sending too fast wait in the database's inbox (see TelegramInbox), not in the batch.
        var pump = Task.Run(() => inbox.RunAsync(handling.Token, ct), CancellationToken.None);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                try
                {
                    var updates = await bot.Client.GetUpdates(offset, 100, timeout, Allowed, ct).ConfigureAwait(false);
                    confirmed = offset;
                    delay = initialDelay;
                    if (updates.Length == 0)
                    {
                        continue;
                    }
                    // Different chats run concurrently, each chat in order; the batch is confirmed (offset) only once handled
                    // (or, for a person sending too fast, kept in the inbox).
                    var now = new List<Update>();
                    await Task.WhenAll(inbox.Admit(updates, u =>
                    {
                        now.Add(u);
                        return Enqueue(u, handling.Token);
                    })).ConfigureAwait(false);
                    // An update the stop cut short is not confirmed: Telegram delivers it again to the next start.
                    var cut = now.Where(u => handler.WasCut(u.Id)).Select(u => (int?)u.Id).Min();
                    offset = cut is { } first ? Math.Max(offset, first) : Math.Max(offset, updates.Max(u => u.Id) + 1);
                    if (cut is not null)
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
                }
                catch (RequestException ex) when (ex.InnerException is JsonException || ex.Message.Contains("deserializ", StringComparison.OrdinalIgnoreCase))
                {
                    // One update the client cannot read must not stop the loop: read the batch one update at a time.
                    if (await SafeOneByOneAsync(offset, handling.Token, ct).ConfigureAwait(false) is { } next)
                    {
                        offset = next;
                        continue;
                    }
                    logger.LogWarning("getUpdates answer could not be read, retrying in {Delay}", delay);
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                    delay = TelegramInitializer.Next(delay);
                }
                catch (Exception ex)
                {
                    var conflict = ex is ApiRequestException { ErrorCode: 409 };
                    logger.LogWarning("getUpdates failed{Hint}, retrying in {Delay}: {Error}",
                        conflict ? " (another instance or a webhook is using this token)" : "", delay, bot.Redact(ex.Message));
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                    delay = TelegramInitializer.Next(delay);
                }
            }
        }
        finally
        {
            if (offset > confirmed)
            {
                await ConfirmAsync(offset).ConfigureAwait(false);
            }
            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>Queues one update; a failure is logged with its id and never fails (and so repeats) the whole batch.</summary>
    private Task Enqueue(Update update, CancellationToken handling)
    {
        try
        {
            return queue.Enqueue(update, handling);
        }
        catch (Exception ex)
        {
            logger.LogError("Update {UpdateId} could not be queued and is skipped: {Error}", update.Id, bot.Redact(ex));
            return Task.CompletedTask;
        }
    }

    private async Task<int?> SafeOneByOneAsync(int offset, CancellationToken handling, CancellationToken ct)
    {
        try
        {
            return await HandleOneByOneAsync(offset, handling, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Reading updates one by one failed: {Error}", bot.Redact(ex.Message));
            return null;
        }
    }

    private static readonly HttpClient Raw = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Fetches the batch as raw JSON and reads each update on its own: the readable ones are handled, an unreadable one is
    /// logged with its update_id and skipped. Returns the next offset, or null when not even the ids could be read.
    /// </summary>
    private async Task<int?> HandleOneByOneAsync(int offset, CancellationToken handling, CancellationToken ct)
    {
        var o = options.Value;
        var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? "https://api.telegram.org" : o.ApiBaseUrl.Trim().TrimEnd('/');
        JsonArray? items;
        try
        {
            var body = new JsonObject { ["offset"] = offset, ["limit"] = 100, ["timeout"] = 0, ["allowed_updates"] = new JsonArray("message", "callback_query", "chat_member", "my_chat_member") };
            using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            using var response = await Raw.PostAsync($"{baseUrl}/bot{o.BotToken!.Trim()}/getUpdates", content, ct).ConfigureAwait(false);
            items = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false))?["result"] as JsonArray;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Reading updates one by one failed: {Error}", bot.Redact(ex.Message));
            return null;
        }
        if (items is null)
        {
            return null;
        }
        var max = -1;
        var readable = new List<Update>();
        foreach (var item in items)
        {
            var id = item?["update_id"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : -1;
            max = Math.Max(max, id);
            try
            {
                if (item.Deserialize<Update>(JsonBotAPI.Options) is { } update)
                {
                    readable.Add(update);
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or ArgumentException)
            {
                logger.LogWarning("Update {UpdateId} cannot be read and is skipped: {Error}", id, bot.Redact(ex.Message));
            }
        }
        await Task.WhenAll(inbox.Admit(readable, u => Enqueue(u, handling))).ConfigureAwait(false);
        return max < 0 ? null : Math.Max(offset, max + 1);
    }

    /// <summary>Tells Telegram the handled batch is done (getUpdates with the new offset), so it is not delivered again after a stop.</summary>
    private async Task ConfirmAsync(int offset)
    {
        try
        {
            using var quick = new CancellationTokenSource(Core.Messaging.HandlingGrace.ConfirmDeadline);
            await bot.Client.GetUpdates(offset, 1, 0, Allowed, quick.Token).ConfigureAwait(false);
            logger.LogInformation("Confirmed handled updates up to {Offset} before stopping", offset - 1);
        }
        catch (Exception ex)
        {
            logger.LogInformation("Could not confirm updates before stopping (they will be recognised if delivered again): {Error}", bot.Redact(ex.Message));
        }
    }
}
