using System.ComponentModel.DataAnnotations;

namespace KhuyenCongBot.Core.Options;

/// <summary>Section "Bot": who the first admins are and how the bot keeps time.</summary>
public sealed class BotOptions
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

    /// <summary>Days an invitation code stays valid.</summary>
    [Range(1, 365)]
    public int InvitationDays { get; set; } = 7;

    /// <summary>Messages a person may send in a burst before being slowed down (0 = no limit).</summary>
    [Range(0, 10000)]
    public int FloodBurst { get; set; } = 20;

    /// <summary>Messages a second a person may keep sending after the burst.</summary>
    [Range(0.01, 1000)]
    public double FloodPerSecond { get; set; } = 2;

    /// <summary>The Telegram bot's username, for invitation deep links (filled from getMe when empty).</summary>
    public string? TelegramBotUsername { get; set; }
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
