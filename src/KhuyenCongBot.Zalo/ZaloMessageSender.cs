using System.Diagnostics;
using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>Sends broadcasts and reminders on Zalo, at most Zalo:MessagesPerSecond; refusals become <see cref="SendFailedException"/>.</summary>
public sealed class ZaloMessageSender(ZaloReplySender sender, ZaloSendThrottle throttle) : IMessageSender
{
    public string Channel => ZaloUpdateMapper.Channel;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default)
    {
        try
        {
            await sender.SendAsync(chatId, reply, "vi", cancellationToken, throttle.WaitAsync).ConfigureAwait(false);
        }
        catch (ZaloApiException ex)
        {
            throw ToSendFailed(ex);
        }
    }

    /// <summary>
    /// 403 (forbidden: the person blocked or left the bot) and 404 (unknown chat) are permanent; 429 and the rest are worth a retry.
    /// Zalo does not document per-recipient error codes; these follow the HTTP meaning of the codes.
    /// </summary>
    public static SendFailedException ToSendFailed(ZaloApiException ex)
    {
        var permanent = ex.ErrorCode is 403 or 404;
        var retryAfter = ex.ErrorCode == 429 ? ex.RetryAfter ?? TimeSpan.FromSeconds(1) : ex.RetryAfter;
        return new SendFailedException($"Zalo {ex.ErrorCode}: {ex.Description}", permanent, retryAfter, ex);
    }
}

/// <summary>Spaces Zalo API calls of broadcasts to at most Zalo:MessagesPerSecond (real time, across all callers).</summary>
public sealed class ZaloSendThrottle(IOptions<ZaloOptions> options)
{
    private readonly Lock _gate = new();
    private long _next;

    public async Task WaitAsync(CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, options.Value.MessagesPerSecond));
        TimeSpan wait;
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var slot = Math.Max(now, _next);
            _next = slot + (long)(interval.TotalSeconds * Stopwatch.Frequency);
            wait = Stopwatch.GetElapsedTime(now, slot);
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct).ConfigureAwait(false);
        }
    }
}
