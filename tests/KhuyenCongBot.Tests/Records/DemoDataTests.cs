using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Records;

/// <summary>The demo files reproduce the figures of the 2024 Northern-region conference article.</summary>
public sealed class DemoDataTests(DemoStoreFixture demo) : IClassFixture<DemoStoreFixture>
{
    private static readonly DateOnly H1From = new(2024, 1, 1), H1To = new(2024, 6, 30);

    private IReadOnlySet<string> NorthUnits =>
        RecordsTestKit.Catalogue.Region("bac")!.Members.SelectMany(RecordsTestKit.Catalogue.UnitsOf).ToHashSet();

    private IEnumerable<SupportRecord> In(string activity, DateOnly from, DateOnly to) =>
        demo.Records.Where(r => r.ActivityId == activity && r.Date >= from && r.Date <= to && NorthUnits.Contains(r.ProvinceId));

    [Fact]
    public void Demo_files_import_without_errors()
    {
        Assert.True(demo.RecordsResult.Ok, demo.RecordsResult.Describe());
        Assert.True(demo.PlansResult.Ok, demo.PlansResult.Describe());
        Assert.InRange(demo.RecordsResult.Imported, 2000, 9000);
        Assert.Equal(demo.RecordsResult.Imported, demo.Records.Count);
        Assert.Equal(18 * 8 * 4, demo.PlansResult.Imported);
    }

    [Fact]
    public void First_half_of_2024_matches_the_article()
    {
        var machinery = In("machinery", H1From, H1To).ToList();
        Assert.Equal(57, machinery.Select(r => r.FacilityId).Distinct().Count());
        Assert.True(machinery.Count > 57, "some facilities are supported twice, to exercise distinct counting");
        Assert.Equal(11, In("cleaner_production", H1From, H1To).Select(r => r.FacilityId).Distinct().Count());
        var fairs = In("trade_fair", H1From, H1To).ToList();
        Assert.Equal(701, fairs.Sum(r => r.Booths));
        Assert.Equal(296, fairs.Count);
        Assert.Equal(245, In("product_award", H1From, H1To).Count());
        Assert.Equal(5, In("trademark", H1From, H1To).Select(r => r.FacilityId).Distinct().Count());
        var consulting = In("consulting", H1From, H1To).ToList();
        Assert.Equal(62, consulting.Count);
        Assert.Equal("4,87 tỷ đồng", VnFormat.Money(consulting.Sum(r => r.RevenueVnd)));
        Assert.Equal(4_870_000_000, consulting.Sum(r => r.RevenueVnd));
        Assert.All(demo.Records.Where(r => r.Date >= H1From && r.Date <= H1To), r => Assert.Equal(RecordStatus.Estimate, r.Status));
    }

    [Fact]
    public void Consulting_revenue_ratios_to_plan_and_same_period_match_the_article()
    {
        var revenue2024 = In("consulting", H1From, H1To).Sum(r => r.RevenueVnd);
        var revenue2023 = In("consulting", new DateOnly(2023, 1, 1), new DateOnly(2023, 6, 30)).Sum(r => r.RevenueVnd);
        var plan2024 = demo.Store.Plans.ForYear(2024).Where(p => p.Metric == "consulting.revenue_vnd").Sum(p => p.Target);
        Assert.Equal(3_168_500_000, revenue2023);
        Assert.Equal(9_920_000_000m, plan2024);
        Assert.Equal("49,1%", VnFormat.Percent(revenue2024 / plan2024));
        Assert.Equal("153,7%", VnFormat.Percent((decimal)revenue2024 / revenue2023));
    }

