using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// What an outside tester found in the projects (issue 15), on the terminal, Telegram (buttons pressed) and Zalo (numbers typed):
/// a record linked to a project took its recorded support to 339 % of the approved amount, to another facility of a single-facility
/// project and to a source the project has no budget from, or was added after the project was accepted, all without a word; the
/// next facility of a group project was not offered from the project's list; a move was recorded unconfirmed and its date could
/// not be corrected. Every figure is checked against the stored records.
/// </summary>
public sealed class ProjectTesterFindingsTests(ITestOutputHelper output)
{
    private const string Gom = "Công ty CP Gốm Hương Canh";
    private const string Moc = "Công ty CP Mộc Bích Chu";

    private Task<string> Say(IChatDriver bot, string user, string text) => Transcript.Say(bot, output, user, text);

    /// <summary>Who "o1" is named as: their Telegram name; on the terminal and Zalo their name is only their id, so their role and province.</summary>
    internal static string Who(string channel) => channel == "telegram" ? "o1" : "cán bộ khuyến công Phú Thọ";

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => Transcript.Choose(bot, output, user, number, label);

    private static (long Gom, long Moc) Facilities(IChatDriver bot)
    {
        var ids = new List<long>();
        foreach (var name in new[] { Gom, Moc })
        {
            ids.Add(bot.Store.Facilities.Add(new Facility { Name = name, NormalizedName = VnText.FoldWords(name), ProvinceId = "phu-tho", CreatedAt = DateTimeOffset.UtcNow }));
        }
        return (ids[0], ids[1]);
    }

    private static Project AddProject(IChatDriver bot, string code, ProjectType type, FundingSplit approved, ProjectStatus status, params long[] facilities)
    {
        var project = new Project
        {
            Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = "Đoàn dự hội chợ Cần Thơ", DecisionNumber = "88/QĐ-BCT",
            DecisionDate = new DateOnly(2026, 10, 1), Programme = ProjectProgramme.National, Type = type, ProvinceId = "phu-tho", ActivityId = "trade_fair",
            Approved = approved, Status = status, FacilityIds = [.. facilities], CreatedAt = DateTimeOffset.UtcNow,
            StartedOn = new DateOnly(2026, 11, 1), AcceptedOn = status >= ProjectStatus.Accepted ? new DateOnly(2026, 11, 20) : null,
            PlannedEnd = new DateOnly(2026, 12, 31),
        };
        project.Id = bot.Store.Projects.Add(project);
        return project;
    }

