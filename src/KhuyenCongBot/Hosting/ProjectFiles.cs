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

    /// <summary>Why the projects file of an export cannot be written (it exists and --overwrite was not given); null when it can.</summary>
    public static string? Refusal(string exportPath, bool overwrite) =>
        File.Exists(DefaultPath(exportPath)) && !overwrite
            ? $"Tệp đề án {DefaultPath(exportPath)} (xuất cùng bản ghi) đã có; không ghi đè, không ghi gì. Chọn tên khác, hoặc thêm --overwrite."
            : null;

    /// <summary>Writes the projects file beside an export that was just written.</summary>
    public static Task<int> ExportAsync(CommandLine commandLine, string exportPath, TextWriter output, TextWriter error, CancellationToken ct, bool overwrite)
    {
        var path = DefaultPath(exportPath);
        return DataVerbs.FileToolAsync(commandLine, "export", path, output, error, ct,
            new JsonObject { ["verb"] = "export", ["format"] = "projects" },
            services => AdminVerbs.ExportProjects(services),
            count => $"Đã xuất {count} đề án ra {path}; để cạnh tệp bản ghi khi chuyển sang máy khác (import đọc nó để tạo lại đề án và liên kết bản ghi).",
            overwrite: overwrite);
    }
}
