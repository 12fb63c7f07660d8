using KhuyenCongBot.Hosting;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Hosting;

/// <summary>
/// What an outside tester found in the terminal chat's identity: "chat --user pt1" without --role turned the officer pt1 into a
/// nationwide admin for good; --role brought back a user an admin had deactivated; "--role officer" without --province saw the
/// whole country. Each run below is a whole "chat" verb on one database, lines piped in as a person types them.
/// </summary>
public sealed class TerminalIdentityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Code, string Output, string Error)> Chat(string lines, params string[] args)
    {
        var (o, e) = (new StringWriter(), new StringWriter());
        var code = await BotApp.RunAsync(CommandLine.Parse(["chat", "--today", "2026-11-26", $"--Storage:DatabasePath={_folder}/t.db", .. args]),
            new StringReader(lines), o, e, CancellationToken.None);
        output.WriteLine($"$ chat {string.Join(' ', args)} → {code}\n{o}{e}");
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public async Task The_terminal_never_widens_nor_revives_a_stored_user()
    {
        // The README's first command: the default user is an admin.
        var first = await Chat("/nguoidung\n");
        Assert.Equal(0, first.Code);
        Assert.Contains("Chọn một người", first.Output);

        // An officer of Phú Thọ, made with --role and --province.
        Assert.Equal(0, (await Chat("/help\n", "--user", "pt1", "--role", "officer", "--province", "Phú Thọ")).Code);

        // Again without --role: still the officer (admin commands refused), not an admin of the whole country.
        var again = await Chat("/nguoidung\n", "--user", "pt1");
        Assert.Equal(0, again.Code);
        Assert.Contains("chỉ dành cho quản trị viên", again.Output);
        var list = await Chat("/nguoidung pt1\n");
        Assert.Contains("pt1 (cán bộ khuyến công, Phú Thọ)", list.Output);

        // The admin deactivates pt1; --role does not bring pt1 back, and says so.
        var off = await Chat("/nguoidung pt1\n1\nNgừng hoạt động\ncó\n");
        Assert.Contains("Đã ngừng hoạt động pt1", off.Output);
        var revived = await Chat("/help\n", "--user", "pt1", "--role", "admin");
        Assert.Equal(BotApp.ExitConfiguration, revived.Code);
        Assert.Contains("đã bị quản trị viên ngừng hoạt động", revived.Error);
        var plain = await Chat("/help\n", "--user", "pt1");
        Assert.Equal(BotApp.ExitConfiguration, plain.Code);
        Assert.Contains("Trạng thái: đã ngừng", (await Chat("/nguoidung pt1\n1\n")).Output);
    }

    [Fact]
    public async Task An_officer_needs_a_province_and_a_new_user_needs_a_role()
    {
        var officer = await Chat("/help\n", "--user", "cb", "--role", "officer");
        Assert.Equal(BotApp.ExitConfiguration, officer.Code);
        Assert.Contains("--role officer cần --province", officer.Error);
        Assert.DoesNotContain("/help", officer.Output);

        Assert.Equal(0, (await Chat("/help\n")).Code);
        var stranger = await Chat("/help\n", "--user", "moi");
        Assert.Equal(BotApp.ExitConfiguration, stranger.Code);
        Assert.Contains("Chưa có người dùng 'moi'", stranger.Error);
    }

    [Fact]
    public async Task Changing_a_stored_users_role_from_the_command_line_is_said_and_audited()
    {
        Assert.Equal(0, (await Chat("/help\n", "--user", "pt1", "--role", "officer", "--province", "Phú Thọ")).Code);
        var same = await Chat("/help\n", "--user", "pt1", "--role", "officer", "--province", "Phú Thọ");
        Assert.DoesNotContain("trước đây là", same.Error);

        var changed = await Chat("/help\n", "--user", "pt1", "--role", "manager", "--province", "Hà Nội");
        Assert.Equal(0, changed.Code);
        Assert.Contains("Người dùng 'pt1' trước đây là cán bộ khuyến công (Phú Thọ); theo --role/--province nay là lãnh đạo, quản lý (Hà Nội)", changed.Error);
        var list = await Chat("/nguoidung pt1\n");
        Assert.Contains("pt1 (lãnh đạo/quản lý, Hà Nội)", list.Output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
