using System.ComponentModel.DataAnnotations;

namespace KhuyenCongBot.Core.Broadcasts;

/// <summary>Section "Broadcast": sending rates, retries and the monthly reminder.</summary>
public sealed class BroadcastOptions : IValidatableObject
{
    public const string Section = "Broadcast";

    /// <summary>Messages per second over all chats (Telegram allows about 30).</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 25;

    /// <summary>Messages per second to one chat.</summary>
    [Range(1, 100)]
    public int PerChatPerSecond { get; set; } = 1;

    /// <summary>Attempts after the first for errors that are neither a block nor a rate limit.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Sends in flight at once (the rate limits still apply).</summary>
    [Range(1, 64)]
    public int MaxParallel { get; set; } = 8;

    /// <summary>429 answers tolerated for one recipient before giving up on them.</summary>
    [Range(1, 1000)]
    public int MaxRateLimitHits { get; set; } = 20;

    /// <summary>After a crash, resend to recipients left in "sending" (may duplicate) instead of reporting them as uncertain.</summary>
    public bool ResendUncertain { get; set; }

    /// <summary>Cron (5 fields, bot time zone) of the reminder to officers who logged nothing this month.</summary>
    [Required]
    public string ReminderCron { get; set; } = "0 8 25 * *";

    public bool ReminderEnabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Cronos.CronExpression.TryParse(ReminderCron, Cronos.CronFormat.Standard, out _))
        {
            yield return new ValidationResult($"Broadcast:ReminderCron '{ReminderCron}' is not a valid 5-field cron expression.", [nameof(ReminderCron)]);
        }
    }
}
