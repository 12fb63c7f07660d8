using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Projects.Chat;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Every chat phrasing about projects: questions, moves, disbursement, registration, and what must stay a figures question.</summary>
public sealed class ProjectChatParsingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly ProjectQuestionParser Parser = new(ReportingTestKit.Vocabulary, new ProjectMoveParser(ReportingTestKit.Vocabulary));

    [Theory]
    [InlineData("bao nhiêu đề án chưa nghiệm thu", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("bao nhieu de an chua nghiem thu", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("có mấy đề án chưa được nghiệm thu?", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("đề án nào chưa quyết toán", ProjectAsk.NotReached, ProjectStatus.Settled)]
    [InlineData("bao nhiêu đề án chưa nghiệm thu ở Phú Thọ", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("đề án nào đang thực hiện", ProjectAsk.AtStatus, ProjectStatus.InProgress)]
    [InlineData("bao nhiêu đề án đã quyết toán năm 2026", ProjectAsk.AtStatus, ProjectStatus.Settled)]
    [InlineData("how many projects not yet accepted", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("đề án nào đã nghiệm thu trong năm 2026", ProjectAsk.AtStatus, ProjectStatus.Accepted)]
    [InlineData("de an nao nghiem thu nam 2025", ProjectAsk.AtStatus, ProjectStatus.Accepted)]
    [InlineData("đề án nào bắt đầu trong 6 tháng đầu năm", ProjectAsk.AtStatus, ProjectStatus.InProgress)]
    [InlineData("co bao nhieu de an bat dau thuc hien quy 3", ProjectAsk.AtStatus, ProjectStatus.InProgress)]
    [InlineData("những đề án được phê duyệt năm 2025", ProjectAsk.AtStatus, ProjectStatus.Approved)]
    [InlineData("đề án KCĐP chưa nghiệm thu", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("bao nhiêu đề án máy móc chưa nghiệm thu", ProjectAsk.NotReached, ProjectStatus.Accepted)]
    [InlineData("bao nhieu de an hoi cho chua quyet toan", ProjectAsk.NotReached, ProjectStatus.Settled)]
    [InlineData("đề án đào tạo nào đang thực hiện", ProjectAsk.AtStatus, ProjectStatus.InProgress)]
    public void Step_questions(string text, ProjectAsk ask, ProjectStatus status)
    {
        var r = Parser.Parse(text, Today);
        Assert.NotNull(r);
        Assert.Equal(ask, r.Ask);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("đề án nào chậm tiến độ", ProjectAsk.Late)]
    [InlineData("de an nao cham tien do", ProjectAsk.Late)]
    [InlineData("bao nhiêu đề án chậm tiến độ ở Bắc Ninh?", ProjectAsk.Late)]
    [InlineData("những đề án quá hạn", ProjectAsk.Late)]
    [InlineData("đề án trễ hạn", ProjectAsk.Late)]
    [InlineData("which projects are late", ProjectAsk.Late)]
    [InlineData("giải ngân đạt bao nhiêu %", ProjectAsk.Rate)]
    [InlineData("giai ngan dat bao nhieu phan tram", ProjectAsk.Rate)]
    [InlineData("tỷ lệ giải ngân đề án năm nay", ProjectAsk.Rate)]
    [InlineData("giải ngân được bao nhiêu rồi", ProjectAsk.Rate)]
    [InlineData("tình hình đề án", ProjectAsk.Overview)]
    [InlineData("tiến độ các đề án ở Phú Thọ", ProjectAsk.Overview)]
    [InlineData("ghi đề án", ProjectAsk.Register)]
    [InlineData("thêm đề án mới", ProjectAsk.Register)]
    [InlineData("so de an khuyen cong nam 2025", ProjectAsk.Overview)]
    [InlineData("bao nhiêu đề án năm 2024", ProjectAsk.Overview)]
    [InlineData("số đề án ước thực hiện năm 2025", ProjectAsk.Overview)]
    [InlineData("đề án nào dùng vốn khuyến công quốc gia", ProjectAsk.Overview)]
    [InlineData("de an nao dung von trung uong", ProjectAsk.Overview)]
    [InlineData("giải ngân vốn địa phương bao nhiêu", ProjectAsk.Rate)]
    [InlineData("giai ngan von doi ung dat bao nhieu %", ProjectAsk.Rate)]
    [InlineData("giải ngân năm 2026 được bao nhiêu", ProjectAsk.Rate)]
    [InlineData("giải ngân năm 2025", ProjectAsk.Rate)]
    [InlineData("giải ngân năm 2025 Phú Thọ", ProjectAsk.Rate)]
    [InlineData("kinh phí giải ngân năm 2024", ProjectAsk.Rate)]
    [InlineData("đã giải ngân năm 2025 ở Phú Thọ", ProjectAsk.Rate)]
    [InlineData("đề án tư vấn nào chậm tiến độ", ProjectAsk.Late)]
    [InlineData("de an may moc nao cham tien do", ProjectAsk.Late)]
    [InlineData("giải ngân đề án hội chợ đạt bao nhiêu %", ProjectAsk.Rate)]
    [InlineData("giai ngan de an may moc dat bao nhieu phan tram", ProjectAsk.Rate)]
    [InlineData("tình hình đề án hội chợ", ProjectAsk.Overview)]
    public void Other_questions(string text, ProjectAsk ask)
    {
        var r = Parser.Parse(text, Today);
        Assert.NotNull(r);
        Assert.Equal(ask, r.Ask);
    }

    [Theory]
    [InlineData("đề án KC-2026-07 thế nào", "KC-2026-07")]
    [InlineData("KC-2026-07 đã nghiệm thu chưa?", "KC-2026-07")]
    [InlineData("đề án kc-2026-07", "kc-2026-07")]
    [InlineData("tình hình đề án KCĐP-2026-03", "KCĐP-2026-03")]
    [InlineData("KC-2026-07", "KC-2026-07")]
    public void One_project(string text, string code)
    {
        var r = Parser.Parse(text, Today);
        Assert.NotNull(r);
        Assert.Equal(ProjectAsk.One, r.Ask);
        Assert.Equal(code, r.Code);
    }

    [Theory]
    [InlineData("đề án KC-2026-07 đã nghiệm thu ngày 15/11", ProjectStatus.Accepted, "2026-11-15")]
    [InlineData("de an kc-2026-07 nghiem thu 15/11/2026", ProjectStatus.Accepted, "2026-11-15")]
    [InlineData("KC-2026-07 quyết toán hôm qua", ProjectStatus.Settled, "2026-11-25")]
    [InlineData("đề án KC-2026-07 đang thực hiện", ProjectStatus.InProgress, null)]
    public void Moves(string text, ProjectStatus target, string? date)
    {
        var r = Parser.Parse(text, Today);
        Assert.NotNull(r);
        Assert.Equal(ProjectAsk.Move, r.Ask);
        Assert.Equal(target, r.Status);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), r.Date);
    }

    [Theory]
    [InlineData("đề án KC-2026-07 giải ngân 300 triệu", 300_000_000L, null, false)]
    [InlineData("de an KC-2026-07 giai ngan duoc 1,2 ty", 1_200_000_000L, null, false)]
    [InlineData("KC-2026-07 giải ngân 450tr đến ngày 20/11", 450_000_000L, "2026-11-20", false)]
    [InlineData("đề án KC-2026-07 đã giải ngân 500000000 đồng", 500_000_000L, null, false)]
    [InlineData("đề án KC-2026-07 giải ngân thêm 100 triệu", null, null, true)]
    public void Disbursements(string text, long? amount, string? date, bool problem)
    {
        var r = Parser.Parse(text, Today);
        Assert.NotNull(r);
        Assert.Equal(ProjectAsk.Disburse, r.Ask);
        Assert.Equal(amount, r.Amount);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), r.Date);
        Assert.Equal(problem, r.Problem is not null);
    }

    [Theory]
    [InlineData("bao nhieu de an tu van 2024")]
    [InlineData("số đề án tư vấn 6 tháng đầu năm 2024")]
    [InlineData("bao nhiêu gian hàng từ đầu năm")]
    [InlineData("HTX gốm Phù Lãng")]
    [InlineData("gian hang t3/2025")]
    [InlineData("bao nhiêu gian hàng T7/2025")]
    [InlineData("kinh phí Q3/2026")]
    [InlineData("bao nhiêu đề án tư vấn q2/2024")]
    [InlineData("số đề án tư vấn quý III/2025")]
    [InlineData("Số đề án tư vấn ước thực hiện 6 tháng đầu năm 2024 khu vực phía Bắc")]
    [InlineData("so de an tu van uoc thuc hien 6 thang dau nam 2024 khu vuc phia bac")]
    [InlineData("bao nhiêu đề án tư vấn ước tính quý 2 2024")]
    [InlineData("đề án KC-2026-07 và KC-2026-08 thế nào")]
    [InlineData("")]
    [InlineData("/dean")]
    public void Not_a_project_request(string text) => Assert.Null(Parser.Parse(text, Today));
}
