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
/// What an outside tester found in the new-project form (/dean → "Ghi đề án mới") and in what a manager is offered: a facility
/// name several facilities match was saved as one of them; a number typed after a question answered aside was refused; a local
/// programme took a national type; a planned end already past, counterpart funding eight times the support, and a date typed
/// without its year were taken without a word; a manager's /help listed what a manager is refused, and the refusal named the
/// wrong reason. Terminal, Telegram (buttons pressed) and Zalo (numbers typed).
/// </summary>
public sealed class ProjectFormFindingsTests(ITestOutputHelper output)
{
    private static readonly string[] LongCoc = ["Công ty CP Chè Long Cốc", "HTX chè Long Cốc", "Tổ hợp tác chè Long Cốc"];

    private Task<string> Say(IChatDriver bot, string user, string text) => Transcript.Say(bot, output, user, text);

    private Task<string> Choose(IChatDriver bot, string user, int number, string label) => Transcript.Choose(bot, output, user, number, label);

    private static Dictionary<string, long> AddFacilities(IChatDriver bot) => LongCoc.ToDictionary(name => name, name =>
        bot.Store.Facilities.Add(new Facility { Name = name, NormalizedName = VnText.FoldWords(name), ProvinceId = "phu-tho", CreatedAt = DateTimeOffset.UtcNow }));

