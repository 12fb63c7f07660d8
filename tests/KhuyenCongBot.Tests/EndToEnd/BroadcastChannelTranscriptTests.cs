using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.People;
using Microsoft.Extensions.DependencyInjection;
using static KhuyenCongBot.Tests.EndToEnd.EndToEndChannels;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>An admin's announcement to everyone, on Telegram and Zalo: each person gets exactly one copy and an acknowledgement is counted.</summary>
public sealed partial class BroadcastChannelTranscriptTests
{
    private const string Announcement = "Họp giao ban khuyến công quý IV lúc 14h thứ Sáu tại phòng họp số 2.";

    [GeneratedRegex(@"Đang gửi thông báo #(\d+)")]
    private static partial Regex SendingLine();

    [Theory]
    [MemberData(nameof(Channels), MemberType = typeof(EndToEndChannels))]
    public async Task Everyone_gets_one_copy_and_an_acknowledgement_is_counted(string channel)
    {
        await using var bot = await StartAsync(channel);
        bot.AddUser("admin", Role.Admin, null);
        var people = Enumerable.Range(1, 12).Select(i => "p" + i.ToString("00", CultureInfo.InvariantCulture)).ToList();
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
        {
            bot.AddUser(person, i % 4 == 3 ? Role.Manager : Role.Officer, i % 2 == 0 ? "phu-tho" : "ha-noi");
        }
        var repository = bot.Services.GetRequiredService<IBroadcastRepository>();

        Assert.Contains("Soạn thông báo", Joined(await bot.SayAsync("admin", "/thongbao")));
        Assert.Contains("Gửi cho ai", Joined(await bot.SayAsync("admin", Announcement)));
        Assert.Contains("Gửi khi nào", Joined(await bot.ChooseAsync("admin", 1, "Tất cả mọi người")));
        var preview = Joined(await bot.ChooseAsync("admin", 1, "Ngay bây giờ"));
        Assert.Contains("tất cả mọi người – 13 người", preview);
        Assert.DoesNotContain(people, p => bot.Received(p).Count > 0);
        var sending = SendingLine().Match(Joined(await bot.ChooseAsync("admin", 1, "Gửi ngay")));
        Assert.True(sending.Success);
        var id = long.Parse(sending.Groups[1].Value, CultureInfo.InvariantCulture);

        // The runner's clock is the fake one: move it so the per-chat spacing for the admin's report can pass.
        await WaitUntilAsync(() => repository.Get(id)!.Status == BroadcastStatus.Done
                && bot.Received("admin").Any(m => m.Contains($"Thông báo #{id} (đã gửi xong)", StringComparison.Ordinal)),
            "the broadcast to finish and its report", () => bot.Advance(TimeSpan.FromMilliseconds(250)));

        foreach (var person in people)
        {
            Assert.Single(bot.Received(person), m => m.Contains(Announcement, StringComparison.Ordinal));
        }
        var recipients = repository.Recipients(id);
        Assert.Equal(13, recipients.Count);
        Assert.All(recipients, r => Assert.Equal(DeliveryState.Sent, r.State));
        Assert.Equal(13, recipients.Select(r => r.UserId).Distinct().Count());
        Assert.Contains("Đã gửi: 13", Joined(bot.Received("admin")));

        // p05 acknowledges: a button on Telegram, typed on Zalo (choices there are text).
        var thanks = channel == "telegram" ? await bot.ChooseAsync("p05", 0, "Đã nhận") : await bot.SayAsync("p05", "Đã nhận");
        Assert.Contains("đã ghi nhận bạn đã nhận thông báo", Joined(thanks));
        Assert.NotNull(repository.Recipient(id, bot.Store.Users.FindByIdentity(bot.IdentityOf("p05"))!.Id)!.AcknowledgedAt);

        var report = Joined(await bot.SayAsync("admin", $"/thongbao baocao {id}"));
        Assert.Contains("Đã bấm \"Đã nhận\": 1", report);
        Assert.Contains("Đã gửi: 13", report);
        Assert.Contains("Không gửi được: 0", report);
        Assert.Equal(1, repository.Recipients(id).Count(r => r.AcknowledgedAt is not null));
    }
}
