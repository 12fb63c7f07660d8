using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Receipts, "log another like this", /my, corrections and deletions within the window, with the audit trail.</summary>
public sealed class MyRecordsTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] OneFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "1", "bỏ qua", "lưu"];

    [Fact]
    public async Task Log_another_like_this_keeps_the_shared_answers()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var again = await bot.Say("1", "o1");
        output.WriteLine(again);
        Assert.Contains("Ghi thêm", again);
        Assert.Contains("❓ Cơ sở", again);
        var transcript = await FormTestKit.Talk(bot, "o1", "mây tre", "1", "2", "bỏ qua", "bỏ qua");
        output.WriteLine(transcript);
        Assert.Contains("Tên hội chợ/triển lãm: Hội chợ Xuân", transcript);
        await bot.Say("lưu", "o1");
        var records = bot.Store.Records.All().OrderBy(r => r.Id).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal("HTX Mây tre đan Phú Thọ", records[1].FacilityName);
        Assert.Equal(2, records[1].Booths);
        Assert.Equal(records[0].Date, records[1].Date);
        Assert.Equal("Hội chợ Xuân", records[1].Extra["fair_name"]);
        Assert.Equal(0, records[1].FundingVnd);
    }

    [Fact]
    public async Task My_records_can_be_corrected_within_the_window_with_an_audit_trail()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var list = await bot.Say("/cuatoi", "o1");
        Assert.Contains($"#{id}", list);
        var shown = await bot.Say("1", "o1");
        Assert.Contains("Tên hội chợ/triển lãm: Hội chợ Xuân", shown);
        Assert.Contains("✏ Sửa", shown);
        var edit = await bot.Say("Sửa", "o1");
        Assert.Contains($"Kiểm tra lại bản ghi số {id}", edit);
        await bot.Say("sửa 4", "o1");
        Assert.Contains("4. Số gian hàng: 7 gian hàng", await bot.Say("7", "o1"));
        Assert.Contains($"Đã sửa bản ghi số {id}", await bot.Say("lưu", "o1"));
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(7, record.Booths);
        Assert.Equal(120_000_000, record.FundingVnd);
        Assert.NotNull(record.UpdatedAt);
        var audit = bot.Store.Audit.ForEntity("record", id.ToString());
        Assert.Equal(["create", "update"], audit.Select(a => a.Action));
        Assert.Contains("\"Booths\":3", audit[1].Before);
        Assert.Contains("\"Booths\":7", audit[1].After);
    }

    [Fact]
    public async Task My_record_can_be_deleted_after_confirmation()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await bot.Say("/my", "o1");
        await bot.Say("1", "o1");
        var ask = await bot.Say("Xóa", "o1");
        Assert.Contains($"Xóa bản ghi số {id}?", ask);
        Assert.Single(bot.Store.Records.All());
        Assert.Contains($"Đã xóa bản ghi số {id}", await bot.Say("1", "o1"));
        Assert.Empty(bot.Store.Records.All());
        var audit = bot.Store.Audit.ForEntity("record", id.ToString());
        Assert.Equal("delete", audit[^1].Action);
        Assert.Contains("Hội chợ Xuân", audit[^1].Before);
    }

    [Fact]
    public async Task After_the_window_a_record_can_no_longer_be_changed()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", OneFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(8));
        await bot.Say("/my", "o1");
        var shown = await bot.Say("1", "o1");
        Assert.Contains("Đã quá 7 ngày", shown);
        Assert.DoesNotContain("✏ Sửa", shown);
        Assert.Contains("quá 7 ngày", await bot.Press($"f:re:{id}", "o1") is var r ? string.Join("\n", r.Select(x => x.Text)) : "");
        Assert.Contains("quá 7 ngày", string.Join("\n", (await bot.Press($"f:rdy:{id}", "o1")).Select(x => x.Text)));
        Assert.Single(bot.Store.Records.All());
    }

    [Fact]
    public async Task The_window_is_configurable_and_others_records_are_out_of_reach()
    {
        using var bot = FormTestKit.Create(settings: new Dictionary<string, string?> { ["Bot:EditWindowDays"] = "1" });
        bot.AddUser("o1", Core.People.Role.Officer, "phu-tho");
        bot.AddUser("o2", Core.People.Role.Officer, "phu-tho");
        FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho");
        await FormTestKit.Talk(bot, "o1", OneFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        Assert.Contains("Không tìm thấy bản ghi", string.Join("\n", (await bot.Press($"f:rdy:{id}", "o2")).Select(x => x.Text)));
        Assert.Contains("Bạn chưa ghi bản ghi nào", await bot.Say("/my", "o2"));
        bot.Time.Advance(TimeSpan.FromDays(2));
        Assert.Contains("quá 1 ngày", string.Join("\n", (await bot.Press($"f:rd:{id}", "o1")).Select(x => x.Text)));
        Assert.Single(bot.Store.Records.All());
    }
}
