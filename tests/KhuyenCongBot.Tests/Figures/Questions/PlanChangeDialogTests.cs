using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>/kehoach as an admin expects (issue 16): an existing plan is replaced only when confirmed, an amount far from last year's
/// plan or money under a million is asked back, a money amount without its unit asks which unit, a near province is offered as a
/// choice; nothing is saved until the admin says so, and every question can be left.</summary>
public sealed class PlanChangeDialogTests
{
    private static BotHarness Bot()
    {
        var bot = FormTestKit.Create();
        bot.AddUser("ad", Role.Admin);
        return bot;
    }

    private static decimal? Target(BotHarness bot, int year, string province, string metric) =>
        bot.Store.Plans.ForYear(year).FirstOrDefault(p => p.ProvinceId == province && p.Metric == metric)?.Target;

    [Theory]
    [InlineData("không")]
    [InlineData("2")]
    [InlineData("khong doi")]
    [InlineData("/huy")]
    public async Task An_existing_plan_is_replaced_only_when_the_admin_confirms(string refusal)
    {
        using var bot = Bot();
        var admin = bot.Store.Users.FindByIdentity("terminal:ad")!;
        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");

        var asked = await bot.Say("/kehoach 2027 Phú Thọ gian hàng 90", "ad");
        Assert.Contains("hiện là 150 gian hàng. Đổi thành 90 gian hàng?", asked);
        Assert.Contains("1. Đổi thành 90 gian hàng", asked);
        Assert.Contains("2. Không đổi, giữ 150 gian hàng", asked);
        Assert.Equal(150m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));

