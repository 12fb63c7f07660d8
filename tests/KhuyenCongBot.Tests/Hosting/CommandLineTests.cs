using KhuyenCongBot.Hosting;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>The verbs and flags of the program.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], "run")]
    [InlineData(new[] { "run" }, "run")]
    [InlineData(new[] { "chat" }, "chat")]
    [InlineData(new[] { "CHAT", "--demo" }, "chat")]
    [InlineData(new[] { "import", "x.csv" }, "import")]
    [InlineData(new[] { "backup", "b.db" }, "backup")]
    [InlineData(new[] { "--Telegram:BotToken=1:a" }, "run")]
    public void Verb_is_read(string[] args, string verb) => Assert.Equal(verb, CommandLine.Parse(args).Verb);

    [Fact]
    public void Chat_flags_are_read_and_configuration_passes_through()
    {
        var cl = CommandLine.Parse(["chat", "--demo", "--today", "2024-06-30", "--user", "u1", "--role=officer", "--province", "Phú Thọ", "--Bot:TimeZone=UTC"]);
        Assert.True(cl.Has("--demo"));
        Assert.Equal("2024-06-30", cl.Get("--today"));
        Assert.Equal("u1", cl.Get("--user"));
        Assert.Equal("officer", cl.Get("--role"));
        Assert.Equal("Phú Thọ", cl.Get("--province"));
        Assert.Equal(["--Bot:TimeZone=UTC"], cl.ConfigurationArgs);
        Assert.Equal("data/demo.db", BotApp.FlagOverrides(cl)["Storage:DatabasePath"]);
    }

    [Theory]
    [InlineData("--today", "30/06/2024")]
    [InlineData("--bogus", null)]
    [InlineData("--user", null)]
    public void Bad_flags_are_refused_with_a_Vietnamese_message(string flag, string? value)
    {
        string[] args = value is null ? ["chat", flag] : ["chat", flag, value];
        var ex = Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));
        Assert.Matches("Thiếu|Không hiểu|cần ngày", ex.Message);
    }

    [Theory]
    [InlineData("frobnicate", "Không có lệnh 'frobnicate'")]
    [InlineData("run extra", "Lệnh run không nhận 'extra'")]
    public void An_unknown_verb_or_stray_word_is_named(string line, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => CommandLine.Parse(line.Split(' ')));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public async Task Tools_never_create_a_database_that_is_not_there()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        var db = Path.Combine(folder, "typo.db");
        foreach (var args in new[] { new[] { "imports" }, ["export", Path.Combine(folder, "x.csv")], ["backup", folder + "/bk/"], ["import", "--undo", "1"] })
        {
            var error = new StringWriter();
            Assert.Equal(66, await BotApp.RunAsync(CommandLine.Parse([.. args, $"--Storage:DatabasePath={db}"]), TextReader.Null, TextWriter.Null, error, CancellationToken.None));
            Assert.Contains("Chưa có cơ sở dữ liệu", error.ToString());
        }
        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(folder + "/bk"));
    }

    [Fact]
    public async Task Run_without_any_token_exits_2_and_says_how_to_set_one()
    {
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse(["run", "--Telegram:BotToken=", "--Zalo:BotToken="]), TextReader.Null, TextWriter.Null, error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains("Telegram:BotToken", error.ToString());
    }

    [Fact]
    public async Task Chat_reads_piped_lines_and_ends_at_end_of_input()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        var output = new StringWriter();
        var code = await BotApp.RunAsync(
            CommandLine.Parse(["chat", "--today", "2024-06-30", $"--Storage:DatabasePath={folder}/t.db"]),
            new StringReader("/help\n/khonglenh\n"), output, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("> /help", text);
        Assert.Contains("Không có lệnh /khonglenh", text);
    }

    [Fact]
    public async Task Backup_then_restore_round_trips_and_a_corrupt_file_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        var backup = Path.Combine(folder, "backup.db");
        var output = new StringWriter();
        await BotApp.RunAsync(CommandLine.Parse(["chat", $"--Storage:DatabasePath={db}"]), new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["backup", backup, $"--Storage:DatabasePath={db}"]), TextReader.Null, output, TextWriter.Null, CancellationToken.None));
        Assert.True(File.Exists(backup));
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["restore", backup, $"--Storage:DatabasePath={db}"]), TextReader.Null, output, TextWriter.Null, CancellationToken.None));
        Assert.Contains("Đã khôi phục", output.ToString());

        var corrupt = Path.Combine(folder, "corrupt.db");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 10000).Select(i => (byte)(i * 7)).ToArray());
        var error = new StringWriter();
        var before = await File.ReadAllBytesAsync(db);
        Assert.Equal(65, await BotApp.RunAsync(CommandLine.Parse(["restore", corrupt, $"--Storage:DatabasePath={db}"]), TextReader.Null, TextWriter.Null, error, CancellationToken.None));
        Assert.Contains("Không khôi phục, cơ sở dữ liệu giữ nguyên", error.ToString());
        Assert.Equal(before, await File.ReadAllBytesAsync(db));
    }
}

/// <summary>Bad configuration stops the program with a message that names the key.</summary>
public sealed class ConfigurationValidationTests
{
    [Theory]
    [InlineData("--Telegram:BotToken=not-a-token", "Telegram:BotToken")]
    [InlineData("--Bot:EditWindowDays=-3", "Bot:EditWindowDays")]
    [InlineData("--Bot:CodeAttemptsPerSender=0", "Bot:CodeAttemptsPerSender")]
    [InlineData("--Bot:CodeLockoutMinutes=0", "Bot:CodeLockoutMinutes")]
    [InlineData("--Bot:CodeAttemptsGlobal=2", "Bot:CodeAttemptsGlobal")]
    public async Task Run_with_a_bad_value_exits_2_naming_the_key(string setting, string key)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        var error = new StringWriter();
        string[] args = setting.StartsWith("--Telegram", StringComparison.Ordinal)
            ? ["run", setting, $"--Storage:DatabasePath={folder}/x.db", "--Urls=http://127.0.0.1:0"]
            : ["run", "--Telegram:BotToken=123456:abcdef", "--Telegram:ApiBaseUrl=http://127.0.0.1:9", setting, $"--Storage:DatabasePath={folder}/x.db", "--Urls=http://127.0.0.1:0"];
        var code = await BotApp.RunAsync(CommandLine.Parse(args), TextReader.Null, TextWriter.Null, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, code);
        Assert.Contains(key, error.ToString());
    }
}
