using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

using static KhuyenCongBot.Core.Records.CsvRecordImporter;

namespace KhuyenCongBot.Core.Records;

/// <summary>Record rows: the header mapped, duplicates found, all saved as one undoable batch (for <see cref="CsvRecordImporter"/>, under its batch lock).</summary>
internal sealed class RecordBatchImporter(IBotStore store, Func<CatalogueIndex> catalogue, Func<RecordLayout> layout, RecordRowReader rowReader, BotClock clock,
    ProjectImport projectImport, Func<UserTexts> texts)
{
    private readonly IBotStore _store = store;
    private readonly RecordRowReader _rows = rowReader;
    private readonly BotClock _clock = clock;

    /// <summary>The official 2025 list, read when a commune_code cell is first met.</summary>
    private readonly Lazy<CommuneCatalogue> _communes = new(() => CommuneCatalogue.Load(SeedFiles.Locate(null), catalogue()));

    private CatalogueIndex Catalogue => catalogue();

    private sealed record ParsedRecord(int Line, SupportRecord Record, string Fingerprint, string? Village, string? Phone, FacilityProfile? Profile,
        IReadOnlyList<string> Files, FacilityCommune? Commune);

    public ImportResult Import(IReadOnlyList<CsvText.Row> rows, ImportOptions options)
    {
        // The projects that came with the records (an export's projects file) are read first: the rows' project_code cells name them.
        var projects = options.Projects is { } file ? projectImport.Read(file, options.ProjectsFileName ?? texts().Text(options.English, "records.notes.projects_file"), options.English) : null;
        if (projects is { Errors.Count: > 0 })
        {
            return new ImportResult(0, projects.Errors);
        }
        projectImport.Pending(projects?.ToAdd);
        try
        {
            return projects is not null && rows.Count == 0 ? ImportProjectsOnly(projects, options) : ImportRows(rows, options, projects);
        }
        finally
        {
            projectImport.Pending(null);
        }
    }

    private ImportResult ImportRows(IReadOnlyList<CsvText.Row> rows, ImportOptions options, ProjectImport.Plan? projects)
    {
        var english = options.English;
        if (rows.Count == 0)
        {
            return Failed(1, texts().Text(english, "records.rows.empty_file", ("header", string.Join(",", RecordColumns))));
        }
        var errors = new List<ImportError>();
        var columns = _rows.MapHeader(rows[0], errors, english);
        if (columns is null)
        {
            return new ImportResult(0, errors);
        }
        var today = _clock.Today;
        var notes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<ParsedRecord>();
        var filesAt = Array.FindIndex(columns, c => c?.Id == RecordLayout.FilesColumn.Id);
        var communeAt = Array.FindIndex(columns, c => c?.Id == "commune_code");
        foreach (var row in rows.Skip(1))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var record = _rows.ParseRecord(row, columns, today, options.Source == "demo", problems, notes, english, out var village, out var phone, out var profile);
            var commune = communeAt < 0 ? null : FacilityCommune.Read(CellSafety.Restore(row[communeAt]).Trim(), record, Catalogue, _communes, problems, texts(), english);
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            if (options.Source != "demo")
            {
                // The demo's rows name their former provinces themselves (its generator's communes are not real places).
                ImportedMergerRows.File(record, commune?.Code, Catalogue, _communes, notes, texts());
            }
            record.Source = options.Source;
            parsed.Add(new ParsedRecord(row.Line, record, Fingerprint(record, PhotoFields), village, phone, profile,
                filesAt < 0 ? [] : ImportEvidence.Names(CellSafety.Restore(row[filesAt])), commune));
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors) { Rows = parsed.Count + errors.Count };
        }
        if (parsed.Count == 0 && projects is null)
        {
            return Failed(1, texts().Text(english, "records.rows.no_data"));
        }
        var hash = Hash(rows);
        var before = _store.Imports.WithHash(hash).FirstOrDefault();
        var duplicates = DuplicateLines(parsed);
        var noteLines = notes.Select(n => texts().Text(english, "records.notes.rows", ("note", n.Key), ("count", n.Value))).ToList();
        ProjectNotes(projects, options, noteLines);
        if (!options.AllowDuplicates && before is not null)
        {
            return new ImportResult(0, []) { Rows = parsed.Count, DuplicateLines = duplicates, ImportedBefore = before, Notes = noteLines };
        }
        var toAdd = options.AllowDuplicates ? parsed : parsed.Where(p => !duplicates.Contains(p.Line)).ToList();
        var skipped = options.AllowDuplicates ? [] : duplicates;
        // The evidence files the rows list, from the folder that came with the file (an export's files folder).
        var evidence = ImportEvidence.Gather(toAdd.Select(p => p.Files).ToList(), options.Evidence, noteLines, texts(), english);
        if (options.DryRun && evidence.Sum(e => e.Count) is > 0 and var willAttach)
        {
            noteLines.Add(texts().Text(english, "records.notes.will_attach", ("count", willAttach)));
        }
        if (options.DryRun || (toAdd.Count == 0 && projects is not { ToAdd.Count: > 0 }))
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
                    p.Record.FacilityId = ResolveFacility(facilities, p.Record, name, p.Village, p.Phone, now, p.Profile, p.Commune);
                }
            }
            var list = toAdd.Select(p => p.Record).ToList();
            _store.Records.AddMany(list);
            if (projects is not null)
            {
                batch.ProjectIds = projectImport.Add(projects.ToAdd, batch.Id, options.UserId, now, (province, name) => FacilityFor(facilities, province, name, now));
            }
            var refused = new List<string>();
            var attached = toAdd.Select((p, i) => ImportEvidence.Attach(_store.Attachments, p.Record.Id, evidence[i], options.UserId, now, refused, texts(), english)).Sum();
            if (attached > 0)
            {
                noteLines.Add(texts().Text(english, "records.notes.attached", ("count", attached)));
            }
            if (refused.Count > 0)
            {
                noteLines.Add(texts().Text(english, "records.notes.not_attached", ("count", refused.Count), ("files", string.Join("; ", refused.Take(5)) + (refused.Count > 5 ? "; …" : ""))));
            }
            batch.FirstRecordId = list.Count == 0 ? 0 : list.Min(r => r.Id);
            batch.LastRecordId = list.Count == 0 ? 0 : list.Max(r => r.Id);
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

    /// <summary>A projects file alone: its projects as one batch of no records (dry run: what would be added).</summary>
    private ImportResult ImportProjectsOnly(ProjectImport.Plan projects, ImportOptions options)
    {
        var notes = new List<string>();
        ProjectNotes(projects, options, notes);
        if (options.DryRun || projects.ToAdd.Count == 0)
        {
            return new ImportResult(0, []) { Rows = 0, Notes = notes, DryRun = options.DryRun };
        }
        var now = _clock.Now;
        var batch = _store.InTransaction(() =>
        {
            var batch = new ImportBatch { Kind = "records", FileName = options.FileName, At = now, UserId = options.UserId, By = options.By, Notes = notes };
            _store.Imports.Add(batch);
            var facilities = new Dictionary<(string, string), long>();
            batch.ProjectIds = projectImport.Add(projects.ToAdd, batch.Id, options.UserId, now, (province, name) => FacilityFor(facilities, province, name, now));
            _store.Imports.Update(batch);
            return batch;
        });
        return new ImportResult(0, []) { Rows = 0, Batch = batch, Notes = notes };
    }

    /// <summary>"sẽ thêm / đã thêm 3 đề án (tệp …); 2 đề án đã có, giống hệt: bỏ qua".</summary>
    private void ProjectNotes(ProjectImport.Plan? projects, ImportOptions options, List<string> notes)
    {
        var english = options.English;
        if (projects is null)
        {
            return;
        }
        var (count, file, same) = (projects.ToAdd.Count, options.ProjectsFileName, projects.Same);
        notes.Add((options.DryRun, same > 0) switch
        {
            (true, true) => texts().Text(english, "records.notes.projects_will_add_same", ("count", count), ("file", file), ("same", same)),
            (true, false) => texts().Text(english, "records.notes.projects_will_add", ("count", count), ("file", file)),
            (false, true) => texts().Text(english, "records.notes.projects_added_same", ("count", count), ("file", file), ("same", same)),
            _ => texts().Text(english, "records.notes.projects_added", ("count", count), ("file", file)),
        });
    }

    /// <summary>A facility of a project by name: found in the province (or the unit it was merged into), else added.</summary>
    private long FacilityFor(Dictionary<(string, string), long> cache, string provinceId, string name, DateTimeOffset now)
    {
        var current = catalogue().CurrentOf(provinceId)?.Id ?? provinceId;
        var key = (current, VnText.FoldWords(name));
        if (cache.TryGetValue(key, out var id))
        {
            return id;
        }
        var existing = catalogue().UnitsOf(current).Append(current).Select(u => _store.Facilities.FindByName(u, key.Item2)).FirstOrDefault(f => f is not null);
        id = existing?.Id ?? _store.Facilities.Add(new Facility { Name = name, NormalizedName = key.Item2, ProvinceId = current, CreatedAt = now });
        cache[key] = id;
        return id;
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
    private HashSet<string> PhotoFields => field ??= layout().Forms.Forms.SelectMany(f => f.Fields).Where(f => f.Kind == FieldType.Photo).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

    private long ResolveFacility(Dictionary<(string, string), long> cache, SupportRecord record, string name, string? village, string? phone, DateTimeOffset now,
        FacilityProfile? profile = null, FacilityCommune? commune = null)
    {
        var current = catalogue().CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
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
}
