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
public sealed partial class CsvRecordImporter : IRecordImporter
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
    private readonly BotClock _clock;

    /// <summary>
    /// One import or undo at a time: the duplicate check and the writes of a batch must not interleave with another batch's,
    /// or two copies of one file sent at once (say, two `import` runs through the owning process) would both pass the check
    /// and double the records.
    /// </summary>
    private readonly Lock _batchGate = new();
    private readonly IRecordSpreadsheet? _sheets;
    private readonly RecordRowReader _rows;
    private readonly PlanImporter _plans;

    /// <summary>The official 2025 list, read when a commune_code cell is first met.</summary>
    private readonly Lazy<CommuneCatalogue> _communes;

    public CsvRecordImporter(IBotStore store, CatalogueIndex catalogue, BotClock clock)
        : this(store, () => catalogue, clock)
    {
    }

    /// <summary>Builds the catalogue and the forms on first use (lets the seeder use the importer while it builds the catalogue).</summary>
    internal CsvRecordImporter(IBotStore store, Func<CatalogueIndex> catalogue, BotClock clock, Func<FormCatalogue>? forms = null, IRecordSpreadsheet? sheets = null)
    {
        _store = store;
        _catalogue = new Lazy<CatalogueIndex>(catalogue);
        _clock = clock;
        _sheets = sheets;
        _layout = new Lazy<RecordLayout>(() =>
        {
            var c = _catalogue.Value;
            var f = forms?.Invoke() ?? FormCatalogue.Load(SeedFiles.Locate(null), c.Activities.Select(a => a.Id).ToList());
            return new RecordLayout(f, c.Activities.Select(a => a.Id));
        });
        _rows = new RecordRowReader(() => _catalogue.Value, () => _layout.Value, code => _store.Projects.FindByCode(code));
        _communes = new Lazy<CommuneCatalogue>(() => CommuneCatalogue.Load(SeedFiles.Locate(null), _catalogue.Value));
        _plans = new PlanImporter(store, () => _catalogue.Value, clock);
    }

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
                return Failed(1, "tệp .xlsx: bot này không đọc được Excel; xuất ra CSV UTF-8 rồi nhập");
            }
            try
            {
                rows = _sheets.ReadRecordRows(content).Select((cells, i) => new CsvText.Row(i + 1, cells)).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Failed(1, "tệp Excel hỏng hoặc không đọc được (" + ex.Message + ")");
            }
        }
        else
        {
            var text = CsvDecoding.Decode(content, out var problem);
            if (text is null)
            {
                return Failed(1, problem!);
            }
            rows = CsvText.Read(new StringReader(text)).ToList();
        }
        var header = rows.Count > 0 ? rows[0][0].Trim().ToLowerInvariant() : "";
        lock (_batchGate)
        {
            return header == "year"
                ? _plans.ImportPlanRows(rows, options)
                : ImportRecordRows(rows, options);
        }
    }

    public ImportResult ImportRecords(TextReader csv, long userId, string source = "import")
    {
        var rows = CsvText.Read(csv).ToList();
        lock (_batchGate)
        {
            return ImportRecordRows(rows, new ImportOptions(userId, source, source == "demo" ? "records.csv (dữ liệu mẫu)" : "records.csv", AllowDuplicates: true, Source: source));
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

    private long ResolveFacility(Dictionary<(string, string), long> cache, SupportRecord record, string name, string? village, string? phone, DateTimeOffset now,
        FacilityProfile? profile = null, FacilityCommune? commune = null)
    {
        var current = Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
        var key = (current, VnText.FoldWords(name));
        if (cache.TryGetValue(key, out var id))
        {
            return id;
        }
        var existing = _store.Facilities.FindByName(key.Item1, key.Item2);
        id = existing?.Id ?? _store.Facilities.Add(new Facility
        {
            Name = name,
            NormalizedName = key.Item2,
            ProvinceId = current,
            Commune = record.Commune,
            CraftVillage = village,
            Phone = phone,
            CreatedAt = now,
            LegalForm = profile?.LegalForm,
            TaxId = profile?.TaxId,
            PriorityGroups = profile?.PriorityGroups,
            CommuneCode = commune?.Code,
            CommuneNotInList = commune?.NotInList == true,
        });
        cache[key] = id;
        return id;
    }

    // ---------------------------------------------------------------- undo, export

    public UndoResult? Undo(long batchId, long userId)
    {
        lock (_batchGate)
        {
            return UndoBatch(batchId, userId);
        }
    }

    private UndoResult? UndoBatch(long batchId, long userId)
    {
        var found = _store.Imports.Get(batchId);
        if (found is null)
        {
            return null;
        }
        if (found.UndoneAt is not null)
        {
            return new UndoResult(found, 0, 0, 0, AlreadyUndone: true);
        }
        var now = _clock.Now;
        return _store.InTransaction(() =>
        {
            var batch = _store.Imports.Get(batchId)!;
            var removed = 0;
            for (var id = batch.FirstRecordId; batch.Kind == "records" && id > 0 && id <= batch.LastRecordId; id++)
            {
                if (_store.Records.Get(id) is { } record && record.ImportBatchId == batch.Id && _store.Records.Delete(id))
                {
                    removed++;
                    _store.Audit.Add(new AuditEntry
                    {
                        At = now, UserId = userId, Action = "delete", Entity = "record", EntityId = id.ToString(CultureInfo.InvariantCulture),
                        Before = RecordWriter.Json(record), After = $"{{\"undoImport\":{batch.Id}}}",
                    });
                }
            }
            int restored = 0, kept = 0;
            foreach (var change in batch.Plans)
            {
                var current = _store.Plans.Get(change.PlanId);
                if (current is null || current.Target != change.After)
                {
                    kept++;
                    continue;
                }
                if (change.Before is { } target)
                {
                    current.Target = target;
                    _store.Plans.Upsert(current);
                }
                else
                {
                    _store.Plans.Delete(change.PlanId);
                }
                restored++;
            }
            batch.UndoneAt = now;
            batch.UndoneByUserId = userId;
            _store.Imports.Update(batch);
            _store.Audit.Add(new AuditEntry
            {
                At = now, UserId = userId, Action = "undo-import", Entity = "import", EntityId = batch.Id.ToString(CultureInfo.InvariantCulture),
                After = $"{{\"records\":{removed},\"plans\":{restored},\"plansKept\":{kept}}}",
            });
            return new UndoResult(batch, removed, restored, kept, AlreadyUndone: false);
        });
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
