using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Projects;

/// <summary>
/// Issue 13 (outside tester 2, finding 8): a record linked to a project is checked per funding source, not only in total. A project
/// approved KCQG 95 triệu + KCĐP 315 triệu with KCQG 72 triệu already recorded, given KCQG 300 triệu more, is 372 triệu of KCQG
/// against 95 approved: said, with the total's warning when the total is over too; a project whose total fits while one source
/// is overdrawn is warned as well. The sums are read back from the store (LINQ), not from the check.
/// </summary>
public sealed class ProjectSourceOverrunTests
{
    private static (BotHarness Bot, Project Project, UserTexts Texts) Start(long recordedKcqg)
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        var project = new Project
        {
            Code = "KC-2026-77", NormalizedCode = ProjectCode.Normalize("KC-2026-77"), Name = "Hội chợ Phú Thọ", DecisionNumber = "12/QĐ-SCT",
            DecisionDate = new DateOnly(2026, 3, 1), Programme = ProjectProgramme.National, Type = ProjectType.Group, ProvinceId = "phu-tho",
            ActivityId = "trade_fair", Approved = new FundingSplit(95_000_000, 315_000_000), Status = ProjectStatus.InProgress,
            CreatedAt = DateTimeOffset.UtcNow, StartedOn = new DateOnly(2026, 4, 1), PlannedEnd = new DateOnly(2026, 12, 31),
        };
        project.Id = bot.Store.Projects.Add(project);
        var earlier = new SupportRecord
        {
            ActivityId = "trade_fair", Date = new DateOnly(2026, 5, 5), ProvinceId = "phu-tho", Booths = 1, ProjectCode = project.Code,
            CreatedAt = DateTimeOffset.UtcNow, Source = "form",
        };
        RecordFunding.Set(earlier, new FundingSplit(recordedKcqg, 0));
        bot.Store.Records.Add(earlier);
        return (bot, project, bot.Services.GetRequiredService<UserTexts>());
    }

    private static SupportRecord Fair(long kcqg, long kcdp)
    {
        var record = new SupportRecord { ActivityId = "trade_fair", Date = new DateOnly(2026, 11, 20), ProvinceId = "phu-tho", Booths = 2, ProjectCode = "KC-2026-77" };
        RecordFunding.Set(record, new FundingSplit(kcqg, kcdp));
        return record;
    }

    private static long Recorded(BotHarness bot, Func<FundingSplit, long> part) =>
        bot.Store.Records.All().Where(r => r.ProjectCode == "KC-2026-77").Sum(r => part(RecordFunding.SplitOf(r)!.Value));

    [Fact]
    public void A_source_overdrawn_is_said_beside_the_total_over()
    {
        var (bot, project, texts) = Start(72_000_000);
        using var _ = bot;
        var warnings = ProjectLinkCheck.Warnings(texts, bot.Store, project, Fair(300_000_000, 240_000_000), null, newLink: true).Select(w => w.Vi).ToList();
        var kcqg = Recorded(bot, s => s.Kcqg) + 300_000_000;
        Assert.Equal(372_000_000, kcqg);
        var total = Recorded(bot, s => s.Support) + 540_000_000;
        Assert.Contains(warnings, w => w.Contains($"lên {VnFormat.MoneyFull(total)}, vượt kinh phí khuyến công được duyệt (410.000.000 đồng)", StringComparison.Ordinal));
        // KCĐP: 240 triệu of 315 approved, not over.
        Assert.DoesNotContain(warnings, w => w.Contains("Phần KCĐP", StringComparison.Ordinal));
        Assert.Contains($"Phần KCQG đã ghi cho đề án KC-2026-77 lên {VnFormat.MoneyFull(kcqg)}, vượt kinh phí KCQG được duyệt ({VnFormat.MoneyFull(95_000_000)}): bằng {VnFormat.Percent(kcqg / 95_000_000m)}.", warnings);
    }

    [Fact]
    public void A_source_overdrawn_while_the_total_fits_is_warned_and_a_fitting_record_is_not()
    {
        var (bot, project, texts) = Start(72_000_000);
        using var _ = bot;
        var over = ProjectLinkCheck.Warnings(texts, bot.Store, project, Fair(30_000_000, 0), null, newLink: true).Select(w => w.Vi).ToList();
        Assert.True(Recorded(bot, s => s.Support) + 30_000_000 <= project.Approved.Support);
        var line = Assert.Single(over);
        Assert.StartsWith("Phần KCQG đã ghi cho đề án KC-2026-77 lên 102.000.000 đồng, vượt kinh phí KCQG được duyệt (95.000.000 đồng)", line, StringComparison.Ordinal);

        Assert.Empty(ProjectLinkCheck.Warnings(texts, bot.Store, project, Fair(20_000_000, 100_000_000), null, newLink: true));
    }
}
