using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// The evidence files an import attaches again (issue 15): the files column of an export names each record's files ("12-1.jpg;12-2.jpg"),
/// and the files come from the export's files folder (<see cref="ImportOptions.Evidence"/>). A file listed but not found, or refused by
/// the attachment store (not a photo or PDF, too large), leaves its record without it and is said in the notes; the record itself is
/// imported as always (its data is complete without the file).
/// </summary>
internal static class ImportEvidence
{
    /// <summary>The file names of a files cell; names with a folder in them are not file names and are left out.</summary>
    public static IReadOnlyList<string> Names(string cell) =>
        [.. cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(IsPlainName).Distinct(StringComparer.Ordinal)];

    public static bool IsPlainName(string name) => name.Length is > 0 and <= 255 && name.IndexOfAny(['/', '\\', ':', '\0']) < 0 && name != "." && name != "..";

    /// <summary>The files found for each record to import (by its place in <paramref name="names"/>), and a note for those not found.</summary>
    public static List<(string Name, byte[] Bytes)>[] Gather(IReadOnlyList<IReadOnlyList<string>> names, Func<string, byte[]?>? source, List<string> notes, UserTexts texts, bool english)
    {
        var found = new List<(string, byte[])>[names.Count];
        var listed = names.Sum(n => n.Count);
        if (listed == 0)
        {
            return found.Select(_ => new List<(string, byte[])>()).ToArray();
        }
        if (source is null)
        {
            notes.Add(texts.Text(english, "records.notes.files_not_sent", ("count", listed)));
            return found.Select(_ => new List<(string, byte[])>()).ToArray();
        }
        var missing = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            found[i] = [];
            foreach (var name in names[i])
            {
                if (source(name) is { Length: > 0 } bytes)
                {
                    found[i].Add((name, bytes));
                }
                else
                {
                    missing.Add(name);
                }
            }
        }
        if (missing.Count > 0)
        {
            notes.Add(texts.Text(english, "records.notes.files_missing", ("missing", missing.Count), ("count", listed),
                ("files", string.Join(", ", missing.Take(5)) + (missing.Count > 5 ? ", …" : ""))));
        }
        return found;
    }

    /// <summary>Attaches a record's files in their order (one tick apart, so an export names them as before); returns how many were kept.</summary>
    public static int Attach(IAttachmentStore store, long recordId, IReadOnlyList<(string Name, byte[] Bytes)> files, long userId, DateTimeOffset at,
        List<string> refused, UserTexts texts, bool english)
    {
        var kept = 0;
        for (var i = 0; i < files.Count; i++)
        {
            try
            {
                using var content = new MemoryStream(files[i].Bytes, writable: false);
                store.Put(recordId, files[i].Name, null, content, userId, at.AddTicks(i));
                kept++;
            }
            catch (AttachmentRejectedException ex)
            {
                refused.Add($"{files[i].Name}: {ex.Say(texts, english).TrimEnd('.')}");
            }
        }
        return kept;
    }
}
