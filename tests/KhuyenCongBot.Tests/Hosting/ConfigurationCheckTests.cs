using System.Reflection;
using KhuyenCongBot.Hosting;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>Every configuration key is checked at start: one line per problem, in Vietnamese and English, all at once, exit 2, no stack trace.</summary>
public sealed class ConfigurationCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "config-" + Guid.NewGuid().ToString("N"));

    public ConfigurationCheckTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "a-file"), "x");
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));
    }

    /// <summary>One bad value per key; {dir} is a temp folder, {file} a file in it. The key must be named in the message.</summary>
    public static readonly TheoryData<string, string> BadValues = new()
    {
        { "Bot:Admins:0=123456", "Bot:Admins:0" },
        { "Bot:TimeZone=Mars/Olympus", "Bot:TimeZone" },
        { "Bot:EditWindowDays=-1", "Bot:EditWindowDays" },
        { "Bot:DraftReminderMinutes=0", "Bot:DraftReminderMinutes" },
        { "Bot:DialogIdleMinutes=0", "Bot:DialogIdleMinutes" },
        { "Bot:DialogIdleMinutes=half an hour", "Bot:DialogIdleMinutes" },
        { "Bot:InvitationDays=abc", "Bot:InvitationDays" },
        { "Bot:FloodBurst=1e3", "Bot:FloodBurst" },
        { "Bot:FloodPerSecond=abc", "Bot:FloodPerSecond" },
        { "Bot:CodeAttemptsPerSender=0", "Bot:CodeAttemptsPerSender" },
        { "Bot:CodeAttemptsGlobal=abc", "Bot:CodeAttemptsGlobal" },
        { "Bot:CodeLockoutMinutes=1441", "Bot:CodeLockoutMinutes" },
        { "Bot:CodeAttemptsGlobal=3", "Bot:CodeAttemptsGlobal" },
        { "Bot:TelegramBotUsername=@a b", "Bot:TelegramBotUsername" },
        { "Storage:DatabasePath={dir}", "Storage:DatabasePath" },
        { "Storage:SeedsPath={dir}/empty", "Storage:SeedsPath" },
        { "Storage:LoadDemoData=yes", "Storage:LoadDemoData" },
        { "Storage:OutputPath={file}", "Storage:OutputPath" },
        { "Broadcast:MessagesPerSecond=0", "Broadcast:MessagesPerSecond" },
        { "Broadcast:PerChatPerSecond=1000", "Broadcast:PerChatPerSecond" },
        { "Broadcast:MaxRetries=-1", "Broadcast:MaxRetries" },
        { "Broadcast:MaxParallel=65", "Broadcast:MaxParallel" },
        { "Broadcast:MaxRateLimitHits=0", "Broadcast:MaxRateLimitHits" },
        { "Broadcast:ResendUncertain=maybe", "Broadcast:ResendUncertain" },
        { "Broadcast:ReminderCron=every-month", "Broadcast:ReminderCron" },
        { "Broadcast:ReminderEnabled=1", "Broadcast:ReminderEnabled" },
        { "Backup:Enabled=on", "Backup:Enabled" },
        { "Figures:FollowUpMinutes=0", "Figures:FollowUpMinutes" },
        { "Figures:FollowUpMinutes=half an hour", "Figures:FollowUpMinutes" },
        { "Backup:Folder={file}/backups", "Backup:Folder" },
        { "Backup:Keep=0", "Backup:Keep" },
        { "Backup:Cron=every-day", "Backup:Cron" },
        { "Telegram:BotToken=not-a-token", "Telegram:BotToken" },
        { "Telegram:ApiBaseUrl=localhost:8081", "Telegram:ApiBaseUrl" },
        { "Telegram:Mode=Carrier", "Telegram:Mode" },
        { "Telegram:WebhookUrl=ftp://bot.example.vn/hook", "Telegram:WebhookUrl" },
        { "Telegram:WebhookSecret=has spaces!", "Telegram:WebhookSecret" },
        { "Telegram:PollTimeoutSeconds=90", "Telegram:PollTimeoutSeconds" },
        { "Telegram:ErrorBackoffMilliseconds=0", "Telegram:ErrorBackoffMilliseconds" },
        { "Zalo:BotToken=has space", "Zalo:BotToken" },
        { "Zalo:ApiBaseUrl=bot-api", "Zalo:ApiBaseUrl" },
        { "Zalo:Mode=Pigeon", "Zalo:Mode" },
        { "Zalo:WebhookUrl=not a url", "Zalo:WebhookUrl" },
        { "Zalo:WebhookSecret=short", "Zalo:WebhookSecret" },
        { "Zalo:PublicBaseUrl=bot.example.vn", "Zalo:PublicBaseUrl" },
        { "Zalo:PollTimeoutSeconds=0", "Zalo:PollTimeoutSeconds" },
        { "Zalo:ErrorBackoffMilliseconds=99999999", "Zalo:ErrorBackoffMilliseconds" },
        { "Zalo:MessagesPerSecond=500", "Zalo:MessagesPerSecond" },
        { "Zalo:FileLifetimeHours=999", "Zalo:FileLifetimeHours" },
        { "Urls=localhost:8080", "Urls" },
        { "Bot:FloodPerSec=3", "Bot:FloodPerSec" },
    };

    private string[] Args(string setting)
    {
        var value = setting.Replace("{dir}", _folder, StringComparison.Ordinal).Replace("{file}", Path.Combine(_folder, "a-file"), StringComparison.Ordinal);
        var args = new List<string> { "run", "--" + value, "--Urls=http://127.0.0.1:0", "--Telegram:ApiBaseUrl=http://127.0.0.1:9" };
        if (!setting.StartsWith("Storage:DatabasePath", StringComparison.Ordinal))
        {
            args.Add($"--Storage:DatabasePath={_folder}/x.db");
        }
        if (!setting.StartsWith("Telegram:BotToken", StringComparison.Ordinal))
        {
            args.Add("--Telegram:BotToken=123456:abcdef");
        }
        if (setting.StartsWith("Telegram:Webhook", StringComparison.Ordinal))
        {
            args.Add("--Telegram:Mode=Webhook");
            args.Add(setting.Contains("Secret", StringComparison.Ordinal) ? "--Telegram:WebhookUrl=https://bot.example.vn/tg" : "--Telegram:WebhookSecret=secret_123");
        }
        if (setting.StartsWith("Zalo:Webhook", StringComparison.Ordinal))
        {
            args.Add("--Zalo:BotToken=1:abc");
            args.Add("--Zalo:Mode=Webhook");
            args.Add(setting.Contains("Secret", StringComparison.Ordinal) ? "--Zalo:WebhookUrl=https://bot.example.vn/zalo" : "--Zalo:WebhookSecret=secret_12345");
        }
        if (setting.StartsWith("Urls", StringComparison.Ordinal) || setting.StartsWith("Telegram:ApiBaseUrl", StringComparison.Ordinal))
        {
            args.RemoveAll(a => a.StartsWith("--Urls=http", StringComparison.Ordinal) || a == "--Telegram:ApiBaseUrl=http://127.0.0.1:9");
        }
        return [.. args];
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Each_bad_key_stops_run_with_exit_2_and_one_bilingual_line_naming_it(string setting, string key)
    {
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse(Args(setting)), TextReader.Null, TextWriter.Null, error, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        var text = error.ToString();
        Assert.Equal(2, code);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines);
        Assert.StartsWith("  " + key, line);
        Assert.Contains(" | ", line); // Vietnamese, then English
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("abcdef", text);
    }

    [Fact]
    public void Every_key_of_every_section_has_a_bad_value_tested()
    {
        var tested = BadValues.Select(row => ((string)row[1]).Split(':')).Where(p => p.Length > 1).Select(p => $"{p[0]}:{p[1]}").ToHashSet();
        foreach (var (section, type) in ConfigurationCheck.Sections)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                Assert.Contains($"{section}:{property.Name}", tested);
            }
        }
    }

    [Fact]
    public async Task All_problems_are_reported_at_once_and_run_without_a_token_reports_the_rest_too()
    {
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse(["run", "--Bot:TimeZone=Mars/Olympus", "--Bot:FloodPerSecond=abc", "--Backup:Cron=every-day",
            "--Bot:EditWindowDays=-1", $"--Storage:DatabasePath={_folder}/x.db"]), TextReader.Null, TextWriter.Null, error, CancellationToken.None);
        Assert.Equal(2, code);
        var text = error.ToString();
        foreach (var key in new[] { "Telegram:BotToken", "Bot:TimeZone", "Bot:FloodPerSecond", "Backup:Cron", "Bot:EditWindowDays" })
        {
            Assert.Contains("  " + key, text);
        }
        Assert.Contains("(5 lỗi)", text);
    }

    [Fact]
    public async Task Chat_checks_the_keys_it_uses_too_and_ignores_the_channels()
    {
        var error = new StringWriter();
        var code = await BotApp.RunAsync(CommandLine.Parse(["chat", "--Bot:TimeZone=Mars/Olympus", "--Telegram:BotToken=whatever", $"--Storage:DatabasePath={_folder}/x.db"]),
            new StringReader("/help\n"), TextWriter.Null, error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains("Bot:TimeZone", error.ToString());
        Assert.DoesNotContain("Telegram:BotToken", error.ToString());
        Assert.False(File.Exists(Path.Combine(_folder, "x.db")));
    }

    [Fact]
    public async Task The_example_settings_copied_unchanged_say_which_placeholders_to_fill()
    {
        var example = Path.Combine(SeedRoot(), "appsettings.example.json");
        File.Copy(example, Path.Combine(_folder, "appsettings.json"));
        var (code, _, error) = await Reliability.CliProcess.RunAsync(_folder, "", "run");
        Assert.Equal(2, code);
        foreach (var key in new[] { "Telegram:BotToken", "Bot:Admins:0", "Storage:SeedsPath", "Zalo:PublicBaseUrl" })
        {
            Assert.Contains($"  {key}: vẫn là chỗ trống của appsettings.example.json", error);
        }
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task A_settings_file_that_is_not_json_is_named_with_its_line_exit_2_in_both_languages()
    {
        // Found by an outside tester: an unclosed brace gave exit 70 and "Lỗi không mong đợi (InvalidDataException)" in English.
        await File.WriteAllTextAsync(Path.Combine(_folder, "appsettings.json"), "{\n  \"Bot\": { \"TimeZone\": \"Asia/Ho_Chi_Minh\"\n");
        var (code, _, error) = await Reliability.CliProcess.RunAsync(_folder, "", "run");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.Contains("appsettings.json: không phải JSON hợp lệ", line);
        Assert.Contains("| not valid JSON", line);
        Assert.Contains("lỗi gần dòng 3", line); // the brace is missing at the end of line 2, the parser sees it on line 3
        Assert.DoesNotContain("Lỗi không mong đợi", error);
        Assert.DoesNotContain("   at ", error);
    }

    /// <summary>The repository folder (where appsettings.example.json is).</summary>
    private static string SeedRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "appsettings.example.json")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("appsettings.example.json not found above " + AppContext.BaseDirectory);
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
