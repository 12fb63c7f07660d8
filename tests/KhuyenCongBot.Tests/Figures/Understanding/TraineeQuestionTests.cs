using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>
/// Trainee questions as the outside tester asked them (issue 13): "lao động được đào tạo", "năm kia", by province, against the
/// plan, against the same period; trainees by sex are not recorded, so they get no figure. Every figure is LINQ over the demo records.
/// </summary>
public sealed partial class TraineeQuestionTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("m", Role.Manager);
        return bot;
    }

    /// <summary>The demo's trainees: the number before "học viên" in a training record's note (or the form's answer).</summary>
    private static long Trainees(BotHarness bot, DateOnly from, DateOnly to, string? province = null) =>
        bot.Store.Records.All().Where(r => r.ActivityId == "training" && r.Date >= from && r.Date <= to
                && (province is null || bot.Catalogue.UnitsOf(province).Contains(r.ProvinceId)))
            .Sum(r => r.Extra.TryGetValue("trainees", out var n) ? long.Parse(n, CultureInfo.InvariantCulture)
                : NoteTrainees().Match(r.Note ?? "") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);

    [Theory]
    [InlineData("bao nhiêu lao động được đào tạo nghề năm 2025", 2025)]
    [InlineData("lao động được đào tạo năm 2024", 2024)]
    [InlineData("số học viên đào tạo năm kia", 2024)]
    [InlineData("so lao dong duoc dao tao nam kia", 2024)]
    [InlineData("số người được đào tạo nghề năm trước nữa", 2024)]
    public async Task Trainees_of_a_year_in_the_testers_words(string question, int year)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        Assert.Contains("Số học viên – Đào tạo, truyền nghề: " + VnFormat.Number(Trainees(bot, new(year, 1, 1), new(year, 12, 31))) + " học viên", answer);
        Assert.Contains($"năm {year}", answer);
    }

    [Theory]
    [InlineData("học viên nữ năm 2025")]
    [InlineData("bao nhiêu học viên là nữ")]
    [InlineData("lao động nữ được đào tạo năm nay")]
    [InlineData("so hoc vien nu nam 2025")]
    public async Task Trainees_by_sex_are_not_recorded_and_get_no_figure(string question)
    {
        using var bot = Bot();
        var answer = await bot.Say(question, "m");
        Assert.Contains("số học viên nam, nữ", answer);
        Assert.DoesNotMatch(@"\d+\s*học viên", answer);
    }

    [Fact]
    public async Task Trainees_by_province_list_each_province_largest_first()
    {
        using var bot = Bot();
        var answer = await bot.Say("số học viên đào tạo năm 2025 theo tỉnh", "m");
        var expected = bot.Catalogue.CurrentProvinces
            .Select(p => (p.ShortName, Value: Trainees(bot, new(2025, 1, 1), new(2025, 12, 31), p.Id))).Where(x => x.Value > 0)
            .OrderByDescending(x => x.Value).ToList();
        Assert.NotEmpty(expected);
        foreach (var (name, value) in expected)
        {
            Assert.Contains($"{name}: {VnFormat.Number(value)} học viên", answer);
        }
        Assert.True(answer.IndexOf(expected[0].ShortName + ":", StringComparison.Ordinal) < answer.IndexOf(expected[^1].ShortName + ":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trainees_against_a_plan_set_for_them()
    {
        using var bot = Bot();
        bot.Store.Plans.Upsert(new Plan { Id = Plan.MakeId(2025, "ha-noi", "training.trainees"), Year = 2025, ProvinceId = "ha-noi", Metric = "training.trainees", Target = 300 });
        var answer = await bot.Say("học viên đào tạo Hà Nội năm 2025 đạt bao nhiêu % kế hoạch", "m");
        var done = Trainees(bot, new(2025, 1, 1), new(2025, 12, 31), "ha-noi");
        Assert.Contains(VnFormat.Number(done) + " học viên", answer);
        Assert.Contains(VnFormat.Percent(done / 300m), answer);
    }

    [Fact]
    public async Task Trainees_against_the_same_period_a_year_before()
    {
        using var bot = Bot();
        var answer = await bot.Say("số học viên 6t đầu năm 2025 so với cùng kỳ", "m");
        var now = Trainees(bot, new(2025, 1, 1), new(2025, 6, 30));
        var before = Trainees(bot, new(2024, 1, 1), new(2024, 6, 30));
        Assert.Contains(VnFormat.Number(now) + " học viên", answer);
        Assert.Contains(VnFormat.Number(before) + " học viên", answer);
        Assert.Contains(VnFormat.Percent((decimal)now / before), answer);
    }

    [Fact]
    public async Task Trainees_by_month_list_every_month_of_the_period()
    {
        using var bot = Bot();
        var answer = await bot.Say("học viên đào tạo theo tháng năm 2025", "m");
        for (var month = 1; month <= 12; month++)
        {
            var value = Trainees(bot, new(2025, month, 1), new DateOnly(2025, month, 1).AddMonths(1).AddDays(-1));
            Assert.Contains($"Tháng {month}/2025: {VnFormat.Number(value)} học viên", answer);
        }
    }

    [GeneratedRegex(@"([0-9]+) học viên")]
    private static partial Regex NoteTrainees();
}
