using System.Net;
using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Hosting;
using KhuyenCongBot.Storage;
using KhuyenCongBot.Telegram;
using KhuyenCongBot.Tests.EndToEnd;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>The database, its log, backups, exports, the terminal's files and Zalo's download files are 0600 in 0700 folders.</summary>
public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Open644 = File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Open755 = Folder700 | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "kcb-tests", "private-" + Guid.NewGuid().ToString("N"));

    public PrivateFilesTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, true);
        }
        catch (IOException)
        {
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertFile(string path) => Assert.Equal(File600, File.GetUnixFileMode(path));

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void AssertFolder(string path) => Assert.Equal(Folder700, File.GetUnixFileMode(path));

    [Fact]
    public async Task The_terminal_bot_writes_its_database_log_backups_and_files_privately()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps the folder's access lists; there are no Unix modes to check.
        }
        var db = Path.Combine(_root, "data", "bot.db");
        var output = Path.Combine(_root, "data", "out");
        var backups = Path.Combine(_root, "backups");
        // A backup folder an older version left open to everyone.
        Directory.CreateDirectory(backups);
        File.SetUnixFileMode(backups, Open755);

        var written = new StringWriter();
        var code = await BotApp.RunAsync(
            CommandLine.Parse(["chat", $"--Storage:DatabasePath={db}", $"--Storage:OutputPath={output}", $"--Backup:Folder={backups}"]),
            new StringReader("/saoluu\n"), written, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("Đã lưu tệp", written.ToString());
        AssertFolder(Path.GetDirectoryName(db)!);
        AssertFile(db);
        if (File.Exists(LiteDbStore.LogPathOf(db)))
        {
            AssertFile(LiteDbStore.LogPathOf(db));
        }
        AssertFolder(backups);
        AssertFile(Assert.Single(Directory.GetFiles(backups)));
        AssertFolder(output);
        AssertFile(Assert.Single(Directory.GetFiles(output)));
    }

    [Fact]
    public void A_database_and_log_left_readable_by_an_older_version_are_made_private_on_open()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps the folder's access lists; there are no Unix modes to check.
        }
        var db = Path.Combine(_root, "old.db");
        using (var store = new LiteDbStore(db))
        {
            store.Meta.Set("k", "v");
        }
        File.SetUnixFileMode(db, Open644);
        using (var store = new LiteDbStore(db))
        {
            AssertFile(db);
            store.Meta.Set("k", "w");
            Assert.True(File.Exists(LiteDbStore.LogPathOf(db)));
            AssertFile(LiteDbStore.LogPathOf(db));
        }
    }

    [Fact]
    public async Task Exports_are_private_even_over_an_existing_readable_file()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps the folder's access lists; there are no Unix modes to check.
        }
        var db = Path.Combine(_root, "bot.db");
        // The tools do not create a missing database (issue 14): make one first.
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["chat", $"--Storage:DatabasePath={db}"]),
            new StringReader("/help\n"), TextWriter.Null, TextWriter.Null, CancellationToken.None));
        foreach (var name in new[] { "records.csv", "records.xlsx" })
        {
            var path = Path.Combine(_root, name);
            await File.WriteAllTextAsync(path, "old");
            File.SetUnixFileMode(path, Open644);
            // Replacing an existing file takes --overwrite (without it the export is refused, nothing written).
            Assert.Equal(BotApp.ExitCannotCreate, await BotApp.RunAsync(CommandLine.Parse(["export", path, $"--Storage:DatabasePath={db}"]),
                TextReader.Null, TextWriter.Null, TextWriter.Null, CancellationToken.None));
            Assert.Equal("old", await File.ReadAllTextAsync(path));
            Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["export", path, "--overwrite", $"--Storage:DatabasePath={db}"]),
                TextReader.Null, TextWriter.Null, TextWriter.Null, CancellationToken.None));
            AssertFile(path);
            Assert.NotEqual("old", await File.ReadAllTextAsync(path));
        }
        var backup = Path.Combine(_root, "copy.db");
        Assert.Equal(0, await BotApp.RunAsync(CommandLine.Parse(["backup", backup, $"--Storage:DatabasePath={db}"]),
            TextReader.Null, TextWriter.Null, TextWriter.Null, CancellationToken.None));
        AssertFile(backup);
    }

    [Fact]
    public void Zalo_download_files_are_private_in_a_private_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows keeps the folder's access lists; there are no Unix modes to check.
        }
        var storage = Microsoft.Extensions.Options.Options.Create(new StorageOptions { OutputPath = Path.Combine(_root, "out") });
        var folder = Path.Combine(_root, "out", ZaloFileStore.FolderName);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Open755);
        var files = new ZaloFileStore(new FakeTimeProvider(DateTimeOffset.UtcNow),
            Microsoft.Extensions.Options.Options.Create(new ZaloOptions { PublicBaseUrl = "https://bot.example.vn" }), storage);

        var name = files.Put(new Attachment(AttachmentKind.Document, "so-lieu.xlsx", [1, 2, 3], "application/octet-stream"));

        AssertFolder(folder);
        AssertFile(Path.Combine(folder, name));
        AssertFile(Path.Combine(folder, name + ".meta"));
    }

    [Fact]
    public async Task On_Zalo_a_backup_is_never_published_as_a_link()
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            Settings = new Dictionary<string, string?> { ["Backup:Folder"] = Path.Combine(_root, "backups") },
        });
        bot.AddUser("admin", Core.People.Role.Admin, null);

        var replies = await bot.SayAsync("admin", "/saoluu");

        var text = string.Join("\n", replies);
        Assert.Contains("không gửi tệp", text);
        Assert.Contains("Telegram", text);
        Assert.DoesNotContain("/files/", text);
        var zaloFiles = Path.Combine(bot.Services.GetRequiredService<ZaloFileStore>().Folder);
        Assert.False(Directory.Exists(zaloFiles) && Directory.EnumerateFiles(zaloFiles).Any(), "a file was published for Zalo");
        // The backup itself was taken, privately, for the server.
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "backups")));
    }
}

