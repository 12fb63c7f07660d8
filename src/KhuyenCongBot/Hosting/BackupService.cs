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

/// <summary>Takes a backup on the schedule and keeps the last N; every backup is checked completely before it counts.</summary>
public sealed class BackupService(IBotStore store, IOptions<BackupOptions> options, BotClock clock, ILogger<BackupService> logger) : BackgroundService
{
    public const string Pattern = "khuyencong-*.db";

    private readonly Lock _gate = new();

    /// <summary>Raised after each scheduled backup attempt (the path, or null when it failed); for tests.</summary>
    public event Action<string?>? Attempted;

    /// <summary>Takes one backup now, checks it, then drops the oldest beyond Backup:Keep (never the one just written); returns its path.</summary>
    public string BackupNow() => BackupWithReport().Path;

    /// <summary>Like <see cref="BackupNow"/>, with what the backup holds.</summary>
    public DatabaseReport BackupWithReport()
    {
        lock (_gate)
        {
            // The folder holds copies of the whole database (identities included): 0700, its files 0600.
            var folder = PrivateFiles.CreateOwnFolder(options.Value.Folder);
            var path = Backups.UniquePath(folder, $"khuyencong-{clock.Now:yyyyMMdd-HHmmss}", ".db");
            DatabaseReport report;
            try
            {
                report = Backups.BackupTo((LiteDbStore)store, path);
            }
            catch (StoreOpenException ex)
            {
                // The copy did not verify (seen once on a heavily loaded machine): nothing was kept; one more try before giving up.
                logger.LogWarning("Backup copy did not verify, trying once more: {Error}", ex.Message);
                report = Backups.BackupTo((LiteDbStore)store, path);
            }
            Backups.Prune(folder, Pattern, options.Value.Keep, report.Path);
            foreach (var kept in Directory.EnumerateFiles(folder, Pattern))
            {
                PrivateFiles.Restrict(kept);
            }
            return report;
        }
    }

    /// <summary>The newest backup file, if any.</summary>
    public string? Latest()
    {
        var folder = Path.GetFullPath(options.Value.Folder);
        return Directory.Exists(folder)
            ? new DirectoryInfo(folder).GetFiles(Pattern).Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal))
                .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal).FirstOrDefault()?.FullName
            : null;
    }

    /// <summary>Backup:Cron as a schedule: 5 fields, or 6 with seconds first.</summary>
    public static CronExpression Schedule(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || store is not LiteDbStore { Path_: not ":memory:" })
        {
            return;
        }
        try
        {
            var cleaned = Backups.CleanInterrupted(Path.GetFullPath(options.Value.Folder), Pattern);
            if (cleaned > 0)
            {
                logger.LogWarning("Removed {Count} unfinished backup copies left by an interrupted backup", cleaned);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("Could not clean unfinished backup copies: {Error}", ex.Message);
        }
        var cron = Schedule(options.Value.Cron);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = cron.GetNextOccurrence(clock.TimeProvider.GetUtcNow(), clock.Zone);
                if (next is null)
                {
                    logger.LogWarning("Backup:Cron '{Cron}' has no next occurrence; no scheduled backups", options.Value.Cron);
                    return;
                }
                // Chunked: a schedule further than ~49 days would overflow one timer.
                await LongDelay.UntilAsync(clock.TimeProvider, next.Value, stoppingToken).ConfigureAwait(false);
                string? written = null;
                try
                {
                    written = await Task.Run(BackupNow, stoppingToken).ConfigureAwait(false);
                    logger.LogInformation("Scheduled backup written and verified: {Path}", written);
                }
                finally
                {
                    Attempted?.Invoke(written);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Never stops the host: logged, and the next occurrence tries again.
                logger.LogError("Scheduled backup failed; the previous backups are kept: {Error}", ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock.TimeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}

/// <summary>/saoluu (/backup): an admin gets the latest backup (taken now if there is none) as a document.</summary>
public sealed class BackupModule(BackupService backups, Core.Text.UserTexts texts, ILogger<BackupModule> logger) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("backup", ["saoluu"], texts.Text(Core.Text.UserTexts.Vietnamese, "host.command_backup"), texts.Text("en", "host.command_backup"), Role.Admin, SendAsync, PrivateOnly: true),
    ];

    private Task SendAsync(BotContext context, string arguments, CancellationToken ct)
    {
        string path;
        try
        {
            path = Core.Text.VnText.FoldWords(arguments) is "moi" or "new"
                ? backups.BackupNow()
                : backups.Latest() ?? backups.BackupNow();
        }
        catch (Exception ex) when (ex is StoreOpenException or IOException or UnauthorizedAccessException)
        {
            // The reply sends the admin to the log: it must be there.
            logger.LogError("/saoluu failed; the previous backups are kept: {Error}", ex.Message);
            context.Say(context.Text("host.backup.failed"));
            return Task.CompletedTask;
        }
        var bytes = File.ReadAllBytes(path);
        context.Say(new Reply
        {
            Text = context.Text("host.backup.sent", ("file", Path.GetFileName(path)), ("kb", (long)(bytes.Length / 1024))),
            Attachment = new Attachment(AttachmentKind.Document, Path.GetFileName(path), bytes, "application/octet-stream") { Confidential = true },
        });
        return Task.CompletedTask;
    }
}
