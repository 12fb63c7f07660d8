using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// Generates realistic support records over 2017–2026: former units before 1/7/2025, current units after; projects (đề án) that
/// records link to (<see cref="Projects"/>), trainees on training records.
/// </summary>
internal sealed class BenchData
{
    public static readonly DateOnly Merger = new(2025, 7, 1);
    private static readonly DateOnly First = new(2017, 1, 1);
    private static readonly DateOnly Last = new(2026, 12, 31);

    // Weighted towards the six activities of the conference report.
    private static readonly (string Id, int Weight)[] ActivityWeights =
    [
        ("trade_fair", 22), ("product_award", 14), ("machinery", 14), ("consulting", 12), ("cleaner_production", 6),
        ("trademark", 6), ("training", 6), ("demo_model", 5), ("pollution", 4), ("market", 5), ("information", 3), ("cluster", 3),
    ];

    private readonly Random _random = new(20260515);

    // Trainees (issue 15) from a stream of their own: the records' other fields stay those of earlier runs.
    private readonly Random _trainees = new(20261206);
    private readonly string[] _activityTable;
    private readonly string[] _currentIds;
    private readonly Dictionary<string, string[]> _formerOf;
    private readonly int[] _facilityHome;

    public BenchData(CatalogueIndex catalogue, int facilities = 120_000)
    {
        _activityTable = ActivityWeights.SelectMany(a => Enumerable.Repeat(a.Id, a.Weight)).ToArray();
        _currentIds = catalogue.CurrentProvinces.Select(p => p.Id).ToArray();
        _formerOf = _currentIds.ToDictionary(id => id, id =>
        {
            var former = catalogue.Provinces.Where(p => !p.IsCurrent && p.CurrentId == id).Select(p => p.Id).Distinct().ToArray();
            return former.Length > 0 ? former : [id];
        });
        // A facility belongs to one current unit and, before the merger, to one of its former units.
        _facilityHome = Enumerable.Range(0, facilities).Select(_ => _random.Next(_currentIds.Length)).ToArray();
    }

    // Legal forms and priority groups of seeds/catalogue/beneficiaries.json, roughly as the registries hold them.
    private static readonly (string Id, int Weight)[] LegalForms =
        [("household_business", 45), ("sme", 30), ("cooperative", 15), ("cooperative_group", 5), ("craft_village", 5)];

    // Activities where the facility invests beside the support (the forms ask the counterpart there).
    private static readonly HashSet<string> CounterpartActivities = ["machinery", "demo_model", "pollution", "cleaner_production"];

    /// <summary>The facility the facility-history question names (the first of the registry; no other has its name).</summary>
    public const string HistoryFacility = "HTX Mây tre đan Phú Vinh";

    /// <summary>
    /// The facility registry: one facility per number (FacilityId = number + 1, so add them in order to an empty store), the first
    /// named <see cref="HistoryFacility"/> for the facility-history question, the others realistic names (<see cref="BenchNames"/>);
    /// each with a legal form and, for one in five, a priority group.
    /// </summary>
    public IEnumerable<Facility> Facilities()
    {
        var forms = LegalForms.SelectMany(f => Enumerable.Repeat(f.Id, f.Weight)).ToArray();
        var r = new Random(20261204);
        // Names from a stream of their own: the legal forms and groups stay those of earlier runs.
        var names = new Random(20261205);
        for (var i = 0; i < _facilityHome.Length; i++)
        {
            var groups = r.Next(5) switch { 0 => new List<string> { "women_owned" }, 1 when r.Next(3) == 0 => ["ethnic_minority_owned"], _ => [] };
            var legalForm = i == 0 ? "cooperative" : forms[r.Next(forms.Length)];
            yield return new Facility
            {
                Name = i == 0 ? HistoryFacility : BenchNames.Next(names, legalForm, HistoryFacility),
                ProvinceId = HomeOf(i),
                CreatedAt = DateTimeOffset.UnixEpoch,
                LegalForm = legalForm,
                PriorityGroups = groups,
            };
        }
    }

    /// <summary>The current unit a facility (numbered from 0; its FacilityId is the number + 1) belongs to.</summary>
    public string HomeOf(int facility) => _currentIds[_facilityHome[facility]];

    /// <summary>The projects the records of the last <see cref="Records"/> link to (add them with <see cref="BenchProjects.Build"/> once the records are generated).</summary>
    public BenchProjects Projects { get; private set; } = null!;

    public IEnumerable<SupportRecord> Records(int count)
    {
        var days = Last.DayNumber - First.DayNumber + 1;
        Projects = new BenchProjects(_currentIds, count, First.Year, Last.Year);
        for (var i = 0; i < count; i++)
        {
            var r = _random;
            var date = DateOnly.FromDayNumber(First.DayNumber + r.Next(days));
            var facility = r.Next(_facilityHome.Length);
            var current = _currentIds[_facilityHome[facility]];
            string province;
            if (date >= Merger)
            {
                province = current;
            }
            else
            {
                var former = _formerOf[current];
                province = former[facility % former.Length];
            }
            var activity = _activityTable[r.Next(_activityTable.Length)];
            var funding = r.Next(3) == 0 ? 0 : r.NextInt64(5, 800) * 1_000_000;
            var source = r.Next(2) == 0 ? "KCQG" : "KCDP";
            // Split funding (issue 15): where the facility invests, one record in two has a counterpart beside its one source's support.
            FundingSplit? split = funding > 0 && CounterpartActivities.Contains(activity) && r.Next(2) == 0
                ? new FundingSplit(source == "KCQG" ? funding : 0, source == "KCDP" ? funding : 0, funding * r.Next(1, 4))
                : null;
            var facilityId = r.Next(20) == 0 ? null : (long?)(facility + 1);
            yield return new SupportRecord
            {
                ActivityId = activity,
                Date = date,
                ProvinceId = province,
                FacilityId = facilityId,
                ProjectCode = Projects.Link(current, date, activity, funding, source, split, facilityId),
                Extra = activity == "training" ? new() { ["trainees"] = _trainees.Next(15, 41).ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
                Booths = activity == "trade_fair" ? r.Next(1, 9) : 0,
                RevenueVnd = activity == "consulting" ? r.NextInt64(10, 500) * 1_000_000 : 0,
                FundingVnd = funding,
                FundingSource = source,
                Split = split,
                Status = date >= new DateOnly(2026, 1, 1) || r.Next(10) == 0 ? RecordStatus.Estimate : RecordStatus.Actual,
                CreatedByUserId = 1 + r.Next(200),
                CreatedAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7)),
                Source = "bench",
            };
        }
    }
}
