using System.Globalization;
using Cronos;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Sends broadcasts when they are due (resuming any left half-sent) and reminds officers who logged nothing in the month.</summary>
public sealed class BroadcastService(
    IBroadcastRepository repository,
    IBotStore store,
    BroadcastRunner runner,
    BroadcastSignal signal,
    BotClock clock,
    IOptions<BroadcastOptions> options,
    UserTexts texts,
    ILogger<BroadcastService> logger) : BackgroundService
{
    private const string ReminderLastRunKey = "reminder-last-run";

    /// <summary>When the loop next wakes by itself (null while nothing is scheduled or before the first pass); for tests and logs.</summary>
    public DateTimeOffset? NextWake { get; private set; }

    /// <summary>Raised after each pass of the loop, once it knows when it wakes next.</summary>
    public event Action<DateTimeOffset?>? Waiting;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Nothing here may end the loop but a stop: a failure is logged and retried a minute later (a background
        // service that throws stops the whole host).
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Broadcast loop failed; retrying in a minute");
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), clock.TimeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        var wake = signal.WaitAsync();
        DateTimeOffset? next;
        try
        {
            next = await RunDueAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Broadcast loop failed; retrying in a minute");
            next = clock.Now.AddMinutes(1);
        }
        NextWake = next;
        Waiting?.Invoke(next);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { wake };
        if (next is { } at)
        {
            // Chunked: a broadcast months ahead is further than one timer can wait (~49 days).
            waits.Add(LongDelay.UntilAsync(clock.TimeProvider, at, cts.Token));
        }
        waits.Add(Task.Delay(Timeout.InfiniteTimeSpan, cts.Token));
        var done = await Task.WhenAny(waits).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
        if (done.IsFaulted && done.Exception is { } failure)
        {
            throw failure.GetBaseException();
        }
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Sends every due broadcast and the reminder when due; returns when something is next due (null = nothing scheduled).</summary>
    public async Task<DateTimeOffset?> RunDueAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ReminderEnabled)
        {
            RemindIfDue();
        }
        foreach (var b in repository.Open().Where(b => b.SendAt <= clock.Now).OrderBy(b => b.SendAt).ThenBy(b => b.Id))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await runner.RunAsync(b.Id, cancellationToken).ConfigureAwait(false);
        }
        var nextBroadcast = repository.Open().Select(b => (DateTimeOffset?)b.SendAt).Min();
        var nextReminder = options.Value.ReminderEnabled ? NextReminder() : null;
        return (nextBroadcast, nextReminder) switch
        {
            (null, var r) => r,
            (var b, null) => b,
            (var b, var r) => b < r ? b : r,
        };
    }

    /// <summary>When the cron schedule last ran (or first start), the next occurrence after it.</summary>
    internal DateTimeOffset? NextReminder()
    {
        var cron = CronExpression.Parse(options.Value.ReminderCron, CronFormat.Standard);
        var last = store.Meta.Get(ReminderLastRunKey) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture) : clock.Now;
        if (store.Meta.Get(ReminderLastRunKey) is null)
        {
            store.Meta.Set(ReminderLastRunKey, last.ToString("O", CultureInfo.InvariantCulture));
        }
        return cron.GetNextOccurrence(last, clock.Zone);
    }

    private void RemindIfDue()
    {
        if (NextReminder() is not { } due || due > clock.Now)
        {
            return;
        }
        store.Meta.Set(ReminderLastRunKey, clock.Now.ToString("O", CultureInfo.InvariantCulture));
        CreateReminder(clock.Now);
    }

    /// <summary>Queues a reminder to active officers who logged nothing in the month of <paramref name="now"/> and were not reminded yet this month; returns its id or null.</summary>
    public long? CreateReminder(DateTimeOffset now)
    {
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset);
        var key = $"reminded:{now:yyyy-MM}";
        var reminded = (store.Meta.Get(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToHashSet();
        var officers = store.Users.All()
            .Where(u => u.Active && u.Role == Role.Officer && !reminded.Contains(u.Id))
            .Where(u => store.Records.ByUser(u.Id, 1) is not [var last] || last.CreatedAt < monthStart)
            .Select(u => u.Id).ToList();
        if (officers.Count == 0)
        {
            return null;
        }
        var month = now.ToString("MM/yyyy", CultureInfo.InvariantCulture);
        var id = repository.Add(new Broadcast
        {
            // One text for every officer reminded, so in the default language.
            Text = texts.Text(UserTexts.Vietnamese, "broadcast.monthly_reminder", ("month", month)),
            Audience = AudienceKind.Users,
            AudienceUserIds = officers,
            AskAcknowledgement = false,
            CreatedAt = now,
            SendAt = now,
            Status = BroadcastStatus.Scheduled,
        });
        store.Meta.Set(key, string.Join(",", reminded.Concat(officers).Select(i => i.ToString(CultureInfo.InvariantCulture))));
        logger.LogInformation("Monthly reminder #{Id} queued for {Count} officers", id, officers.Count);
        return id;
    }

}
