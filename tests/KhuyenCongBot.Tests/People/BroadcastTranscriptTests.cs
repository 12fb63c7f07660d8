using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Tests.People;

/// <summary>The admin composes, previews, confirms, cancels; recipients acknowledge; the monthly reminder goes once.</summary>
public sealed class BroadcastTranscriptTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-bct", Guid.NewGuid().ToString("N"));
    private readonly VirtualTime _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)));
    private readonly ServiceProvider _services;
    private readonly LimitCheckingSender _sender;

    public BroadcastTranscriptTests()
    {
        Directory.CreateDirectory(_folder);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_folder, "bot.db"),
        }).Build();
        _sender = new LimitCheckingSender(_time, 25, "terminal");
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IMessageSender>(_sender);
        services.AddKhuyenCongBot(config);
        _services = services.BuildServiceProvider();
        _ = _services.GetRequiredService<CatalogueIndex>();
    }

    private IBotStore Store => _services.GetRequiredService<IBotStore>();
    private IBroadcastRepository Repo => _services.GetRequiredService<IBroadcastRepository>();
    private BroadcastService Service => _services.GetRequiredService<BroadcastService>();

    public void Dispose()
    {
        _services.Dispose();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    private BotUser Add(string id, Role role, string? province)
    {
        var u = new BotUser
        {
            DisplayName = id, Role = role, ScopeKind = province is null ? ScopeKind.All : ScopeKind.Province, ScopeId = province,
            Identities = [$"terminal:{id}"], Chats = { ["terminal"] = id }, CreatedAt = _time.GetUtcNow(),
        };
        u.Id = Store.Users.Add(u);
        return u;
    }

    private async Task<string> Say(string text, string user = "admin")
    {
        var replies = await _services.GetRequiredService<IBotEngine>().HandleAsync(new Incoming { Channel = "terminal", ChatId = user, UserId = user, Text = text });
        return string.Join("\n", replies.Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds)));
    }

    private Task<IReadOnlyList<Reply>> Press(string data, string user) =>
        _services.GetRequiredService<IBotEngine>().HandleAsync(new Incoming { Channel = "terminal", ChatId = user, UserId = user, ButtonData = data });

    [Fact]
    public async Task Compose_preview_confirm_send_acknowledge_and_report()
    {
        Add("admin", Role.Admin, null);
        Add("pt1", Role.Officer, "phu-tho");
        Add("pt2", Role.Officer, "phu-tho");
        Add("hn1", Role.Officer, "ha-noi");
        Add("boss", Role.Manager, "phu-tho");

        Assert.Contains("Soạn thông báo", await Say("/thongbao"));
        Assert.Contains("Gửi cho ai", await Say("Họp giao ban quý IV lúc 14h thứ sáu."));
        Assert.Contains("Gõ tên các tỉnh", await Say("5"));
        var preview = await Say("Phú Thọ");
        Assert.Contains("Gửi khi nào", preview);
        preview = await Say("Gửi ngay");
        Assert.Contains("Phú Thọ – 3 người", preview);
        Assert.Contains("Gửi ngay", preview);
        Assert.Contains("Sửa", preview);
        Assert.Contains("Đang gửi thông báo #", await Say("1"));

        await Service.RunDueAsync(CancellationToken.None);
        var counts = _sender.CountsByChat("Họp giao ban");
        Assert.Equal(["boss", "pt1", "pt2"], counts.Keys.Order());
        Assert.Empty(_sender.Violations);
        var delivered = _sender.Delivered.First(d => d.ChatId == "pt1").Reply;
        var ack = Assert.Single(delivered.Choices);
        Assert.Equal("Đã nhận", ack.Label);

        Assert.Contains("đã ghi nhận", string.Join("", (await Press(ack.Data, "pt1")).Select(r => r.Text)));
        Assert.Contains("đã ghi nhận", await Say("đã nhận", "pt2"));
        var report = _sender.Delivered.Last(d => d.ChatId == "admin").Reply;
        Assert.Contains("Đã gửi: 3", report.Text);
        Assert.Equal("text/csv", report.Attachment!.ContentType);

        var id = Repo.Recent(1)[0].Id;
        var again = await _services.GetRequiredService<IBotEngine>().HandleAsync(new Incoming { Channel = "terminal", ChatId = "admin", UserId = "admin", Text = $"/thongbao baocao {id}" });
        Assert.Contains("Đã bấm \"Đã nhận\": 2", again[0].Text);
        var csv = System.Text.Encoding.UTF8.GetString(again[0].Attachment!.Content);
        Assert.Contains("pt1,terminal,da_gui", csv);
    }

    [Fact]
    public async Task A_scheduled_broadcast_waits_for_its_time_and_can_be_cancelled()
    {
        Add("admin", Role.Admin, null);
        Add("pt1", Role.Officer, "phu-tho");
        await Say("/broadcast");
        await Say("Nộp báo cáo tháng");
        await Say("1");
        var preview = await Say("8h sáng mai");
        Assert.Contains("Gửi lúc: 27/11/2026 08:00 (23 giờ 0 phút nữa)", preview);
        Assert.Contains("Đã lên lịch thông báo #", await Say("Xác nhận gửi"));
        var next = await Service.RunDueAsync(CancellationToken.None);
        Assert.Empty(_sender.Delivered);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7)), next);

        var id = Repo.Recent(1)[0].Id;
        Assert.Contains("chỉ dành cho quản trị viên", await Say($"/thongbao huy {id}", "pt1"));
        Assert.Contains($"Đã hủy thông báo #{id}", await Say($"/thongbao huy {id}"));
        _time.Advance(TimeSpan.FromDays(1));
        await Service.RunDueAsync(CancellationToken.None);
        Assert.Empty(_sender.Delivered);
    }

    [Fact]
    public async Task The_background_service_sends_a_confirmed_broadcast()
    {
        Add("admin", Role.Admin, null);
        Add("pt1", Role.Officer, "phu-tho");
        await Service.StartAsync(CancellationToken.None);
        try
        {
            await Say("/thongbao");
            await Say("Chào cả nhà");
            await Say("1");
            await Say("Gửi ngay");
            await Say("Xác nhận gửi");
            for (var i = 0; i < 200 && _sender.CountsByChat("Chào").Count < 2; i++)
            {
                await Task.Delay(10);
            }
            Assert.Equal(2, _sender.CountsByChat("Chào").Count);
        }
        finally
        {
            await Service.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Officers_who_logged_nothing_are_reminded_once_a_month()
    {
        var quiet = Add("quiet", Role.Officer, "phu-tho");
        var busy = Add("busy", Role.Officer, "ha-noi");
        Add("mgr", Role.Manager, "ha-noi");
        Store.Records.Add(new Core.Records.SupportRecord { ActivityId = "machinery", ProvinceId = "ha-noi", CreatedByUserId = busy.Id, CreatedAt = _time.GetUtcNow(), Date = new DateOnly(2026, 11, 20) });

        Assert.NotNull(Service.CreateReminder(_time.GetUtcNow()));
        Assert.Null(Service.CreateReminder(_time.GetUtcNow())); // nobody left to remind this month
        await Service.RunDueAsync(CancellationToken.None);
        var reminded = _sender.CountsByChat("Nhắc việc");
        Assert.Equal(["quiet"], reminded.Keys);
        Assert.Equal(quiet.DisplayName, reminded.Keys.Single());
    }

    [Fact]
    public async Task The_reminder_follows_the_cron_schedule()
    {
        Add("quiet", Role.Officer, "phu-tho");
        var next = await Service.RunDueAsync(CancellationToken.None); // first start: remembers now, next is 08:00 on the 25th of next month
        Assert.Equal(new DateTimeOffset(2026, 12, 25, 8, 0, 0, TimeSpan.FromHours(7)), next);
        Assert.Empty(_sender.Delivered);
        _time.Advance(next!.Value - _time.GetUtcNow());
        await Service.RunDueAsync(CancellationToken.None);
        await Service.RunDueAsync(CancellationToken.None);
        Assert.Equal(1, _sender.CountsByChat("Nhắc việc").GetValueOrDefault("quiet"));
    }
}
