using System.Text.Json.Nodes;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// The projects file of an export (issue 15): `export ban-ghi.csv` (or .xlsx) writes every project to "ban-ghi-de-an.csv" beside
/// it, and `import ban-ghi.csv` reads that file when it lies beside the records (or the one given with --projects; none with
/// --no-projects), imports its projects first and links the records to them, in one batch that `import --undo` removes again.
/// A projects file can also be imported on its own (`import ban-ghi-de-an.csv`).
/// </summary>
internal static class ProjectFiles
{
    /// <summary>"…/ban-ghi.xlsx" → "…/ban-ghi-de-an.csv".</summary>
    public static string DefaultPath(string exportPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(exportPath)) ?? ".", Path.GetFileNameWithoutExtension(exportPath) + "-de-an.csv");

    /// <summary>The projects file an import takes: --projects FILE, else the one beside the records if there is one; null for none.
    /// <paramref name="missing"/> says why when --projects names no file (nothing is imported then).</summary>
    public static (byte[] Content, string Name)? ForImport(CommandLine commandLine, string recordsPath, out string? missing)
    {
        missing = null;
        if (commandLine.Has("--no-projects"))
        {
            return null;
        }
        var chosen = commandLine.Get("--projects");
        if (chosen is { Length: > 0 } && !File.Exists(chosen))
        {
            missing = $"Không có tệp đề án {chosen}; không nhập gì.";
            return null;
        }
        var path = chosen is { Length: > 0 } ? chosen : DefaultPath(recordsPath);
        return File.Exists(path) && Path.GetFullPath(path) != Path.GetFullPath(recordsPath) ? (File.ReadAllBytes(path), Path.GetFileName(path)) : null;
    }

    /// <summary>Puts the projects file into a request to the process that owns the database.</summary>
    public static void AddTo(JsonObject request, (byte[] Content, string Name)? projects)
    {
        if (projects is { } p)
        {
            request["projects"] = Convert.ToBase64String(p.Content);
            request["projectsFile"] = p.Name;
        }
    }

    /// <summary>The projects file a request carries (see <see cref="AddTo"/>); null for none.</summary>
    public static (byte[] Content, string Name)? FromRequest(JsonObject request) =>
        request["projects"]?.GetValue<string>() is { Length: > 0 } data
            ? (Convert.FromBase64String(data), request["projectsFile"]?.GetValue<string>() ?? "đề án")
            : null;

    /// <summary>Why the projects file of an export cannot be written: it exists, is not an earlier export's projects file, and --overwrite
    /// was not given; null when it can.</summary>
    public static string? Refusal(string exportPath, bool overwrite) =>
        File.Exists(DefaultPath(exportPath)) && !overwrite && !EarlierExport(DefaultPath(exportPath))
            ? $"Tệp {DefaultPath(exportPath)} đã có (không phải tệp đề án bot đã xuất); không ghi đè, không ghi gì. Chọn tên khác, hoặc thêm --overwrite."
            : null;

    /// <summary>A projects file an export wrote (its header), which the same export again (say .xlsx after .csv of one name) may keep.</summary>
    private static bool EarlierExport(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() is { } header && header.TrimStart('\uFEFF').StartsWith("code,name,decision_number,", StringComparison.Ordinal);
    }

    /// <summary>Writes the projects file beside an export that was just written. An earlier export's projects file is kept when it
    /// holds the same projects; when it differs it is not replaced without --overwrite (said, exit 73: the records file is written).</summary>
    public static async Task<int> ExportAsync(CommandLine commandLine, string exportPath, TextWriter output, TextWriter error, CancellationToken ct, bool overwrite)
    {
        var path = DefaultPath(exportPath);
        var earlier = File.Exists(path) && !overwrite;
        var target = earlier ? path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".new" : path;
        var said = earlier ? new StringWriter() : output;
        var exit = await DataVerbs.FileToolAsync(commandLine, "export", target, said, error, ct,
            new JsonObject { ["verb"] = "export", ["format"] = "projects" },
            services => AdminVerbs.ExportProjects(services),
            count => $"Đã xuất {count} đề án ra {path}; để cạnh tệp bản ghi khi chuyển sang máy khác (import đọc nó để tạo lại đề án và liên kết bản ghi).",
            overwrite: overwrite);
        if (!earlier || exit != 0)
        {
            return exit;
        }
        try
        {
            var fresh = await File.ReadAllBytesAsync(target, ct);
            var kept = await File.ReadAllBytesAsync(path, ct);
            if (fresh.SequenceEqual(kept))
            {
                await output.WriteLineAsync($"Tệp đề án {path} đã có, giống hệt các đề án hiện nay: giữ nguyên.");
                return 0;
            }
            await error.WriteLineAsync($"Tệp đề án {path} (của lần xuất trước) đã có và khác các đề án hiện nay; không ghi đè. "
                + "Tệp bản ghi đã xuất; chạy lại với --overwrite để thay cả tệp đề án, hoặc chọn tên khác.");
            return BotApp.ExitCannotCreate;
        }
        finally
        {
            File.Delete(target);
        }
    }
}