    /// <summary>A fair record of Phú Thọ, through the form: the project picked first, then the facility (typed, or the project's button).</summary>
    private async Task LogFair(IChatDriver bot, string? typedFacility, string booths, string amount, int source, string sourceLabel)
    {
        if (typedFacility is not null)
        {
            await Say(bot, "o1", typedFacility);
            await Choose(bot, "o1", 1, Moc);
        }
        await Say(bot, "o1", "Hội chợ Cần Thơ 2026");
        await Say(bot, "o1", booths);
        await Say(bot, "o1", "20/11/2026");
        await Say(bot, "o1", amount);
        await Choose(bot, "o1", source, sourceLabel);
        await Choose(bot, "o1", 1, "Chính thức");
        await Say(bot, "o1", "bỏ qua");
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_record_above_the_approved_support_of_another_facility_and_source_is_warned_and_saved_only_when_confirmed(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var (gom, _) = Facilities(bot);
        var project = AddProject(bot, "KC-2026-61", ProjectType.Single, new FundingSplit(100_000_000, 0), ProjectStatus.InProgress, gom);
        var earlier = new SupportRecord
        {
            ActivityId = "trade_fair", Date = new DateOnly(2026, 11, 5), ProvinceId = "phu-tho", FacilityId = gom, FacilityName = Gom, Booths = 1,
            ProjectCode = project.Code, CreatedAt = DateTimeOffset.UtcNow, Source = "form",
        };
        RecordFunding.Set(earlier, new FundingSplit(139_000_000, 0));
        bot.Store.Records.Add(earlier);

        Assert.Contains("Thuộc đề án nào?", await Say(bot, "o1", "ghi hội chợ"));
        await Choose(bot, "o1", 1, "KC-2026-61 – Đoàn dự hội chợ Cần Thơ");
        await LogFair(bot, "Mộc Bích Chu", "2", "200tr", 2, "Khuyến công địa phương (KCĐP)");
        var warned = await Say(bot, "o1", "lưu");

        // The total as an independent reading of the store, with the new amount.
        var logged = bot.Store.Records.All().Where(r => r.ProjectCode == project.Code).Sum(r => RecordFunding.SplitOf(r)!.Value.Support);
        var total = logged + 200_000_000;
        Assert.Contains("Chưa lưu", warned);
        Assert.Contains($"đưa tổng đã ghi cho đề án KC-2026-61 lên {VnFormat.MoneyFull(total)}", warned);
        Assert.Contains($"vượt kinh phí khuyến công được duyệt ({VnFormat.MoneyFull(100_000_000)}): bằng {VnFormat.Percent(total / 100_000_000m)}", warned);
        Assert.Contains("339%", warned);
        Assert.Contains($"đề án điểm, hỗ trợ một cơ sở ({Gom}); bản ghi này là của cơ sở khác ({Moc})", warned);
        Assert.Contains("Kinh phí của bản ghi là KCĐP 200.000.000 đồng, nhưng đề án KC-2026-61 (khuyến công quốc gia) được duyệt kinh phí KCQG: khác nguồn của đề án", warned);
        Assert.Single(bot.Store.Records.All());

        // "Sửa lại" picks the answer to change; nothing is saved until it is confirmed.
        Assert.Contains("Sửa câu nào", await Choose(bot, "o1", 2, "Sửa lại"));
        Assert.Single(bot.Store.Records.All());
        await Say(bot, "o1", "/huy");
        Assert.Single(bot.Store.Records.All());

        // The same again, confirmed: saved ("/huy" kept the answers as a draft: a new form is started instead).
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", await Say(bot, "o1", "ghi hội chợ"));
        Assert.Contains("Thuộc đề án nào?", await Say(bot, "o1", "mới"));
        await Choose(bot, "o1", 1, "KC-2026-61 – Đoàn dự hội chợ Cần Thơ");
        await LogFair(bot, "Mộc Bích Chu", "2", "200tr", 2, "Khuyến công địa phương (KCĐP)");
        Assert.Contains("339%", await Say(bot, "o1", "lưu"));
        Assert.Contains("Đã lưu bản ghi", await Choose(bot, "o1", 1, "Đúng, vẫn lưu"));
        Assert.Equal(2, bot.Store.Records.All().Count(r => r.ProjectCode == project.Code));
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_group_project_offers_its_own_facilities_and_a_record_after_acceptance_is_warned(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var (gomId, mocId) = Facilities(bot);
        var project = AddProject(bot, "KC-2026-62", ProjectType.Group, new FundingSplit(900_000_000, 0), ProjectStatus.Accepted, gomId, mocId);

        await Say(bot, "o1", "ghi hội chợ");
        var facilityQuestion = await Choose(bot, "o1", 1, "KC-2026-62 – Đoàn dự hội chợ Cần Thơ");
        Assert.Contains("Các cơ sở của đề án KC-2026-62 chưa có bản ghi", facilityQuestion);
        Assert.Contains(Gom, facilityQuestion);
        Assert.Contains(Moc, facilityQuestion);
        await Choose(bot, "o1", 1, Gom);
        await LogFair(bot, null, "4", "100tr", 1, "Khuyến công quốc gia (KCQG)");
        var warned = await Say(bot, "o1", "lưu");
        Assert.Contains("Đề án KC-2026-62 đã nghiệm thu ngày 20/11/2026", warned);
        Assert.Empty(bot.Store.Records.All());
        var receipt = await Choose(bot, "o1", 1, "Đúng, vẫn lưu");
        Assert.Contains("Thuộc đề án KC-2026-62 (1 bản ghi", receipt);

        // The next facility of the group: the one of the project's list not logged yet is offered first.
        var next = await Choose(bot, "o1", 1, "➕ Thêm cơ sở khác cho đề án KC-2026-62");
        var offered = next[next.IndexOf("chưa có bản ghi", StringComparison.Ordinal)..];
        Assert.Contains(Moc, offered);
        Assert.Contains("Gõ tên cơ sở", next);
        await Choose(bot, "o1", 1, Moc);
        await Say(bot, "o1", "2");
        await Say(bot, "o1", "100tr");
        await Say(bot, "o1", "bỏ qua");
        Assert.Contains("đã nghiệm thu", await Say(bot, "o1", "lưu"));
        await Choose(bot, "o1", 1, "Đúng, vẫn lưu");
        var linked = bot.Store.Records.All().Where(r => r.ProjectCode == project.Code).Select(r => r.FacilityId).ToHashSet();
        Assert.Equal(new HashSet<long?> { gomId, mocId }, linked);

        // /dean shows each amount once: the approved support, and the linked records' money (one source: no separate support total).
        var logged = bot.Store.Records.All().Where(r => r.ProjectCode == project.Code).Sum(r => RecordFunding.SplitOf(r)!.Value.Kcqg);
        var shown = await Say(bot, "o1", "/dean KC-2026-62");
        Assert.Contains($"kinh phí đã ghi: KCQG {VnFormat.MoneyFull(logged)} (bằng {VnFormat.Percent(logged / 900_000_000m)} kinh phí khuyến công được duyệt)", shown);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, System.Text.RegularExpressions.Regex.Escape(VnFormat.MoneyFull(logged))));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(shown, System.Text.RegularExpressions.Regex.Escape(VnFormat.MoneyFull(900_000_000))));
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_move_is_shown_and_confirmed_before_it_is_recorded_and_its_date_can_be_corrected(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var project = AddProject(bot, "KC-2026-63", ProjectType.Group, new FundingSplit(500_000_000, 0), ProjectStatus.InProgress);
        ProjectStatus Status() => bot.Store.Projects.Get(project.Id)!.Status;
        DateOnly? Accepted() => bot.Store.Projects.Get(project.Id)!.AcceptedOn;

        var shown = await Say(bot, "o1", "đề án KC-2026-63 đã nghiệm thu ngày 15/11");
        Assert.Contains($"Sẽ ghi: đề án KC-2026-63 – Đoàn dự hội chợ Cần Thơ: đang thực hiện → nghiệm thu, ngày 15/11/2026, người ghi: {Who(channel)}", shown);
        Assert.Equal(ProjectStatus.InProgress, Status());
        Assert.Contains("Không lưu gì", await Choose(bot, "o1", 3, "Không ghi"));
        Assert.Equal(ProjectStatus.InProgress, Status());

        // "Sửa ngày" before recording asks the date again, then shows the move again.
        await Say(bot, "o1", "đề án KC-2026-63 đã nghiệm thu ngày 15/11");
        Assert.Contains("nghiệm thu ngày nào", await Choose(bot, "o1", 2, "Sửa ngày"));
        Assert.Contains($"ngày 14/11/2026, người ghi: {Who(channel)}", await Say(bot, "o1", "14/11"));
        Assert.Contains("Đã ghi: đề án KC-2026-63 nghiệm thu ngày 14/11/2026", await Choose(bot, "o1", 1, "Đúng, ghi"));
        Assert.Equal((ProjectStatus.Accepted, new DateOnly(2026, 11, 14)), (Status(), Accepted()));

        // A wrong date typed again: the correction is shown, confirmed, audited.
        var correction = await Say(bot, "o1", "đề án KC-2026-63 đã nghiệm thu ngày 16/11");
        Assert.Contains($"Sẽ sửa: đề án KC-2026-63 – Đoàn dự hội chợ Cần Thơ: ngày nghiệm thu 14/11/2026 → 16/11/2026, người sửa: {Who(channel)}", correction);
        Assert.Equal(new DateOnly(2026, 11, 14), Accepted());
        var corrected = await Choose(bot, "o1", 1, "Đúng, sửa ngày");
        Assert.Contains("Đã sửa: đề án KC-2026-63 nghiệm thu ngày 16/11/2026 (trước ghi 14/11/2026)", corrected);
        Assert.Equal(new DateOnly(2026, 11, 16), Accepted());

        // From the button after it: another date, before the start refused, then corrected.
        Assert.Contains("Sửa thành ngày nào", await Choose(bot, "o1", 1, "✏ Sửa ngày nghiệm thu"));
        Assert.Contains("trước ngày đang thực hiện", await Say(bot, "o1", "20/10"));
        Assert.Contains("16/11/2026 → 17/11/2026", await Say(bot, "o1", "17/11"));
        await Choose(bot, "o1", 1, "Đúng, sửa ngày");
        var saved = bot.Store.Projects.Get(project.Id)!;
        Assert.Equal((ProjectStatus.Accepted, new DateOnly(2026, 11, 17)), (saved.Status, saved.AcceptedOn));
        Assert.True(saved.History[^1].Correction);
        var officer = bot.Store.Users.FindByIdentity(bot.IdentityOf("o1"))!;
        var audit = bot.Store.Audit.ForEntity("project", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, audit.Count(a => a.Action == "redate" && a.UserId == officer.Id));
        Assert.Single(audit, a => a.Action == "move");
    }
}
