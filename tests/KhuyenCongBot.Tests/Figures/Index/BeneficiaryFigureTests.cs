using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Tests.Figures.Index;

/// <summary>Figures kept to one legal form or priority group of facilities: the index answers like the plain scan, and follows new facilities.</summary>
public sealed class BeneficiaryFigureTests
{
    private static readonly string[] Filters = ["sme", "cooperative", "cooperative_group", "household_business", "craft_village", "women_owned", "ethnic_minority_owned"];

    /// <summary>249 facilities (ids 1..249, as the fixture's records use) with random legal forms and groups, some never recorded.</summary>
    private static void AddFacilities(FigureFixture f)
    {
        for (var i = 1; i < 250; i++)
        {
            var r = f.Random;
            f.Store.Facilities.Add(new Facility
            {
                Name = $"Cơ sở thử {i}", ProvinceId = f.CurrentIds[r.Next(f.CurrentIds.Length)],
                LegalForm = r.Next(6) == 0 ? null : Filters[r.Next(5)],
                PriorityGroups = r.Next(5) == 0 ? null : Filters[5..].Where(_ => r.Next(3) == 0).ToList(),
            });
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Index_answers_beneficiary_questions_like_the_plain_scan(int seed)
    {
        using var f = new FigureFixture(seed);
        AddFacilities(f);
        f.AddRandom(1500);
        using var index = f.Index();
        var scan = f.Scan();
        var nonZero = 0;
        for (var i = 0; i < 40; i++)
        {
            var filter = Filters[f.Random.Next(Filters.Length)] + (f.Random.Next(3) == 0 ? "+" + Filters[f.Random.Next(5, Filters.Length)] : "");
            var q = f.NewQuery() with { Beneficiary = filter };
            var expected = scan.Total(q);
            Assert.Equal(expected, index.Total(q));
            nonZero += expected.Value > 0 ? 1 : 0;
            foreach (var by in Enum.GetValues<BreakdownBy>())
            {
                Assert.Equal(scan.Breakdown(q, by), index.Breakdown(q, by));
            }
            if (FigureRules.IsAdditive(q.Measure))
            {
                Assert.Equal(scan.TopFacilities(q, 5), index.TopFacilities(q, 5));
            }
        }
        Assert.True(nonZero > 5, $"only {nonZero} questions had a figure");
    }

    [Fact]
    public void The_filter_keeps_exactly_the_facilities_of_the_group_counted_by_linq()
    {
        using var f = new FigureFixture(23);
        AddFacilities(f);
        f.AddRandom(1500);
        using var index = f.Index();
        var facilities = f.Store.Facilities.All().ToDictionary(x => x.Id);
        var records = f.Store.Records.All().Where(r => r.Date.Year == 2025).ToList();
        foreach (var id in Filters)
        {
            var q = new FigureQuery(null, Measures.Facilities, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Beneficiary: id);
            var expected = records.Where(r => r.FacilityId is { } fid && facilities.TryGetValue(fid, out var x)
                    && (x.LegalForm == id || x.PriorityGroups?.Contains(id) == true))
                .Select(r => r.FacilityId).Distinct().Count();
            Assert.Equal(expected, index.Total(q).Value);
        }
    }

    [Fact]
    public void A_new_facility_of_the_group_counts_as_soon_as_its_record_is_saved()
    {
        using var f = new FigureFixture(24);
        AddFacilities(f);
        f.AddRandom(300);
        using var index = f.Index();
        var q = new FigureQuery(null, Measures.Facilities, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Beneficiary: "women_owned");
        var before = index.Total(q).Value;
        var id = f.Store.Facilities.Add(new Facility { Name = "HTX mới do phụ nữ làm chủ", ProvinceId = "phu-tho", LegalForm = "cooperative", PriorityGroups = ["women_owned"] });
        f.Store.Records.Add(new SupportRecord { ActivityId = "machinery", Date = new DateOnly(2026, 11, 20), ProvinceId = "phu-tho", FacilityId = id, Source = "test" });
        Assert.Equal(before + 1, index.Total(q).Value);
        Assert.Equal(f.Scan().Total(q), index.Total(q));
    }

    /// <summary>Whole years with a beneficiary filter are answered from the year's kept sets and sums: they must follow an added, changed and deleted record.</summary>
    [Fact]
    public void Whole_year_beneficiary_figures_follow_every_change_like_the_plain_scan()
    {
        using var f = new FigureFixture(25);
        AddFacilities(f);
        f.AddRandom(1200);
        using var index = f.Index();
        var scan = f.Scan();
        var north = f.Catalogue.Regions.Single(r => r.Id == "bac").Members.SelectMany(f.Catalogue.UnitsOf).ToHashSet();
        var questions = (from filter in new[] { "women_owned", "cooperative", "cooperative+women_owned" }
                         from measure in Measures.All
                         from years in new[] { (2025, 2025), (2024, 2026) }
                         from status in new RecordStatus?[] { null, RecordStatus.Estimate }
                         select new FigureQuery(measure == Measures.Booths ? "trade_fair" : null, measure, new DateOnly(years.Item1, 1, 1), new DateOnly(years.Item2, 12, 31),
                             status is null ? null : north, status, Beneficiary: filter)).ToList();
        void AssertSame(string when)
        {
            foreach (var q in questions)
            {
                Assert.True(scan.Total(q) == index.Total(q), $"{when}: {q}");
                foreach (var by in new[] { BreakdownBy.Province, BreakdownBy.RecordedProvince, BreakdownBy.Activity, BreakdownBy.Year })
                {
                    Assert.Equal(scan.Breakdown(q, by), index.Breakdown(q, by));
                }
            }
        }
        AssertSame("built");
        var women = f.Store.Facilities.Add(new Facility { Name = "HTX mới do phụ nữ làm chủ", ProvinceId = "phu-tho", LegalForm = "cooperative", PriorityGroups = ["women_owned"] });
        var added = new SupportRecord
        {
            ActivityId = "trade_fair", Date = new DateOnly(2025, 6, 20), ProvinceId = f.FormerIds[0], FacilityId = women, Booths = 3, FundingVnd = 40_000_000,
            FundingSource = "KCQG", Status = RecordStatus.Estimate, Source = "test",
        };
        added.Id = f.Store.Records.Add(added);
        AssertSame("added");
        var moved = f.Store.Records.All().First(r => r.Date.Year == 2025 && r.FacilityId is not null && r.FacilityId != women);
        moved.FacilityId = women;
        moved.Date = new DateOnly(2026, 2, 3);
        moved.Status = RecordStatus.Actual;
        f.Store.Records.Update(moved);
        AssertSame("changed");
        f.Store.Records.Delete(added.Id);
        AssertSame("deleted");
    }

    /// <summary>
    /// Records saved all day must not make the next filtered question read the registry again nor rebuild the year: the masks and
    /// the kept years take added records in (kept, not kept, new facilities, none, a facility registered after its first record).
    /// </summary>
    [Fact]
    public void Beneficiary_figures_take_added_records_in_without_reading_the_registry_again()
    {
        using var f = new FigureFixture(26);
        AddFacilities(f);
        f.AddRandom(1200);
        // A record of a facility the registry does not have yet.
        f.Store.Records.Add(new SupportRecord { ActivityId = "machinery", Date = new DateOnly(2025, 3, 3), ProvinceId = "phu-tho", FacilityId = 900, FundingVnd = 7_000_000, Source = "test" });
        using var index = f.Index();
        var scan = f.Scan();
        var questions = (from filter in new[] { "women_owned", "cooperative", "household_business+ethnic_minority_owned" }
                         from measure in new[] { Measures.Facilities, Measures.Funding, Measures.Booths }
                         from period in new[] { (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)), (new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 26)) }
                         from activity in new[] { null, "machinery" }
                         select new FigureQuery(activity, measure, period.Item1, period.Item2, Beneficiary: filter)).ToList();
        void AssertSame(string when)
        {
            foreach (var q in questions)
            {
                Assert.True(scan.Total(q) == index.Total(q), $"{when}: {q}");
                foreach (var by in new[] { BreakdownBy.Province, BreakdownBy.RecordedProvince, BreakdownBy.Year, BreakdownBy.Activity })
                {
                    Assert.True(scan.Breakdown(q, by).SequenceEqual(index.Breakdown(q, by)), $"{when}: {q} by {by}");
                }
            }
        }
        AssertSame("built");
        var read = index.Beneficiaries.FacilitiesRead;
        int Numbered() => f.Store.Records.All().Select(r => r.FacilityId).OfType<long>().Distinct().Count();
        var numbered = Numbered();
        var newFacilities = 0;
        for (var i = 0; i < 60; i++)
        {
            var record = f.NewRecord();
            record.Date = new DateOnly(2025 + f.Random.Next(2), 1 + f.Random.Next(11), 1 + f.Random.Next(28));
            record.ProvinceId = f.CurrentIds[f.Random.Next(f.CurrentIds.Length)];
            if (i % 10 == 0)
            {
                record.FacilityId = f.Store.Facilities.Add(new Facility { Name = $"Cơ sở mới {i}", ProvinceId = record.ProvinceId, LegalForm = "cooperative", PriorityGroups = ["women_owned"] });
                newFacilities++;
            }
            f.Store.Records.Add(record);
            if (i % 20 == 19)
            {
                AssertSame($"after {i + 1} added");
            }
        }
        // Each facility with its first record read once (for every filter), none of the others again.
        Assert.Equal(6, newFacilities);
        Assert.Equal(read + Numbered() - numbered, index.Beneficiaries.FacilitiesRead);
        // Facility 900 registered now (its first record was counted as no group's), then a record of it saved: counted with all its records.
        var registered = f.Store.Facilities.Add(new Facility { Id = 900, Name = "HTX đăng ký muộn", ProvinceId = "phu-tho", LegalForm = "cooperative", PriorityGroups = ["women_owned"] });
        Assert.Equal(900, registered);
        f.Store.Records.Add(new SupportRecord { ActivityId = "machinery", Date = new DateOnly(2025, 5, 5), ProvinceId = "phu-tho", FacilityId = 900, FundingVnd = 3_000_000, Source = "test" });
        AssertSame("registered late");
    }

