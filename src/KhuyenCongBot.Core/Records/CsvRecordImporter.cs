using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCongBot.Core.Attachments;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// Imports records and plans (all or nothing, with Vietnamese reasons per line) and exports records. A row is checked
/// with the rules of the activity's form (seeds/forms: bounds, dates, lengths, choices), so an import takes exactly
/// what a form would.
/// </summary>
/// <remarks>Record rows are <see cref="RecordBatchImporter"/>'s, plan rows <see cref="PlanImporter"/>'s, an undo <see cref="ImportUndo"/>'s.</remarks>
public sealed class CsvRecordImporter : IRecordImporter
{
    /// <summary>The first columns of records.csv, in order (more columns may follow: <see cref="RecordLayout"/>).</summary>
    public static readonly IReadOnlyList<string> RecordColumns = RecordLayout.BaseColumns.Select(c => c.Id).ToList();

    /// <summary>The columns of plans.csv, in order.</summary>
    public static readonly IReadOnlyList<string> PlanColumns = ["year", "province", "metric", "target"];

    /// <summary>Largest plan target accepted (a year's target for one province).</summary>
    public const long MaxPlanTarget = 1_000_000_000_000_000;

    private readonly IBotStore _store;
    private readonly Lazy<CatalogueIndex> _catalogue;
    private readonly Lazy<RecordLayout> _layout;

    /// <summary>
    /// One import or undo at a time: the duplicate check and the writes of a batch must not interleave with another batch's,
    /// or two copies of one file sent at once (say, two `import` runs through the owning process) would both pass the check
    /// and double the records.
    /// </summary>
    private readonly Lock _batchGate = new();
    private readonly IRecordSpreadsheet? _sheets;
    private readonly PlanImporter _plans;
    private readonly RecordBatchImporter _records;
    private readonly ImportUndo _undo;

    public CsvRecordImporter(IBotStore store, CatalogueIndex catalogue, BotClock clock)
        : this(store, () => catalogue, clock)
    {
    }

    /// <summary>Builds the catalogue, the forms and the texts (the reasons a row is refused, in Vietnamese) on first use (lets the seeder
    /// use the importer while it builds the catalogue); without <paramref name="texts"/>, those of the seeds folder.</summary>
    internal CsvRecordImporter(IBotStore store, Func<CatalogueIndex> catalogue, BotClock clock, Func<FormCatalogue>? forms = null, IRecordSpreadsheet? sheets = null,
        Func<UserTexts>? texts = null)
    {
        _store = store;
        _catalogue = new Lazy<CatalogueIndex>(catalogue);
        _sheets = sheets;
        _layout = new Lazy<RecordLayout>(() =>
        {
            var c = _catalogue.Value;
            var f = forms?.Invoke() ?? FormCatalogue.Load(SeedFiles.Locate(null), c.Activities.Select(a => a.Id).ToList());
            return new RecordLayout(f, c.Activities.Select(a => a.Id));
        });
        _texts = new Lazy<UserTexts>(texts ?? (() => UserTexts.Load(SeedFiles.Locate(null))));
        var projects = new ProjectImport(store, () => _catalogue.Value, () => _texts.Value);
        var rows = new RecordRowReader(() => _catalogue.Value, () => _layout.Value, projects.Find, () => _texts.Value);
        _plans = new PlanImporter(store, () => _catalogue.Value, clock, () => _texts.Value);
        _records = new RecordBatchImporter(store, () => _catalogue.Value, () => _layout.Value, rows, clock, projects, () => _texts.Value);
        _undo = new ImportUndo(store, clock);
    }

    private readonly Lazy<UserTexts> _texts;

    private CatalogueIndex Catalogue => _catalogue.Value;

    /// <summary>The export columns (from the forms).</summary>
    public RecordLayout Layout => _layout.Value;

