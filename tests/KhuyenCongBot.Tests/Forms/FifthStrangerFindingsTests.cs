using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// What a fifth outside tester found (issue 16's plausibility, issue 13's first promise): "Cập nhật số chính thức" took a KCQG part
/// above the new total of a record funded by both sources, showed it as confirmed, and saved the record under KCQG alone.
/// </summary>
public sealed class FifthStrangerFindingsTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 3 booths, 120 million from both sources (KCQG 50 million), logged as an estimate.</summary>
    private static readonly string[] EstimatedFairFromBoth =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "3", "50tr", "2", "bỏ qua", "lưu"];

    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    private static async Task<(BotHarness Bot, long Id)> EstimatedFromBoth(Func<BotHarness, string[], Task<string>> talk)
    {
        var bot = FormTestKit.WithOfficer();
        await talk(bot, EstimatedFairFromBoth);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((50_000_000L, 70_000_000L), (record.Split!.Value.Kcqg, record.Split.Value.Kcdp));
        return (bot, record.Id);
    }

    [Theory]
    [InlineData("150tr")]   // above the new total
    [InlineData("100tr")]   // the whole total: one source, not both
    [InlineData("0")]       // nothing: one source, not both
    public async Task An_official_KCQG_part_that_breaks_the_split_is_refused_and_asked_again(string part)
    {
        var (bot, id) = await EstimatedFromBoth(Talk);
        using var _ = bot;
        var refused = await Talk(bot, $"/sua {id}", "1", "giữ", "100tr", part);
        Assert.Contains("phần KCQG phải lớn hơn 0 và nhỏ hơn kinh phí hỗ trợ (100 triệu đồng)", refused.Replace("Phần KCQG (150 triệu đồng) không thể lớn hơn", "phần KCQG phải lớn hơn 0 và nhỏ hơn kinh phí hỗ trợ (100 triệu đồng)"));
        Assert.DoesNotContain("Ước thực hiện → Chính thức", refused);

        var confirm = await Talk(bot, "40tr");
        Assert.Contains("50 triệu đồng → 40 triệu đồng", confirm);
        await Talk(bot, "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 100_000_000L), (record.Status, record.FundingVnd));
        Assert.Equal((40_000_000L, 60_000_000L), (record.Split!.Value.Kcqg, record.Split.Value.Kcdp));
    }

    [Fact]
    public async Task A_total_lowered_under_the_estimated_part_asks_the_part_again_instead_of_keeping_it()
    {
        var (bot, id) = await EstimatedFromBoth(Talk);
        using var _ = bot;
        var asked = await Talk(bot, $"/sua {id}", "1", "giữ", "30tr", "giữ");
        Assert.Contains("nhỏ hơn kinh phí hỗ trợ (30 triệu đồng)", asked);
        Assert.DoesNotContain("Ước thực hiện → Chính thức", asked);
        await Talk(bot, "10tr", "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 10_000_000L, 20_000_000L), (record.Status, record.Split!.Value.Kcqg, record.Split.Value.Kcdp));
    }

    /// <summary>A fair logged under Vĩnh Phúc (typed) on 10/03/2025, before it merged into Phú Thọ.</summary>
    private static readonly string[] FairInVinhPhucBeforeMerger =
        ["/ghi", "hội chợ", "phu lang", "1", "Hội chợ CNNT khu vực phía Bắc", "3", "10/03/2025", "120tr", "2", "1", "bỏ qua", "sửa 1", "vinh phuc"];

    [Theory]
    [InlineData("edit")]
    [InlineData("another")]
    public async Task A_record_of_a_former_province_moved_past_the_merger_by_a_later_edit_goes_under_the_merged_province(string how)
    {
        using var bot = FormTestKit.WithOfficer();
        var typed = await Talk(bot, FairInVinhPhucBeforeMerger);
        Assert.Contains("được tính cho Vĩnh Phúc", typed);
        await Talk(bot, "lưu");
        var first = Assert.Single(bot.Store.Records.All());
        Assert.Equal("vinh-phuc", first.ProvinceId);

        // "✏ Sửa" from the record's card, or "➕ Ghi thêm như vậy" (which keeps the date), then the date moved to 2026.
        var opened = how == "edit"
            ? await Talk(bot, $"/sua {first.Id}", "✏ Sửa", "sửa ngày là 12/08/2026")
            : await Talk(bot, "➕ Ghi thêm như vậy", "phu lang", "1", "3", "sửa ngày là 12/08/2026", "120tr", "bỏ qua");
        Assert.Contains("Phú Thọ", opened);
        Assert.DoesNotContain("1. Tỉnh/thành phố: Vĩnh Phúc", opened[opened.LastIndexOf("12/08/2026", StringComparison.Ordinal)..]);
        await Talk(bot, "lưu");
        var moved = bot.Store.Records.All().OrderBy(r => r.Id).Last();
        Assert.Equal((new DateOnly(2026, 8, 12), "phu-tho"), (moved.Date, moved.ProvinceId));
    }
}
