using System.Text.RegularExpressions;
using KhuyenCongBot.Storage;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>Two real processes on one database file: the second goes through the owner or is refused; nothing is corrupted or lost.</summary>
[Collection(nameof(CrashTests))]
public sealed partial class OwnershipTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "owner-" + Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "bot.db");

    private string[] On(params string[] args) => [.. args, $"--Storage:DatabasePath={Db}", $"--Backup:Folder={_folder}/backups", $"--Storage:OutputPath={_folder}/out"];

    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    [GeneratedRegex(@"([\d.]+) gian hàng")]
    private static partial Regex Booths();

    private static int BoothsIn(string answer) => int.Parse(Booths().Match(answer).Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    [Trait("Category", "Crash")]
    public async Task A_second_process_goes_through_the_owner_or_is_refused_and_the_owners_figures_stay_current()
    {
        Directory.CreateDirectory(_folder);
        var csv = Path.Combine(_folder, "thang5.csv");
        await File.WriteAllTextAsync(csv, Header +
            "15/05/2026,Bắc Ninh,trade_fair,Gốm Phù Lãng,xã Phù Lãng,7,,,,,\n" +
            "16/05/2026,Bắc Ninh,trade_fair,Mây tre Xuân Lai,xã Xuân Lai,5,,,,,\n");
        var seed = Path.Combine(_folder, "thang4.csv");
        await File.WriteAllTextAsync(seed, Header + "15/04/2026,Bắc Ninh,trade_fair,Gốm Phù Lãng,xã Phù Lãng,3,,,,,\n");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On("import", seed))).Code);

        // The owner: a terminal chat that stays open.
        await using var owner = CliProcess.Start(_folder, On("chat", "--today", "2026-11-26"));
        var before = await owner.AskAsync("bao nhiêu gian hàng năm 2026");
        Assert.Equal(3, BoothsIn(before));

        // import beside it: through the owner, whose index hears of it at once.
        var import = await CliProcess.RunAsync(_folder, "", On("import", csv));
        output.WriteLine(import.Output + import.Error);
        Assert.Equal(0, import.Code);
        Assert.Contains("Đã nhập 2 bản ghi", import.Output);
        Assert.Contains($"qua tiến trình {owner.Id} (chat", import.Error);
        Assert.Equal(15, BoothsIn(await owner.AskAsync("bao nhiêu gian hàng năm 2026")));

        // The same file again: reported, not doubled.
        var again = await CliProcess.RunAsync(_folder, "", On("import", csv));
        Assert.Contains("đã nhập ngày", again.Output);
        Assert.Equal(15, BoothsIn(await owner.AskAsync("bao nhiêu gian hàng năm 2026")));

        // A second terminal: joins the owner (another role), and what it saves is seen by the owner.
        var second = await CliProcess.RunAsync(_folder, "/kehoach 2027 Bắc Ninh trade_fair.booths 120\nbao nhiêu gian hàng năm 2026\n",
            On("chat", "--user", "b", "--role", "admin"));
        output.WriteLine(second.Output + second.Error);
        Assert.Equal(0, second.Code);
        Assert.Contains($"tiến trình {owner.Id}", second.Error);
        Assert.Contains("15 gian hàng", second.Output);
        Assert.Contains("120", await owner.AskAsync("/kehoach 2027 Bắc Ninh"));

        // export and backup beside it: through the owner, complete.
        var exported = await CliProcess.RunAsync(_folder, "", On("export", Path.Combine(_folder, "all.csv")));
        Assert.Equal(0, exported.Code);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_folder, "all.csv")).Length);
        var backup = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On("backup", backup))).Code);
        Assert.Equal(3, Backups.Verify(backup));

        // restore and a second run: refused at once, naming the owner; nothing touched.
        var restore = await CliProcess.RunAsync(_folder, "", On("restore", backup));
        Assert.Equal(75, restore.Code);
        Assert.Contains($"tiến trình {owner.Id} (chat", restore.Error);
        Assert.Single(restore.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var run = await CliProcess.RunAsync(_folder, "", On("run", "--Telegram:BotToken=123:abc", "--Urls=http://127.0.0.1:0"));
        Assert.Equal(75, run.Code);
        Assert.Contains("mỗi cơ sở dữ liệu chỉ một bot chạy", run.Error);
        Assert.Equal(15, BoothsIn(await owner.AskAsync("bao nhiêu gian hàng năm 2026")));

        owner.CloseInput();
        Assert.Equal(0, await owner.ExitAsync(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("fail:", owner.Error);
        using var store = new LiteDbStore(Db);
        Assert.Equal(3, store.Records.Count());
        Assert.Equal(120m, store.Plans.Get("2027|bac-ninh|trade_fair.booths")!.Target);
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task A_killed_owner_leaves_no_lock_behind()
    {
        Directory.CreateDirectory(_folder);
        await using (var owner = CliProcess.Start(_folder, On("chat")))
        {
            await owner.AskAsync("/help");
            Assert.NotNull(DatabaseLock.Holder(Db));
            await owner.KillAsync();
        }
        Assert.Null(DatabaseLock.Holder(Db));
        var after = await CliProcess.RunAsync(_folder, "/help\n", On("chat"));
        Assert.Equal(0, after.Code);
        Assert.DoesNotContain("đang được", after.Error);
        using var store = new LiteDbStore(Db);
        Assert.NotEmpty(store.Catalogue.Activities());
    }

    [Fact]
    [Trait("Category", "Crash")]
    public async Task A_verb_beside_an_owner_without_an_admin_channel_is_refused_at_once_naming_it()
    {
        Directory.CreateDirectory(_folder);
        var csv = Path.Combine(_folder, "thang5.csv");
        await File.WriteAllTextAsync(csv, Header + "15/05/2026,Bắc Ninh,trade_fair,Gốm Phù Lãng,xã Phù Lãng,7,,,,,\n");
        Assert.Equal(0, (await CliProcess.RunAsync(_folder, "", On("import", csv))).Code);
        var before = await File.ReadAllBytesAsync(Db);
        // This test process holds the file the way a running `import` does (no admin channel).
        using (DatabaseLock.Acquire(Db, "import"))
        {
            foreach (var verb in new[] { new[] { "import", csv, "--allow-duplicates" }, ["export", Path.Combine(_folder, "x.csv")], ["backup", Path.Combine(_folder, "b.db")], ["chat"] })
            {
                var refused = await CliProcess.RunAsync(_folder, "/help\n", On(verb));
                Assert.Equal(75, refused.Code);
                var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains($"đang được tiến trình {Environment.ProcessId} (import, từ", line);
                Assert.Contains("chờ tiến trình đó xong", line);
            }
        }
        Assert.Equal(before, await File.ReadAllBytesAsync(Db));
        Assert.False(File.Exists(Path.Combine(_folder, "x.csv")));
        Assert.False(File.Exists(Path.Combine(_folder, "b.db")));
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
