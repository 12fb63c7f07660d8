using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Tests.Records;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Projects found by part of their name or code (issue 15), and people named readably, never by a raw identity.</summary>
public sealed class ProjectSearchTests
{
    private static readonly Project[] Projects =
    [
        P(1, "KC-2026-01", "Hỗ trợ máy sấy chè cho HTX chè Long Cốc", ProjectStatus.InProgress),
        P(2, "KCĐP-2026-03", "Hỗ trợ máy CNC cho Hộ kinh doanh Vũ Minh Hiền", ProjectStatus.InProgress),
        P(3, "KC-2025-12", "Hỗ trợ máy sấy gỗ – Cơ sở mộc Thành Đạt", ProjectStatus.Settled),
        P(4, "KC-2026-07", "Đoàn cơ sở Phú Thọ dự Hội chợ Hàng Việt Nam chất lượng cao 2026", ProjectStatus.Approved),
    ];

    private static Project P(long id, string code, string name, ProjectStatus status) =>
        new() { Id = id, Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = name, Status = status, DecisionDate = new DateOnly(2026, 1, (int)id) };

    [Theory]
    [InlineData("may say che", "KC-2026-01")]
    [InlineData("máy sấy chè", "KC-2026-01")]
    [InlineData("đề án máy sấy chè", "KC-2026-01")]
    [InlineData("MÁY SẤY", "KC-2026-01,KC-2025-12")] // open before settled
    [InlineData("máy sấ", "KC-2026-01,KC-2025-12")] // the last word may be the start of one
    [InlineData("cnc", "KCĐP-2026-03")]
    [InlineData("kcdp-2026-03", "KCĐP-2026-03")]
    [InlineData("hoi cho hang viet nam", "KC-2026-07")]
    [InlineData("ho tro may", "KCĐP-2026-03,KC-2026-01,KC-2025-12")] // the latest decision first
    [InlineData("máy ép dầu", "")]
    [InlineData("sấy chè Hải Hà", "")] // every word must be in the name
    [InlineData("đề án", "")]
    [InlineData("", "")]
    public void Finds_every_project_whose_name_or_code_holds_every_word(string typed, string expected) =>
        Assert.Equal(expected, string.Join(',', ProjectSearch.Find(Projects, typed).Select(p => p.Code)));

    [Theory]
    [InlineData("Nguyễn Thị Lan", "Nguyễn Thị Lan")]
    [InlineData("local", "cán bộ khuyến công Phú Thọ")]
    [InlineData("terminal:local", "cán bộ khuyến công Phú Thọ")]
    [InlineData("telegram:5551234", "cán bộ khuyến công Phú Thọ")]
    [InlineData("5551234", "cán bộ khuyến công Phú Thọ")]
    [InlineData("", "cán bộ khuyến công Phú Thọ")]
    public void A_person_is_named_by_their_name_else_by_role_and_province(string displayName, string expected)
    {
        var user = new BotUser { DisplayName = displayName, Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = "phu-tho", Identities = ["terminal:local"] };
        Assert.Equal(expected, PersonNames.Of(user, KhuyenCongBot.Tests.Support.TestTexts.Seeds, false, RecordsTestKit.Catalogue));
    }
}
