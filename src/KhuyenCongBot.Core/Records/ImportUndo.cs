using System.Globalization;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Records;

/// <summary>Undoes an import batch: its records deleted (each audited), the plan targets it changed put back unless changed since.</summary>
internal sealed class ImportUndo(IBotStore store, BotClock clock)
{
    private readonly IBotStore _store = store;
    private readonly BotClock _clock = clock;

    public UndoResult? Undo(long batchId, long userId)
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
            var projectsKept = RemoveProjects(batch, userId, now, out var projectsRemoved);
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
                After = $"{{\"records\":{removed},\"plans\":{restored},\"plansKept\":{kept},\"projects\":{projectsRemoved},\"projectsKept\":{projectsKept.Count}}}",
            });
            return new UndoResult(batch, removed, restored, kept, AlreadyUndone: false) { ProjectsRemoved = projectsRemoved, ProjectsKept = projectsKept };
        });
    }

    /// <summary>
    /// The projects the batch added, removed (audited) unless something happened to them since: a record of another batch or of a
    /// form linked to one, or a person moved it on or reported a disbursement (it is then kept, and named).
    /// </summary>
    private List<string> RemoveProjects(ImportBatch batch, long userId, DateTimeOffset now, out int removed)
    {
        removed = 0;
        var kept = new List<string>();
        foreach (var id in batch.ProjectIds)
        {
            if (_store.Projects.Get(id) is not { } project)
            {
                continue;
            }
            if (project.UpdatedAt is not null || _store.Records.ByProject(project.Code).Count > 0)
            {
                kept.Add(project.Code);
                continue;
            }
            if (_store.Projects.Delete(id))
            {
                removed++;
                _store.Audit.Add(new AuditEntry
                {
                    At = now, UserId = userId, Action = "delete", Entity = "project", EntityId = id.ToString(CultureInfo.InvariantCulture),
                    Before = System.Text.Json.JsonSerializer.Serialize(new { project.Code, project.Name }), After = $"{{\"undoImport\":{batch.Id}}}",
                });
            }
        }
        return kept;
    }
}
