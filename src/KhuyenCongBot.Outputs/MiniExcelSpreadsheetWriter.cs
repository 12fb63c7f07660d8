using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KhuyenCongBot.Outputs;

/// <summary>
/// Writes the .xlsx sent to managers and made by `export`: "Tổng hợp" (the summary) and "Bản ghi" (every record in the
/// columns of <see cref="RecordLayout"/>: numbers as numbers, empty as empty, text made safe to open; a facility's legal form and
/// priority groups by their names, as the activity), and for `export` "Đề án" (every project, <see cref="ProjectCsv.SheetRows"/>);
/// and reads the "Bản ghi" and "Đề án" sheets back for `import` (the names read back to the ids the import takes).
/// </summary>
public sealed partial class MiniExcelSpreadsheetWriter : ISpreadsheetWriter, IRecordSpreadsheet
{
    public const string SummarySheet = "Tổng hợp";
    public const string RecordsSheet = "Bản ghi";
    public const string ProjectsSheet = "Đề án";

    /// <summary>The records sheet's name in a workbook for an English reader (seeds/texts "en2.sheet.records"): read back as the records too.</summary>
    public const string EnglishRecordsSheet = "Records";

    private static readonly Lazy<(RecordLayout Layout, CatalogueIndex Catalogue, BeneficiaryCatalogue Beneficiaries)> Defaults = new(() =>
    {
        var seeds = SeedFiles.Locate(null);
        var catalogue = new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
        var ids = catalogue.Activities.Select(a => a.Id).ToList();
        return (new RecordLayout(Core.Forms.FormCatalogue.Load(seeds, ids), ids), catalogue, BeneficiaryCatalogue.Load(seeds));
    });

    private readonly IServiceProvider? _services;

    /// <summary>With the forms and catalogue of the default seeds folder (tests, tools).</summary>
    public MiniExcelSpreadsheetWriter()
    {
    }

    /// <summary>With the bot's <see cref="RecordLayout"/>, catalogue and store (for facilities' details), taken when first needed.</summary>
    public MiniExcelSpreadsheetWriter(IServiceProvider services)
    {
        _services = services;
    }

    private RecordLayout Layout => _services?.GetService<RecordLayout>() ?? Defaults.Value.Layout;

    private BeneficiaryCatalogue Beneficiaries => _services?.GetService<BeneficiaryCatalogue>() ?? Defaults.Value.Beneficiaries;

    /// <summary>Headers of the records sheet, in order (the first eleven; the forms' columns follow).</summary>
    public static IReadOnlyList<string> RecordHeaders => RecordLayout.BaseColumns.Select(c => c.Header).ToList();

    public byte[] Write(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, CatalogueIndex catalogue)
    {
        var store = _services?.GetService<IBotStore>();
        return Save(summary, records, catalogue, id => store?.Facilities.Get(id), null, null);
    }

    public byte[] Write(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, CatalogueIndex catalogue, SheetNames sheetNames)
    {
        var store = _services?.GetService<IBotStore>();
        return Save(summary, records, catalogue, id => store?.Facilities.Get(id), null, null, sheetNames);
    }

    public byte[] WriteRecords(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, Func<long, Facility?> facilities, Func<long, string?>? files = null,
        IReadOnlyList<IReadOnlyList<object?>>? projects = null)
    {
        var catalogue = _services?.GetService<CatalogueIndex>() ?? Defaults.Value.Catalogue;
        return Save(summary, records, catalogue, facilities, files, projects);
    }

    private byte[] Save(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, CatalogueIndex catalogue, Func<long, Facility?> facilities,
        Func<long, string?>? files, IReadOnlyList<IReadOnlyList<object?>>? projects, SheetNames? names = null)
    {
        var sheets = new Dictionary<string, object>
        {
            [names?.Summary ?? SummarySheet] = SummaryRows(summary),
            [names?.Records ?? RecordsSheet] = RecordRows(records, catalogue, facilities, files),
        };
        if (projects is not null)
        {
            sheets[ProjectsSheet] = projects.Select(Row).ToList();
        }
        var config = new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true, AutoFilter = false, FreezeRowCount = 1 };
        using var stream = new MemoryStream();
        // Headers are written as the first data row of each sheet, so the summary keeps its header text exactly.
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    // A difference may be negative ("-122" in a comparison's workbook): a number too, never text marked against formulas.
    [GeneratedRegex(@"^-?\d{1,3}(\.\d{3})*$")]
    private static partial Regex VnInteger();

    /// <summary>The summary rows padded to the widest row; whole numbers written the Vietnamese way ("1.250") become numbers.</summary>
    private static List<Dictionary<string, object?>> SummaryRows(IReadOnlyList<IReadOnlyList<string>> summary)
    {
        var width = summary.Count == 0 ? 1 : Math.Max(1, summary.Max(r => r.Count));
        return summary.Select((row, r) => Row(Enumerable.Range(0, width).Select(i => i < row.Count ? SummaryCell(row[i], header: r == 0) : ""))).ToList();
    }

