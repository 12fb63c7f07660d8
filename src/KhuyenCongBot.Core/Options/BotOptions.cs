using System.ComponentModel.DataAnnotations;

namespace KhuyenCongBot.Core.Options;

/// <summary>Section "Bot": who the first admins are and how the bot keeps time.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>Identities that are admins from start-up, like "telegram:123456".</summary>
    public List<string> Admins { get; set; } = [];

    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Days during which an officer may correct or delete their own record.</summary>
    [Range(0, 365)]
    public int EditWindowDays { get; set; } = 7;

    /// <summary>Idle minutes after which an officer with an unfinished form is reminded once.</summary>
    [Range(1, 10080)]
    public int DraftReminderMinutes { get; set; } = 120;

    /// <summary>Idle minutes after which a pending list choice (/nguoidung, /moi, the /ghi activity list, a clarification) ends by
    /// itself, so a forgotten list never takes the next message; forms keep their drafts.</summary>
    [Range(1, 10080)]
    public int DialogIdleMinutes { get; set; } = 30;

    /// <summary>Days an invitation code stays valid.</summary>
    [Range(1, 365)]
    public int InvitationDays { get; set; } = 7;

    /// <summary>Messages a person may send in a burst before being slowed down (0 = no limit).</summary>
    [Range(0, 10000)]
    public int FloodBurst { get; set; } = 20;

    /// <summary>Messages a second a person may keep sending after the burst.</summary>
    [Range(0.01, 1000)]
    public double FloodPerSecond { get; set; } = 2;

    /// <summary>Wrong invitation or link codes one sender may send within <see cref="CodeLockoutMinutes"/> before no code of theirs is checked.</summary>
    [Range(1, 100)]
    public int CodeAttemptsPerSender { get; set; } = 5;

    /// <summary>Wrong codes from everyone together within <see cref="CodeLockoutMinutes"/> before no code is checked for anyone (guessing from many accounts).</summary>
    [Range(1, 10000)]
    public int CodeAttemptsGlobal { get; set; } = 50;

    /// <summary>Minutes a lockout lasts, and the window wrong codes are counted in.</summary>
    [Range(1, 1440)]
    public int CodeLockoutMinutes { get; set; } = 15;

    /// <summary>The Telegram bot's username, for invitation deep links (filled from getMe when empty).</summary>
    public string? TelegramBotUsername { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CodeAttemptsGlobal < CodeAttemptsPerSender)
        {
            yield return new ValidationResult(
                $"must be at least Bot:CodeAttemptsPerSender ({CodeAttemptsPerSender}); it is {CodeAttemptsGlobal}",
                [nameof(CodeAttemptsGlobal)]);
        }
    }
}

/// <summary>Section "Storage": the one LiteDB file.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string DatabasePath { get; set; } = "data/khuyencong.db";

    /// <summary>Folder of the seed files (catalogue, forms, demo data); defaults to "seeds" beside the program.</summary>
    public string? SeedsPath { get; set; }

    /// <summary>Load the demo dataset on first start.</summary>
    public bool LoadDemoData { get; set; }

    /// <summary>Folder where charts and spreadsheets are written by the terminal channel (and Zalo's file links, in zalo-files).</summary>
    public string OutputPath { get; set; } = "data/out";
}
