using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Zalo;

/// <summary>At start: getMe (checks the token, learns the bot's name for group mentions), with retries.</summary>
public sealed class ZaloStartup(ZaloApiClient api, ZaloUpdateProcessor processor, ILogger<ZaloStartup> logger)
{
    /// <summary>Calls getMe until it answers; a refused token is logged once as an error and retried slowly.</summary>
    public async Task IdentifyAsync(int backoffMilliseconds, CancellationToken ct)
    {
        await RetryAsync("getMe", async () =>
        {
            var me = await api.GetMeAsync(ct).ConfigureAwait(false);
            processor.BotName = NameOf(me);
            logger.LogInformation("Zalo bot ready: {Name}", processor.BotName ?? "(no name)");
        }, backoffMilliseconds, ct).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="action"/> until it succeeds, doubling the wait after each failure up to a minute.</summary>
    public async Task RetryAsync(string what, Func<Task> action, int backoffMilliseconds, CancellationToken ct)
    {
        var failures = 0;
        while (true)
        {
            try
            {
                await action().ConfigureAwait(false);
                return;
            }
            catch (ZaloApiException ex)
            {
                failures++;
                if (ex.ErrorCode == 401)
                {
                    logger.LogError("Zalo refused the bot token (401) on {Method}; check Zalo:BotToken", ex.Method);
                }
                else
                {
                    logger.LogWarning("Zalo {Method} failed with {Code}: {Description}; retrying", ex.Method, ex.ErrorCode, ex.Description);
                }
            }
            await Task.Delay(Backoff(backoffMilliseconds, failures), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: doubles from the first, at most a minute.</summary>
    public static TimeSpan Backoff(int firstMilliseconds, int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(60_000, firstMilliseconds * Math.Pow(2, Math.Min(16, Math.Max(0, failures - 1)))));

    private static string? NameOf(JsonElement me)
    {
        foreach (var key in new[] { "display_name", "account_name", "name" })
        {
            if (me.ValueKind == JsonValueKind.Object && me.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }
        return null;
    }
}
