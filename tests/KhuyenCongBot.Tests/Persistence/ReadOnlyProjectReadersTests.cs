using KhuyenCongBot.Tests.Text;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>
/// Code that only reads projects (listing them, finding one by name, the report workbook, the export's projects) takes the committed
/// projects held in memory (<c>IProjectRepository.Read</c>), not a copy of each (<c>Find</c>, for code that changes and saves them):
/// a list or a workbook over thousands of projects must not copy them all. Checked in the source, as the text keys are.
/// </summary>
public sealed class ReadOnlyProjectReadersTests
{
    [Theory]
    [InlineData("src/KhuyenCongBot.Core/Projects/Chat/ProjectLookup.cs")]
    [InlineData("src/KhuyenCongBot.Core/Projects/Chat/ProjectNames.cs")]
    [InlineData("src/KhuyenCongBot.Core/Reports/ReportWorkbook.cs")]
    [InlineData("src/KhuyenCongBot.Core/Projects/ProjectCsv.cs")]
    public void A_read_only_reader_of_projects_does_not_copy_them(string file)
    {
        var source = File.ReadAllText(Path.Combine(TextKeyScanner.RepositoryRoot, file));
        Assert.DoesNotContain("Projects.Find(", source, StringComparison.Ordinal);
        Assert.Contains("Projects.Read(", source, StringComparison.Ordinal);
    }
}