/// <summary>Webhook bodies are limited whether or not they announce their length (a chunked body has no Content-Length).</summary>
public sealed class WebhookBodyLimitTests
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    /// <summary>A body sent chunked: its length is never announced.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < bytes.Length; i += 64 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(i, Math.Min(64 * 1024, bytes.Length - i)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A JSON update whose text is <paramref name="size"/> bytes.</summary>
    private static byte[] Huge(string prefix, int size) =>
        Encoding.UTF8.GetBytes(prefix + new string('a', size) + "\"}}");

    /// <summary>Posts; a refused body is a 413 or a connection the server closed before reading it all.</summary>
    private static async Task<HttpStatusCode?> Post(string url, string header, string secret, HttpContent content, bool chunked)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(header, secret);
        request.Headers.TransferEncodingChunked = chunked;
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_five_megabyte_Zalo_webhook_body_is_refused(bool chunked)
    {
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Mode = ZaloMode.Webhook });
        bot.AddUser("giant", Core.People.Role.Admin, null);
        var body = Huge("""{"event_name":"message.text.received","message":{"message_id":"m-huge","from":{"id":"giant"},"chat":{"id":"giant","chat_type":"PRIVATE"},"text":"/help """, FiveMegabytes);
        HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);

        var status = await Post(bot.WebhookUrl, ZaloEndpoints.SecretHeader, ZaloChatDriver.WebhookSecret, content, chunked);

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"got {status}");
        await EndToEndChannels.WaitUntilAsync(() => bot.Logs.All.Contains("body over"), "the refusal in the log");
        Assert.Empty(bot.Fake.SentTo("giant"));
        // A normal update still works afterwards.
        Assert.Contains("Các lệnh", string.Join("\n", await bot.SayAsync("giant", "/help")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_five_megabyte_Telegram_webhook_body_is_refused(bool chunked)
    {
        await using var bot = await TelegramBotFixture.StartAsync(o => o.Mode = TelegramMode.Webhook);
        await bot.Server.WaitForCall("setWebhook", TelegramBotFixture.Timeout);
        var body = Huge($$"""{"update_id":999,"message":{"message_id":5,"date":1,"chat":{"id":{{TelegramBotFixture.AdminId}},"type":"private"},"from":{"id":{{TelegramBotFixture.AdminId}},"is_bot":false,"first_name":"A"},"text":"/help """, FiveMegabytes);
        HttpContent content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body);

        var status = await Post(bot.BotUrl + TelegramBotFixture.WebhookPath, TelegramWebhookEndpoints.SecretHeader, TelegramBotFixture.WebhookSecret, content, chunked);

        Assert.True(status is null or HttpStatusCode.RequestEntityTooLarge, $"got {status}");
        await EndToEndChannels.WaitUntilAsync(() => bot.Logs.All.Contains("body over"), "the refusal in the log");
        Assert.Empty(bot.Server.SentTo(TelegramBotFixture.AdminId));
    }
}
