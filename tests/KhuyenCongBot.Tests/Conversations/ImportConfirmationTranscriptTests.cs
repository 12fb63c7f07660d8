using System.Text;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// The rules of issue 16 on an import batch's undo confirmation ("Hoàn tác đợt nhập #1 …: xoá 2 bản ghi của đợt. Chắc chắn?") on the
/// terminal, Telegram and Zalo: a figures question or a command while it is shown is answered and undoes nothing; "không" keeps the batch, and so
/// do the leaving words "thôi", "hủy", "dừng lại" (they answer the question's no); "ok", "có" and the undo choice undo it.
/// <para>
/// The file is sent as a person sends it: a document on Telegram (fetched with getFile), a document on the terminal. Zalo's Bot API
/// has no file messages (its events are text, image and sticker; a file comes as "message.unsupported.received" with nothing of the
/// file), so an admin on Zalo cannot import: the file gets the bot's word on what it can read, and the batch a Zalo admin undoes was
/// imported elsewhere (Telegram, the server's import command), here straight through the importer.
/// </para>
/// </summary>
public sealed class ImportConfirmationTranscriptTests(ITestOutputHelper output)
{
    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    private static readonly byte[] TwoFairs = Encoding.UTF8.GetBytes(Header +
        "15/05/2026,Phú Thọ,trade_fair,Gốm Hương Canh,xã Hương Canh,7,,,,chinh thuc,\n" +
        "16/05/2026,Phú Thọ,trade_fair,Gốm Hương Canh,xã Hương Canh,3,,,,chinh thuc,\n");

    public static TheoryData<string> AllChannels() => new(["terminal", "telegram", "zalo"]);

    public static TheoryData<string, string, int> ChannelsAndWords()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var channel in new[] { "terminal", "telegram", "zalo" })
        {
            foreach (var (word, left) in new[] { ("không", 2), ("thôi", 2), ("hủy", 2), ("dừng lại", 2), ("ok", 0), ("có", 0) })
            {
                data.Add(channel, word, left);
            }
        }
        return data;
    }

    private Task<string> Say(IChatDriver bot, string text) => bot.SayLoggedAsync(output, "ad", text);

    /// <summary>The bot on <paramref name="channel"/> with an import batch of two records, made by the admin "ad".</summary>
    private async Task<IChatDriver> WithBatchAsync(string channel)
    {
        var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var reply = string.Join("\n", await bot.SendFileAsync("ad", "records.csv", TwoFairs));
        output.WriteLine($"[{channel}] ad> (records.csv)\n{reply}\n");
        if (channel == "zalo")
        {
            Assert.Contains("tệp", reply);
            Assert.Equal(0, bot.Store.Records.Count());
            var admin = bot.Store.Users.FindByIdentity(bot.IdentityOf("ad"))!;
            var result = bot.Services.GetRequiredService<IRecordImporter>().Import(TwoFairs, new ImportOptions(admin.Id, "ad", "records.csv"));
            Assert.True(result.Ok);
        }
        else
        {
            Assert.Contains("Đã nhập 2", reply);
            Assert.Contains("đợt nhập #1", reply);
        }
        Assert.Equal(2, bot.Store.Records.Count());
        return bot;
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_file_sent_by_an_officer_is_not_imported(string channel)
    {
        await using var bot = await DialogRulesTranscriptTests.StartAsync(channel);
        var reply = string.Join("\n", await bot.SendFileAsync("o1", "records.csv", TwoFairs));
        output.WriteLine($"[{channel}] o1> (records.csv)\n{reply}\n");
        Assert.NotEmpty(reply);
        Assert.Equal(0, bot.Store.Records.Count());
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_figures_question_while_the_undo_is_asked_is_answered_and_undoes_nothing(string channel)
    {
        await using var bot = await WithBatchAsync(channel);
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        var answer = await Say(bot, "bao nhiêu gian hàng tháng 5/2026");
        Assert.Contains("10 gian hàng", answer);
        Assert.DoesNotContain("Chắc chắn?", answer);
        // A late "1" is not the undo's first choice any more.
        await Say(bot, "1");
        Assert.Equal(2, bot.Store.Records.Count());
        Assert.Null(bot.Store.Imports.Get(1)!.UndoneAt);
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task A_command_while_the_undo_is_asked_works_and_undoes_nothing(string channel)
    {
        await using var bot = await WithBatchAsync(channel);
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        var help = await Say(bot, "/help");
        Assert.Contains("/dotnhap", help);
        Assert.DoesNotContain("Chắc chắn?", help);
        var list = await Say(bot, "/dotnhap");
        Assert.Contains("records.csv", list);
        await Say(bot, "ok");
        Assert.Equal(2, bot.Store.Records.Count());
    }

    [Theory]
    [MemberData(nameof(ChannelsAndWords))]
    public async Task Yes_and_no_words_answer_the_undo(string channel, string typed, int left)
    {
        await using var bot = await WithBatchAsync(channel);
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        var reply = await Say(bot, typed);
        Assert.Equal(left, bot.Store.Records.Count());
        Assert.Equal(left == 0, bot.Store.Imports.Get(1)!.UndoneAt is not null);
        if (left == 2)
        {
            // A no or a leaving word answers the question (it was not "nothing to cancel"), and a late "1" undoes nothing.
            Assert.Contains("Đã giữ nguyên, không hoàn tác", reply);
            await Say(bot, "1");
            Assert.Equal(2, bot.Store.Records.Count());
        }
    }

    [Theory]
    [MemberData(nameof(AllChannels))]
    public async Task The_undo_choice_undoes_the_batch_and_a_second_undo_says_when(string channel)
    {
        await using var bot = await WithBatchAsync(channel);
        Assert.Contains("Chắc chắn?", await Say(bot, "/dotnhap huy 1"));
        // A button on Telegram, its number typed on the terminal and on Zalo.
        var done = string.Join("\n", await bot.ChooseAsync("ad", 1, "Hoàn tác đợt #1"));
        output.WriteLine($"[{channel}] ad> (1. Hoàn tác đợt #1)\n{done}\n");
        Assert.Equal(0, bot.Store.Records.Count());
        Assert.Contains("đã được hoàn tác", await Say(bot, "/dotnhap huy 1"));
    }
}
