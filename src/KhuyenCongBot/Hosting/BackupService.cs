using System.ComponentModel.DataAnnotations;
using Cronos;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Hosting;

/// <summary>Section "Backup": the scheduled daily copy of the database.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    public bool Enabled { get; set; } = true;

    [Required]
    public string Folder { get; set; } = "data/backups";

    [Range(1, 1000)]
    public int Keep { get; set; } = 7;

    /// <summary>Cron in Vietnam time; default every day at 02:00.</summary>
    [Required]
    public string Cron { get; set; } = "0 2 * * *";
}

/// <summary>Takes a backup on the schedule and keeps the last N.</summary>
public sealed class BackupService(IBotStore store, IOptions<BackupOptions> options, BotClock clock, ILogger<BackupService> logger) : BackgroundService
{
    /// <summary>Takes one backup now; returns its path.</summary>
    public string BackupNow()
    {
        // The folder holds copies of the whole database (identities included): 0700, its files 0600.
        var folder = PrivateFiles.CreateOwnFolder(options.Value.Folder);
        var path = Path.Combine(folder, $"khuyencong-{clock.Now:yyyyMMdd-HHmmss}.db");
        Backups.BackupTo((LiteDbStore)store, path);
        Backups.Prune(folder, "khuyencong-*.db", options.Value.Keep);
        foreach (var kept in Directory.EnumerateFiles(folder, "khuyencong-*.db"))
        {
            PrivateFiles.Restrict(kept);
        }
        return path;
    }

    /// <summary>The newest backup file, if any.</summary>
    public string? Latest()
    {
        var folder = Path.GetFullPath(options.Value.Folder);
        return Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles("khuyencong-*.db").OrderByDescending(f => f.Name).FirstOrDefault()?.FullName
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || store is not LiteDbStore { Path_: not ":memory:" })
        {
            return;
        }
        var cron = CronExpression.Parse(options.Value.Cron);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = cron.GetNextOccurrence(clock.TimeProvider.GetUtcNow(), clock.Zone);
            if (next is null)
            {
                return;
            }
            var delay = next.Value - clock.TimeProvider.GetUtcNow();
            try
            {
                await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, clock.TimeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                logger.LogInformation("Scheduled backup written to {Path}", BackupNow());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                logger.LogError(ex, "Scheduled backup failed");
            }
        }
    }
}

/// <summary>/saoluu (/backup): an admin gets the latest backup (taken now if there is none) as a document.</summary>
public sealed class BackupModule(BackupService backups) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("backup", ["saoluu"], "Sao lưu dữ liệu và gửi bản sao lưu", "Back up the database and send the file", Role.Admin, SendAsync, PrivateOnly: true),
    ];

    private Task SendAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var path = arguments.Trim().Equals("moi", StringComparison.OrdinalIgnoreCase) || arguments.Trim().Equals("mới", StringComparison.OrdinalIgnoreCase)
            ? backups.BackupNow()
            : backups.Latest() ?? backups.BackupNow();
        var bytes = File.ReadAllBytes(path);
        context.Say(new Reply
        {
            Text = context.T(
                $"Bản sao lưu {Path.GetFileName(path)} ({Core.Text.VnFormat.Number(bytes.Length / 1024)} KB). Gõ /saoluu mới để sao lưu ngay.",
                $"Backup {Path.GetFileName(path)} ({bytes.Length / 1024:N0} KB). Type /backup moi for a fresh one."),
            Attachment = new Attachment(AttachmentKind.Document, Path.GetFileName(path), bytes, "application/octet-stream") { Confidential = true },
        });
        return Task.CompletedTask;
    }
}
