using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// What an outside tester logging records in the terminal chat found: the same trade fair saved three times without a word; a
/// save-time warning lost after a figures question (and "1" then opening item 1); "31/12" taken as last year silently; "tiếp" after
/// "thôi" not understood; a retry hint quoting the question as its example; an empty message repeating an old error.
/// </summary>
public sealed class OfficerChatFindingsTranscriptTests(ITestOutputHelper output)
{
    private static readonly string[] Fair =
        ["/ghi", "hội chợ", "phu lang", "1", "Hội chợ CNNT khu vực phía Bắc", "5", "20/11", "120tr", "2", "1", "bỏ qua"];

    private async Task<string> Say(BotHarness bot, string text)
    {
        var reply = await bot.Say(text, "o1");
        output.WriteLine("> " + text + "\n" + reply);
        return reply;
    }

    private async Task Talk(BotHarness bot, params string[] lines)
    {
        foreach (var line in lines)
        {
            await Say(bot, line);
        }
    }

    private static FormSession Session(BotHarness bot)
    {
        var store = (IBotStore)bot.Services.GetService(typeof(IBotStore))!;
        var user = store.Users.FindByIdentity("terminal:o1")!;
        return new FormSession(store.Conversations.Get(user.Id)!);
    }

    private static void AddProject(BotHarness bot, long approved) => bot.Store.Projects.Add(new Project
    {
        Code = "KC-2026-07", NormalizedCode = ProjectCode.Normalize("KC-2026-07"), Name = "Đoàn dự hội chợ", DecisionNumber = "88/QĐ-BCT",
        DecisionDate = new DateOnly(2026, 4, 15), Programme = ProjectProgramme.National, Type = ProjectType.Group, ProvinceId = "phu-tho",
        ActivityId = "trade_fair", Approved = new FundingSplit(approved, 0), Status = ProjectStatus.InProgress, CreatedAt = DateTimeOffset.UtcNow,
        StartedOn = new DateOnly(2026, 5, 1), PlannedEnd = new DateOnly(2026, 12, 31),
    });

    /// <summary>Answers the trade-fair form up to its summary: project KC-2026-07 picked, 120tr of support.</summary>
    private async Task ToSummaryWithProject(BotHarness bot)
    {
        await Say(bot, "ghi hội chợ");
        for (var i = 0; i < 30 && Session(bot).Phase != FormPhase.Summary; i++)
        {
            var s = Session(bot);
            var forms = (FormCatalogue)bot.Services.GetService(typeof(FormCatalogue))!;
            var answer = s.Phase == FormPhase.Ask && s.FormId is { } id && forms.Get(id)!.Fields[s.Step].Kind == FieldType.Project
                ? "1"
                : FormDriver.NextAnswer(bot, "o1")!;
            await Say(bot, answer);
        }
        Assert.Equal(FormPhase.Summary, Session(bot).Phase);
    }

