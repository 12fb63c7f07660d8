using System.Globalization;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// An estimate (ước thực hiện) replaced by its actual figures after the edit window ("🔄 Cập nhật số chính thức" on the record's card,
/// from /cuatoi or /sua 12): outside tester, the 6-month report is estimated and the actuals come weeks later, when the record could no
/// longer be changed, so the official figures stayed short for good.
/// </summary>
public sealed class ActualFiguresTranscriptTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 3 booths, 120 million from KCQG, logged as an estimate ("2" at "Số liệu").</summary>
    private static readonly string[] EstimatedFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "2", "bỏ qua", "lưu"];

    private const string Official = "bao nhiêu gian hàng năm 2026 chính thức";
    private const string Estimated = "bao nhiêu gian hàng năm 2026 ước thực hiện";
    private const string All = "bao nhiêu gian hàng năm 2026";

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_estimate_becomes_actual_after_the_window_and_the_figures_follow()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var logged = Assert.Single(bot.Store.Records.All());
        Assert.Equal(RecordStatus.Estimate, logged.Status);
        var id = logged.Id;
        var before = await FormTestKit.Talk(bot, "o1", Official, Estimated, All);

        bot.Time.Advance(TimeSpan.FromDays(10));
        var transcript = await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "4", "giữ");
        output.WriteLine(before + transcript);
        Assert.Contains("Đã quá 7 ngày", transcript);
        Assert.Contains("🔄 Cập nhật số chính thức", transcript);
        Assert.Contains("Số ước: 3 gian hàng", transcript);
        Assert.Contains("Số gian hàng: 3 gian hàng → 4 gian hàng", transcript);
        Assert.Contains("(giữ nguyên)", transcript);
        Assert.Contains("Ước thực hiện → Chính thức", transcript);
        // Nothing is written before the officer saves.
        Assert.Equal(3, Assert.Single(bot.Store.Records.All()).Booths);

        var saved = await bot.Say("1", "o1");
        output.WriteLine(saved);
        Assert.Contains($"Bản ghi số {id} đã là số chính thức", saved);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((id, RecordStatus.Actual, 4, 120_000_000L, "KCQG"), (record.Id, record.Status, record.Booths, record.FundingVnd, record.FundingSource));
        Assert.Equal("Hội chợ Xuân", record.Extra["fair_name"]);
        Assert.Equal((logged.CreatedAt, logged.Date, logged.FacilityId), (record.CreatedAt, record.Date, record.FacilityId));
        Assert.NotNull(record.UpdatedAt);
        // The estimate is kept in the record's history.
        var audit = bot.Store.Audit.ForEntity("record", Key(id));
        Assert.Equal(["create", "actual"], audit.Select(a => a.Action));
        Assert.Contains("\"Booths\":3", audit[1].Before);
        Assert.Contains("\"Status\":1", audit[1].Before);
        Assert.Contains("\"Booths\":4", audit[1].After);
        Assert.Contains("\"Status\":0", audit[1].After);

        var after = await FormTestKit.Talk(bot, "o1", Official, Estimated, All);
        output.WriteLine(after);
        var (officialBefore, estimatedBefore, allBefore) = Answers(before);
        var (officialAfter, estimatedAfter, allAfter) = Answers(after);
        Assert.DoesNotContain("3 gian hàng", officialBefore);
        Assert.Contains("3 gian hàng", estimatedBefore);
        Assert.Contains("4 gian hàng", officialAfter);
        Assert.DoesNotContain("3 gian hàng", estimatedAfter);
        Assert.DoesNotContain("4 gian hàng", estimatedAfter);
        Assert.Contains("3 gian hàng", allBefore);
        Assert.Contains("4 gian hàng", allAfter);
    }

    /// <summary>The three answers of a Talk of <see cref="Official"/>, <see cref="Estimated"/>, <see cref="All"/>.</summary>
    private static (string, string, string) Answers(string talk)
    {
        var parts = talk.Split("> ", StringSplitOptions.RemoveEmptyEntries);
        return (parts[0], parts[1], parts[2]);
    }

    [Fact]
    public async Task Values_kept_leave_the_totals_unchanged_and_only_the_status_moves()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(30));
        await bot.Say("/cuatoi", "o1");
        await bot.Say("1", "o1");
        var transcript = await FormTestKit.Talk(bot, "o1", "1", "giữ", "giữ", "lưu");
        output.WriteLine(transcript);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 3, 120_000_000L), (record.Status, record.Booths, record.FundingVnd));
        Assert.Contains("3 gian hàng", await bot.Say(Official, "o1"));
        Assert.Equal(["create", "actual"], bot.Store.Audit.ForEntity("record", Key(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Another_officer_province_or_a_manager_is_refused_and_an_actual_record_stays_under_the_window()
    {
        using var bot = FormTestKit.WithOfficer();
        bot.AddUser("o2", Role.Officer, "phu-tho");
        bot.AddUser("hn", Role.Officer, "ha-noi");
        bot.AddUser("m1", Role.Manager, "phu-tho");
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(10));

        foreach (var other in new[] { "o2", "hn" })
        {
            Assert.Contains("Không tìm thấy bản ghi", Text(await bot.Press($"f:ra:{id}", other)));
            var card = await bot.Say($"/sua {id}", other);
            Assert.Contains("Không tìm thấy bản ghi", card);
            Assert.DoesNotContain("Cập nhật số chính thức", card);
        }
        Assert.DoesNotContain("Cập nhật số chính thức", Text(await bot.Press($"f:ra:{id}", "m1")));
        Assert.DoesNotContain("Cập nhật số chính thức", await bot.Say($"/sua {id}", "m1"));
        var untouched = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Estimate, 3), (untouched.Status, untouched.Booths));

        // The officer makes it actual; after that it is an actual record past the window: no update, no correction, no delete.
        await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "5", "giữ", "lưu");
        Assert.Equal(5, Assert.Single(bot.Store.Records.All()).Booths);
        var card2 = await bot.Say($"/sua {id}", "o1");
        output.WriteLine(card2);
        Assert.Contains("Đã quá 7 ngày", card2);
        Assert.DoesNotContain("Cập nhật số chính thức", card2);
        Assert.DoesNotContain("✏ Sửa", card2);
        Assert.Contains("đã là số chính thức", Text(await bot.Press($"f:ra:{id}", "o1")));
        Assert.Contains("quá 7 ngày", Text(await bot.Press($"f:re:{id}", "o1")));
        Assert.Contains("quá 7 ngày", Text(await bot.Press($"f:rdy:{id}", "o1")));
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 5), (record.Status, record.Booths));
        Assert.Equal(["create", "actual"], bot.Store.Audit.ForEntity("record", Key(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Cancelling_in_the_middle_changes_nothing_and_a_figures_question_is_answered_meanwhile()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(10));
        var transcript = await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "9", All);
        output.WriteLine(transcript);
        Assert.Contains("3 gian hàng", transcript.Split("> " + All)[1]);
        var cancelled = await bot.Say("/huy", "o1");
        output.WriteLine(cancelled);
        Assert.Contains($"bản ghi số {id} giữ nguyên", cancelled);
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Estimate, 3, 120_000_000L), (record.Status, record.Booths, record.FundingVnd));
        Assert.Null(record.UpdatedAt);
        Assert.Equal(["create"], bot.Store.Audit.ForEntity("record", Key(id)).Select(a => a.Action));

        // "thôi" at the confirmation leaves it the same way.
        await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "9", "giữ");
        Assert.Contains("giữ nguyên", await bot.Say("thôi", "o1"));
        Assert.Equal(3, Assert.Single(bot.Store.Records.All()).Booths);
    }

    [Fact]
    public async Task An_amount_the_estimate_did_not_have_asks_its_source()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "bỏ qua", "2", "bỏ qua", "lưu");
        var logged = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Estimate, 0L), (logged.Status, logged.FundingVnd));
        bot.Time.Advance(TimeSpan.FromDays(10));
        var transcript = await FormTestKit.Talk(bot, "o1", $"/sua {logged.Id}", "1", "giữ", "50tr");
        output.WriteLine(transcript);
        Assert.Contains("❓ Nguồn kinh phí", transcript);
        var confirm = await bot.Say("2", "o1");
        output.WriteLine(confirm);
        Assert.Contains("→ 50 triệu đồng", confirm);
        await bot.Say("1", "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 3, 50_000_000L, "KCDP"), (record.Status, record.Booths, record.FundingVnd, record.FundingSource));
    }

    [Fact]
    public async Task The_walk_saved_at_each_step_resumes_there_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "actual-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "bot.db");
        try
        {
            long id;
            using (var bot = FormTestKit.Create(path))
            {
                bot.AddUser("o1", Role.Officer, "phu-tho");
                FormTestKit.AddFacility(bot, "Gốm Phù Lãng", "phu-tho", "xã Phù Lãng");
                await FormTestKit.Talk(bot, "o1", EstimatedFair);
                id = Assert.Single(bot.Store.Records.All()).Id;
                bot.Time.Advance(TimeSpan.FromDays(10));
                // Step 0 (a measure): the booths answered, the amount asked when the bot stops.
                await FormTestKit.Talk(bot, "o1", $"/sua {id}", "1", "6");
            }
            using (var bot = FormTestKit.Create(path))
            {
                var confirm = await bot.Say("giữ", "o1");
                Assert.Contains("Số gian hàng: 3 gian hàng → 6 gian hàng", confirm);
            }
            using (var bot = FormTestKit.Create(path))
            {
                // Step 1 (the confirmation) after another restart.
                Assert.Contains($"Bản ghi số {id} đã là số chính thức", await bot.Say("1", "o1"));
                var record = Assert.Single(bot.Store.Records.All());
                Assert.Equal((RecordStatus.Actual, 6), (record.Status, record.Booths));
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task An_english_reader_gets_the_walk_in_english()
    {
        using var bot = FormTestKit.WithOfficer();
        await FormTestKit.Talk(bot, "o1", EstimatedFair);
        var id = Assert.Single(bot.Store.Records.All()).Id;
        bot.Time.Advance(TimeSpan.FromDays(10));
        var card = await bot.Say($"/edit {id}", "o1", "en");
        Assert.Contains("🔄 Update with actual figures", card);
        var first = await bot.Say("1", "o1", "en");
        output.WriteLine(card + "\n" + first);
        Assert.Contains("Estimate: 3", first);
        Assert.Contains("\"keep\"", first);
        await bot.Say("keep", "o1", "en");
        var confirm = await bot.Say("keep", "o1", "en");
        Assert.Contains("Estimate → Actual", confirm);
        Assert.Contains("stopped", (await bot.Say("/cancel", "o1", "en")).ToLowerInvariant());
        Assert.Equal(RecordStatus.Estimate, Assert.Single(bot.Store.Records.All()).Status);
    }

    private static string Text(IReadOnlyList<Core.Messaging.Reply> replies) => string.Join("\n", replies.Select(r => r.Text));

    public static TheoryData<string> Channels => new() { "telegram", "zalo" };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task On_the_channel_the_officer_updates_an_estimate_from_the_record_list(string channel)
    {
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        IChatDriver chat = channel == "telegram"
            ? await TelegramChatDriver.StartAsync(FormTestKit.Today, settings: settings)
            : await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = FormTestKit.Today, Settings = settings });
        await using var _ = chat;
        chat.AddUser("o1", Role.Officer, "phu-tho");
        chat.AddUser("hn", Role.Officer, "ha-noi");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        foreach (var line in EstimatedFair)
        {
            await chat.SayAsync("o1", line);
        }
        var logged = Assert.Single(chat.Store.Records.All());
        Assert.Equal(RecordStatus.Estimate, logged.Status);
        chat.Advance(TimeSpan.FromDays(10));

        var log = new List<string>();
        log.AddRange(await chat.SayAsync("o1", Official));
        log.AddRange(await chat.SayAsync("o1", $"/sua {logged.Id}"));
        log.AddRange(await chat.ChooseAsync("o1", 1, "🔄 Cập nhật số chính thức"));
        log.AddRange(await chat.SayAsync("o1", "4"));
        log.AddRange(await chat.SayAsync("o1", "giữ"));
        log.AddRange(await chat.ChooseAsync("o1", 1, "💾 Lưu số chính thức"));
        var officialAfter = string.Join("\n", await chat.SayAsync("o1", Official));
        var estimatedAfter = string.Join("\n", await chat.SayAsync("o1", Estimated));
        var text = string.Join("\n", log) + "\n" + officialAfter + "\n" + estimatedAfter;
        output.WriteLine(text);
        Assert.Contains($"Bản ghi số {logged.Id} đã là số chính thức", text);
        var record = Assert.Single(chat.Store.Records.All());
        Assert.Equal((RecordStatus.Actual, 4), (record.Status, record.Booths));
        Assert.Contains("4 gian hàng", officialAfter);
        Assert.DoesNotContain("4 gian hàng", estimatedAfter);

        var refused = string.Join("\n", await chat.SayAsync("hn", $"/sua {logged.Id}"));
        Assert.Contains("Không tìm thấy bản ghi", refused);
        Assert.Equal(4, Assert.Single(chat.Store.Records.All()).Booths);
    }
}
