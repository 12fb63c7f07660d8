using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.Time.Testing;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Files for Zalo: random names, expiry, public URLs.</summary>
public sealed class ZaloFileStoreTests
{
    private static (ZaloFileStore Store, FakeTimeProvider Time) Create(string? publicBaseUrl = "https://bot.example.vn/")
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
        var options = Microsoft.Extensions.Options.Options.Create(new ZaloOptions { PublicBaseUrl = publicBaseUrl, FileLifetimeHours = 24 });
        return (new ZaloFileStore(time, options), time);
    }

    [Fact]
    public void A_file_is_served_for_a_day_then_forgotten()
    {
        var (store, time) = Create();
        var name = store.Put(new Attachment(AttachmentKind.Photo, "chart.png", [1, 2, 3], "image/png"));
        Assert.Matches(@"^[A-Za-z0-9_-]{22}\.png$", name);
        Assert.Equal([1, 2, 3], store.Get(name)!.Content);
        time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(store.Get(name));
        time.Advance(TimeSpan.FromHours(2));
        Assert.Null(store.Get(name));
    }

    [Fact]
    public void Names_are_random_and_unguessable()
    {
        var (store, _) = Create();
        var attachment = new Attachment(AttachmentKind.Document, "so-lieu.xlsx", [9], "application/octet-stream");
        var names = Enumerable.Range(0, 50).Select(_ => store.Put(attachment)).ToList();
        Assert.Equal(50, names.Distinct().Count());
        Assert.All(names, n => Assert.EndsWith(".xlsx", n));
        Assert.Null(store.Get("../../etc/passwd"));
        Assert.Null(store.Get(names[0][..^5] + ".png"));
    }

    [Theory]
    [InlineData("https://bot.example.vn/", "https://bot.example.vn/files/")]
    [InlineData("https://bot.example.vn", "https://bot.example.vn/files/")]
    [InlineData(null, null)]
    [InlineData("", null)]
    public void Urls_use_the_public_base_url(string? baseUrl, string? prefix)
    {
        var (store, _) = Create(baseUrl);
        var name = store.Put(new Attachment(AttachmentKind.Photo, "chart.png", [1], "image/png"));
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
