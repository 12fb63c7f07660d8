using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Files for Zalo: random names on disk, expiry by file time, no way out of the folder, public URLs.</summary>
public sealed class ZaloFileStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "zfiles-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));

    private ZaloFileStore Create(string? publicBaseUrl = "https://bot.example.vn/")
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ZaloOptions { PublicBaseUrl = publicBaseUrl, FileLifetimeHours = 24 });
        var storage = Microsoft.Extensions.Options.Options.Create(new StorageOptions { OutputPath = Path.Combine(_folder, "out") });
        return new ZaloFileStore(_time, options, storage);
    }

    private static Attachment Chart(byte[] content) => new(AttachmentKind.Photo, "chart.png", content, "image/png");

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

    [Fact]
    public void A_file_is_served_for_a_day_then_deleted()
    {
        var store = Create();
        var name = store.Put(Chart([1, 2, 3]));
        Assert.Matches(@"^[A-Za-z0-9_-]{22}\.png$", name);
        Assert.Equal(Path.Combine(_folder, "out", ZaloFileStore.FolderName), store.Folder);
        Assert.True(File.Exists(Path.Combine(store.Folder, name)));
        Assert.Equal([1, 2, 3], store.Get(name)!.Content);
        _time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(store.Get(name));
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Null(store.Get(name));
        Assert.Empty(Directory.GetFiles(store.Folder));
    }

    [Fact]
    public void A_file_outlives_the_store_that_made_it()
    {
        var name = Create().Put(new Attachment(AttachmentKind.Document, "Số liệu 2026.xlsx", [9, 8, 7], "application/vnd.ms-excel"));
        _time.Advance(TimeSpan.FromHours(12));
        var file = Create().Get(name);
        Assert.NotNull(file);
        Assert.Equal([9, 8, 7], file.Content);
        Assert.Equal("Số liệu 2026.xlsx", file.FileName);
        Assert.Equal("application/vnd.ms-excel", file.ContentType);
        Assert.Equal(_time.GetUtcNow().AddHours(12), file.ExpiresAt);
    }

    [Fact]
    public void Names_are_random_and_unguessable()
    {
        var store = Create();
        var attachment = new Attachment(AttachmentKind.Document, "so-lieu.xlsx", [9], "application/octet-stream");
        var names = Enumerable.Range(0, 50).Select(_ => store.Put(attachment)).ToList();
        Assert.Equal(50, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith(".xlsx", n));
        Assert.Null(store.Get(names[0][..^5] + ".png"));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("secret.txt")]
    [InlineData("../out/secret.txt")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.png/../../secret.txt")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.PNG")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.png.meta")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.png.tmp")]
    [InlineData("/etc/passwd")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.png\n")]
    public void Names_not_made_by_the_store_are_never_served(string name)
    {
        var store = Create();
        store.Put(Chart([1]));
        // Files that exist beside and above the folder: none of them may come out.
        File.WriteAllText(Path.Combine(store.Folder, "secret.txt"), "x");
        File.WriteAllText(Path.Combine(_folder, "out", "secret.txt"), "x");
        File.WriteAllBytes(Path.Combine(store.Folder, "AAAAAAAAAAAAAAAAAAAAAA.png.meta"), [1]);
        File.WriteAllBytes(Path.Combine(store.Folder, "AAAAAAAAAAAAAAAAAAAAAA.png.tmp"), [1]);
        Assert.Null(store.Get(name));
    }

    [Fact]
    public void A_clean_up_deletes_expired_files_and_keeps_at_most_the_limit()
    {
        var store = Create();
        var old = store.Put(Chart([1]));
        _time.Advance(TimeSpan.FromHours(20));
        var recent = store.Put(Chart([2]));
        _time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(1, store.CleanUp());
        Assert.False(File.Exists(Path.Combine(store.Folder, old)));
        Assert.False(File.Exists(Path.Combine(store.Folder, old + ".meta")));
        Assert.NotNull(store.Get(recent));

        var newer = store.Put(Chart([3]));
        Assert.Equal(1, store.CleanUp(keep: 1));
        Assert.Null(store.Get(recent));
        Assert.Equal([3], store.Get(newer)!.Content);
    }

    [Theory]
    [InlineData("https://bot.example.vn/", "https://bot.example.vn/files/")]
    [InlineData("https://bot.example.vn", "https://bot.example.vn/files/")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Urls_use_the_public_base_url(string? baseUrl, string? prefix)
    {
        var store = Create(baseUrl);
        var name = store.Put(Chart([1]));
        var url = store.UrlOf(name);
        if (prefix is null)
        {
            Assert.Null(url);
        }
        else
        {
            Assert.Equal(prefix + name, url);
        }
    }
}
