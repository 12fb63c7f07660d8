using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Projects in the terminal chat on the demo data: questions checked against LINQ over the projects, scopes, moves, disbursement, registration.</summary>
public sealed class ProjectChatTranscriptTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static BotHarness Demo()
    {
        var bot = BotHarness.Create(Today, demo: true);
        bot.AddUser("admin", Role.Admin);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        bot.AddUser("bn", Role.Officer, "bac-ninh");
        bot.AddUser("boss", Role.Manager);
        return bot;
    }

    private async Task<string> Say(BotHarness bot, string user, string text)
    {
        var reply = await bot.Say(text, user);
        output.WriteLine($"[{user}] > {text}\n{reply}\n");
        return reply;
    }

    private static IReadOnlyList<Project> Projects(BotHarness bot, string? province = null)
    {
        var units = province is null ? null : bot.Catalogue.UnitsOf(province).ToHashSet();
        return bot.Store.Projects.Find(ProjectFilter.Everything).Where(p => units is null || units.Contains(p.ProvinceId)).ToList();
    }

    [Fact]
    public async Task Managers_questions_match_LINQ_over_the_projects_and_officers_see_their_province_only()
    {
        using var bot = Demo();
        Assert.True(Projects(bot).Count >= 5);

        foreach (var (user, province) in new[] { ("boss", (string?)null), ("pt", "phu-tho"), ("bn", "bac-ninh") })
        {
            var projects = Projects(bot, province);
            var notAccepted = projects.Where(p => p.StatusOn(Today) is ProjectStatus.Approved or ProjectStatus.InProgress).ToList();
            var answer = await Say(bot, user, "bao nhiêu đề án chưa nghiệm thu");
            Assert.Contains($"có {notAccepted.Count} đề án chưa nghiệm thu (trên tổng {projects.Count} đề án", answer);
            foreach (var p in Projects(bot))
            {
                Assert.Equal(notAccepted.Any(n => n.Code == p.Code), answer.Contains(p.Code + " –", StringComparison.Ordinal));
            }

            var late = projects.Where(p => p.PlannedEnd < Today && p.AcceptedOn is null).ToList();
            Assert.NotEmpty(late);
            answer = await Say(bot, user, "đề án nào chậm tiến độ");
            Assert.Contains($"có {late.Count} đề án chậm tiến độ", answer);
            foreach (var p in Projects(bot))
            {
                Assert.Equal(late.Any(n => n.Code == p.Code), answer.Contains(p.Code + " –", StringComparison.Ordinal));
            }
            foreach (var p in late)
            {
                Assert.Contains($"chậm {Today.DayNumber - p.PlannedEnd!.Value.DayNumber} ngày", answer);
            }

            var support = projects.Sum(p => p.Approved.Kcqg + p.Approved.Kcdp);
            var disbursed = projects.Sum(p => p.Disbursements.Where(d => d.AsOf <= Today).OrderBy(d => d.AsOf).Select(d => d.AmountVnd).LastOrDefault());
            answer = await Say(bot, user, "giải ngân đạt bao nhiêu %");
            Assert.Contains($"{VnFormat.MoneyFull(disbursed)} trên {VnFormat.MoneyFull(support)}", answer);
            Assert.Contains($"đạt {VnFormat.Percent((decimal)disbursed / support)}", answer);
            Assert.Contains("Chưa có kế hoạch kinh phí năm 2026", answer);
        }

        // The report paragraph of a period with projects says how they stand; the article's half-year has none, and is unchanged.
        var year = Projects(bot).Where(p => p.DecisionDate <= Today && !(p.SettledOn < new DateOnly(2026, 1, 1))).ToList();
        var report = await Say(bot, "boss", "/baocao năm 2026");
        Assert.Contains($"Về đề án khuyến công: {year.Count} đề án thực hiện trong kỳ, {year.Count(p => p.AcceptedOn is not null)} đề án đã nghiệm thu, "
            + $"{year.Count(p => p.PlannedEnd < Today && p.AcceptedOn is null)} đề án chậm tiến độ", report);
        Assert.DoesNotContain("Về đề án", await Say(bot, "boss", "/baocao 6 tháng đầu năm 2024"));

        // An officer asking about another province is refused, and never gets its figure.
        var refused = await Say(bot, "pt", "đề án nào chậm tiến độ ở Bắc Ninh");
        Assert.Contains("chỉ được xem số liệu của Phú Thọ", refused);
        Assert.DoesNotContain("KC-2026-04", refused);
        // Another province's project is said to exist outside the officer's scope (not "not found"), and nothing of it is shown.
        var other = bot.Store.Projects.FindByCode("KC-2026-04")!;
        var outside = await Say(bot, "pt", "đề án KC-2026-04 thế nào");
        Assert.Contains("Đề án KC-2026-04 có trong hệ thống nhưng thuộc tỉnh/thành khác, ngoài phạm vi của bạn", outside);
        Assert.DoesNotContain(other.Name, outside);
        Assert.DoesNotContain("đồng", outside);
        Assert.DoesNotContain(bot.Catalogue.Province(other.ProvinceId)!.ShortName, outside);
        // Whoever's role covers it sees it.
        Assert.Contains(other.Name, await Say(bot, "boss", "đề án KC-2026-04 thế nào"));
        var unknown = await Say(bot, "boss", "đề án KC-2099-99 thế nào");
        Assert.Contains("Không tìm thấy đề án KC-2099-99", unknown);
        Assert.DoesNotContain("đồng", unknown);
        // A word the bot does not know gets no figure.
        var unclear = await Say(bot, "boss", "bao nhiêu đề án chưa nghiệm thu xyzzy");
        Assert.Contains("chưa hiểu \"xyzzy\"", unclear);
        Assert.DoesNotContain("Tính đến", unclear);
        // "đề án tư vấn" without a step stays the figures question about consulting projects.
        Assert.Contains("Tư vấn phát triển công nghiệp", await Say(bot, "boss", "bao nhieu de an tu van 2024"));
    }

    [Fact]
    public async Task Disbursement_rate_against_the_year_plan_when_one_is_set()
    {
        using var bot = Demo();
        bot.Store.Plans.Upsert(new KhuyenCongBot.Core.Records.Plan
        {
            Id = KhuyenCongBot.Core.Records.Plan.MakeId(2026, "phu-tho", "*.funding_vnd"), Year = 2026, ProvinceId = "phu-tho", Metric = "*.funding_vnd", Target = 2_000_000_000,
        });
        // The year's plan against the projects approved in the year (what "giải ngân năm 2026" gives), not every project's payments in it.
        var ofYear = Projects(bot, "phu-tho").Where(p => p.DecisionDate.Year == 2026).ToList();
        var inYear = ofYear.Sum(p => ProjectAnswersLinq(p));
        var answer = await Say(bot, "pt", "giải ngân đạt bao nhiêu %");
        Assert.Contains($"So với kế hoạch kinh phí năm 2026 ({VnFormat.MoneyFull(2_000_000_000)}): {VnFormat.Number(ofYear.Count)} đề án được phê duyệt trong năm 2026 " +
            $"(đến 26/11/2026) đã giải ngân {VnFormat.MoneyFull(inYear)}, bằng {VnFormat.Percent(inYear / 2_000_000_000m)} kế hoạch năm", answer);
    }

    private static long ProjectAnswersLinq(Project p) =>
        p.Disbursements.Where(x => x.AsOf <= Today).OrderBy(x => x.AsOf).Select(x => x.AmountVnd).LastOrDefault();

    [Fact]
    public async Task An_officer_moves_a_project_on_in_order_audited_and_records_disbursement()
    {
        using var bot = Demo();
        var before = bot.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.Equal(ProjectStatus.InProgress, before.Status);

        // Out of order: settling before acceptance is refused, nothing changes.
        var refused = await Say(bot, "pt", "đề án KC-2026-07 quyết toán ngày 20/11");
        Assert.Contains("cần ghi bước nghiệm thu", refused);
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);

        // Another province's officer cannot move it, and learns nothing about it.
        Assert.Contains("thuộc tỉnh/thành khác, ngoài phạm vi của bạn", await Say(bot, "bn", "đề án KC-2026-07 đã nghiệm thu ngày 15/11"));

        Assert.Contains("người ghi: cán bộ khuyến công Phú Thọ. Ghi như vậy?", await Say(bot, "pt", "đề án KC-2026-07 đã nghiệm thu ngày 15/11"));
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);
        Assert.Contains("Đã ghi: đề án KC-2026-07 nghiệm thu ngày 15/11/2026", await Say(bot, "pt", "1"));
        var moved = bot.Store.Projects.FindByCode("KC-2026-07")!;
        Assert.Equal(ProjectStatus.Accepted, moved.Status);
        Assert.Equal(new DateOnly(2026, 11, 15), moved.AcceptedOn);
        var officer = bot.Store.Users.All().Single(u => u.DisplayName == "pt");
        Assert.Equal(officer.Id, moved.History[^1].UserId);
        var audit = bot.Store.Audit.ForEntity("project", moved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(audit, a => a.Action == "move" && a.UserId == officer.Id);

        // Disbursement: the total so far; above the approved support it asks first. (The demo's approved support comes from its
        // linked records, a multiple of 5 million below 2 tỷ: seeds/tools/demo_projects.py.)
        var within = before.Approved.Support - 5_000_000;
        Assert.InRange(within, 1, 1_999_999_999);
        Assert.Contains($"Đã ghi: đề án KC-2026-07 giải ngân {VnFormat.MoneyFull(within)}", await Say(bot, "pt", $"đề án KC-2026-07 giải ngân {within / 1_000_000} triệu"));
        Assert.Equal(within, bot.Store.Projects.FindByCode("KC-2026-07")!.DisbursedVnd);
        var warn = await Say(bot, "pt", "đề án KC-2026-07 giải ngân 2 tỷ");
        Assert.Contains("lớn hơn kinh phí được duyệt", warn);
        Assert.Equal(within, bot.Store.Projects.FindByCode("KC-2026-07")!.DisbursedVnd);
        Assert.Contains("Không lưu", await Say(bot, "pt", "2"));

        // From /cuatoi: the open projects with a button each; the move asks its date.
        var mine = await Say(bot, "pt", "/cuatoi");
        Assert.Contains("Đề án đang theo dõi", mine);
        Assert.Contains("📁 Chuyển bước đề án KC-2026-07 → quyết toán", mine);
        Assert.DoesNotContain("KC-2026-04", mine);
        var number = mine.Split('\n').First(l => l.Contains("KC-2026-07 → quyết toán", StringComparison.Ordinal)).Split('.')[0].Trim();
        Assert.Contains("quyết toán ngày nào", await Say(bot, "pt", number));
        Assert.Contains("trước ngày nghiệm thu", await Say(bot, "pt", "10/11"));
        Assert.Contains("nghiệm thu → quyết toán, ngày 26/11/2026", await Say(bot, "pt", "hôm nay"));
        Assert.Contains("Đã ghi: đề án KC-2026-07 quyết toán ngày 26/11/2026", await Say(bot, "pt", "đúng, ghi"));
        Assert.Equal(ProjectStatus.Settled, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);
    }

    [Fact]
    public async Task Registering_a_group_project_answers_a_question_in_the_middle_and_can_be_left()
    {
        using var bot = Demo();
        await Say(bot, "pt", "/dean moi");
        await Say(bot, "pt", "KC-2026-30");
        await Say(bot, "pt", "Đoàn Phú Thọ dự hội chợ Cần Thơ");
        // A figures question in the middle is answered; the dialog waits.
        var aside = await Say(bot, "pt", "đề án nào chậm tiến độ");
        Assert.Contains("chậm tiến độ", aside);
        Assert.Contains("vẫn chờ bạn", aside);
        // A command always works, and the dialog waits.
        Assert.Contains("Phú Thọ", await Say(bot, "pt", "/dean"));
        await Say(bot, "pt", "301/QĐ-BCT");
        await Say(bot, "pt", "01/11/2026");
        await Say(bot, "pt", "quốc gia");
        await Say(bot, "pt", "nhóm");
        await Say(bot, "pt", "Hội chợ, triển lãm");
        await Say(bot, "pt", "1,5 tỷ");
        await Say(bot, "pt", "300 triệu");
        await Say(bot, "pt", "31/12/2026");
        var summary = await Say(bot, "pt", "Công ty CP Chè Long Cốc; Công ty CP Gốm Hương Canh");
        Assert.Contains("KCQG 1.500.000.000 đồng, đối ứng 300.000.000 đồng", summary);
        Assert.Contains("Đề án nhóm", summary);
        Assert.Contains("Đã ghi đề án KC-2026-30", await Say(bot, "pt", "Lưu"));
        var saved = bot.Store.Projects.FindByCode("kc-2026-30")!;
        Assert.Equal(ProjectType.Group, saved.Type);
        Assert.Equal("phu-tho", saved.ProvinceId);
        Assert.Equal(new FundingSplit(1_500_000_000, 0, 300_000_000), saved.Approved);
        Assert.Equal(2, saved.FacilityIds.Count);
        Assert.Equal(new DateOnly(2026, 12, 31), saved.PlannedEnd);

        // /huy leaves a registration; nothing is saved.
        var count = bot.Store.Projects.Count();
        await Say(bot, "pt", "ghi đề án");
        await Say(bot, "pt", "KC-2026-31");
        Assert.Contains("Đã hủy", await Say(bot, "pt", "/huy"));
        Assert.Equal(count, bot.Store.Projects.Count());
        // A taken code is refused at its step.
        await Say(bot, "pt", "ghi đề án");
        Assert.Contains("đã có", await Say(bot, "pt", "KC-2026-30"));
        await Say(bot, "pt", "/huy");
        // A manager does not register projects.
        Assert.Contains("chỉ xem số liệu", await Say(bot, "boss", "/dean moi"));
    }
}
