using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;
using MiniExcelLibs;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>
/// `export` carries the evidence: a record logged on Telegram with two photos and a shared location is exported with a files
/// column and its photos in a folder beside the export; a file or folder already there is refused (unless --overwrite); the
/// export imports back with its files attached again.
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

        // Again into the same place: the file is there, nothing is written over.
        var before = File.ReadAllBytes(xlsx);
        var again = await Run(Db, "export", xlsx);
        Assert.Equal(BotApp.ExitCannotCreate, again.Code);
        Assert.Contains($"Tệp {xlsx} đã có; không ghi đè, không ghi gì", again.Error);
        Assert.Contains("--overwrite", again.Error);
        Assert.Equal(before, File.ReadAllBytes(xlsx));
        Assert.Equal(2, Directory.GetFiles(files).Length);
        // Another file name whose folder is taken: the folder is refused.
        Directory.CreateDirectory(Path.Combine(_folder, "khac-minh-chung"));
        File.WriteAllText(Path.Combine(_folder, "khac-minh-chung", "ghi-chu.txt"), "của người dùng");
        var taken = await Run(Db, "export", Path.Combine(_folder, "khac.xlsx"));
        Assert.Equal(BotApp.ExitCannotCreate, taken.Code);
        Assert.Contains("đã có nội dung; không ghi đè", taken.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "khac.xlsx")));
        // Even --overwrite does not replace a folder holding anything but an earlier export's files.
        Assert.Equal(BotApp.ExitCannotCreate, (await Run(Db, "export", Path.Combine(_folder, "khac.xlsx"), "--overwrite")).Code);
        Assert.True(File.Exists(Path.Combine(_folder, "khac-minh-chung", "ghi-chu.txt")));

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

        // The export imports into another database without its files (--no-files): the record comes back, the files column is said.
        var other = Path.Combine(_folder, "other.db");
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={other}"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        var imported = await Run(other, "import", csv, "--no-files");
        Assert.True(imported.Code == 0, imported.Output + imported.Error);
        Assert.Contains("1 bản ghi", imported.Output);
        Assert.Contains("cột files ghi 2 tệp minh chứng nhưng tệp không được gửi kèm", imported.Output);
        var reimported = await Run(other, "import", xlsx);
        Assert.Contains("trùng", reimported.Output + reimported.Error);
    }

    [Fact]
    public async Task An_export_imports_back_with_its_files_and_overwrite_replaces_the_earlier_export()
    {
        var (id, first, second) = await LogWithEvidence();
        var csv = Path.Combine(_folder, "ban-ghi.csv");
        Assert.Equal(0, (await Run(Db, "export", csv)).Code);

        // Into another database: the files beside the export are attached again, in their order, with the same bytes.
        var other = Path.Combine(_folder, "other.db");
        var dry = await Run(other, "import", csv, "--dry-run");
        Assert.Contains("sẽ gắn lại 2 tệp minh chứng", dry.Output);
        var imported = await Run(other, "import", csv);
        Assert.True(imported.Code == 0, imported.Output + imported.Error);
        Assert.Contains("đã gắn lại 2 tệp minh chứng", imported.Output);
        Assert.Contains("ban-ghi-minh-chung", imported.Error);
        long copy;
        using (var store = new KhuyenCongBot.Storage.LiteDbStore(other))
        {
            var record = Assert.Single(store.Records.All());
            copy = record.Id;
            var attached = store.Attachments.ForRecord(record.Id);
            Assert.Equal(2, attached.Count);
            Assert.Equal([first, second], attached.Select(a =>
            {
                using var bytes = new MemoryStream();
                Assert.True(store.Attachments.CopyTo(a.Id, bytes));
                return bytes.ToArray();
            }).ToList());
        }

        // Its export gives the same files again (named by its own record number): the round trip keeps them.
        var back = Path.Combine(_folder, "lai.csv");
        Assert.Equal(0, (await Run(other, "export", back)).Code);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(_folder, "lai-minh-chung", $"{copy}-1.jpg")));
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(_folder, "lai-minh-chung", $"{copy}-2.jpg")));
        Assert.EndsWith($",{copy}-1.jpg;{copy}-2.jpg", File.ReadAllLines(back)[1]);

        // A listed file missing from the folder: the record comes without it, and the import says which.
        File.Delete(Path.Combine(_folder, "lai-minh-chung", $"{copy}-2.jpg"));
        var third = Path.Combine(_folder, "third.db");
        var partial = await Run(third, "import", back);
        Assert.True(partial.Code == 0, partial.Output + partial.Error);
        Assert.Contains($"không thấy 1 trong 2 tệp minh chứng cột files ghi ({copy}-2.jpg)", partial.Output);

        // --overwrite replaces the earlier export and its files folder; without it nothing is touched.
        var before = File.ReadAllBytes(csv);
        Assert.Equal(BotApp.ExitCannotCreate, (await Run(Db, "export", csv)).Code);
        Assert.Equal(before, File.ReadAllBytes(csv));
        var replaced = await Run(Db, "export", csv, "--overwrite");
        Assert.True(replaced.Code == 0, replaced.Error);
        Assert.Contains("2 tệp minh chứng", replaced.Output);
        Assert.Equal([$"{id}-1.jpg", $"{id}-2.jpg"], Directory.GetFiles(Path.Combine(_folder, "ban-ghi-minh-chung")).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetDirectories(_folder, "*.tmp"));
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
