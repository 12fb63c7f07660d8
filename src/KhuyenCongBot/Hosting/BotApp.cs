using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Terminal;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Hosting;

/// <summary>Runs one verb of the command line with its own host.</summary>
public static class BotApp
{
    public const int ExitConfiguration = 2;

    public static async Task<int> RunAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        try
        {
            return commandLine.Verb switch
            {
                "chat" => await ChatAsync(commandLine, input, output, ct),
                "import" => await ImportAsync(commandLine, output, error, ct),
                "export" => await ExportAsync(commandLine, output, error, ct),
                "help" => await WriteUsage(output),
                "backup" => await BackupAsync(commandLine, output, error, ct),
                "restore" => await RestoreAsync(commandLine, output, error),
                _ => await ServeAsync(commandLine, error, ct),
            };
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
        catch (Storage.StoreOpenException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitConfiguration;
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitConfiguration;
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

    private static HostApplicationBuilder CreateBuilder(CommandLine commandLine, LogLevel minimum)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = commandLine.ConfigurationArgs,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Configuration.AddInMemoryCollection(FlagOverrides(commandLine));
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

    private static async Task<int> ChatAsync(CommandLine commandLine, TextReader input, TextWriter output, CancellationToken ct)
    {
        var builder = CreateBuilder(commandLine, LogLevel.Warning);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var services = host.Services;
            var engine = services.GetRequiredService<IBotEngine>();
            var catalogue = services.GetRequiredService<CatalogueIndex>();
            var store = services.GetRequiredService<IBotStore>();
            var userId = commandLine.Get("--user") ?? "local";
            var role = ParseRole(commandLine.Get("--role"));
            string? province = null;
            if (commandLine.Get("--province") is { } name)
            {
                province = catalogue.FindProvince(name)?.CurrentId
                    ?? throw new ConfigurationException($"--province: không có tỉnh/thành '{name}'.");
            }
            TerminalUsers.Ensure(store, services.GetRequiredService<BotClock>(), userId, role, province);
            var language = commandLine.Get("--lang") ?? "vi";
            var channel = new TerminalChannel(engine, services.GetRequiredService<IOptions<StorageOptions>>(), input, output);
            return await channel.RunAsync(userId, language, ct);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> BackupAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: backup FILE");
            return 64;
        }
        var builder = CreateBuilder(commandLine, LogLevel.Warning);
        using var host = builder.Build();
        var store = (Storage.LiteDbStore)host.Services.GetRequiredService<IBotStore>();
        Storage.Backups.BackupTo(store, commandLine.Arguments[0]);
        await output.WriteLineAsync($"Đã sao lưu {store.Records.Count()} bản ghi vào {commandLine.Arguments[0]}.");
        return 0;
    }

    private static async Task<int> RestoreAsync(CommandLine commandLine, TextWriter output, TextWriter error)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: restore FILE");
            return 64;
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(commandLine.ConfigurationArgs)
            .AddInMemoryCollection(FlagOverrides(commandLine))
            .Build();
        var target = configuration["Storage:DatabasePath"] ?? new StorageOptions().DatabasePath;
        var records = Storage.Backups.Verify(commandLine.Arguments[0]);
        Storage.Backups.Restore(commandLine.Arguments[0], target);
        await output.WriteLineAsync($"Đã khôi phục {target} từ {commandLine.Arguments[0]} ({records} bản ghi); tệp cũ giữ ở {target}.bak.");
        return 0;
    }

    private static Role ParseRole(string? role) => role?.ToLowerInvariant() switch
    {
        null or "admin" => Role.Admin,
        "manager" => Role.Manager,
        "officer" => Role.Officer,
        _ => throw new ConfigurationException($"--role phải là admin, manager hoặc officer, không phải '{role}'."),
    };

    private static async Task<int> ImportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: import FILE.csv");
            return 64;
        }
        var path = commandLine.Arguments[0];
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"Không tìm thấy tệp {path}.");
            return 66;
        }
        var builder = CreateBuilder(commandLine, LogLevel.Warning);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            _ = host.Services.GetRequiredService<CatalogueIndex>();
            var importer = host.Services.GetRequiredService<IRecordImporter>();
            using var reader = new StreamReader(path);
            var header = (await reader.ReadLineAsync(ct)) ?? "";
            reader.BaseStream.Position = 0;
            reader.DiscardBufferedData();
            var isPlans = header.TrimStart('\uFEFF').StartsWith("year", StringComparison.OrdinalIgnoreCase);
            var result = isPlans ? importer.ImportPlans(reader) : importer.ImportRecords(reader, 0);
            if (!result.Ok)
            {
                await error.WriteLineAsync($"Không nhập gì: tệp có {result.Errors.Count} dòng lỗi.");
                foreach (var e in result.Errors)
                {
                    await error.WriteLineAsync($"  dòng {e.Line}: {e.Reason}");
                }
                return 65;
            }
            await output.WriteLineAsync(isPlans
                ? $"Đã nhập {result.Imported} dòng kế hoạch từ {path}."
                : $"Đã nhập {result.Imported} bản ghi từ {path}.");
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> ExportAsync(CommandLine commandLine, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: export FILE.csv hoặc FILE.xlsx");
            return 64;
        }
        var path = commandLine.Arguments[0];
        var builder = CreateBuilder(commandLine, LogLevel.Warning);
        using var host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var catalogue = host.Services.GetRequiredService<CatalogueIndex>();
            var store = host.Services.GetRequiredService<IBotStore>();
            if (path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                var writer = host.Services.GetRequiredService<ISpreadsheetWriter>();
                var records = store.Records.All().ToList();
                var bytes = writer.Write([["Tổng số bản ghi", records.Count.ToString(CultureInfo.InvariantCulture)]], records, catalogue);
                await PrivateFiles.WriteAllBytesAsync(path, bytes, ct);
            }
            else
            {
                await using var file = new StreamWriter(PrivateFiles.Create(path), new System.Text.UTF8Encoding(false));
                host.Services.GetRequiredService<IRecordImporter>().ExportRecords(file);
            }
            await output.WriteLineAsync($"Đã xuất {store.Records.Count()} bản ghi ra {path}.");
            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> ServeAsync(CommandLine commandLine, TextWriter error, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs, ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(FlagOverrides(commandLine));
        // HttpClient logs request URLs, and Bot API URLs carry the token: keep them out of the log.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        var channels = ChannelRegistration.AddChannels(builder.Services, builder.Configuration);
        if (channels.Count == 0)
        {
            await error.WriteLineAsync("""
                Chưa cấu hình kênh nào: không có Telegram:BotToken (hay Zalo:BotToken).
                Đặt token lấy từ @BotFather, ví dụ:
                  export Telegram__BotToken=123456:ABC...   (hoặc --Telegram:BotToken=... hoặc appsettings.json)
                Hoặc thử bot ngay trên terminal với dữ liệu mẫu:
                  dotnet run --project src/KhuyenCongBot -- chat --demo
                """);
            return ExitConfiguration;
        }
        builder.Services.AddKhuyenCongBot(builder.Configuration);
        var app = builder.Build();
        ChannelRegistration.MapEndpoints(app);
        _ = app.Services.GetRequiredService<CatalogueIndex>();
        await app.RunAsync();
        return 0;
    }
}

/// <summary>A configuration or command-line value that stops the program with a clear message.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

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
