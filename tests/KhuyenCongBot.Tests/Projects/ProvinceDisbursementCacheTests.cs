using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Projects;

/// <summary>
/// "giải ngân theo tỉnh" keeps each unit's figure in its <see cref="ProjectGroup"/> (as "giải ngân đạt bao nhiêu %" does, so the
/// question does not go through every project again at 1,000,000 records): a disbursement saved after a first question must show
/// in the next answer, for the province's row and the total.
/// </summary>
public sealed class ProvinceDisbursementCacheTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("giải ngân theo tỉnh", null)]
    [InlineData("giải ngân năm 2026 theo tỉnh", 2026)]
    public async Task A_disbursement_saved_after_a_first_question_changes_the_next_answer(string question, int? year)
    {
        using var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("a", Role.Admin);
        var from = year is { } y ? new DateOnly(y, 1, 1) : DateOnly.MinValue;
        var project = bot.Store.Projects.Find(ProjectFilter.Everything)
            .First(p => p.DecisionDate >= from && p.DecisionDate <= Today && p.Approved.Kcqg + p.Approved.Kcdp > 0);
        var province = bot.Catalogue.CurrentOf(project.ProvinceId)!.Id;
        var before = Row(bot, province, from);
        var first = await bot.Say(question, "a");
        output.WriteLine(first);
        Assert.Contains(Line(bot, province, before), first);

        project.Disbursements.Add(new Disbursement
        {
            AmountVnd = project.DisbursedOn(Today) + 1_000_000,
            AsOf = Today,
            At = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
        });
        bot.Store.Projects.Update(project);
        var after = Row(bot, province, from);
        Assert.Equal(before.Disbursed + 1_000_000, after.Disbursed);

        var next = await bot.Say(question, "a");
        output.WriteLine(next);
        Assert.Contains(Line(bot, province, after), next);
        Assert.DoesNotContain(Line(bot, province, before), next);
        Assert.NotEqual(first, next);
    }

    /// <summary>One current province's projects approved from <paramref name="from"/> to today, by LINQ over the store.</summary>
    private static (int Count, long Disbursed, long Support) Row(BotHarness bot, string province, DateOnly from)
    {
        var projects = bot.Store.Projects.Find(ProjectFilter.Everything)
            .Where(p => p.DecisionDate >= from && p.DecisionDate <= Today && bot.Catalogue.CurrentOf(p.ProvinceId)!.Id == province).ToList();
        return (projects.Count, projects.Sum(p => p.DisbursedOn(Today)), projects.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp));
    }

    private static string Line(BotHarness bot, string id, (int Count, long Disbursed, long Support) r) =>
        $"{bot.Catalogue.Province(id)!.ShortName}: {VnFormat.Number(r.Disbursed)} đồng / {VnFormat.Number(r.Support)} đồng ({r.Count} đề án)";
}
