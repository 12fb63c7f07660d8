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

namespace KhuyenCongBot.Hosting;

/// <summary>
/// Runs one verb of the command line. The database has one owner at a time (<see cref="DatabaseLock"/>): a verb run
/// while another process owns it goes through that process's admin channel (<see cref="AdminChannelService"/>) or is
/// refused at once with one line naming the process.
/// </summary>
public static class BotApp
{
    public const int ExitConfiguration = 2;
    public const int ExitUsage = 64;
    public const int ExitData = 65;
    public const int ExitNoInput = 66;
    public const int ExitSoftware = 70;
    public const int ExitCannotCreate = 73;
    public const int ExitInUse = 75;

    public static async Task<int> RunAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            DatabaseLock.ProcessVerb = commandLine.Verb;
            DatabaseLock.ProcessToday = commandLine.Get("--today");
            return commandLine.Verb switch
            {
                "chat" => await ChatAsync(commandLine, input, output, error, ct),
                "import" => await ImportAsync(commandLine, output, error, ct),
                "imports" => await ImportsAsync(commandLine, output, error, ct),
                "export" => await ExportAsync(commandLine, output, error, ct),
                "help" => await WriteUsage(output),
                "backup" => await BackupAsync(commandLine, output, error, ct),
                "restore" => await RestoreAsync(commandLine, output, error),
                _ => await ServeAsync(commandLine, error, ct),
            };
        }
        catch (InvalidConfigurationException ex)
        {
            await error.WriteLineAsync(ConfigurationCheck.Describe(ex.Errors));
            return ExitConfiguration;
        }
        catch (InvalidDataException ex) when (ex.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal))
        {
            // A settings file that is not valid JSON (an unclosed brace, a missing quote): say which file and where, exit 2.
            var file = ex.Message.Split('\'') is { Length: >= 3 } parts ? parts[1] : "appsettings.json";
            var detail = ex.GetBaseException().Message.Replace(" | ", ", ", StringComparison.Ordinal);
            var lineNumber = System.Text.RegularExpressions.Regex.Match(detail, @"LineNumber: (\d+)") is { Success: true } m
                ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1 : (int?)null;
            var vi = lineNumber is { } n ? $"không phải JSON hợp lệ, lỗi gần dòng {n}" : "không phải JSON hợp lệ";
            var en = lineNumber is { } k ? $"not valid JSON near line {k} ({detail})" : $"not valid JSON ({detail})";
            await error.WriteLineAsync(ConfigurationCheck.Describe([$"{file}: {vi} | {en}"]));
            return ExitConfiguration;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Cấu hình không hợp lệ: " + string.Join("; ", ex.Failures.Select(f => NameKeys(f, ex.OptionsType))));
            return ExitConfiguration;
        }
        catch (SeedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitConfiguration;
        }
        catch (DatabaseInUseException ex)
        {
            await error.WriteLineAsync(Refusal(commandLine.Verb, ex.Database, ex.Owner));
            return ExitInUse;
        }
        catch (StoreOpenException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitData;
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitConfiguration;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No stack trace for people: one line, and the details only when asked for.
            await error.WriteLineAsync($"Lỗi không mong đợi ({ex.GetType().Name}): {ex.Message}");
            if (Environment.GetEnvironmentVariable("KHUYENCONG_DEBUG") == "1")
            {
                await error.WriteLineAsync(ex.ToString());
            }
            else
            {
                await error.WriteLineAsync("Chạy lại với biến môi trường KHUYENCONG_DEBUG=1 để xem chi tiết.");
            }
            return ExitSoftware;
        }
    }

    /// <summary>Rewrites "DataAnnotation validation failed for 'BotOptions' members: 'X'" so that it names the key "Bot:X".</summary>
    internal static string NameKeys(string failure, Type optionsType)
    {
        var section = optionsType.GetField("Section")?.GetValue(null) as string ?? optionsType.Name.Replace("Options", "");
        return System.Text.RegularExpressions.Regex.Replace(
            failure,
            @"DataAnnotation validation failed for '\w+' members: '(\w+)' with the error: '(.*)'\.?$",
            m => $"{section}:{m.Groups[1].Value}: {m.Groups[2].Value}");
    }

    /// <summary>One line: which process holds the database, and what to do.</summary>
    internal static string Refusal(string verb, string database, DatabaseOwner? owner)
    {
        var who = owner is null || owner.Pid == 0 ? "một tiến trình khác" : owner.Describe();
        var kill = owner is null || owner.Pid == 0 ? "" : $" (kill {owner.Pid})";
        var todo = verb switch
        {
            "restore" => $"dừng tiến trình đó trước{kill} rồi chạy lại restore: khôi phục cần tệp không ai dùng",
            "run" => $"mỗi cơ sở dữ liệu chỉ một bot chạy; dừng tiến trình đó trước{kill}, hoặc dùng Storage:DatabasePath khác",
            _ when owner?.Verb is "run" or "chat" => $"tiến trình đó không nhận lệnh qua kênh quản trị; dừng nó trước{kill} rồi chạy lại",
            _ => $"chờ tiến trình đó xong (hoặc dừng nó{kill}) rồi chạy lại",
        };
        return $"Không chạy được {verb}: cơ sở dữ liệu {database} đang được {who} dùng; {todo}.";
    }

    /// <summary>Now in the bot's time zone (names of backups and kept copies), without a host.</summary>
    private static DateTimeOffset BotNow(IConfiguration configuration) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BotClock.FindZone(configuration["Bot:TimeZone"] is { Length: > 0 } zone ? zone : "Asia/Ho_Chi_Minh"));

    private static string NoDatabase(string database) =>
        $"Chưa có cơ sở dữ liệu {Path.GetFullPath(database)}; kiểm tra Storage:DatabasePath (hoặc --db, --demo). Không tạo tệp mới.";

    /// <summary>The owner died (or stopped) before answering a forwarded verb.</summary>
    private static string OwnerGone(string verb, DatabaseOwner owner) =>
        $"Không rõ {verb} đã xong chưa: {owner.Describe()} dừng trước khi trả lời (mỗi việc trên cơ sở dữ liệu hoặc xong trọn, hoặc chưa có gì). "
        + (verb == "import" ? "Khi bot chạy lại, xem lệnh imports rồi nhập lại nếu chưa có đợt này." : "Chạy lại lệnh khi bot đã chạy lại (hoặc đã dừng hẳn).");

    private static async Task<int> WriteUsage(TextWriter output)
    {
        await output.WriteLineAsync(CommandLine.Usage);
        return 0;
    }

    /// <summary>Configuration overrides implied by the verb's flags (the demo database, the demo data).</summary>
    public static Dictionary<string, string?> FlagOverrides(CommandLine commandLine)
    {
        var overrides = new Dictionary<string, string?>();
        if (commandLine.Has("--demo"))
        {
            if (!commandLine.ConfigurationArgs.Any(a => a.StartsWith("--Storage:DatabasePath", StringComparison.OrdinalIgnoreCase)))
            {
                overrides["Storage:DatabasePath"] = "data/demo.db";
            }
            overrides["Storage:LoadDemoData"] = "true";
        }
        if (commandLine.Get("--db") is { } db)
        {
            overrides["Storage:DatabasePath"] = db;
        }
        return overrides;
    }

    /// <summary>The configuration the host would see (appsettings.json, environment, command line, flags), read without a host.</summary>
    public static IConfigurationRoot LoadConfiguration(CommandLine commandLine)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(commandLine.ConfigurationArgs)
            .AddInMemoryCollection(FlagOverrides(commandLine))
            .Build();
    }

    /// <summary>Stops with every configuration problem at once (exit 2) before anything is started.</summary>
    private static void EnsureValid(IConfiguration configuration, bool channels)
    {
        var errors = ConfigurationCheck.Check(configuration, channels);
        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException(errors);
        }
    }

    private static string DatabasePath(IConfiguration configuration) =>
        configuration["Storage:DatabasePath"] is { Length: > 0 } path ? path : new StorageOptions().DatabasePath;

    /// <summary>Who owns the database now (null when nobody does, or it lives in memory).</summary>
    private static DatabaseOwner? OwnerOf(string database) => database == ":memory:" ? null : DatabaseLock.Holder(database);

    /// <summary>Connects to the owner's admin channel, or writes the one-line refusal and returns null.</summary>
    private static async Task<AdminClient?> JoinAsync(string verb, string database, DatabaseOwner owner, TextWriter error, CancellationToken ct)
    {
        if (owner.Socket is { } socket && await AdminClient.ConnectAsync(socket, ct) is { } client)
        {
            return client;
        }
        await error.WriteLineAsync(Refusal(verb, Path.GetFullPath(database), owner));
        return null;
    }

    private static HostApplicationBuilder CreateBuilder(CommandLine commandLine, LogLevel minimum)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = commandLine.ConfigurationArgs,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddInMemoryCollection(FlagOverrides(commandLine));
        EnsureValid(builder.Configuration, channels: false);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter((_, level) => level >= minimum);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        if (commandLine.Get("--today") is { } today)
        {
            var date = DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var zone = BotClock.FindZone(builder.Configuration["Bot:TimeZone"] ?? "Asia/Ho_Chi_Minh");
            builder.Services.AddSingleton<TimeProvider>(ShiftedTimeProvider.ForDate(date, zone));
        }
        return builder;
    }

    /// <summary>A host for a one-off verb: the services, without the background work (no reminders, no scheduled backups).</summary>
    private static IHost BuildTool(CommandLine commandLine)
    {
        var host = CreateBuilder(commandLine, LogLevel.Warning).Build();
        _ = host.Services.GetRequiredService<IBotStore>();
        _ = host.Services.GetRequiredService<CatalogueIndex>();
        return host;
    }

    /// <summary>Writes what the tool changed to the data file and closes it.</summary>
    private static void CloseTool(IHost host)
    {
        try
        {
            host.Services.GetRequiredService<IBotStore>().Checkpoint();
        }
        finally
        {
            host.Dispose();
        }
    }

    // ---------------------------------------------------------------- chat

    private static async Task<int> ChatAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var role = ParseRole(commandLine.Get("--role"));
        var language = ParseLanguage(commandLine.Get("--lang"));
        var userId = commandLine.Get("--user") ?? "local";
        var database = DatabasePath(configuration);
        if (OwnerOf(database) is { } owner)
        {
            return await JoinChatAsync(commandLine, database, owner, userId, role, language, configuration, input, output, error, ct);
        }
        var builder = CreateBuilder(commandLine, LogLevel.Warning);
        builder.Services.AddHostedService<AdminChannelService>();
        using var host = builder.Build();
        await host.StartAsync(ct);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        var signalled = false;
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => signalled = true);
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => signalled = true);
        var leaving = false;
        try
        {
            var services = host.Services;
            var engine = services.GetRequiredService<IBotEngine>();
            var catalogue = services.GetRequiredService<CatalogueIndex>();
            var store = services.GetRequiredService<IBotStore>();
            string? province = null;
            if (commandLine.Get("--province") is { } name)
            {
                province = catalogue.FindProvince(name)?.CurrentId
                    ?? throw new ConfigurationException($"--province: không có tỉnh/thành '{name}'.");
            }
            TerminalUsers.Ensure(store, services.GetRequiredService<BotClock>(), userId, role, province);
            var channel = new TerminalChannel(engine, services.GetRequiredService<IOptions<StorageOptions>>(), input, output);
            var code = await channel.RunAsync(userId, language, reading.Token);
            leaving = true;
            if (lifetime.ApplicationStopping.IsCancellationRequested && !ct.IsCancellationRequested && !signalled)
            {
                await error.WriteLineAsync("Bot đã dừng giữa chừng (xem dòng lỗi phía trên); những gì đã lưu vẫn còn nguyên. Chạy lại lệnh chat để tiếp tục.");
                return ExitSoftware;
            }
            return code;
        }
        catch (OperationCanceledException) when (!leaving && lifetime.ApplicationStopping.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            if (signalled)
            {
                return 0;
            }
            await error.WriteLineAsync("Bot đã dừng giữa chừng (xem dòng lỗi phía trên); những gì đã lưu vẫn còn nguyên. Chạy lại lệnh chat để tiếp tục.");
            return ExitSoftware;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A second terminal on a database another process owns: the lines go to that process's engine.</summary>
    private static async Task<int> JoinChatAsync(CommandLine commandLine, string database, DatabaseOwner owner, string userId, Role role, string language,
        IConfiguration configuration, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var client = await JoinAsync("chat", database, owner, error, ct);
        if (client is null)
        {
            return ExitInUse;
        }
        var request = new JsonObject
        {
            ["verb"] = "chat", ["user"] = userId, ["role"] = role.ToString().ToLowerInvariant(), ["lang"] = language,
        };
        if (commandLine.Get("--province") is { } province)
        {
            request["province"] = province;
        }
        await client.SendAsync(request, ct);
        var ready = await client.ReceiveAsync(ct);
        if (ready?["ready"] is null)
        {
            await error.WriteLineAsync(ready?["err"]?.GetValue<string>() ?? "Tiến trình chủ không nhận phiên chat.");
            return ready?["exit"]?.GetValue<int>() ?? ExitInUse;
        }
        var today = ready["today"]?.GetValue<string>();
        await error.WriteLineAsync($"Cơ sở dữ liệu {Path.GetFullPath(database)} đang do {owner.Describe()} giữ: terminal này trò chuyện qua tiến trình đó (ngày của bot: {today}).");
        if (commandLine.Get("--today") is { } asked && asked != today)
        {
            await error.WriteLineAsync($"Lưu ý: --today {asked} không dùng được ở đây; bot sống theo ngày của tiến trình chủ ({today}).");
        }
        var storage = Options.Create(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions());
        var channel = new TerminalChannel(new RemoteEngine(client), storage, input, output);
        try
        {
            return await channel.RunAsync(userId, language, ct);
        }
        catch (IOException)
        {
            await error.WriteLineAsync($"Tiến trình chủ ({owner.Describe()}) đã dừng; phiên chat này kết thúc. Tin cuối có thể chưa được xử lý: chạy lại lệnh chat rồi kiểm tra.");
            return ExitInUse;
        }
    }

    internal static Role ParseRole(string? role) => role?.ToLowerInvariant() switch
    {
        null or "admin" => Role.Admin,
        "manager" => Role.Manager,
        "officer" => Role.Officer,
        _ => throw new ConfigurationException($"--role phải là admin, manager hoặc officer, không phải '{role}'."),
    };

    private static string ParseLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        null or "vi" => "vi",
        "en" => "en",
        _ => throw new ConfigurationException($"--lang phải là vi hoặc en, không phải '{language}'."),
    };

    // ---------------------------------------------------------------- import, imports

    private static async Task<int> ImportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
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
        var content = await File.ReadAllBytesAsync(path, ct);
        var name = Path.GetFileName(path);
        var allow = commandLine.Has("--allow-duplicates");
        var dryRun = commandLine.Has("--dry-run");
        return await ToolAsync(commandLine, "import", output, error, ct,
            remote: new JsonObject { ["verb"] = "import", ["file"] = name, ["allowDuplicates"] = allow, ["dryRun"] = dryRun, ["by"] = "dòng lệnh" },
            content: content,
            local: services => AdminVerbs.Import(services, content, name, allow, dryRun, "dòng lệnh"));
    }

    private static Task<int> ImportsAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct) =>
        ToolAsync(commandLine, "imports", output, error, ct, new JsonObject { ["verb"] = "imports" }, null, services => (0, AdminVerbs.ListImports(services)));

    /// <summary>Runs a verb on the database: through its owner when another process has it, else on a store opened here.</summary>
    private static async Task<int> ToolAsync(CommandLine commandLine, string verb, TextWriter output, TextWriter error, CancellationToken ct,
        JsonObject remote, byte[]? content, Func<IServiceProvider, (int Exit, string Text)> local)
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
                return await client.RunAsync(remote, content, output, error, ct);
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

    private static async Task<int> ExportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
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
                count => $"Đã xuất báo cáo ({report}, {count} bản ghi trong kỳ) ra {path}.");
        }
        // The records' evidence files go beside the export (issue 15), unless --no-files; an existing folder is never written over.
        var folder = commandLine.Has("--no-files") ? null : commandLine.Get("--files") is { Length: > 0 } chosen ? Path.GetFullPath(chosen) : EvidenceExport.DefaultFolder(path);
        if (folder is not null && EvidenceExport.Refusal(folder) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return ExitCannotCreate;
        }
        return await FileToolAsync(commandLine, "export", path, output, error, ct,
            new JsonObject { ["verb"] = "export", ["format"] = xlsx ? "xlsx" : "csv" },
            services => AdminVerbs.Export(services, xlsx),
            count => $"Đã xuất {count} bản ghi ra {path}.", folder);
    }

    private static async Task<int> BackupAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
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
    private static async Task<int> FileToolAsync(CommandLine commandLine, string verb, string path, TextWriter output, TextWriter error, CancellationToken ct,
        JsonObject remote, Func<IServiceProvider, (byte[] Bytes, int Count)> local, Func<int, string> done, string? filesFolder = null)
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
            WriteChecked(full, bytes, verify: false);
            var files = temp is null ? -1 : EvidenceExport.Finish(temp, filesFolder!);
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
    private static DatabaseReport? WriteChecked(string full, byte[] bytes, bool verify)
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
            File.Move(temp, full, overwrite: !verify);
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

    // ---------------------------------------------------------------- restore

    private static async Task<int> RestoreAsync(CommandLine commandLine, TextWriter output, TextWriter error)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: restore FILE [--dry-run]");
            return ExitUsage;
        }
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var target = Path.GetFullPath(DatabasePath(configuration));
        var backup = commandLine.Arguments[0];
        if (!commandLine.Has("--dry-run") && OwnerOf(target) is { } owner)
        {
            await error.WriteLineAsync(Refusal("restore", target, owner));
            return ExitInUse;
        }
        RestoreResult result;
        try
        {
            result = Backups.Restore(backup, target, commandLine.Has("--dry-run"), BotNow(configuration));
        }
        catch (StoreOpenException ex)
        {
            await error.WriteLineAsync("Không khôi phục, cơ sở dữ liệu giữ nguyên: " + ex.Message);
            return File.Exists(backup) ? ExitData : ExitNoInput;
        }
        if (result.DryRun)
        {
            await output.WriteLineAsync($"Kiểm tra xong, chưa thay đổi gì: {backup} đọc được đủ ({result.Backup.Describe()}). "
                + $"Chạy lại không có --dry-run để khôi phục vào {target}" + (File.Exists(target) ? "; bản đang dùng sẽ được giữ lại dưới tên mới có giờ." : "."));
            return 0;
        }
        await output.WriteLineAsync($"Đã khôi phục {target} từ {backup}: {result.Backup.Describe()}."
            + (result.KeptCurrentAs is { } kept ? $" Bản đang dùng trước đó được giữ ở {kept}." : ""));
        return 0;
    }

    // ---------------------------------------------------------------- run

    private static async Task<int> ServeAsync(CommandLine commandLine, TextWriter error, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(FlagOverrides(commandLine));
        // HttpClient logs request URLs, and Bot API URLs carry the token: keep them out of the log.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        var noChannel = string.IsNullOrWhiteSpace(builder.Configuration["Telegram:BotToken"]) && string.IsNullOrWhiteSpace(builder.Configuration["Zalo:BotToken"]);
        var problems = ConfigurationCheck.Check(builder.Configuration, channels: true).ToList();
        if (noChannel)
        {
            problems.Insert(0, "Telegram:BotToken: chưa đặt token nào (Telegram:BotToken hay Zalo:BotToken), bot không có kênh để chạy | no channel configured: set Telegram:BotToken (or Zalo:BotToken)");
        }
        if (problems.Count > 0)
        {
            await error.WriteLineAsync(ConfigurationCheck.Describe(problems));
            if (noChannel)
            {
                await error.WriteLineAsync("""
                    Đặt token lấy từ @BotFather, ví dụ:
                      export Telegram__BotToken=123456:ABC...   (hoặc --Telegram:BotToken=... hoặc appsettings.json)
                    Hoặc thử bot ngay trên terminal với dữ liệu mẫu:
                      dotnet run --project src/KhuyenCongBot -- chat --demo
                    """);
            }
            return ExitConfiguration;
        }
        var database = DatabasePath(builder.Configuration);
        if (OwnerOf(database) is { } owner)
        {
            await error.WriteLineAsync(Refusal("run", Path.GetFullPath(database), owner));
            return ExitInUse;
        }
        ChannelRegistration.AddChannels(builder.Services, builder.Configuration);
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        builder.Services.AddHostedService<AdminChannelService>();
        var app = builder.Build();
        ChannelRegistration.MapEndpoints(app);
        _ = app.Services.GetRequiredService<CatalogueIndex>();
        await app.RunAsync();
        return 0;
    }
}

/// <summary>A configuration or command-line value that stops the program with a clear message.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

/// <summary>Configuration problems found before start: one line each (see <see cref="ConfigurationCheck"/>).</summary>
public sealed class InvalidConfigurationException(IReadOnlyList<string> errors) : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Makes sure the terminal's user exists with the role and province asked for.</summary>
public static class TerminalUsers
{
    public static BotUser Ensure(IBotStore store, BotClock clock, string userId, Role role, string? provinceId)
    {
        var identity = $"{TerminalChannel.ChannelName}:{userId}";
        var user = store.Users.FindByIdentity(identity);
        var scopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province;
        if (user is null)
        {
            user = new BotUser
            {
                DisplayName = userId, Role = role, ScopeKind = scopeKind, ScopeId = provinceId,
                Identities = [identity], CreatedAt = clock.Now,
            };
            user.Id = store.Users.Add(user);
        }
        else if (user.Role != role || user.ScopeKind != scopeKind || user.ScopeId != provinceId || !user.Active)
        {
            user.Role = role;
            user.ScopeKind = scopeKind;
            user.ScopeId = provinceId;
            user.Active = true;
            store.Users.Update(user);
        }
        return user;
    }
}
