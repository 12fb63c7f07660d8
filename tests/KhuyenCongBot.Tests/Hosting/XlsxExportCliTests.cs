using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>
/// `export FILE.xlsx` on the command line (issue 15): the workbook carries the projects (sheet "Đề án"), so the .xlsx alone, moved
/// without its "-de-an.csv", imports into an empty database with every project and every record's link, and the same figures.
/// </summary>
public sealed class XlsxExportCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "xlsx-export-" + Guid.NewGuid().ToString("N"));

    public XlsxExportCliTests() => Directory.CreateDirectory(_folder);

    private static async Task<(int Code, string Output, string Error)> Run(string db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse([.. args, $"--Storage:DatabasePath={db}"]), TextReader.Null, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_xlsx_alone_imports_back_with_its_projects_links_and_figures()
    {
        var demo = Path.Combine(_folder, "demo.db");
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={demo}", "--Storage:LoadDemoData=true"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var xlsx = Path.Combine(_folder, "ban-ghi.xlsx");
        var (code, output, error) = await Run(demo, "export", xlsx);
        Assert.True(code == 0, output + error);
        // Moved alone: no projects file beside it.
        File.Delete(Path.Combine(_folder, "ban-ghi-de-an.csv"));

        var other = Path.Combine(_folder, "other.db");
        var imported = await Run(other, "import", xlsx);
        Assert.True(imported.Code == 0, imported.Output + imported.Error);
        Assert.Contains("đề án từ tệp ban-ghi.xlsx (trang Đề án)", imported.Output);

        using var a = new LiteDbStore(demo);
        using var b = new LiteDbStore(other);
        Assert.Equal(a.Records.Count(), b.Records.Count());
        Assert.Equal(a.Projects.Read(ProjectFilter.Everything).Select(p => p.Code).Order(StringComparer.Ordinal),
            b.Projects.Read(ProjectFilter.Everything).Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal(a.Records.All().Where(r => r.ProjectCode is not null).Select(r => (r.ProjectCode, r.Date, r.FundingVnd)).Order(),
            b.Records.All().Where(r => r.ProjectCode is not null).Select(r => (r.ProjectCode, r.Date, r.FundingVnd)).Order());
        Assert.Equal(a.Records.All().Sum(r => r.FundingVnd), b.Records.All().Sum(r => r.FundingVnd));
        Assert.Equal(a.Records.All().Sum(r => r.Booths), b.Records.All().Sum(r => r.Booths));
        Assert.Equal(a.Projects.Read(ProjectFilter.Everything).Sum(p => p.DisbursedVnd), b.Projects.Read(ProjectFilter.Everything).Sum(p => p.DisbursedVnd));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
