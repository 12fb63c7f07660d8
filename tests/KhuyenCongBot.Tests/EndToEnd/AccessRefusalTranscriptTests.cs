using System.Text.Json;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCongBot.Tests.EndToEnd.EndToEndChannels;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Access rules as people meet them, on Telegram and Zalo: refusals change nothing and show nothing; a deactivated person is a stranger at once.</summary>
public sealed class AccessRefusalTranscriptTests
{
    /// <summary>Everything a refused command could have changed: people, plans, records, facilities, broadcasts.</summary>
    private static string Snapshot(IChatDriver bot)
    {
        var store = bot.Store;
        var broadcasts = bot.Services.GetRequiredService<IBroadcastRepository>().Recent(100);
        return JsonSerializer.Serialize(new
        {
            Users = store.Users.All().OrderBy(u => u.Id).Select(InvitationService.Describe).ToList(),
            Plans = store.Plans.All().Select(p => JsonSerializer.Serialize(p)).Order(StringComparer.Ordinal).ToList(),
            Records = store.Records.Count(),
            Facilities = store.Facilities.All().Count(),
            Broadcasts = broadcasts.Select(b => $"{b.Id}:{b.Status}").ToList(),
        });
    }

    private static void AssertRefusedAndHidden(IReadOnlyList<string> replies, string command, params string[] hidden)
    {
        var reply = Assert.Single(replies);
        Assert.Contains("không có quyền", reply, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in hidden)
        {
            Assert.DoesNotContain(secret, reply, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<", reply, StringComparison.Ordinal); // no file (Telegram shows an upload as <name>)
        _ = command;
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task An_officer_trying_each_admin_command_is_refused_and_nothing_changes(string channel)
    {
        await using var bot = await StartAsync(channel);
        bot.AddUser("admin", Role.Admin, null);
        bot.AddUser("officer", Role.Officer, "phu-tho");
        bot.AddUser("colleague", Role.Officer, "ha-noi");
        bot.AddUser("boss", Role.Manager, null);
        var officer = bot.Store.Users.FindByIdentity(bot.IdentityOf("officer"))!;
        var before = Snapshot(bot);

        foreach (var command in new[] { "/moi", "/invite", "/nguoidung", "/nguoidung colleague", "/thongbao", "/thongbao ds", "/thongbao baocao 1", "/kehoach 2026 Phú Thọ trade_fair.booths 5", "/saoluu" })
        {
            var replies = (await bot.SayAsync("officer", command)).Select(Body).ToList();
            AssertRefusedAndHidden(replies, command, "colleague", "boss", "admin");
            Assert.Null(bot.Store.Conversations.Get(officer.Id)?.Flow);
            // The next answer must not reach a flow the refusal might have opened.
            await bot.SayAsync("officer", "1");
            Assert.Equal(before, Snapshot(bot));
        }

        // Typed actions of admin flows are refused too ("gửi" would confirm a broadcast draft).
        await bot.SayAsync("officer", "xác nhận gửi");
        Assert.Equal(before, Snapshot(bot));
        Assert.Empty(bot.Services.GetRequiredService<IBroadcastRepository>().Recent(10));
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task A_manager_cannot_log_or_set_plans_but_still_reads_figures(string channel)
    {
        await using var bot = await StartAsync(channel);
        bot.AddUser("boss", Role.Manager, null);
        var before = Snapshot(bot);

        foreach (var attempt in new[] { "/ghi", "/ghi hội chợ", "ghi hội chợ", "/cuatoi" })
        {
            var reply = Body(Assert.Single(await bot.SayAsync("boss", attempt)));
            Assert.Contains("chỉ dành cho cán bộ khuyến công và quản trị viên", reply);
            Assert.Equal(before, Snapshot(bot));
        }
        var boss = bot.Store.Users.FindByIdentity(bot.IdentityOf("boss"))!;
        Assert.Null(bot.Store.Conversations.Get(boss.Id)?.Flow);

        Assert.Contains("Chỉ quản trị viên được đặt kế hoạch", Joined(await bot.SayAsync("boss", "/kehoach 2026 Phú Thọ trade_fair.booths 5")));
        Assert.Equal(before, Snapshot(bot));
        Assert.Contains("gian hàng", Joined(await bot.SayAsync("boss", "bao nhiêu gian hàng từ đầu năm")));
    }

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task A_person_deactivated_by_an_admin_is_treated_as_unknown_at_once(string channel)
    {
        await using var bot = await StartAsync(channel);
        bot.AddUser("admin", Role.Admin, null);
        bot.AddUser("leaver", Role.Officer, "phu-tho");
        Assert.Contains("Cơ sở", Joined(await bot.SayAsync("leaver", "/ghi hội chợ")));

        Assert.Contains("Có 1 người dùng", Joined(await bot.SayAsync("admin", "/nguoidung leaver")));
        Assert.Contains("Trạng thái: đang hoạt động", Joined(await bot.ChooseAsync("admin", 1, "leaver (cán bộ khuyến công, Phú Thọ)")));
        Assert.Contains("Ngừng hoạt động leaver?", Joined(await bot.ChooseAsync("admin", 3, "Ngừng hoạt động")));
        Assert.Contains("Đã ngừng hoạt động leaver", Joined(await bot.ChooseAsync("admin", 1, "Có, ngừng hoạt động")));
        Assert.False(bot.Store.Users.FindByIdentity(bot.IdentityOf("leaver"))!.Active);

        // Mid-form and afterwards: only the stranger's message, no form, no figures.
        var notRegistered = DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi");
        Assert.Equal([notRegistered], (await bot.SayAsync("leaver", "Cơ sở gốm Minh Hải")).Select(Body).ToList());
        Assert.Equal([notRegistered], (await bot.SayAsync("leaver", "/ghi hội chợ")).Select(Body).ToList());
        Assert.Equal([notRegistered], (await bot.SayAsync("leaver", "bao nhiêu gian hàng từ đầu năm")).Select(Body).ToList());
        Assert.Equal(0, bot.Store.Records.Count());
    }
}
