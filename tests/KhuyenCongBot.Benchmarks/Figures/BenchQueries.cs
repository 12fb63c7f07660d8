using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>A benchmark question: the text a manager would type and the figure query it means.</summary>
/// <param name="By">Null for a single total, else the breakdown asked for.</param>
public sealed record BenchQuery(string Name, string Question, FigureQuery Query, BreakdownBy? By = null)
{
    public IReadOnlyList<KeyValuePair<string, FigureValue>> Run(IFigureSource source) =>
        By is { } by ? source.Breakdown(Query, by) : [new("", source.Total(Query))];
}

/// <summary>The typical questions of the benchmark, with "today" fixed at 15/5/2026.</summary>
public static class BenchQueries
{
    public static readonly DateOnly Today = new(2026, 5, 15);

    public static IReadOnlyList<BenchQuery> Create(CatalogueIndex catalogue)
    {
        var north = catalogue.Regions.Single(r => r.Id == "bac").Members.SelectMany(catalogue.UnitsOf).ToHashSet();
        var phuTho = catalogue.UnitsOf("phu-tho").ToHashSet();
        var vinhPhuc = new HashSet<string> { catalogue.Provinces.Single(p => !p.IsCurrent && p.Name == "Vĩnh Phúc").Id };
        DateOnly D(int y, int m, int d) => new(y, m, d);
        return
        [
            new("booths H1/2024, North", "Số gian hàng hội chợ 6 tháng đầu năm 2024 khu vực phía Bắc?",
                new("trade_fair", Measures.Booths, D(2024, 1, 1), D(2024, 6, 30), north)),
            new("machinery facilities Q1/2026, Phú Thọ", "Bao nhiêu cơ sở được hỗ trợ máy móc quý I/2026 ở Phú Thọ?",
                new("machinery", Measures.Facilities, D(2026, 1, 1), D(2026, 3, 31), phuTho)),
            new("consulting revenue YTD 2026", "Doanh thu tư vấn từ đầu năm đến nay?",
                new("consulting", Measures.Revenue, D(2026, 1, 1), Today)),
            new("consulting revenue same period 2025", "Doanh thu tư vấn cùng kỳ năm trước?",
                new("consulting", Measures.Revenue, D(2025, 1, 1), Today.AddYears(-1))),
            new("booths 2024 by province", "Gian hàng hội chợ năm 2024 theo từng tỉnh",
                new("trade_fair", Measures.Booths, D(2024, 1, 1), D(2024, 12, 31)), BreakdownBy.Province),
            new("participations 2025 by month, North", "Lượt cơ sở tham gia hội chợ năm 2025 theo tháng, khu vực phía Bắc",
                new("trade_fair", Measures.Participations, D(2025, 1, 1), D(2025, 12, 31), north), BreakdownBy.Month),
            new("all-activity facilities 2025", "Năm 2025 hỗ trợ bao nhiêu cơ sở (mọi hoạt động)?",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31))),
            new("machinery facilities 2024, former Vĩnh Phúc", "Vĩnh Phúc năm 2024 có bao nhiêu cơ sở được hỗ trợ máy móc?",
                new("machinery", Measures.Facilities, D(2024, 1, 1), D(2024, 12, 31), vinhPhuc)),
            new("consulting projects H1/2024 estimate, North", "Số đề án tư vấn ước thực hiện 6 tháng đầu năm 2024 khu vực phía Bắc?",
                new("consulting", Measures.Projects, D(2024, 1, 1), D(2024, 6, 30), north, RecordStatus.Estimate)),
            new("facilities 2025 by province", "Số cơ sở được hỗ trợ năm 2025 theo tỉnh",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31)), BreakdownBy.Province),
            new("funding 2017-2026 by activity", "Kinh phí hỗ trợ 10 năm qua theo hoạt động",
                new(null, Measures.Funding, D(2017, 1, 1), D(2026, 12, 31)), BreakdownBy.Activity),
        ];
    }
}
