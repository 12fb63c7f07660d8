using KhuyenCongBot.Core.Records;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Dates of records (today 26/11/2026): a day still to come is only an estimate, a day/month without a year is the latest
/// such day not after today, a date more than two years back is asked back.</summary>
public sealed class FormDateRulesTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_future_fair_date_is_not_saved_as_an_actual_figure()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "30/11/2026", "120tr", "1", "1", "bỏ qua", "lưu");
        output.WriteLine(transcript);
        Assert.Contains("30/11/2026 chưa tới (hôm nay 26/11/2026)", transcript);
        Assert.DoesNotContain(bot.Store.Records.All(), r => r.Status == RecordStatus.Actual && r.Date > FormTestKit.Today);
        // "Chính thức" again is asked again; "Ước thực hiện" saves it as an estimate.
        var again = await FormTestKit.Talk(bot, "o1", "Chính thức");
        output.WriteLine(again);
        Assert.Contains("chưa tới", again);
        var saved = await FormTestKit.Talk(bot, "o1", "Ước thực hiện", "lưu");
        output.WriteLine(saved);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(RecordStatus.Estimate, record.Status);
        Assert.Equal(new DateOnly(2026, 11, 30), record.Date);
    }

    [Fact]
    public async Task A_day_and_month_without_a_year_is_the_latest_such_day_not_after_today()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "15/12");
        output.WriteLine(transcript);
        Assert.Contains("15/12/2025", transcript);
        Assert.DoesNotContain("15/12/2026", transcript);
    }

    [Fact]
    public async Task A_date_more_than_two_years_back_is_asked_back()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "01/01/2019");
        output.WriteLine(transcript);
        Assert.Contains("01/01/2019 đã cách đây hơn 2 năm", transcript);
        var no = await bot.Say("không", "o1");
        Assert.Contains("❓ Ngày", no);
        await bot.Say("01/01/2019", "o1");
        var yes = await bot.Say("1", "o1");
        output.WriteLine(yes);
        Assert.Contains("✓ Ngày tham gia: 01/01/2019", yes);
    }
}

/// <summary>The import takes the form's rule on future dates: an actual row dated after today is refused with its line.</summary>
public sealed class ImportFutureDateTests
{
    [Fact]
    public void A_future_dated_actual_row_is_refused_with_its_line_and_an_estimate_is_taken()
    {
        using var store = new KhuyenCongBot.Storage.LiteDbStore(":memory:");
        var importer = new CsvRecordImporter(store, () => Records.RecordsTestKit.Catalogue, Records.RecordsTestKit.Clock(), null, new KhuyenCongBot.Outputs.MiniExcelSpreadsheetWriter());
        byte[] Csv(params string[] rows) => System.Text.Encoding.UTF8.GetBytes(Records.RecordsTestKit.Header + "\n" + string.Join("\n", rows) + "\n");
        var refused = importer.Import(Csv(
            "15/03/2024,Bắc Ninh,trade_fair,Công ty TNHH Gốm Phù Lãng,xã Phù Lãng,3,,42000000,KCĐP,chinh thuc,",
            "30/11/2026,Bắc Ninh,trade_fair,HTX Mây tre Xuân Lai,xã Xuân Lai,2,,,,chinh thuc,"), new ImportOptions(1, "test", "records.csv", false));
        Assert.Equal(0, refused.Imported);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("30/11/2026 chưa tới", error.Reason);
        var estimate = importer.Import(Csv("30/11/2026,Bắc Ninh,trade_fair,HTX Mây tre Xuân Lai,xã Xuân Lai,2,,,,uoc,"), new ImportOptions(1, "test", "records.csv", false));
        Assert.Equal(1, estimate.Imported);
    }
}
