using System.Globalization;
using KhuyenCongBot.Core.Attachments;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Evidence files in LiteDB file storage (collections "attachment_files" and "attachment_chunks"), ids "record/{recordId}/{random}".</summary>
/// <remarks>
/// A file is read whole (up to <see cref="MaxBytes"/>) and checked before anything is written, then stored in one transaction:
/// a file too large, of another kind or cut off half-way leaves nothing behind. Listing a record's files reads the file index
/// by id prefix, never the chunks.
/// </remarks>
internal sealed class AttachmentStore : IAttachmentStore
{
    internal const string FilesCollection = "attachment_files";
    internal const string ChunksCollection = "attachment_chunks";

    /// <summary>10 MB: a phone photo is 1–5 MB, a scanned report a few MB.</summary>
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    private const string Prefix = "record/";

    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;

    public AttachmentStore(LiteDatabase db, LiteDbStore store, long maxBytes = DefaultMaxBytes)
    {
        _db = db;
        _store = store;
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }

    private ILiteStorage<string> Storage => _db.GetStorage<string>(FilesCollection, ChunksCollection);

    public AttachmentInfo Put(long recordId, string fileName, string? contentType, Stream content, long userId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = ReadLimited(content);
        if (bytes.Length == 0)
        {
            throw new AttachmentRejectedException(AttachmentRejection.Empty);
        }
        var sniffed = AttachmentTypes.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, AttachmentTypes.SniffLength)));
        if (sniffed is null)
        {
            throw new AttachmentRejectedException(AttachmentRejection.NotPhotoOrPdf);
        }
        var declared = AttachmentTypes.Normalize(contentType);
        if (declared is not null && declared != sniffed)
        {
            throw new AttachmentRejectedException(AttachmentRejection.TypeMismatch, declared, sniffed);
        }
        var name = CleanName(fileName, sniffed);
        var id = $"{Prefix}{recordId.ToString(CultureInfo.InvariantCulture)}/{Guid.NewGuid():N}";
        var metadata = new BsonDocument
        {
            ["record"] = recordId,
            ["type"] = sniffed,
            ["user"] = userId,
            ["at"] = at.UtcTicks,
            ["offset"] = (int)at.Offset.TotalMinutes,
        };
        _store.InTransaction(() =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Storage.Upload(id, name, stream, metadata);
        });
        return new AttachmentInfo(id, recordId, name, sniffed, bytes.Length, at, userId);
    }

    public AttachmentInfo? Info(string id) => Storage.FindById(id) is { } file ? ToInfo(file) : null;

    public bool CopyTo(string id, Stream destination)
    {
        if (Storage.FindById(id) is null)
        {
            return false;
        }
        Storage.Download(id, destination);
        return true;
    }

    public IReadOnlyList<AttachmentInfo> ForRecord(long recordId) =>
        Storage.Find(BsonExpression.Create("$._id LIKE @0", RecordPrefix(recordId) + "%"))
            .Select(ToInfo).Where(i => i.RecordId == recordId)
            .OrderBy(i => i.UploadedAt).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

    public IEnumerable<AttachmentInfo> All() => Storage.FindAll().Select(ToInfo).ToList();

    public bool Delete(string id) => _store.InTransaction(() => Storage.Delete(id));

    public int DeleteForRecord(long recordId) =>
        _store.InTransaction(() => ForRecord(recordId).Count(f => Storage.Delete(f.Id)));

    private static string RecordPrefix(long recordId) => Prefix + recordId.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>Reads the whole stream, refusing it as soon as it passes <see cref="MaxBytes"/>.</summary>
    private byte[] ReadLimited(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new AttachmentRejectedException(AttachmentRejection.TooLarge, maxBytes: MaxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The file name without folders or control characters, at most 120 characters; a name from the type when none.</summary>
    private static string CleanName(string? fileName, string type)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = "tep" + type switch
            {
                AttachmentTypes.Jpeg => ".jpg",
                AttachmentTypes.Png => ".png",
                AttachmentTypes.Webp => ".webp",
                AttachmentTypes.Heic => ".heic",
                _ => ".pdf",
            };
        }
        return name.Length > 120 ? name[^120..] : name;
    }

    private static AttachmentInfo ToInfo(LiteFileInfo<string> file)
    {
        var m = file.Metadata ?? [];
        var at = m["at"].IsNumber
            ? new DateTimeOffset(m["at"].AsInt64, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(m["offset"].IsNumber ? m["offset"].AsInt32 : 0))
            : new DateTimeOffset(file.UploadDate.ToUniversalTime(), TimeSpan.Zero);
        return new AttachmentInfo(
            file.Id,
            m["record"].IsNumber ? m["record"].AsInt64 : 0,
            file.Filename,
            m["type"].IsString ? m["type"].AsString : file.MimeType,
            file.Length,
            at,
            m["user"].IsNumber ? m["user"].AsInt64 : 0);
    }
}
