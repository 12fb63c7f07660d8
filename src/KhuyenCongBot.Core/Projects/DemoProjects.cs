using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// Loads seeds/demo/projects.json (demo projects on demo facilities, generated with the records by seeds/tools/make_demo.py) into
/// the store; a bad entry names the file. The projects go in before the records (records.csv names them in project_code, which the
/// import checks), their facilities once the records have made them (<see cref="LoadOnce"/>).
/// </summary>
public static class DemoProjects
{
    public const string FileName = "projects.json";
    public const string LoadedKey = "demo-projects-loaded";

    /// <summary>The value of <see cref="LoadedKey"/> once the projects are in with their facilities and records linked ("1": the first
    /// demo projects, which linked no record).</summary>
    public const string LinkedVersion = "2";

    /// <summary>Adds the file's projects whose code is not taken, without their facilities (the records import makes those); before
    /// the demo records, so that their project_code cells name known projects.</summary>
    public static int AddBeforeRecords(string seedsPath, IBotStore store, CatalogueIndex catalogue, DateTimeOffset now)
    {
        var path = Path.Combine(seedsPath, "demo", FileName);
        if (!File.Exists(path))
        {
            return 0;
        }
        var added = 0;
        foreach (var (project, _) in Read(path, store, catalogue, now, resolveFacilities: false))
        {
            if (store.Projects.FindByCode(project.Code) is null)
            {
                store.Projects.Add(project);
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// Once per database (the meta key): adds the projects not there yet, gives every demo project its facilities, and links the demo
    /// records of an older demo database (made before records named their project) by the file's project_code cells. A demo project
    /// no one has touched since it was loaded (no move, disbursement or change by a person) is replaced by the file's version.
    /// </summary>
    public static int LoadOnce(string seedsPath, IBotStore store, CatalogueIndex catalogue, DateTimeOffset now)
    {
        if (store.Meta.Get(LoadedKey) == LinkedVersion)
        {
            return 0;
        }
        var path = Path.Combine(seedsPath, "demo", FileName);
        if (!File.Exists(path))
        {
            return 0;
        }
        var projects = Read(path, store, catalogue, now, resolveFacilities: true);
        var changed = 0;
        foreach (var (project, _) in projects)
        {
            var existing = store.Projects.FindByCode(project.Code);
            if (existing is null)
            {
                store.Projects.Add(project);
                changed++;
            }
            else if (Untouched(existing))
            {
                project.Id = existing.Id;
                project.CreatedAt = existing.CreatedAt;
                store.Projects.Update(project);
                changed++;
            }
        }
        DemoRecordLinks.LinkOlderRecords(Path.Combine(seedsPath, "demo", "records.csv"), store);
        store.Meta.Set(LoadedKey, LinkedVersion);
        return changed;
    }

    /// <summary>Loaded from the file and never changed by a person since (every step and disbursement is the loader's, user 0).</summary>
    private static bool Untouched(Project p) =>
        p.CreatedByUserId == 0 && p.UpdatedAt is null && p.History.All(h => h.UserId == 0 && !h.Correction) && p.Disbursements.All(d => d.UserId == 0);

    /// <summary>The projects of the file, with their history and disbursements, checked.</summary>
    /// <remarks>With <paramref name="resolveFacilities"/> false the projects come without their facilities (the names are returned).</remarks>
    public static List<(Project Project, IReadOnlyList<string> Facilities)> Read(string path, IBotStore store, CatalogueIndex catalogue, DateTimeOffset now,
        bool resolveFacilities = true)
    {
        var file = SeedFiles.Read<DemoFile>(path);
        var result = new List<(Project, IReadOnlyList<string>)>();
        foreach (var e in file.Projects ?? [])
        {
            string Where(string problem) => $"đề án {e.Code}: {problem}";
            var province = catalogue.FindProvince(e.Province ?? "") ?? throw new SeedException(path, Where($"không có tỉnh \"{e.Province}\""));
            if (catalogue.Activity(e.Activity ?? "") is null)
            {
                throw new SeedException(path, Where($"không có hoạt động \"{e.Activity}\""));
            }
            var facilities = new List<long>();
            // Facilities belong to the current unit (a project of a former province names the unit it was merged into).
            var current = catalogue.CurrentOf(province.Id) ?? province;
            foreach (var name in resolveFacilities ? e.Facilities ?? [] : [])
            {
                var found = catalogue.UnitsOf(current.Id).Select(u => store.Facilities.FindByName(u, VnText.FoldWords(name))).FirstOrDefault(f => f is not null)
                    ?? throw new SeedException(path, Where($"không có cơ sở \"{name}\" ở {current.ShortName}"));
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
                Approved = new FundingSplit(e.Kcqg, e.Kcdp, e.Counterpart, e.Other),
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
            result.Add((p, e.Facilities ?? []));
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
        public long Other { get; set; }
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
