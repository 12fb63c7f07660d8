using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>Polling mode: getUpdates in a loop (one update per call; 408 means nothing yet), backing off on errors.</summary>
public sealed class ZaloPollingService(
    ZaloApiClient api,
    ZaloStartup startup,
    ZaloUpdateQueue queue,
    KhuyenCongBot.Core.Messaging.HandlingGrace grace,
    ZaloOutbox outbox,
    IOptions<ZaloOptions> options,
    ILogger<ZaloPollingService> logger) : BackgroundService
{
    /// <summary>Shortest time between two polls that came back empty at once (a server that does not hold the poll).</summary>
    public static readonly TimeSpan MinEmptyPollInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        try
        {
            await startup.IdentifyAsync(o.ErrorBackoffMilliseconds, stoppingToken).ConfigureAwait(false);
            await RemoveWebhookAsync(stoppingToken).ConfigureAwait(false);
            await outbox.SendKeptAsync(stoppingToken).ConfigureAwait(false);
            var failures = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var updates = await api.GetUpdatesAsync(o.PollTimeoutSeconds, stoppingToken).ConfigureAwait(false);
                    failures = 0;
                    foreach (var update in updates)
                    {
                        // Zalo hands each update out once: on a stop it finishes (cancelled only past the grace period).
                        _ = queue.Enqueue(update, grace.Token);
                    }
                    if (updates.Count == 0 && Stopwatch.GetElapsedTime(started) < MinEmptyPollInterval)
                    {
                        await Task.Delay(MinEmptyPollInterval - Stopwatch.GetElapsedTime(started), stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (ZaloApiException ex)
                {
                    failures++;
                    var wait = ex.RetryAfter ?? ZaloStartup.Backoff(o.ErrorBackoffMilliseconds, failures);
                    if (ex.ErrorCode == 401)
                    {
                        logger.LogError("Zalo refused the bot token (401) on getUpdates; check Zalo:BotToken. Next try in {Wait}", wait);
                    }
                    else
                    {
                        logger.LogWarning("Zalo getUpdates failed with {Code}: {Description}; next try in {Wait}", ex.ErrorCode, ex.Description, wait);
                    }
                    await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await queue.Drain().WaitAsync(KhuyenCongBot.Core.Messaging.HandlingGrace.Default, CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }

    /// <summary>getUpdates does not work while a webhook is set: remove a leftover one (logged).</summary>
    private async Task RemoveWebhookAsync(CancellationToken ct)
    {
        try
        {
            var info = await api.GetWebhookInfoAsync(ct).ConfigureAwait(false);
            if (info.ValueKind == JsonValueKind.Object && info.TryGetProperty("url", out var url)
                && url.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(url.GetString()))
            {
                logger.LogWarning("A Zalo webhook was set; removing it to use polling (Zalo:Mode=Polling)");
                await api.DeleteWebhookAsync(ct).ConfigureAwait(false);
            }
        }
        catch (ZaloApiException ex)
        {
            logger.LogWarning("Zalo {Method} failed with {Code}: {Description}", ex.Method, ex.ErrorCode, ex.Description);
        }
    }
}