    public ImportResult Import(byte[] content, ImportOptions options)
    {
        IReadOnlyList<CsvText.Row> rows;
        if (content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K')
        {
            if (_sheets is null)
            {
                return Failed(1, _texts.Value.Text(options.English, "csv.xlsx_unsupported"));
            }
            try
            {
                rows = _sheets.ReadRecordRows(content).Select((cells, i) => new CsvText.Row(i + 1, cells)).ToList();
                // The projects sheet of an .xlsx export: its projects come first, as a projects file beside it would (one given wins).
                if (options.Projects is null && !(rows.Count > 0 && Projects.ProjectCsv.IsProjectsHeader(rows[0])) && _sheets.ReadProjectRows(content) is { Count: > 0 } projectRows)
                {
                    options = options with { Projects = ProjectSheet(projectRows), ProjectsFileName = _texts.Value.Text(options.English, "csv.projects_sheet", ("file", options.FileName)) };
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Failed(1, _texts.Value.Text(options.English, "csv.xlsx_broken", ("error", ex.Message)));
            }
        }
        else
        {
            var text = CsvDecoding.Decode(content, _texts.Value, options.English, out var problem);
            if (text is null)
            {
                return Failed(1, problem!);
            }
            rows = CsvText.Read(new StringReader(text)).ToList();
        }
        var header = rows.Count > 0 ? rows[0][0].Trim().ToLowerInvariant() : "";
        lock (_batchGate)
        {
            // A projects file on its own (an export's "…-de-an.csv"): its projects, as a batch of no records.
            return header == "year" ? _plans.ImportPlanRows(rows, options)
                : rows.Count > 0 && Projects.ProjectCsv.IsProjectsHeader(rows[0]) && options.Projects is null
                    ? _records.Import([], options with { Projects = content, ProjectsFileName = options.FileName })
                : _records.Import(rows, options);
        }
    }

    public ImportResult ImportRecords(TextReader csv, long userId, string source = "import")
    {
        var rows = CsvText.Read(csv).ToList();
        lock (_batchGate)
        {
            return _records.Import(rows, new ImportOptions(userId, source, source == "demo" ? _texts.Value.Text(false, "csv.demo_file") : "records.csv", AllowDuplicates: true, Source: source));
        }
    }

    public ImportResult ImportPlans(TextReader csv)
    {
        var rows = CsvText.Read(csv).ToList();
        lock (_batchGate)
        {
            return _plans.ImportPlanRows(rows, new ImportOptions(0, "import", "plans.csv", AllowDuplicates: true));
        }
    }

    /// <summary>The projects sheet's rows as the projects CSV they hold (the projects file's reader reads both).</summary>
    private static byte[] ProjectSheet(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var csv = new StringWriter();
        foreach (var row in rows)
        {
            CsvText.WriteRow(csv, row);
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    internal static ImportResult Failed(int line, string reason) => new(0, [new ImportError(line, reason)]);

    /// <summary>The SHA-256 of a file's rows (cells as read), so the same file is recognised whatever its line ends or byte-order mark.</summary>
    internal static string Hash(IReadOnlyList<CsvText.Row> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            sb.AppendJoin('\u001f', row.Fields.Select(f => f.Trim())).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>What makes two records the same support: every field an export writes (but <paramref name="ignored"/>), compared as folded text.</summary>
    internal static string Fingerprint(SupportRecord r, IReadOnlySet<string>? ignored = null)
    {
        var sb = new StringBuilder();
        sb.Append(r.Date.DayNumber).Append('|').Append(r.ProvinceId).Append('|').Append(r.ActivityId).Append('|')
            .Append(VnText.FoldWords(r.FacilityName)).Append('|').Append(VnText.FoldWords(r.Commune)).Append('|')
            .Append(r.Booths).Append('|').Append(r.RevenueVnd).Append('|').Append(r.FundingVnd).Append('|')
            .Append(VnText.FoldWords(r.FundingSource)).Append('|').Append((int)r.Status).Append('|').Append(VnText.FoldWords(r.Note));
        if (RecordFunding.SplitOf(r) is { } split)
        {
            sb.Append("|split=").Append(split.Kcqg).Append(',').Append(split.Kcdp).Append(',').Append(split.Counterpart).Append(',').Append(split.Other);
        }
        foreach (var (key, value) in r.Extra.Where(kv => ignored?.Contains(kv.Key) != true).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append('|').Append(key).Append('=').Append(VnText.FoldWords(value));
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- undo (ImportUndo), export

    public UndoResult? Undo(long batchId, long userId)
    {
        lock (_batchGate)
        {
            return _undo.Undo(batchId, userId);
        }
    }

    public void ExportRecords(TextWriter csv)
    {
        CsvText.WriteRow(csv, Layout.Columns.Select(c => c.Id));
        var files = EvidenceNames.ByRecord(_store.Attachments);
        foreach (var r in _store.Records.All().OrderBy(r => r.Date).ThenBy(r => r.Id))
        {
            var facility = r.FacilityId is { } id ? _store.Facilities.Get(id) : null;
            CsvText.WriteRow(csv, Layout.Cells(r, Catalogue, facility, EvidenceNames.Cell(files, r.Id)).Select(c => c switch
            {
                null => "",
                long n => n.ToString(CultureInfo.InvariantCulture),
                _ => c.ToString(),
            }));
        }
    }

    public void ExportProjects(TextWriter csv) => Projects.ProjectCsv.Write(csv, _store, Catalogue, _texts.Value);

    /// <summary>dd/MM/yyyy (also d/M/yyyy) or yyyy-MM-dd.</summary>
    internal static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A non-negative integer, plain ("45000000") or grouped with "." ("45.000.000"); empty is 0.</summary>
    internal static bool TryParseNonNegative(string text, out long value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }
        if (t.Contains('.'))
        {
            var groups = t.Split('.');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
            t = string.Concat(groups);
        }
        return t.All(char.IsAsciiDigit) && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
