using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// The product's slice as people use it, run unchanged on Telegram (real Telegram.Bot client, fake Bot API, buttons)
/// and on Zalo (fake Zalo Bot API, numbered choices): an officer logs a trade fair, a manager asks for figures.
/// </summary>
public sealed class SliceTranscriptTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    public static TheoryData<string> Channels => new() { "telegram", "zalo" };

    private static async Task<(IChatDriver Driver, IServiceProvider Services)> StartAsync(string channel)
    {
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        if (channel == "telegram")
        {
            var telegram = await TelegramChatDriver.StartAsync(Today, demo: true, settings);
            return (telegram, telegram.Bot.Services);
        }
        var zalo = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = Today, Demo = true, Settings = settings });
        return (zalo, zalo.Services);
    }

    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Officer_logs_a_trade_fair_and_manager_reads_the_figures(string channel)
    {
        var (bot, services) = await StartAsync(channel);
        await using var _ = bot;
        bot.AddUser("officer", Role.Officer, "phu-tho");
        bot.AddUser("manager", Role.Manager, null);

        Assert.Contains("Xin chào", Text(await bot.SayAsync("officer", "/start")));
        // Phú Thọ has an open trade-fair project in the demo data: the form asks whether the support belongs to it first.
        Assert.Contains("Thuộc đề án nào", Text(await bot.SayAsync("officer", "/ghi hội chợ")));
        Assert.Contains("Cơ sở", Text(await bot.SayAsync("officer", "không thuộc đề án nào")));
        Assert.Contains("Tạo mới", Text(await bot.SayAsync("officer", "Cơ sở gốm Minh Hải E2E")));
        Assert.Contains("xã/phường", Text(await bot.ChooseAsync("officer", 1, "➕ Tạo mới: Cơ sở gốm Minh Hải E2E")));
        // The commune is read against Phú Thọ's official list (typed without diacritics), then the legal form, number and priority groups.
        Assert.Contains("loại hình", Text(await bot.SayAsync("officer", "phuong thanh mieu")));
        Assert.Contains("Mã số thuế", Text(await bot.SayAsync("officer", "2")));
        await bot.SayAsync("officer", "bỏ qua");
        await bot.SayAsync("officer", "phụ nữ");
        await bot.SayAsync("officer", "bỏ qua");
        Assert.Contains("Tên hội chợ", Text(await bot.SayAsync("officer", "bỏ qua")));
        Assert.Contains("Số gian hàng", Text(await bot.SayAsync("officer", "Hội chợ OCOP 2026")));
        // Numbers in words with a shortened unit are read ("mười hai gian" = 12, issue 16); words that are no number are not.
        Assert.Contains("Số gian hàng phải là số nguyên từ 1 đến 50", Text(await bot.SayAsync("officer", "nhiều gian")));
        Assert.Contains("Số gian hàng phải là số nguyên từ 1 đến 50", Text(await bot.SayAsync("officer", "70")));
        Assert.Contains("Ngày", Text(await bot.SayAsync("officer", "12")));
        Assert.Contains("Kinh phí", Text(await bot.SayAsync("officer", "hôm nay")));
        // Optional questions are skipped; "Số liệu" is required (skipping it is refused since issue 16), so it is answered.
        var summary = Text(await bot.SayAsync("officer", "bỏ qua"));
        for (var i = 0; i < 5 && !summary.Contains("Kiểm tra trước khi lưu"); i++)
        {
            summary = Text(await bot.SayAsync("officer", summary.Contains("Số liệu") ? "chính thức" : "bỏ qua"));
        }
        Assert.Contains("Kiểm tra trước khi lưu", summary);
        Assert.Contains("12 gian hàng", summary);
        Assert.Contains("26/11/2026", summary);
        var receipt = Text(await bot.SayAsync("officer", "lưu"));
        Assert.Contains("Đã lưu", receipt);
        var created = Assert.Single(services.GetRequiredService<IBotStore>().Facilities.All(), f => f.Name == "Cơ sở gốm Minh Hải E2E");
        Assert.Equal(("phường Thanh Miếu", "07909", "cooperative"), (created.Commune, created.CommuneCode, created.LegalForm));
        Assert.Equal(["women_owned"], created.PriorityGroups!);

        var store = services.GetRequiredService<IBotStore>();
        var saved = Assert.Single(store.Records.All(), r => r.FacilityName == "Cơ sở gốm Minh Hải E2E");
        Assert.Equal(12, saved.Booths);
        Assert.Equal("trade_fair", saved.ActivityId);
        Assert.Equal(Today, saved.Date);
        Assert.Contains(saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), receipt);

        var h1 = Text(await bot.SayAsync("manager", "bao nhiêu gian hàng 6 tháng đầu năm 2024"));
        Assert.Contains("701 gian hàng", h1);
        Assert.Contains("6 tháng đầu năm 2024", h1);

        // The new record counts at once: compare with a plain computation over the store.
        var catalogue = services.GetRequiredService<CatalogueIndex>();
        var units = catalogue.UnitsOf("phu-tho").ToHashSet();
        var expected = store.Records.All()
            .Where(r => r.ActivityId == "trade_fair" && units.Contains(r.ProvinceId) && r.Date.Year == 2026 && r.Date <= Today)
            .Sum(r => r.Booths);
        var ytd = Text(await bot.SayAsync("manager", "phu tho bao nhieu gian hang tu dau nam"));
        Assert.Contains(VnFormat.Number(expected) + " gian hàng", ytd);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Bad_input_gets_a_clear_Vietnamese_reply_and_the_chat_goes_on(string channel)
    {
        var (bot, _) = await StartAsync(channel);
        await using var __ = bot;
        bot.AddUser("manager", Role.Manager, null);
        Assert.Contains("Không có lệnh /abcxyz", Text(await bot.SayAsync("manager", "/abcxyz")));
        Assert.Contains("quá dài", Text(await bot.SayAsync("manager", new string('x', 5000))));
        Assert.Contains("ví dụ", Text(await bot.SayAsync("manager", "asdf qwer")));
        Assert.Contains("701", Text(await bot.SayAsync("manager", "bao nhieu gian hang 6 thang dau nam 2024")));
    }
}
