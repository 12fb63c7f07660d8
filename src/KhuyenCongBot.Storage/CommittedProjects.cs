using KhuyenCongBot.Core.Projects;

namespace KhuyenCongBot.Storage;

/// <summary>
/// Every committed project in memory, in id order, so a manager's question ("bao nhiêu đề án chưa nghiệm thu") filters a few
/// thousand objects instead of reading and mapping every project document from LiteDB each time (264 ms p50 at 8.000 projects).
/// </summary>
/// <remarks>
/// Loaded on first use; kept current by the repository's writes, each published once its transaction commits (a rolled-back
/// write is never seen). A load that overlaps a commit is read again, so it never keeps a state older than a published write.
/// The objects held are never handed out: readers get copies.
/// </remarks>
internal sealed class CommittedProjects
{
    private readonly object _gate = new();
    private Project[]? _byId;
    private long _generation;

    /// <summary>The committed projects, loaded with <paramref name="read"/> when not held yet. Callers must not change them.</summary>
    public Project[] All(Func<IEnumerable<Project>> read)
    {
        if (Volatile.Read(ref _byId) is { } held)
        {
            return held;
        }
        while (true)
        {
            var seen = Interlocked.Read(ref _generation);
            var loaded = read().OrderBy(p => p.Id).ToArray();
            lock (_gate)
            {
                if (_generation == seen)
                {
                    Volatile.Write(ref _byId, loaded);
                    return loaded;
                }
            }
        }
    }

    /// <summary>Publishes a committed write (an added or changed project): a copy replaces the held one.</summary>
    public void Put(Project written)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (_byId is not { } held)
            {
                return;
            }
            var at = Array.BinarySearch(held, written, ById.Instance);
            Project[] next;
            if (at >= 0)
            {
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
            Volatile.Write(ref _byId, next);
        }
    }

    /// <summary>Publishes a committed removal (an import's undo).</summary>
    public void Remove(long id)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            if (_byId is { } held)
            {
                Volatile.Write(ref _byId, held.Where(p => p.Id != id).ToArray());
            }
        }
    }

    /// <summary>Forgets everything (read again on next use).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            Volatile.Write(ref _byId, null);
        }
    }

    private sealed class ById : IComparer<Project>
    {
        public static readonly ById Instance = new();

        public int Compare(Project? x, Project? y) => (x?.Id ?? 0).CompareTo(y?.Id ?? 0);
    }
}
