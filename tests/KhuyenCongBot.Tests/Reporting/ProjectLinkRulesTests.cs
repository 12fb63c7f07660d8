using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Projects.Chat;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>The decision number's shape (/dean moi) and the days a project is or was behind its planned end (the report's "Số ngày chậm").</summary>
public sealed class ProjectLinkRulesTests
{
    [Theory]
    [InlineData("12/QĐ-SCT", "12/QĐ-SCT")]
    [InlineData("12 / QĐ-SCT", "12/QĐ-SCT")]
    [InlineData("số 245/QĐ-BCT", "245/QĐ-BCT")]
    [InlineData("QĐ số 45/2026/QĐ-UBND", "45/2026/QĐ-UBND")]
    [InlineData("88/qđ-bct", "88/qđ-bct")]
    [InlineData("1234/QD-UBND", "1234/QD-UBND")]
    [InlineData("không nhớ", null)]
    [InlineData("QĐ-SCT", null)]
    [InlineData("12", null)]
    [InlineData("12/", null)]
    [InlineData("Đoàn doanh nghiệp dự hội chợ", null)]
    public void A_decision_number_is_digits_a_slash_and_a_symbol(string typed, string? expected) =>
        Assert.Equal(expected, ProjectRegistrationFlow.DecisionNumber(typed));

    [Theory]
    // Not accepted: days since the planned end (0 before it).
    [InlineData("2026-11-20", null, "2026-11-26", 6)]
    [InlineData("2026-11-30", null, "2026-11-26", 0)]
    // Accepted late: the days between the planned end and the acceptance, whenever asked after it.
    [InlineData("2026-11-20", "2026-11-25", "2026-12-31", 5)]
    // Asked before the late acceptance: still counting.
    [InlineData("2026-11-20", "2026-11-25", "2026-11-23", 3)]
    // Accepted in time.
    [InlineData("2026-11-20", "2026-11-18", "2026-12-31", 0)]
    public void Days_behind_count_to_the_acceptance_once_accepted(string plannedEnd, string? accepted, string at, int expected)
    {
        var p = new Project
        {
            DecisionDate = new DateOnly(2026, 3, 1), StartedOn = new DateOnly(2026, 4, 1), PlannedEnd = DateOnly.Parse(plannedEnd, System.Globalization.CultureInfo.InvariantCulture),
            Status = accepted is null ? ProjectStatus.InProgress : ProjectStatus.Accepted,
            AcceptedOn = accepted is null ? null : DateOnly.Parse(accepted, System.Globalization.CultureInfo.InvariantCulture),
        };
        var day = DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, ProjectQueries.DaysBehind(p, day));
        // Independently: the planned end to the acceptance if it came by then, else to the day asked; never below 0.
        var until = p.AcceptedOn is { } a && a <= day ? a : day;
        Assert.Equal(Math.Max(0, until.DayNumber - p.PlannedEnd!.Value.DayNumber), ProjectQueries.DaysBehind(p, day));
    }
}
