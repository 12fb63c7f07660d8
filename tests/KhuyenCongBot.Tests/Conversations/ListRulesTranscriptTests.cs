using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// The rules of issue 16 on the lists and confirmations that are not a dialog of their own (/cuatoi, a record's card, "Xóa bản
/// ghi?", /lienket), on the terminal, Telegram and Zalo: a figures question while the list is shown is answered and nothing is
/// acted on; yes/no words answer a confirmation ("ừ" deletes, "không" and "thôi" keep); a command works; a record deleted by a slip
/// can be brought back later from /sua.
/// </summary>
public sealed class ListRulesTranscriptTests(ITestOutputHelper output)
{
    /// <summary>A trade fair of 3 booths, 120 million from KCQG, logged as an estimate.</summary>
    private static readonly string[] EstimatedFair =
        ["ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân", "3", "hôm qua", "120tr", "1", "2", "bỏ qua", "lưu"];

    public static TheoryData<string> AllChannels() => new(["terminal", "telegram", "zalo"]);

    private Task<string> Say(IChatDriver bot, string text) => bot.SayLoggedAsync(output, "o1", text);

    private async Task<(IChatDriver Bot, long Id)> WithRecordAsync(string channel)
    {
        var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        bot.Store.Facilities.Add(new Facility
        {
            Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng",
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)),
        });
        foreach (var line in EstimatedFair)
        {
            await Say(bot, line);
        }
        return (bot, Assert.Single(bot.Store.Records.All()).Id);
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_figures_question_while_my_records_are_listed_is_answered_and_the_list_acts_on_nothing(string channel)
    {
        var (bot, _) = await WithRecordAsync(channel);
        await using var _ = bot;
        Assert.Contains("📝", await Say(bot, "/cuatoi"));
        var answer = await Say(bot, "bao nhiêu gian hàng năm 2026");
        Assert.Contains("3 gian hàng", answer);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        // A command works at once, and a late "1" answers the newest list, not /cuatoi's.
        Assert.Contains("/ghi", await Say(bot, "/help"));
        Assert.Single(bot.Store.Records.All());
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task Yes_and_no_words_answer_the_delete_confirmation_and_a_deleted_record_comes_back_from_sua(string channel)
    {
        var (bot, id) = await WithRecordAsync(channel);
        await using var _ = bot;
        Assert.Contains($"Bản ghi số {id}", await Say(bot, $"/sua {id}"));
        Assert.Contains("Xóa bản ghi số", await Say(bot, "xóa"));
        await Say(bot, "không");
        Assert.Single(bot.Store.Records.All());
        await Say(bot, $"/sua {id}");
        Assert.Contains("Xóa bản ghi số", await Say(bot, "xóa"));
        await Say(bot, "thôi");
        Assert.Single(bot.Store.Records.All());
        await Say(bot, $"/sua {id}");
        await Say(bot, "xóa");
        Assert.Contains("Đã xóa", await Say(bot, "ừ"));
        Assert.Empty(bot.Store.Records.All());
        // Something else in between closes the undo button; /sua offers it again.
        await Say(bot, "bao nhiêu gian hàng năm 2026");
        Assert.Contains("đã được bạn xóa", await Say(bot, $"/sua {id}"));
        Assert.Contains("Đã khôi phục", await Say(bot, "hoàn tác"));
        Assert.Equal(RecordStatus.Estimate, Assert.Single(bot.Store.Records.All()).Status);
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task Account_linking_does_not_hold_the_chat(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var link = await Say(bot, "/lienket");
        Assert.DoesNotContain("⚠", link);
        Assert.Null(DialogRulesTranscriptTests.FlowOf(bot, "o1"));
        var answer = await Say(bot, "bao nhiêu gian hàng năm 2026");
        Assert.Contains("gian hàng", answer);
        Assert.Contains("Ghi nhận hoạt động nào", await Say(bot, "/ghi"));
    }
}
