using System.Buffers.Binary;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Terminal;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// The admin channel: a Unix domain socket beside the database, served by the process that owns the database (`run`,
/// `chat`). Verbs run beside it (`import`, `export`, `backup`, `imports`, a second `chat`) go through it, so they work on
/// the owner's open store: nothing opens the file twice, and the owner's figures see an import at once.
/// </summary>
/// <remarks>
/// Frames are a 4-byte big-endian length and a UTF-8 JSON object. A request is one frame ({"verb": ...}); file contents
/// travel as base64 chunks ({"chunk": ...}) ended by {"end": true}. Answers: {"out": text} / {"err": text} lines, then
/// {"exit": code}. A chat session sends {"line": text} and receives {"reply": ...} frames then {"done": true} per line.
/// The socket file is created 0600 in the database's folder: whoever may use it may read the database anyway.
/// </remarks>
public sealed class AdminChannelService(IServiceProvider services, IBotStore store, BotClock clock, ILogger<AdminChannelService> logger) : BackgroundService
{
    private Socket? _listener;
    private string? _path;

    /// <summary>Where the owner of <paramref name="database"/> listens (beside it; in the temp folder when that path is too long for a socket).</summary>
    public static string SocketPathFor(string database)
    {
        var beside = Path.GetFullPath(database) + ".sock";
        if (Encoding.UTF8.GetByteCount(beside) <= 100)
        {
            return beside;
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(database))))[..16].ToLowerInvariant();
        return Path.Combine(Path.GetTempPath(), $"kcb-{hash}.sock");
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is LiteDbStore { Lock: { } owner })
        {
            try
            {
                _path = SocketPathFor(owner.Database);
                // We hold the database's lock: a socket file there is a leftover of a process that died.
                File.Delete(_path);
                _listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                _listener.Bind(new UnixDomainSocketEndPoint(_path));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
                _listener.Listen(16);
                owner.Advertise(_path);
            }
            catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                logger.LogWarning("Admin channel not available ({Error}): import/export run beside this process will be refused instead", ex.Message);
                _listener?.Dispose();
                _listener = null;
            }
        }
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is null)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                logger.LogWarning("Admin channel accept failed: {Error}", ex.Message);
                await Task.Delay(100, stoppingToken).ConfigureAwait(false);
                continue;
            }
            _ = Task.Run(() => ServeAsync(client, stoppingToken), CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _listener?.Dispose();
        if (_path is not null)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stopping)
    {
        await using var stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            var request = await AdminFrames.ReadAsync(stream, stopping).ConfigureAwait(false);
            if (request is null)
            {
                return;
            }
            var verb = request["verb"]?.GetValue<string>() ?? "";
            logger.LogInformation("Admin channel: {Verb}", verb);
            switch (verb)
            {
                case "hello":
                    await AdminFrames.WriteAsync(stream, Hello(), stopping).ConfigureAwait(false);
                    break;
                case "import":
                    await ImportAsync(stream, request, stopping).ConfigureAwait(false);
                    break;
                case "undo":
                    await FinishAsync(stream, AdminVerbs.Undo(services, request["id"]!.GetValue<long>(), request["by"]?.GetValue<string>() ?? "admin"), stopping).ConfigureAwait(false);
                    break;
                case "imports":
                    await FinishAsync(stream, (0, AdminVerbs.ListImports(services)), stopping).ConfigureAwait(false);
                    break;
                case "export":
                    var (bytes, count) = request["report"]?.GetValue<string>() is { } report ? AdminVerbs.ExportReport(services, report)
                        : request["format"]?.GetValue<string>() == "projects" ? AdminVerbs.ExportProjects(services)
                        : AdminVerbs.Export(services, request["format"]?.GetValue<string>() == "xlsx");
                    await AdminFrames.WriteBytesAsync(stream, bytes, stopping).ConfigureAwait(false);
                    await AdminFrames.WriteAsync(stream, new JsonObject { ["count"] = count }, stopping).ConfigureAwait(false);
                    if (request["files"]?.GetValue<bool>() == true)
                    {
                        await EvidenceExport.SendAsync(services, stream, stopping).ConfigureAwait(false);
                    }
                    break;
                case "backup":
                    await BackupAsync(stream, stopping).ConfigureAwait(false);
                    break;
                case "chat":
                    await ChatAsync(stream, request, stopping).ConfigureAwait(false);
                    break;
                default:
                    await FinishAsync(stream, (64, $"Tiến trình chủ không làm lệnh '{verb}' qua kênh quản trị."), stopping).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away (or we are stopping): nothing to answer.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Admin channel request failed");
            try
            {
                await FinishAsync(stream, (70, "Tiến trình chủ gặp lỗi khi làm lệnh này: " + ex.Message), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception again) when (again is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private JsonObject Hello() => new()
    {
        ["pid"] = Environment.ProcessId,
        ["verb"] = DatabaseLock.ProcessVerb,
        ["today"] = clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task FinishAsync(Stream stream, (int Exit, string Text) result, CancellationToken ct) =>
        AdminFrames.WriteAsync(stream, new JsonObject { [result.Exit == 0 ? "out" : "err"] = result.Text, ["exit"] = result.Exit }, ct);

    private async Task ImportAsync(Stream stream, JsonObject request, CancellationToken ct)
    {
        var content = await AdminFrames.ReadBytesAsync(stream, ct).ConfigureAwait(false);
        // The evidence files of the export's folder, sent after the file (issue 15).
        var files = request["files"]?.GetValue<bool>() == true ? await EvidenceImport.ReceiveAsync(stream, ct).ConfigureAwait(false) : null;
        var result = AdminVerbs.Import(services, content, request["file"]?.GetValue<string>() ?? "tệp",
            request["allowDuplicates"]?.GetValue<bool>() == true, request["dryRun"]?.GetValue<bool>() == true,
            request["by"]?.GetValue<string>() ?? "import (dòng lệnh)", files is null ? null : name => files.GetValueOrDefault(name),
            ProjectFiles.FromRequest(request));
        await FinishAsync(stream, result, ct).ConfigureAwait(false);
    }

    private async Task BackupAsync(Stream stream, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(((LiteDbStore)store).Lock!.Database) ?? ".";
        var temp = Path.Combine(folder, $".admin-backup-{Guid.NewGuid():N}.db");
        try
        {
            Backups.BackupTo((LiteDbStore)store, temp);
            await AdminFrames.WriteBytesAsync(stream, await File.ReadAllBytesAsync(temp, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            await AdminFrames.WriteAsync(stream, new JsonObject { ["exit"] = 0 }, ct).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private async Task ChatAsync(Stream stream, JsonObject request, CancellationToken ct)
    {
        var engine = services.GetRequiredService<IBotEngine>();
        var catalogue = services.GetRequiredService<CatalogueIndex>();
        var userId = request["user"]?.GetValue<string>() ?? "local";
        var language = request["lang"]?.GetValue<string>() ?? "vi";
        string? province = null;
        string? notice = null;
        if (request["province"]?.GetValue<string>() is { } name)
        {
            province = catalogue.FindProvince(name)?.CurrentId;
            if (province is null)
            {
                await FinishAsync(stream, (2, $"--province: không có tỉnh/thành '{name}'."), ct).ConfigureAwait(false);
                return;
            }
        }
        try
        {
            var role = request["role"]?.GetValue<string>() is { } asked ? BotApp.ParseRole(asked) : (Role?)null;
            var user = TerminalUsers.Ensure(store, clock, userId, role, province, out var before);
            if (before is { } was)
            {
                notice = TerminalUsers.ChangeNotice(userId, was, user, id => catalogue.Province(id)?.ShortName ?? id);
            }
        }
        catch (ConfigurationException ex)
        {
            await FinishAsync(stream, (2, ex.Message), ct).ConfigureAwait(false);
            return;
        }
        var hello = Hello();
        hello["ready"] = true;
        if (notice is not null)
        {
            hello["notice"] = notice;
        }
        await AdminFrames.WriteAsync(stream, hello, ct).ConfigureAwait(false);
        while (await AdminFrames.ReadAsync(stream, ct).ConfigureAwait(false) is { } frame)
        {
            var line = frame["line"]?.GetValue<string>() ?? "";
            var replies = await engine.HandleAsync(new Incoming
            {
                Channel = TerminalChannel.ChannelName,
                ChatId = userId,
                UserId = userId,
                DisplayName = userId,
                Text = line,
                LanguageCode = language,
            }, ct).ConfigureAwait(false);
            foreach (var reply in replies)
            {
                await AdminFrames.WriteAsync(stream, AdminFrames.ToJson(reply), ct).ConfigureAwait(false);
            }
            await AdminFrames.WriteAsync(stream, new JsonObject { ["done"] = true }, ct).ConfigureAwait(false);
        }
    }
}
