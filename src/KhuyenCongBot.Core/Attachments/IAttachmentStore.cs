namespace KhuyenCongBot.Core.Attachments;

/// <summary>An evidence file kept with a record (a photo from the field, a scanned acceptance report).</summary>
/// <param name="Id">The store's id of the file.</param>
/// <param name="RecordId">The record it belongs to.</param>
/// <param name="FileName">The name it came with ("photo.jpg").</param>
/// <param name="ContentType">What it is, as checked from its first bytes ("image/jpeg").</param>
/// <param name="Length">Bytes.</param>
/// <param name="UploadedAt">When it was stored.</param>
/// <param name="UploadedByUserId">Who sent it.</param>
public sealed record AttachmentInfo(string Id, long RecordId, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, long UploadedByUserId);

/// <summary>Evidence files in the bot's one database, by record: put, get, list; size-limited, photos and PDF only.</summary>
public interface IAttachmentStore
{
    /// <summary>Largest file accepted, in bytes.</summary>
    long MaxBytes { get; }

    /// <summary>
    /// Stores a file for a record, all or nothing. Throws <see cref="AttachmentRejectedException"/> (nothing stored) when it is
    /// empty, larger than <see cref="MaxBytes"/>, not one of <see cref="AttachmentTypes.Allowed"/>, or not what its declared
    /// content type says (an empty declared type takes what the bytes are).
    /// </summary>
    AttachmentInfo Put(long recordId, string fileName, string? contentType, Stream content, long userId, DateTimeOffset at);

    AttachmentInfo? Info(string id);

    /// <summary>Writes the file's bytes to <paramref name="destination"/>; false when there is no such file.</summary>
    bool CopyTo(string id, Stream destination);

    /// <summary>The files of a record, oldest first.</summary>
    IReadOnlyList<AttachmentInfo> ForRecord(long recordId);

    /// <summary>Every file's description (not its bytes), drafts included (their record number is below 0): for exports.</summary>
    IEnumerable<AttachmentInfo> All();

    bool Delete(string id);

    /// <summary>Deletes every file of a record; returns how many.</summary>
    int DeleteForRecord(long recordId);
}

/// <summary>Why a file was refused.</summary>
public enum AttachmentRejection
{
    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>Neither a photo (JPEG, PNG, WebP, HEIC) nor a PDF.</summary>
    NotPhotoOrPdf,

    /// <summary>Its declared type is not what its content is.</summary>
    TypeMismatch,

    /// <summary>Above the store's size limit.</summary>
    TooLarge,
}

/// <summary>A file was refused; nothing was stored. <see cref="Say"/> says why, in the reader's language.</summary>
public sealed class AttachmentRejectedException(AttachmentRejection reason, string? declared = null, string? sniffed = null, long maxBytes = 0)
    : Exception($"Attachment refused: {reason} ({declared} / {sniffed}, limit {maxBytes} bytes).")
{
    public AttachmentRejection Reason { get; } = reason;

    /// <summary>Why the file was refused, for people.</summary>
    public string Say(Text.UserTexts texts, bool english) => Reason switch
    {
        AttachmentRejection.Empty => texts.Text(english, "attachment.empty"),
        AttachmentRejection.NotPhotoOrPdf => texts.Text(english, "attachment.not_photo_or_pdf"),
        AttachmentRejection.TypeMismatch => texts.Text(english, "attachment.type_mismatch", ("declared", declared), ("sniffed", sniffed)),
        _ => texts.Text(english, "attachment.too_large", ("mb", maxBytes / (1024 * 1024))),
    };
}

/// <summary>The kinds of evidence files accepted, recognised by their first bytes (a renamed file is recognised for what it is).</summary>
public static class AttachmentTypes
{
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Webp = "image/webp";
    public const string Heic = "image/heic";
    public const string Pdf = "application/pdf";

    public static readonly IReadOnlyList<string> Allowed = [Jpeg, Png, Webp, Heic, Pdf];

    /// <summary>Bytes needed to recognise every allowed type.</summary>
    public const int SniffLength = 12;

    /// <summary>The allowed type these first bytes are, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return Webp;
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)
            && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8) || head[8..12].SequenceEqual("heim"u8)))
        {
            return Heic;
        }
        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8))
        {
            return Pdf;
        }
        return null;
    }

    /// <summary>"image/jpeg" for "image/JPEG; charset=x", "image/jpg", "image/pjpeg"; null for empty.</summary>
    public static string? Normalize(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }
        var t = contentType.Split(';')[0].Trim().ToLowerInvariant();
        return t switch
        {
            "image/jpg" or "image/pjpeg" => Jpeg,
            "image/heif" => Heic,
            _ => t,
        };
    }
}
