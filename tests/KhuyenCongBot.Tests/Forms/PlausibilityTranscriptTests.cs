using KhuyenCongBot.Core.Forms;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Amounts far outside what a field expects are asked back ("ý bạn là 85 triệu đồng?") before they are accepted.</summary>
public sealed class PlausibilityTranscriptTests(ITestOutputHelper output)
{
    private static async Task<(string Transcript, FormSession Session)> Consulting(Support.BotHarness bot, params string[] more)
    {
        var transcript = await FormTestKit.Talk(bot, "o1", ["ghi tư vấn", "Gốm Phù Lãng", "Dự án lò nung", .. more]);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        return (transcript, new FormSession(state));
    }

    [Theory]
    [InlineData("có", 85_000_000)]
    [InlineData("1", 85_000_000)]
    [InlineData("ok", 85_000_000)]
    [InlineData("không", 85)]
    [InlineData("2", 85)]
    [InlineData("85 triệu", 85_000_000)]
    public async Task A_revenue_under_a_thousand_dong_is_asked_back(string reply, long expected)
    {
        using var bot = FormTestKit.WithOfficer();
        var (asked, session) = await Consulting(bot, "85");
        output.WriteLine(asked);
        Assert.Contains("Ý bạn là 85 triệu đồng", asked);
        Assert.False(session.HasAnswer("revenue_vnd"));
        output.WriteLine(await bot.Say(reply, "o1"));
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), new FormSession(state).Answer("revenue_vnd"));
    }

    [Fact]
    public async Task A_plausible_revenue_is_taken_at_once()
    {
        using var bot = FormTestKit.WithOfficer();
        var (transcript, session) = await Consulting(bot, "850tr");
        Assert.DoesNotContain("Ý bạn là", transcript);
        Assert.Equal("850000000", session.Answer("revenue_vnd"));
    }

    [Theory]
    [InlineData("có", "2000000000")]
    [InlineData("không", null)]
    public async Task Support_above_the_facilitys_total_investment_is_asked_back(string reply, string? expected)
    {
        using var bot = FormTestKit.WithOfficer();
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi máy móc", "Gốm Phù Lãng", "Lò nung gas", "1", "1,5 tỷ", "hôm nay", "2 tỷ");
        output.WriteLine(transcript);
        Assert.Contains("lớn hơn Tổng vốn đầu tư của cơ sở", transcript);
        var answer = await bot.Say(reply, "o1");
        output.WriteLine(answer);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal(expected, new FormSession(state).Answer("funding_vnd"));
        if (expected is null)
        {
            Assert.Contains("❓ Kinh phí khuyến công hỗ trợ", answer);
        }
    }
}

/// <summary>A new facility's name typed without capitals or diacritics is offered back written properly.</summary>
public sealed class FacilityNameStyleTests(ITestOutputHelper output)
{
    private static readonly string[] Known =
        ["Xưởng mộc Thành Công", "Cơ sở gốm Đạt Thành", "HTX Mây tre đan Phú Thọ", "Cơ sở mộc Thành Lợi", "Hộ kinh doanh Lương Văn Tâm", "Xưởng chè chất lượng"];

    [Theory]
    [InlineData("xuong moc thanh dat", "Xưởng mộc Thành Đạt")]
    [InlineData("xưởng mộc thành đạt", "Xưởng mộc Thành Đạt")]
    [InlineData("htx may tre dan hung son", null)] // "Hung Son" would stay bare beside "Mây tre đan": half written back, not offered
    [InlineData("htx may tre dan", "HTX Mây tre đan")]
    [InlineData("Hoi cho Hang Viet Nam chat luong cao", null)] // stranger 7 F5: "Hoi Cho Hang Viet Nam Chat Lương Cao"
    [InlineData("xuong moc thanh luong", null)] // "Lương" (a name) or "lượng": cannot be told
    [InlineData("Xưởng mộc Thành Đạt", null)]
    public void Names_are_written_the_way_registered_names_write_their_words(string typed, string? expected) =>
        Assert.Equal(expected, FacilityNameStyle.Suggest(typed, Known));

    [Theory]
    [InlineData("2", "Xưởng mộc Thành Đạt")]
    [InlineData("3", "xuong moc thanh dat")]
    [InlineData("Tạo mới, đúng như đã gõ: xuong moc thanh dat", "xuong moc thanh dat")]
    public async Task A_new_facility_typed_in_lowercase_is_offered_back_properly_written(string pick, string saved)
    {
        using var bot = FormTestKit.WithOfficer();
        foreach (var name in Known)
        {
            FormTestKit.AddFacility(bot, name, "phu-tho");
        }
        var transcript = await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "xuong moc thanh dat");
        Assert.Contains("Tạo mới: Xưởng mộc Thành Đạt", transcript);
        transcript += await FormTestKit.Talk(bot, "o1", pick, "Vẫn tạo mới");
        output.WriteLine(transcript);
        Assert.Contains($"Cơ sở mới \"{saved}\"", transcript);
        var state = bot.Store.Conversations.Get(bot.Store.Users.FindByIdentity("terminal:o1")!.Id)!;
        Assert.Equal(saved, new FormSession(state).Get("nf:name"));
    }
}
