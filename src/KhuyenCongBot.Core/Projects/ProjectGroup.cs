using System.Collections.Concurrent;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// The committed projects of one recorded unit (id order), with what questions derived from them kept until one of them is saved:
/// a save replaces the unit's group (an empty cache), the other units' groups and their figures are kept.
/// </summary>
/// <remarks>
/// So a question over every project ("giải ngân đạt bao nhiêu %") adds up a few dozen units' figures instead of going through
/// every project's disbursements again, and the first question after a save recomputes one unit's. Callers must not change the
/// projects. Inside a transaction the repository hands out new groups read from the file, whose cache lives only as long as they do.
/// </remarks>
public sealed class ProjectGroup(string provinceId, IReadOnlyList<Project> projects)
{
    /// <summary>Figures kept at most; past it the cache starts again (a bot asks about a few dates and filters).</summary>
    public const int MaxDerived = 64;

    private readonly ConcurrentDictionary<object, object> _derived = new();

    public string ProvinceId { get; } = provinceId;

    public IReadOnlyList<Project> Projects { get; } = projects;

    /// <summary>What <paramref name="compute"/> gives for these projects under <paramref name="key"/> (equal keys, the same figure),
    /// computed once. <paramref name="compute"/> must depend on the projects and the key only.</summary>
    public T Derived<TKey, T>(TKey key, Func<TKey, IReadOnlyList<Project>, T> compute)
        where TKey : notnull
        where T : class
    {
        if (_derived.TryGetValue(key, out var held))
        {
            return (T)held;
        }
        var value = compute(key, Projects);
        if (_derived.Count >= MaxDerived)
        {
            _derived.Clear();
        }
        _derived[key] = value;
        return value;
    }
}
