using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCongBot.Tests.EndToEnd.EndToEndChannels;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Broadcasts as an admin expects them: a role AND provinces together, no schedule for nobody, a list of what is scheduled.</summary>
public sealed class BroadcastAudienceTranscriptTests
{
    private static async Task<IChatDriver> StartWithPeopleAsync(string channel)
    {
        var bot = await StartAsync(channel);
        bot.AddUser("admin", Role.Admin, null);
        bot.AddUser("o-pt", Role.Officer, "phu-tho");
        bot.AddUser("o-hn", Role.Officer, "ha-noi");
        bot.AddUser("m-pt", Role.Manager, "phu-tho");
        return bot;
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task Officers_of_one_province_are_targeted_by_role_and_province_together(string channel)
    {
        await using var bot = await StartWithPeopleAsync(channel);
        await bot.SayAsync("admin", "/thongbao");
        Assert.Contains("Cán bộ khuyến công của một số tỉnh", Joined(await bot.SayAsync("admin", "Họp giao ban cán bộ Phú Thọ")));
        Assert.Contains("của những tỉnh/thành nào", Joined(await bot.ChooseAsync("admin", 6, "Cán bộ khuyến công của một số tỉnh/thành")));
        Assert.Contains("Gửi khi nào", Joined(await bot.SayAsync("admin", "Phú Thọ")));
        var preview = Joined(await bot.ChooseAsync("admin", 1, "Ngay bây giờ"));
        Assert.Contains("cán bộ khuyến công của Phú Thọ – 1 người", preview, StringComparison.OrdinalIgnoreCase);
        var draft = bot.Services.GetRequiredService<IBroadcastRepository>().Get(1)!;
        var members = BroadcastAudience.Members(draft, bot.Store.Users.All()).Select(u => u.DisplayName).ToList();
        Assert.Equal(["o-pt"], members);
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task A_broadcast_to_nobody_is_warned_and_not_scheduled(string channel)
    {
        await using var bot = await StartWithPeopleAsync(channel);
        await bot.SayAsync("admin", "/thongbao");
        await bot.SayAsync("admin", "Thông báo cho lãnh đạo Hà Nội");
        await bot.ChooseAsync("admin", 7, "Lãnh đạo, quản lý của một số tỉnh/thành");
        await bot.SayAsync("admin", "Hà Nội");
        var warned = Joined(await bot.SayAsync("admin", "8h sáng mai"));
        Assert.Contains("Không có ai nhận được thông báo này", warned);
        Assert.Contains("Bot chưa lên lịch. Chọn lại người nhận", warned);
        Assert.Empty(bot.Services.GetRequiredService<IBroadcastRepository>().Recent(10));
        // Picking again works.
        await bot.ChooseAsync("admin", 1, "Tất cả mọi người");
        Assert.Contains("4 người", Joined(await bot.ChooseAsync("admin", 1, "Ngay bây giờ")));
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task The_list_shows_scheduled_broadcasts_first(string channel)
    {
        await using var bot = await StartWithPeopleAsync(channel);
        await bot.SayAsync("admin", "/thongbao");
        await bot.SayAsync("admin", "Nhắc nộp báo cáo tháng");
        await bot.ChooseAsync("admin", 2, "Cán bộ khuyến công");
        await bot.SayAsync("admin", "20/12 14:00");
        Assert.Contains("Đã lên lịch thông báo", Joined(await bot.SayAsync("admin", "có")));
        var list = Joined(await bot.SayAsync("admin", "/thongbao danh sach"));
        Assert.Contains("Đang chờ gửi (1)", list);
        Assert.Contains("Nhắc nộp báo cáo tháng", list);
        Assert.Contains("20/12/2026 14:00", list);
    }

    /// <summary>Recipient labels typed by their first words, with or without diacritics, on both channels: (channel, typed, what follows).</summary>
    public static TheoryData<string, string, string> TypedAudiences()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var channel in new[] { "telegram", "zalo" })
        {
            data.Add(channel, "tat ca", "Gửi khi nào");
            data.Add(channel, "Tất cả", "Gửi khi nào");
            data.Add(channel, "quan tri", "Gửi khi nào");
            data.Add(channel, "mot hoac nhieu", "Gõ tên các tỉnh/thành");
            data.Add(channel, "can bo khuyen cong cua", "cán bộ khuyến công của những tỉnh/thành nào");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TypedAudiences))]
    public async Task Recipient_labels_work_by_their_first_words_and_without_diacritics(string channel, string typed, string next)
    {
        await using var bot = await StartWithPeopleAsync(channel);
        await bot.SayAsync("admin", "/thongbao");
        await bot.SayAsync("admin", "Họp giao ban");
        Assert.Contains(next, Joined(await bot.SayAsync("admin", typed)));
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task The_first_words_of_a_label_that_begins_a_longer_one_pick_the_shorter(string channel)
    {
        await using var bot = await StartWithPeopleAsync(channel);
        await bot.SayAsync("admin", "/thongbao");
        await bot.SayAsync("admin", "Họp giao ban");
        Assert.Contains("Gửi khi nào", Joined(await bot.SayAsync("admin", "lanh dao")));
        var preview = Joined(await bot.ChooseAsync("admin", 1, "Ngay bây giờ"));
        Assert.Contains("lãnh đạo/quản lý – 1 người", preview);
        // The part to change, by its first word.
        await bot.SayAsync("admin", "sửa");
        Assert.Contains("Gửi cho ai?", Joined(await bot.SayAsync("admin", "nguoi nhan")));
    }
}
