using KhuyenCongBot.Core.Storage;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Copies of the database file: taken consistently from a running store, checked before a restore.</summary>
public static class Backups
{
    /// <summary>Checkpoints the store and copies its file to <paramref name="target"/> while no transaction runs.</summary>
    public static void BackupTo(LiteDbStore store, string target)
    {
        if (store.Path_ == ":memory:")
        {
            throw new InvalidOperationException("Cơ sở dữ liệu trong bộ nhớ không sao lưu được.");
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(target));
        if (!string.IsNullOrEmpty(dir))
        {
            PrivateFiles.CreateFolder(dir);
        }
        store.Exclusive(() =>
        {
            store.Checkpoint();
            var temp = target + ".tmp";
            using (var source = new FileStream(Path.GetFullPath(store.Path_), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var copy = PrivateFiles.Create(temp))
            {
                source.CopyTo(copy);
            }
            File.Move(temp, target, overwrite: true);
        });
    }

    /// <summary>Opens a file as a LiteDB database read-only and checks it holds the bot's collections; returns the number of records.</summary>
    public static int Verify(string path)
    {
        if (!File.Exists(path))
        {
            throw new StoreOpenException(path, "không tìm thấy tệp");
        }
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = Path.GetFullPath(path), ReadOnly = true, Connection = ConnectionType.Direct });
            var names = db.GetCollectionNames().ToHashSet();
            if (!names.Contains("activities") && !names.Contains("records"))
            {
                throw new StoreOpenException(path, "không phải cơ sở dữ liệu của KhuyenCongBot (thiếu bảng activities/records)");
            }
            return names.Contains("records") ? db.GetCollection("records").Count() : 0;
        }
        catch (LiteException ex)
        {
            throw new StoreOpenException(path, "tệp hỏng hoặc không phải LiteDB: " + ex.Message);
        }
        catch (IOException ex)
        {
            throw new StoreOpenException(path, "không mở được (có thể đang bị tiến trình khác dùng): " + ex.Message);
        }
    }

    /// <summary>Replaces the database at <paramref name="databasePath"/> with a verified backup; the old file is kept as .bak.</summary>
    public static void Restore(string backup, string databasePath)
    {
        Verify(backup);
        var full = Path.GetFullPath(databasePath);
        if (File.Exists(full))
        {
            EnsureNotLocked(full);
            File.Copy(full, full + ".bak", overwrite: true);
            PrivateFiles.Restrict(full + ".bak");
        }
        var log = Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + "-log" + Path.GetExtension(full));
        if (File.Exists(log))
        {
            File.Delete(log);
        }
        File.Copy(backup, full, overwrite: true);
        PrivateFiles.Restrict(full);
    }

    /// <summary>Keeps the newest <paramref name="keep"/> backups matching the pattern in a folder.</summary>
    public static void Prune(string folder, string pattern, int keep)
    {
        foreach (var old in new DirectoryInfo(folder).GetFiles(pattern).OrderByDescending(f => f.Name).Skip(keep))
        {
            old.Delete();
        }
    }

    private static void EnsureNotLocked(string path)
    {
        try
        {
            using var _ = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new StoreOpenException(path, "đang được bot khác dùng; dừng bot trước khi khôi phục (" + ex.Message + ")");
        }
    }
}

/// <summary>The database file cannot be used: locked, missing or corrupt. The message says which and what to do.</summary>
public sealed class StoreOpenException(string path, string problem) : Exception($"Cơ sở dữ liệu {path}: {problem}.");
