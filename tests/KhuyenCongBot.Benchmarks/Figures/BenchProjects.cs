using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// Projects (đề án) for the benchmark data, in realistic proportions: about one project per 125 records (8.000 for 1.000.000
/// records, some 800 a year across the 34 units), on the activities that run through projects; a record of such an activity
/// links, one in three, to a project of its unit, year and activity decided before it. A project's approved budget by source
/// covers what its records carry (more while work remains); it moved on by its age: projects of past years are settled, those of
/// last year mostly accepted or settled, this year's approved or in progress, some late (planned end passed, not accepted).
/// A random stream of its own, so the records' other fields are those of earlier runs.
/// </summary>
internal sealed class BenchProjects
{
    /// <summary>Activities run through projects, weighted (group projects: fair delegations and training courses).</summary>
    private static readonly (string Id, int Weight, bool Group)[] Kinds =
    [
        ("machinery", 30, false), ("cleaner_production", 10, false), ("demo_model", 10, false), ("pollution", 5, false),
        ("trademark", 5, false), ("training", 20, true), ("trade_fair", 20, true),
    ];

    private readonly Random _random = new(20261205);
    private readonly List<Draft> _drafts = [];
    private readonly Dictionary<(string Unit, int Year, string Activity), List<int>> _byKey = [];

    private sealed class Draft(string code, string unit, string activity, DateOnly decided, bool group, bool national)
    {
        public string Code { get; } = code;
        public string Unit { get; } = unit;
        public string Activity { get; } = activity;
        public DateOnly Decided { get; } = decided;
        public bool Group { get; } = group;
        public bool National { get; } = national;
        public long Kcqg { get; set; }
        public long Kcdp { get; set; }
        public long Counterpart { get; set; }
        public long Other { get; set; }
        public int Records { get; set; }
        public List<long> Facilities { get; } = [];
    }

    public BenchProjects(IReadOnlyList<string> currentIds, int records, int firstYear, int lastYear)
    {
        var table = Kinds.SelectMany(k => Enumerable.Repeat(k, k.Weight)).ToArray();
        var count = Math.Max(50, records / 125);
        var numbers = new Dictionary<(int, bool), int>();
        for (var i = 0; i < count; i++)
        {
            var (activity, _, group) = table[_random.Next(table.Length)];
            var unit = currentIds[_random.Next(currentIds.Count)];
            var year = _random.Next(firstYear, lastYear + 1);
            var national = _random.Next(100) < 37; // 36,6 % of the 2021–2025 approved money was national
            var number = numbers[(year, national)] = numbers.GetValueOrDefault((year, national)) + 1;
            var code = $"{(national ? "KC" : "KCĐP")}-{year}-{number:D4}";
            // Decided in the first months of the year, so most of its year's records can belong to it.
            var decided = new DateOnly(year, 1, 1).AddDays(_random.Next(120));
            _byKey.TryAdd((unit, year, activity), []);
            _byKey[(unit, year, activity)].Add(_drafts.Count);
            _drafts.Add(new Draft(code, unit, activity, decided, group && _random.Next(4) > 0, national));
        }
    }

    public int Count => _drafts.Count;

    /// <summary>Records linked so far.</summary>
    public int LinkedRecords { get; private set; }

    /// <summary>The project a record belongs to (one record in three of a project's activity, dated after its decision), or null; counts its money.</summary>
    public string? Link(string unit, DateOnly date, string activity, long funding, string source, FundingSplit? split, long? facilityId)
    {
        if (!_byKey.TryGetValue((unit, date.Year, activity), out var candidates) || _random.Next(3) != 0)
        {
            return null;
        }
        var draft = _drafts[candidates[_random.Next(candidates.Count)]];
        if (date < draft.Decided || (!draft.Group && draft.Records > 0))
        {
            return null;
        }
        var money = split ?? new FundingSplit(source == "KCQG" ? funding : 0, source == "KCDP" ? funding : 0);
        if (!draft.National && money.Kcqg > 0)
        {
            return null; // a local project carries no national money
        }
        draft.Kcqg += money.Kcqg;
        draft.Kcdp += money.Kcdp;
        draft.Counterpart += money.Counterpart;
        draft.Other += money.Other;
        draft.Records++;
        LinkedRecords++;
        if (facilityId is { } id && draft.Facilities.Count < 60 && !draft.Facilities.Contains(id))
        {
            draft.Facilities.Add(id);
        }
        return draft.Code;
    }

