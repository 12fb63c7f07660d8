using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace KhuyenCongBot.Storage;

/// <summary>Who holds a database file: the process, the verb it runs, since when, and where it takes admin requests.</summary>
public sealed record DatabaseOwner(int Pid, string Verb, DateTimeOffset Since, string? Socket, string? Today, string Database)
{
    /// <summary>"tiến trình 1234 (run, từ 26/11/2026 10:02)".</summary>
    public string Describe() =>
        $"tiến trình {Pid.ToString(CultureInfo.InvariantCulture)} ({Verb}, từ {Since.ToLocalTime():dd/MM/yyyy HH:mm})";

    /// <summary>"process 1234 (run, since 2026-11-26 10:02)".</summary>
    public string DescribeEn() =>
        $"process {Pid.ToString(CultureInfo.InvariantCulture)} ({Verb}, since {Since.ToLocalTime():yyyy-MM-dd HH:mm})";
}

/// <summary>
/// The one owner of a database file: an OS lock on "&lt;file&gt;.lock", held open for as long as the store is open.
/// </summary>
/// <remarks>
/// The lock is the kernel's (flock on Linux and macOS, a share lock on Windows, which is what FileShare.None asks for):
/// it ends with the process however the process ends, so a crash never leaves a stale lock behind; the lock file itself
/// stays and is simply locked again by the next owner. Who holds it is written to "&lt;file&gt;.owner" (a locked file
/// cannot be read by others), read only while the lock is held by someone.
/// </remarks>
public sealed class DatabaseLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>What this process is (the verb), written into the owner file; set by the host before the store opens.</summary>
    public static string ProcessVerb { get; set; } = "KhuyenCongBot";

    /// <summary>The date the process lives on when it runs with --today (shown to clients that join it).</summary>
    public static string? ProcessToday { get; set; }

    private readonly FileStream _handle;
    private DatabaseOwner _owner;

    private DatabaseLock(FileStream handle, DatabaseOwner owner)
    {
        _handle = handle;
        _owner = owner;
    }

    /// <summary>The database file this lock is for (full path).</summary>
    public string Database => _owner.Database;

    public DatabaseOwner Owner => _owner;

    public static string LockPath(string database) => Path.GetFullPath(database) + ".lock";

    public static string OwnerPath(string database) => Path.GetFullPath(database) + ".owner";

    /// <summary>Takes the lock of <paramref name="database"/>; throws <see cref="DatabaseInUseException"/> naming the holder when another process (or store) has it.</summary>
    public static DatabaseLock Acquire(string database, string? verb = null)
    {
        var full = Path.GetFullPath(database);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        var handle = TryOpen(full);
        if (handle is null)
        {
            throw new DatabaseInUseException(full, ReadOwner(full));
        }
        var owner = new DatabaseOwner(Environment.ProcessId, verb ?? ProcessVerb, DateTimeOffset.Now, null, ProcessToday, full);
        var taken = new DatabaseLock(handle, owner);
        taken.WriteOwner();
        return taken;
    }

    /// <summary>Who holds <paramref name="database"/> now, or null when nobody does (checked by taking the lock for a moment).</summary>
    public static DatabaseOwner? Holder(string database)
    {
        var full = Path.GetFullPath(database);
        if (!File.Exists(LockPath(full)))
        {
            return null;
        }
        using var handle = TryOpen(full);
        return handle is not null ? null : ReadOwner(full) ?? new DatabaseOwner(0, "?", DateTimeOffset.MinValue, null, null, full);
    }

    /// <summary>Records where this owner takes admin requests (the admin socket), for other processes to find.</summary>
    public void Advertise(string? socket)
    {
        _owner = _owner with { Socket = socket };
        WriteOwner();
    }

    private static FileStream? TryOpen(string full)
    {
        try
        {
            return new FileStream(LockPath(full), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreOpenException(full, "không có quyền tạo/mở tệp khóa " + LockPath(full) + " (" + ex.Message + ")");
        }
    }

    /// <summary>The owner file, when it names a live process; waits briefly for a new owner that has not written it yet.</summary>
    private static DatabaseOwner? ReadOwner(string full)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 2;
        while (true)
        {
            var owner = TryRead(full);
            if (owner is not null && Alive(owner.Pid))
            {
                return owner;
            }
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return owner;
            }
            Thread.Sleep(50);
        }
    }

    private static DatabaseOwner? TryRead(string full)
    {
        try
        {
            return JsonSerializer.Deserialize<DatabaseOwner>(File.ReadAllText(OwnerPath(full)), Json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void WriteOwner()
    {
        var path = OwnerPath(_owner.Database);
        var temp = path + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(_owner, Json));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only informative: the lock itself is what protects the file.
        }
    }

    public void Dispose()
    {
        try
        {
            if (TryRead(_owner.Database) is { } written && written.Pid == _owner.Pid)
            {
                File.Delete(OwnerPath(_owner.Database));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
        _handle.Dispose();
    }
}

/// <summary>The database file is held by another process (or another store in this one).</summary>
public sealed class DatabaseInUseException(string database, DatabaseOwner? owner)
    : Exception(Describe(database, owner))
{
    public string Database { get; } = database;

    public DatabaseOwner? Owner { get; } = owner;

    private static string Describe(string database, DatabaseOwner? owner) =>
        owner is null
            ? $"Cơ sở dữ liệu {database} đang được một tiến trình khác dùng."
            : $"Cơ sở dữ liệu {database} đang được {owner.Describe()} dùng.";
}
