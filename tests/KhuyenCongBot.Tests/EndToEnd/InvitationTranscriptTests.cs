using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static KhuyenCongBot.Tests.EndToEnd.EndToEndChannels;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Invitations as people use them, on Telegram and Zalo: an admin invites, the code registers its holder once; reused, made-up and expired codes and strangers are refused.</summary>
public sealed partial class InvitationTranscriptTests
{
    [GeneratedRegex(@"Đã tạo mã mời cho [^:]+: ([A-Z0-9]{8})")]
    private static partial Regex CodeLine();

    private static string CodeIn(IReadOnlyList<string> messages)
    {
        var match = CodeLine().Match(Joined(messages));
        Assert.True(match.Success, "No invitation code in:\n" + Joined(messages));
        return match.Groups[1].Value;
    }

    private static string NotRegistered => DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi");

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task An_invited_officer_registers_once_and_other_codes_are_refused(string channel)
    {
        await using var bot = await StartAsync(channel);
        bot.AddUser("admin", Role.Admin, null);
        var store = bot.Store;
        var usersBefore = store.Users.All().Count;

        // A stranger's free text gets only the polite invitation message; nothing about them is stored.
        var stranger = await bot.SayAsync("stranger", "cho tôi xem số liệu hội chợ Phú Thọ");
        Assert.Equal([NotRegistered], stranger.Select(Body).ToList());
        Assert.Null(store.Users.FindByIdentity(bot.IdentityOf("stranger")));

        // The admin invites an officer of Phú Thọ, picking the offered role and typing the province.
        Assert.Contains("vai trò nào", Joined(await bot.SayAsync("admin", "/moi")));
        Assert.Contains("Tỉnh/thành nào", Joined(await bot.ChooseAsync("admin", 1, "Cán bộ khuyến công")));
        var created = await bot.SayAsync("admin", "Phú Thọ");
        var code = CodeIn(created);
        Assert.Contains("cán bộ khuyến công (Phú Thọ)", Joined(created));
        var invitation = store.Invitations.Get(code);
        Assert.NotNull(invitation);
        Assert.Equal((Role.Officer, ScopeKind.Province, "phu-tho"), (invitation.Role, invitation.ScopeKind, invitation.ScopeId));

        // The new person registers: "/start CODE" on Telegram (the deep link), the bare code on Zalo.
        var welcome = Joined(await bot.SayAsync("newbie", channel == "telegram" ? "/start " + code : code));
        Assert.Contains("Chào mừng", welcome);
        Assert.Contains("cán bộ khuyến công (Phú Thọ)", welcome);
        var newbie = store.Users.FindByIdentity(bot.IdentityOf("newbie"));
        Assert.NotNull(newbie);
        Assert.True(newbie.Active);
        Assert.Equal((Role.Officer, ScopeKind.Province, "phu-tho"), (newbie.Role, newbie.ScopeKind, newbie.ScopeId));
        Assert.True(newbie.Chats.ContainsKey(channel));
        Assert.Equal(newbie.Id, store.Invitations.Get(code)!.UsedByUserId);
        Assert.Contains("Cơ sở", Joined(await bot.SayAsync("newbie", "/ghi hội chợ")));
        await bot.SayAsync("newbie", "/huy");

        // The same code again, by someone else: refused, nobody registered.
        Assert.Contains("đã được dùng", Joined(await bot.SayAsync("other", "/start " + code)));
        Assert.Null(store.Users.FindByIdentity(bot.IdentityOf("other")));

        // A made-up code: refused.
        Assert.Contains("Mã mời không đúng", Joined(await bot.SayAsync("other", "/start ZZZZ9999")));
        Assert.Contains("Mã mời không đúng", Joined(await bot.SayAsync("other", "/start chomaxemnao")));
        Assert.Null(store.Users.FindByIdentity(bot.IdentityOf("other")));
        Assert.Equal([NotRegistered], (await bot.SayAsync("other", "/ghi")).Select(Body).ToList());

        // "/start CODE" works on every channel: a manager for the whole country.
        await bot.SayAsync("admin", "/moi");
        Assert.Contains("Phạm vi", Joined(await bot.ChooseAsync("admin", 2, "Lãnh đạo, quản lý")));
        var wholeCountry = 2 + bot.Services.GetRequiredService<CatalogueIndex>().Regions.Count;
        var managerCode = CodeIn(await bot.ChooseAsync("admin", wholeCountry, "Cả nước"));
        Assert.Contains("Chào mừng", Joined(await bot.SayAsync("boss", "/start " + managerCode)));
        var boss = store.Users.FindByIdentity(bot.IdentityOf("boss"));
        Assert.Equal((Role.Manager, ScopeKind.All), (boss!.Role, boss.ScopeKind));

        // An expired code: refused once BotOptions.InvitationDays have passed.
        await bot.SayAsync("admin", "/moi");
        await bot.ChooseAsync("admin", 1, "Cán bộ khuyến công");
        var lateCode = CodeIn(await bot.SayAsync("admin", "Hà Nội"));
        var days = bot.Services.GetRequiredService<IOptions<BotOptions>>().Value.InvitationDays;
        bot.Advance(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(1));
        Assert.Contains("đã hết hạn", Joined(await bot.SayAsync("late", "/start " + lateCode)));
        Assert.Null(store.Users.FindByIdentity(bot.IdentityOf("late")));
        Assert.Null(store.Invitations.Get(lateCode)!.UsedAt);

        Assert.Equal(usersBefore + 2, store.Users.All().Count);
    }
}
