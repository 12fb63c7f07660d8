using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Copies of the database file: taken consistently from a running store, checked before a restore.</summary>
public static class Backups
{
    /// <summary>
    /// Checkpoints the store and copies its file, while no transaction runs, to a temporary file beside <paramref name="target"/>;
    /// checks the copy completely (<see cref="DatabaseInspector"/>) and only then gives it its name. A copy that does not
    /// verify is deleted and the failure thrown: a file with a backup's name is always a good one.
    /// </summary>
    public static DatabaseReport BackupTo(LiteDbStore store, string target)
    {
        if (store.Path_ == ":memory:")
        {
            throw new InvalidOperationException("Cơ sở dữ liệu trong bộ nhớ không sao lưu được.");
        }
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            PrivateFiles.CreateFolder(dir);
        }
        // A name nobody else can be writing: two bots (or two processes) backing up into one folder in the same second
        // computed the same target, and one truncated the other's copy or failed on its name.
        var temp = full + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            store.Exclusive(() =>
            {
                store.Checkpoint();
                using var source = new FileStream(Path.GetFullPath(store.Path_), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var copy = PrivateFiles.CreateNew(temp);
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
            });
            var report = DatabaseInspector.Inspect(temp);
            return report with { Path = MoveToFreeName(temp, full) };
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Gives the checked copy <paramref name="target"/>'s name, or "-2", "-3"... when another backup took it meanwhile; never overwrites.</summary>
    private static string MoveToFreeName(string temp, string target)
    {
        var folder = Path.GetDirectoryName(target) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(target);
        var extension = Path.GetExtension(target);
        var candidate = target;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                File.Move(temp, candidate, overwrite: false);
                return candidate;
            }
            catch (IOException) when (attempt < 100 && File.Exists(candidate))
            {
                candidate = UniquePath(folder, stem, extension);
            }
        }
    }

    /// <summary>Checks a file completely as a database of this bot; returns the number of records (see <see cref="DatabaseInspector.Inspect"/>).</summary>
    public static int Verify(string path) => DatabaseInspector.Inspect(path).Records;

    /// <summary>The LiteDB log file beside a database ("x.db" -> "x-log.db").</summary>
    public static string LogOf(string database)
    {
        var full = Path.GetFullPath(database);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
    }

    /// <summary>
    /// Replaces the database at <paramref name="databasePath"/> with a backup, after checking a copy of the backup completely.
    /// The database is locked for the whole time (nobody opens it meanwhile); the current file is kept under a new
    /// time-stamped name (never over an earlier one); the checked copy is moved into place in one step, so whatever
    /// happens (a kill included) the database is either the old one or the restored one. With <paramref name="dryRun"/>
    /// nothing is changed.
    /// </summary>
    public static RestoreResult Restore(string backup, string databasePath, bool dryRun, DateTimeOffset now)
    {
        var database = Path.GetFullPath(databasePath);
        var source = Path.GetFullPath(backup);
        if (string.Equals(source, database, StringComparison.Ordinal) || string.Equals(source, LogOf(database), StringComparison.Ordinal))
        {
            throw new StoreOpenException(backup, "là chính cơ sở dữ liệu đang dùng; chọn một tệp sao lưu khác");
        }
        if (!File.Exists(source))
        {
            throw new StoreOpenException(backup, Directory.Exists(source) ? "là một thư mục, không phải tệp sao lưu" : "không tìm thấy tệp");
        }
        // A dry run only reads: it works beside a running bot, on a copy in the temp folder.
        using var owner = dryRun ? null : DatabaseLock.Acquire(database);
        var folder = dryRun ? Path.GetTempPath() : Path.GetDirectoryName(database) ?? ".";
        var temp = Path.Combine(folder, "." + Path.GetFileName(database) + ".restore-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
        var tempLog = LogOf(temp);
        if (!dryRun)
        {
            // Copies left by a restore that was killed: nobody else can be restoring (we hold the lock).
            foreach (var stale in new DirectoryInfo(folder).GetFiles("." + Path.GetFileName(database) + ".restore-*.tmp"))
            {
                stale.Delete();
            }
        }
        try
        {
            CopyDurably(source, temp);
            var sourceLog = LogOf(source);
            if (File.Exists(sourceLog) && new FileInfo(sourceLog).Length > 0)
            {
                // A file copied with its log (a crashed live database): fold the log into our copy first.
                CopyDurably(sourceLog, tempLog);
                Fold(temp, backup);
            }
            DatabaseReport report;
            try
            {
                report = DatabaseInspector.Inspect(temp) with { Path = source };
            }
            catch (StoreOpenException ex) when (ex.Path == temp)
            {
                // Name the file the admin gave, not our private working copy of it.
                throw new StoreOpenException(backup, ex.Problem);
            }
            if (dryRun)
            {
                return new RestoreResult(report, null, DryRun: true);
            }
            string? kept = null;
            if (File.Exists(database))
            {
                kept = KeepCurrent(database, now);
            }
            var log = LogOf(database);
            if (File.Exists(log))
            {
                File.Delete(log);
            }
            File.Move(temp, database, overwrite: true);
            PrivateFiles.Restrict(database);
            return new RestoreResult(report, kept, DryRun: false);
        }
        finally
        {
            foreach (var leftover in new[] { temp, tempLog })
            {
                if (File.Exists(leftover))
                {
                    File.Delete(leftover);
                }
            }
        }
    }

    /// <summary>Copies the current database (its log folded in when it opens) to "&lt;name&gt;-before-restore-&lt;time&gt;.db"; returns that path.</summary>
    private static string KeepCurrent(string database, DateTimeOffset now)
    {
        var log = LogOf(database);
        var hasLog = File.Exists(log) && new FileInfo(log).Length > 0;
        if (hasLog)
        {
            try
            {
                Fold(database, database);
                hasLog = File.Exists(log) && new FileInfo(log).Length > 0;
            }
            catch (StoreOpenException)
            {
                // A damaged database (often the reason for the restore): keep it exactly as it is, log and all.
            }
        }
        var stem = Path.GetFileNameWithoutExtension(database) + "-before-restore-" + now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var kept = UniquePath(Path.GetDirectoryName(database) ?? ".", stem, Path.GetExtension(database));
        CopyDurably(database, kept);
        if (hasLog)
        {
            CopyDurably(log, LogOf(kept));
        }
        return kept;
    }

    /// <summary>Opens a database file on its own to apply its log, then closes it (the log is then empty).</summary>
    private static void Fold(string file, string shownAs)
    {
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct });
            db.Checkpoint();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new StoreOpenException(shownAs, "tệp hỏng, không mở được (" + ex.Message + ")");
        }
    }

    private static void CopyDurably(string from, string to)
    {
        using var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new FileStream(to, FileMode.CreateNew, FileAccess.Write);
        PrivateFiles.Restrict(to);
        source.CopyTo(copy);
        copy.Flush(flushToDisk: true);
    }

    /// <summary>"&lt;folder&gt;/&lt;stem&gt;&lt;ext&gt;", or "&lt;stem&gt;-2&lt;ext&gt;", "-3"... when taken: never an existing file.</summary>
    public static string UniquePath(string folder, string stem, string extension)
    {
        var path = Path.Combine(folder, stem + extension);
        for (var n = 2; File.Exists(path) || File.Exists(path + ".tmp"); n++)
        {
            path = Path.Combine(folder, $"{stem}-{n}{extension}");
        }
        return path;
    }

    /// <summary>
    /// Keeps the newest <paramref name="keep"/> backups matching the pattern in a folder (newest by the time they were written);
    /// <paramref name="justWritten"/>, the backup that was just written and checked, is never deleted.
    /// </summary>
    public static void Prune(string folder, string pattern, int keep, string? justWritten = null)
    {
        var protectedPath = justWritten is null ? null : Path.GetFullPath(justWritten);
        var files = new DirectoryInfo(folder).GetFiles(pattern)
            .Where(f => !f.Name.EndsWith(".tmp", StringComparison.Ordinal))
            .OrderByDescending(f => f.FullName == protectedPath)
            .ThenByDescending(f => f.LastWriteTimeUtc)
            .ThenByDescending(f => f.Name, StringComparer.Ordinal);
        foreach (var old in files.Skip(Math.Max(1, keep)))
        {
            old.Delete();
        }
    }

    /// <summary>Deletes temporary copies left by a backup that was interrupted (a kill) in <paramref name="folder"/>.</summary>
    public static int CleanInterrupted(string folder, string pattern)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }
        var n = 0;
        foreach (var temp in new DirectoryInfo(folder).GetFiles(pattern + ".*.tmp"))
        {
            temp.Delete();
            n++;
        }
        return n;
    }
}

/// <summary>What a restore found in the backup, and where the database it replaced was kept.</summary>
public sealed record RestoreResult(DatabaseReport Backup, string? KeptCurrentAs, bool DryRun);

/// <summary>The database file cannot be used: locked, missing or corrupt. The message says which and what to do.</summary>
public sealed class StoreOpenException(string path, string problem) : Exception($"Cơ sở dữ liệu {path}: {problem}.")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
