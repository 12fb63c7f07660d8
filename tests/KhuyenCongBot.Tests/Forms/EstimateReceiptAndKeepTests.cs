using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// Issue 16, promise 3 (no button that cannot work): "Cập nhật số chính thức" of a record funded by both sources showed "Giữ: —"
/// for the KCQG part once a new total no longer fitted the estimated part, then refused "giữ". And the save receipt of an estimate
/// ("✅ Đã lưu bản ghi số N … 12 gian hàng · kinh phí 36 triệu đồng") did not say it was an estimate.
/// </summary>
public sealed class EstimateReceiptAndKeepTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 12 booths, 36 million from both sources (KCQG 20 million), logged as an estimate.</summary>
    private static readonly string[] EstimatedFairFromBoth =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "12", "hôm qua", "36tr", "3", "20tr", "2", "bỏ qua"];

    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    [Fact]
    public async Task The_receipt_of_an_estimate_says_it_is_one_and_how_it_becomes_official()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFairFromBoth);
        var receipt = await Talk(bot, "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        Assert.Contains($"· 12 gian hàng · kinh phí 36 triệu đồng · ước thực hiện", receipt);
        Assert.Contains($"/sua {id}", receipt);

        // An actual record's receipt says nothing of the kind.
        var actual = await Talk(bot, "ghi hội chợ", "HTX Mây tre đan Phú Thọ", "Hội chợ Thu", "2", "hôm qua", "6tr", "1", "1", "bỏ qua", "lưu");
        Assert.Contains("· 2 gian hàng · kinh phí 6 triệu đồng\n", actual);
        Assert.DoesNotContain("ước thực hiện", actual[actual.LastIndexOf("✅", StringComparison.Ordinal)..]);
    }

    [Theory]
    [InlineData("15tr")] // under the estimated part: the part was cleared ("Giữ: —")
    [InlineData("20tr")] // equal to it: keeping it would make one source
    public async Task A_new_total_the_estimated_part_no_longer_fits_offers_no_keep_button_and_asks_the_part(string total)
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFairFromBoth);
        await Talk(bot, "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var part = await Talk(bot, $"/sua {id}", "1", "giữ", total);
        var asked = part[part.LastIndexOf("❓ Trong đó phần KCQG", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Giữ:", asked);
        Assert.DoesNotContain("Đã nhập: —", asked);
        Assert.Contains("Phần KCQG ước (20 triệu đồng) không còn hợp với kinh phí hỗ trợ mới", asked);

        var confirm = await Talk(bot, "10tr");
        Assert.Contains("20 triệu đồng → 10 triệu đồng", confirm);
        await Talk(bot, "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 10_000_000L), (record.Status, record.Split!.Value.Kcqg));
    }

    [Fact]
    public async Task Yes_to_a_tiny_actual_amount_takes_the_reading_offered_as_in_the_form()
    {
        // A seventh outside tester: in the form "450" → "Ý bạn là 450 triệu đồng?" → "có" takes 450 triệu; here "40" → "Đúng là 40
        // đồng?" → "có" took 40 đồng, one tap from saving it as the official funding. The question is now the form's.
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFairFromBoth);
        await Talk(bot, "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var asked = await Talk(bot, $"/sua {id}", "1", "giữ", "40");
        Assert.Contains("Ý bạn là 40 triệu đồng", asked);
        Assert.DoesNotContain("Đúng là 40 đồng?", asked);
        var taken = await Talk(bot, "có");
        Assert.Contains("❓ Trong đó phần KCQG", taken);
        Assert.Contains("kinh phí hỗ trợ mới (40 triệu đồng)", taken);
        // Left: "40" checked against the KCQG part before it was asked back cleared the part (20 triệu would fit 40 triệu).
    }

    [Fact]
    public async Task A_total_the_estimated_part_still_fits_keeps_the_keep_button()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFairFromBoth);
        await Talk(bot, "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var part = await Talk(bot, $"/sua {id}", "1", "giữ", "40tr");
        Assert.Contains("Giữ: 20 triệu đồng", part[part.LastIndexOf("❓ Trong đó phần KCQG", StringComparison.Ordinal)..]);
        Assert.Contains("• Trong đó phần KCQG: 20 triệu đồng (giữ nguyên)", await Talk(bot, "giữ"));
    }
}