    /// <summary>
    /// The first question with a filter after a start read the registry one facility at a time (11 s at 120.000 facilities in the
    /// figures benchmark): the index reads it at build, in one pass, and the first filtered question reads no facility.
    /// </summary>
    [Fact]
    public void The_registry_is_read_once_when_the_index_is_built_not_by_the_first_filtered_question()
    {
        using var f = new FigureFixture(24);
        const int registered = BeneficiaryMasks.ReadWhole + 200;
        f.Store.InTransaction(() =>
        {
            for (var i = 1; i <= registered; i++)
            {
                f.Store.Facilities.Add(new Facility
                {
                    Name = $"Cơ sở đăng ký {i}", ProvinceId = f.CurrentIds[i % f.CurrentIds.Length],
                    LegalForm = Filters[i % 5], PriorityGroups = i % 7 == 0 ? ["women_owned"] : [],
                });
            }
            return 0;
        });
        // Every facility recorded, and one the registry lacks (it counts as no group's).
        var records = Enumerable.Range(1, registered + 1).Select(id =>
        {
            var record = f.NewRecord();
            (record.FacilityId, record.Date, record.ProvinceId) = (id, new DateOnly(2025, 1 + id % 12, 1 + id % 28), f.CurrentIds[id % f.CurrentIds.Length]);
            return record;
        }).ToList();
        f.Store.Records.AddMany(records);
        using var index = f.Index();
        var read = index.Beneficiaries.FacilitiesRead;
        Assert.True(read > BeneficiaryMasks.ReadWhole, $"{read} facilities read at build");
        var scan = f.Scan();
        foreach (var filter in new[] { "cooperative", "women_owned", "sme+women_owned" })
        {
            var q = new FigureQuery(null, Measures.Facilities, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Beneficiary: filter);
            Assert.Equal(scan.Total(q), index.Total(q));
            Assert.Equal(scan.Breakdown(q, BreakdownBy.Province), index.Breakdown(q, BreakdownBy.Province));
        }
        Assert.Equal(read, index.Beneficiaries.FacilitiesRead);
        // The facility the registry lacked, registered now and recorded again: read then, and counted with its group.
        Assert.Equal(registered + 1, f.Store.Facilities.Add(new Facility { Id = registered + 1, Name = "HTX đăng ký muộn", ProvinceId = "phu-tho", LegalForm = "cooperative" }));
        var late = f.NewRecord();
        (late.FacilityId, late.Date, late.ProvinceId) = (registered + 1, new DateOnly(2025, 6, 6), "phu-tho");
        f.Store.Records.Add(late);
        var cooperatives = new FigureQuery(null, Measures.Facilities, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), Beneficiary: "cooperative");
        Assert.Equal(scan.Total(cooperatives), index.Total(cooperatives));
        Assert.Equal(read + 1, index.Beneficiaries.FacilitiesRead);
    }
}
