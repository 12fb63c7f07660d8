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

    /// <summary>Sends a request (and bytes, when given, then what <paramref name="then"/> sends) and prints what comes back until the exit code.</summary>
    public async Task<int> RunAsync(JsonObject request, byte[]? content, TextWriter output, TextWriter error, CancellationToken ct, Func<Stream, Task>? then = null)
    {
        await SendAsync(request, ct).ConfigureAwait(false);
        if (content is not null)
        {
            await AdminFrames.WriteBytesAsync(_stream, content, ct).ConfigureAwait(false);
        }
        if (then is not null)
        {
            await then(_stream).ConfigureAwait(false);
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
