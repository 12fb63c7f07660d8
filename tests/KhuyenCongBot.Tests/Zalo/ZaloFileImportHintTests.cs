using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>
/// A file sent on Zalo (a CSV or a workbook to import) reaches the bot as "message.unsupported.received" with nothing of the file:
/// the reply was a generic "this kind of message cannot be handled". It now says where imports go: Telegram, or the server's
/// `import` command.
/// </summary>
public sealed class ZaloFileImportHintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_file_sent_on_Zalo_is_answered_with_where_imports_are_sent()
    {
        await using var chat = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" } });
        chat.AddUser("ad", Role.Admin, null);
        var reply = string.Join("\n", await chat.SendFileAsync("ad", "records.csv", "activity,date\n"u8.ToArray()));
        output.WriteLine(reply);
        Assert.Contains("Telegram", reply);
        Assert.Contains("import TỆP", reply);
        Assert.Equal(0, chat.Store.Records.Count());
    }
}
