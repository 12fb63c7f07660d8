using System.Text;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Every catalogue activity can be logged end to end; the record is in the store (and raised to the figures) at once.</summary>
public sealed class AllFormsTests(ITestOutputHelper output)
{
    public static TheoryData<string> ActivityIds() =>
    [
        "machinery", "cleaner_production", "trade_fair", "product_award", "trademark", "consulting",
        "training", "demo_model", "pollution", "market", "information", "cluster", "digital_transformation",
    ];

    [Theory]
    [MemberData(nameof(ActivityIds))]
    public async Task Each_activity_can_be_logged_end_to_end(string activityId)
    {
        using var bot = FormTestKit.WithOfficer();
        var changes = new List<RecordChange>();
        bot.Store.Records.Changed += changes.Add;
        var start = await bot.Say("/ghi " + activityId, "o1");
        Assert.Contains("Phiếu mới", start);
        var transcript = await FormDriver.FillAndSave(bot, "o1");
        output.WriteLine(start + "\n" + transcript);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(activityId, record.ActivityId);
        Assert.Equal("phu-tho", record.ProvinceId);
        Assert.Equal(FormTestKit.Today, record.Date);
        Assert.Contains($"Đã lưu bản ghi số {record.Id}", transcript);
        var change = Assert.Single(changes);
        Assert.Equal(record.Id, change.After!.Id);
        var figures = bot.Services.GetRequiredService<KhuyenCongBot.Core.Figures.IFigureSource>();
        var participations = figures.Total(new KhuyenCongBot.Core.Figures.FigureQuery(
            activityId, KhuyenCongBot.Core.Figures.Measures.Participations, FormTestKit.Today.AddDays(-1), FormTestKit.Today));
        Assert.Equal(1, participations.Value);
    }

    [Fact]
    public async Task Booths_count_in_the_figures_at_once_and_leave_them_on_deletion()
    {
        using var bot = FormTestKit.WithOfficer();
        var figures = bot.Services.GetRequiredService<KhuyenCongBot.Core.Figures.IFigureSource>();
        var query = new KhuyenCongBot.Core.Figures.FigureQuery("trade_fair", KhuyenCongBot.Core.Figures.Measures.Booths, new DateOnly(2026, 1, 1), FormTestKit.Today);
        var before = figures.Total(query).Value;
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "12", "hôm nay", "bỏ qua", "1", "bỏ qua", "lưu");
        Assert.Equal(before + 12, figures.Total(query).Value);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await bot.Press($"f:rdy:{id}", "o1");
        Assert.Equal(before, figures.Total(query).Value);
    }

    [Fact]
    public void The_seed_forms_cover_all_twelve_activities()
    {
        using var bot = FormTestKit.Create();
        var forms = bot.Services.GetRequiredService<FormCatalogue>();
        Assert.Equal(bot.Catalogue.Activities.Select(a => a.Id).Order(), forms.Forms.Select(f => f.Activity).Order());
        Assert.Contains(bot.Services.GetServices<IHostedService>(), s => s is DraftReminderService);
    }

    [Fact]
    public async Task Product_level_and_certificate_are_asked_only_in_product_selection_and_only_when_recognised()
    {
        using var bot = FormTestKit.WithOfficer();
        var t = await FormTestKit.Talk(bot, "o1", "ghi bình chọn sản phẩm", "Gốm Phù Lãng", "Ấm chén men rạn", "thủ công mỹ nghệ", "quốc gia", "2");
        output.WriteLine(t);
        Assert.Contains("✓ Cấp bình chọn: Cấp quốc gia", t);
        Assert.Contains("❓ Số quyết định/giấy chứng nhận", t);
        var summary = await FormTestKit.Talk(bot, "o1", "123/QĐ-BCT", "hôm nay", "bỏ qua", "1", "bỏ qua");
        Assert.Contains("Số quyết định/giấy chứng nhận: 123/QĐ-BCT", summary);
        await bot.Say("sửa 6", "o1");
        Assert.DoesNotContain("Số quyết định", await bot.Say("tham gia", "o1"));
        await bot.Say("lưu", "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal("quoc_gia", record.Extra["level"]);
        Assert.Equal("thu_cong_my_nghe", record.Extra["product_group"]);
        Assert.False(record.Extra.ContainsKey("certificate_no"));

        await FormTestKit.Talk(bot, "o1", "ghi hội chợ");
        var fair = await FormDriver.FillAndSave(bot, "o1");
        Assert.DoesNotContain("Cấp bình chọn", fair);
    }

    [Fact]
    public async Task Consulting_revenue_is_bounded_to_100_billion()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi tư vấn", "Gốm Phù Lãng", "Tư vấn lập dự án xưởng gốm");
        var refused = await bot.Say("150 tỷ", "o1");
        Assert.Contains("Doanh thu tư vấn phải là số tiền", refused);
        Assert.Contains("100 tỷ", refused);
        Assert.Contains("4.870.000.000 đồng", await bot.Say("4,87 tỷ", "o1"));
    }

    [Fact]
    public async Task On_Telegram_buttons_fit_the_64_byte_limit_and_edit_the_form_message_in_place()
    {
        using var bot = FormTestKit.Create();
        bot.AddUser("t1", Role.Officer, "phu-tho", channel: "telegram");
        FormTestKit.AddFacility(bot, "Hợp tác xã sản xuất và kinh doanh gốm sứ mỹ nghệ truyền thống Phù Lãng", "phu-tho");
        var all = new List<Reply>();
        async Task<IReadOnlyList<Reply>> Tap(string? data, string? text = null)
        {
            var replies = await bot.Send(new Incoming { Channel = "telegram", ChatId = "t1", UserId = "t1", ButtonData = data, Text = text, SourceMessageId = "5" });
            all.AddRange(replies);
            return replies;
        }
        await Tap(null, "/ghi");
        await Tap("f:a:product_award");
        var search = await Tap(null, "gom su my nghe");
        var pick = search.SelectMany(r => r.Choices).First(c => c.Data.Contains(":fid:"));
        var picked = await Tap(pick.Data);
        Assert.True(picked[^1].EditsPrevious);
        await Tap(null, "Bình gốm");
        var group = await Tap("f:4:v:1");
        Assert.True(group[^1].EditsPrevious);
        Assert.Contains("Cấp bình chọn", group[^1].Text);
        // An old button of an earlier question does not answer the current one.
        var stale = await Tap("f:4:v:0");
        Assert.Contains("thuộc câu hỏi trước", stale[0].Text);
        foreach (var reply in all)
        {
            foreach (var choice in reply.Choices)
            {
                Assert.True(Encoding.UTF8.GetByteCount(choice.Data) <= Choice.MaxDataBytes, choice.Data);
            }
        }
    }
}
