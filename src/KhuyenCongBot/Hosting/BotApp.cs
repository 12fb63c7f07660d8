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

using static KhuyenCongBot.Hosting.ChatVerb;
using static KhuyenCongBot.Hosting.DataVerbs;
using static KhuyenCongBot.Hosting.RestoreVerb;

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
            // A second terminal beside a chat or bot that did not take it (still starting, or its admin channel is not available):
            // never "kill" a terminal someone may be typing in.
            "chat" when owner?.Verb is "run" or "chat" =>
                "đó là một cửa sổ chat (hoặc bot) khác chưa nhận cửa sổ thứ hai (có thể vẫn đang nạp dữ liệu mẫu); chờ cửa sổ đó hiện dấu nhắc "
                + "rồi chạy lại lệnh này, hoặc thoát nó (gõ /thoat hoặc Ctrl+D) rồi chạy lại; không mất dữ liệu nào",
            _ when owner?.Verb is "run" or "chat" => $"tiến trình đó không nhận lệnh qua kênh quản trị; dừng nó trước{kill} rồi chạy lại",
            _ => $"chờ tiến trình đó xong (hoặc dừng nó{kill}) rồi chạy lại",
        };
        return $"Không chạy được {verb}: cơ sở dữ liệu {database} đang được {who} dùng; {todo}.";
    }

    /// <summary>Now in the bot's time zone (names of backups and kept copies), without a host.</summary>
    internal static DateTimeOffset BotNow(IConfiguration configuration) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BotClock.FindZone(configuration["Bot:TimeZone"] is { Length: > 0 } zone ? zone : "Asia/Ho_Chi_Minh"));

    internal static string NoDatabase(string database) =>
        $"Chưa có cơ sở dữ liệu {Path.GetFullPath(database)}; kiểm tra Storage:DatabasePath (hoặc --db, --demo). Không tạo tệp mới.";

    /// <summary>The owner died (or stopped) before answering a forwarded verb.</summary>
    internal static string OwnerGone(string verb, DatabaseOwner owner) =>
        $"Không rõ {verb} đã xong chưa: {owner.Describe()} dừng trước khi trả lời (mỗi việc trên cơ sở dữ liệu hoặc xong trọn, hoặc chưa có gì). "
        + (verb == "import" ? "Khi bot chạy lại, xem lệnh imports rồi nhập lại nếu chưa có đợt này." : "Chạy lại lệnh khi bot đã chạy lại (hoặc đã dừng hẳn).");

    internal static async Task<int> WriteUsage(TextWriter output)
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
    internal static void EnsureValid(IConfiguration configuration, bool channels)
    {
        var errors = ConfigurationCheck.Check(configuration, channels);
        if (errors.Count > 0)
        {
            throw new InvalidConfigurationException(errors);
        }
    }

    internal static string DatabasePath(IConfiguration configuration) =>
        configuration["Storage:DatabasePath"] is { Length: > 0 } path ? path : new StorageOptions().DatabasePath;

    /// <summary>Who owns the database now (null when nobody does, or it lives in memory).</summary>
    internal static DatabaseOwner? OwnerOf(string database) => database == ":memory:" ? null : DatabaseLock.Holder(database);

    /// <summary>Connects to the owner's admin channel, or writes the one-line refusal and returns null.</summary>
    internal static async Task<AdminClient?> JoinAsync(string verb, string database, DatabaseOwner owner, TextWriter error, CancellationToken ct)
    {
        if (owner.Socket is { } socket && await AdminClient.ConnectAsync(socket, ct) is { } client)
        {
            return client;
        }
        await error.WriteLineAsync(Refusal(verb, Path.GetFullPath(database), owner));
        return null;
    }

    internal static HostApplicationBuilder CreateBuilder(CommandLine commandLine, LogLevel minimum)
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
    internal static IHost BuildTool(CommandLine commandLine)
    {
        var host = CreateBuilder(commandLine, LogLevel.Warning).Build();
        _ = host.Services.GetRequiredService<IBotStore>();
        _ = host.Services.GetRequiredService<CatalogueIndex>();
        return host;
    }

    /// <summary>Writes what the tool changed to the data file and closes it.</summary>
    internal static void CloseTool(IHost host)
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

    internal static Role ParseRole(string? role) => role?.ToLowerInvariant() switch
    {
        null or "admin" => Role.Admin,
        "manager" => Role.Manager,
        "officer" => Role.Officer,
        _ => throw new ConfigurationException($"--role phải là admin, manager hoặc officer, không phải '{role}'."),
    };

    internal static string ParseLanguage(string? language) => language?.ToLowerInvariant() switch
    {
        null or "vi" => "vi",
        "en" => "en",
        _ => throw new ConfigurationException($"--lang phải là vi hoặc en, không phải '{language}'."),
    };

    // ---------------------------------------------------------------- run

    internal static async Task<int> ServeAsync(CommandLine commandLine, TextWriter error, CancellationToken ct)
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
