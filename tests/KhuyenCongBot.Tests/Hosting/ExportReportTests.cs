using KhuyenCongBot.Hosting;
using MiniExcelLibs;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>`export FILE.xlsx --report PERIOD`: the period's report workbook on the command line; a period not read, or a CSV, writes nothing.</summary>
public sealed class ExportReportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "export-report-" + Guid.NewGuid().ToString("N"));

    public ExportReportTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "bot.db");

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse([.. args, $"--Storage:DatabasePath={Db}"]), TextReader.Null, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_report_workbook_of_a_period_is_written_and_a_bad_request_writes_nothing()
    {
        // The tools do not create a missing database: make one with the demo data first.
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={Db}", "--Storage:LoadDemoData=true"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));

        var path = Path.Combine(_folder, "bao-cao.xlsx");
        var (code, output, error) = await Run("export", path, "--report", "6 tháng đầu năm 2024");
        Assert.True(code == 0, error);
        Assert.Contains("Đã xuất báo cáo (6 tháng đầu năm 2024, 754 bản ghi trong kỳ)", output);
        using (var stream = File.OpenRead(path))
        {
            Assert.Equal(["Theo hoạt động", "Theo tỉnh", "Danh sách đề án"], stream.GetSheetNames());
            stream.Position = 0;
            var rows = stream.Query(useHeaderRow: false, sheetName: "Theo hoạt động").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
            Assert.Equal(701d, rows.Single(r => Equals(r[0], "Hội chợ, triển lãm"))[4]);
        }

        var bad = Path.Combine(_folder, "bad.xlsx");
        var refused = await Run("export", bad, "--report", "mùa xuân");
        Assert.Equal(BotApp.ExitUsage, refused.Code);
        Assert.Contains("Không đọc được kỳ báo cáo", refused.Error);
        Assert.False(File.Exists(bad));
        var csv = Path.Combine(_folder, "bad.csv");
        Assert.Equal(BotApp.ExitUsage, (await Run("export", csv, "--report", "năm 2024")).Code);
        Assert.False(File.Exists(csv));
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
