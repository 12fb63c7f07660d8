using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

    /// <summary>Largest webhook body read (an update is a few hundred bytes).</summary>
    public const int MaxBodyBytes = 1 << 20;

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

    /// <summary>POST on the path of Zalo:WebhookUrl (Webhook mode): checks the secret in constant time, answers at once, handles in the background.</summary>
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
            IHostApplicationLifetime lifetime, ILoggerFactory loggers) =>
        {
            var given = SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers[SecretHeader].ToString()));
            if (!CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return Results.Unauthorized();
            }
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            var logger = loggers.CreateLogger(typeof(ZaloEndpoints));
            IReadOnlyList<ZaloUpdate> updates;
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                updates = ZaloUpdateMapper.ParseUpdates(document.RootElement);
            }
            catch (JsonException)
            {
                logger.LogWarning("Zalo webhook body is not JSON");
                return Results.BadRequest();
            }
            foreach (var update in updates)
            {
                if (update.Message?.MessageId is { Length: > 0 } id && !replays.TryAccept(id))
                {
                    logger.LogInformation("Zalo message {MessageId} delivered again; ignored", id);
                    continue;
                }
                // Answer Zalo at once; the update is handled in the background, in order for its chat.
                _ = queue.Enqueue(update, lifetime.ApplicationStopping);
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
    ILogger<ZaloWebhookService> logger) : BackgroundService
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
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await queue.Drain().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
