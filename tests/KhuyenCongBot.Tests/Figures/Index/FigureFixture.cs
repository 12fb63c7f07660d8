using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Figures.Index;

/// <summary>A store with random records, the catalogue, and random records and questions from a fixed seed.</summary>
internal sealed class FigureFixture : IDisposable
{
    private static readonly Lazy<CatalogueIndex> SharedCatalogue = new(() =>
    {
        var seeds = SeedFiles.Locate(null);
        return new CatalogueIndex(SeedFiles.Activities(seeds), SeedFiles.Provinces(seeds), SeedFiles.Regions(seeds));
    });

    private static readonly DateOnly Merger = new(2025, 7, 1);

    public FigureFixture(int seed)
    {
        Random = new Random(seed);
        Catalogue = SharedCatalogue.Value;
        Store = new LiteDbStore(":memory:");
        FormerIds = Catalogue.Provinces.Where(p => !p.IsCurrent).Select(p => p.Id).Distinct().ToArray();
        CurrentIds = Catalogue.CurrentProvinces.Select(p => p.Id).ToArray();
        ActivityIds = Catalogue.Activities.Select(a => a.Id).ToArray();
    }

    public Random Random { get; }
    public CatalogueIndex Catalogue { get; }
    public LiteDbStore Store { get; }
    public string[] FormerIds { get; }
    public string[] CurrentIds { get; }
    public string[] ActivityIds { get; }

    public ScanFigureSource Scan() => new(Store, Catalogue);

    public FiguresIndex Index() => new(Store, Catalogue);

