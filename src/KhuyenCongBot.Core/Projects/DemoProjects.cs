using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>Loads seeds/demo/projects.json (demo projects on demo facilities) into the store, once; a bad entry names the file.</summary>
public static class DemoProjects
{
    public const string FileName = "projects.json";
    public const string LoadedKey = "demo-projects-loaded";

    /// <summary>Adds the demo projects unless they were loaded before (the meta key), so an older demo database gets them too.</summary>
    public static int LoadOnce(string seedsPath, IBotStore store, CatalogueIndex catalogue, DateTimeOffset now)
    {
        if (store.Meta.Get(LoadedKey) is not null)
        {
            return 0;
        }
        var path = Path.Combine(seedsPath, "demo", FileName);
        if (!File.Exists(path))
        {
            return 0;
        }
        var projects = Read(path, store, catalogue, now);
        foreach (var p in projects)
        {
            if (store.Projects.FindByCode(p.Code) is null)
            {
                store.Projects.Add(p);
            }
        }
        store.Meta.Set(LoadedKey, "1");
        return projects.Count;
    }

    /// <summary>The projects of the file, with their history and disbursements, checked.</summary>
    public static List<Project> Read(string path, IBotStore store, CatalogueIndex catalogue, DateTimeOffset now)
    {
        var file = SeedFiles.Read<DemoFile>(path);
        var result = new List<Project>();
        foreach (var e in file.Projects ?? [])
        {
            string Where(string problem) => $"đề án {e.Code}: {problem}";
            var province = catalogue.FindProvince(e.Province ?? "") ?? throw new SeedException(path, Where($"không có tỉnh \"{e.Province}\""));
            if (catalogue.Activity(e.Activity ?? "") is null)
            {
                throw new SeedException(path, Where($"không có hoạt động \"{e.Activity}\""));
            }
            var facilities = new List<long>();
            foreach (var name in e.Facilities ?? [])
            {
                var found = catalogue.UnitsOf(province.Id).Select(u => store.Facilities.FindByName(u, VnText.FoldWords(name))).FirstOrDefault(f => f is not null)
                    ?? throw new SeedException(path, Where($"không có cơ sở \"{name}\" ở {province.ShortName}"));
                facilities.Add(found.Id);
            }
            var p = new Project
            {
                Code = e.Code ?? "",
                NormalizedCode = ProjectCode.Normalize(e.Code),
                Name = e.Name ?? "",
                DecisionNumber = e.DecisionNumber ?? "",
                DecisionDate = Date(path, e.DecisionDate),
                Programme = e.Programme == "local" ? ProjectProgramme.Local : ProjectProgramme.National,
                Type = e.Type switch { "group" => ProjectType.Group, "local" => ProjectType.Local, _ => ProjectType.Single },
                ProvinceId = province.Id,
                ActivityId = e.Activity!,
                PlannedEnd = e.PlannedEnd is null ? null : Date(path, e.PlannedEnd),
                Approved = new FundingSplit(e.Kcqg, e.Kcdp, e.Counterpart),
                FacilityIds = facilities,
                CreatedAt = now,
            };
            p.History.Add(new ProjectMove { To = ProjectStatus.Approved, Date = p.DecisionDate, At = now });
            var previous = p.DecisionDate;
            foreach (var step in e.Steps ?? [])
            {
                var status = step.Status switch
                {
                    "in_progress" => ProjectStatus.InProgress,
                    "accepted" => ProjectStatus.Accepted,
                    "settled" => ProjectStatus.Settled,
                    _ => throw new SeedException(path, Where($"không biết bước \"{step.Status}\"")),
                };
                var date = Date(path, step.Date);
                if (status != p.Status + 1 || date < previous)
                {
                    throw new SeedException(path, Where($"bước {step.Status} sai thứ tự hoặc ngày"));
                }
                p.History.Add(new ProjectMove { From = p.Status, To = status, Date = date, At = now });
                p.SetDate(status, date);
                p.Status = status;
                previous = date;
            }
            foreach (var d in e.Disbursed ?? [])
            {
                p.Disbursements.Add(new Disbursement { AmountVnd = d.Amount, AsOf = Date(path, d.AsOf), At = now });
            }
            p.DisbursedVnd = p.DisbursedOn(DateOnly.MaxValue);
            result.Add(p);
        }
        return result;
    }

    private static DateOnly Date(string path, string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new SeedException(path, $"ngày \"{text}\" không đúng dạng yyyy-MM-dd");

    private sealed class DemoFile
    {
        public List<DemoProject>? Projects { get; set; }
    }

    private sealed class DemoProject
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? DecisionNumber { get; set; }
        public string? DecisionDate { get; set; }
        public string? Programme { get; set; }
        public string? Type { get; set; }
        public string? Province { get; set; }
        public string? Activity { get; set; }
        public string? PlannedEnd { get; set; }
        public long Kcqg { get; set; }
        public long Kcdp { get; set; }
        public long Counterpart { get; set; }
        public List<string>? Facilities { get; set; }
        public List<DemoStep>? Steps { get; set; }
        public List<DemoDisbursement>? Disbursed { get; set; }
    }

    private sealed class DemoStep
    {
        public string? Status { get; set; }
        public string? Date { get; set; }
    }

    private sealed class DemoDisbursement
    {
        public long Amount { get; set; }
        public string? AsOf { get; set; }
    }
}
