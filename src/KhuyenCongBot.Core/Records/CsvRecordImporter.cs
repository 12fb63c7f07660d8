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
    private readonly BotClock _clock;

    /// <summary>
    /// One import or undo at a time: the duplicate check and the writes of a batch must not interleave with another batch's,
    /// or two copies of one file sent at once (say, two `import` runs through the owning process) would both pass the check
    /// and double the records.
    /// </summary>
    private readonly Lock _batchGate = new();
    private readonly IRecordSpreadsheet? _sheets;

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
                ? ImportPlanRows(rows, options)
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
            return ImportPlanRows(rows, new ImportOptions(0, "import", "plans.csv", AllowDuplicates: true));
        }
    }

    private static ImportResult Failed(int line, string reason) => new(0, [new ImportError(line, reason)]);

    /// <summary>The SHA-256 of a file's rows (cells as read), so the same file is recognised whatever its line ends or byte-order mark.</summary>
    private static string Hash(IReadOnlyList<CsvText.Row> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows.Where(r => !r.IsBlank))
        {
            sb.AppendJoin('\u001f', row.Fields.Select(f => f.Trim())).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    // ---------------------------------------------------------------- records

    private sealed record ParsedRecord(int Line, SupportRecord Record, string Fingerprint, string? Village, string? Phone, FacilityProfile? Profile = null);

    private ImportResult ImportRecordRows(IReadOnlyList<CsvText.Row> rows, ImportOptions options)
    {
        if (rows.Count == 0)
        {
            return Failed(1, $"tệp rỗng; dòng đầu phải là tiêu đề: {string.Join(",", RecordColumns)}");
        }
        var errors = new List<ImportError>();
        var columns = MapHeader(rows[0], errors);
        if (columns is null)
        {
            return new ImportResult(0, errors);
        }
        var today = _clock.Today;
        var notes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<ParsedRecord>();
        foreach (var row in rows.Skip(1))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var record = ParseRecord(row, columns, today, options.Source == "demo", problems, notes, out var village, out var phone, out var profile);
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            record.Source = options.Source;
            parsed.Add(new ParsedRecord(row.Line, record, Fingerprint(record, PhotoFields), village, phone, profile));
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors) { Rows = parsed.Count + errors.Count };
        }
        if (parsed.Count == 0)
        {
            return Failed(1, "tệp không có dòng dữ liệu nào");
        }
        var hash = Hash(rows);
        var before = _store.Imports.WithHash(hash).FirstOrDefault();
        var duplicates = DuplicateLines(parsed);
        var noteLines = notes.Select(n => $"{n.Key} ({n.Value} dòng)").ToList();
        if (!options.AllowDuplicates && before is not null)
        {
            return new ImportResult(0, []) { Rows = parsed.Count, DuplicateLines = duplicates, ImportedBefore = before, Notes = noteLines };
        }
        var toAdd = options.AllowDuplicates ? parsed : parsed.Where(p => !duplicates.Contains(p.Line)).ToList();
        var skipped = options.AllowDuplicates ? [] : duplicates;
        if (options.DryRun || toAdd.Count == 0)
        {
            return new ImportResult(options.DryRun ? toAdd.Count : 0, []) { Rows = parsed.Count, DuplicateLines = skipped, Notes = noteLines, DryRun = options.DryRun };
        }
        var now = _clock.Now;
        var batch = _store.InTransaction(() =>
        {
            var batch = new ImportBatch
            {
                Kind = "records", FileName = options.FileName, FileHash = hash, At = now, UserId = options.UserId, By = options.By,
                Rows = parsed.Count, Added = toAdd.Count, Duplicates = skipped.Count, Notes = noteLines,
            };
            _store.Imports.Add(batch);
            var facilities = new Dictionary<(string, string), long>();
            foreach (var p in toAdd)
            {
                p.Record.CreatedByUserId = options.UserId;
                p.Record.CreatedAt = now;
                p.Record.ImportBatchId = batch.Id;
                if (p.Record.FacilityName is { } name)
                {
                    p.Record.FacilityId = ResolveFacility(facilities, p.Record, name, p.Village, p.Phone, now, p.Profile);
                }
            }
            var list = toAdd.Select(p => p.Record).ToList();
            _store.Records.AddMany(list);
            batch.FirstRecordId = list.Min(r => r.Id);
            batch.LastRecordId = list.Max(r => r.Id);
            _store.Imports.Update(batch);
            _store.Audit.Add(new AuditEntry
            {
                At = now, UserId = options.UserId, Action = "import", Entity = "import", EntityId = batch.Id.ToString(CultureInfo.InvariantCulture),
                After = $"{{\"file\":{System.Text.Json.JsonSerializer.Serialize(options.FileName)},\"records\":{list.Count},\"first\":{batch.FirstRecordId},\"last\":{batch.LastRecordId},\"duplicates\":{skipped.Count}}}",
            });
            return batch;
        });
        return new ImportResult(toAdd.Count, []) { Rows = parsed.Count, DuplicateLines = skipped, Batch = batch, ImportedBefore = before, Notes = noteLines };
    }

    /// <summary>Lines whose record is already in the store, or repeats an earlier line of the file.</summary>
    private List<int> DuplicateLines(IReadOnlyList<ParsedRecord> parsed)
    {
        var wanted = parsed.Select(p => p.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var existing in _store.Records.All())
        {
            var fp = Fingerprint(existing, PhotoFields);
            if (wanted.Contains(fp))
            {
                present.Add(fp);
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<int>();
        foreach (var p in parsed)
        {
            if (present.Contains(p.Fingerprint) || !seen.Add(p.Fingerprint))
            {
                lines.Add(p.Line);
            }
        }
        return lines;
    }

    /// <summary>The forms' photo questions: their count is not imported, so it does not tell two records apart either.</summary>
    private HashSet<string> PhotoFields => field ??= Layout.Forms.Forms.SelectMany(f => f.Fields).Where(f => f.Kind == FieldType.Photo).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>What makes two records the same support: every field an export writes (but <paramref name="ignored"/>), compared as folded text.</summary>
    internal static string Fingerprint(SupportRecord r) => Fingerprint(r, null);

    /// <inheritdoc cref="Fingerprint(SupportRecord)"/>
    internal static string Fingerprint(SupportRecord r, IReadOnlySet<string>? ignored)
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

    /// <summary>The column of each field of the header row (null and an error when the header is not one of ours).</summary>
    private RecordColumn?[]? MapHeader(CsvText.Row header, List<ImportError> errors)
    {
        var expected = string.Join(",", RecordColumns);
        var columns = header.Fields.Select(f => string.IsNullOrWhiteSpace(f) ? null : Layout.Column(CellSafety.Restore(f))).ToArray();
        var unknown = header.Fields.Where((f, i) => !string.IsNullOrWhiteSpace(f) && columns[i] is null).ToList();
        var missing = RecordLayout.BaseColumns.Where(c => !columns.Contains(c)).Select(c => c.Id).ToList();
        if (columns.Take(RecordColumns.Count).All(c => c is null))
        {
            errors.Add(new ImportError(header.Line, $"dòng tiêu đề phải là: {expected} (có thể thêm các cột chi tiết như {string.Join(", ", Layout.Columns.Where(c => c.IsExtra).Take(4).Select(c => c.Id))}…)"));
            return null;
        }
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add("thiếu cột " + string.Join(", ", missing));
            }
            if (unknown.Count > 0)
            {
                parts.Add("cột không có: " + string.Join(", ", unknown.Select(u => $"'{u.Trim()}'")) + " (các cột được dùng: " + string.Join(", ", Layout.Columns.Select(c => c.Id)) + ")");
            }
            errors.Add(new ImportError(header.Line, $"dòng tiêu đề: {string.Join("; ", parts)}; dòng tiêu đề phải bắt đầu bằng {expected}"));
            return null;
        }
        var twice = columns.OfType<RecordColumn>().GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            errors.Add(new ImportError(header.Line, "dòng tiêu đề: cột lặp lại " + string.Join(", ", twice)));
            return null;
        }
        return columns;
    }

    private SupportRecord ParseRecord(CsvText.Row row, RecordColumn?[] columns, DateOnly today, bool demo, List<string> problems,
        SortedDictionary<string, int> notes, out string? village, out string? phone, out FacilityProfile? profile)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } column)
            {
                var value = CellSafety.Restore(row[i]).Trim();
                if (value.Contains('\uFFFD'))
                {
                    problems.Add($"cột {column.Id} có ký tự hỏng (�): tệp đã bị đổi mã chữ trước đó");
                }
                cells[column.Id] = value;
            }
        }
        for (var i = columns.Length; i < row.Fields.Count; i++)
        {
            if (row.Fields[i].Trim().Length > 0)
            {
                problems.Add($"dòng có {row.Fields.Count} ô nhưng tiêu đề chỉ có {columns.Length} cột (thiếu dấu ngoặc kép quanh một ô có dấu phẩy?)");
                break;
            }
        }
        string Cell(string id) => cells.GetValueOrDefault(id) ?? "";
        var record = new SupportRecord();
        village = null;
        phone = null;

        var activityText = Cell("activity");
        var activity = activityText.Length == 0 ? null : Catalogue.FindActivity(activityText);
        if (activity is null)
        {
            problems.Add(activityText.Length == 0 ? "thiếu hoạt động" : $"không tìm thấy hoạt động '{Short(activityText)}'");
        }
        else
        {
            record.ActivityId = activity.Id;
        }
        var form = activity is null ? null : Layout.Forms.Get(activity.Id);
        var english = false;
        var user = new BotUser { Role = Role.Admin, ScopeKind = ScopeKind.All };

        var dateText = Cell("date");
        if (TryParseDate(dateText, out var date))
        {
            record.Date = date;
            if (form?.Bound("date") is { } dateField)
            {
                var problem = FieldReader.DateProblem(dateField, date, demo ? DateOnly.MaxValue.AddDays(-400) : today, english);
                if (problem is not null)
                {
                    problems.Add(problem.TrimEnd('.'));
                }
            }
        }
        else
        {
            problems.Add(dateText.Length == 0 ? "thiếu ngày" : $"ngày '{Short(dateText)}' không hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)");
        }

        var provinceText = Cell("province");
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? "thiếu tỉnh/thành phố" : $"không tìm thấy tỉnh/thành phố '{Short(provinceText)}'");
        }
        else if (!province.IsCurrent && record.Date >= FieldReader.MergerDate && Catalogue.CurrentOf(province.Id) is { } current && current.Id != province.Id)
        {
            // As in the forms: from 1/7/2025 a former province is recorded under the unit it was merged into.
            record.ProvinceId = current.Id;
            var key = $"{province.Name} đã hợp nhất vào {current.Name} từ 01/07/2025: bản ghi từ ngày đó lưu cho {current.Name}";
            notes[key] = notes.GetValueOrDefault(key) + 1;
        }
        else
        {
            record.ProvinceId = province.Id;
        }

        var facility = System.Text.RegularExpressions.Regex.Replace(Cell("facility"), @"\s+", " ");
        record.FacilityName = facility.Length == 0 ? null : facility;
        if (facility.Length > 0 && (VnText.FoldWords(facility).Replace(" ", "").Length < 2 || facility.Length > FieldReader.MaxFacilityName))
        {
            problems.Add($"tên cơ sở cần từ 2 đến {FieldReader.MaxFacilityName} ký tự (ô này có {facility.Length})");
        }
        else if (facility.Length == 0 && form?.Bound("facility") is { IsRequired: true })
        {
            problems.Add($"thiếu tên cơ sở (phiếu {form.Title ?? form.Activity} bắt buộc có cơ sở)");
        }
        var commune = Cell("commune");
        record.Commune = commune.Length == 0 ? null : commune;
        if (commune.Length > FieldReader.MaxPlaceName)
        {
            problems.Add($"tên xã/phường dài quá {FieldReader.MaxPlaceName} ký tự");
        }
        var villageText = Cell("craft_village");
        if (villageText.Length > 0)
        {
            if (villageText.Length is < 2 or > FieldReader.MaxPlaceName)
            {
                problems.Add($"tên làng nghề cần từ 2 đến {FieldReader.MaxPlaceName} ký tự");
            }
            village = villageText;
        }
        var phoneText = Cell("facility_phone");
        if (phoneText.Length > 0)
        {
            phone = FormRunner.NormalizePhone(phoneText);
            if (phone is null)
            {
                problems.Add($"số điện thoại cơ sở '{Short(phoneText)}' cần 10 hoặc 11 chữ số, bắt đầu bằng 0");
            }
        }
        profile = FacilityProfile.Read(Cell("legal_form"), Cell("tax_id"), Cell("priority_groups"), problems);

        record.Booths = (int)Bound(form, "booths", "số gian hàng", Cell("booths"), today, user, problems);
        record.RevenueVnd = Bound(form, "revenue_vnd", "doanh thu", Cell("revenue_vnd"), today, user, problems);
        record.FundingVnd = Bound(form, "funding_vnd", "kinh phí", Cell("funding_vnd"), today, user, problems);

        var sourceText = Cell("funding_source");
        switch (VnText.FoldWords(sourceText).Replace(" ", ""))
        {
            case "":
                record.FundingSource = null;
                break;
            case "kcqg" or "khuyencongquocgia" or "quocgia":
                record.FundingSource = "KCQG";
                break;
            case "kcdp" or "khuyencongdiaphuong" or "diaphuong":
                record.FundingSource = "KCDP";
                break;
            default:
                problems.Add($"nguồn kinh phí '{Short(sourceText)}' không hợp lệ (KCQG, KCĐP hoặc để trống)");
                break;
        }
        // With the split columns filled, they say where the money came from (KCQG and KCĐP together name no single source).
        var hasSplit = RecordLayout.SplitColumns.Any(c => Cell(c.Id).Length > 0);
        if (!hasSplit && record.FundingVnd > 0 && record.FundingSource is null && form?.Bound("funding_source") is not null)
        {
            problems.Add("có kinh phí nhưng thiếu nguồn kinh phí (KCQG hoặc KCĐP)");
        }
        else if (!hasSplit && record.FundingVnd == 0 && record.FundingSource is not null && Cell("funding_vnd").Trim().Length == 0)
        {
            // Only when the amount was left empty: an amount already refused above (too large, or on an unknown activity)
            // is not "missing" as well.
            problems.Add("có nguồn kinh phí nhưng không có kinh phí");
        }
        ReadSplit(record, form, Cell, today, user, problems);

        var statusText = Cell("status");
        switch (VnText.FoldWords(statusText))
        {
            case "" or "chinh thuc" or "actual":
                record.Status = RecordStatus.Actual;
                break;
            case "uoc" or "uoc thuc hien" or "uoc tinh" or "estimate":
                record.Status = RecordStatus.Estimate;
                break;
            default:
                problems.Add($"trạng thái '{Short(statusText)}' không hợp lệ (ước hoặc chính thức)");
                break;
        }

        var note = Cell("note");
        record.Note = note.Length == 0 ? null : note;
        if (form?.Bound("note") is { } noteField && note.Length > 0 && FieldReader.Read(noteField, note, today, Catalogue, user, english) is { Ok: false } bad)
        {
            problems.Add(bad.Error!.TrimEnd('.'));
        }
        else if (note.Length > 500)
        {
            problems.Add("ghi chú dài quá 500 ký tự");
        }

        ReadProject(record, Cell("project_code"), problems);

        foreach (var column in Layout.Columns.Where(c => c.IsExtra))
        {
            var value = Cell(column.Id);
            if (value.Length == 0)
            {
                continue;
            }
            var field = form?.Field(column.Id);
            if (field?.Kind == FieldType.Photo)
            {
                // A photo count without the photos: not kept (the files column is read past too).
                continue;
            }
            if (form is not null && field is null)
            {
                problems.Add($"cột {column.Id} không dùng cho hoạt động {form.Activity} (phiếu {form.Title ?? form.Activity} không hỏi)");
                continue;
            }
            if (field is null)
            {
                continue;
            }
            var read = FieldReader.Read(field, value, today, Catalogue, user, english);
            if (!read.Ok)
            {
                problems.Add($"{column.Id}: {read.Error!.TrimEnd('.')}");
                continue;
            }
            record.Extra[column.Id] = read.Value;
        }
        return record;
    }

    /// <summary>
    /// The project_code cell: a project of the record's province and activity (however the code is typed: it is stored as the project
    /// writes it); an unknown code, another province's or another activity's project is a problem of the row, which is not imported.
    /// </summary>
    private void ReadProject(SupportRecord record, string code, List<string> problems)
    {
        if (code.Length == 0)
        {
            return;
        }
        if (_store.Projects.FindByCode(code) is not { } project)
        {
            problems.Add($"không có đề án mã '{Short(code)}' (kiểm tra mã bằng /dean, hoặc để trống ô project_code nếu bản ghi không thuộc đề án nào)");
            return;
        }
        var units = record.ProvinceId.Length == 0 ? [] : Catalogue.UnitsOf(Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId);
        if (record.ProvinceId.Length > 0 && !units.Contains(project.ProvinceId))
        {
            problems.Add($"đề án {project.Code} là đề án của {Catalogue.Province(project.ProvinceId)?.ShortName ?? project.ProvinceId}, không phải của tỉnh/thành phố của bản ghi");
            return;
        }
        if (record.ActivityId.Length > 0 && project.ActivityId != record.ActivityId)
        {
            problems.Add($"đề án {project.Code} là đề án {Catalogue.Activity(project.ActivityId)?.ShortName ?? project.ActivityId}, khác hoạt động của bản ghi");
            return;
        }
        record.ProjectCode = project.Code;
    }

    /// <summary>A number bound to the record (booths, revenue, funding), read and bounded by the activity's form field.</summary>
    private long Bound(FormDefinition? form, string bind, string what, string text, DateOnly today, BotUser user, List<string> problems)
    {
        var field = form?.Bound(bind);
        if (text.Length == 0)
        {
            if (field is { IsRequired: true })
            {
                problems.Add($"thiếu {what} (phiếu {form!.Title ?? form.Activity} bắt buộc)");
            }
            return 0;
        }
        if (form is not null && field is null)
        {
            problems.Add($"cột {bind} không dùng cho hoạt động {form.Activity} (phiếu {form.Title ?? form.Activity} không hỏi {what})");
            return 0;
        }
        if (field is null)
        {
            return 0;
        }
        var read = FieldReader.Read(field, text, today, Catalogue, user, false);
        if (!read.Ok)
        {
            problems.Add($"{read.Error!.TrimEnd('.')} (ô ghi '{Short(text)}')");
            return 0;
        }
        return long.Parse(read.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The split columns when a row fills any of them (an empty one is 0): KCQG + KCĐP must be the row's funding_vnd when that is
    /// given too, and the source is the one of KCQG, KCĐP that funded alone. A row without them (an older file) keeps its
    /// single amount as its named source's part.
    /// </summary>
    private void ReadSplit(SupportRecord record, FormDefinition? form, Func<string, string> cell, DateOnly today, BotUser user, List<string> problems)
    {
        var columns = RecordLayout.SplitColumns;
        if (columns.All(c => cell(c.Id).Length == 0))
        {
            record.Split = RecordFunding.FromSingle(record.FundingVnd, record.FundingSource);
            return;
        }
        var parts = new long[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var bind = RecordLayout.SourceOfColumn(columns[i].Id) switch
            {
                Funding.FundingSource.Counterpart => "funding_counterpart",
                Funding.FundingSource.Other => "funding_other",
                _ => "funding_vnd",
            };
            var text = cell(columns[i].Id);
            var found = new List<string>();
            parts[i] = text.Length == 0 ? 0
                : Bound(form, form?.Bound(bind) is null ? "funding_vnd" : bind, columns[i].Header.Replace(" (đồng)", "", StringComparison.Ordinal), text, today, user, found);
            problems.AddRange(found.Select(p => $"cột {columns[i].Id} ({columns[i].Header.Replace(" (đồng)", "", StringComparison.Ordinal)}): {p}"));
        }
        if (problems.Count > 0)
        {
            return;
        }
        if (!Funding.FundingSplit.TryCreate(parts[0], parts[1], parts[2], parts[3], out var split))
        {
            problems.Add("số tiền theo nguồn không hợp lệ");
            return;
        }
        if (cell("funding_vnd").Length > 0 && record.FundingVnd != split.Support)
        {
            problems.Add($"kinh phí {VnFormat.MoneyFull(record.FundingVnd)} khác tổng KCQG + KCĐP ({VnFormat.MoneyFull(split.Support)})");
            return;
        }
        RecordFunding.Set(record, split);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private long ResolveFacility(Dictionary<(string, string), long> cache, SupportRecord record, string name, string? village, string? phone, DateTimeOffset now,
        FacilityProfile? profile = null)
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
        });
        cache[key] = id;
        return id;
    }

    // ---------------------------------------------------------------- plans

    private ImportResult ImportPlanRows(IReadOnlyList<CsvText.Row> rows, ImportOptions options)
    {
        var errors = new List<ImportError>();
        if (rows.Count == 0)
        {
            return Failed(1, $"tệp rỗng; dòng đầu phải là tiêu đề: {string.Join(",", PlanColumns)}");
        }
        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (header.Count < PlanColumns.Count || !header.Take(PlanColumns.Count).SequenceEqual(PlanColumns))
        {
            return Failed(rows[0].Line, $"dòng tiêu đề phải là: {string.Join(",", PlanColumns)}");
        }
        var plans = new List<(int Line, Plan Plan)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows.Skip(1))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var plan = ParsePlan(row, problems);
            if (plan is not null && problems.Count == 0)
            {
                if (seen.TryGetValue(plan.Id, out var first))
                {
                    problems.Add($"trùng kế hoạch với dòng {first}");
                }
                else
                {
                    seen[plan.Id] = row.Line;
                }
            }
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            plans.Add((row.Line, plan!));
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors) { Kind = "plans", Rows = plans.Count + errors.Count };
        }
        if (plans.Count == 0)
        {
            return Failed(1, "tệp không có dòng dữ liệu nào") with { Kind = "plans" };
        }
        var hash = Hash(rows);
        var before = _store.Imports.WithHash(hash).FirstOrDefault();
        var changes = plans.Select(p => (p.Line, p.Plan, Before: _store.Plans.Get(p.Plan.Id)?.Target)).ToList();
        var same = changes.Where(c => c.Before == c.Plan.Target).Select(c => c.Line).ToList();
        if (!options.AllowDuplicates && before is not null)
        {
            return new ImportResult(0, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = same, ImportedBefore = before };
        }
        var toSet = options.AllowDuplicates ? changes : changes.Where(c => c.Before != c.Plan.Target).ToList();
        var skipped = options.AllowDuplicates ? [] : same;
        if (options.DryRun || toSet.Count == 0)
        {
            return new ImportResult(options.DryRun ? toSet.Count : 0, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = skipped, DryRun = options.DryRun };
        }
        var now = _clock.Now;
        var batch = _store.InTransaction(() =>
        {
            var batch = new ImportBatch
            {
                Kind = "plans", FileName = options.FileName, FileHash = hash, At = now, UserId = options.UserId, By = options.By,
                Rows = plans.Count, Added = toSet.Count, Duplicates = skipped.Count,
                Plans = toSet.Select(c => new PlanChange { PlanId = c.Plan.Id, Before = c.Before, After = c.Plan.Target }).ToList(),
            };
            _store.Imports.Add(batch);
            _store.Plans.UpsertMany(toSet.Select(c => c.Plan));
            _store.Audit.Add(new AuditEntry
            {
                At = now, UserId = options.UserId, Action = "import", Entity = "import", EntityId = batch.Id.ToString(CultureInfo.InvariantCulture),
                After = $"{{\"file\":{System.Text.Json.JsonSerializer.Serialize(options.FileName)},\"plans\":{toSet.Count}}}",
            });
            return batch;
        });
        return new ImportResult(toSet.Count, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = skipped, Batch = batch, ImportedBefore = before };
    }

    private Plan? ParsePlan(CsvText.Row row, List<string> problems)
    {
        var yearText = row[0].Trim();
        var yearOk = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
        if (!yearOk)
        {
            problems.Add($"năm '{Short(yearText)}' không hợp lệ (2000-2100)");
        }

        var provinceText = row[1].Trim();
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? "thiếu tỉnh/thành phố" : $"không tìm thấy tỉnh/thành phố '{Short(provinceText)}'");
        }
        else if (!province.IsCurrent)
        {
            var current = Catalogue.CurrentOf(province.Id);
            problems.Add($"'{provinceText}' là tỉnh cũ; kế hoạch lập theo đơn vị hiện nay ({current?.Name ?? "?"})");
        }

        var metric = row[2].Trim();
        var dot = metric.IndexOf('.');
        var activity = dot > 0 ? Catalogue.Activity(metric[..dot]) : null;
        var measure = dot > 0 ? metric[(dot + 1)..] : "";
        if (dot <= 0)
        {
            problems.Add($"chỉ tiêu '{Short(metric)}' không hợp lệ (dạng hoạt_động.đơn_vị, ví dụ trade_fair.booths)");
        }
        else if (activity is null)
        {
            problems.Add($"chỉ tiêu '{Short(metric)}': không có hoạt động '{Short(metric[..dot])}'");
        }
        else if (!Measures.All.Contains(measure) || (activity.Measures.Count > 0 && !activity.Measures.Contains(measure)))
        {
            problems.Add($"chỉ tiêu '{Short(metric)}': đơn vị đo '{measure}' không dùng cho hoạt động {activity.Id}");
        }

        long target = 0;
        var targetText = row[3].Trim();
        if (targetText.Length == 0)
        {
            problems.Add("thiếu chỉ tiêu kế hoạch");
        }
        else if (!TryParseNonNegative(targetText, out target) || target > MaxPlanTarget)
        {
            problems.Add($"chỉ tiêu kế hoạch '{Short(targetText)}' không hợp lệ (số nguyên không âm, tối đa {VnFormat.Number(MaxPlanTarget)})");
        }
        if (problems.Count > 0 || province is null || activity is null)
        {
            return null;
        }
        return new Plan
        {
            Id = Plan.MakeId(year, province.Id, metric),
            Year = year,
            ProvinceId = province.Id,
            Metric = metric,
            Target = target,
        };
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

