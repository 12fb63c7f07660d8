using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KhuyenCongBot.Core.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace KhuyenCongBot.Telegram;

/// <summary>Webhook mode: the endpoint Telegram posts updates to.</summary>
public static class TelegramWebhookEndpoints
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Longest wait for an update to be handled before answering 503 (Telegram then delivers it again).</summary>
    public static readonly TimeSpan HandlingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Maps POST on the path of Telegram:WebhookUrl when the mode is Webhook (nothing in Polling mode). Answers only once the
    /// update is handled; once the host is stopping, new posts get 503 unhandled (Telegram delivers them to the next process).
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Mode != TelegramMode.Webhook)
        {
            return endpoints;
        }
        var path = new Uri(options.WebhookUrl!).AbsolutePath;
        // Hashes have one length, so the comparison takes the same time whatever was sent (length included).
        var secret = SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret!));
        endpoints.MapPost(path, async (HttpContext http, TelegramUpdateQueue queue, HandlingGrace grace, ILoggerFactory loggers) =>
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString()));
            if (!CryptographicOperations.FixedTimeEquals(given, secret))
            {
                return Results.Unauthorized();
            }
            if (grace.Stopping)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            // A chunked body has no Content-Length: the limit holds on what is read, not on what is announced.
            var body = http.Request.ContentLength > RequestBody.MaxBytes ? null : await RequestBody.ReadAsync(http.Request.Body, RequestBody.MaxBytes, http.RequestAborted);
            if (body is null)
            {
                loggers.CreateLogger(typeof(TelegramWebhookEndpoints)).LogWarning("Webhook body over {Max} bytes refused", RequestBody.MaxBytes);
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                loggers.CreateLogger(typeof(TelegramWebhookEndpoints)).LogWarning("Webhook body is not a Telegram update");
                return Results.BadRequest();
            }
            if (update is not null)
            {
                // Answer once the update is handled (in order for its chat): if the process dies first, Telegram
                // redelivers it, and the core recognises an update it already handled by its update_id. On a stop, an update in
                // hand still finishes: its token is cancelled only when it overruns the grace period.
                try
                {
                    await queue.Enqueue(update, grace.Token).WaitAsync(HandlingTimeout, http.RequestAborted);
                }
                catch (TimeoutException)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
                catch (OperationCanceledException)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
                if (grace.Token.IsCancellationRequested)
                {
                    // Cut short by the stop: not confirmed, so Telegram delivers it again to the next process.
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
            }
            return Results.Ok();
        });
        return endpoints;
    }
}

/// <summary>Webhook mode: at start, getMe, the menus, then setWebhook with the secret.</summary>
public sealed class TelegramWebhookService(
    TelegramBot bot,
    TelegramInitializer initializer,
    TelegramUpdateQueue queue,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await initializer.InitializeAsync(stoppingToken).ConfigureAwait(false);
            var o = options.Value;
            await initializer.Retry("setWebhook", async () =>
            {
                await bot.Client.SetWebhook(o.WebhookUrl!, secretToken: o.WebhookSecret,
                    allowedUpdates: TelegramPollingService.Allowed, cancellationToken: stoppingToken).ConfigureAwait(false);
                return true;
            }, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Telegram webhook set to {Url}", o.WebhookUrl);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await queue.Drain().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
