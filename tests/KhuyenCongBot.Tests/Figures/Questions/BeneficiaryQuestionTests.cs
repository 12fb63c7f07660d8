using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Questions;

/// <summary>Figures by beneficiary over the demo data ("cơ sở do phụ nữ làm chủ", "hợp tác xã"), checked against LINQ over the store.</summary>
public sealed class BeneficiaryQuestionTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static int Distinct(BotHarness bot, DateOnly from, DateOnly to, Func<Facility, bool> keep, string? activity = null)
    {
        var facilities = bot.Store.Facilities.All().ToDictionary(f => f.Id);
        return bot.Store.Records.All()
            .Where(r => r.Date >= from && r.Date <= to && (activity is null || r.ActivityId == activity)
                && r.FacilityId is { } id && keep(facilities[id]))
            .Select(r => r.FacilityId).Distinct().Count();
    }

    public static TheoryData<string, string, int, int> Rows() => new()
    {
        // question, group id, from year, to year
        { "bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ năm nay", "women_owned", 2026, 2026 },
        { "bao nhieu co so do phu nu lam chu duoc ho tro nam nay", "women_owned", 2026, 2026 },
        { "hợp tác xã được hỗ trợ năm 2025", "cooperative", 2025, 2025 },
        { "bao nhiêu htx được hỗ trợ năm 2025", "cooperative", 2025, 2025 },
        { "bao nhiêu hộ kinh doanh được hỗ trợ năm 2024", "household_business", 2024, 2024 },
        { "bn co so dtts duoc ho tro nam 2025", "ethnic_minority_owned", 2025, 2025 },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_figure_by_legal_form_or_priority_group_counts_those_facilities(string question, string group, int fromYear, int toYear)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var answer = await bot.Say(question, "m");
        var to = toYear == Today.Year ? Today : new DateOnly(toYear, 12, 31);
        var expected = Distinct(bot, new DateOnly(fromYear, 1, 1), to, f => f.LegalForm == group || f.PriorityGroups?.Contains(group) == true);
        var all = Distinct(bot, new DateOnly(fromYear, 1, 1), to, _ => true);
        Assert.InRange(expected, 1, all - 1);
        Assert.Contains(VnFormat.Number(expected) + " cơ sở", answer);
        Assert.DoesNotContain(VnFormat.Number(all) + " cơ sở", answer);
        Assert.Contains("Chỉ tính cơ sở", answer);
    }

    [Fact]
    public async Task Two_groups_named_together_count_the_facilities_in_both_and_two_legal_forms_are_asked_one_at_a_time()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var both = await bot.Say("bao nhiêu hợp tác xã do phụ nữ làm chủ được hỗ trợ năm 2025", "m");
        var expected = Distinct(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31),
            f => f.LegalForm == "cooperative" && f.PriorityGroups?.Contains("women_owned") == true);
        var women = Distinct(bot, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), f => f.PriorityGroups?.Contains("women_owned") == true);
        Assert.InRange(expected, 1, women - 1);
        Assert.Contains(VnFormat.Number(expected) + " cơ sở", both);
        Assert.Contains("hợp tác xã, do phụ nữ làm chủ", both);
        var two = await bot.Say("htx và doanh nghiệp được hỗ trợ năm 2025", "m");
        Assert.Contains("nhiều loại hình", two);
        Assert.DoesNotContain(" cơ sở (", two);
    }

    [Fact]
    public async Task Funding_of_an_activity_for_women_owned_facilities_is_the_sum_of_their_records()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var answer = await bot.Say("kinh phí hỗ trợ máy móc cho cơ sở do phụ nữ làm chủ năm 2025", "m");
        var facilities = bot.Store.Facilities.All().ToDictionary(f => f.Id);
        var expected = bot.Store.Records.All()
            .Where(r => r.ActivityId == "machinery" && r.Date.Year == 2025 && r.FacilityId is { } id && facilities[id].PriorityGroups?.Contains("women_owned") == true)
            .Sum(r => r.FundingVnd);
        Assert.True(expected > 0);
        Assert.Contains(VnFormat.Money(expected), answer);
    }

    [Fact]
    public async Task A_follow_up_keeps_the_group_and_a_plan_is_not_split_by_group()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        await bot.Say("bao nhiêu hợp tác xã được hỗ trợ năm 2025", "m");
        var followUp = await bot.Say("còn năm 2024 thì sao", "m");
        var expected = Distinct(bot, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), f => f.LegalForm == "cooperative");
        Assert.Contains(VnFormat.Number(expected) + " cơ sở", followUp);
        Assert.Contains("hợp tác xã", followUp);
        var plan = await bot.Say("hợp tác xã được hỗ trợ máy móc năm 2025 so với kế hoạch", "m");
        Assert.Contains("không chia theo loại hình", plan);
    }

    [Fact]
    public async Task The_plan_button_under_a_group_figure_is_refused_and_the_top_list_keeps_the_group()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var answer = await bot.Say("bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ năm nay", "m");
        Assert.Contains("So với kế hoạch", answer);
        Assert.Contains("không chia theo loại hình", await bot.Say("So với kế hoạch", "m"));
        var top = await bot.Say("top 3 cơ sở do phụ nữ làm chủ nhận nhiều kinh phí nhất năm 2025", "m");
        Assert.Contains("Chỉ tính cơ sở do phụ nữ làm chủ", top);
        var women = bot.Store.Facilities.All().Where(f => f.PriorityGroups?.Contains("women_owned") == true).Select(f => f.Name).ToHashSet();
        var best = bot.Store.Records.All().Where(r => r.Date.Year == 2025 && r.FacilityName is { } n && women.Contains(n))
            .GroupBy(r => r.FacilityId).OrderByDescending(g => g.Sum(r => r.FundingVnd)).First().First().FacilityName!;
        Assert.Contains(best, top);
    }

    [Fact]
    public async Task A_facility_history_named_htx_is_not_read_as_a_group()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        var answer = await bot.Say("HTX gốm Hương Canh đã được hỗ trợ những gì", "m");
        Assert.Contains("HTX gốm Hương Canh", answer);
        Assert.DoesNotContain("Chỉ tính cơ sở", answer);
    }

    [Fact]
    public void The_demo_facilities_carry_their_legal_form_and_groups_and_the_anchor_is_a_cooperative()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var facilities = bot.Store.Facilities.All().ToList();
        Assert.All(facilities, f => Assert.NotNull(f.LegalForm));
        Assert.All(facilities, f => Assert.NotNull(f.PriorityGroups));
        Assert.Equal("cooperative", Assert.Single(facilities, f => f.Name == "HTX gốm Hương Canh").LegalForm);
        Assert.All(facilities.Where(f => f.TaxId is not null), f => Assert.True(Core.Beneficiaries.TaxIds.CheckDigitOk(f.TaxId!)));
        Assert.Contains(facilities, f => f.TaxId is not null);
    }
}
