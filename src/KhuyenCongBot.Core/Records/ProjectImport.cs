using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>
/// The projects file of an import (<see cref="ProjectCsv"/>), for <see cref="RecordBatchImporter"/> under its batch lock: read and
/// checked, a project whose code is already in the store skipped when it is the very same project and refused when it differs
/// (never overwritten, never doubled), the new ones shown to the record rows (their project_code cells) before they are saved,
/// then added in the batch's transaction.
/// </summary>
internal sealed class ProjectImport(IBotStore store, Func<CatalogueIndex> catalogue, Func<UserTexts> texts)
{
    /// <summary>The projects of the file being imported, by normalised code, while its record rows are read.</summary>
    private Dictionary<string, Project>? _pending;

    /// <summary>What a projects file brings: the projects to add, how many are already there unchanged, and the bad lines.</summary>
    public sealed record Plan(List<ProjectRow> ToAdd, int Same, List<ImportError> Errors);

    /// <summary>A project by code: one of the file being imported, else the store's.</summary>
    public Project? Find(string code) =>
        _pending?.GetValueOrDefault(ProjectCode.Normalize(code)) ?? store.Projects.FindByCode(code);

    /// <summary>Reads the projects file; its lines' errors name the file.</summary>
    public Plan Read(byte[] content, string fileName, bool english)
    {
        var text = CsvDecoding.Decode(content, texts(), english, out var problem);
        if (text is null)
        {
            return new Plan([], 0, [new ImportError(1, texts().Text(english, "records.projects.in_file", ("file", fileName), ("problem", problem)))]);
        }
        var errors = new List<ImportError>();
        var rows = ProjectCsv.Read(CsvText.Read(new StringReader(text)).ToList(), catalogue(), errors, texts(), english);
        var toAdd = new List<ProjectRow>();
        var same = 0;
        foreach (var row in rows)
        {
            if (store.Projects.FindByCode(row.Project.Code) is not { } existing)
            {
                toAdd.Add(row);
            }
            else if (Differences(existing, row) is { Count: > 0 } differ)
            {
                errors.Add(new ImportError(row.Line, texts().Text(english, "records.projects.differs", ("code", existing.Code), ("columns", string.Join(", ", differ)))));
            }
            else
            {
                same++;
            }
        }
        return new Plan(toAdd, same, errors.Select(e => e with { Reason = texts().Text(english, "records.projects.in_file", ("file", fileName), ("problem", e.Reason)) }).ToList());
    }

    /// <summary>The columns in which the stored project and the file's differ (who moved it aside: ids do not travel).</summary>
    private List<string> Differences(Project existing, ProjectRow row)
    {
        var stored = ProjectCsv.Cells(existing, store, catalogue(), withNames: false);
        var typed = ProjectCsv.Cells(row.Project, store, catalogue(), withNames: false);
        var differ = new List<string>();
        for (var i = 0; i < ProjectCsv.Columns.Count; i++)
        {
            var column = ProjectCsv.Columns[i];
            var same = column == "facilities"
                ? existing.FacilityIds.Select(id => store.Facilities.Get(id)?.NormalizedName).OfType<string>().Order(StringComparer.Ordinal)
                    .SequenceEqual(row.Facilities.Select(Text.VnText.FoldWords).Order(StringComparer.Ordinal))
                : stored[i] == typed[i];
            if (!same)
            {
                differ.Add(column);
            }
        }
        return differ;
    }

    /// <summary>Shows the file's new projects to the record rows read next (their project_code cells); null ends it.</summary>
    public void Pending(IEnumerable<ProjectRow>? rows) =>
        _pending = rows?.ToDictionary(r => r.Project.NormalizedCode, r => r.Project, StringComparer.Ordinal);

    /// <summary>Adds the projects (inside the batch's transaction), their facilities found or made by name; their ids, in order.</summary>
    public List<long> Add(IEnumerable<ProjectRow> rows, long batchId, long userId, DateTimeOffset now, Func<string, string, long> facility)
    {
        var ids = new List<long>();
        foreach (var row in rows)
        {
            var p = row.Project.Clone();
            p.Id = 0;
            p.FacilityIds = row.Facilities.Select(name => facility(p.ProvinceId, name)).Distinct().ToList();
            p.CreatedAt = now;
            p.CreatedByUserId = userId;
            p.History.ForEach(h => h.UserId = userId);
            p.Disbursements.ForEach(d => d.UserId = userId);
            ids.Add(store.Projects.Add(p));
            store.Audit.Add(new AuditEntry
            {
                At = now, UserId = userId, Action = "import", Entity = "project", EntityId = p.Id.ToString(CultureInfo.InvariantCulture),
                After = $"{{\"code\":{System.Text.Json.JsonSerializer.Serialize(p.Code)},\"import\":{batchId}}}",
            });
        }
        return ids;
    }
}
