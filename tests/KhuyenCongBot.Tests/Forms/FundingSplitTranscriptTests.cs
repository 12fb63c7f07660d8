using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An officer logs a machine funded by KCQG and KCĐP together with the facility's counterpart, through the terminal chat,
/// then asks the counterpart and the funding by source; every figure is checked against LINQ over the stored records.
/// </summary>
public sealed class FundingSplitTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] BothSourcesWithCounterpart =
        ["ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "900tr", "hôm nay", "300tr", "cả hai", "400tr", "150tr", "500tr", "1", "bỏ qua", "bỏ qua", "bỏ qua"];

    [Fact]
    public async Task A_record_with_split_funding_is_saved_split_and_the_counterpart_figures_follow_it()
    {
        using var bot = FormTestKit.WithOfficer();
        // Earlier records of the same province: one from before the split (KCQG, no split stored), one with a counterpart only.
        bot.Store.Records.Add(new SupportRecord
        {
            ActivityId = "machinery", Date = new DateOnly(2026, 3, 2), ProvinceId = "phu-tho", FacilityName = "HTX Mây tre đan Phú Thọ",
            FundingVnd = 200_000_000, FundingSource = "KCQG", Source = "test",
        });
        var counterpartOnly = new SupportRecord { ActivityId = "demo_model", Date = new DateOnly(2026, 5, 20), ProvinceId = "phu-tho", FacilityId = 2, Source = "test" };
        RecordFunding.Set(counterpartOnly, new FundingSplit(0, 80_000_000, 120_000_000));
        bot.Store.Records.Add(counterpartOnly);

        var transcript = await FormTestKit.Talk(bot, "o1", BothSourcesWithCounterpart);
        output.WriteLine(transcript);
        Assert.Contains("3. Cả hai: KCQG và KCĐP", transcript);
        Assert.Contains("Phần KCQG (400 triệu đồng) không thể lớn hơn kinh phí khuyến công hỗ trợ (300 triệu đồng)", transcript);
        Assert.Contains("✓ Trong đó phần KCQG: 150.000.000 đồng (một trăm năm mươi triệu đồng)", transcript);
        Assert.Contains("✓ Vốn đối ứng của cơ sở: 500.000.000 đồng (năm trăm triệu đồng)", transcript);
        var receipt = await bot.Say("lưu", "o1");
        output.WriteLine(receipt);
        Assert.Contains("đối ứng 500 triệu đồng", receipt);

        var logged = bot.Store.Records.All().Single(r => r.Source == "form");
        Assert.Equal(new FundingSplit(150_000_000, 150_000_000, 500_000_000), logged.Split);
        Assert.Equal((300_000_000L, (string?)null), (logged.FundingVnd, logged.FundingSource));

        var records = bot.Store.Records.All().Where(r => r.Date.Year == 2026 && r.ProvinceId == "phu-tho").ToList();
        // Independent reading of the stored fields: a record without a split has its amount under its named source.
        long Part(SupportRecord r, FundingSource s, string code) => r.Split is { } split ? split[s] : r.FundingSource == code ? r.FundingVnd : 0;

        var counterpart = await bot.Say("vốn đối ứng năm 2026", "o1");
        output.WriteLine(counterpart);
        var expected = records.Sum(r => Part(r, FundingSource.Counterpart, "-"));
        Assert.Equal(620_000_000, expected);
        Assert.Contains("Vốn đối ứng của cơ sở (mọi hoạt động): " + VnFormat.Money(expected), counterpart);

        var bySource = await bot.Say("kinh phí theo nguồn năm 2026", "o1");
        output.WriteLine(bySource);
        Assert.Contains("Kinh phí hỗ trợ (mọi hoạt động): " + VnFormat.Money(records.Sum(r => r.FundingVnd)), bySource);
        Assert.Contains("KCQG: " + VnFormat.Money(records.Sum(r => Part(r, FundingSource.Kcqg, "KCQG"))), bySource);
        Assert.Contains("KCĐP: " + VnFormat.Money(records.Sum(r => Part(r, FundingSource.Kcdp, "KCDP"))), bySource);
        Assert.Contains("Vốn đối ứng: " + VnFormat.Money(expected), bySource);
        Assert.Contains("không cộng vào", bySource);

        var facilities = await bot.Say("bao nhiêu cơ sở có vốn đối ứng năm 2026", "o1");
        output.WriteLine(facilities);
        var withCounterpart = records.Where(r => Part(r, FundingSource.Counterpart, "-") > 0).Select(r => r.FacilityId).Distinct().Count();
        Assert.Contains(VnFormat.Number(withCounterpart) + " cơ sở", facilities);
    }

    [Fact]
    public async Task One_source_asks_no_part_and_a_machine_without_investment_asks_no_counterpart()
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi máy móc", "phu lang", "1", "Lò nung gas", "1", "bỏ qua", "hôm nay", "300tr", "KCQG", "1", "bỏ qua", "bỏ qua", "bỏ qua", "lưu");
        output.WriteLine(transcript);
        Assert.DoesNotContain("Trong đó phần KCQG", transcript);
        Assert.DoesNotContain("Vốn đối ứng", transcript);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(new FundingSplit(300_000_000, 0), record.Split);
        Assert.Equal("KCQG", record.FundingSource);
    }

    [Fact]
    public async Task Lowering_the_amount_below_the_KCQG_part_asks_the_part_again()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", BothSourcesWithCounterpart);
        var transcript = await FormTestKit.Talk(bot, "o1", "sửa 7", "100tr");
        output.WriteLine(transcript);
        Assert.Contains("❓ Trong đó phần KCQG", transcript);
        var session = new FormSession(bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!);
        Assert.Null(session.Answer("funding_kcqg"));
        await FormTestKit.Talk(bot, "o1", "60tr", "lưu");
        Assert.Equal(new FundingSplit(60_000_000, 40_000_000, 500_000_000), Assert.Single(bot.Store.Records.All()).Split);
    }

    [Fact]
    public async Task A_saved_split_is_shown_back_when_corrected_and_the_correction_keeps_the_other_parts()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", [.. BothSourcesWithCounterpart, "lưu"]);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await bot.Say("/cuatoi", "o1");
        await bot.Say("1", "o1");
        var edit = await bot.Say("Sửa", "o1");
        output.WriteLine(edit);
        Assert.Contains("Nguồn kinh phí: Cả hai: KCQG và KCĐP", edit);
        Assert.Contains("Trong đó phần KCQG: 150.000.000 đồng", edit);
        Assert.Contains("Vốn đối ứng của cơ sở: 500.000.000 đồng", edit);
        await bot.Say("sửa 10", "o1");
        Assert.Contains($"Đã sửa bản ghi số {id}", await bot.Say("350tr", "o1") + await bot.Say("lưu", "o1"));
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal(new FundingSplit(150_000_000, 150_000_000, 350_000_000), record.Split);
        var audit = bot.Store.Audit.ForEntity("record", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"Counterpart\":500000000", audit[1].Before);
        Assert.Contains("\"Counterpart\":350000000", audit[1].After);
    }

    [Theory]
    [InlineData("cả hai", "BOTH")]
    [InlineData("ca hai", "BOTH")]
    [InlineData("KCQG và KCĐP", "BOTH")]
    [InlineData("quốc gia và địa phương", "BOTH")]
    [InlineData("both", "BOTH")]
    [InlineData("trung ương", "KCQG")]
    [InlineData("tỉnh", "KCDP")]
    public void Funding_source_answers_read(string typed, string value)
    {
        using var bot = FormTestKit.WithOfficer();
        var field = bot.Services.GetRequiredService<FormCatalogue>().Get("machinery")!.Field("funding_source")!;
        var result = FieldReader.Read(field, typed, FormTestKit.Today, bot.Catalogue, new BotUser { Role = Role.Admin }, KhuyenCongBot.Tests.Support.TestTexts.Seeds, false);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(value, result.Value);
    }
}
