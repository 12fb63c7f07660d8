using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// The demo projects link demo records (records.csv, project_code) and their amounts agree with them; the article's half-year has
/// none; "/dean CODE" shows the records; an older demo database gets its links at its next start.
/// </summary>
public sealed class DemoProjectTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private List<Project> Projects => demo.Store.Projects.Find(ProjectFilter.Everything).ToList();

    private List<SupportRecord> Linked(Project p) => demo.Records.Where(r => r.ProjectCode == p.Code).ToList();

    [Fact]
    public void Projects_link_records_of_their_province_and_activity_with_amounts_that_cover_them()
    {
        var catalogue = RecordsTestKit.Catalogue;
        var projects = Projects;
        Assert.True(projects.Count >= 20, $"{projects.Count} projects");
        var withRecords = projects.Where(p => Linked(p).Count > 0).ToList();
        Assert.True(withRecords.Count >= projects.Count - 1, "every project but the one only approved has records");
        Assert.All(demo.Records.Where(r => r.ProjectCode is not null), r => Assert.NotNull(demo.Store.Projects.FindByCode(r.ProjectCode!)));
        foreach (var p in withRecords)
        {
            var linked = Linked(p);
            var units = catalogue.UnitsOf(catalogue.CurrentOf(p.ProvinceId)!.Id).ToHashSet();
            Assert.All(linked, r =>
            {
                Assert.Equal(p.ActivityId, r.ActivityId);
                Assert.Contains(r.ProvinceId, units);
                Assert.True(r.Date >= p.DecisionDate, $"{p.Code}: record of {r.Date} before the decision of {p.DecisionDate}");
            });
            var money = FundingTotals.Sum(linked.Select(RecordFunding.SplitOf).OfType<FundingSplit>());
            Assert.True(p.Approved.Kcqg >= money.Kcqg && p.Approved.Kcdp >= money.Kcdp && p.Approved.Counterpart >= money.Counterpart
                && p.Approved.Other >= money.Other, $"{p.Code}: approved {p.Approved} below its records {money.Kcqg}/{money.Kcdp}/{money.Counterpart}");
            Assert.True(p.DisbursedVnd <= money.Support, $"{p.Code}: disbursed {p.DisbursedVnd} above what its records carry ({money.Support})");
            if (p.Status == ProjectStatus.Settled)
            {
                Assert.Equal((long)money.Support, p.DisbursedVnd);
            }
            if (p.Programme == ProjectProgramme.Local)
            {
                Assert.Equal(0m, money.Kcqg);
            }
            // The project's facilities are those of its records.
            Assert.Equal(linked.Select(r => r.FacilityId!.Value).Distinct().Order(), p.FacilityIds.Order());
        }
        // Both kinds of group project: one fair delegation and one training course supporting several facilities.
        Assert.Contains(withRecords, p => p.ActivityId == "trade_fair" && p.FacilityIds.Count >= 3);
        Assert.Contains(withRecords, p => p.ActivityId == "training" && p.FacilityIds.Count >= 3);
        Assert.Contains(withRecords, p => p.Type == ProjectType.Single && p.FacilityIds.Count == 1);
    }

    [Fact]
    public void No_project_runs_in_the_articles_half_year_so_its_figures_and_paragraph_stay_as_they_were()
    {
        Assert.All(Projects, p => Assert.True(p.DecisionDate >= new DateOnly(2024, 7, 1), p.Code));
        Assert.DoesNotContain(demo.Records, r => r.ProjectCode is not null && r.Date < new DateOnly(2024, 7, 1));
    }

    [Fact]
    public async Task Dean_code_shows_the_linked_records_and_the_facilities_of_a_group_project()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("admin", Role.Admin);
        var group = bot.Store.Projects.FindByCode("KC-2026-07")!;
        var linked = bot.Store.Records.ByProject(group.Code);
        Assert.True(linked.Count >= 3);
        var answer = await bot.Say("/dean KC-2026-07");
        var support = linked.Select(RecordFunding.SplitOf).OfType<FundingSplit>().Sum(s => s.Support);
        Assert.Contains($"Bản ghi hỗ trợ thuộc đề án: {VnFormat.Number(linked.Count)}; kinh phí đã ghi:", answer);
        Assert.Contains($"khuyến công {VnFormat.MoneyFull(support)}, bằng {VnFormat.Percent((decimal)support / group.Approved.Support)} kinh phí khuyến công được duyệt", answer);
        Assert.Contains($"Cơ sở ({VnFormat.Number(linked.Select(r => r.FacilityId).Distinct().Count())}):", answer);
        foreach (var r in linked.Take(5))
        {
            Assert.Contains(r.FacilityName!, answer);
        }
    }

    [Fact]
    public void An_older_demo_database_gets_its_links_and_untouched_projects_the_new_amounts()
    {
        var seeds = RecordsTestKit.SeedsPath;
        var (store, importer) = RecordsTestKit.NewStore();
        using (store)
        {
            // A demo database of the previous version: records without project_code, the first projects ("1"), one moved by a person.
            var csv = File.ReadAllLines(Path.Combine(seeds, "demo", "records.csv"));
            var column = csv[0].Split(',').ToList().IndexOf("project_code");
            Assert.True(column > 0);
            var old = string.Join("\n", CsvText.Read(new StringReader(string.Join("\n", csv)))
                .Select(row => string.Join(",", row.Fields.Where((_, i) => i != column).Select(CsvText.Escape))));
            Assert.True(importer.ImportRecords(new StringReader(old), 0, "demo").Ok);
            Assert.DoesNotContain(store.Records.All(), r => r.ProjectCode is not null);
            var now = RecordsTestKit.Clock().Now;
            var first = DemoProjects.Read(Path.Combine(seeds, "demo", DemoProjects.FileName), store, RecordsTestKit.Catalogue, now);
            var untouched = first.Single(x => x.Project.Code == "KC-2026-07").Project;
            untouched.Approved = new FundingSplit(1_500_000_000, 0, 300_000_000);
            store.Projects.Add(untouched);
            var moved = first.Single(x => x.Project.Code == "KC-2026-04").Project;
            moved.Approved = new FundingSplit(700_000_000, 0);
            moved.UpdatedAt = now;
            store.Projects.Add(moved);
            store.Meta.Set(DemoProjects.LoadedKey, "1");

            DemoProjects.LoadOnce(seeds, store, RecordsTestKit.Catalogue, now);

            Assert.Equal(demo.Records.Count(r => r.ProjectCode is not null), store.Records.All().Count(r => r.ProjectCode is not null));
            Assert.Equal(demo.Store.Projects.Count(), store.Projects.Count());
            Assert.Equal(demo.Store.Projects.FindByCode("KC-2026-07")!.Approved, store.Projects.FindByCode("KC-2026-07")!.Approved);
            Assert.Equal(new FundingSplit(700_000_000, 0), store.Projects.FindByCode("KC-2026-04")!.Approved);
            Assert.Equal(DemoProjects.LinkedVersion, store.Meta.Get(DemoProjects.LoadedKey));
            // Once: a second start changes nothing.
            Assert.Equal(0, DemoProjects.LoadOnce(seeds, store, RecordsTestKit.Catalogue, now));
        }
    }
}