    [Fact]
    public async Task The_same_fair_facility_date_and_amounts_saved_again_is_named_and_asked_before_saving()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, Fair);
        Assert.Contains("Đã lưu bản ghi số", await Say(bot, "lưu"));
        var first = Assert.Single(bot.Store.Records.All());

        // The same again: not saved, the record it repeats named with its date, and asked.
        await Talk(bot, Fair);
        var warned = await Say(bot, "lưu");
        Assert.Contains($"bản ghi số {first.Id} ngày 20/11/2026", warned);
        Assert.Contains("Vẫn lưu thêm bản ghi này?", warned);
        Assert.DoesNotContain("Đã lưu", warned);
        Assert.Single(bot.Store.Records.All());

        // "2" goes back without saving.
        var back = await Say(bot, "2");
        Assert.DoesNotContain("Đã lưu", back);
        Assert.Single(bot.Store.Records.All());
        await Say(bot, "quay lại");
        Assert.Contains("Đã lưu bản ghi số", await Say(bot, "lưu"));
        Assert.Equal(2, bot.Store.Records.All().Count());

        // A third time: the latest is named; "1" saves anyway.
        await Talk(bot, Fair);
        var latest = bot.Store.Records.All().Max(r => r.Id);
        Assert.Contains($"bản ghi số {latest} ngày 20/11/2026", await Say(bot, "lưu"));
        Assert.Contains("Đã lưu bản ghi số", await Say(bot, "1"));
        Assert.Equal(3, bot.Store.Records.All().Count());
    }

    [Theory]
    [InlineData(5, "4")]
    [InlineData(6, "21/11")]
    [InlineData(4, "Hội chợ Xuân")]
    public async Task Another_fair_date_or_amount_is_saved_without_asking(int line, string answer)
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, Fair);
        await Say(bot, "lưu");
        var other = (string[])Fair.Clone();
        other[line] = answer;
        await Talk(bot, other);
        Assert.Contains("Đã lưu bản ghi số", await Say(bot, "lưu"));
        Assert.Equal(2, bot.Store.Records.All().Count());
    }

    [Fact]
    public async Task A_save_time_warning_is_asked_again_after_a_figures_question_and_1_saves()
    {
        using var bot = FormTestKit.WithOfficer();
        AddProject(bot, 100_000_000);
        await ToSummaryWithProject(bot);
        var warning = await Say(bot, "lưu");
        Assert.Contains("vượt kinh phí khuyến công được duyệt", warning);
        Assert.Empty(bot.Store.Records.All());

        // A figures question aside; its list is the last shown, so "1" is its first choice, not the form's item 1.
        await Say(bot, "bao nhiêu gian hàng từ đầu năm");
        Assert.DoesNotContain("❓ Tỉnh", await Say(bot, "1"));
        Assert.Empty(bot.Store.Records.All());

        // "tiếp": the pending warning again, not the summary; "1" is then "Đúng, vẫn lưu".
        var again = await Say(bot, "tiếp");
        Assert.Contains("vượt kinh phí khuyến công được duyệt", again);
        Assert.Contains("Đúng, vẫn lưu", again);
        Assert.DoesNotContain("Kiểm tra trước khi lưu –", again);
        var saved = await Say(bot, "1");
        Assert.Contains("Đã lưu bản ghi số", saved);
        Assert.DoesNotContain("❓ Tỉnh", saved);
        Assert.Single(bot.Store.Records.All());
    }

    [Fact]
    public async Task A_day_and_month_without_year_says_the_full_date_taken()
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        var reply = await Say(bot, "31/12");
        Assert.Contains("→ 31/12/2025", reply);
        Assert.Contains("Ngày tham gia: 31/12/2025", reply);
    }

    [Theory]
    [InlineData("20/12", "→ 20/12/2025")]
    [InlineData("15/5", null)]
    [InlineData("15/05/2024", null)]
    public async Task A_date_this_year_to_come_is_said_and_a_past_one_or_one_with_its_year_is_not(string typed, string? said)
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3");
        var reply = await Say(bot, typed);
        if (said is null)
        {
            Assert.DoesNotContain("→", reply);
        }
        else
        {
            Assert.Contains(said, reply);
        }
    }

    [Theory]
    [InlineData("tiếp")]
    [InlineData("tiếp tục")]
    public async Task Tiep_after_leaving_a_form_continues_the_kept_draft(string word)
    {
        using var bot = FormTestKit.WithOfficer();
        await Talk(bot, "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân");
        await Say(bot, "thôi");
        var reply = await Say(bot, word);
        Assert.DoesNotContain("chưa hiểu", reply);
        Assert.Contains("Tiếp tục phiếu đang dở", reply);
        Assert.Contains("❓ Số gian hàng", reply);
        Assert.Contains("❓ Ngày", await Say(bot, "3"));
    }

    [Fact]
    public async Task After_three_misses_at_the_project_question_the_hint_does_not_quote_the_question()
    {
        using var bot = FormTestKit.WithOfficer();
        AddProject(bot, 500_000_000);
        Assert.Contains("Thuộc đề án nào?", await Say(bot, "ghi hội chợ"));
        await Say(bot, "KCĐP");
        await Say(bot, "KCĐP");
        var third = await Say(bot, "KCĐP");
        Assert.DoesNotContain("Ví dụ một câu trả lời đúng: Thuộc đề án nào", third);
        Assert.DoesNotContain("đúng: 1.", third);
        Assert.Contains("bỏ qua", third);
    }

    [Fact]
    public async Task An_empty_message_asks_the_current_question_without_the_old_error()
    {
        using var bot = FormTestKit.WithOfficer();
        AddProject(bot, 500_000_000);
        await Say(bot, "ghi hội chợ");
        Assert.Contains("KCĐP", await Say(bot, "KCĐP"));
        var reply = await Say(bot, "   ");
        Assert.DoesNotContain("KCĐP", reply);
        Assert.Contains("Thuộc đề án nào?", reply);
    }
}
