using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Outputs;
using KhuyenCongBot.Tests.Support;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// The Excel files for an English reader (outside tester, finding 9): the figures spreadsheet's sheets, headers, units, period and scope,
/// and the report workbook's sheets, headers, total row and names, in English; a Vietnamese reader's files as they were; a province's
/// row of a breakdown has the province as its scope (it said "cả nước").
/// </summary>
public sealed class EnglishWorkbookTests(ITestOutputHelper output)
{
    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    private async Task<Reply> File(BotHarness bot, string text, string language)
    {
        var replies = await bot.Send(new Incoming { Channel = "terminal", ChatId = "m", UserId = "m", Text = text, LanguageCode = language });
        var reply = Assert.Single(replies, r => r.Attachment is not null);
        output.WriteLine(reply.Text);
        return reply;
    }

    private static List<string> SheetNames(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.GetSheetNames();
    }

    private static List<List<string>> Sheet(byte[] xlsx, string name)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList()).ToList();
    }

    [Fact]
    public async Task The_figures_spreadsheet_for_an_English_reader_is_in_English_and_a_provinces_row_has_the_province_as_scope()
    {
        using var bot = Bot();
        var file = (await File(bot, "booths in 2025 by province excel", "en")).Attachment!.Content;
        Assert.Equal(["Summary", "Records"], SheetNames(file));
        var summary = Sheet(file, "Summary");
        Assert.Equal(["Metric", "Value", "Of which estimated (facility rows: facilities with estimate records)", "Unit", "Period", "From", "To", "Scope"], summary[0]);
        Assert.Equal(["Booths – Trade fairs and exhibitions", "1300", "0", "booths", "2025", "01/01/2025", "31/12/2025", "all provinces"], summary[1]);
        var ninhBinh = Assert.Single(summary, r => r[0] == "Booths – Trade fairs and exhibitions – Ninh Bình");
        Assert.Equal(["189", "booths", "2025", "Ninh Bình"], new[] { ninhBinh[1], ninhBinh[3], ninhBinh[4], ninhBinh[7] });
        Assert.DoesNotContain(summary, r => r.Any(c => c.Contains("cả nước") || c.Contains("gian hàng") || c.Contains("Chỉ tiêu")));
        // The records sheet keeps the import columns, and reads back as records.
        var rows = new MiniExcelSpreadsheetWriter().ReadRecordRows(file);
        Assert.Equal(MiniExcelSpreadsheetWriter.RecordHeaders, rows[0].Take(MiniExcelSpreadsheetWriter.RecordHeaders.Count));
        Assert.Equal(568, rows.Count);
    }

    [Fact]
    public async Task The_figures_spreadsheet_for_a_Vietnamese_reader_is_as_it_was_but_a_provinces_row_has_the_province_as_scope()
    {
        using var bot = Bot();
        var file = (await File(bot, "gian hàng năm 2025 theo tỉnh excel", "vi")).Attachment!.Content;
        Assert.Equal(["Tổng hợp", "Bản ghi"], SheetNames(file));
        var summary = Sheet(file, "Tổng hợp");
        Assert.Equal(["Chỉ tiêu", "Giá trị", "Trong đó ước thực hiện (dòng cơ sở: số cơ sở có bản ghi ước)", "Đơn vị", "Thời gian", "Từ ngày", "Đến ngày", "Phạm vi"], summary[0]);
        Assert.Equal(["Số gian hàng – Hội chợ, triển lãm", "1300", "0", "gian hàng", "năm 2025", "01/01/2025", "31/12/2025", "cả nước"], summary[1]);
        var ninhBinh = Assert.Single(summary, r => r[0] == "Số gian hàng – Hội chợ, triển lãm – Ninh Bình");
        Assert.Equal(["189", "gian hàng", "năm 2025", "Ninh Bình"], new[] { ninhBinh[1], ninhBinh[3], ninhBinh[4], ninhBinh[7] });
    }

    [Fact]
    public async Task The_report_workbook_for_an_English_reader_has_English_sheets_headers_totals_and_names()
    {
        using var bot = Bot();
        var reply = await File(bot, "/report first half 2024 excel", "en");
        Assert.Contains("first 6 months of 2024", reply.Text);
        Assert.Contains("By activity, By province, Projects", reply.Text);
        var file = reply.Attachment!.Content;
        Assert.Equal(["By activity", "By province", "Projects"], SheetNames(file));
        var activities = Sheet(file, "By activity");
        Assert.Equal("Activity", activities[0][0]);
        Assert.Equal("Booths", activities[0][4]);
        Assert.Contains(activities, r => r[0] == "Trade fairs and exhibitions" && r[4] == "701");
        Assert.Equal("Total", activities[^1][0]);
        var provinces = Sheet(file, "By province");
        Assert.Equal(["Province", "Projects in the period"], provinces[0].Take(2));
        Assert.Equal("Total", provinces[^1][0]);
        Assert.Equal("Project code", Sheet(file, "Projects")[0][0]);
        Assert.DoesNotContain(activities.Concat(provinces).SelectMany(r => r), c => c is "Tổng cộng" or "Hội chợ, triển lãm");
    }

    [Fact]
    public async Task The_report_workbook_for_a_Vietnamese_reader_keeps_its_sheets_headers_and_totals()
    {
        using var bot = Bot();
        var reply = await File(bot, "/baocao 6 tháng đầu năm 2024 excel", "vi");
        Assert.Contains("6 tháng đầu năm 2024", reply.Text);
        var file = reply.Attachment!.Content;
        Assert.Equal(["Theo hoạt động", "Theo tỉnh", "Danh sách đề án"], SheetNames(file));
        var activities = Sheet(file, "Theo hoạt động");
        Assert.Equal("Hoạt động", activities[0][0]);
        Assert.Contains(activities, r => r[0] == "Hội chợ, triển lãm" && r[4] == "701");
        Assert.Equal("Tổng cộng", activities[^1][0]);
    }
}
