using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>A benchmark question: the text a manager would type and the figure query it means.</summary>
/// <param name="By">Null for a single total, else the breakdown asked for.</param>
/// <param name="ReplyOnly">Timed only from question text to reply (it reads records, not a figure of the sources' table).</param>
/// <param name="IndexOnly">Not asked of the SQLite baseline (one funding source per row, no facility registry): counterpart and beneficiary filters.</param>
/// <param name="Expect">What the reply must hold (<see cref="ReplyCheck"/>): null for any figure, a text the reply names, "none:TEXT" for a refusal.</param>
public sealed record BenchQuery(string Name, string Question, FigureQuery Query, BreakdownBy? By = null, bool ReplyOnly = false, bool IndexOnly = false,
    string? Expect = null)
{
    public IReadOnlyList<KeyValuePair<string, FigureValue>> Run(IFigureSource source) =>
        By is { } by ? source.Breakdown(Query, by) : [new("", source.Total(Query))];

    /// <summary>A question the projects module answers (`--only projects` times these alone).</summary>
    public bool IsProjectQuestion => ReplyOnly && Query.Measure == Measures.Projects;
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
            // Issue 13: sources, cumulative periods, averages, facility history, two periods, plans by province.
            new("KCQG funding 2025", "Kinh phí khuyến công quốc gia năm 2025",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31), Source: FundingSource.Kcqg)),
            new("funding 2025 by source", "Kinh phí năm 2025 theo nguồn",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31)), BreakdownBy.Source, IndexOnly: true),
            new("KCĐP booths 2025 by province", "Gian hàng nguồn KCĐP năm 2025 theo tỉnh",
                new("trade_fair", Measures.Booths, D(2025, 1, 1), D(2025, 12, 31), Source: FundingSource.Kcdp), BreakdownBy.Province),
            new("facilities cumulative to end of April 2026", "Số cơ sở được hỗ trợ lũy kế đến hết tháng 4 năm 2026",
                new(null, Measures.Facilities, D(2026, 1, 1), D(2026, 4, 30))),
            new("facilities 2025 by quarter", "Số cơ sở được hỗ trợ năm 2025 theo quý",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31)), BreakdownBy.Quarter),
            new("average funding per booth 2025 (numerator)", "Kinh phí bình quân mỗi gian hàng năm 2025",
                new("trade_fair", Measures.Funding, D(2025, 1, 1), D(2025, 12, 31))),
            new("average funding per facility 2025 (denominator)", "Kinh phí trung bình mỗi cơ sở năm 2025",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31))),
            new("Q1 2026 against Q4 2025 (the earlier period)", "Gian hàng quý 1 năm 2026 so với quý 4 năm 2025",
                new("trade_fair", Measures.Booths, D(2025, 10, 1), D(2025, 12, 31))),
            new("booths plan progress by province 2026 (achieved)", "Tiến độ kế hoạch gian hàng các tỉnh",
                new("trade_fair", Measures.Booths, D(2026, 1, 1), Today), BreakdownBy.Province),
            new("facility history", "HTX Mây tre đan Phú Vinh đã được hỗ trợ những gì",
                new(null, Measures.Participations, D(2017, 1, 1), D(2026, 12, 31)), ReplyOnly: true),
            new("top facilities by funding 2025", "Top 10 cơ sở nhận nhiều kinh phí nhất năm 2025",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31)), ReplyOnly: true),
            new("own records entered this month", "Tôi đã ghi bao nhiêu bản ghi tháng này",
                new(null, Measures.Participations, D(2026, 5, 1), Today), ReplyOnly: true),
            new("own records entered, all time", "Tôi đã nhập bao nhiêu bản ghi từ trước đến nay",
                new(null, Measures.Participations, D(2017, 1, 1), Today), ReplyOnly: true),
            new("new records this week", "Tuần này có bao nhiêu bản ghi mới",
                new(null, Measures.Participations, D(2026, 5, 11), Today), ReplyOnly: true),
            new("funding 2017-2026 by activity", "Kinh phí hỗ trợ 10 năm qua theo hoạt động",
                new(null, Measures.Funding, D(2017, 1, 1), D(2026, 12, 31)), BreakdownBy.Activity),
            // Issue 15: funding by source with the counterpart, beneficiaries (legal form, priority group), projects.
            new("counterpart 2025", "Vốn đối ứng năm 2025",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31), Source: FundingSource.Counterpart), IndexOnly: true),
            new("machinery counterpart 2025 by province", "Vốn đối ứng hỗ trợ máy móc năm 2025 theo tỉnh",
                new("machinery", Measures.Funding, D(2025, 1, 1), D(2025, 12, 31), Source: FundingSource.Counterpart), BreakdownBy.Province, IndexOnly: true),
            new("cooperatives supported 2025", "Năm 2025 hỗ trợ bao nhiêu hợp tác xã?",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31), Beneficiary: "cooperative"), IndexOnly: true),
            new("funding to women-owned facilities 2025", "Kinh phí hỗ trợ cơ sở do phụ nữ làm chủ năm 2025",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31), Beneficiary: "women_owned"), IndexOnly: true),
            new("household businesses 2025 by province", "Số hộ kinh doanh được hỗ trợ năm 2025 theo tỉnh",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31), Beneficiary: "household_business"), BreakdownBy.Province, IndexOnly: true),
            new("projects not yet accepted", "Bao nhiêu đề án chưa nghiệm thu",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("late projects", "Đề án nào chậm tiến độ",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("disbursement rate", "Giải ngân đạt bao nhiêu %",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            // Issue 15, with the projects the data now has (BenchProjects) and its links: one province, one project, the year plan.
            new("projects not yet accepted, Phú Thọ", "Bao nhiêu đề án chưa nghiệm thu ở Phú Thọ",
                new(null, Measures.Projects, D(2026, 1, 1), Today, phuTho), ReplyOnly: true),
            new("late projects, Phú Thọ", "Đề án nào chậm tiến độ ở Phú Thọ",
                new(null, Measures.Projects, D(2026, 1, 1), Today, phuTho), ReplyOnly: true),
            new("disbursement rate against the plan, Phú Thọ", "Giải ngân đạt bao nhiêu % ở Phú Thọ",
                new(null, Measures.Projects, D(2026, 1, 1), Today, phuTho), ReplyOnly: true),
            new("one project with its records", "/dean KC-2026-0001",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            // Issue 15 (i15-figs): a period on a lifecycle question is when the step happened; projects by funding source.
            new("projects accepted in 2026", "Đề án nào đã nghiệm thu trong năm 2026",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("projects started in H1", "Đề án nào bắt đầu trong 6 tháng đầu năm",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("projects with national money", "Đề án nào dùng vốn khuyến công quốc gia",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("local money disbursed", "Giải ngân vốn địa phương bao nhiêu",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("women-owned facilities supported this year", "Bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ năm nay",
                new(null, Measures.Facilities, D(2026, 1, 1), Today, Beneficiary: "women_owned"), IndexOnly: true),
            new("ethnic-minority-owned facilities 2025 by province", "Cơ sở do người dân tộc thiểu số làm chủ được hỗ trợ năm 2025 theo tỉnh",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31), Beneficiary: "ethnic_minority_owned"), BreakdownBy.Province, IndexOnly: true),
            new("funding YTD by source, Phú Thọ", "Kinh phí từ đầu năm đến nay ở Phú Thọ theo nguồn",
                new(null, Measures.Funding, D(2026, 1, 1), Today, phuTho), BreakdownBy.Source, IndexOnly: true),
            new("trainees 2025", "Năm 2025 đào tạo được bao nhiêu học viên?",
                new("training", Measures.Participations, D(2025, 1, 1), D(2025, 12, 31)), ReplyOnly: true),
            // Session 27: the questions added to issue 13 since the last run, timed from text to reply (each checked: ReplyCheck).
            new("KCĐP funding Q1 2026", "Kinh phí KCĐP quý 1 năm 2026",
                new(null, Measures.Funding, D(2026, 1, 1), D(2026, 3, 31), Source: FundingSource.Kcdp), Expect: "KCĐP"),
            new("booths cumulative to September 2025", "Gian hàng lũy kế đến tháng 9 năm 2025",
                new("trade_fair", Measures.Booths, D(2025, 1, 1), D(2025, 9, 30)), Expect: "30/09/2025"),
            new("funding this month against last month", "Kinh phí tháng này so với tháng trước",
                new(null, Measures.Funding, D(2026, 4, 1), D(2026, 4, 30)), Expect: "tháng 4/2026"),
            new("booths left to the 2026 plan", "Còn thiếu bao nhiêu gian hàng để đạt kế hoạch",
                new("trade_fair", Measures.Booths, D(2026, 1, 1), Today), ReplyOnly: true, Expect: "Còn thiếu"),
            new("provinces under the booths plan, ranked by %", "Tỉnh nào chưa đạt kế hoạch gian hàng",
                new("trade_fair", Measures.Booths, D(2026, 1, 1), Today), BreakdownBy.Province, ReplyOnly: true, Expect: "Chưa đạt kế hoạch"),
            new("average funding per booth 2024 by province", "Kinh phí bình quân mỗi gian hàng năm 2024 theo tỉnh",
                new("trade_fair", Measures.Funding, D(2024, 1, 1), D(2024, 12, 31)), BreakdownBy.Province, ReplyOnly: true, Expect: "bình quân mỗi gian hàng"),
            new("average funding per facility 2025 by month", "Trung bình mỗi cơ sở từng tháng năm 2025",
                new(null, Measures.Facilities, D(2025, 1, 1), D(2025, 12, 31)), BreakdownBy.Month, ReplyOnly: true, Expect: "bình quân mỗi cơ sở"),
            new("facility history without the legal form", "Mây tre đan Phú Vinh được hỗ trợ những gì",
                new(null, Measures.Participations, D(2017, 1, 1), D(2026, 12, 31)), ReplyOnly: true, Expect: "lần hỗ trợ"),
            new("disbursement by province", "Giải ngân theo tỉnh",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true, Expect: "1. "),
            new("province disbursing most", "Tỉnh nào giải ngân cao nhất",
                new(null, Measures.Projects, D(2026, 1, 1), Today), ReplyOnly: true),
            new("disbursement 2025 with the earlier projects' line", "Giải ngân năm 2025",
                new(null, Measures.Projects, D(2025, 1, 1), D(2025, 12, 31)), ReplyOnly: true, Expect: "phê duyệt trước 01/01/2025"),
            new("booths 'năm 24'", "Gian hàng năm 24",
                new("trade_fair", Measures.Booths, D(2024, 1, 1), D(2024, 12, 31)), Expect: "năm 2024"),
            new("booths 'q1 và q2 2024'", "Gian hàng q1 và q2 2024",
                new("trade_fair", Measures.Booths, D(2024, 1, 1), D(2024, 6, 30)), Expect: "30/06/2024"),
            new("two at once (refused)", "Kinh phí máy móc và hội chợ năm 2025",
                new(null, Measures.Funding, D(2025, 1, 1), D(2025, 12, 31)), ReplyOnly: true, Expect: "none:hai thứ cùng lúc"),
            new("not a figures question", "Chào bot, khỏe không?",
                new(null, Measures.Funding, D(2026, 1, 1), Today), ReplyOnly: true, Expect: "none:"),
        ];
    }
}
