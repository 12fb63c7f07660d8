using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Conversations;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>
/// What an outside tester found (issue 15): a project could only be named by its code. Now part of its name, with or without
/// diacritics, finds it wherever a project is asked for (/dean, a move, the form's "Thuộc đề án nào?"), among the projects of the
/// officer's province only (promise 2: another province's project with the same words is never shown nor hinted at); several
/// matches are a numbered choice, none is said with how to list them. On the terminal, Telegram (buttons) and Zalo (numbers).
/// </summary>
public sealed class ProjectNameTranscriptTests(ITestOutputHelper output)
{
    private const string TeaDryer = "Hỗ trợ máy sấy chè cho HTX chè Long Cốc";
    private const string WoodDryer = "Hỗ trợ máy sấy gỗ cho Cơ sở mộc Thành Đạt";
    private const string ForeignDryer = "Hỗ trợ máy sấy chè cho HTX chè Hải Hà";

    private Task<string> Say(IChatDriver bot, string text) => Transcript.Say(bot, output, "o1", text);

    private Task<string> Choose(IChatDriver bot, int number, string label) => Transcript.Choose(bot, output, "o1", number, label);

    private static Project Add(IChatDriver bot, string code, string name, string province)
    {
        var project = new Project
        {
            Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = name, DecisionNumber = "12/QĐ-SCT", DecisionDate = new DateOnly(2026, 3, 1),
            Programme = ProjectProgramme.Local, Type = ProjectType.Local, ProvinceId = province, ActivityId = "machinery",
            Approved = new FundingSplit(0, 300_000_000), Status = ProjectStatus.InProgress, StartedOn = new DateOnly(2026, 4, 1),
            PlannedEnd = new DateOnly(2026, 12, 31), CreatedAt = DateTimeOffset.UtcNow,
        };
        project.History.Add(new ProjectMove { To = ProjectStatus.Approved, Date = project.DecisionDate });
        project.Id = bot.Store.Projects.Add(project);
        return project;
    }

    private static async Task<IChatDriver> StartAsync(string channel)
    {
        var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        Add(bot, "KCĐP-2026-31", TeaDryer, "phu-tho");
        Add(bot, "KCĐP-2026-32", WoodDryer, "phu-tho");
        // Another province's project with the same words: never found by a Phú Thọ officer.
        Add(bot, "KCĐP-2026-33", ForeignDryer, "quang-ninh");
        return bot;
    }

