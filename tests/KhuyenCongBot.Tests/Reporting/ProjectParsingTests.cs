using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Projects;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Project codes and the chat phrasing of a project's move.</summary>
public sealed class ProjectParsingTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("KC-2026-07", "KC-2026-07")]
    [InlineData("kc-2026-07", "KC-2026-07")]
    [InlineData(" KC 2026 07 ", "KC-2026-07")]
    [InlineData("KC–2026–07", "KC-2026-07")]
    [InlineData("KC_2026.07", "KC-2026-07")]
    [InlineData("KC--2026-07-", "KC-2026-07")]
    [InlineData("KCĐP-2026-03", "KCDP-2026-03")]
    [InlineData("kcđp-2026-03", "KCDP-2026-03")]
    [InlineData("05/ĐA-KC", "05/DA-KC")]
    [InlineData("05 / ĐA - KC", "05/DA-KC")]
    [InlineData("KC-2026-7", "KC-2026-7")]
    [InlineData("", "")]
    [InlineData("KC#2026", "")]
    public void Codes_are_normalised_for_lookup(string typed, string normalized)
    {
        Assert.Equal(normalized, ProjectCode.Normalize(typed));
    }

    [Theory]
    [InlineData("KC-2026-07", true)]
    [InlineData("ĐA 05/2026", true)]
    [InlineData("KC", false)]
    [InlineData("2026-07", false)]
    [InlineData("KC-ABC", false)]
    [InlineData("K1", false)]
    [InlineData("KC-2026-07-0000000000000000000000000000001", false)]
    public void A_code_has_letters_and_digits_and_a_sensible_length(string code, bool ok)
    {
        Assert.Equal(ok, ProjectCode.Problem(code) is null);
    }

    public static TheoryData<string, string, ProjectStatus, string?> Moves() => new()
    {
        // The phrasings of the issue.
        { "đề án KC-2026-07 đã nghiệm thu ngày 15/11", "KC-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "de an kc-2026-07 nghiem thu 15/11/2026", "kc-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "KC-2026-07 quyết toán hôm qua", "KC-2026-07", ProjectStatus.Settled, "2026-11-25" },
        // Other steps and ways of writing dates.
        { "Đề án KC-2026-07 bắt đầu thực hiện từ 1/4", "KC-2026-07", ProjectStatus.InProgress, "2026-04-01" },
        { "đề án KC-2026-07 đang thực hiện", "KC-2026-07", ProjectStatus.InProgress, null },
        { "de an KC-2026-07 trien khai ngay 02-05-2026", "KC-2026-07", ProjectStatus.InProgress, "2026-05-02" },
        { "KC-2026-07 đã nghiệm thu ngày 15 tháng 11 năm 2026", "KC-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "KC-2026-07: nghiệm thu 2026-11-15.", "KC-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "KC-2026-07 quyết toán hôm nay", "KC-2026-07", ProjectStatus.Settled, "2026-11-26" },
        { "Đề án KCĐP-2026-03 đã hoàn thành nghiệm thu ngày 20/10/26", "KCĐP-2026-03", ProjectStatus.Accepted, "2026-10-20" },
        { "đề án số 05/ĐA-KC nghiệm thu 15/11", "05/ĐA-KC", ProjectStatus.Accepted, "2026-11-15" },
        { "nghiệm thu đề án KC-2026-07 ngày 15/11", "KC-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "ĐỀ ÁN KC-2026-07 ĐÃ QUYẾT TOÁN 30/11/2025", "KC-2026-07", ProjectStatus.Settled, "2025-11-30" },
        { "project KC-2026-07 accepted 15/11/2026", "KC-2026-07", ProjectStatus.Accepted, "2026-11-15" },
        { "đề án KC-2026-07 được phê duyệt ngày 10/3", "KC-2026-07", ProjectStatus.Approved, "2026-03-10" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_move_is_read_as_code_step_and_date(string text, string code, ProjectStatus target, string? date)
    {
        var move = new ProjectMoveParser(ReportingTestKit.Vocabulary).Parse(text, Today);
        Assert.NotNull(move);
        Assert.Equal(code, move.Code);
        Assert.Equal(target, move.Target);
        Assert.Equal(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), move.Date);
        Assert.Null(move.DateProblem);
    }

    [Theory]
    // Questions and negations are not moves.
    [InlineData("đề án KC-2026-07 đã nghiệm thu chưa?")]
    [InlineData("đề án KC-2026-07 đã nghiệm thu chưa")]
    [InlineData("KC-2026-07 chưa nghiệm thu")]
    [InlineData("KC-2026-07 không nghiệm thu được")]
    [InlineData("đề án KC-2026-07 nghiệm thu khi nào")]
    [InlineData("bao nhiêu đề án chưa nghiệm thu")]
    [InlineData("đề án nào chậm tiến độ")]
    // No code, no step, two codes, two steps.
    [InlineData("đã nghiệm thu ngày 15/11")]
    [InlineData("đề án KC-2026-07 ngày 15/11")]
    [InlineData("KC-2026-07 và KC-2026-08 nghiệm thu 15/11")]
    [InlineData("KC-2026-07 nghiệm thu và quyết toán 15/11")]
    // Figures questions and records with a code-like word are not moves either.
    [InlineData("bao nhiêu gian hàng từ đầu năm")]
    [InlineData("nghiệm thu 15/11")]
    [InlineData("")]
    public void Anything_else_is_not_a_move(string text)
    {
        Assert.Null(new ProjectMoveParser(ReportingTestKit.Vocabulary).Parse(text, Today));
    }

    [Theory]
    [InlineData("KC-2026-07 nghiệm thu 31/2", "31/2")]
    [InlineData("KC-2026-07 nghiệm thu 15/13/2026", "15/13/2026")]
    [InlineData("KC-2026-07 nghiệm thu 1/11 hoặc 15/11", "2 ngày")]
    public void A_date_that_is_no_date_is_reported_not_guessed(string text, string problem)
    {
        var move = new ProjectMoveParser(ReportingTestKit.Vocabulary).Parse(text, Today);
        Assert.NotNull(move);
        Assert.Null(move.Date);
        Assert.Contains(problem, move.DateProblem?.Say(Support.TestTexts.Seeds, english: false));
    }

    [Theory]
    [InlineData("nghiem thu", ProjectStatus.Accepted)]
    [InlineData("Đang thực hiện", ProjectStatus.InProgress)]
    [InlineData("quyết toán xong", ProjectStatus.Settled)]
    [InlineData("phê duyệt", ProjectStatus.Approved)]
    [InlineData("xong", null)]
    public void A_step_is_read_from_a_typed_answer(string typed, ProjectStatus? expected)
    {
        Assert.Equal(expected, ReportingTestKit.Vocabulary.FindStatus(typed));
    }

    [Theory]
    [InlineData("kcqg", ProjectProgramme.National)]
    [InlineData("khuyến công địa phương", ProjectProgramme.Local)]
    [InlineData("tinh", ProjectProgramme.Local)]
    public void A_programme_is_read_from_a_typed_answer(string typed, ProjectProgramme expected)
    {
        Assert.Equal(expected, ReportingTestKit.Vocabulary.FindProgramme(typed));
    }

    [Theory]
    [InlineData("đề án nhóm", ProjectType.Group)]
    [InlineData("diem", ProjectType.Single)]
    [InlineData("đề án địa phương", ProjectType.Local)]
    public void A_project_type_is_read_from_a_typed_answer(string typed, ProjectType expected)
    {
        Assert.Equal(expected, ReportingTestKit.Vocabulary.FindType(typed));
        Assert.False(string.IsNullOrWhiteSpace(ReportingTestKit.Vocabulary.Name(expected)));
    }

    [Fact]
    public void A_broken_projects_file_stops_the_start_naming_it()
    {
        using var seeds = ReportingTestKit.CopySeeds();
        seeds.Edit(ProjectVocabulary.FileName, s => s.Replace("\"id\": \"settled\"", "\"id\": \"closed\""));
        var ex = Assert.Throws<SeedException>(() => ProjectVocabulary.Load(seeds.Path));
        Assert.Contains(ProjectVocabulary.FileName, ex.Message);
        Assert.Contains("settled", ex.Message);
    }
}
