using System.Globalization;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// Links the records of a demo database made before records.csv named their project: each row of the file with a project_code links
/// the demo record of the same date, activity and facility that names none yet. A fresh demo database has its links from the import.
/// </summary>
internal static class DemoRecordLinks
{
    /// <summary>How many records were linked.</summary>
    public static int LinkOlderRecords(string recordsPath, IBotStore store)
    {
        if (!File.Exists(recordsPath))
        {
            return 0;
        }
        List<CsvText.Row> rows;
        using (var reader = new StreamReader(recordsPath))
        {
            rows = CsvText.Read(reader).ToList();
        }
        if (rows.Count < 2)
        {
            return 0;
        }
        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        int date = header.IndexOf("date"), activity = header.IndexOf("activity"), facility = header.IndexOf("facility"), code = header.IndexOf("project_code");
        if (code < 0 || date < 0 || activity < 0 || facility < 0)
        {
            return 0;
        }
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r[code].Trim().Length > 0))
        {
            if (CsvRecordImporter.TryParseDate(row[date].Trim(), out var d))
            {
                wanted.TryAdd(Key(d, row[activity].Trim(), row[facility]), row[code].Trim());
            }
        }
        if (wanted.Count == 0)
        {
            return 0;
        }
        var linked = 0;
        foreach (var record in store.Records.All().Where(r => r.Source == "demo" && r.ProjectCode is null).ToList())
        {
            if (wanted.Remove(Key(record.Date, record.ActivityId, record.FacilityName), out var written) && store.Projects.FindByCode(written) is { } project)
            {
                record.ProjectCode = project.Code;
                store.Records.Update(record);
                linked++;
            }
        }
        return linked;
    }

    private static string Key(DateOnly date, string activity, string? facility) =>
        date.DayNumber.ToString(CultureInfo.InvariantCulture) + "|" + activity + "|" + VnText.FoldWords(facility);
}