        await bot.Say(refusal, "ad");
        Assert.Equal(150m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));
        Assert.Null(bot.Store.Conversations.Get(admin.Id)?.Flow);

        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 90", "ad");
        var done = await bot.Say("có", "ad");
        Assert.Contains("Đã đặt kế hoạch năm 2027 của Phú Thọ", done);
        Assert.Contains("(trước đây 150 gian hàng)", done);
        Assert.Equal(90m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));
        var planId = Core.Records.Plan.MakeId(2027, "phu-tho", "trade_fair.booths");
        Assert.Equal(["create", "update"], bot.Store.Audit.ForEntity("plan", planId).Select(a => a.Action).Order());

        var same = await bot.Say("/kehoach 2027 phu tho gian hang 90", "ad");
        Assert.Contains("đã là 90 gian hàng; không đổi gì", same);
        Assert.Equal(2, bot.Store.Audit.ForEntity("plan", planId).Count);
    }

    [Fact]
    public async Task A_plan_ten_times_away_from_last_year_is_asked_back()
    {
        using var bot = Bot();
        await bot.Say("/kehoach 2026 Phú Thọ gian hàng 150", "ad");

        var asked = await bot.Say("/kehoach 2027 Phú Thọ gian hàng 15000", "ad");
        Assert.Contains("Kế hoạch năm 2026 của Phú Thọ là 150 gian hàng; 15.000 gian hàng gấp 100 lần. Đúng chứ?", asked);
        Assert.Null(Target(bot, 2027, "phu-tho", "trade_fair.booths"));
        Assert.Contains("Đã thôi", await bot.Say("không", "ad"));
        Assert.Null(Target(bot, 2027, "phu-tho", "trade_fair.booths"));

        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 15000", "ad");
        Assert.Contains("Đã đặt kế hoạch", await bot.Say("1", "ad"));
        Assert.Equal(15000m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));

        // A plan close to last year's is set at once.
        Assert.Contains("Đã đặt kế hoạch", await bot.Say("/kehoach 2027 Hà Nội gian hàng 12", "ad"));
    }

    [Fact]
    public async Task Money_under_a_million_offers_the_amount_in_millions()
    {
        using var bot = Bot();
        var asked = await bot.Say("/kehoach 2027 Hà Nội doanh thu tư vấn 500", "ad");
        Assert.Contains("rất nhỏ. Ý bạn là 500.000.000 đồng?", asked);
        Assert.Contains("2. Ý tôi là 500.000.000 đồng", asked);
        Assert.Null(Target(bot, 2027, "ha-noi", "consulting.revenue_vnd"));

        Assert.Contains("Đã đặt kế hoạch", await bot.Say("2", "ad"));
        Assert.Equal(500_000_000m, Target(bot, 2027, "ha-noi", "consulting.revenue_vnd"));
    }

    [Theory]
    [InlineData("1", 9_920_000_000)]
    [InlineData("2", 9_920_000)]
    public async Task A_money_amount_without_its_unit_asks_which_unit_and_blames_no_province(string pick, long expected)
    {
        using var bot = Bot();
        Assert.Contains("Đã đặt kế hoạch", await bot.Say("/kehoach 2026 Hà Nội doanh thu tư vấn 880 triệu", "ad"));
        var asked = await bot.Say("/kehoach 2027 Hà Nội doanh thu tư vấn 9,92", "ad");
        Assert.Contains("\"9,92\" thiếu đơn vị", asked);
        Assert.DoesNotContain("Không có tỉnh", asked);
        Assert.Null(Target(bot, 2027, "ha-noi", "consulting.revenue_vnd"));

        // The unit picked settles the unit only: 9,92 tỷ is 11 times Hà Nội's 2026 plan (880 triệu), 9,92 triệu 89 times under it,
        // and either is asked back as it would be when typed with its unit (a tester's 9,92 tỷ was saved at once).
        var far = await bot.Say(pick, "ad");
        Assert.Contains("Kế hoạch năm 2026 của Hà Nội là 880.000.000 đồng", far);
        Assert.Null(Target(bot, 2027, "ha-noi", "consulting.revenue_vnd"));

        Assert.Contains("Đã đặt kế hoạch", await bot.Say("có", "ad"));
        Assert.Equal(expected, Target(bot, 2027, "ha-noi", "consulting.revenue_vnd"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("đúng")]
    [InlineData("ok")]
    public async Task A_near_province_name_is_offered_as_a_choice_that_sets_the_plan(string yes)
    {
        using var bot = Bot();
        var asked = await bot.Say("/kehoach 2027 phu to gian hang 150", "ad");
        Assert.Contains("Có phải ý bạn là Phú Thọ?", asked);
        Assert.Contains("1. Đúng, Phú Thọ", asked);
        Assert.Empty(bot.Store.Plans.ForYear(2027));

        Assert.Contains("Đã đặt kế hoạch năm 2027 của Phú Thọ", await bot.Say(yes, "ad"));
        Assert.Equal(150m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));
    }

    [Fact]
    public async Task A_near_province_refused_sets_nothing_and_an_officer_viewing_gets_the_view()
    {
        using var bot = Bot();
        bot.AddUser("o1", Role.Officer, "phu-tho");
        await bot.Say("/kehoach 2027 phu to gian hang 150", "ad");
        Assert.Contains("gõ lại lệnh", await bot.Say("không", "ad"));
        Assert.Empty(bot.Store.Plans.ForYear(2027));

        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");
        await bot.Say("/kehoach 2027 phu to", "o1");
        Assert.Contains("Hội chợ, triển lãm: 150", await bot.Say("1", "o1"));
    }

    [Fact]
    public async Task A_question_asked_while_a_plan_waits_is_answered_and_nothing_is_saved()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("ad", Role.Admin);
        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 150", "ad");
        await bot.Say("/kehoach 2027 Phú Thọ gian hàng 90", "ad");

        var answer = await bot.Say("bao nhiêu gian hàng 6 tháng đầu năm 2024", "ad");
        Assert.Contains("701 gian hàng", answer);
        // The pending question was left; a yes now confirms nothing.
        await bot.Say("có", "ad");
        Assert.Equal(150m, Target(bot, 2027, "phu-tho", "trade_fair.booths"));
    }
}