    private static object? SummaryCell(string text, bool header) =>
        !header && VnInteger().IsMatch(text) && long.TryParse(text.Replace(".", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : CellSafety.Neutralise(text);

    private List<Dictionary<string, object?>> RecordRows(IEnumerable<SupportRecord> records, CatalogueIndex catalogue, Func<long, Facility?> facilities, Func<long, string?>? files)
    {
        var layout = Layout;
        var activity = layout.Columns.ToList().FindIndex(c => c.Id == "activity");
        var legalForm = layout.Columns.ToList().FindIndex(c => c.Id == "legal_form");
        var groups = layout.Columns.ToList().FindIndex(c => c.Id == "priority_groups");
        var names = Beneficiaries;
        var rows = new List<Dictionary<string, object?>> { Row(layout.Columns.Select(c => c.Header)) };
        foreach (var r in records.OrderBy(r => r.Date).ThenBy(r => r.Id))
        {
            var cells = layout.Cells(r, catalogue, r.FacilityId is { } id ? facilities(id) : null, files?.Invoke(r.Id)).ToArray();
            // People read the sheet: the activity by its name (import reads names and ids alike).
            cells[activity] = catalogue.Activity(r.ActivityId)?.ShortName ?? r.ActivityId;
            // And the facility's legal form and priority groups by their names ("Hợp tác xã", "Do phụ nữ làm chủ"), not their ids.
            if (legalForm >= 0 && cells[legalForm] is string form)
            {
                cells[legalForm] = names.LegalForm(form)?.Name ?? form;
            }
            if (groups >= 0 && cells[groups] is string ids)
            {
                cells[groups] = string.Join("; ", ids.Split(';').Select(g => g == RecordLayout.NoGroup ? NoGroupName : names.PriorityGroup(g)?.Name ?? g));
            }
            rows.Add(Row(cells));
        }
        return rows;
    }

    /// <summary>"KCQG", "KCĐP" as reports write them.</summary>
    public static string FundingSourceName(string? source) => RecordLayout.FundingSourceName(source);

    public static string StatusName(RecordStatus status) => RecordLayout.StatusName(status);

    public IReadOnlyList<IReadOnlyList<string>> ReadRecordRows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx, writable: false);
        var names = stream.GetSheetNames();
        var rows = ReadSheet(stream, names.Contains(RecordsSheet) ? RecordsSheet : names.Contains(EnglishRecordsSheet) ? EnglishRecordsSheet : names.FirstOrDefault());
        return rows.Count == 0 ? rows : ProfileIds(rows);
    }

    public IReadOnlyList<IReadOnlyList<string>>? ReadProjectRows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx, writable: false);
        return stream.GetSheetNames().Contains(ProjectsSheet) ? ReadSheet(stream, ProjectsSheet) : null;
    }

    private static List<IReadOnlyList<string>> ReadSheet(MemoryStream stream, string? sheet)
    {
        stream.Position = 0;
        var rows = new List<IReadOnlyList<string>>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet))
        {
            rows.Add(row.Values.Select(Text).ToList());
        }
        return rows;
    }

    /// <summary>"Không thuộc nhóm nào": the priority groups cell of a facility recorded as in none (the CSV's "none").</summary>
    public const string NoGroupName = "Không thuộc nhóm nào";

    /// <summary>The legal form and priority group names the sheet shows, read back to the ids import takes (an id stays an id; a name not known stays, and import says so).</summary>
    private List<IReadOnlyList<string>> ProfileIds(List<IReadOnlyList<string>> rows)
    {
        var layout = Layout;
        var header = rows[0].Select(h => layout.Column(h)?.Id).ToList();
        var legalForm = header.IndexOf("legal_form");
        var groups = header.IndexOf("priority_groups");
        if (legalForm < 0 && groups < 0)
        {
            return rows;
        }
        var names = Beneficiaries;
        for (var i = 1; i < rows.Count; i++)
        {
            var cells = rows[i].ToArray();
            if (legalForm >= 0 && legalForm < cells.Length && cells[legalForm].Trim() is { Length: > 0 } form && names.LegalForm(form) is null)
            {
                cells[legalForm] = names.FindLegalForm(form)?.Id ?? form;
            }
            if (groups >= 0 && groups < cells.Length && cells[groups].Trim().Length > 0)
            {
                cells[groups] = string.Join(';', cells[groups].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(g =>
                    g == RecordLayout.NoGroup || names.PriorityGroup(g) is not null ? g
                    : names.ReadPriorityGroups(g) is { Understood: true } answer ? (answer.Groups.Count == 0 ? RecordLayout.NoGroup : string.Join(';', answer.Groups.Select(x => x.Id)))
                    : g));
            }
            rows[i] = cells;
        }
        return rows;
    }

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        long or int => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
        DateTime t => t.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells) =>
        cells.Select((value, i) => (Key: "c" + i.ToString(CultureInfo.InvariantCulture), value))
            .ToDictionary(x => x.Key, x => x.value);
}
