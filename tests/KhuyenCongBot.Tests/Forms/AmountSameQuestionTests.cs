using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// A small amount asked back the same way in the form and in "Cập nhật số chính thức" (stranger 7 F3: "có" kept 450 triệu in the
/// form but confirmed "40 đồng" there): "Ý bạn là 40 triệu đồng?", "có" is that reading in both; no yes word makes a tiny amount
/// official; a KCQG part taken from the question is checked against the amount as one typed is.
/// </summary>
public sealed class AmountSameQuestionTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 3 booths, 45 million from KCQG, logged as an estimate ("2" at "Số liệu").</summary>
    private static readonly string[] EstimatedFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "45tr", "1", "2", "bỏ qua", "lưu"];

    private async Task<string> Talk(BotHarness bot, params string[] lines)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", lines);
        output.WriteLine(transcript);
        return transcript;
    }

    [Fact]
    public async Task Co_takes_the_reading_in_millions_in_the_form_and_in_the_official_update_alike()
    {
        using (var logging = FormTestKit.WithOfficer())
        {
            var form = await Talk(logging, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "450");
            Assert.Contains("Ý bạn là 450 triệu đồng", form);
            Assert.Contains("✓ Kinh phí khuyến công hỗ trợ: 450.000.000 đồng", await Talk(logging, "có"));
        }

        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var asked = await Talk(bot, $"/sua {id}", "1", "4", "40");
        Assert.Contains("khác xa số ước thực hiện (45 triệu đồng). Ý bạn là 40 triệu đồng", asked);
        Assert.Contains("1. Đúng, 40 triệu đồng", asked);
        Assert.Contains("2. Không, đúng là 40 đồng", asked);
        Assert.DoesNotContain("Đúng là 40 đồng?", asked);
        var summary = await Talk(bot, "có");
        Assert.Contains("45 triệu đồng → 40 triệu đồng", summary);
        await Talk(bot, "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 40_000_000L), (record.Status, record.FundingVnd));
    }

    [Fact]
    public async Task The_tiny_amount_as_typed_is_taken_only_by_its_own_choice()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        await Talk(bot, $"/sua {id}", "1", "giữ", "40");
        Assert.Contains("45 triệu đồng → 40 đồng", await Talk(bot, "2"));
    }

    public static TheoryData<string> Yes => new(ChoiceMatcher.YesWords);

    [Theory]
    [MemberData(nameof(Yes))]
    public async Task No_yes_word_makes_a_tiny_amount_official(string yes)
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        // "40": its reading 40 triệu is offered, and the yes takes it.
        var offered = await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "giữ", "40", yes);
        Assert.Contains("45 triệu đồng → 40 triệu đồng", offered);
        // "1" with 120 triệu estimated: neither 1 triệu nor 1 nghìn is near enough to offer, so "Đúng là 1 đồng?" stays open.
        using var other = FormTestKit.WithOfficer();
        await FormTestKit.Talk(other, "o1", [.. EstimatedFair.Select(a => a == "45tr" ? "120tr" : a)]);
        var otherId = Assert.Single(other.Store.Records.All()).Id;
        var tiny = await FormTestKit.Talk(other, "o1", $"/sua {otherId}", "1", "giữ", "1", yes);
        output.WriteLine(tiny);
        Assert.Contains("Đúng là 1 đồng?", tiny);
        Assert.Contains("muốn ghi đúng như vậy thì chọn số 1", tiny.Split("> " + yes)[^1]);
        Assert.DoesNotContain("→ 1 đồng", tiny);
        Assert.Contains("→ 1 đồng", await FormTestKit.Talk(other, "o1", "1"));
    }

    [Fact]
    public async Task A_KCQG_part_taken_from_the_question_is_checked_against_the_amount()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "3", "50tr", "2", "bỏ qua", "lưu");
        var id = Assert.Single(bot.Store.Records.All()).Id;
        var asked = await Talk(bot, $"/sua {id}", "1", "giữ", "100tr", "500");
        Assert.Contains("Ý bạn là 500 triệu đồng", asked);
        var refused = await Talk(bot, "1");
        Assert.Contains("Phần KCQG (500 triệu đồng) không thể lớn hơn", refused);
        Assert.DoesNotContain("Ước thực hiện → Chính thức", refused);
        await Talk(bot, "40tr", "1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((40_000_000L, 60_000_000L), (record.Split!.Value.Kcqg, record.Split.Value.Kcdp));
    }
}