    [Fact]
    public void Former_names_before_the_merger_and_current_names_after()
    {
        var catalogue = RecordsTestKit.Catalogue;
        var merger = new DateOnly(2025, 7, 1);
        Assert.All(demo.Records.Where(r => r.Date >= merger), r => Assert.True(catalogue.Province(r.ProvinceId)!.IsCurrent, r.ProvinceId));
        var before = demo.Records.Where(r => r.Date < merger).Select(r => r.ProvinceId).ToHashSet();
        Assert.Contains("vinh-phuc", before);
        Assert.Contains("bac-giang", before);
        Assert.Contains("ha-giang", before);
        Assert.Contains("nam-dinh", before);
        Assert.Contains("hai-duong", before);
        Assert.Equal(18, demo.Records.Select(r => catalogue.CurrentOf(r.ProvinceId)!.Id).Distinct().Count());
        Assert.Equal(12, demo.Records.Select(r => r.ActivityId).Distinct().Count());
        Assert.True(demo.Records.Max(r => r.Date) <= new DateOnly(2026, 11, 25));
        Assert.All(demo.Records.Where(r => r.Date.Year == 2026 && r.Date.Month == 11), r => Assert.Equal(RecordStatus.Estimate, r.Status));
        Assert.All(demo.Records.Where(r => r.Date > H1To && r.Date < new DateOnly(2026, 11, 1)), r => Assert.Equal(RecordStatus.Actual, r.Status));
    }

    [Fact]
    public void A_Vinh_Phuc_facility_of_2024_is_the_same_facility_under_Phu_Tho_in_2026()
    {
        var anchor = demo.Records.Where(r => r.FacilityName == "HTX gốm Hương Canh").ToList();
        Assert.Contains(anchor, r => r.Date.Year == 2024 && r.ProvinceId == "vinh-phuc");
        Assert.Contains(anchor, r => r.Date.Year == 2026 && r.ProvinceId == "phu-tho");
        var id = Assert.Single(anchor.Select(r => r.FacilityId).Distinct());
        Assert.Equal("phu-tho", demo.Store.Facilities.Get(id!.Value)!.ProvinceId);
        // Counting distinct facilities over 2024-2026 for Phú Thọ counts it once.
        var phuTho = RecordsTestKit.Catalogue.UnitsOf("phu-tho").ToHashSet();
        var facilities = demo.Records.Where(r => phuTho.Contains(r.ProvinceId) && r.FacilityId == id).Select(r => r.FacilityId).Distinct();
        Assert.Single(facilities);
        // And many facilities cross the merger this way, not just the anchor.
        var crossing = demo.Records.Where(r => r.ProvinceId == "vinh-phuc").Select(r => r.FacilityId)
            .Intersect(demo.Records.Where(r => r.ProvinceId == "phu-tho" && r.Date.Year == 2026).Select(r => r.FacilityId));
        Assert.True(crossing.Count() > 5);
    }

    [Fact]
    public void Plans_are_for_current_units_and_mostly_above_the_half_year_achievement()
    {
        var catalogue = RecordsTestKit.Catalogue;
        var plans = demo.Store.Plans.All().ToList();
        Assert.All(plans, p => Assert.True(catalogue.Province(p.ProvinceId)!.IsCurrent));
        Assert.Equal([2023, 2024, 2025, 2026], plans.Select(p => p.Year).Distinct().Order());
        var revenuePlans = plans.Where(p => p.Year == 2024 && p.Metric == "consulting.revenue_vnd").ToList();
        var above = revenuePlans.Count(p =>
        {
            var units = catalogue.UnitsOf(p.ProvinceId).ToHashSet();
            return p.Target > In("consulting", H1From, H1To).Where(r => units.Contains(r.ProvinceId)).Sum(r => r.RevenueVnd);
        });
        Assert.Equal(18, above);
    }

