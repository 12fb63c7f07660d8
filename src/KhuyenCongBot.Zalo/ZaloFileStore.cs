using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>A chart or spreadsheet kept for download at /files/{name} until it expires.</summary>
public sealed record ZaloStoredFile(string Name, string FileName, string ContentType, byte[] Content, DateTimeOffset ExpiresAt);

/// <summary>Keeps charts and spreadsheets in memory under random, unguessable names, for Zalo (and people) to fetch by URL.</summary>
public sealed partial class ZaloFileStore(TimeProvider time, IOptions<ZaloOptions> options)
{
    /// <summary>Most files kept at once; the oldest go first.</summary>
    public const int MaxFiles = 500;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ZaloStoredFile> _files = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{22}\.[a-z0-9]{1,5}$")]
    private static partial Regex NameShape();

    /// <summary>Stores the attachment; returns its name ("{random}.png").</summary>
    public string Put(Attachment attachment)
    {
        var extension = Path.GetExtension(attachment.FileName).TrimStart('.').ToLowerInvariant();
        if (extension.Length is 0 or > 5 || !extension.All(char.IsAsciiLetterOrDigit))
        {
            extension = attachment.Kind == AttachmentKind.Photo ? "png" : "bin";
        }
        var name = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (_order.Count >= MaxFiles || _files[_order.Peek()].ExpiresAt <= now))
            {
                _files.Remove(_order.Dequeue());
            }
            _files[name] = new ZaloStoredFile(name, attachment.FileName, attachment.ContentType, attachment.Content,
                now.AddHours(options.Value.FileLifetimeHours));
            _order.Enqueue(name);
        }
        return name;
    }

    /// <summary>The file with that name, unless unknown or expired.</summary>
    public ZaloStoredFile? Get(string name)
    {
        if (!NameShape().IsMatch(name))
        {
            return null;
        }
        lock (_gate)
        {
            return _files.TryGetValue(name, out var file) && file.ExpiresAt > time.GetUtcNow() ? file : null;
        }
    }

    /// <summary>The public URL of a stored file, or null when Zalo:PublicBaseUrl is not set.</summary>
    public string? UrlOf(string name) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : options.Value.PublicBaseUrl.TrimEnd('/') + "/files/" + name;
}
