using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>A chart or spreadsheet kept for download at /files/{name} until it expires.</summary>
public sealed record ZaloStoredFile(string Name, string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>
/// Keeps charts and spreadsheets on disk (Storage:OutputPath/zalo-files) under random, unguessable names, for Zalo (and
/// people) to fetch by URL; they survive a restart and expire by file time (Zalo:FileLifetimeHours).
/// </summary>
public sealed partial class ZaloFileStore(TimeProvider time, IOptions<ZaloOptions> options, IOptions<StorageOptions> storage)
{
    /// <summary>Most files kept at once; the oldest go first.</summary>
    public const int MaxFiles = 500;

    /// <summary>The subfolder of Storage:OutputPath that holds the files.</summary>
    public const string FolderName = "zalo-files";

    private const string MetaSuffix = ".meta";
    private const string TempSuffix = ".tmp";

    private readonly Lock _gate = new();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}\.[a-z0-9]{1,5}$")]
    private static partial Regex NameShape();

    /// <summary>The folder where the files are kept (full path).</summary>
    public string Folder { get; } = Path.GetFullPath(Path.Combine(storage.Value.OutputPath, FolderName));

    private TimeSpan Lifetime => TimeSpan.FromHours(options.Value.FileLifetimeHours);

    /// <summary>Stores the attachment; returns its name ("{random}.png").</summary>
    public string Put(Attachment attachment)
    {
        var extension = Path.GetExtension(attachment.FileName).TrimStart('.').ToLowerInvariant();
        if (extension.Length is 0 or > 5 || !extension.All(char.IsAsciiLetterOrDigit))
        {
            extension = attachment.Kind == AttachmentKind.Photo ? "png" : "bin";
        }
        var name = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        var now = time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            EnsureFolder();
            CleanUp(keep: MaxFiles - 1);
            var path = Path.Combine(Folder, name);
            // The description first, then the content moved into place whole: a name is never served half-written.
            PrivateFiles.WriteAllText(path + MetaSuffix, attachment.ContentType + "\n" + attachment.FileName);
            File.SetLastWriteTimeUtc(path + MetaSuffix, now);
            var temp = path + TempSuffix;
            PrivateFiles.WriteAllBytes(temp, attachment.Content);
            // Expiry goes by the file's time, set from the bot's clock.
            File.SetLastWriteTimeUtc(temp, now);
            File.Move(temp, path);
        }
        return name;
    }

    /// <summary>The file with that name, unless the name is not one this store makes, or the file is unknown or expired.</summary>
    public ZaloStoredFile? Get(string name)
    {
        if (PathOf(name) is not { } path)
        {
            return null;
        }
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }
            var expires = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero) + Lifetime;
            if (expires <= time.GetUtcNow())
            {
                Delete(path);
                return null;
            }
            var (contentType, fileName) = ReadMeta(path, name);
            return new ZaloStoredFile(name, fileName, contentType, File.ReadAllBytes(path), expires);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes expired files (and, beyond <paramref name="keep"/> files, the oldest); returns how many were deleted.</summary>
    public int CleanUp(int keep = MaxFiles)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }
        lock (_gate)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var deleted = 0;
            var live = new List<FileInfo>();
            foreach (var info in new DirectoryInfo(Folder).EnumerateFiles())
            {
                var age = now - info.LastWriteTimeUtc;
                if (NameShape().IsMatch(info.Name))
                {
                    if (age >= Lifetime)
                    {
                        deleted += Delete(info.FullName);
                    }
                    else
                    {
                        live.Add(info);
                    }
                }
                else if (info.Name.EndsWith(MetaSuffix, StringComparison.Ordinal) || info.Name.EndsWith(TempSuffix, StringComparison.Ordinal))
                {
                    // A description without its file, or a write cut short by a crash.
                    var owner = info.FullName[..info.FullName.LastIndexOf('.')];
                    if (!File.Exists(owner) && (age >= TimeSpan.FromMinutes(5) || age < TimeSpan.Zero))
                    {
                        TryDelete(info.FullName);
                    }
                }
            }
            foreach (var oldest in live.OrderBy(f => f.LastWriteTimeUtc).Take(Math.Max(0, live.Count - Math.Max(0, keep))))
            {
                deleted += Delete(oldest.FullName);
            }
            return deleted;
        }
    }

    /// <summary>The public URL of a stored file, or null when Zalo:PublicBaseUrl is not set.</summary>
    public string? UrlOf(string name) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/') + "/files/" + name;

    /// <summary>The path of a stored file's name: only names of the random shape, only inside the folder.</summary>
    private string? PathOf(string name)
    {
        if (!NameShape().IsMatch(name))
        {
            return null;
        }
        var path = Path.GetFullPath(Path.Combine(Folder, name));
        return string.Equals(Path.GetDirectoryName(path), Folder, StringComparison.Ordinal) ? path : null;
    }

    private static (string ContentType, string FileName) ReadMeta(string path, string name)
    {
        try
        {
            var lines = File.ReadAllText(path + MetaSuffix, Encoding.UTF8).Split('\n', 2);
            if (lines.Length == 2 && lines[0].Length > 0 && lines[1].Length > 0)
            {
                return (lines[0], lines[1]);
            }
        }
        catch (IOException)
        {
        }
        return (Path.GetExtension(name) == ".png" ? "image/png" : "application/octet-stream", name);
    }

    private void EnsureFolder()
    {
        // Only the bot's own account reads the files from disk; people get them through the unguessable URL.
        PrivateFiles.CreateOwnFolder(Folder);
    }

    private static int Delete(string path)
    {
        var deleted = TryDelete(path) ? 1 : 0;
        TryDelete(path + MetaSuffix);
        return deleted;
    }

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
