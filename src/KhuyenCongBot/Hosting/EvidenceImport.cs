using System.Text.Json.Nodes;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// The evidence files an import attaches again (issue 15): those of the folder an export wrote beside the file ("ban-ghi.csv" →
/// "ban-ghi-minh-chung/", see <see cref="EvidenceExport"/>), or of the folder given with --files, by the names of the files column.
/// Through the owning process the files travel over the admin channel after the file: {"file": name} and its bytes each, then
/// {"files": n}.
/// </summary>
public static class EvidenceImport
{
    /// <summary>Larger files are not read (the attachment store refuses far smaller ones anyway).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Files in all, through the admin channel.</summary>
    public const long MaxTotalBytes = 1024L * 1024 * 1024;

    /// <summary>The export's files folder beside <paramref name="importPath"/> when it exists; null when there is none.</summary>
    public static string? DefaultFolder(string importPath) =>
        EvidenceExport.DefaultFolder(importPath) is var folder && Directory.Exists(folder) ? folder : null;

    /// <summary>A file of the folder by its name; null for a name with a folder in it, a missing or too large file.</summary>
    public static Func<string, byte[]?> Reader(string folder) => name =>
    {
        if (name.Length == 0 || Path.GetFileName(name) != name || name is "." or "..")
        {
            return null;
        }
        var path = Path.Combine(folder, name);
        return File.Exists(path) && new FileInfo(path).Length <= MaxFileBytes ? File.ReadAllBytes(path) : null;
    };

    /// <summary>The client's side: sends the folder's files (its own files, not those of folders in it).</summary>
    public static async Task SendAsync(Stream stream, string folder, CancellationToken ct)
    {
        var sent = 0;
        long total = 0;
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes || total + length > MaxTotalBytes)
            {
                continue;
            }
            total += length;
            await AdminFrames.WriteAsync(stream, new JsonObject { ["file"] = Path.GetFileName(path) }, ct).ConfigureAwait(false);
            await AdminFrames.WriteBytesAsync(stream, await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            sent++;
        }
        await AdminFrames.WriteAsync(stream, new JsonObject { ["files"] = sent }, ct).ConfigureAwait(false);
    }

    /// <summary>The owner's side: the files the client sends, by name.</summary>
    public static async Task<Dictionary<string, byte[]>> ReceiveAsync(Stream stream, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        long total = 0;
        while (await AdminFrames.ReadAsync(stream, ct).ConfigureAwait(false) is { } frame)
        {
            if (frame["files"] is not null)
            {
                return files;
            }
            var name = Path.GetFileName(frame["file"]?.GetValue<string>() ?? "");
            if (name.Length == 0)
            {
                throw new IOException("admin channel: bad file frame");
            }
            var bytes = await AdminFrames.ReadBytesAsync(stream, ct).ConfigureAwait(false);
            total += bytes.Length;
            if (total > MaxTotalBytes)
            {
                throw new IOException("admin channel: too many files");
            }
            files[name] = bytes;
        }
        throw new IOException("admin channel: the files ended early");
    }
}
