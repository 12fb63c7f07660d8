namespace KhuyenCongBot.Core.Messaging;

/// <summary>Reads a webhook's request body up to a limit, whatever its Content-Length says (or when it has none: chunked).</summary>
public static class RequestBody
{
    /// <summary>Largest webhook body the channels read: an update is a few kilobytes at most.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>The whole body, or null as soon as it grows past <paramref name="maxBytes"/> (the rest is never read).</summary>
    public static async Task<byte[]?> ReadAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
    }
}
