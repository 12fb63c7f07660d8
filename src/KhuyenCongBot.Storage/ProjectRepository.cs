using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using LiteDB;

namespace KhuyenCongBot.Storage;

/// <summary>Projects (đề án) in the collection "projects", with a unique index on the normalised code.</summary>
/// <remarks>
/// Indexes: NormalizedCode (unique), ProvinceId (scope queries), FacilityIds[*] (a facility's projects). A file written before
/// projects existed simply has no such collection: it is created, with its indexes, on first open.
/// </remarks>
internal sealed class ProjectRepository : IProjectRepository
{
    internal const string Collection = "projects";

    private const string ByCode = "$.NormalizedCode = @0";
    private const string InUnits = "$.ProvinceId IN @0";
    private const string ListsFacility = "$.FacilityIds[*] ANY = @0";

    private readonly LiteDatabase _db;
    private readonly LiteDbStore _store;
    private readonly CommittedProjects _committed = new();

    public ProjectRepository(LiteDatabase db, LiteDbStore store)
    {
        _db = db;
        _store = store;
        Register(db.Mapper);
        Col.EnsureIndex("NormalizedCode", "$.NormalizedCode", unique: true);
        Col.EnsureIndex("ProvinceId", "$.ProvinceId");
        Col.EnsureIndex("FacilityIds", "$.FacilityIds[*]");
    }

    private ILiteCollection<Project> Col => _db.GetCollection<Project>(Collection);

    /// <summary>Maps projects (the split of an amount as a sub-document {kcqg, kcdp, counterpart, other}) and maps a sample once, on this thread.</summary>
    /// <remarks>LiteDB builds a type's map lazily and not thread-safely (see LiteDbStore.WarmUp): the sample builds it before any handler runs.</remarks>
    internal static void Register(BsonMapper mapper)
    {
        mapper.Entity<Project>().Id(p => p.Id, autoId: true);
        RegisterSplit(mapper);
        var sample = new Project
        {
            Approved = new FundingSplit(1, 2, 3, 4), PlannedEnd = new DateOnly(2026, 1, 1), FacilityIds = [1],
            History = [new ProjectMove { From = ProjectStatus.Approved, Date = new DateOnly(2026, 1, 1) }],
            Disbursements = [new Disbursement()],
        };
        _ = mapper.ToObject<Project>(mapper.ToDocument(sample));
    }

    /// <summary>A split as the sub-document {kcqg, kcdp, counterpart, other} (projects' amounts, records' funding).</summary>
    internal static void RegisterSplit(BsonMapper mapper) =>
        mapper.RegisterType(
            s => ToDocument(s),
            b => b.IsDocument ? new FundingSplit(Long(b["kcqg"]), Long(b["kcdp"]), Long(b["counterpart"]), Long(b["other"])) : FundingSplit.Zero);

    internal static BsonDocument ToDocument(FundingSplit s) =>
        new() { ["kcqg"] = s.Kcqg, ["kcdp"] = s.Kcdp, ["counterpart"] = s.Counterpart, ["other"] = s.Other };

    private static long Long(BsonValue v) => v.IsNumber ? v.AsInt64 : 0;

    public Project? Get(long id) => Col.FindById(id);

    public Project? FindByCode(string code)
    {
        var normalized = ProjectCode.Normalize(code);
        return normalized.Length == 0 ? null : Col.FindOne(BsonExpression.Create(ByCode, normalized));
    }

    public long Add(Project project)
    {
        if (project.NormalizedCode.Length == 0)
        {
            project.NormalizedCode = ProjectCode.Normalize(project.Code);
        }
        try
        {
            _store.InTransaction(() =>
            {
                Col.Insert(project);
                Publish(project);
                return 0;
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateProjectCodeException(project.Code);
        }
        return project.Id;
    }

    public void Update(Project project)
    {
        project.NormalizedCode = ProjectCode.Normalize(project.Code);
        try
        {
            if (!_store.InTransaction(() => Col.Update(project) && Publish(project)))
            {
                throw new InvalidOperationException($"Project {project.Id} does not exist.");
            }
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateProjectCodeException(project.Code);
        }
    }

    public bool Delete(long id) => _store.InTransaction(() =>
    {
        var deleted = Col.Delete(id);
        if (deleted)
        {
            _store.AfterCommit(() => _committed.Remove(id));
        }
        return deleted;
    });

    /// <summary>
    /// The projects a filter covers, copies of the committed ones held in memory (<see cref="CommittedProjects"/>); inside a
    /// transaction, read from the file, which shows the transaction's own writes.
    /// </summary>
    public IReadOnlyList<Project> Find(ProjectFilter filter) =>
        _store.InTransactionNow ? FindInFile(filter) : Committed(filter, copy: true);

    /// <inheritdoc />
    public IReadOnlyList<Project> Read(ProjectFilter filter) =>
        _store.InTransactionNow ? FindInFile(filter) : Committed(filter, copy: false);

    /// <inheritdoc />
    public IReadOnlyList<ProjectGroup> Groups(IReadOnlySet<string>? provinceIds)
    {
        if (_store.InTransactionNow)
        {
            return FindInFile(new ProjectFilter(provinceIds)).GroupBy(p => p.ProvinceId, StringComparer.Ordinal)
                .Select(g => new ProjectGroup(g.Key, g.ToArray())).ToList();
        }
        var groups = _committed.Groups(() => Col.FindAll());
        if (provinceIds is null)
        {
            return groups.Values.ToList();
        }
        var found = new List<ProjectGroup>();
        foreach (var unit in provinceIds)
        {
            if (groups.TryGetValue(unit, out var group))
            {
                found.Add(group);
            }
        }
        return found;
    }

    private List<Project> Committed(ProjectFilter filter, bool copy)
    {
        var found = new List<Project>();
        foreach (var p in _committed.All(() => Col.FindAll()))
        {
            if (filter.Matches(p))
            {
                found.Add(copy ? p.Clone() : p);
            }
        }
        return found;
    }

    /// <summary>Once the transaction commits, a copy of what was written is what readers see; a rollback publishes nothing.</summary>
    private bool Publish(Project project)
    {
        var written = project.Clone();
        _store.AfterCommit(() => _committed.Put(written));
        return true;
    }

    private List<Project> FindInFile(ProjectFilter filter)
    {
        var found = filter.ProvinceIds is null
            ? Col.FindAll()
            : Col.Find(BsonExpression.Create(InUnits, new BsonArray(filter.ProvinceIds.Select(p => new BsonValue(p)))));
        return found.Where(filter.Matches).OrderBy(p => p.Id).ToList();
    }

    public IReadOnlyList<Project> ForFacility(long facilityId) =>
        Col.Find(BsonExpression.Create(ListsFacility, facilityId)).OrderBy(p => p.Id).ToList();

    public int Count() => Col.Count();
}