    /// <summary>Steps 1–4 of the form: code, name, decision number and date; the reply to the date.</summary>
    private async Task<string> Begin(IChatDriver bot, string code)
    {
        Assert.Contains("bước 1/12", await Say(bot, "o1", "/dean moi"));
        await Say(bot, "o1", code);
        await Say(bot, "o1", "Hỗ trợ máy sao chè Long Cốc");
        await Say(bot, "o1", "12/QĐ-SCT");
        return await Say(bot, "o1", "5/3");
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task Several_matching_facilities_are_offered_as_a_numbered_choice_and_doubtful_answers_are_asked_back(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var ids = AddFacilities(bot);

        // "5/3" is read back with its year.
        Assert.Contains("✓ Ngày quyết định: 05/03/2026", await Begin(bot, "KC-2026-91"));
        Assert.Contains("Loại đề án", await Choose(bot, "o1", 1, "Khuyến công quốc gia (KCQG)"));
        await Choose(bot, "o1", 1, "Đề án điểm (một cơ sở)");
        Assert.Contains("Kinh phí khuyến công được duyệt", await Say(bot, "o1", "hội chợ"));
        Assert.Contains($"✓ Kinh phí khuyến công được duyệt: {VnFormat.MoneyFull(300_000_000)} ({VnWords.Money(300_000_000)})", await Say(bot, "o1", "300tr"));

        // Counterpart funding above the support is asked back, both amounts in words; kept when confirmed.
        var counterpart = await Say(bot, "o1", "2,5 ty");
        Assert.Contains($"Vốn đối ứng {VnFormat.MoneyFull(2_500_000_000)} ({VnWords.Money(2_500_000_000)}) lớn hơn kinh phí khuyến công được duyệt", counterpart);
        Assert.Contains("Ngày kết thúc dự kiến?", await Choose(bot, "o1", 1, "Đúng, giữ như vậy"));

        // A planned end already past is asked back with the delay it means; "no" asks the date again.
        var late = (EndToEndChannels.Today.DayNumber - new DateOnly(2026, 6, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var past = await Say(bot, "o1", "30/6");
        Assert.Contains($"Ngày kết thúc dự kiến 30/06/2026 đã qua", past);
        Assert.Contains($"chậm tiến độ {late} ngày", past);
        Assert.Contains("Ngày kết thúc dự kiến?", await Choose(bot, "o1", 2, "Không, gõ lại"));
        Assert.Contains("✓ Kết thúc dự kiến: 31/12/2026", await Say(bot, "o1", "31/12"));

        // Three facilities match "chè long cốc": none is picked silently, each is offered by number.
        var question = await Say(bot, "o1", "chè long cốc");
        Assert.Contains("Có 3 cơ sở khớp \"chè long cốc\"", question);
        var order = LongCoc.OrderBy(name => question.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.All(LongCoc, name => Assert.Contains(name, question));
        Assert.DoesNotContain("Kiểm tra đề án", question);
        var summary = await Choose(bot, "o1", order.IndexOf("HTX chè Long Cốc") + 1, "HTX chè Long Cốc");
        Assert.Contains("Cơ sở: HTX chè Long Cốc", summary);
        Assert.Contains("Đã ghi đề án KC-2026-91", await Choose(bot, "o1", 1, "Lưu đề án"));

        var saved = bot.Store.Projects.FindByCode("KC-2026-91")!;
        Assert.Equal([ids["HTX chè Long Cốc"]], saved.FacilityIds);
        Assert.Equal(new FundingSplit(300_000_000, 0, 2_500_000_000), saved.Approved);
        Assert.Equal((new DateOnly(2026, 3, 5), new DateOnly(2026, 12, 31)), (saved.DecisionDate, saved.PlannedEnd!.Value));
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_numbered_answer_after_a_question_answered_aside_still_picks_from_the_step_and_a_local_project_is_of_the_local_type(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        await Begin(bot, "KC-2026-92");

        // Step 5, a question aside, then "2": Khuyến công địa phương, whose only type is "Đề án địa phương".
        Assert.Contains("gõ tiếp câu trả lời để ghi tiếp đề án", await Say(bot, "o1", "bao nhiêu đề án chưa nghiệm thu"));
        var local = await Say(bot, "o1", "2");
        Assert.DoesNotContain("⚠", local);
        Assert.Contains("✓ Loại đề án: Đề án địa phương", local);
        Assert.Contains("bước 7/12", local);
        Assert.DoesNotContain("Đề án điểm", local);

        // Back to step 5 (the type follows the programme), national this time; step 6 after another question aside, then "1".
        Assert.Contains("bước 5/12", await Say(bot, "o1", "quay lại"));
        var types = await Say(bot, "o1", "1");
        Assert.Contains("bước 6/12", types);
        Assert.DoesNotContain("Đề án địa phương", types);
        Assert.Contains("gõ tiếp câu trả lời để ghi tiếp đề án", await Say(bot, "o1", "giải ngân đạt bao nhiêu %"));
        var single = await Say(bot, "o1", "1");
        Assert.DoesNotContain("⚠", single);
        Assert.Contains("bước 7/12", single);
        await Say(bot, "o1", "hội chợ");
        await Say(bot, "o1", "300tr");
        await Say(bot, "o1", "0");
        await Say(bot, "o1", "31/12");
        await Say(bot, "o1", "bỏ qua");
        Assert.Contains("Đã ghi đề án KC-2026-92", await Say(bot, "o1", "lưu"));
        var saved = bot.Store.Projects.FindByCode("KC-2026-92")!;
        Assert.Equal((ProjectProgramme.National, ProjectType.Single), (saved.Programme, saved.Type));
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_managers_help_lists_only_what_a_manager_may_do_and_a_refusal_names_the_role(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        bot.AddUser("m", Role.Manager, "phu-tho");
        bot.Store.Projects.Add(new Project
        {
            Code = "KC-2026-07", NormalizedCode = ProjectCode.Normalize("KC-2026-07"), Name = "Đoàn dự hội chợ", DecisionNumber = "88/QĐ-BCT",
            DecisionDate = new DateOnly(2026, 4, 15), Programme = ProjectProgramme.National, Type = ProjectType.Group, ProvinceId = "phu-tho",
            ActivityId = "trade_fair", Approved = new FundingSplit(360_000_000, 0), Status = ProjectStatus.InProgress, CreatedAt = DateTimeOffset.UtcNow,
            StartedOn = new DateOnly(2026, 5, 1), PlannedEnd = new DateOnly(2026, 12, 31),
        });

        var help = await Say(bot, "m", "/help");
        Assert.DoesNotContain("/ghi", help);
        Assert.DoesNotContain("/cuatoi", help);
        Assert.DoesNotContain("ghi đề án mới", help);
        Assert.DoesNotContain("đã nghiệm thu ngày", help);
        Assert.Contains("bao nhiêu đề án chưa nghiệm thu", help);
        Assert.Contains("/dean", help);
        // An officer is still told all of it.
        var officers = await Say(bot, "o1", "/help");
        Assert.Contains("/ghi", officers);
        Assert.Contains("/dean – ghi đề án mới", officers);

        var refused = await Say(bot, "m", "đề án KC-2026-07 đã nghiệm thu hôm nay");
        if (!refused.Contains("lãnh đạo, quản lý", StringComparison.Ordinal))
        {
            refused = await Choose(bot, "m", 1, "Đúng, ghi");
        }
        Assert.Contains("lãnh đạo, quản lý chỉ xem đề án và số liệu", refused);
        Assert.DoesNotContain("tỉnh mình", refused);
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.FindByCode("KC-2026-07")!.Status);
    }
    private static string ItemOf(string summary, string label) =>
        System.Text.RegularExpressions.Regex.Match(summary, @"(\d+)\. " + System.Text.RegularExpressions.Regex.Escape(label) + ":").Groups[1].Value;

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_date_changed_at_the_summary_rechecks_the_former_province_and_the_projects_approval_before_saving(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        const string Gom = "Công ty CP Gốm Hương Canh";
        var gom = bot.Store.Facilities.Add(new Facility { Name = Gom, NormalizedName = VnText.FoldWords(Gom), ProvinceId = "phu-tho", CreatedAt = DateTimeOffset.UtcNow });
        bot.Store.Projects.Add(new Project
        {
            Code = "KC-2026-07", NormalizedCode = ProjectCode.Normalize("KC-2026-07"), Name = "Đoàn dự hội chợ", DecisionNumber = "88/QĐ-BCT",
            DecisionDate = new DateOnly(2026, 4, 15), Programme = ProjectProgramme.National, Type = ProjectType.Group, ProvinceId = "phu-tho",
            ActivityId = "trade_fair", Approved = new FundingSplit(500_000_000, 0), Status = ProjectStatus.InProgress, CreatedAt = DateTimeOffset.UtcNow,
            StartedOn = new DateOnly(2026, 5, 1), PlannedEnd = new DateOnly(2026, 12, 31),
        });

        Assert.Contains("Thuộc đề án nào?", await Say(bot, "o1", "ghi hội chợ"));
        await Choose(bot, "o1", 1, "KC-2026-07 – Đoàn dự hội chợ");
        await Say(bot, "o1", "Gốm Hương Canh");
        await Choose(bot, "o1", 1, Gom);
        await Say(bot, "o1", "Hội chợ Hàng Việt Nam 2026");
        await Say(bot, "o1", "2");
        await Say(bot, "o1", "20/11/2026");
        await Say(bot, "o1", "50tr");
        await Choose(bot, "o1", 1, "Khuyến công quốc gia (KCQG)");
        await Choose(bot, "o1", 1, "Chính thức");
        var summary = await Say(bot, "o1", "bỏ qua");

        // The province typed by its former name: Phú Thọ for a 2026 date.
        await Say(bot, "o1", ItemOf(summary, "Tỉnh/thành phố"));
        Assert.Contains("Tỉnh/thành phố: Phú Thọ", await Say(bot, "o1", "Vĩnh Phúc"));

        // The date moved to 2024, before the merger: the province follows it, and the summary says so.
        await Say(bot, "o1", ItemOf(summary, "Ngày tham gia"));
        // More than two years back: asked first (a typo of the year is likelier than a record that old), then taken.
        Assert.Contains("15/05/2024 đã cách đây hơn", await Say(bot, "o1", "15/05/2024"));
        var moved = await Say(bot, "o1", "có");
        Assert.Contains("Ngày 15/05/2024 là trước khi Vĩnh Phúc hợp nhất vào", moved);
        Assert.Contains("Tỉnh/thành phố: Vĩnh Phúc", moved);

        // Saving asks first: the record is dated before the project was approved.
        var asked = await Say(bot, "o1", "lưu");
        Assert.Contains("Chưa lưu", asked);
        Assert.Contains("Ngày của bản ghi (15/05/2024) là trước ngày đề án KC-2026-07 được phê duyệt (15/04/2026", asked);
        Assert.Empty(bot.Store.Records.All());
        Assert.Contains("Đã lưu bản ghi", await Choose(bot, "o1", 1, "Đúng, vẫn lưu"));
        var saved = Assert.Single(bot.Store.Records.All());
        Assert.Equal((new DateOnly(2024, 5, 15), gom), (saved.Date, saved.FacilityId!.Value));
        Assert.Equal("vinh-phuc", saved.ProvinceId);
    }
}
