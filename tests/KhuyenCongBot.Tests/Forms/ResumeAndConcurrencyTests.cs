using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Nothing is lost when the officer leaves or the bot restarts; drafts are reminded once; users and bursts never mix.</summary>
public sealed class ResumeAndConcurrencyTests
{
    [Fact]
    public async Task A_restart_in_the_middle_continues_where_the_officer_was()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-forms-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        try
        {
            using (var first = FormTestKit.Create(databasePath: db))
            {
                first.AddUser("o1", Role.Officer, "phu-tho");
                FormTestKit.AddFacility(first, "Gốm Phù Lãng", "phu-tho");
                await FormTestKit.Talk(first, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
            }
            using var second = FormTestKit.Create(databasePath: db);
            var resumed = await second.Say("4", "o1");
            Assert.Contains("✓ Số gian hàng: 4 gian hàng", resumed);
            Assert.Contains("❓ Ngày", resumed);
            var summary = await FormTestKit.Talk(second, "o1", "hôm nay", "bỏ qua", "1", "bỏ qua");
            Assert.Contains("Tên hội chợ/triển lãm: Hội chợ Xuân", summary);
            await second.Say("lưu", "o1");
            var record = Assert.Single(second.Store.Records.All());
            Assert.Equal(4, record.Booths);
            Assert.Equal("Gốm Phù Lãng", record.FacilityName);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task Starting_another_form_asks_to_continue_or_discard_the_draft()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
        var ask = await bot.Say("/ghi máy móc", "o1");
        Assert.Contains("Bạn đang nhập dở phiếu \"Hội chợ, triển lãm\"", ask);
        var resumed = await bot.Say("1", "o1");
        Assert.Contains("Tiếp tục phiếu đang dở", resumed);
        Assert.Contains("❓ Số gian hàng", resumed);
        Assert.Contains("Bạn đang nhập dở", await bot.Say("thêm hỗ trợ máy móc", "o1"));
        var discarded = await bot.Say("2", "o1");
        Assert.Contains("Đã bỏ phiếu dở", discarded);
        Assert.Contains("Phiếu mới: Ứng dụng máy móc thiết bị", discarded);
        Assert.Empty(bot.Store.Records.All());
    }

    [Fact]
    public async Task An_idle_draft_is_reminded_once_on_the_last_channel()
    {
        using var bot = FormTestKit.Create(settings: new Dictionary<string, string?> { ["Bot:DraftReminderMinutes"] = "30" });
        bot.AddUser("o1", Role.Officer, "phu-tho");
        bot.AddUser("o2", Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho");
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng");
        await bot.Say("/help", "o2");
        var sender = new RecordingSender();
        var service = new DraftReminderService(
            bot.Store, [sender], bot.Services.GetRequiredService<KhuyenCongBot.Core.Time.BotClock>(), bot.Services.GetRequiredService<FormPrompter>(),
            bot.Catalogue, bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KhuyenCongBot.Core.Options.BotOptions>>(),
            bot.Services.GetRequiredService<KhuyenCongBot.Core.Text.UserTexts>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DraftReminderService>.Instance);

        bot.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await service.ScanOnceAsync());
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await service.ScanOnceAsync());
        var (chat, reply) = Assert.Single(sender.Sent);
        Assert.Equal("o1", chat);
        Assert.Contains("phiếu \"Hội chợ, triển lãm\"", reply.Text);
        Assert.Contains("31 phút trước", reply.Text);
        Assert.Contains(reply.Choices, c => c.Data == "f:back");
        var user = bot.Store.Users.FindByIdentity("terminal:o1")!;
        Assert.NotNull(bot.Store.Conversations.Get(user.Id)!.RemindedAt);

        bot.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await service.ScanOnceAsync());

        // Answering resumes the form; a new idle spell earns a new reminder.
        Assert.Contains("❓ Số gian hàng", await bot.Say("Hội chợ Xuân", "o1"));
        bot.Time.Advance(TimeSpan.FromMinutes(45));
        Assert.Equal(1, await service.ScanOnceAsync());
        await bot.Say("/huy", "o1");
        bot.Time.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await service.ScanOnceAsync());
    }

    [Fact]
    public async Task Two_officers_at_the_same_time_never_mix_answers()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("o1", Role.Officer, "phu-tho");
        bot.AddUser("o2", Role.Officer, "bac-ninh");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho");
        FormTestKit.AddFacility(bot, "Đồ gỗ Đồng Kỵ", "bac-ninh");
        async Task Run(string user, string facility, string fair, string booths)
        {
            foreach (var line in new[] { "ghi hội chợ", facility, fair, booths, "hôm nay", "bỏ qua", "1", "bỏ qua", "lưu" })
            {
                await bot.Say(line, user);
                await Task.Yield();
            }
        }
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(
                Task.Run(() => Run("o1", "Gốm Phù Lãng", "Hội chợ A" + round, "3")),
                Task.Run(() => Run("o2", "Đồ gỗ Đồng Kỵ", "Hội chợ B" + round, "7")));
        }
        var records = bot.Store.Records.All().ToList();
        Assert.Equal(10, records.Count);
        var o1 = bot.Store.Users.FindByIdentity("terminal:o1")!.Id;
        foreach (var r in records)
        {
            var mine = r.CreatedByUserId == o1;
            Assert.Equal(mine ? "phu-tho" : "bac-ninh", r.ProvinceId);
            Assert.Equal(mine ? "Gốm Phù Lãng" : "Đồ gỗ Đồng Kỵ", r.FacilityName);
            Assert.Equal(mine ? 3 : 7, r.Booths);
            Assert.StartsWith(mine ? "Hội chợ A" : "Hội chợ B", r.Extra["fair_name"]);
        }
    }

    [Fact]
    public async Task A_burst_of_messages_from_one_officer_is_taken_in_order()
    {
        // With the default flood gate (a burst of 20 is allowed).
        using var bot = BotHarness.Create(FormTestKit.Today);
        bot.AddUser("o1", Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho");
        var lines = new[] { "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "9", "15/5", "bỏ qua", "2", "ghi chú nhanh", "lưu" };
        // Sent without waiting for the replies, as a phone does when the network comes back.
        var tasks = lines.Select(line => bot.Say(line, "o1")).ToList();
        await Task.WhenAll(tasks);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(9, record.Booths);
        Assert.Equal(new DateOnly(2026, 5, 15), record.Date);
        Assert.Equal("ghi chú nhanh", record.Note);
        Assert.Equal(KhuyenCongBot.Core.Records.RecordStatus.Estimate, record.Status);
    }

    private sealed class RecordingSender : IMessageSender
    {
        public List<(string Chat, Reply Reply)> Sent { get; } = [];

        public string Channel => "terminal";

        public Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken = default)
        {
            Sent.Add((chatId, reply));
            return Task.CompletedTask;
        }
    }
}
