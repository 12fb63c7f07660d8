using System.Net;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Chart links over HTTP: still served by the next process on the same folders, gone after a day, never a way out of the folder.</summary>
public sealed class ZaloFileLinkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "zalo-links-" + Guid.NewGuid().ToString("N"));

    private Task<ZaloChatDriver> StartAsync() => ZaloChatDriver.StartAsync(new ZaloDriverOptions
    {
        Folder = _folder,
        Services = s => s.AddSingleton<IBotModule, ZaloTestModule>(),
    });

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
    public async Task A_chart_link_outlives_a_restart_then_expires_and_odd_names_get_404()
    {
        string name;
        await using (var first = await StartAsync())
        {
            first.AddUser("charts", Role.Manager, null);
            await first.SayAsync("charts", "/bieudo");
            var photo = Assert.Single(first.Fake.SentTo("charts"));
            Assert.Equal(ZaloTestModule.Png, photo.PhotoBytes);
            name = photo.PhotoUrl![(photo.PhotoUrl!.LastIndexOf('/') + 1)..];
        }

        await using var second = await StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(second.BotUrl) };
        using (var response = await http.GetAsync("/files/" + name))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(ZaloTestModule.Png, await response.Content.ReadAsByteArrayAsync());
        }

        // Ways out of the folder, the file's description beside it, and names of another shape.
        File.WriteAllText(Path.Combine(_folder, "out", "secret.png"), "x");
        foreach (var odd in new[]
        {
            "..%2Fbot.db", "%2E%2E%2F%2E%2E%2Fbot.db", "..%2Fsecret.png", "..%5Csecret.png", name + ".meta", name.ToUpperInvariant(),
            name[..^4] + "%2F..%2F..%2Fbot.db", "secret.png", "%2Fetc%2Fpasswd",
        })
        {
            using var response = await http.GetAsync("/files/" + odd);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{odd}: {response.StatusCode}");
        }

        second.Advance(TimeSpan.FromHours(25));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/files/" + name)).StatusCode);
        Assert.False(File.Exists(Path.Combine(_folder, "out", ZaloFileStore.FolderName, name)));
    }

    [Fact]
    public async Task When_the_file_cannot_be_kept_the_person_gets_a_clear_message()
    {
        Directory.CreateDirectory(_folder);
        var blocked = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocked, "x");
        await using var bot = await ZaloChatDriver.StartAsync(new ZaloDriverOptions
        {
            Settings = new Dictionary<string, string?> { ["Storage:OutputPath"] = blocked },
            Services = s => s.AddSingleton<IBotModule, ZaloTestModule>(),
        });
        bot.AddUser("blocked", Role.Manager, null);
        var replies = await bot.SayAsync("blocked", "/bang");
        Assert.Contains(replies, r => r.Contains("Chưa chuẩn bị được tệp so-lieu.xlsx", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("/files/", StringComparison.Ordinal));
    }
}