    /// <summary>The projects with their step by age (as at <paramref name="today"/>), their records' facilities and amounts from them.</summary>
    public IEnumerable<Project> Build(DateOnly today)
    {
        var at = DateTimeOffset.UnixEpoch;
        foreach (var d in _drafts)
        {
            long Up(long v) => v == 0 ? 0 : (long)Math.Ceiling(v * (1 + _random.NextDouble() * 0.3) / 5_000_000) * 5_000_000;
            var approved = new FundingSplit(Up(d.Kcqg), Up(d.Kcdp), Up(d.Counterpart), Up(d.Other));
            if (approved.Support == 0)
            {
                approved = new FundingSplit(d.National ? 500_000_000 : 0, d.National ? 0 : 300_000_000);
            }
            var plannedEnd = d.Decided.AddMonths(6 + _random.Next(7));
            var p = new Project
            {
                Code = d.Code, NormalizedCode = ProjectCode.Normalize(d.Code), Name = $"Đề án {d.Activity} {d.Code}",
                DecisionNumber = $"{_random.Next(10, 3000)}/QĐ-{(d.National ? "BCT" : "SCT")}", DecisionDate = d.Decided,
                Programme = d.National ? ProjectProgramme.National : ProjectProgramme.Local,
                Type = !d.National ? ProjectType.Local : d.Group ? ProjectType.Group : ProjectType.Single,
                ProvinceId = d.Unit, ActivityId = d.Activity, PlannedEnd = plannedEnd, Approved = approved, CreatedAt = at,
                FacilityIds = [.. d.Facilities],
            };
            p.History.Add(new ProjectMove { To = ProjectStatus.Approved, Date = d.Decided, At = at });
            // By age: settled when its planned end is more than a year past; accepted, in progress or only approved after that.
            var roll = _random.Next(100);
            var target = plannedEnd.AddYears(1) < today ? ProjectStatus.Settled
                : plannedEnd < today ? (roll < 50 ? ProjectStatus.Settled : roll < 85 ? ProjectStatus.Accepted : ProjectStatus.InProgress)
                : roll < 25 ? ProjectStatus.Approved : ProjectStatus.InProgress;
            var step = d.Decided;
            for (var s = ProjectStatus.InProgress; s <= target; s++)
            {
                step = s switch
                {
                    ProjectStatus.InProgress => d.Decided.AddDays(10 + _random.Next(30)),
                    ProjectStatus.Accepted => Min(plannedEnd.AddDays(_random.Next(-20, 40)), today),
                    _ => Min(step.AddDays(20 + _random.Next(60)), today),
                };
                step = step < p.History[^1].Date!.Value ? p.History[^1].Date!.Value : step;
                p.History.Add(new ProjectMove { From = p.Status, To = s, Date = step, At = at });
                p.SetDate(s, step);
                p.Status = s;
            }
            var share = p.Status switch { ProjectStatus.Settled => 1.0, ProjectStatus.Accepted => 0.9, ProjectStatus.InProgress => 0.5, _ => 0.0 };
            var disbursed = Math.Min((long)((d.Kcqg + d.Kcdp) * share), approved.Support);
            if (disbursed > 0)
            {
                p.Disbursements.Add(new Disbursement { AmountVnd = disbursed, AsOf = Min(step.AddDays(15), today), At = at });
                p.DisbursedVnd = disbursed;
            }
            yield return p;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
