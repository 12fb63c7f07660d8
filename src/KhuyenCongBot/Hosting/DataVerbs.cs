using System.Globalization;
using System.Text.Json.Nodes;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Terminal;
using Microsoft.Extensions.Options;

using static KhuyenCongBot.Hosting.BotApp;

namespace KhuyenCongBot.Hosting;

/// <summary>The data verbs: import and its undo, imports, export, backup (restore is <see cref="RestoreVerb"/>) (each through the running bot's admin channel when another process owns the database).</summary>
internal static class DataVerbs
{
    // ---------------------------------------------------------------- import, imports

    internal static async Task<int> ImportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Get("--undo") is { } undo)
        {
            if (commandLine.Arguments.Count != 0 || !long.TryParse(undo, NumberStyles.None, CultureInfo.InvariantCulture, out var batchId))
            {
                await error.WriteLineAsync("Cách dùng: import --undo SỐ_ĐỢT (xem số đợt bằng lệnh imports).");
                return ExitUsage;
            }
            return await ToolAsync(commandLine, "import", output, error, ct,
                remote: new JsonObject { ["verb"] = "undo", ["id"] = batchId, ["by"] = "dòng lệnh" }, content: null,
                local: services => AdminVerbs.Undo(services, batchId, "dòng lệnh"));
        }
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: import FILE.csv (hoặc FILE.xlsx); hoàn tác: import --undo SỐ_ĐỢT.");
            return ExitUsage;
        }
        var path = commandLine.Arguments[0];
        if (Directory.Exists(path) || !File.Exists(path))
        {
            await error.WriteLineAsync(Directory.Exists(path) ? $"{path} là một thư mục; cần một tệp CSV hoặc XLSX." : $"Không tìm thấy tệp {path}.");
            return ExitNoInput;
        }
        const long MaxBytes = 512L * 1024 * 1024;
        if (new FileInfo(path).Length > MaxBytes)
        {
            await error.WriteLineAsync($"Tệp {path} quá lớn (hơn 512 MB); chia nhỏ tệp rồi nhập từng phần.");
            return ExitData;
        }
        // The evidence files of an export (issue 15): its folder beside the file, or --files; none with --no-files.
        var chosen = commandLine.Get("--files");
        if (chosen is { Length: > 0 } && !Directory.Exists(chosen))
        {
            await error.WriteLineAsync($"Không có thư mục tệp minh chứng {chosen}; không nhập gì.");
            return ExitNoInput;
        }
        var folder = commandLine.Has("--no-files") ? null : chosen is { Length: > 0 } ? Path.GetFullPath(chosen) : EvidenceImport.DefaultFolder(path);
        var content = await File.ReadAllBytesAsync(path, ct);
        var name = Path.GetFileName(path);
        // The export's projects file beside it ("…-de-an.csv"), or --projects: its projects come first, the records link to them.
        var projects = ProjectFiles.ForImport(commandLine, path, out var missing);
        if (missing is not null)
        {
            await error.WriteLineAsync(missing);
            return ExitNoInput;
        }
        var allow = commandLine.Has("--allow-duplicates");
        var dryRun = commandLine.Has("--dry-run");
        if (folder is not null)
        {
            await error.WriteLineAsync($"(tệp minh chứng lấy từ thư mục {folder})");
        }
        var remote = new JsonObject { ["verb"] = "import", ["file"] = name, ["allowDuplicates"] = allow, ["dryRun"] = dryRun, ["by"] = "dòng lệnh" };
        if (folder is not null)
        {
            remote["files"] = true;
        }
        ProjectFiles.AddTo(remote, projects);
        return await ToolAsync(commandLine, "import", output, error, ct, remote, content,
            local: services => AdminVerbs.Import(services, content, name, allow, dryRun, "dòng lệnh", folder is null ? null : EvidenceImport.Reader(folder), projects),
            then: folder is null ? null : stream => EvidenceImport.SendAsync(stream, folder, ct));
    }

    internal static Task<int> ImportsAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct) =>
        ToolAsync(commandLine, "imports", output, error, ct, new JsonObject { ["verb"] = "imports" }, null, services => (0, AdminVerbs.ListImports(services)));

    /// <summary>Runs a verb on the database: through its owner when another process has it, else on a store opened here.</summary>
    internal static async Task<int> ToolAsync(CommandLine commandLine, string verb, TextWriter output, TextWriter error, CancellationToken ct,
        JsonObject remote, byte[]? content, Func<IServiceProvider, (int Exit, string Text)> local, Func<Stream, Task>? then = null)
    {
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var database = DatabasePath(configuration);
        if (OwnerOf(database) is { } owner)
        {
            await using var client = await JoinAsync(verb, database, owner, error, ct);
            if (client is null)
            {
                return ExitInUse;
            }
            await error.WriteLineAsync($"(qua {owner.Describe()}, đang giữ cơ sở dữ liệu)");
            try
            {
                return await client.RunAsync(remote, content, output, error, ct, then);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                await error.WriteLineAsync(OwnerGone(verb, owner));
                return ExitInUse;
            }
        }
        if (content is null && !File.Exists(database) && database != ":memory:")
        {
            await error.WriteLineAsync(NoDatabase(database));
            return ExitNoInput;
        }
        var host = BuildTool(commandLine);
        try
        {
            var (exit, text) = local(host.Services);
            await (exit == 0 ? output : error).WriteLineAsync(text);
            return exit;
        }
        finally
        {
            CloseTool(host);
        }
    }

    // ---------------------------------------------------------------- export, backup

    internal static async Task<int> ExportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: export FILE.csv hoặc FILE.xlsx");
            return ExitUsage;
        }
        var path = commandLine.Arguments[0];
        var xlsx = path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"Tệp xuất phải có đuôi .csv hoặc .xlsx, không phải '{Path.GetFileName(path)}' (không ghi gì).");
            return ExitUsage;
        }
        if (Directory.Exists(path))
        {
            await error.WriteLineAsync($"{path} là một thư mục; cần tên tệp, ví dụ {Path.Combine(path, "ban-ghi.xlsx")}.");
            return ExitCannotCreate;
        }
        // An existing file is never replaced silently: refused before anything is done, unless --overwrite says so.
        var overwrite = commandLine.Has("--overwrite");
        if (File.Exists(path) && !overwrite)
        {
            await error.WriteLineAsync(ExistingFile(path));
            return ExitCannotCreate;
        }
        if (commandLine.Get("--report") is { } report)
        {
            // The period's report workbook (issue 15): the period is checked here first, so a typo writes nothing.
            if (!xlsx)
            {
                await error.WriteLineAsync("Báo cáo (--report) chỉ xuất ra tệp .xlsx.");
                return ExitUsage;
            }
            if (AdminVerbs.ReportPeriod(report, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))) is null)
            {
                await error.WriteLineAsync($"Không đọc được kỳ báo cáo \"{report}\". Ví dụ: --report \"6 tháng đầu năm 2024\", --report \"năm 2025\", --report \"quý 3 năm 2026\".");
                return ExitUsage;
            }
            return await FileToolAsync(commandLine, "export", path, output, error, ct,
                new JsonObject { ["verb"] = "export", ["format"] = "xlsx", ["report"] = report },
                services => AdminVerbs.ExportReport(services, report),
                count => $"Đã xuất báo cáo ({report}, {count} bản ghi trong kỳ) ra {path}.", overwrite: overwrite);
        }
        // The records' evidence files go beside the export (issue 15), unless --no-files; an existing folder is never written over.
        var folder = commandLine.Has("--no-files") ? null : commandLine.Get("--files") is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : EvidenceExport.DefaultFolder(path);
        if (((folder is not null ? EvidenceExport.Refusal(folder, replacing: overwrite) : null) ?? ProjectFiles.Refusal(path, overwrite)) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return ExitCannotCreate;
        }
        var exit = await FileToolAsync(commandLine, "export", path, output, error, ct,
            new JsonObject { ["verb"] = "export", ["format"] = xlsx ? "xlsx" : "csv" },
            services => AdminVerbs.Export(services, xlsx),
            count => $"Đã xuất {count} bản ghi ra {path}.", folder, overwrite);
        // The projects beside the records, after them: every project a record names is in it (projects are never deleted).
        return exit != 0 ? exit : await ProjectFiles.ExportAsync(commandLine, path, output, error, ct, overwrite);
    }

    private static string ExistingFile(string path) =>
        $"Tệp {path} đã có; không ghi đè, không ghi gì. Chọn tên khác, hoặc thêm --overwrite để thay tệp đó "
        + "(cùng thư mục tệp minh chứng bot đã xuất bên cạnh nó).";

    internal static async Task<int> BackupAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp (hoặc thư mục): backup FILE");
            return ExitUsage;
        }
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var target = commandLine.Arguments[0];
        var database = Path.GetFullPath(DatabasePath(configuration));
        if (!File.Exists(database) && OwnerOf(database) is null)
        {
            await error.WriteLineAsync(NoDatabase(database));
            return ExitNoInput;
        }
        if (Directory.Exists(target) || target.EndsWith('/') || target.EndsWith(Path.DirectorySeparatorChar))
        {
            Directory.CreateDirectory(target);
            target = Backups.UniquePath(target, $"khuyencong-{BotNow(configuration):yyyyMMdd-HHmmss}", ".db");
        }
        var full = Path.GetFullPath(target);
        if (full == database || full == Backups.LogOf(database))
        {
            await error.WriteLineAsync($"Không sao lưu vào chính cơ sở dữ liệu {database}; chọn một tệp khác.");
            return ExitCannotCreate;
        }
        if (File.Exists(full))
        {
            await error.WriteLineAsync($"Tệp {target} đã có; không ghi đè một bản sao lưu cũ. Chọn tên khác (hoặc đưa một thư mục: bot tự đặt tên theo giờ).");
            return ExitCannotCreate;
        }
        if (OwnerOf(database) is { } owner)
        {
            await using var client = await JoinAsync("backup", database, owner, error, ct);
            if (client is null)
            {
                return ExitInUse;
            }
            byte[] bytes;
            try
            {
                await client.SendAsync(new JsonObject { ["verb"] = "backup" }, ct);
                bytes = await AdminFrames.ReadBytesAsync(client.Stream, ct);
            }
            catch (AdminRefusedException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ex.ExitCode;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                await error.WriteLineAsync(OwnerGone("backup", owner));
                return ExitInUse;
            }
            var report = WriteChecked(full, bytes, verify: true);
            await output.WriteLineAsync($"Đã sao lưu (qua {owner.Describe()}) vào {target}: {report!.Describe()}; bản sao đã được kiểm tra đọc lại đủ.");
            return 0;
        }
        var host = BuildTool(commandLine);
        try
        {
            var report = Backups.BackupTo((LiteDbStore)host.Services.GetRequiredService<IBotStore>(), full);
            await output.WriteLineAsync($"Đã sao lưu vào {target}: {report.Describe()}; bản sao đã được kiểm tra đọc lại đủ.");
            return 0;
        }
        finally
        {
            CloseTool(host);
        }
    }

    /// <summary>Export: made here, or by the owner and written here.</summary>
    internal static async Task<int> FileToolAsync(CommandLine commandLine, string verb, string path, TextWriter output, TextWriter error, CancellationToken ct,
        JsonObject remote, Func<IServiceProvider, (byte[] Bytes, int Count)> local, Func<int, string> done, string? filesFolder = null, bool overwrite = false)
    {
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var database = Path.GetFullPath(DatabasePath(configuration));
        var full = Path.GetFullPath(path);
        if (full == database || full == Backups.LogOf(database))
        {
            await error.WriteLineAsync($"Không ghi đè cơ sở dữ liệu {database}; chọn một tệp khác.");
            return ExitCannotCreate;
        }
        byte[] bytes;
        int count;
        string? temp = null;
        try
        {
            if (OwnerOf(database) is { } owner)
            {
                await using var client = await JoinAsync(verb, database, owner, error, ct);
                if (client is null)
                {
                    return ExitInUse;
                }
                try
                {
                    if (filesFolder is not null)
                    {
                        remote["files"] = true;
                    }
                    await client.SendAsync(remote, ct);
                    bytes = await AdminFrames.ReadBytesAsync(client.Stream, ct);
                    count = (await client.ReceiveAsync(ct))?["count"]?.GetValue<int>() ?? 0;
                    if (filesFolder is not null)
                    {
                        temp = EvidenceExport.Begin(filesFolder);
                        await EvidenceExport.ReceiveAsync(client, temp, ct);
                    }
                }
                catch (AdminRefusedException ex)
                {
                    await error.WriteLineAsync(ex.Message);
                    return ex.ExitCode;
                }
                catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
                {
                    await error.WriteLineAsync(OwnerGone(verb, owner));
                    return ExitInUse;
                }
                await error.WriteLineAsync($"(qua {owner.Describe()}, đang giữ cơ sở dữ liệu)");
            }
            else
            {
                if (!File.Exists(database))
                {
                    await error.WriteLineAsync(NoDatabase(database));
                    return ExitNoInput;
                }
                var host = BuildTool(commandLine);
                try
                {
                    (bytes, count) = local(host.Services);
                    if (filesFolder is not null)
                    {
                        temp = EvidenceExport.Begin(filesFolder);
                        EvidenceExport.WriteLocal(host.Services, temp);
                    }
                }
                finally
                {
                    CloseTool(host);
                }
            }
            if (!overwrite && File.Exists(full))
            {
                // Made while the export ran: still not replaced.
                await error.WriteLineAsync(ExistingFile(path));
                return ExitCannotCreate;
            }
            WriteChecked(full, bytes, verify: false, replace: overwrite);
            var files = temp is null ? -1 : EvidenceExport.Finish(temp, filesFolder!, replacing: overwrite);
            temp = null;
            await output.WriteLineAsync(done(count) + files switch
            {
                < 0 => "",
                0 => " Không có tệp minh chứng nào.",
                _ => $" {files} tệp minh chứng ở {filesFolder} (tên: số bản ghi-thứ tự, cột files).",
            });
            return 0;
        }
        finally
        {
            EvidenceExport.Abandon(temp);
        }
    }

    /// <summary>Writes a file through a temporary copy (a half-written file never carries the name); a backup is checked before it is named.</summary>
    internal static DatabaseReport? WriteChecked(string full, byte[] bytes, bool verify, bool replace = false)
    {
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            PrivateFiles.CreateFolder(dir);
        }
        var temp = full + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            using (var file = PrivateFiles.Create(temp))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }
            var report = verify ? DatabaseInspector.Inspect(temp) with { Path = full } : null;
            File.Move(temp, full, overwrite: replace && !verify);
            return report;
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
