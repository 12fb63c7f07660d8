using KhuyenCongBot.Core.Projects;

namespace KhuyenCongBot.Storage;

/// <summary>
/// Every committed project in memory, in id order, so a manager's question ("bao nhiêu đề án chưa nghiệm thu") filters a few
/// thousand objects instead of reading and mapping every project document from LiteDB each time (264 ms p50 at 8.000 projects).
/// </summary>
/// <remarks>
/// Loaded on first use; kept current by the repository's writes, each published once its transaction commits (a rolled-back
/// write is never seen). A load that overlaps a commit is read again, so it never keeps a state older than a published write.
/// The objects held are handed out to questions only (<see cref="ProjectRepository.Read"/>), never to be changed.
/// The projects are also held per recorded unit (<see cref="ProjectGroup"/>): a write replaces the groups of the units of the
/// project before and after it, with their cached figures; the other groups are kept as they are.
/// </remarks>
internal sealed class CommittedProjects
{
    private readonly object _gate = new();
    private Snapshot? _held;
    private long _generation;

    /// <summary>The committed projects in id order, and per unit.</summary>
    private sealed record Snapshot(Project[] ById, IReadOnlyDictionary<string, ProjectGroup> ByUnit);

    /// <summary>The committed projects, loaded with <paramref name="read"/> when not held yet. Callers must not change them.</summary>
    public Project[] All(Func<IEnumerable<Project>> read) => Held(read).ById;

    /// <summary>The groups of the units that have committed projects, by unit id.</summary>
    public IReadOnlyDictionary<string, ProjectGroup> Groups(Func<IEnumerable<Project>> read) => Held(read).ByUnit;

    private Snapshot Held(Func<IEnumerable<Project>> read)
    {
        if (Volatile.Read(ref _held) is { } held)
        {
            return held;
        }
        while (true)
        {
            var seen = Interlocked.Read(ref _generation);
            var loaded = read().OrderBy(p => p.Id).ToArray();
            var snapshot = new Snapshot(loaded, loaded.GroupBy(p => p.ProvinceId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new ProjectGroup(g.Key, g.ToArray()), StringComparer.Ordinal));
            lock (_gate)
            {
                if (_generation == seen)
                {
                    Volatile.Write(ref _held, snapshot);
                    return snapshot;
                }
            }
        }
    }

    /// <summary>The snapshot after a change of <paramref name="next"/>'s projects: the groups of <paramref name="units"/> built again, the others kept.</summary>
    private static Snapshot With(Snapshot held, Project[] next, params string?[] units)
    {
        var byUnit = new Dictionary<string, ProjectGroup>(held.ByUnit, StringComparer.Ordinal);
        foreach (var unit in units.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var projects = next.Where(p => string.Equals(p.ProvinceId, unit, StringComparison.Ordinal)).ToArray();
            if (projects.Length == 0)
            {
                byUnit.Remove(unit);
            }
            else
            {
                byUnit[unit] = new ProjectGroup(unit, projects);
            }
        }
        return new Snapshot(next, byUnit);
    }

    /// <summary>Publishes a committed write (an added or changed project): a copy replaces the held one.</summary>
    public void Put(Project written)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (_held is not { } snapshot)
            {
                return;
            }
            var held = snapshot.ById;
            var at = Array.BinarySearch(held, written, ById.Instance);
            Project[] next;
            string? before = null;
            if (at >= 0)
            {
                before = held[at].ProvinceId;
                next = (Project[])held.Clone();
                next[at] = written;
            }
            else
            {
                at = ~at;
                next = new Project[held.Length + 1];
                Array.Copy(held, next, at);
                next[at] = written;
                Array.Copy(held, at, next, at + 1, held.Length - at);
            }
            Volatile.Write(ref _held, With(snapshot, next, before, written.ProvinceId));
        }
    }

    /// <summary>Publishes a committed removal (an import's undo).</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (_held is { } snapshot)
            {
                var removed = snapshot.ById.FirstOrDefault(p => p.Id == id);
                Volatile.Write(ref _held, With(snapshot, snapshot.ById.Where(p => p.Id != id).ToArray(), removed?.ProvinceId));
            }
        }
    }

    /// <summary>Forgets everything (read again on next use).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _held, null);
        }
    }

    private sealed class ById : IComparer<Project>
    {
        public static readonly ById Instance = new();

        public int Compare(Project? x, Project? y) => (x?.Id ?? 0).CompareTo(y?.Id ?? 0);
    }
}
