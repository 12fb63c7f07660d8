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
