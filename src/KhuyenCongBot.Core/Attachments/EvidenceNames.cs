using System.Globalization;

namespace KhuyenCongBot.Core.Attachments;

/// <summary>
/// The names evidence files get in an export: the record number, the file's place among the record's files (oldest first,
/// from 1) and the extension of its kind ("12-1.jpg", "12-2.pdf"). Stable: the same database exports the same names, and
/// a name says which record the file belongs to without the export beside it.
/// </summary>
public static class EvidenceNames
{
    public static string Name(long recordId, int index, string contentType) =>
        recordId.ToString(CultureInfo.InvariantCulture) + "-" + index.ToString(CultureInfo.InvariantCulture) + Extension(contentType);

    public static string Extension(string contentType) => contentType switch
    {
        AttachmentTypes.Jpeg => ".jpg",
        AttachmentTypes.Png => ".png",
        AttachmentTypes.Webp => ".webp",
        AttachmentTypes.Heic => ".heic",
        AttachmentTypes.Pdf => ".pdf",
        _ => ".bin",
    };

    /// <summary>Every saved record's files (drafts, which belong to no record yet, left out) with their export names, by record.</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<(string Name, AttachmentInfo File)>> ByRecord(IAttachmentStore store) =>
        store.All().Where(f => f.RecordId > 0)
            .GroupBy(f => f.RecordId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, AttachmentInfo)>)g
                .OrderBy(f => f.UploadedAt).ThenBy(f => f.Id, StringComparer.Ordinal)
                .Select((f, i) => (Name(f.RecordId, i + 1, f.ContentType), f)).ToList());

    /// <summary>The cell of the files column: "12-1.jpg;12-2.jpg", or null without files.</summary>
    public static string? Cell(IReadOnlyDictionary<long, IReadOnlyList<(string Name, AttachmentInfo File)>>? files, long recordId) =>
        files is not null && files.TryGetValue(recordId, out var list) && list.Count > 0 ? string.Join(';', list.Select(f => f.Name)) : null;
}
