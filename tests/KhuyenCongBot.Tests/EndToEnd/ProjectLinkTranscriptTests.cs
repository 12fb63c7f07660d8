using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// Issue 15 on Telegram (buttons pressed) and Zalo (numbers typed): a group project registered with counterpart funding, two of its
/// facilities logged with split funding and linked to it (the second from the receipt's "Thêm cơ sở khác" with the shared answers
/// kept), /dean showing the linked records, money by source and facilities (checked against the stored records), the project moved
/// through its lifecycle, another province's project code refused, and no project question once the project is settled.
/// </summary>
public sealed class ProjectLinkTranscriptTests(ITestOutputHelper output)
{
    public static TheoryData<string> Channels => new() { "telegram", "zalo" };

    private Task<string> Say(IChatDriver bot, string user, string text) => bot.SayLoggedAsync(output, user, text);

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => bot.ChooseLoggedAsync(output, user, number, label);

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task Two_facilities_of_a_group_project_are_logged_with_split_funding_and_the_project_shows_them(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var now = DateTimeOffset.UtcNow;
        foreach (var name in new[] { "Công ty CP Gốm Hương Canh", "Công ty CP Mộc Bích Chu" })
        {
            bot.Store.Facilities.Add(new Facility { Name = name, NormalizedName = VnText.FoldWords(name), ProvinceId = "phu-tho", CreatedAt = now });
        }
        // Another province's open fair project: never offered to, nor taken from, an officer of Phú Thọ.
        bot.Store.Projects.Add(new Project
        {
            Code = "KC-2026-50", NormalizedCode = ProjectCode.Normalize("KC-2026-50"), Name = "Đoàn Bắc Ninh", DecisionNumber = "9/QĐ-BCT",
            DecisionDate = new DateOnly(2026, 3, 1), Type = ProjectType.Group, ProvinceId = "bac-ninh", ActivityId = "trade_fair",
            Approved = new FundingSplit(100_000_000, 0), CreatedAt = now,
        });

        // The group project, registered in chat.
        await Say(bot, "o1", "/dean moi");
        await Say(bot, "o1", "KC-2026-41");
        await Say(bot, "o1", "Đoàn DN dự hội chợ Cần Thơ");
        Assert.Contains("Số quyết định có dạng", await Say(bot, "o1", "không nhớ"));
        await Say(bot, "o1", "88/QĐ-BCT");
        await Say(bot, "o1", "02/11/2026");
        await Choose(bot, "o1", 1, "Khuyến công quốc gia (KCQG)");
        await Choose(bot, "o1", 2, "Đề án nhóm (nhiều cơ sở)");
        await Choose(bot, "o1", 3, "Hội chợ, triển lãm");
        await Say(bot, "o1", "900 triệu");
        await Say(bot, "o1", "300 triệu");
        Assert.Contains("đã qua", await Say(bot, "o1", "20/11/2026"));
        await Choose(bot, "o1", 1, "Đúng, giữ như vậy");
        await Choose(bot, "o1", 1, "Bỏ qua");
        Assert.Contains("Đã ghi đề án KC-2026-41", await Choose(bot, "o1", 1, "Lưu đề án"));

        // The first facility: the project question lists the province's open fair projects only.
        var asked = await Say(bot, "o1", "ghi hội chợ");
        Assert.Contains("Thuộc đề án nào?", asked);
        Assert.DoesNotContain("KC-2026-50", asked);
        Assert.Contains("không phải một đề án đang thực hiện", await Say(bot, "o1", "KC-2026-50"));
        Assert.Contains("✓ Thuộc đề án nào?: KC-2026-41", await Choose(bot, "o1", 1, "KC-2026-41 – Đoàn DN dự hội chợ Cần Thơ"));
        await Say(bot, "o1", "Gốm Hương Canh");
        await Choose(bot, "o1", 1, "Công ty CP Gốm Hương Canh");
        await Say(bot, "o1", "Hội chợ Cần Thơ 2026");
        await Say(bot, "o1", "4");
        await Say(bot, "o1", "20/11/2026");
        await Say(bot, "o1", "200tr");
        await Choose(bot, "o1", 3, "Cả hai: KCQG và KCĐP");
        // The whole amount under KCQG is not "both": asked again.
        Assert.Contains("không phải \"cả hai\"", await Say(bot, "o1", "200tr"));
        await Say(bot, "o1", "150tr");
        await Choose(bot, "o1", 1, "Chính thức");
        await Say(bot, "o1", "bỏ qua");
        var receipt = await Say(bot, "o1", "lưu");
        Assert.Contains("Thuộc đề án KC-2026-41 (1 bản ghi", receipt);

        // The second facility from the receipt: project, fair, date, source kept; only what differs is asked.
        var next = await Choose(bot, "o1", 1, "➕ Thêm cơ sở khác cho đề án KC-2026-41");
        Assert.Contains("Cơ sở", next);
        Assert.DoesNotContain("Thuộc đề án nào?", next);
        await Say(bot, "o1", "Mộc Bích Chu");
        await Choose(bot, "o1", 1, "Công ty CP Mộc Bích Chu");
        await Say(bot, "o1", "2");
        await Say(bot, "o1", "100tr");
        await Say(bot, "o1", "60tr");
        await Say(bot, "o1", "bỏ qua");
        Assert.Contains("Thuộc đề án KC-2026-41 (2 bản ghi", await Say(bot, "o1", "lưu"));

        // /dean: the figures are the stored linked records' (an independent reading of the store).
        var linked = bot.Store.Records.All().Where(r => r.ProjectCode == "KC-2026-41").ToList();
        Assert.Equal(2, linked.Count);
        var kcqg = linked.Sum(r => r.Split!.Value.Kcqg);
        var kcdp = linked.Sum(r => r.Split!.Value.Kcdp);
        Assert.Equal((210_000_000L, 90_000_000L), (kcqg, kcdp));
        var shown = await Say(bot, "o1", "/dean KC-2026-41");
        Assert.Contains($"Bản ghi hỗ trợ thuộc đề án: {linked.Count}", shown);
        Assert.Contains($"KCQG {VnFormat.MoneyFull(kcqg)}, KCĐP {VnFormat.MoneyFull(kcdp)}", shown);
        Assert.Contains($"(khuyến công {VnFormat.MoneyFull(kcqg + kcdp)}, bằng {VnFormat.Percent((kcqg + kcdp) / 900_000_000m)} kinh phí khuyến công được duyệt)", shown);
        Assert.Contains("Cơ sở (2):", shown);
        Assert.Contains("– Công ty CP Gốm Hương Canh", shown);
        Assert.Contains("– Công ty CP Mộc Bích Chu", shown);

        // Its lifecycle; a project command typed as the name of a new project is done, not taken as the name.
        // Each move is shown (from → to, date, who) and recorded once confirmed.
        Assert.Contains("đang thực hiện, ngày 05/11/2026", await Say(bot, "o1", "đề án KC-2026-41 đang thực hiện ngày 5/11"));
        Assert.Contains("Đã ghi: đề án KC-2026-41 đang thực hiện ngày 05/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        await Say(bot, "o1", "/dean moi");
        await Say(bot, "o1", "KC-2026-43");
        Assert.Contains("nghiệm thu, ngày 25/11/2026", await Say(bot, "o1", "đề án KC-2026-41 đã nghiệm thu ngày 25/11"));
        Assert.Contains("Tên đề án?", string.Join("\n", bot.Received("o1").TakeLast(1)));
        Assert.Contains("Đã ghi: đề án KC-2026-41 nghiệm thu ngày 25/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        Assert.Equal("project:new", DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        await Say(bot, "o1", "/huy");
        Assert.Null(bot.Store.Projects.FindByCode("KC-2026-43"));
        await Say(bot, "o1", "đề án KC-2026-41 đã quyết toán ngày 26/11");
        Assert.Contains("quyết toán ngày 26/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        var project = bot.Store.Projects.FindByCode("KC-2026-41")!;
        Assert.Equal(ProjectStatus.Settled, project.Status);
        Assert.Equal(5, ProjectQueries.DaysBehind(project, EndToEndChannels.Today));
        // The report's project list: the linked facilities counted, and the 5 days it was accepted late.
        var sheets = bot.Services.GetRequiredService<ReportWorkbook>()
            .Build(new Period(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "năm 2026"), null, EndToEndChannels.Today);
        var list = sheets.Single(sh => sh.Title == "Danh sách đề án");
        var row = list.Rows.Single(r => Equals(r[0], "KC-2026-41"));
        object? Cell(string measure) => row[list.Columns.ToList().FindIndex(c => c.Measure == measure)];
        Assert.Equal((long)linked.Select(r => r.FacilityId).Distinct().Count(), Cell("facility_count"));
        Assert.Equal(5L, Cell("days_late"));

        // Settled: no project question any more for the province's fairs.
        var after = await Say(bot, "o1", "ghi hội chợ");
        Assert.DoesNotContain("Thuộc đề án nào?", after);
        Assert.Contains("Cơ sở", after);
    }
}
