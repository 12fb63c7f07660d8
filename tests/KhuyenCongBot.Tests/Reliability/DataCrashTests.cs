using KhuyenCongBot.Storage;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>SIGKILL in the middle of an import, a restore and a scheduled backup: the store opens and holds all or nothing of each.</summary>
[Collection(nameof(CrashTests))]
public sealed class DataCrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "datacrash-" + Guid.NewGuid().ToString("N"));
    private readonly Random _random = new(20261126);

    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    private string[] On(string db, params string[] args) =>
        [.. args, $"--Storage:DatabasePath={db}", $"--Backup:Folder={_folder}/backups", $"--Storage:OutputPath={_folder}/out"];

    private async Task<string> BigCsv(string name, int rows, string prefix)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, Header + string.Concat(Enumerable.Range(0, rows).Select(i =>
            $"{1 + i % 28:00}/{1 + i % 12:00}/2025,Bắc Ninh,trade_fair,{prefix} số {i},xã Phù Lãng,{1 + i % 9},,,,,\n")));
        return path;
    }

    private static (int Records, int Batches) Count(string db)
    {
        using var store = new LiteDbStore(db);
        return (store.Records.Count(), store.Imports.All().Count(b => b.UndoneAt is null));
    }

    /// <summary>Starts the program, kills it after a random moment once it holds the database; returns whether it was still running.</summary>
    private async Task<bool> KillDuring(string db, string[] args, int minMs, int maxMs)
    {
        await using var process = CliProcess.Start(_folder, args);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (DatabaseLock.Holder(db) is null && !process.HasExited && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        await Task.Delay(_random.Next(minMs, maxMs));
        var running = !process.HasExited;
        await process.KillAsync();
        return running;
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Killing_an_import_leaves_all_or_nothing_of_it()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        var seed = await BigCsv("seed.csv", 10, "Cơ sở đầu");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(db, "import", seed))).Code);
        var big = await BigCsv("big.csv", 8000, "Cơ sở");
        var cut = 0;
        for (var run = 0; run < 4; run++)
        {
            var wasRunning = await KillDuring(db, On(db, "import", big), 200, 2500);
            var (records, batches) = Count(db);
            output.WriteLine($"import killed (running: {wasRunning}): {records} records, {batches} batches");
            Assert.True(records is 10 or 8010, $"{records} records: part of an import");
            Assert.Equal(records == 10 ? 1 : 2, batches);
            if (records == 8010)
            {
                break;
            }
            cut += wasRunning ? 1 : 0;
        }
        Assert.True(cut > 0, "no import was killed while it ran: the test did not test anything");
        // Killed through the owner too: the service dies mid-import; its client is told, the file holds all or nothing.
        var before = Count(db).Records;
        await using (var owner = CliProcess.Start(_folder, On(db, "chat")))
        {
            await owner.AskAsync("/help");
            var other = await BigCsv("other.csv", 8000, "Hộ kinh doanh");
            var client = CliProcess.Start(_folder, On(db, "import", other));
            await Task.Delay(_random.Next(800, 2500));
            await owner.KillAsync();
            var code = await client.ExitAsync(TimeSpan.FromSeconds(30));
            output.WriteLine($"owner killed during an import through it: client exit {code}: {client.Output}{client.Error}");
            await client.DisposeAsync();
        }
        var after = Count(db).Records;
        Assert.True(after == before || after == before + 8000, $"{after - before} of 8000 records after the owner died mid-import");
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Killing_a_restore_leaves_the_old_or_the_new_database()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        var other = Path.Combine(_folder, "other.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(other, "import", await BigCsv("big.csv", 8000, "Cơ sở")))).Code);
        var backup = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(other, "backup", backup))).Code);
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(db, "import", await BigCsv("small.csv", 5, "Cơ sở nhỏ")))).Code);
        var small = Path.Combine(_folder, "small.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(db, "backup", small))).Code);
        var cut = 0;
        for (var run = 0; run < 6; run++)
        {
            // From the small database to the big one and back: a half-done restore would show as another count.
            var from = Count(db).Records;
            var wasRunning = await KillDuring(db, On(db, "restore", from == 5 ? backup : small), 50, 1200);
            var (records, _) = Count(db);
            output.WriteLine($"restore {from} -> {(from == 5 ? 8000 : 5)} killed (running: {wasRunning}): {records} records");
            Assert.True(records is 5 or 8000, $"{records} records after a killed restore");
            cut += wasRunning ? 1 : 0;
            foreach (var kept in Directory.GetFiles(_folder, "bot-before-restore-*.db"))
            {
                // A kept copy is either complete or being written by the killed process: a complete one verifies.
                try
                {
                    output.WriteLine($"  kept copy {Path.GetFileName(kept)}: {Backups.Verify(kept)} records");
                }
                catch (StoreOpenException ex)
                {
                    output.WriteLine($"  kept copy {Path.GetFileName(kept)} unfinished: {ex.Message}");
                }
            }
        }
        Assert.True(cut > 0, "no restore was killed while it ran: the test did not test anything");
        // The next restore runs to the end and cleans what the killed ones left.
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(db, "restore", backup))).Code);
        Assert.Equal(8000, Count(db).Records);
        Assert.Empty(Directory.GetFiles(_folder, ".bot.db.restore-*"));
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Killing_the_service_during_a_scheduled_backup_leaves_only_good_backups()
    {
        Directory.CreateDirectory(_folder);
        var db = Path.Combine(_folder, "bot.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On(db, "import", await BigCsv("big.csv", 8000, "Cơ sở")))).Code);
        var backups = Path.Combine(_folder, "backups");
        string[] schedule = ["--Backup:Cron=*/1 * * * * *", "--Backup:Keep=3"];
        for (var run = 0; run < 3; run++)
        {
            await using (var service = CliProcess.Start(_folder, On(db, ["chat", .. schedule])))
            {
                await service.AskAsync("/help");
                await Task.Delay(_random.Next(1500, 4000));
                await service.KillAsync();
            }
            var named = Directory.Exists(backups) ? Directory.GetFiles(backups, "khuyencong-*.db") : [];
            output.WriteLine($"run {run}: {named.Length} backups, {Directory.GetFiles(backups).Length - named.Length} unfinished copies");
            Assert.All(named, b => Assert.Equal(8000, Backups.Verify(b)));
            Assert.Equal(8000, Count(db).Records);
        }
        Assert.NotEmpty(Directory.GetFiles(backups, "khuyencong-*.db"));
        // A normal start removes the copies a killed backup left unfinished.
        var (code, _, error) = await CliProcess.RunAsync(_folder, "/help\n", On(db, "chat", "--Backup:Cron=0 2 * * *"));
        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(backups, "*.tmp"));
        Assert.InRange(Directory.GetFiles(backups, "khuyencong-*.db").Length, 1, 3);
    }

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