    /// <summary>A record between 2023 and 2026, under a former unit before the merger and a current one after (sometimes a stray id).</summary>
    public SupportRecord NewRecord()
    {
        var r = Random;
        var date = new DateOnly(2023, 1, 1).AddDays(r.Next(0, 4 * 365));
        var province = r.Next(50) == 0 ? "khong-ro"
            : date < Merger ? FormerIds[r.Next(FormerIds.Length)] : CurrentIds[r.Next(CurrentIds.Length)];
        var record = new SupportRecord
        {
            ActivityId = r.Next(60) == 0 ? "hoat-dong-la" : ActivityIds[r.Next(Math.Min(6, ActivityIds.Length) + (r.Next(4) == 0 ? 6 : 0))],
            Date = date,
            ProvinceId = province,
            FacilityId = r.Next(8) == 0 ? null : r.Next(1, 250),
            Booths = r.Next(5) == 0 ? 0 : r.Next(1, 12),
            RevenueVnd = r.Next(3) == 0 ? 0 : r.NextInt64(1_000_000, 2_000_000_000),
            FundingVnd = r.Next(2) == 0 ? 0 : r.NextInt64(1_000_000, 500_000_000),
            FundingSource = r.Next(6) switch { 0 => null, 1 => "KCQG", 2 => "KCDP", 3 => "kcqg", 4 => "Đối ứng", _ => r.Next(2) == 0 ? "KCĐP" : "tài trợ" },
            Status = r.Next(3) == 0 ? RecordStatus.Estimate : RecordStatus.Actual,
            Source = "test",
            // Entered by one of a few officers, around the support date, at any second (some just before or after a Vietnam midnight).
            CreatedByUserId = r.Next(1, 6),
            CreatedAt = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).AddSeconds(r.Next(-86_400, 3 * 86_400)),
        };
        if (r.Next(3) == 0)
        {
            // Split funding: any mix of the four sources (a part of 0 is common), a counterpart-only record sometimes.
            long Part() => r.Next(3) == 0 ? 0 : r.NextInt64(1_000_000, 300_000_000);
            RecordFunding.Set(record, new Core.Funding.FundingSplit(Part(), Part(), Part(), r.Next(4) == 0 ? Part() : 0));
        }
        if (record.ActivityId == "training" || r.Next(30) == 0)
        {
            // Trainees: the form's answer, "N học viên" in an imported record's note, or no number at all.
            switch (r.Next(4))
            {
                case 0: record.Extra["trainees"] = r.Next(1, 400).ToString(System.Globalization.CultureInfo.InvariantCulture); break;
                case 1: record.Note = "Đào tạo nghề, " + Core.Text.VnFormat.Number(r.Next(1, 3000)) + " học viên"; break;
                case 2: record.Note = "Lớp đào tạo nghề"; break;
                default: break;
            }
        }
        return record;
    }

    public void AddRandom(int count) => Store.Records.AddMany(Enumerable.Range(0, count).Select(_ => NewRecord()).ToList());

    /// <summary>A question: any measure, whole or partial months, a province set, a status filter.</summary>
    public FigureQuery NewQuery()
    {
        var r = Random;
        var activity = r.Next(5) == 0 ? null : r.Next(20) == 0 ? "khong-co" : ActivityIds[r.Next(ActivityIds.Length)];
        var measure = Measures.All[r.Next(Measures.All.Count)];
        DateOnly from, to;
        switch (r.Next(5))
        {
            case 4: // whole years, the index's year sets
                from = new DateOnly(r.Next(2022, 2027), 1, 1);
                to = new DateOnly(from.Year + (r.Next(3) == 0 ? r.Next(1, 3) : 0), 12, 31);
                break;
            case 0: // whole months
                from = new DateOnly(r.Next(2022, 2027), r.Next(1, 13), 1);
                to = from.AddMonths(r.Next(1, 30)).AddDays(-1);
                break;
            case 1: // a few days
                from = new DateOnly(2023, 1, 1).AddDays(r.Next(0, 4 * 365));
                to = from.AddDays(r.Next(0, 20));
                break;
            case 2: // everything, or a reversed period
                (from, to) = r.Next(2) == 0 ? (DateOnly.MinValue, DateOnly.MaxValue) : (new DateOnly(2025, 3, 1), new DateOnly(2025, 2, 1));
                break;
            default: // partial months at both ends
                from = new DateOnly(2022, 11, 1).AddDays(r.Next(0, 4 * 365));
                to = from.AddDays(r.Next(0, 900));
                break;
        }
        IReadOnlySet<string>? provinces = null;
        switch (r.Next(4))
        {
            case 0:
                break;
            case 1: // a current unit with its former units, as the caller expands it
                provinces = Catalogue.UnitsOf(CurrentIds[r.Next(CurrentIds.Length)]).ToHashSet();
                break;
            case 2: // a region
                provinces = Catalogue.Regions[0].Members.SelectMany(Catalogue.UnitsOf).ToHashSet();
                break;
            default: // any recorded ids, stray ones included
                provinces = Enumerable.Range(0, r.Next(0, 8))
                    .Select(_ => r.Next(10) == 0 ? "khong-ro" : r.Next(2) == 0 ? FormerIds[r.Next(FormerIds.Length)] : CurrentIds[r.Next(CurrentIds.Length)])
                    .ToHashSet();
                break;
        }
        RecordStatus? status = r.Next(3) switch { 0 => null, 1 => RecordStatus.Actual, _ => RecordStatus.Estimate };
        Core.Funding.FundingSource? source = r.Next(3) == 0 ? Core.Funding.FundingSource.Kcqg + r.Next(4) : null;
        return new FigureQuery(activity, measure, from, to, provinces, status, source);
    }

    /// <summary>A period of entering: a few days or months, from a Vietnam midnight or any second.</summary>
    public (DateTimeOffset From, DateTimeOffset To) NewEnteredPeriod()
    {
        var r = Random;
        var day = new DateOnly(2022, 12, 1).AddDays(r.Next(0, 4 * 365));
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        if (r.Next(3) == 0)
        {
            from = from.AddSeconds(r.Next(0, 86_400));
        }
        return r.Next(4) == 0 ? (DateTimeOffset.MinValue, DateTimeOffset.MaxValue) : (from, from.AddDays(r.Next(1, 120)).AddSeconds(r.Next(2) * r.Next(86_400)));
    }

    public void Dispose() => Store.Dispose();
}
