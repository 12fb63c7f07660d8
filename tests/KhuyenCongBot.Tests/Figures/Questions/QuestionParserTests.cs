using KhuyenCongBot.Core.Figures.Questions;
using static KhuyenCongBot.Tests.Figures.Questions.QuestionTestKit;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>Phrasings a manager types, and what the parser must read from each (today is 26/11/2026).</summary>
public class QuestionParserTests
{
    private const string Ytd = "2026-01-01..2026-11-26";
    private const string H124 = "2024-01-01..2024-06-30";
    private const string Y24 = "2024-01-01..2024-12-31";
    private const string Y23 = "2023-01-01..2023-12-31";
    private const string Y26 = "2026-01-01..2026-12-31";
    private const string Y25 = "2025-01-01..2025-12-31";
    private const string Q124 = "2024-01-01..2024-03-31";
    private const string Q224 = "2024-04-01..2024-06-30";

    private static readonly QuestionParser Parser = new(Catalogue);

    [Theory]
    // The issue's examples.
    [InlineData("bao nhiêu gian hàng từ đầu năm", "trade_fair.booths", Ytd, "-", "")]
    [InlineData("bn co so duoc ho tro may moc quy 1", "machinery.facilities", "2026-01-01..2026-03-31", "-", "bare")]
    [InlineData("doanh thu tu van 6 thang dau nam 2024 dat bao nhieu % ke hoach", "consulting.revenue_vnd", H124, "-", "plan")]
    [InlineData("so voi cung ky nam truoc", "-", "-", "-", "yoy")]
    [InlineData("tỉnh nào nhiều gian hàng nhất năm 2024", "trade_fair.booths", Y24, "-", "by:p,top:1")]
    [InlineData("Bắc Giang 2024 có bao nhiêu lượt cơ sở tham gia hội chợ", "trade_fair.participations", Y24, "f:bac-giang", "")]
    // Metrics and activities.
    [InlineData("bao nhieu gian hang tu dau nam", "trade_fair.booths", Ytd, "-", "")]
    [InlineData("bn gian hang tu dau nam den nay", "trade_fair.booths", Ytd, "-", "")]
    [InlineData("bao nhiêu cơ sở được hỗ trợ máy móc quý I", "machinery.facilities", "2026-01-01..2026-03-31", "-", "bare")]
    [InlineData("bn cs dc ho tro may moc q1", "machinery.facilities", "2026-01-01..2026-03-31", "-", "bare")]
    [InlineData("Doanh thu tư vấn quý 2 năm 2024", "consulting.revenue_vnd", Q224, "-", "")]
    [InlineData("so du an tu van nam 2023", "consulting.projects", Y23, "-", "")]
    [InlineData("kinh phí hỗ trợ năm nay", "*.funding_vnd", Y26, "-", "")]
    [InlineData("kinh phi ho tro may moc nam ngoai", "machinery.funding_vnd", Y25, "-", "")]
    [InlineData("tất cả số liệu 6 tháng đầu năm 2024", "all", H124, "-", "")]
    [InlineData("tong hop quy 3", "all", "2026-07-01..2026-09-30", "-", "")]
    [InlineData("tong quan nam nay", "all", Y26, "-", "")]
    [InlineData("bao nhieu luot co so tham gia hoi cho thang 5", "trade_fair.participations", "2026-05-01..2026-05-31", "-", "")]
    [InlineData("bao nhieu co so khac nhau tham gia hoi cho nam 2024", "trade_fair.facilities", Y24, "-", "")]
    [InlineData("bao nhiêu cơ sở tham gia hội chợ năm 2024", "trade_fair.facilities", Y24, "-", "bare")]
    [InlineData("số cơ sở được hỗ trợ sản xuất sạch hơn 6 tháng đầu năm 2024", "cleaner_production.facilities", H124, "-", "bare")]
    [InlineData("sxsh quy 2 2024", "cleaner_production.*", Q224, "-", "")]
    [InlineData("binh chon san pham tieu bieu nam 2024 bao nhieu luot", "product_award.participations", Y24, "-", "")]
    [InlineData("nhan hieu 6 thang dau nam 2024", "trademark.*", H124, "-", "")]
    [InlineData("bao nhieu co so dang ky nhan hieu nam 2024", "trademark.facilities", Y24, "-", "bare")]
    [InlineData("dao tao nghe nam nay", "training.*", Y26, "-", "")]
    [InlineData("mo hinh trinh dien quy 4", "demo_model.*", "2026-10-01..2026-12-31", "-", "")]
    [InlineData("xu ly o nhiem nam 2024", "pollution.*", Y24, "-", "")]
    [InlineData("xuat khau nam 2024", "market.*", Y24, "-", "")]
    [InlineData("cum cong nghiep nam 2024", "cluster.*", Y24, "-", "")]
    [InlineData("tu van thang truoc", "consulting.*", "2026-10-01..2026-10-31", "-", "")]
    [InlineData("hoi cho tuan nay", "trade_fair.*", "2026-11-23..2026-11-29", "-", "")]
    [InlineData("gian hang hom nay", "trade_fair.booths", "2026-11-26..2026-11-26", "-", "")]
    [InlineData("gian hang tu 1/3/2024 den 15/5/2024", "trade_fair.booths", "2024-03-01..2024-05-15", "-", "")]
    [InlineData("doanh thu 9 thang nam 2024", "consulting.revenue_vnd", "2024-01-01..2024-09-30", "-", "")]
    [InlineData("gian hang 6 thang cuoi nam 2024", "trade_fair.booths", "2024-07-01..2024-12-31", "-", "")]
    [InlineData("Bao nhiêu GIAN HÀNG quý III/2024?", "trade_fair.booths", "2024-07-01..2024-09-30", "-", "")]
    [InlineData("số gian hàng hội chợ năm 2023", "trade_fair.booths", Y23, "-", "")]
    [InlineData("gh nam 2024", "trade_fair.booths", Y24, "-", "")]
    [InlineData("dt tu van nam 2024", "consulting.revenue_vnd", Y24, "-", "")]
    [InlineData("bn du an tu van q2 2024", "consulting.projects", Q224, "-", "")]
    [InlineData("so gian hang q1/2024", "trade_fair.booths", Q124, "-", "")]
    [InlineData("gian hang t5 2024", "trade_fair.booths", "2024-05-01..2024-05-31", "-", "")]
    [InlineData("gian hang 6t dau nam 2024", "trade_fair.booths", H124, "-", "")]
    [InlineData("so co so duoc ho tro nam 2024", "*.facilities", Y24, "-", "bare")]
    [InlineData("so doanh nghiep duoc ho tro nam 2024", "*.facilities", Y24, "-", "bare")]
    [InlineData("htx duoc ho tro nam 2024", "*.facilities", Y24, "-", "bare")]
    [InlineData("tong kinh phi nam 2024", "*.funding_vnd", Y24, "-", "")]
    [InlineData("ngan sach khuyen cong nam 2024", "*.funding_vnd", Y24, "-", "")]
    [InlineData("so tien ho tro nam 2024", "*.funding_vnd", Y24, "-", "")]
    [InlineData("doanh thu nam 2024", "consulting.revenue_vnd", Y24, "-", "")]
    [InlineData("du an nam 2024", "consulting.projects", Y24, "-", "")]
    [InlineData("bao nhieu de an tu van 2024", "consulting.projects", Y24, "-", "")]
    [InlineData("tình hình hội chợ năm 2024", "trade_fair.*", Y24, "-", "")]
    [InlineData("quang ba san pham nam 2024", "trademark.*", Y24, "-", "")]
    [InlineData("chuyen giao cong nghe quy 1 2024", "machinery.*", Q124, "-", "")]
    [InlineData("so luot co so nam 2024", "*.participations", Y24, "-", "")]
    [InlineData("luot tham gia binh chon 2024", "product_award.participations", Y24, "-", "")]
    [InlineData("gian hàng trong thời gian từ đầu năm", "trade_fair.booths", Ytd, "-", "")]
    // Scope.
    [InlineData("doanh thu tu van Phu Tho nam 2024", "consulting.revenue_vnd", Y24, "p:phu-tho", "")]
    [InlineData("Vĩnh Phúc 2024 bao nhiêu gian hàng", "trade_fair.booths", Y24, "f:vinh-phuc", "")]
    [InlineData("Hà Nội năm 2024 bao nhiêu gian hàng", "trade_fair.booths", Y24, "p:ha-noi", "")]
    [InlineData("hn quy 1 2024 gian hang", "trade_fair.booths", Q124, "p:ha-noi", "")]
    [InlineData("khu vực phía Bắc 6 tháng đầu năm 2024 bao nhiêu gian hàng", "trade_fair.booths", H124, "r:bac", "")]
    [InlineData("mien bac nam 2024 doanh thu tu van", "consulting.revenue_vnd", Y24, "r:bac", "")]
    [InlineData("cac tinh phia bac nam 2024 gian hang", "trade_fair.booths", Y24, "r:bac", "")]
    [InlineData("khu vuc phia bac 6 thang dau nam 2024 tat ca", "all", H124, "r:bac", "")]
    [InlineData("cả nước năm 2024 có bao nhiêu gian hàng", "trade_fair.booths", Y24, "all", "")]
    [InlineData("toan quoc nam 2023 kinh phi", "*.funding_vnd", Y23, "all", "")]
    [InlineData("tất cả các tỉnh năm 2024 gian hàng", "trade_fair.booths", Y24, "all", "")]
    [InlineData("tỉnh tôi có bao nhiêu gian hàng năm nay", "trade_fair.booths", Y26, "own", "")]
    [InlineData("gian hang nam 2024 cua tinh toi", "trade_fair.booths", Y24, "own", "")]
    [InlineData("Thanh Hoá năm 2024 bao nhiêu gian hàng", "trade_fair.booths", Y24, "p:thanh-hoa", "")]
    [InlineData("Thanh Hóa năm 2024 bao nhiêu gian hàng", "trade_fair.booths", Y24, "p:thanh-hoa", "")]
    [InlineData("Hoà Bình 2024 gian hàng", "trade_fair.booths", Y24, "f:hoa-binh", "")]
    [InlineData("Hòa Bình 2024 gian hàng", "trade_fair.booths", Y24, "f:hoa-binh", "")]
    [InlineData("bắc kạn 2024 gian hàng", "trade_fair.booths", Y24, "f:bac-kan", "")]
    [InlineData("bac can 2024 gian hang", "trade_fair.booths", Y24, "f:bac-kan", "")]
    [InlineData("hai duong nam 2024 doanh thu tu van", "consulting.revenue_vnd", Y24, "f:hai-duong", "")]
    [InlineData("Hải Phòng năm 2024 doanh thu tư vấn", "consulting.revenue_vnd", Y24, "p:hai-phong", "")]
    [InlineData("nam dinh 2024 gian hang", "trade_fair.booths", Y24, "f:nam-dinh", "")]
    [InlineData("ha nam 2024 gian hang", "trade_fair.booths", Y24, "f:ha-nam", "")]
    [InlineData("ninh binh 2024 gian hang", "trade_fair.booths", Y24, "p:ninh-binh", "")]
    [InlineData("thai binh 2024 gian hang", "trade_fair.booths", Y24, "f:thai-binh", "")]
    [InlineData("hung yen 2024 gian hang", "trade_fair.booths", Y24, "p:hung-yen", "")]
    [InlineData("lao cai nam 2024 may moc", "machinery.*", Y24, "p:lao-cai", "")]
    [InlineData("yen bai nam 2024 may moc", "machinery.*", Y24, "f:yen-bai", "")]
    [InlineData("ha giang 2024 may moc", "machinery.*", Y24, "f:ha-giang", "")]
    [InlineData("tuyen quang 2024 may moc", "machinery.*", Y24, "p:tuyen-quang", "")]
    [InlineData("bac ninh 2024 gian hang", "trade_fair.booths", Y24, "p:bac-ninh", "")]
    [InlineData("phu tho 2024 gian hang", "trade_fair.booths", Y24, "p:phu-tho", "")]
    [InlineData("tinh Phu Tho nam 2024 gian hang", "trade_fair.booths", Y24, "p:phu-tho", "")]
    [InlineData("tp ha noi nam 2024 gian hang", "trade_fair.booths", Y24, "p:ha-noi", "")]
    [InlineData("thanh pho ha noi 2024 gian hang", "trade_fair.booths", Y24, "p:ha-noi", "")]
    [InlineData("nghe an 2024 gian hang", "trade_fair.booths", Y24, "p:nghe-an", "")]
    [InlineData("ha tinh 2024 gian hang", "trade_fair.booths", Y24, "p:ha-tinh", "")]
    [InlineData("quang ninh 2024 gian hang", "trade_fair.booths", Y24, "p:quang-ninh", "")]
    [InlineData("lang son 2024 gian hang", "trade_fair.booths", Y24, "p:lang-son", "")]
    [InlineData("son la 2024 gian hang", "trade_fair.booths", Y24, "p:son-la", "")]
    [InlineData("dien bien 2024 gian hang", "trade_fair.booths", Y24, "p:dien-bien", "")]
    [InlineData("lai chau 2024 gian hang", "trade_fair.booths", Y24, "p:lai-chau", "")]
    [InlineData("cao bang 2024 gian hang", "trade_fair.booths", Y24, "p:cao-bang", "")]
    [InlineData("thai nguyen 2024 gian hang", "trade_fair.booths", Y24, "p:thai-nguyen", "")]
    [InlineData("Đà Nẵng năm 2024 gian hàng", "trade_fair.booths", Y24, "p:da-nang", "")]
    [InlineData("luot co so tham gia hoi cho Bac Giang nam 2024", "trade_fair.participations", Y24, "f:bac-giang", "")]
    [InlineData("hoi cho trien lam 6 thang dau nam 2024 Bac Ninh", "trade_fair.*", H124, "p:bac-ninh", "")]
    // Comparisons.
    [InlineData("doanh thu tu van 6 thang dau nam 2024 so voi cung ky nam truoc", "consulting.revenue_vnd", H124, "-", "yoy")]
    [InlineData("doanh thu tu van 6 thang dau nam 2024 so voi cung ky nam 2023", "consulting.revenue_vnd", H124, "-", "yoy2023")]
    [InlineData("gian hang nam 2024 tang giam bao nhieu so voi nam truoc", "trade_fair.booths", Y24, "-", "yoy,change")]
    [InlineData("gian hang nam 2024 chenh lech the nao", "trade_fair.booths", Y24, "-", "yoy,change")]
    [InlineData("dt tu van 2024 so voi kh", "consulting.revenue_vnd", Y24, "-", "plan")]
    [InlineData("dt tu van 2024 so voi ck", "consulting.revenue_vnd", Y24, "-", "yoy")]
    [InlineData("gian hang nam 2024 dat bao nhieu phan tram chi tieu", "trade_fair.booths", Y24, "-", "plan")]
    [InlineData("gian hang nam 2024 so voi ke hoach nam", "trade_fair.booths", Y24, "-", "plan")]
    [InlineData("gian hang so voi ke hoach nam 2024", "trade_fair.booths", Y24, "-", "plan")]
    [InlineData("gian hang nam 2024 bang bao nhieu % cung ky", "trade_fair.booths", Y24, "-", "yoy")]
    [InlineData("gian hàng năm 2024 so với năm 2023", "trade_fair.booths", Y24, "-", "yoy2023")]
    [InlineData("gian hang 2024 va cung ky", "trade_fair.booths", Y24, "-", "yoy")]
    [InlineData("doanh thu tu van quy 1 2024 tang bao nhieu", "consulting.revenue_vnd", Q124, "-", "yoy,change")]
    [InlineData("so sanh gian hang nam 2024 voi cung ky", "trade_fair.booths", Y24, "-", "yoy")]
    [InlineData("gian hang nam 2024 so voi cung ky va ke hoach", "trade_fair.booths", Y24, "-", "plan,yoy")]
    [InlineData("ty le hoan thanh ke hoach doanh thu tu van nam 2024", "consulting.revenue_vnd", Y24, "-", "plan")]
    [InlineData("consulting revenue first half of 2024 vs plan", "consulting.revenue_vnd", H124, "-", "plan")]
    [InlineData("booths same period last year", "trade_fair.booths", "-", "-", "yoy")]
    [InlineData("booths 2024 compared to last year", "trade_fair.booths", Y24, "-", "yoy")]
    [InlineData("so voi ke hoach", "-", "-", "-", "plan")]
    [InlineData("dat bao nhieu phan tram ke hoach", "-", "-", "-", "plan")]
    [InlineData("so với cùng kỳ", "-", "-", "-", "yoy")]
    // Breakdowns and top N.
    [InlineData("gian hàng theo tỉnh năm 2024", "trade_fair.booths", Y24, "-", "by:p")]
    [InlineData("gian hang theo thang nam nay", "trade_fair.booths", Y26, "-", "by:m")]
    [InlineData("kinh phi theo hoat dong nam 2024", "*.funding_vnd", Y24, "-", "by:a")]
    [InlineData("top 5 tinh nhieu gian hang nhat 2024", "trade_fair.booths", Y24, "-", "by:p,top:5")]
    [InlineData("3 tinh dan dau ve doanh thu tu van", "consulting.revenue_vnd", "-", "-", "by:p,top:3")]
    [InlineData("10 tinh nhieu gian hang nhat nam 2024", "trade_fair.booths", Y24, "-", "by:p,top:10")]
    [InlineData("tinh nao it gian hang nhat nam 2024", "trade_fair.booths", Y24, "-", "by:p,top:1,asc")]
    [InlineData("thang nao nhieu gian hang nhat nam 2024", "trade_fair.booths", Y24, "-", "by:m,top:1")]
    [InlineData("hoat dong nao nhieu kinh phi nhat nam nay", "*.funding_vnd", Y26, "-", "by:a,top:1")]
    [InlineData("gian hang theo tung tinh nam 2024", "trade_fair.booths", Y24, "-", "by:p")]
    [InlineData("gian hang tung thang nam 2024", "trade_fair.booths", Y24, "-", "by:m")]
    [InlineData("kinh phi tung hoat dong nam 2024", "*.funding_vnd", Y24, "-", "by:a")]
    [InlineData("kinh phi chia theo hoat dong 2024", "*.funding_vnd", Y24, "-", "by:a")]
    [InlineData("so luot co so theo tinh nam 2024", "*.participations", Y24, "-", "by:p")]
    [InlineData("gian hang by province 2024", "trade_fair.booths", Y24, "-", "by:p")]
    [InlineData("funding by activity 2024", "*.funding_vnd", Y24, "-", "by:a")]
    [InlineData("monthly booths 2024", "trade_fair.booths", Y24, "-", "by:m")]
    [InlineData("top 3 provinces by booths 2024", "trade_fair.booths", Y24, "-", "by:p,top:3")]
    [InlineData("5 tinh thap nhat ve gian hang nam 2024", "trade_fair.booths", Y24, "-", "by:p,top:5,asc")]
    [InlineData("gian hang nhieu nhat o tinh nao nam 2024", "trade_fair.booths", Y24, "-", "by:p,top:1")]
    [InlineData("dia phuong nao co doanh thu tu van cao nhat 2024", "consulting.revenue_vnd", Y24, "-", "by:p,top:1")]
    [InlineData("tháng nào có doanh thu cao nhất năm 2024", "consulting.revenue_vnd", Y24, "-", "by:m,top:1")]
    [InlineData("which province has the most booths in 2024", "trade_fair.booths", Y24, "-", "by:p,top:1")]
    [InlineData("revenue by month 2024", "consulting.revenue_vnd", Y24, "-", "by:m")]
    [InlineData("thiet bi nam 2024 theo tinh", "machinery.*", Y24, "-", "by:p")]
    [InlineData("theo tinh", "-", "-", "-", "by:p")]
    [InlineData("theo thang", "-", "-", "-", "by:m")]
    [InlineData("theo hoat dong", "-", "-", "-", "by:a")]
    // Charts and spreadsheets.
    [InlineData("bieu do gian hang theo tinh nam 2024", "trade_fair.booths", Y24, "-", "by:p,chart")]
    [InlineData("ve bieu do doanh thu theo thang", "consulting.revenue_vnd", "-", "-", "by:m,chart")]
    [InlineData("bieu do kinh phi theo thang nam 2024 Phu Tho", "*.funding_vnd", Y24, "p:phu-tho", "by:m,chart")]
    [InlineData("xuat excel gian hang nam 2024", "trade_fair.booths", Y24, "-", "excel")]
    [InlineData("file excel tat ca so lieu quy 1 nam 2024", "all", Q124, "-", "excel")]
    [InlineData("excel tu van 6 thang dau nam 2024", "consulting.*", H124, "-", "excel")]
    [InlineData("bảng tính gian hàng năm 2024", "trade_fair.booths", Y24, "-", "excel")]
    [InlineData("bieu do", "-", "-", "-", "chart")]
    [InlineData("excel", "-", "-", "-", "excel")]
    [InlineData("chart of booths by province 2024", "trade_fair.booths", Y24, "-", "by:p,chart")]
    // English.
    [InlineData("how many booths this year", "trade_fair.booths", Y26, "-", "")]
    [InlineData("machinery facilities in Q1 2024", "machinery.facilities", Q124, "-", "bare")]
    [InlineData("participations at fairs in 2024", "trade_fair.participations", Y24, "-", "")]
    [InlineData("distinct facilities at fairs 2024", "trade_fair.facilities", Y24, "-", "")]
    [InlineData("funding 2023", "*.funding_vnd", Y23, "-", "")]
    [InlineData("consulting projects last year", "consulting.projects", Y25, "-", "")]
    // Follow-ups and nonsense.
    [InlineData("còn quý 2 thì sao", "-", "2026-04-01..2026-06-30", "-", "follow")]
    [InlineData("con Phu Tho thi sao", "-", "-", "p:phu-tho", "follow")]
    [InlineData("what about last month", "-", "2026-10-01..2026-10-31", "-", "follow")]
    [InlineData("còn doanh thu tư vấn thì sao", "consulting.revenue_vnd", "-", "-", "follow")]
    [InlineData("xin chao", "-", "-", "-", "")]
    [InlineData("hello", "-", "-", "-", "")]
    [InlineData("asdfgh qwerty", "-", "-", "-", "")]
    public void Reads(string text, string metric, string period, string scope, string flags)
    {
        var parts = Parser.Parse(text, Today);
        Assert.Equal(
            $"{metric} | {period} | {scope} | {flags}",
            $"{Metric(parts)} | {Period(parts)} | {parts.Scope ?? "-"} | {Flags(parts)}");
    }

    [Theory]
    [InlineData("xin chao")]
    [InlineData("asdfgh qwerty")]
    [InlineData("hello")]
    public void NonsenseIsEmpty(string text) => Assert.True(Parser.Parse(text, Today).IsEmpty);

    [Fact]
    public void QuestionRoundTripsAsCompactJson()
    {
        var q = new Question { ActivityId = "consulting", Measure = "revenue_vnd", Scope = "r:bac", ComparePlan = true, Breakdown = Core.Figures.BreakdownBy.Month }
            .WithPeriod(new Core.Text.Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30), "6 tháng đầu năm 2024"));
        var json = q.ToJson();
        Assert.True(json.Length < 200, json);
        Assert.Equal(q, Question.FromJson(json));
        Assert.Null(Question.FromJson("{not json"));
    }
}
