using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace KhuyenCongBot.Telegram;

/// <summary>Polling mode: removes any webhook, then long-polls getUpdates, handling each batch before confirming it.</summary>
public sealed class TelegramPollingService(
    TelegramBot bot,
    TelegramInitializer initializer,
    TelegramUpdateQueue queue,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.CallbackQuery];

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
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(7);

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
                    // Different chats run concurrently, each chat in order; the batch is confirmed (offset) only once handled.
                    await Task.WhenAll(updates.Select(u => queue.Enqueue(u, handling.Token))).ConfigureAwait(false);
                    offset = Math.Max(offset, updates.Max(u => u.Id) + 1);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    return;
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
        }
    }

    /// <summary>Tells Telegram the handled batch is done (getUpdates with the new offset), so it is not delivered again after a stop.</summary>
    private async Task ConfirmAsync(int offset)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await bot.Client.GetUpdates(offset, 1, 0, Allowed, quick.Token).ConfigureAwait(false);
            logger.LogInformation("Confirmed handled updates up to {Offset} before stopping", offset - 1);
        }
        catch (Exception ex)
        {
            logger.LogInformation("Could not confirm updates before stopping (they will be recognised if delivered again): {Error}", bot.Redact(ex.Message));
        }
    }
}
