using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Records;

/// <summary>
/// Issue 16: a reader in English gets the reasons in English. A refused import row, a file that is not UTF-8 and a project's
/// date that is no date were said in Vietnamese inside the English reply ("line 3: không tìm thấy tỉnh/thành phố 'Atlantis'").
/// </summary>
public sealed class EnglishImportReasonsTests
{
    private const string Header = "date,province,activity,facility,commune,booths,revenue_vnd,funding_vnd,funding_source,status,note\n";

    private static async Task<string> SendFile(BotHarness bot, string user, string name, byte[] bytes, string language)
    {
        var replies = await bot.Send(new Incoming
        {
            Channel = "terminal", ChatId = user, UserId = user, LanguageCode = language,
            Document = new IncomingDocument(name, bytes.Length, _ => Task.FromResult<Stream>(new MemoryStream(bytes))),
        });
        return string.Join("\n", replies.Select(r => r.Text));
    }

    private static readonly byte[] BadRows = Encoding.UTF8.GetBytes(Header +
        "31/02/2026,Phú Thọ,trade_fair,Cơ sở An Phú,,7,,,,,\n" +
        "15/05/2026,Atlantis,trade_fair,Cơ sở Bình An,,7,,,,,\n");

    [Fact]
    public async Task An_english_admin_reads_why_each_row_was_refused_in_english()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var text = await SendFile(bot, "admin", "records.csv", BadRows, "en");
        Assert.Contains("Nothing imported", text);
        Assert.Contains("line 3: unknown province 'Atlantis'", text);
        Assert.Contains("date '31/02/2026' is not valid", text);
        Assert.DoesNotContain("không", text);
        Assert.Equal(0, bot.Store.Records.Count());
    }

    [Fact]
    public async Task A_vietnamese_admin_still_reads_the_same_reasons()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        var text = await SendFile(bot, "admin", "records.csv", BadRows, "vi");
        Assert.Contains("dòng 3: không tìm thấy tỉnh/thành phố 'Atlantis'", text);
        Assert.Contains("ngày '31/02/2026' không hợp lệ", text);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_explained_in_the_readers_language()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26));
        bot.AddUser("admin", Role.Admin);
        // "Phú Thọ" in Latin-1 / Windows-1258 bytes: 0xFA is no UTF-8.
        var latin1 = Encoding.Latin1.GetBytes(Header + "15/05/2026,Phú Tho,trade_fair,Cơ sở An Phú,,7,,,,,\n".Replace("ơ", "o", StringComparison.Ordinal));
        var english = await SendFile(bot, "admin", "records.csv", latin1, "en");
        Assert.Contains("is not UTF-8 (an unexpected byte on line 2", english);
        Assert.DoesNotContain("không phải UTF-8", english);
        var vietnamese = await SendFile(bot, "admin", "records.csv", latin1, "vi");
        Assert.Contains("tệp không phải UTF-8 (byte lạ ở dòng 2", vietnamese);
    }

    [Fact]
    public async Task An_english_reader_is_told_in_english_that_a_projects_date_is_no_date()
    {
        using var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("admin", Role.Admin);
        var english = await bot.Say("project KC-2026-07 accepted on 31/2", "admin", "en");
        Assert.Contains("\"31/2\" is not a valid date", english);
        Assert.DoesNotContain("không phải ngày", english);
        var vietnamese = await bot.Say("đề án KC-2026-07 đã nghiệm thu ngày 31/2", "admin", "vi");
        Assert.Contains("\"31/2\" không phải ngày hợp lệ", vietnamese);
    }
}
