using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Reminds an officer once about an unfinished form after BotOptions.DraftReminderMinutes of silence.</summary>
public sealed class DraftReminderService(
    IBotStore store,
    IEnumerable<IMessageSender> senders,
    BotClock clock,
    FormPrompter prompter,
    CatalogueIndex catalogue,
    IOptions<BotOptions> options,
    UserTexts texts,
    ILogger<DraftReminderService> logger) : BackgroundService
{
    /// <summary>How often the drafts are scanned.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await ScanOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Draft reminder scan failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sends the reminders that are due; returns how many were sent.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        var idle = TimeSpan.FromMinutes(options.Value.DraftReminderMinutes);
        var sent = 0;
        foreach (var state in store.Conversations.Active())
        {
            if (state.Flow != FormRunner.FlowName || state.RemindedAt is not null || now - state.UpdatedAt < idle
                || state.LastChannel is null || state.LastChatId is null)
            {
                continue;
            }
            var session = new FormSession(state);
            if (session.Phase == FormPhase.Pick || session.FormId is null)
            {
                continue;
            }
            var sender = senders.FirstOrDefault(s => s.Channel == state.LastChannel);
            if (sender is null)
            {
                continue;
            }
            var language = store.Users.Get(state.Id)?.Language == "en" ? "en" : UserTexts.Vietnamese;
            var text = texts.Text(language, "form.reminder.unfinished",
                ("describe", prompter.Describe(session, language, catalogue, store.Users.Get(state.Id))), ("ago", Ago(now - state.UpdatedAt, texts, language)));
            try
            {
                await sender.SendAsync(state.LastChatId, new Reply { Text = text, Choices = state.LastChoices }, cancellationToken).ConfigureAwait(false);
                sent++;
            }
            catch (SendFailedException ex)
            {
                logger.LogWarning("Draft reminder to user {UserId} failed: {Reason}", state.Id, ex.Message);
                if (!ex.Permanent)
                {
                    continue;
                }
            }
            // Mark it only if the person has not written in the meantime.
            var fresh = store.Conversations.Get(state.Id);
            if (fresh is not null && fresh.UpdatedAt == state.UpdatedAt && fresh.Flow == state.Flow)
            {
                fresh.RemindedAt = now;
                store.Conversations.Save(fresh);
            }
        }
        return sent;
    }

    /// <summary>"45 phút trước", "2 giờ trước", "3 ngày trước".</summary>
    public static string Ago(TimeSpan span, UserTexts texts, string language)
    {
        if (span.TotalHours < 1)
        {
            return texts.Text(language, "form.reminder.minutes_ago", ("minutes", Math.Max(1, (int)span.TotalMinutes)));
        }
        if (span.TotalDays < 1)
        {
            return texts.Text(language, "form.reminder.hours_ago", ("hours", (int)span.TotalHours));
        }
        return texts.Text(language, "form.reminder.days_ago", ("days", (int)span.TotalDays));
    }
}
