using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Tests.Records;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The reporting seeds read once from the real seeds/ folder, and a project world on a real LiteDB store.</summary>
internal static class ReportingTestKit
{
    private static readonly Lazy<CommuneCatalogue> CommunesLazy = new(() => CommuneCatalogue.Load(RecordsTestKit.SeedsPath, RecordsTestKit.Catalogue));
    private static readonly Lazy<BeneficiaryCatalogue> BeneficiariesLazy = new(() => BeneficiaryCatalogue.Load(RecordsTestKit.SeedsPath));
    private static readonly Lazy<AwardLevels> AwardsLazy = new(() => AwardLevels.Load(RecordsTestKit.SeedsPath));
    private static readonly Lazy<ProjectVocabulary> VocabularyLazy = new(() => ProjectVocabulary.Load(RecordsTestKit.SeedsPath));

    public static CommuneCatalogue Communes => CommunesLazy.Value;
    public static BeneficiaryCatalogue Beneficiaries => BeneficiariesLazy.Value;
    public static AwardLevels Awards => AwardsLazy.Value;
    public static ProjectVocabulary Vocabulary => VocabularyLazy.Value;
    public static CatalogueIndex Catalogue => RecordsTestKit.Catalogue;

    /// <summary>A copy of the seeds folder to break one file in (the copy is deleted with the returned handle).</summary>
    public static TempSeeds CopySeeds() => new();

    public sealed class TempSeeds : IDisposable
    {
        public TempSeeds()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kcb-seeds-" + Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.GetFiles(RecordsTestKit.SeedsPath, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(RecordsTestKit.SeedsPath, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public string Path { get; }

        public string Catalogue(string file) => System.IO.Path.Combine(Path, "catalogue", file);

        public void Edit(string file, Func<string, string> change)
        {
            var path = Catalogue(file);
            var before = File.ReadAllText(path);
            var after = change(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(path, after);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>A store, a clock at 26/11/2026 09:00 Vietnam time, people and the project lifecycle over them.</summary>
internal sealed class ProjectWorld : IDisposable
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public ProjectWorld(string path = ":memory:")
    {
        Store = new LiteDbStore(path);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        Clock = new BotClock(Time, BotClock.FindZone("Asia/Ho_Chi_Minh"));
        Access = new AccessPolicy(ReportingTestKit.Catalogue, Store, new GroupRoster(Store), KhuyenCongBot.Tests.Support.TestTexts.Seeds);
        Lifecycle = new ProjectLifecycle(Store, Clock, ReportingTestKit.Catalogue, Access, ReportingTestKit.Vocabulary, KhuyenCongBot.Tests.Support.TestTexts.Seeds);
        Queries = new ProjectQueries(Store, ReportingTestKit.Catalogue);
        Admin = AddUser("Quản trị", Role.Admin, ScopeKind.All, null);
        PhuTho = AddUser("Cán bộ Phú Thọ", Role.Officer, ScopeKind.Province, "phu-tho");
        BacNinh = AddUser("Cán bộ Bắc Ninh", Role.Officer, ScopeKind.Province, "bac-ninh");
        Manager = AddUser("Lãnh đạo", Role.Manager, ScopeKind.All, null);
    }

    public LiteDbStore Store { get; }
    public FakeTimeProvider Time { get; }
    public BotClock Clock { get; }
    public AccessPolicy Access { get; }
    public ProjectLifecycle Lifecycle { get; }
    public ProjectQueries Queries { get; }
    public BotUser Admin { get; }
    public BotUser PhuTho { get; }
    public BotUser BacNinh { get; }
    public BotUser Manager { get; }

    private BotUser AddUser(string name, Role role, ScopeKind scope, string? scopeId)
    {
        var user = new BotUser { DisplayName = name, Role = role, ScopeKind = scope, ScopeId = scopeId, Identities = ["test:" + name] };
        Store.Users.Add(user);
        return user;
    }

    /// <summary>A valid draft: a national group training project of Phú Thọ, approved 10/3/2026, planned 1/4–30/9/2026.</summary>
    public static Project Draft(string code = "KC-2026-07", string province = "phu-tho") => new()
    {
        Code = code,
        Name = "Đào tạo nghề gốm cho lao động nông thôn",
        DecisionNumber = "123/QĐ-BCT",
        DecisionDate = new DateOnly(2026, 3, 10),
        Programme = ProjectProgramme.National,
        Type = ProjectType.Group,
        ProvinceId = province,
        ActivityId = "training",
        PlannedStart = new DateOnly(2026, 4, 1),
        PlannedEnd = new DateOnly(2026, 9, 30),
        Approved = new Core.Funding.FundingSplit(300_000_000, 100_000_000, 150_000_000, 0),
    };

    public Project Register(Project draft, BotUser? user = null)
    {
        var result = Lifecycle.Register(user ?? PhuTho, draft);
        Assert.True(result.Ok, result.Vi);
        return result.Project!;
    }

    public void Dispose() => Store.Dispose();
}
