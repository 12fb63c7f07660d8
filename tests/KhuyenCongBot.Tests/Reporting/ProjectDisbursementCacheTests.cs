using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// The disbursement figures are added up from each unit's figures, kept until a project of the unit is saved
/// (<see cref="ProjectGroup"/>): the question right after a save must give the new figure, for the unit and for the whole country.
/// </summary>
public sealed class ProjectDisbursementCacheTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private async Task<string> Say(BotHarness bot, string user, string text)
    {
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}\n");
        return reply;
    }

    private static long At(Project p, DateOnly d) =>
        p.Disbursements.Where(x => x.AsOf <= d).OrderBy(x => x.AsOf).ThenBy(x => x.At).Select(x => x.AmountVnd).LastOrDefault();

    /// <summary>What the rate question must say, from LINQ over copies of the projects: disbursed and approved support, and what the
    /// projects approved in 2026 disbursed (compared with the year's plan).</summary>
    private static (long Disbursed, long Support, long InYear) Expected(BotHarness bot, string? province)
    {
        var units = province is null ? null : bot.Catalogue.UnitsOf(province).ToHashSet();
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => (units is null || units.Contains(p.ProvinceId)) && p.DecisionDate <= Today).ToList();
        return (projects.Sum(p => At(p, Today)), projects.Sum(p => p.Approved.Support),
            projects.Where(p => p.DecisionDate.Year == Today.Year).Sum(p => At(p, Today)));
    }

    private static void AssertRate(string answer, (long Disbursed, long Support, long InYear) e, bool plan)
    {
        Assert.Contains($"{VnFormat.MoneyFull(e.Disbursed)} trên {VnFormat.MoneyFull(e.Support)}", answer);
        Assert.Contains($"đạt {VnFormat.Percent((decimal)e.Disbursed / e.Support)}", answer);
        if (plan)
        {
            Assert.Contains($"(đến 26/11/2026) đã giải ngân {VnFormat.MoneyFull(e.InYear)}, bằng", answer);
        }
    }

    [Fact]
    public async Task A_saved_disbursement_is_in_the_very_next_rate_question_of_the_unit_and_of_the_country()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        bot.AddUser("boss", Role.Manager);
        bot.Store.Plans.Upsert(new Plan { Id = Plan.MakeId(2026, "phu-tho", "*.funding_vnd"), Year = 2026, ProvinceId = "phu-tho", Metric = "*.funding_vnd", Target = 2_000_000_000 });

        var unit = Expected(bot, "phu-tho");
        var country = Expected(bot, null);
        AssertRate(await Say(bot, "pt", "giải ngân đạt bao nhiêu %"), unit, plan: true);
        AssertRate(await Say(bot, "boss", "giải ngân đạt bao nhiêu %"), country, plan: false);
        // Asked again: the same figures (from the kept ones).
        AssertRate(await Say(bot, "pt", "giải ngân đạt bao nhiêu %"), unit, plan: true);

        var project = bot.Store.Projects.FindByCode("KC-2026-07")!;
        var amount = At(project, Today) + 5_000_000;
        Assert.True(amount < project.Approved.Support, "the new total stays within the approved support (no confirmation asked)");
        Assert.Contains("Đã ghi: đề án KC-2026-07 giải ngân", await Say(bot, "pt", $"đề án KC-2026-07 giải ngân {amount / 1_000_000} triệu"));

        var unitAfter = Expected(bot, "phu-tho");
        var countryAfter = Expected(bot, null);
        Assert.Equal(unit.Disbursed + 5_000_000, unitAfter.Disbursed);
        Assert.Equal(unit.InYear + 5_000_000, unitAfter.InYear);
        AssertRate(await Say(bot, "pt", "giải ngân đạt bao nhiêu %"), unitAfter, plan: true);
        AssertRate(await Say(bot, "boss", "giải ngân đạt bao nhiêu %"), countryAfter, plan: false);
    }

    [Fact]
    public async Task A_disbursement_saved_above_the_approved_support_is_named_as_an_overrun_by_the_next_question()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        var project = bot.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.DoesNotContain("KC-2026-07", await Say(bot, "pt", "giải ngân đạt bao nhiêu %"));

        var over = project.Approved.Support + 100_000_000;
        Assert.Contains("lớn hơn kinh phí được duyệt", await Say(bot, "pt", $"đề án KC-2026-07 giải ngân {over / 1_000_000} triệu"));
        Assert.Contains("Đã ghi", await Say(bot, "pt", "1"));
        Assert.Equal(over, bot.Store.Projects.FindByCode("KC-2026-07")!.DisbursedVnd);

        var answer = await Say(bot, "pt", "giải ngân đạt bao nhiêu %");
        Assert.Contains($"KC-2026-07 – {project.Name}: đã giải ngân {VnFormat.MoneyFull(over)}", answer);
        AssertRate(answer, Expected(bot, "phu-tho"), plan: false);
    }

    [Fact]
    public void A_save_replaces_the_groups_of_its_unit_only()
    {
        using var bot = BotHarness.Create(Today, demo: true);
        var before = bot.Store.Projects.Groups(null).ToDictionary(g => g.ProvinceId);
        Assert.True(before.Count >= 2);
        var project = bot.Store.Projects.FindByCode("KC-2026-07")!;
        project.Name += " (sửa)";
        bot.Store.Projects.Update(project);

        var after = bot.Store.Projects.Groups(null).ToDictionary(g => g.ProvinceId);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (unit, group) in after)
        {
            Assert.Equal(unit != project.ProvinceId, ReferenceEquals(before[unit], group));
        }
        Assert.Contains(after[project.ProvinceId].Projects, p => p.Name == project.Name);
        Assert.Equal(bot.Store.Projects.Read(ProjectFilter.Everything).Select(p => p.Id).Order(), after.Values.SelectMany(g => g.Projects).Select(p => p.Id).Order());
    }
}