    [Fact]
    public void Export_then_import_into_a_fresh_store_gives_identical_figures_with_projects_sources_beneficiaries_and_communes()
    {
        var csv = Export(demo.Importer);
        using var fresh = ImportWithProjects(csv);
        Assert.Equal(Figures(demo.Records, demo.Store), Figures(fresh.Records.All().ToList(), fresh));
        Assert.Equal(demo.Store.Facilities.All().Count(), fresh.Facilities.All().Count());
        Assert.Equal(Facilities(demo.Store), Facilities(fresh));
        Assert.Equal(demo.Records.Count(r => r.ProjectCode is not null), fresh.Records.All().Count(r => r.ProjectCode is not null));

        // Commune codes (the demo's communes are pre-2025 names, so none has one): three facilities with an official code, one
        // confirmed as not in the list, then exported and imported again.
        var communes = Core.Catalogue.CommuneCatalogue.Load(RecordsTestKit.SeedsPath, RecordsTestKit.Catalogue);
        var rows = CsvText.Read(new StringReader(csv)).ToList();
        int province = rows[0].Fields.ToList().IndexOf("province"), facility = rows[0].Fields.ToList().IndexOf("facility"),
            code = rows[0].Fields.ToList().IndexOf("commune_code");
        Assert.True(code > 0);
        var chosen = rows.Skip(1).Where(r => r[province] == "Phú Thọ" && r[facility].Length > 0).Select(r => r[facility]).Distinct().Take(4).ToList();
        var codes = communes.InProvince("phu-tho").Take(3).Select(c => c.Code).Append(RecordLayout.CommuneNotInList).ToList();
        var changed = new StringWriter();
        foreach (var row in rows)
        {
            var fields = row.Fields.ToArray();
            if (chosen.IndexOf(row[facility]) is >= 0 and var i && row.Line > 1)
            {
                fields[code] = codes[i];
            }
            CsvText.WriteRow(changed, fields);
        }
        using var withCodes = ImportWithProjects(changed.ToString());
        Assert.Equal(3, withCodes.Facilities.All().Count(f => f.CommuneCode is not null));
        Assert.Single(withCodes.Facilities.All(), f => f.CommuneNotInList);
        using var again = ImportWithProjects(Export(new CsvRecordImporter(withCodes, RecordsTestKit.Catalogue, RecordsTestKit.Clock())));
        Assert.Equal(Facilities(withCodes), Facilities(again));
        Assert.Equal(Figures(withCodes.Records.All().ToList(), withCodes), Figures(again.Records.All().ToList(), again));
    }

    private static string Export(CsvRecordImporter importer)
    {
        var csv = new StringWriter();
        importer.ExportRecords(csv);
        return csv.ToString();
    }

    /// <summary>A new database with the demo projects registered (the records name them; the records export does not carry projects), and the file imported.</summary>
    private static Storage.LiteDbStore ImportWithProjects(string csv)
    {
        var (fresh, importer) = RecordsTestKit.NewStore();
        Core.Projects.DemoProjects.AddBeforeRecords(RecordsTestKit.SeedsPath, fresh, RecordsTestKit.Catalogue, RecordsTestKit.Clock().Now);
        var result = importer.ImportRecords(new StringReader(csv), 1);
        Assert.True(result.Ok, result.Describe());
        return fresh;
    }

    private static List<string> Figures(List<SupportRecord> records, Core.Storage.IBotStore store)
    {
        var identity = store.Facilities.All().ToDictionary(f => f.Id, f => f.ProvinceId + "/" + f.NormalizedName);
        return records.GroupBy(r => (r.ActivityId, r.ProvinceId, r.Date.Year, r.Date.Month, r.Status))
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => string.Join("|", g.Key, g.Count(), g.Sum(r => r.Booths), g.Sum(r => r.RevenueVnd), g.Sum(r => r.FundingVnd),
                g.Where(r => r.FacilityId is not null).Select(r => identity[r.FacilityId!.Value]).Distinct().Count(),
                Sources(g),
                string.Join(",", g.Select(r => $"{r.Date}{r.FundingSource}{r.Commune}{r.Note}{r.FacilityName}{r.ProjectCode}").Order(StringComparer.Ordinal))))
            .ToList();
    }

    /// <summary>The money by source (KCQG, KCĐP, counterpart, other) of a group of records.</summary>
    private static string Sources(IEnumerable<SupportRecord> records)
    {
        var t = Core.Funding.FundingTotals.Sum(records.Select(RecordFunding.SplitOf).OfType<Core.Funding.FundingSplit>());
        return $"{t.Kcqg}/{t.Kcdp}/{t.Counterpart}/{t.Other}";
    }

    /// <summary>Each facility's beneficiary fields and commune code, by its identity.</summary>
    private static List<string> Facilities(Core.Storage.IBotStore store) =>
        store.Facilities.All().Select(f => string.Join("|", f.ProvinceId, f.NormalizedName, f.Commune, f.LegalForm, f.TaxId,
                f.PriorityGroups is null ? "-" : string.Join(";", f.PriorityGroups), f.CommuneCode, f.CommuneNotInList))
            .Order(StringComparer.Ordinal).ToList();
}
