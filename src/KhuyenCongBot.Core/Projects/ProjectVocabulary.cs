using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>The names and typed words of project steps, programmes and types (seeds/catalogue/projects.json), read and checked at start.</summary>
public sealed class ProjectVocabulary
{
    public const string FileName = "projects.json";

    private static readonly string[] StatusIds = ["approved", "in_progress", "accepted", "settled"];
    private static readonly string[] ProgrammeIds = ["national", "local"];
    private static readonly string[] TypeIds = ["single", "group", "local"];

    private readonly List<CatalogueTerm> _statuses;
    private readonly List<CatalogueTerm> _programmes;
    private readonly List<CatalogueTerm> _types;

    public ProjectVocabulary(IEnumerable<CatalogueTerm> statuses, IEnumerable<CatalogueTerm> programmes, IEnumerable<CatalogueTerm> types,
        IEnumerable<string> projectWords, IEnumerable<string> notAMove)
    {
        _statuses = StatusIds.Select(id => statuses.First(s => s.Id == id)).ToList();
        _programmes = ProgrammeIds.Select(id => programmes.First(s => s.Id == id)).ToList();
        _types = TypeIds.Select(id => types.First(s => s.Id == id)).ToList();
        Statuses = new TermMatcher<CatalogueTerm>(_statuses);
        Programmes = new TermMatcher<CatalogueTerm>(_programmes);
        Types = new TermMatcher<CatalogueTerm>(_types);
        ProjectWords = projectWords.Select(VnText.FoldWords).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
        NotAMove = notAMove.Select(VnText.FoldWords).Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToList();
    }

    /// <summary>The phrases of the managers' questions about projects (seeds/catalogue/projects.json, "questions"), folded, longest first.</summary>
    public ProjectQuestionWords Questions { get; private set; } = ProjectQuestionWords.Empty;

    internal TermMatcher<CatalogueTerm> Statuses { get; }
    internal TermMatcher<CatalogueTerm> Programmes { get; }
    internal TermMatcher<CatalogueTerm> Types { get; }

    /// <summary>Folded words that introduce a project ("de an"), longest first.</summary>
    internal IReadOnlyList<string> ProjectWords { get; }

    /// <summary>Folded words that make a sentence a question or a negation rather than a move ("chua", "khi nao"), longest first.</summary>
    internal IReadOnlyList<string> NotAMove { get; }

    public string Name(ProjectStatus status, bool english = false) => _statuses[(int)status].Label(english);

    public string Name(ProjectProgramme programme, bool english = false) => _programmes[(int)programme].Label(english);

    public string Name(ProjectType type, bool english = false) => _types[(int)type].Label(english);

    public static ProjectStatus? StatusOf(CatalogueTerm? term) => term is null ? null : (ProjectStatus)Array.IndexOf(StatusIds, term.Id);

    /// <summary>A step named by a typed answer ("nghiem thu", "đang thực hiện"); null when none or several.</summary>
    public ProjectStatus? FindStatus(string? text) => StatusOf(Statuses.Exact(text) ?? Single(Statuses.FindAll(text)));

    public ProjectProgramme? FindProgramme(string? text) =>
        (Programmes.Exact(text) ?? Single(Programmes.FindAll(text))) is { } t ? (ProjectProgramme)Array.IndexOf(ProgrammeIds, t.Id) : null;

    public ProjectType? FindType(string? text) =>
        (Types.Exact(text) ?? Single(Types.FindAll(text))) is { } t ? (ProjectType)Array.IndexOf(TypeIds, t.Id) : null;

    private static CatalogueTerm? Single(IReadOnlyList<CatalogueTerm> found) => found.Count == 1 ? found[0] : null;

    /// <summary>Reads and checks seeds/catalogue/projects.json; throws <see cref="SeedException"/> naming the file.</summary>
    public static ProjectVocabulary Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, "catalogue", FileName);
        var file = SeedFiles.Read<ProjectsFile>(path);
        BeneficiaryCatalogue.CheckTerms(path, "statuses", file.Statuses ?? [], StatusIds);
        BeneficiaryCatalogue.CheckTerms(path, "programmes", file.Programmes ?? [], ProgrammeIds);
        BeneficiaryCatalogue.CheckTerms(path, "types", file.Types ?? [], TypeIds);
        if (file.ProjectWords is not { Count: > 0 })
        {
            throw new SeedException(path, "thiếu projectWords (cách gọi \"đề án\")");
        }
        var vocabulary = new ProjectVocabulary(file.Statuses!, file.Programmes!, file.Types!, file.ProjectWords, file.NotAMove ?? [])
        {
            Questions = ProjectQuestionWords.From(path, file.Questions),
        };
        var clash = vocabulary.NotAMove.FirstOrDefault(w => vocabulary.Statuses.FindAll(w).Count > 0);
        if (clash is not null)
        {
            throw new SeedException(path, $"notAMove: \"{clash}\" chứa tên một bước của đề án");
        }
        return vocabulary;
    }

    private sealed class ProjectsFile
    {
        public List<CatalogueTerm>? Statuses { get; set; }
        public List<CatalogueTerm>? Programmes { get; set; }
        public List<CatalogueTerm>? Types { get; set; }
        public List<string>? ProjectWords { get; set; }
        public List<string>? NotAMove { get; set; }
        public Dictionary<string, List<string>>? Questions { get; set; }
    }
}
