using System.Runtime.InteropServices;

namespace KhuyenCongBot.Core.Storage;

/// <summary>
/// Files only the bot's own account may read: the database, its log, backups, exports and download files are created 0600
/// in 0700 folders (on Linux and macOS; Windows keeps the folder's access lists).
/// </summary>
/// <remarks>
/// Two layers: <see cref="RestrictNewFiles"/> sets the process's umask to 077, so whatever the process creates (LiteDB's own
/// data and log files included, which LiteDB creates itself) is private from its first byte; the other methods set the mode
/// explicitly where the bot creates a file or folder, and tighten files an older version left readable.
/// </remarks>
public static class PrivateFiles
{
    /// <summary>rw------- : the mode of every file the bot writes.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>rwx------ : the mode of every folder the bot creates.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static int _masked;

    /// <summary>From now on, files and folders this process creates are readable by its own account only (umask 077).</summary>
    public static void RestrictNewFiles()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _masked, 1) == 1)
        {
            return;
        }
        try
        {
            _ = umask(0b000_111_111);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: the explicit modes below still apply where the bot creates files.
        }
    }

    /// <summary>Creates <paramref name="path"/> (and missing parents) as 0700 folders; an existing folder keeps its mode. Returns the full path.</summary>
    public static string CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return full;
        }
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full, FolderMode);
        }
        else
        {
            Directory.CreateDirectory(full);
        }
        return full;
    }

    /// <summary>Creates a folder that holds only the bot's files (backups, download files) and makes it 0700 even when it existed before.</summary>
    public static string CreateOwnFolder(string path)
    {
        var full = CreateFolder(path);
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (File.GetUnixFileMode(full) != FolderMode)
                {
                    File.SetUnixFileMode(full, FolderMode);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not ours to change (another account's folder): the files inside are still 0600.
            }
        }
        return full;
    }

    /// <summary>Makes an existing file 0600 (a file an older version created readable by others); nothing when it does not exist.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != FileMode)
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Opens <paramref name="path"/> for writing, created 0600 (an existing file is emptied and made 0600).</summary>
    public static FileStream Create(string path, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        var stream = new FileStream(path, options);
        // UnixCreateMode applies to a new file only.
        Restrict(path);
        return stream;
    }

    /// <summary>Creates <paramref name="path"/> for writing, 0600; throws <see cref="IOException"/> when it already exists (never shares or empties another's file).</summary>
    public static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }
        return new FileStream(path, options);
    }

    /// <summary>Writes a whole file, created 0600.</summary>
    public static void WriteAllBytes(string path, byte[] content)
    {
        using var stream = Create(path);
        stream.Write(content);
    }

    /// <summary>Writes a whole file, created 0600.</summary>
    public static async Task WriteAllBytesAsync(string path, byte[] content, CancellationToken cancellationToken = default)
    {
        var stream = Create(path, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a whole text file (UTF-8 without a byte-order mark), created 0600.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
}
