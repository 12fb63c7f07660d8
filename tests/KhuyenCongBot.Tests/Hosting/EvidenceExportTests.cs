using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;
using MiniExcelLibs;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>
/// `export` carries the evidence: a record logged on Telegram with two photos and a shared location is exported with a files
/// column and its photos in a folder beside the export; a folder already there is refused; the export imports back.
/// </summary>
public sealed class EvidenceExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "evidence-export-" + Guid.NewGuid().ToString("N"));

    public EvidenceExportTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "bot.db");

    private async Task<(int Code, string Output, string Error)> Run(string db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse([.. args, $"--Storage:DatabasePath={db}"]), TextReader.Null, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Logs one machinery record on Telegram with two photos and a shared location; returns its number and the photos.</summary>
    private async Task<(long Id, byte[] First, byte[] Second)> LogWithEvidence()
    {
        await using var chat = await TelegramChatDriver.StartAsync(FormTestKit.Today,
            settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0", ["Storage:DatabasePath"] = Db });
        chat.AddUser("o1", Role.Officer, "phu-tho");
        var id = chat.IdOf("o1");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        await chat.SayAsync("o1", "ghi máy móc");
        await EvidenceSteps.AnswerUntil(chat, "o1", "evidence_photos");
        var first = Reporting.AttachmentStoreTests.Jpeg(50_000);
        var second = Reporting.AttachmentStoreTests.Jpeg(30_000);
        await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, first));
        // The clock stands still in tests: move it so the photos' order is their order of arrival.
        chat.Advance(TimeSpan.FromSeconds(5));
        await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, second));
        await chat.SayAsync("o1", "xong");
        await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsLocation(id, 21.3269, 105.3938));
        await EvidenceSteps.FinishAndSave(chat, "o1");
        var record = Assert.Single(chat.Store.Records.All());
        Assert.Equal(2, chat.Store.Attachments.ForRecord(record.Id).Count);
        return (record.Id, first, second);
    }

    [Fact]
    public async Task A_photo_and_location_record_is_exported_with_its_files_beside_the_export()
    {
        var (id, first, second) = await LogWithEvidence();

        var xlsx = Path.Combine(_folder, "ban-ghi.xlsx");
        var (code, output, error) = await Run(Db, "export", xlsx);
        Assert.True(code == 0, error);
        Assert.Contains("2 tệp minh chứng", output);
        var files = Path.Combine(_folder, "ban-ghi-minh-chung");
        Assert.Equal([$"{id}-1.jpg", $"{id}-2.jpg"], Directory.GetFiles(files).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(files, $"{id}-1.jpg")));
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(files, $"{id}-2.jpg")));
        using (var stream = File.OpenRead(xlsx))
        {
            var rows = stream.Query(useHeaderRow: false, sheetName: "Bản ghi").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
            var header = rows[0].Select(c => c?.ToString()).ToList();
            Assert.Equal($"{id}-1.jpg;{id}-2.jpg", rows[1][header.IndexOf("Tệp minh chứng")]);
            Assert.Equal("21.326900,105.393800", rows[1][header.IndexOf("Vị trí (tọa độ)")]);
        }

        // Again into the same place: the folder is there, nothing is written over.
        var before = File.ReadAllBytes(xlsx);
        var again = await Run(Db, "export", xlsx);
        Assert.Equal(BotApp.ExitCannotCreate, again.Code);
        Assert.Contains("đã có nội dung; không ghi đè", again.Error);
        Assert.Equal(before, File.ReadAllBytes(xlsx));
        Assert.Equal(2, Directory.GetFiles(files).Length);

        // A CSV with the files elsewhere; then one without files.
        var csv = Path.Combine(_folder, "ban-ghi.csv");
        var elsewhere = Path.Combine(_folder, "anh");
        var (csvCode, csvOutput, csvError) = await Run(Db, "export", csv, "--files", elsewhere);
        Assert.True(csvCode == 0, csvError);
        Assert.Contains(elsewhere, csvOutput);
        Assert.Equal(2, Directory.GetFiles(elsewhere).Length);
        var lines = File.ReadAllLines(csv);
        Assert.EndsWith(",files", lines[0]);
        Assert.EndsWith($",{id}-1.jpg;{id}-2.jpg", lines[1]);
        var plain = Path.Combine(_folder, "chi-bang.csv");
        Assert.Equal(0, (await Run(Db, "export", plain, "--no-files")).Code);
        Assert.False(Directory.Exists(Path.Combine(_folder, "chi-bang-minh-chung")));

        // The export imports into another database: the record comes back, the files column and the photo count are read past.
        var other = Path.Combine(_folder, "other.db");
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={other}"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var imported = await Run(other, "import", csv);
        Assert.True(imported.Code == 0, imported.Output + imported.Error);
        Assert.Contains("1 bản ghi", imported.Output);
        var reimported = await Run(other, "import", xlsx);
        Assert.Contains("trùng", reimported.Output + reimported.Error);
    }

    [Fact]
    public async Task A_database_without_evidence_makes_no_folder()
    {
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={Db}", "--Storage:LoadDemoData=true"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var csv = Path.Combine(_folder, "demo.csv");
        var (code, output, error) = await Run(Db, "export", csv);
        Assert.True(code == 0, error);
        Assert.Contains("Không có tệp minh chứng nào", output);
        Assert.False(Directory.Exists(Path.Combine(_folder, "demo-minh-chung")));
        Assert.Empty(Directory.GetDirectories(_folder, "*.tmp"));
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
