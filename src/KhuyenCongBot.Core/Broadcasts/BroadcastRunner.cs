using System.Collections.Concurrent;
using System.Globalization;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Sends one broadcast to its recipients within the platform limits, storing each recipient's state as it changes.</summary>
/// <remarks>
/// Each recipient is marked "sending" before the send and "sent" (or "pending" for a retry, or "failed") after,
/// so a restart resumes where it stopped: nobody gets a second copy and nobody is skipped. A recipient found in
/// "sending" at start (the process died during that send) may or may not have received it; by default it is
/// reported as failed with reason "uncertain" and not resent (no duplicates); BroadcastOptions.ResendUncertain
/// resends instead. A graceful stop waits for the sends in flight, so only a crash leaves "sending" behind.
/// </remarks>
public sealed class BroadcastRunner(
    IBroadcastRepository repository,
    IBotStore store,
    IEnumerable<IMessageSender> senders,
    TimeProvider time,
    BroadcastOptions options,
    UserTexts texts,
    BroadcastSignal? signal = null,
    ILogger<BroadcastRunner>? logger = null)
{
    private readonly Dictionary<string, IMessageSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly SendRateLimiter _limiter = new(time, options.MessagesPerSecond, options.PerChatPerSecond);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>How long a graceful stop waits for the sends in flight before abandoning them (below the host's 10 s stop timeout).</summary>
    public TimeSpan StopGrace { get; init; } = Messaging.HandlingGrace.Default;

    /// <summary>Channels this runner can send on.</summary>
    public IReadOnlyCollection<string> Channels => _senders.Keys;

    /// <summary>Sends (or resumes) broadcast <paramref name="broadcastId"/>; returns when every recipient is sent or failed, or when stopped.</summary>
    public async Task RunAsync(long broadcastId, CancellationToken cancellationToken)
    {
        var broadcast = repository.Get(broadcastId);
        if (broadcast is null || broadcast.Status is BroadcastStatus.Done or BroadcastStatus.Cancelled or BroadcastStatus.Draft)
        {
            return;
        }
        if (!broadcast.RecipientsCreated)
        {
            broadcast.Status = BroadcastStatus.Sending;
            broadcast.StartedAt = time.GetUtcNow();
            repository.CreateRecipients(broadcast, BroadcastAudience.Recipients(broadcast, store.Users.All(), Channels));
        }
        else if (broadcast.Status != BroadcastStatus.Sending)
        {
            broadcast.Status = BroadcastStatus.Sending;
            repository.Update(broadcast);
        }

        var all = repository.Recipients(broadcastId);
        var queue = new PriorityQueue<BroadcastRecipient, (DateTimeOffset, long)>();
        foreach (var r in all)
        {
            if (r.State == DeliveryState.Sending)
            {
                if (options.ResendUncertain)
                {
                    r.State = DeliveryState.Pending;
                }
                else
                {
                    r.State = DeliveryState.Failed;
                    r.Reason = "uncertain: the bot stopped during this send";
                }
                repository.UpdateRecipient(r);
            }
            if (r.State == DeliveryState.Pending)
            {
                if (!_senders.ContainsKey(r.Channel))
                {
                    r.State = DeliveryState.Failed;
                    r.Reason = $"no_channel: {r.Channel}";
                    repository.UpdateRecipient(r);
                    continue;
                }
                queue.Enqueue(r, (r.NextAttemptAt ?? DateTimeOffset.MinValue, r.Id));
            }
        }

        var reply = MessageOf(broadcast);
        var retries = new ConcurrentQueue<BroadcastRecipient>();
        var inflight = new List<Task>();
        using var gate = new SemaphoreSlim(options.MaxParallel, options.MaxParallel);
        using var abandon = new CancellationTokenSource();
        var total = all.Count;
        var done = all.Count(r => r.State is DeliveryState.Sent or DeliveryState.Failed);
        var cancelled = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                inflight.RemoveAll(t => t.IsCompleted);
                while (retries.TryDequeue(out var again))
                {
                    queue.Enqueue(again, (again.NextAttemptAt ?? DateTimeOffset.MinValue, again.Id));
                }
                done = total - queue.Count - inflight.Count - retries.Count;
                await ProgressAsync(broadcastId, done, total, cancellationToken).ConfigureAwait(false);
                if (IsCancelled(broadcastId))
                {
                    cancelled = true;
                    break;
                }
                if (!queue.TryPeek(out var next, out var due))
                {
                    if (inflight.Count == 0)
                    {
                        break;
                    }
                    await Task.WhenAny(inflight).ConfigureAwait(false);
                    continue;
                }
                var now = time.GetUtcNow();
                if (due.Item1 > now)
                {
                    await WaitForAsync(due.Item1 - now, inflight, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await _limiter.WaitAsync(next.Channel + ":" + next.ChatId, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    gate.Release();
                    throw;
                }
                queue.Dequeue();
                next.State = DeliveryState.Sending;
                next.Attempts++;
                repository.UpdateRecipient(next);
                inflight.Add(SendOneAsync(next, reply, gate, retries, abandon.Token));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Let the sends in flight finish and record their outcome; abandon them after the grace period.
            if (inflight.Count > 0)
            {
                abandon.CancelAfter(StopGrace);
                await Task.WhenAll(inflight).ConfigureAwait(false);
            }
        }

        if (cancelled)
        {
            foreach (var r in repository.Recipients(broadcastId).Where(r => r.State == DeliveryState.Pending))
            {
                r.State = DeliveryState.Failed;
                r.Reason = "cancelled";
                repository.UpdateRecipient(r);
            }
        }
        if (cancellationToken.IsCancellationRequested && !cancelled)
        {
            return;
        }
        var final = repository.Get(broadcastId)!;
        if (final.Status != BroadcastStatus.Cancelled)
        {
            final.Status = BroadcastStatus.Done;
        }
        final.FinishedAt = time.GetUtcNow();
        repository.Update(final);
        await ReportAsync(final, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>What each recipient receives: the text, the attachment, and a "Đã nhận" button (in Vietnamese: one message for everyone).</summary>
    public Reply MessageOf(Broadcast broadcast) => new()
    {
        Text = broadcast.Text,
        Attachment = broadcast.AttachmentContent is { } bytes
            ? new Attachment(broadcast.AttachmentIsPhoto ? AttachmentKind.Photo : AttachmentKind.Document,
                broadcast.AttachmentName ?? "tep", bytes, broadcast.AttachmentContentType ?? "application/octet-stream")
            : null,
        Choices = broadcast.AskAcknowledgement ? [new Choice(texts.Text(UserTexts.Vietnamese, "broadcast.ack_button"), "ack:" + broadcast.Id.ToString(CultureInfo.InvariantCulture), Numbered: false)] : [],
    };

    private async Task SendOneAsync(BroadcastRecipient r, Reply reply, SemaphoreSlim gate, ConcurrentQueue<BroadcastRecipient> retries, CancellationToken abandon)
    {
        try
        {
            await _senders[r.Channel].SendAsync(r.ChatId, reply, abandon).ConfigureAwait(false);
            r.State = DeliveryState.Sent;
            r.SentAt = time.GetUtcNow();
            r.Reason = null;
            r.NextAttemptAt = null;
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Left in "sending": the next start decides (see the class remarks).
            return;
        }
        catch (SendFailedException ex) when (ex.RetryAfter is { } retryAfter)
        {
            _limiter.Pause(retryAfter);
            r.RateLimitHits++;
            if (r.RateLimitHits > options.MaxRateLimitHits)
            {
                Fail(r, "rate_limited: " + ex.Message);
            }
            else
            {
                Retry(r, time.GetUtcNow() + retryAfter, ex.Message);
            }
        }
        catch (SendFailedException ex) when (ex.Permanent)
        {
            Fail(r, "blocked: " + ex.Message);
            Deactivate(r, ex.Message);
        }
        catch (Exception ex)
        {
            var errors = r.Attempts - r.RateLimitHits;
            if (errors > options.MaxRetries)
            {
                Fail(r, "error: " + ex.Message);
            }
            else
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, errors - 1)));
                Retry(r, time.GetUtcNow() + backoff, ex.Message);
            }
        }
        finally
        {
            gate.Release();
        }
        repository.UpdateRecipient(r);
        if (r.State == DeliveryState.Pending)
        {
            retries.Enqueue(r);
        }
    }

    private static void Fail(BroadcastRecipient r, string reason)
    {
        r.State = DeliveryState.Failed;
        r.Reason = reason;
        r.NextAttemptAt = null;
    }

    private static void Retry(BroadcastRecipient r, DateTimeOffset at, string reason)
    {
        r.State = DeliveryState.Pending;
        r.Reason = reason;
        r.NextAttemptAt = at;
    }

    /// <summary>A person who blocked the bot or deleted their account is deactivated (audited) and not retried.</summary>
    private void Deactivate(BroadcastRecipient r, string reason)
    {
        try
        {
            var user = store.Users.Get(r.UserId);
            if (user is null || !user.Active)
            {
                return;
            }
            var before = InvitationService.Describe(user);
            user.Active = false;
            store.Users.Update(user);
            store.Audit.Add(new AuditEntry
            {
                At = time.GetUtcNow(), UserId = 0, Action = "deactivate-unreachable", Entity = "user",
                EntityId = user.Id.ToString(CultureInfo.InvariantCulture), Before = before, After = InvitationService.Describe(user) + " reason: " + reason,
            });
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not deactivate unreachable user {UserId}", r.UserId);
        }
    }

    private bool IsCancelled(long broadcastId) =>
        signal?.IsCancelled(broadcastId) == true || repository.Get(broadcastId)?.Status == BroadcastStatus.Cancelled;

    private async Task WaitForAsync(TimeSpan delay, List<Task> inflight, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), time, cts.Token);
        await Task.WhenAny(inflight.Append(timer)).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
    }

    private async Task ProgressAsync(long broadcastId, int done, int total, CancellationToken ct)
    {
        if (total < 40)
        {
            return;
        }
        var percent = done * 100 / total / 25 * 25;
        if (percent is 0 or 100)
        {
            return;
        }
        var b = repository.Get(broadcastId);
        if (b is null || percent <= b.LastProgressPercent)
        {
            return;
        }
        b.LastProgressPercent = percent;
        repository.Update(b);
        await NotifyAdminAsync(b, Reply.Of(texts.Text(UserTexts.Vietnamese, "broadcast.progress", ("id", b.Id), ("done", done), ("total", total), ("percent", percent))), ct).ConfigureAwait(false);
    }

    private Task ReportAsync(Broadcast b, CancellationToken ct) =>
        NotifyAdminAsync(b, BroadcastReport.Build(b, repository.Recipients(b.Id), texts), ct);

    private async Task NotifyAdminAsync(Broadcast b, Reply reply, CancellationToken ct)
    {
        if (b.ReportChannel is null || b.ReportChatId is null || !_senders.TryGetValue(b.ReportChannel, out var sender))
        {
            return;
        }
        try
        {
            await _limiter.WaitAsync(b.ReportChannel + ":" + b.ReportChatId, ct).ConfigureAwait(false);
            await sender.SendAsync(b.ReportChatId, reply, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Could not send the progress of broadcast {Id} to its admin", b.Id);
        }
    }
}