/// <summary>Formats import results and errors for people.</summary>
public static class ImportErrorText
{
    public static string Describe(this ImportError error) => $"dòng {error.Line}: {error.Reason}";

    /// <summary>Every error on its own line, at most <paramref name="max"/> of them, then "... và N dòng khác".</summary>
    public static string Describe(this ImportResult result, int max = 20)
    {
        var lines = result.Errors.Take(max).Select(Describe).ToList();
        if (result.Errors.Count > max)
        {
            lines.Add($"... và {result.Errors.Count - max} dòng lỗi khác");
        }
        return string.Join("\n", lines);
    }

    /// <summary>
    /// What happened, in Vietnamese: what was imported (batch number, how to undo), what was skipped as duplicate, the
    /// former provinces mapped, or why nothing was imported. <paramref name="allowHint"/> says how to ask for duplicates
    /// where the import came from ("--allow-duplicates", or a caption in the chat).
    /// </summary>
    public static string Summary(this ImportResult result, string fileName, string allowHint, string undoHint, int maxErrors = int.MaxValue)
    {
        var what = result.Kind == "plans" ? "dòng kế hoạch" : "bản ghi";
        var sb = new StringBuilder();
        if (!result.Ok)
        {
            sb.Append($"Không nhập gì: {fileName} có {result.Errors.Count} dòng lỗi. Sửa các dòng sau rồi nhập lại:");
            foreach (var e in result.Errors.Take(maxErrors))
            {
                sb.Append("\n  ").Append(e.Describe());
            }
            if (result.Errors.Count > maxErrors)
            {
                sb.Append($"\n  … và {result.Errors.Count - maxErrors} dòng lỗi khác.");
            }
            return sb.ToString();
        }
        string Lines(IReadOnlyList<int> lines) =>
            string.Join(", ", lines.Take(10).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 10 ? $", … ({lines.Count} dòng)" : "");
        if (result.ImportedBefore is { } earlier && result.Batch is null && !result.DryRun)
        {
            sb.Append($"Không nhập gì: tệp này đã nhập ngày {VnFormat.DateTime(earlier.At)} (đợt #{earlier.Id}, {VnFormat.Number(earlier.Added)} {what}, tệp {earlier.FileName}); "
                + $"{VnFormat.Number(result.Duplicates)} dòng trùng với dữ liệu đã có. Nếu thật sự muốn nhập thêm một lần nữa: {allowHint}.");
            return sb.ToString();
        }
        if (result.DryRun)
        {
            sb.Append($"Kiểm tra xong, chưa nhập gì: {fileName} có {VnFormat.Number(result.Rows)} dòng hợp lệ; sẽ nhập {VnFormat.Number(result.Imported)} {what}");
            sb.Append(result.Duplicates > 0 ? $", bỏ qua {VnFormat.Number(result.Duplicates)} dòng trùng (dòng {Lines(result.DuplicateLines)})." : ".");
        }
        else if (result.Batch is { } batch)
        {
            sb.Append($"Đã nhập {VnFormat.Number(result.Imported)} {what} từ {fileName} (đợt nhập #{batch.Id})");
            sb.Append(result.Duplicates > 0
                ? $"; bỏ qua {VnFormat.Number(result.Duplicates)} dòng trùng với dữ liệu đã có (dòng {Lines(result.DuplicateLines)}); muốn nhập cả chúng: {allowHint}."
                : ".");
            sb.Append($" Hoàn tác đợt này: {undoHint.Replace("{id}", batch.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)}.");
        }
        else
        {
            sb.Append($"Không có gì mới: cả {VnFormat.Number(result.Duplicates)} dòng của {fileName} đều đã có (dòng trùng), không nhập thêm. Muốn nhập cả chúng: {allowHint}.");
        }
        foreach (var note in result.Notes)
        {
            sb.Append("\nLưu ý: ").Append(note).Append('.');
        }
        return sb.ToString();
    }
}
