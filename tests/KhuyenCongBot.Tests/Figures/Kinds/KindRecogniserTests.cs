using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Tests.Figures.Questions;

namespace KhuyenCongBot.Tests.Figures.Kinds;

/// <summary>The recognisers of issue 13's question kinds, through the whole parser.</summary>
public sealed class KindRecogniserTests
{
    private static readonly QuestionParser Parser = new(QuestionTestKit.Catalogue);

    [Theory]
    [InlineData("quý 3 năm nay so với quý 3 năm ngoái gian hàng", "Figure", "trade_fair.booths", "2026-07-01..2026-09-30", "2025-07-01..2025-09-30")]
    [InlineData("kinh phí tháng này so với tháng trước", "Figure", "*.funding_vnd", "2026-11-01..2026-11-26", "2026-10-01..2026-10-31")]
    [InlineData("kinh phi 6 thang dau nam 2025 so voi 6 thang dau nam 2024", "Figure", "*.funding_vnd", "2025-01-01..2025-06-30", "2024-01-01..2024-06-30")]
    [InlineData("gian hàng năm 2024 so với năm 2023", "Figure", "trade_fair.booths", "2024-01-01..2024-12-31", "-")]
    [InlineData("còn thiếu bao nhiêu gian hàng để đạt kế hoạch", "PlanGap", "trade_fair.booths", "-", "-")]
    [InlineData("con lai bao nhieu du an nua moi dat chi tieu nam", "PlanGap", "consulting.projects", "-", "-")]
    [InlineData("tỉnh nào chưa đạt kế hoạch", "PlanRanking", "-", "-", "-")]
    [InlineData("tiến độ kế hoạch các tỉnh năm 2025", "PlanRanking", "-", "2025-01-01..2025-12-31", "-")]
    [InlineData("tiến độ kế hoạch gian hàng các tỉnh", "PlanRanking", "trade_fair.booths", "-", "-")]
    [InlineData("tỷ lệ kế hoạch doanh thu tư vấn của từng tỉnh năm 2024", "PlanRanking", "consulting.revenue_vnd", "2024-01-01..2024-12-31", "-")]
    [InlineData("kinh phí bình quân mỗi gian hàng", "Average", "*.funding_vnd", "-", "-")]
    [InlineData("kinh phí trung bình mỗi cơ sở năm 2025", "Average", "*.funding_vnd", "2025-01-01..2025-12-31", "-")]
    [InlineData("HTX mây tre đan Phú Vinh đã được hỗ trợ những gì", "FacilityHistory", "-", "-", "-")]
    [InlineData("Mây tre đan Phú Vinh được hỗ trợ những gì", "FacilityHistory", "-", "-", "-")]
    [InlineData("may tre dan Phu Vinh duoc ho tro nhung gi", "FacilityHistory", "-", "-", "-")]
    [InlineData("top 5 cơ sở nhận nhiều kinh phí nhất năm 2025", "TopFacilities", "*.funding_vnd", "2025-01-01..2025-12-31", "-")]
    [InlineData("tôi đã ghi bao nhiêu bản ghi tháng này", "OwnRecords", "-", "2026-11-01..2026-11-26", "-")]
    [InlineData("tuần này có bao nhiêu bản ghi mới", "NewRecords", "-", "2026-11-23..2026-11-29", "-")]
    public void Reads(string text, string kind, string metric, string period, string vs)
    {
        var p = Parser.Parse(text, QuestionTestKit.Today);
        Assert.Empty(p.Unknown);
        Assert.Equal(kind, p.Kind.ToString());
        Assert.Equal(metric, QuestionTestKit.Metric(p));
        Assert.Equal(period, QuestionTestKit.Period(p));
        Assert.Equal(vs, p.VsPeriod is { } v ? $"{v.From:yyyy-MM-dd}..{v.To:yyyy-MM-dd}" : "-");
    }

    [Fact]
    public void Reads_the_facility_name_the_per_measure_the_top_count_and_a_quarter_breakdown()
    {
        Assert.Equal("HTX Mây tre đan Phú Vinh", Parser.Parse("HTX Mây tre đan Phú Vinh đã được hỗ trợ những gì", QuestionTestKit.Today).FacilityName);
        Assert.Equal(Measures.Booths, Parser.Parse("kinh phí bình quân mỗi gian hàng", QuestionTestKit.Today).PerMeasure);
        Assert.Equal(Measures.Facilities, Parser.Parse("kinh phí trung bình mỗi cơ sở", QuestionTestKit.Today).PerMeasure);
        Assert.Equal(5, Parser.Parse("top 5 cơ sở nhận nhiều kinh phí nhất", QuestionTestKit.Today).Top);
        Assert.True(Parser.Parse("tỉnh nào chưa đạt kế hoạch", QuestionTestKit.Today).Ascending);
        Assert.Equal(BreakdownBy.Quarter, Parser.Parse("gian hàng năm 2025 theo quý", QuestionTestKit.Today).Breakdown);
    }
}
