using KhuyenCongBot.Core.Records;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>An outside tester logged 3 booths as an estimate, then the same fair's 5 booths as actual: both were saved and the month
/// showed 8. Now the actual is not saved until the officer is shown the estimate and how to replace it, or says it is another support.</summary>
public sealed class EstimateThenActualTests(ITestOutputHelper output)
{
    private static string[] Fair(string booths, string status) =>
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", booths, "hôm qua", "120tr", "1", status, "bỏ qua", "lưu"];

    [Fact]
    public async Task An_actual_after_its_own_estimate_is_asked_first_and_saved_only_when_the_officer_says_so()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", Fair("3", "2"));
        var estimate = Assert.Single(bot.Store.Records.All());
        Assert.Equal(RecordStatus.Estimate, estimate.Status);

        var transcript = await FormTestKit.Talk(bot, "o1", Fair("5", "1"));
        output.WriteLine(transcript);
        Assert.Contains($"bản ghi số {estimate.Id}", transcript);
        Assert.Contains("là số ước thực hiện của cùng hoạt động, cơ sở", transcript);
        Assert.Contains($"/sua {estimate.Id}", transcript);
        Assert.Single(bot.Store.Records.All());

        var saved = await bot.Say("Vẫn lưu thêm", "o1");
        output.WriteLine(saved);
        Assert.Equal(2, bot.Store.Records.All().Count());
        Assert.Equal([RecordStatus.Actual, RecordStatus.Estimate], bot.Store.Records.All().Select(r => r.Status).OrderBy(s => s));
    }

    [Fact]
    public async Task Two_estimates_or_an_actual_with_no_estimate_before_are_not_asked_about()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", Fair("3", "1"));
        var transcript = await FormTestKit.Talk(bot, "o1", Fair("5", "1"));
        output.WriteLine(transcript);
        Assert.DoesNotContain("là số ước thực hiện", transcript);
        Assert.Equal(2, bot.Store.Records.All().Count());
    }
}
