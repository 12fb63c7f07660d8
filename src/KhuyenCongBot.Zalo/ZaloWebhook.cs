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

namespace KhuyenCongBot.Zalo;

/// <summary>The HTTP endpoints of the Zalo channel: the webhook (Webhook mode) and the file downloads.</summary>
public static class ZaloEndpoints
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    /// <summary>Largest webhook body read (an update is a few hundred bytes), with or without a Content-Length.</summary>
    public const int MaxBodyBytes = RequestBody.MaxBytes;

    /// <summary>GET /files/{name}: a chart or spreadsheet by its random name, until it expires.</summary>
    public static IEndpointRouteBuilder MapZaloFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{name}", (string name, ZaloFileStore files, HttpContext http) =>
        {
            var file = files.Get(name);
            if (file is null)
            {
                return Results.NotFound();
            }
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return file.ContentType.StartsWith("image/", StringComparison.Ordinal)
                ? Results.File(file.Content, file.ContentType)
                : Results.File(file.Content, file.ContentType, file.FileName);
        });
        return endpoints;
    }

    /// <summary>Longest wait for the updates of one post to be handled before answering 503 (Zalo may then deliver them again).</summary>
    public static readonly TimeSpan HandlingTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// POST on the path of Zalo:WebhookUrl (Webhook mode): checks the secret in constant time and answers once the updates are
    /// handled; once the host is stopping, new posts get 503 unhandled (Zalo delivers them again to the next process).
    /// </summary>
    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
        if (options.Mode != ZaloMode.Webhook || string.IsNullOrEmpty(options.WebhookUrl) || string.IsNullOrEmpty(options.WebhookSecret))
        {
            return endpoints;
        }
        var path = new Uri(options.WebhookUrl).AbsolutePath;
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.WebhookSecret));
        endpoints.MapPost(path, async (HttpContext http, ZaloUpdateQueue queue, ZaloReplayGuard replays,
            HandlingGrace grace, ILoggerFactory loggers) =>
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString()));
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return Results.Unauthorized();
            }
            if (grace.Stopping)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            var logger = loggers.CreateLogger(typeof(ZaloEndpoints));
            // A chunked body has no Content-Length: the limit holds on what is read, not on what is announced.
            var body = http.Request.ContentLength > MaxBodyBytes ? null : await RequestBody.ReadAsync(http.Request.Body, MaxBodyBytes, http.RequestAborted);
            if (body is null)
            {
                logger.LogWarning("Zalo webhook body over {Max} bytes refused", MaxBodyBytes);
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            IReadOnlyList<ZaloUpdate> updates;
            try
            {
                using var document = JsonDocument.Parse(body);
                updates = ZaloUpdateMapper.ParseUpdates(document.RootElement);
            }
            catch (JsonException)
            {
                logger.LogWarning("Zalo webhook body is not JSON");
                return Results.BadRequest();
            }
            var handling = new List<Task>(updates.Count);
            foreach (var update in updates)
            {
                if (update.Message?.MessageId is { Length: > 0 } id && !replays.TryAccept(id))
                {
                    logger.LogInformation("Zalo message {MessageId} delivered again; ignored", id);
                    continue;
                }
                // Handled in order for its chat. On a stop, an update in hand still finishes: its token is cancelled only
                // when it overruns the grace period.
                handling.Add(queue.Enqueue(update, grace.Token));
            }
            // Answer once handled: if the process dies first, Zalo delivers the message again, and the core recognises a
            // message it already handled by its update key ("zalo:<message_id>").
            try
            {
                await Task.WhenAll(handling).WaitAsync(HandlingTimeout, http.RequestAborted);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (handling.Count > 0 && grace.Token.IsCancellationRequested)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Ok(new { ok = true });
        });
        return endpoints;
    }
}

/// <summary>Webhook mode: at start, getMe then setWebhook with the secret (retried until Zalo accepts).</summary>
public sealed class ZaloWebhookService(
    ZaloApiClient api,
    ZaloStartup startup,
    ZaloUpdateQueue queue,
    IOptions<ZaloOptions> options,
    ILogger<ZaloWebhookService> logger,
    ZaloOutbox? outbox = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var o = options.Value;
        try
        {
            await startup.IdentifyAsync(o.ErrorBackoffMilliseconds, stoppingToken).ConfigureAwait(false);
            await startup.RetryAsync("setWebhook", () => api.SetWebhookAsync(o.WebhookUrl!, o.WebhookSecret!, stoppingToken),
                o.ErrorBackoffMilliseconds, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Zalo webhook set to {Url}", o.WebhookUrl);
            await (outbox?.SendKeptAsync(stoppingToken) ?? Task.CompletedTask).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await queue.Drain().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
