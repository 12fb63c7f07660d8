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
                    var (bytes, count) = request["report"]?.GetValue<string>() is { } report
                        ? AdminVerbs.ExportReport(services, report)
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
        var result = AdminVerbs.Import(services, content, request["file"]?.GetValue<string>() ?? "tệp",
            request["allowDuplicates"]?.GetValue<bool>() == true, request["dryRun"]?.GetValue<bool>() == true,
            request["by"]?.GetValue<string>() ?? "import (dòng lệnh)");
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
        if (request["province"]?.GetValue<string>() is { } name)
        {
            province = catalogue.FindProvince(name)?.CurrentId;
            if (province is null)
            {
                await FinishAsync(stream, (2, $"--province: không có tỉnh/thành '{name}'."), ct).ConfigureAwait(false);
                return;
            }
        }
        var role = BotApp.ParseRole(request["role"]?.GetValue<string>());
        TerminalUsers.Ensure(store, clock, userId, role, province);
        var hello = Hello();
        hello["ready"] = true;
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

/// <summary>The admin channel's framing: 4-byte big-endian length, then a UTF-8 JSON object.</summary>
public static class AdminFrames
{
    private const int MaxFrame = 8 * 1024 * 1024;
    private const int Chunk = 1024 * 1024;

    public static async Task WriteAsync(Stream stream, JsonObject frame, CancellationToken ct)
    {
        var payload = Encoding.UTF8.GetBytes(frame.ToJsonString());
        var head = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(head, payload.Length);
        await stream.WriteAsync(head, ct).ConfigureAwait(false);
        await stream.WriteAsync(payload, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The next frame, or null at the end of the stream.</summary>
    public static async Task<JsonObject?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[4];
        if (await stream.ReadAtLeastAsync(head, 4, throwOnEndOfStream: false, ct).ConfigureAwait(false) < 4)
        {
            return null;
        }
        var length = BinaryPrimitives.ReadInt32BigEndian(head);
        if (length is < 0 or > MaxFrame)
        {
            throw new IOException("admin channel: bad frame length");
        }
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, ct).ConfigureAwait(false);
        return JsonNode.Parse(payload) as JsonObject ?? throw new IOException("admin channel: bad frame");
    }

    /// <summary>Sends bytes as base64 chunks, then {"end": true}.</summary>
    public static async Task WriteBytesAsync(Stream stream, byte[] bytes, CancellationToken ct)
    {
        for (var at = 0; at < bytes.Length; at += Chunk)
        {
            await WriteAsync(stream, new JsonObject { ["chunk"] = Convert.ToBase64String(bytes, at, Math.Min(Chunk, bytes.Length - at)) }, ct).ConfigureAwait(false);
        }
        await WriteAsync(stream, new JsonObject { ["end"] = true }, ct).ConfigureAwait(false);
    }

    /// <summary>Reads chunks up to {"end": true}; a frame with "err" or "exit" instead ends with <see cref="AdminRefusedException"/>.</summary>
    public static async Task<byte[]> ReadBytesAsync(Stream stream, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var frame = await ReadAsync(stream, ct).ConfigureAwait(false) ?? throw new IOException("admin channel closed");
            if (frame["chunk"]?.GetValue<string>() is { } chunk)
            {
                var bytes = Convert.FromBase64String(chunk);
                buffer.Write(bytes);
                continue;
            }
            if (frame["end"] is not null)
            {
                return buffer.ToArray();
            }
            throw new AdminRefusedException(frame["err"]?.GetValue<string>() ?? frame["out"]?.GetValue<string>() ?? "", frame["exit"]?.GetValue<int>() ?? 70);
        }
    }

    public static JsonObject ToJson(Reply reply)
    {
        var json = new JsonObject
        {
            ["text"] = reply.Text,
            ["choices"] = new JsonArray(reply.Choices.Select(c => (JsonNode)new JsonObject { ["label"] = c.Label, ["data"] = c.Data, ["numbered"] = c.Numbered }).ToArray()),
        };
        if (reply.Attachment is { } a)
        {
            json["attachment"] = new JsonObject
            {
                ["kind"] = a.Kind.ToString(), ["name"] = a.FileName, ["type"] = a.ContentType, ["content"] = Convert.ToBase64String(a.Content),
            };
        }
        return json;
    }

    public static Reply FromJson(JsonObject json)
    {
        Attachment? attachment = null;
        if (json["attachment"] is JsonObject a)
        {
            attachment = new Attachment(Enum.Parse<AttachmentKind>(a["kind"]!.GetValue<string>()), a["name"]!.GetValue<string>(),
                Convert.FromBase64String(a["content"]!.GetValue<string>()), a["type"]!.GetValue<string>());
        }
        return new Reply
        {
            Text = json["text"]?.GetValue<string>() ?? "",
            Choices = (json["choices"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(c => new Choice(c["label"]!.GetValue<string>(), c["data"]!.GetValue<string>(), c["numbered"]?.GetValue<bool>() ?? true)).ToList(),
            Attachment = attachment,
        };
    }
}

/// <summary>The owner refused or failed a request; the text is for the person, the code the exit status.</summary>
public sealed class AdminRefusedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The client side: a verb run beside the owner, forwarded to it.</summary>
public sealed class AdminClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private AdminClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Connects to the owner's socket; null when it cannot be reached.</summary>
    public static async Task<AdminClient?> ConnectAsync(string path, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token).ConfigureAwait(false);
            return new AdminClient(socket);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            socket.Dispose();
            return null;
        }
    }

    public Stream Stream => _stream;

    public Task SendAsync(JsonObject frame, CancellationToken ct) => AdminFrames.WriteAsync(_stream, frame, ct);

    public Task<JsonObject?> ReceiveAsync(CancellationToken ct) => AdminFrames.ReadAsync(_stream, ct);

    /// <summary>Sends a request (and bytes, when given) and prints what comes back until the exit code.</summary>
    public async Task<int> RunAsync(JsonObject request, byte[]? content, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await SendAsync(request, ct).ConfigureAwait(false);
        if (content is not null)
        {
            await AdminFrames.WriteBytesAsync(_stream, content, ct).ConfigureAwait(false);
        }
        while (await ReceiveAsync(ct).ConfigureAwait(false) is { } frame)
        {
            if (frame["out"]?.GetValue<string>() is { } text)
            {
                await output.WriteLineAsync(text).ConfigureAwait(false);
            }
            if (frame["err"]?.GetValue<string>() is { } problem)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }
            if (frame["exit"]?.GetValue<int>() is { } exit)
            {
                return exit;
            }
        }
        throw new IOException("admin channel closed before the answer");
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}

/// <summary>The terminal's engine when the database belongs to another process: each line goes to the owner's engine.</summary>
public sealed class RemoteEngine(AdminClient client) : IBotEngine
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(Incoming message, CancellationToken cancellationToken = default)
    {
        await client.SendAsync(new JsonObject { ["line"] = message.Text ?? "" }, cancellationToken).ConfigureAwait(false);
        var replies = new List<Reply>();
        while (true)
        {
            var frame = await client.ReceiveAsync(cancellationToken).ConfigureAwait(false) ?? throw new OwnerGoneException();
            if (frame["done"] is not null)
            {
                return replies;
            }
            replies.Add(AdminFrames.FromJson(frame));
        }
    }

    public IReadOnlyList<(string Command, string Description)> MenuCommands(string language) => [];
}

/// <summary>The process that owned the database stopped while a terminal was joined to it.</summary>
public sealed class OwnerGoneException() : IOException("the owner process closed the admin channel");
