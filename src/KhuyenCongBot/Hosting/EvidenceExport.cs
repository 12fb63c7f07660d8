using System.Globalization;
using System.Text.Json.Nodes;
using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// The evidence files of an export (issue 15): every saved record's photos and scans, written under their export names
/// ("12-1.jpg", see <see cref="EvidenceNames"/>) into a folder beside the export named after it ("ban-ghi.xlsx" →
/// "ban-ghi-minh-chung/"), or the folder given with --files. An existing non-empty folder is refused before anything is
/// written (never written over), unless the export replaces an earlier one (--overwrite) and the folder holds nothing but
/// evidence files as an export names them; the files go to a temporary folder first and take the folder's name at the end,
/// so an export cut off half-way leaves no half folder.
/// </summary>
public static class EvidenceExport
{
    /// <summary>"…/ban-ghi.xlsx" → "…/ban-ghi-minh-chung".</summary>
    public static string DefaultFolder(string exportPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(exportPath)) ?? ".", Path.GetFileNameWithoutExtension(exportPath) + "-minh-chung");

    /// <summary>A name an export gives an evidence file ("12-1.jpg").</summary>
    private static readonly System.Text.RegularExpressions.Regex ExportName = new(@"^[0-9]+-[0-9]+\.[a-z]{3,4}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Only evidence files as an export names them, no folder: an earlier export's files folder, which --overwrite may replace.</summary>
    private static bool EarlierExport(string folder) =>
        !Directory.EnumerateDirectories(folder).Any() && Directory.EnumerateFiles(folder).All(f => ExportName.IsMatch(Path.GetFileName(f)));

    /// <summary>Why the folder cannot take the files (it has something in it, or is a file); null when it can.</summary>
    /// <param name="replacing">The export replaces an earlier one (--overwrite): an earlier export's files folder may be replaced.</param>
    public static string? Refusal(string folder, bool replacing = false)
    {
        if (File.Exists(folder))
        {
            return $"{folder} là một tệp, không phải thư mục; không ghi gì. Chọn thư mục khác với --files THƯ_MỤC.";
        }
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !(replacing && EarlierExport(folder)))
        {
            return $"Thư mục tệp minh chứng {folder} đã có nội dung; không ghi đè, không ghi gì. "
                + "Xóa hoặc đổi tên nó, chọn thư mục khác với --files THƯ_MỤC, hoặc bỏ tệp với --no-files.";
        }
        return null;
    }

    /// <summary>A fresh temporary folder beside <paramref name="folder"/>.</summary>
    public static string Begin(string folder)
    {
        var temp = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        if (Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
        PrivateFiles.CreateFolder(temp);
        return temp;
    }

    /// <summary>Gives the temporary folder its name (an empty one is removed: no folder without files); returns how many files.</summary>
    public static int Finish(string temp, string folder, bool replacing = false)
    {
        var count = Directory.EnumerateFiles(temp).Count();
        if (count == 0)
        {
            Directory.Delete(temp, recursive: true);
            if (replacing && Directory.Exists(folder) && Refusal(folder, replacing) is null)
            {
                // The earlier export's files no longer belong to this one.
                Directory.Delete(folder, recursive: true);
            }
            return 0;
        }
        if (Directory.Exists(folder))
        {
            // Checked before the export began; still as it was, or refused now rather than mixed.
            if (Refusal(folder, replacing) is { } refusal)
            {
                Directory.Delete(temp, recursive: true);
                throw new IOException(refusal);
            }
            // Empty, or an earlier export's evidence files only (checked just above).
            Directory.Delete(folder, recursive: replacing);
        }
        Directory.Move(temp, folder);
        return count;
    }

    /// <summary>Removes the temporary folder after a failure.</summary>
    public static void Abandon(string? temp)
    {
        if (temp is not null && Directory.Exists(temp))
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Writes every saved record's files into <paramref name="temp"/> from the store opened here.</summary>
    public static void WriteLocal(IServiceProvider services, string temp)
    {
        var store = services.GetRequiredService<IBotStore>();
        foreach (var (_, files) in EvidenceNames.ByRecord(store.Attachments))
        {
            foreach (var (name, file) in files)
            {
                using var target = PrivateFiles.Create(Path.Combine(temp, name));
                store.Attachments.CopyTo(file.Id, target);
            }
        }
    }

    /// <summary>The owner's side: each file as {"file": name} and its bytes, then {"files": n}.</summary>
    public static async Task SendAsync(IServiceProvider services, Stream stream, CancellationToken ct)
    {
        var store = services.GetRequiredService<IBotStore>();
        var sent = 0;
        foreach (var (_, files) in EvidenceNames.ByRecord(store.Attachments))
        {
            foreach (var (name, file) in files)
            {
                using var bytes = new MemoryStream();
                if (!store.Attachments.CopyTo(file.Id, bytes))
                {
                    continue;
                }
                await AdminFrames.WriteAsync(stream, new JsonObject { ["file"] = name }, ct).ConfigureAwait(false);
                await AdminFrames.WriteBytesAsync(stream, bytes.ToArray(), ct).ConfigureAwait(false);
                sent++;
            }
        }
        await AdminFrames.WriteAsync(stream, new JsonObject { ["files"] = sent }, ct).ConfigureAwait(false);
    }

    /// <summary>The client's side: writes the files the owner sends into <paramref name="temp"/>.</summary>
    public static async Task ReceiveAsync(AdminClient client, string temp, CancellationToken ct)
    {
        while (await client.ReceiveAsync(ct).ConfigureAwait(false) is { } frame)
        {
            if (frame["files"] is not null)
            {
                return;
            }
            var name = Path.GetFileName(frame["file"]?.GetValue<string>() ?? "");
            if (name.Length == 0)
            {
                throw new IOException("admin channel: bad file frame");
            }
            var bytes = await AdminFrames.ReadBytesAsync(client.Stream, ct).ConfigureAwait(false);
            await PrivateFiles.WriteAllBytesAsync(Path.Combine(temp, name), bytes, ct).ConfigureAwait(false);
        }
        throw new IOException("admin channel: the files ended early");
    }
}