    private static string Label(string code, string name) => code + " – " + name;

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task Dean_finds_a_project_by_part_of_its_name_within_the_province_only(string channel)
    {
        await using var bot = await StartAsync(channel);

        // One match, typed without diacritics: the project itself.
        var one = await Say(bot, "/dean may say che");
        Assert.Contains("📁 KCĐP-2026-31 – " + TeaDryer, one);
        Assert.DoesNotContain("KCĐP-2026-33", one);

        // Two matches of the province (a third in another province is not one of them): a numbered choice.
        var several = await Say(bot, "/dean máy sấy");
        Assert.Contains("Có 2 đề án trong phạm vi của bạn khớp \"máy sấy\"", several);
        Assert.Contains("KCĐP-2026-31", several);
        Assert.Contains("KCĐP-2026-32", several);
        Assert.DoesNotContain("KCĐP-2026-33", several);
        Assert.DoesNotContain("Hải Hà", several);
        var picked = await Choose(bot, 2, Label("KCĐP-2026-31", TeaDryer));
        Assert.Contains("📁 KCĐP-2026-31 – " + TeaDryer, picked);

        // Only another province's project has these words: not found, and how to list them; nothing of it is shown.
        var foreign = await Say(bot, "/dean máy sấy chè Hải Hà");
        Assert.Contains("Không tìm thấy đề án nào có tên hoặc mã chứa \"máy sấy chè Hải Hà\" trong phạm vi của bạn", foreign);
        Assert.Contains("/dean", foreign);
        Assert.DoesNotContain("KCĐP-2026-33", foreign);
        Assert.DoesNotContain("tỉnh/thành khác", foreign);
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task A_project_named_in_a_move_or_a_question_is_found_by_its_name(string channel)
    {
        await using var bot = await StartAsync(channel);
        var tea = bot.Store.Projects.FindByCode("KCĐP-2026-31")!;

        // A move named by the name: shown to confirm with the project found, then recorded.
        var shown = await Say(bot, "đề án may say che da nghiem thu ngay 20/11");
        Assert.Contains($"Sẽ ghi: đề án KCĐP-2026-31 – {TeaDryer}: đang thực hiện → nghiệm thu, ngày 20/11/2026", shown);
        Assert.Contains("Đã ghi: đề án KCĐP-2026-31 nghiệm thu ngày 20/11/2026", await Choose(bot, 1, "Đúng, ghi"));
        Assert.Equal(ProjectStatus.Accepted, bot.Store.Projects.Get(tea.Id)!.Status);
        Assert.Equal(ProjectStatus.InProgress, bot.Store.Projects.FindByCode("KCĐP-2026-33")!.Status);

        // Several matches for a move: a choice (open projects first, the latest first) whose buttons carry the move, still confirmed first.
        var choice = await Say(bot, "đề án máy sấy đã quyết toán ngày 25/11");
        Assert.Contains("Có 2 đề án trong phạm vi của bạn khớp \"máy sấy\"", choice);
        var confirm = await Choose(bot, 2, Label("KCĐP-2026-31", TeaDryer));
        Assert.Contains("nghiệm thu → quyết toán, ngày 25/11/2026", confirm);
        Assert.Equal(ProjectStatus.Accepted, bot.Store.Projects.Get(tea.Id)!.Status);

        // A status question by name shows the project; a name of no project says so.
        Assert.Contains("📁 KCĐP-2026-32 – " + WoodDryer, await Say(bot, "tình hình đề án máy sấy gỗ"));
        var none = await Say(bot, "đề án máy ép dầu lạc đã nghiệm thu chưa?");
        Assert.Contains("Không tìm thấy đề án nào có tên hoặc mã chứa \"máy ép dầu lạc\"", none);

        // A disbursement by name asks which project first: nothing is saved until it is confirmed.
        var asked = await Say(bot, "đề án máy sấy gỗ giải ngân 120 triệu");
        Assert.Contains($"Ghi giải ngân 120.000.000 đồng cho đề án KCĐP-2026-32 – {WoodDryer}?", asked);
        Assert.Equal(0, bot.Store.Projects.FindByCode("KCĐP-2026-32")!.DisbursedVnd);
        Assert.Contains("giải ngân 120.000.000 đồng", await Choose(bot, 1, "Đúng đề án này"));
        Assert.Equal(120_000_000, bot.Store.Projects.FindByCode("KCĐP-2026-32")!.DisbursedVnd);
    }

    [Theory]
    [MemberData(nameof(DialogRulesTranscriptTests.AllChannels), MemberType = typeof(DialogRulesTranscriptTests))]
    public async Task The_forms_project_question_takes_part_of_a_name_and_narrows_the_list(string channel)
    {
        await using var bot = await StartAsync(channel);
        await Say(bot, "/ghi");
        var question = await Choose(bot, 1, "Máy móc thiết bị");
        Assert.Contains("Thuộc đề án nào?", question);

        // Two of the province match: the list shows them only, numbered; "2" is the second of them.
        var narrowed = await Say(bot, "may say");
        Assert.Contains("Có 2 đề án khớp \"may say\"", narrowed);
        Assert.DoesNotContain("KCĐP-2026-33", narrowed);
        var chosen = await Choose(bot, 2, Core.Forms.FormText.Clip(Label("KCĐP-2026-31", TeaDryer), Core.Forms.FormText.MaxButtonLabel));
        Assert.Contains("✓ Thuộc đề án nào?: KCĐP-2026-31 – " + TeaDryer, chosen);

        // Back to the question: one match is taken at once; another province's project is refused with the usual words.
        await Say(bot, "quay lại");
        Assert.Contains("không phải một đề án đang thực hiện của tỉnh", await Say(bot, "máy sấy chè Hải Hà"));
        Assert.Contains("✓ Thuộc đề án nào?: KCĐP-2026-32 – " + WoodDryer, await Say(bot, "sấy gỗ"));
    }
}
