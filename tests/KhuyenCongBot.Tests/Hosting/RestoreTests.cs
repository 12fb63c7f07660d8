using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>Restore checks a backup completely before it touches anything; backups are checked when written; rotation keeps the good ones.</summary>
public sealed class RestoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "restore-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "bot.db");

    public RestoreTests() => Directory.CreateDirectory(_folder);

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse([.. args, $"--Storage:DatabasePath={Db}", $"--Backup:Folder={_folder}/backups"]),
            new StringReader("/help\n"), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A database with some records, and a backup of it.</summary>
    private async Task<string> DatabaseAndBackup()
    {
        var csv = Path.Combine(_folder, "records.csv");
        await File.WriteAllTextAsync(csv, RecordsHeader + string.Join("", Enumerable.Range(1, 60).Select(i =>
            $"{1 + i % 28:00}/03/2024,Bắc Ninh,trade_fair,Cơ sở gốm số {i},xã Phù Lãng,{1 + i % 9},,{i * 1_000_000},KCĐP,,Hội chợ {i}\n")));
        Assert.Equal(0, (await Run("import", csv)).Code);
        var backup = Path.Combine(_folder, "good.db");
        var made = await Run("backup", backup);
        Assert.Equal(0, made.Code);
        Assert.Contains("60 bản ghi", made.Output);
        return backup;
    }

    private const string RecordsHeader = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    [Fact]
    public async Task A_cut_backup_is_refused_in_one_line_and_the_database_stays_byte_identical()
    {
        var backup = await DatabaseAndBackup();
        var cut = Path.Combine(_folder, "cut.db");
        var bytes = await File.ReadAllBytesAsync(backup);
        await File.WriteAllBytesAsync(cut, bytes[..(40 * 1024)]);
        var before = await File.ReadAllBytesAsync(Db);

        var (code, output, error) = await Run("restore", cut);

        Assert.Equal(BotApp.ExitData, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cắt cụt", line);
        Assert.Contains("Không khôi phục, cơ sở dữ liệu giữ nguyên", line);
        Assert.Contains("cut.db", line);           // the file the admin named...
        Assert.DoesNotContain(".restore-", line);  // ...not the bot's working copy of it
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
        Assert.Single(Directory.GetFiles(_folder, "bot*.db")); // no copy kept: nothing was replaced
    }

    [Theory]
    [InlineData("some.csv", "là tệp văn bản CSV")]
    [InlineData("export.xlsx", "là tệp nén/Excel")]
    [InlineData("empty.db", "tệp rỗng")]
    [InlineData("noise.db", "không phải tệp cơ sở dữ liệu LiteDB")]
    public async Task A_foreign_file_is_refused_and_nothing_changes(string name, string reason)
    {
        await DatabaseAndBackup();
        var path = Path.Combine(_folder, name);
        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal(0, (await Run("export", path)).Code);
        }
        else if (name.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            Assert.Equal(0, (await Run("export", path)).Code);
        }
        else
        {
            await File.WriteAllBytesAsync(path, name == "empty.db" ? [] : Enumerable.Range(0, 20000).Select(i => (byte)(i * 7)).ToArray());
        }
        var before = await File.ReadAllBytesAsync(Db);
        var (code, _, error) = await Run("restore", path);
        Assert.Equal(BotApp.ExitData, code);
        Assert.Contains(reason, error);
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
    }

    [Fact]
    public async Task A_backup_damaged_in_the_middle_is_refused()
    {
        var backup = await DatabaseAndBackup();
        var bytes = await File.ReadAllBytesAsync(backup);
        // Scribble over every page after the header pages (the length and the first page stay right).
        for (var page = 2; page < bytes.Length / DatabaseInspector.PageSize; page++)
        {
            for (var i = 0; i < 64; i++)
            {
                bytes[page * DatabaseInspector.PageSize + i] = 0xEE;
            }
        }
        var damaged = Path.Combine(_folder, "damaged.db");
        await File.WriteAllBytesAsync(damaged, bytes);
        var before = await File.ReadAllBytesAsync(Db);

        var (code, _, error) = await Run("restore", damaged);

        Assert.Equal(BotApp.ExitData, code);
        Assert.Contains("hỏng", error);
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
    }

    [Fact]
    public async Task Dry_run_reports_what_would_be_restored_and_changes_nothing()
    {
        var backup = await DatabaseAndBackup();
        var before = await File.ReadAllBytesAsync(Db);
        var (code, output, _) = await Run("restore", backup, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("chưa thay đổi gì", output);
        Assert.Contains("60 bản ghi", output);
        Assert.Contains($"lược đồ {KhuyenCongBot.Storage.LiteDbStore.SchemaVersion}", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
        Assert.Single(Directory.GetFiles(_folder, "bot*.db"));
    }

    [Fact]
    public async Task Each_restore_keeps_the_current_database_under_a_new_name_never_over_an_earlier_one()
    {
        var backup = await DatabaseAndBackup();
        var first = await Run("restore", backup);
        var second = await Run("restore", backup);
        Assert.Equal(0, first.Code);
        Assert.Equal(0, second.Code);
        var kept = Directory.GetFiles(_folder, "bot-before-restore-*.db");
        Assert.Equal(2, kept.Length);
        Assert.All(kept, k => Assert.Equal(60, Backups.Verify(k)));
        Assert.Contains(Path.GetFileName(kept[0]), first.Output + second.Output);
        using var store = new LiteDbStore(Db);
        Assert.Equal(60, store.Records.Count());
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_a_file_or_the_database_and_takes_a_folder()
    {
        var backup = await DatabaseAndBackup();
        var before = await File.ReadAllBytesAsync(backup);
        Assert.Equal(BotApp.ExitCannotCreate, (await Run("backup", backup)).Code);
        Assert.Equal(before, await File.ReadAllBytesAsync(backup));
        Assert.Equal(BotApp.ExitCannotCreate, (await Run("backup", Db)).Code);
        var folder = Path.Combine(_folder, "many");
        Directory.CreateDirectory(folder);
        Assert.Equal(0, (await Run("backup", folder)).Code);
        Assert.Equal(0, (await Run("backup", folder)).Code);
        Assert.Equal(2, Directory.GetFiles(folder, "khuyencong-*.db").Length);
        Assert.Equal(BotApp.ExitNoInput, (await Run("restore", Path.Combine(_folder, "missing.db"))).Code);
        Assert.Equal(BotApp.ExitData, (await Run("restore", Db)).Code);
        Assert.Equal(BotApp.ExitUsage, (await Run("export", Path.Combine(_folder, "x.db"))).Code);
    }

    [Fact]
    public void Rotation_keeps_the_newest_and_never_the_one_just_written()
    {
        var folder = Path.Combine(_folder, "rot");
        Directory.CreateDirectory(folder);
        var now = DateTime.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            var file = Path.Combine(folder, $"khuyencong-2026010{i}-000000.db");
            File.WriteAllText(file, "x");
            File.SetLastWriteTimeUtc(file, now.AddDays(-10 + i));
        }
        // Just written, but named (and dated) as the oldest: a clock set back, --today in the past.
        var justWritten = Path.Combine(folder, "khuyencong-2020-000000.db");
        File.WriteAllText(justWritten, "x");
        File.SetLastWriteTimeUtc(justWritten, now.AddDays(-100));

        Backups.Prune(folder, "khuyencong-*.db", 2, justWritten);

        var left = Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f).ToList();
        Assert.Equal(["khuyencong-2020-000000.db", "khuyencong-20260104-000000.db"], left);
        Backups.Prune(folder, "khuyencong-*.db", 0, justWritten);
        Assert.Single(Directory.GetFiles(folder), justWritten);
    }

    [Fact]
    public async Task The_scheduled_backup_is_checked_and_leaves_no_half_written_file()
    {
        await DatabaseAndBackup();
        using var store = new LiteDbStore(Db);
        var service = new BackupService(store, Microsoft.Extensions.Options.Options.Create(new BackupOptions { Folder = Path.Combine(_folder, "backups"), Keep = 2 }),
            RecordsClock(), Microsoft.Extensions.Logging.Abstractions.NullLogger<BackupService>.Instance);
        var paths = Enumerable.Range(0, 3).Select(_ => service.BackupWithReport()).ToList();
        Assert.All(paths, p => Assert.Equal(60, p.Records));
        var files = Directory.GetFiles(Path.Combine(_folder, "backups"));
        Assert.Equal(2, files.Length);
        Assert.Contains(paths[^1].Path, files);
        Assert.All(files, f => Assert.Equal(60, Backups.Verify(f)));
    }

    [Fact]
    public async Task Two_bots_backing_up_into_one_folder_in_the_same_second_each_get_their_own_checked_copy()
    {
        // CI saw "/saoluu" fail: two test bots shared the default folder and the same fake clock, so both wrote "khuyencong-20261126-090000.db"
        // through the same temporary name. Each backup must succeed, under its own name, holding its own database.
        var backup = await DatabaseAndBackup();
        var other = Path.Combine(_folder, "other.db");
        File.Copy(backup, other);
        using (var copy = new LiteDbStore(other))
        {
            copy.Records.Add(new SupportRecord { ActivityId = "trade_fair", ProvinceId = "phu-tho", FacilityName = "Cơ sở khác", Booths = 1, Date = new DateOnly(2026, 11, 20), Source = "form" });
        }
        var frozen = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var clock = new Core.Time.BotClock(frozen, Core.Time.BotClock.FindZone("Asia/Ho_Chi_Minh"));
        var options = Microsoft.Extensions.Options.Options.Create(new BackupOptions { Folder = Path.Combine(_folder, "shared"), Keep = 1000 });
        using var first = new LiteDbStore(Db);
        using var second = new LiteDbStore(other);
        BackupService Service(LiteDbStore s) => new(s, options, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<BackupService>.Instance);
        var services = new[] { Service(first), Service(second) };
        var reports = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => services[i % 2].BackupWithReport())));

        Assert.Equal(16, reports.Select(r => r.Path).Distinct().Count());
        foreach (var (report, i) in reports.Select((r, i) => (r, i)))
        {
            Assert.Equal(i % 2 == 0 ? 60 : 61, report.Records);
            Assert.Equal(report.Records, Backups.Verify(report.Path));
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "shared"), "*.tmp"));
    }

    private static Core.Time.BotClock RecordsClock() =>
        new(TimeProvider.System, Core.Time.BotClock.FindZone("Asia/Ho_Chi_Minh"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
