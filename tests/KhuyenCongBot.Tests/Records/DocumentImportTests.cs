using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Records;

/// <summary>Admins import records.csv / plans.csv by sending the file to the bot; a bad file imports nothing and lists every bad row.</summary>
public sealed class DocumentImportTests
{
    private static Task<IReadOnlyList<Reply>> SendFile(BotHarness bot, string user, string name, string content, long? size = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return bot.Send(new Incoming
        {
            Channel = "terminal", ChatId = user, UserId = user,
            Document = new IncomingDocument(name, size ?? bytes.Length, _ => Task.FromResult<Stream>(new MemoryStream(bytes))),
        });
    }

    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    [Fact]
    public async Task A_good_file_is_imported_and_counts_at_once()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var replies = await SendFile(bot, "admin", "records.csv", Header +
            "15/05/2026,Phú Thọ,trade_fair,Gốm Hương Canh,xã Hương Canh,7,,,,chinh thuc,\n" +
            "2026-05-16,Vinh Phuc,trade_fair,Gốm Hương Canh,xã Hương Canh,3,,,,uoc,\n");
        Assert.Contains("Đã nhập 2 bản ghi", replies[0].Text);
        Assert.Equal(2, bot.Store.Records.Count());
        Assert.Contains("10 gian hàng", await bot.Say("Phú Thọ bao nhiêu gian hàng tháng 5/2026"));
    }

    [Fact]
    public async Task A_bad_file_imports_nothing_and_lists_each_bad_row()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var replies = await SendFile(bot, "admin", "records.csv", Header +
            "31/02/2026,Phú Thọ,trade_fair,Cơ sở An Phú,,7,,,,,\n" +
            "15/05/2026,Atlantis,trade_fair,Cơ sở Bình An,,7,,,,,\n" +
            "15/05/2026,Phú Thọ,trade_fair,Cơ sở Cẩm Lệ,,7,,,,,\n");
        var text = replies[0].Text;
        Assert.Contains("Không nhập gì", text);
        Assert.Contains("dòng 2", text);
        Assert.Contains("dòng 3", text);
        Assert.DoesNotContain("dòng 4", text);
        Assert.Equal(0, bot.Store.Records.Count());
    }

    [Fact]
    public async Task Officers_cannot_import_and_huge_or_foreign_files_are_refused()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("officer", Role.Officer, "phu-tho");
        bot.AddUser("admin", Role.Admin);
        Assert.Contains("Chỉ quản trị viên", (await SendFile(bot, "officer", "records.csv", Header))[0].Text);
        Assert.Contains("quá lớn", (await SendFile(bot, "admin", "records.csv", Header, size: 10 * 1024 * 1024))[0].Text);
        Assert.Contains("chỉ nhập tệp CSV", (await SendFile(bot, "admin", "photo.jpg", "xx"))[0].Text);
        Assert.Equal(0, bot.Store.Records.Count());
    }

    [Fact]
    public async Task Plans_file_sets_the_year_plan()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var replies = await SendFile(bot, "admin", "plans.csv", "year,province,metric,target\n2026,Phú Thọ,trade_fair.booths,120\n");
        Assert.Contains("Đã nhập 1 dòng kế hoạch", replies[0].Text);
        Assert.Contains(bot.Store.Plans.ForYear(2026), p => p.ProvinceId == "phu-tho" && p.Metric == "trade_fair.booths" && p.Target == 120);
    }
}
