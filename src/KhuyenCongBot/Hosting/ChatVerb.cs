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
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Hosting;

/// <summary>The chat verb: the terminal chat, on its own database or joined to the running bot.</summary>
internal static class ChatVerb
{
    internal static async Task<int> ChatAsync(CommandLine commandLine, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        Role? role = commandLine.Get("--role") is { } asked ? ParseRole(asked) : null;
        if (role == Role.Officer && commandLine.Get("--province") is null)
        {
            throw new ConfigurationException(TerminalUsers.OfficerNeedsProvince);
        }
        var language = ParseLanguage(commandLine.Get("--lang"));
        var userId = commandLine.Get("--user") ?? TerminalUsers.DefaultUserId;
        var database = DatabasePath(configuration);
        if (OwnerOf(database) is { } found && await ReadyOwnerAsync(database, found, error, ct) is { } owner)
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
            var user = TerminalUsers.Ensure(store, services.GetRequiredService<BotClock>(), userId, role, province, out var before);
            if (before is { } was)
            {
                await error.WriteLineAsync(TerminalUsers.ChangeNotice(userId, was, user, id => catalogue.Province(id)?.ShortName ?? id));
            }
            var channel = new TerminalChannel(engine, services.GetRequiredService<IOptions<StorageOptions>>(), services.GetRequiredService<UserTexts>(), input, output);
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

    /// <summary>How long a second chat waits for a chat or bot that holds the database but does not take a second terminal yet
    /// (it is still starting: the first run of --demo loads the demo data for about half a minute, longer on a busy machine).</summary>
    internal static TimeSpan JoinWait { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The owner to join: at once when it takes a second terminal; while a chat or bot is still starting, after waiting for it
    /// (said in one line; nothing is asked of the other terminal); null when it stopped meanwhile, so this chat opens the database itself.
    /// An outside tester was told to kill the first terminal while it was only loading the demo data.</summary>
    internal static async Task<DatabaseOwner?> ReadyOwnerAsync(string database, DatabaseOwner owner, TextWriter error, CancellationToken ct)
    {
        if (owner.Socket is not null || owner.Verb is not ("chat" or "run"))
        {
            return owner;
        }
        await error.WriteLineAsync(StartingOwnerWait(Path.GetFullPath(database), owner));
        var until = DateTimeOffset.UtcNow + JoinWait;
        while (DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            if (OwnerOf(database) is not { } now)
            {
                return null;
            }
            if (now.Socket is not null)
            {
                return now;
            }
        }
        return OwnerOf(database);
    }

    /// <summary>One line while another chat (or the bot) that holds the database is still starting.</summary>
    internal static string StartingOwnerWait(string database, DatabaseOwner owner) =>
        $"⏳ Một cửa sổ {(owner.Verb == "run" ? "bot" : "chat")} khác đang mở dữ liệu {database} và chưa sẵn sàng: {owner.Describe()}; "
        + "lần đầu chạy --demo cần khoảng nửa phút để nạp dữ liệu mẫu. Cửa sổ này chờ rồi tự vào chung; không cần dừng cửa sổ kia, "
        + "không mất dữ liệu nào (Ctrl+C để thôi chờ).";

    /// <summary>A second terminal on a database another process owns: the lines go to that process's engine.</summary>
    internal static async Task<int> JoinChatAsync(CommandLine commandLine, string database, DatabaseOwner owner, string userId, Role? role, string language,
        IConfiguration configuration, TextReader input, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var client = await JoinAsync("chat", database, owner, error, ct);
        if (client is null)
        {
            return ExitInUse;
        }
        var request = new JsonObject
        {
            ["verb"] = "chat", ["user"] = userId, ["lang"] = language,
        };
        if (role is { } given)
        {
            request["role"] = given.ToString().ToLowerInvariant();
        }
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
        if (ready["notice"]?.GetValue<string>() is { } notice)
        {
            await error.WriteLineAsync(notice);
        }
        await error.WriteLineAsync($"Cơ sở dữ liệu {Path.GetFullPath(database)} đang do {owner.Describe()} giữ: terminal này trò chuyện qua tiến trình đó (ngày của bot: {today}).");
        if (commandLine.Get("--today") is { } asked && asked != today)
        {
            await error.WriteLineAsync($"Lưu ý: --today {asked} không dùng được ở đây; bot sống theo ngày của tiến trình chủ ({today}).");
        }
        var storage = Options.Create(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions());
        var channel = new TerminalChannel(new RemoteEngine(client), storage, UserTexts.Load(SeedFiles.Locate(storage.Value.SeedsPath)), input, output);
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
}
