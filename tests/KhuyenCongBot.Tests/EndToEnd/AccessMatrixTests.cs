using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>Two bots with the demo data, one on the fake Telegram server and one on the fake Zalo server, each with the five people of
/// the matrix (and, for groups, one group per person holding just that person and the bot).</summary>
public sealed class AccessMatrixBots : IAsyncLifetime
{
    /// <summary>The people of the matrix: stranger, deactivated officer, officer of another province (Hà Nội), manager (Northern region), admin.</summary>
    public static readonly string[] People = ["stranger", "deactivated", "other-officer", "manager", "admin"];

    public TelegramBotFixture Telegram { get; private set; } = null!;
    public ZaloChatDriver Zalo { get; private set; } = null!;

    /// <summary>A record of an officer of Phú Thọ (not one of the five), on each bot.</summary>
    public long TelegramRecord { get; private set; }
    public long ZaloRecord { get; private set; }

    public static long TelegramId(string person) => 6001 + Array.IndexOf(People, person);

    public static long TelegramGroup(string person) => -1002000 - Array.IndexOf(People, person);

    public static string ZaloGroup(string person) => "g-" + person;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0", ["Broadcast:ReminderEnabled"] = "false" };
        Telegram = await TelegramBotFixture.StartAsync(o =>
        {
            o.Demo = true;
            o.Today = new DateOnly(2026, 11, 26);
            foreach (var (k, v) in settings)
            {
                o.Settings[k] = v;
            }
        });
        Zalo = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Demo = true, Settings = settings });
        TelegramRecord = Register(Telegram.Services, p => "telegram:" + TelegramId(p).ToString(CultureInfo.InvariantCulture));
        ZaloRecord = Register(Zalo.Services, p => "zalo:" + p);
    }

    private static long Register(IServiceProvider services, Func<string, string> identity)
    {
        var store = services.GetRequiredService<IBotStore>();
        var now = services.GetRequiredService<BotClock>().Now;
        void Add(string person, Role role, ScopeKind kind, string? scope, bool active = true) => store.Users.Add(new BotUser
        {
            DisplayName = person, Role = role, ScopeKind = kind, ScopeId = scope, Active = active, Identities = [identity(person)], CreatedAt = now,
        });
        Add("deactivated", Role.Officer, ScopeKind.Province, "phu-tho", active: false);
        Add("other-officer", Role.Officer, ScopeKind.Province, "ha-noi");
        Add("manager", Role.Manager, ScopeKind.Region, "bac");
        Add("admin", Role.Admin, ScopeKind.All, null);
        var owner = store.Users.Add(new BotUser { DisplayName = "cb Phú Thọ", Role = Role.Officer, ScopeKind = ScopeKind.Province, ScopeId = "phu-tho", Identities = ["x:owner"] });
        return store.Records.Add(new SupportRecord
        {
            ActivityId = "trade_fair", ProvinceId = "phu-tho", FacilityName = "Gốm Phù Lãng bí mật", Booths = 3, Date = new DateOnly(2026, 11, 20),
            CreatedByUserId = owner, CreatedAt = now, Source = "form",
        });
    }

    public async Task DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Zalo.DisposeAsync();
    }
}

/// <summary>
/// The access-control matrix: every command, question kind and button kind × stranger, deactivated, officer of another province,
/// manager, admin × private and group chat, on the fake Telegram and Zalo servers. Each cell is a real transcript; its expected
/// outcome is data in <see cref="Rows"/>.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixBots bots) : IClassFixture<AccessMatrixBots>
{
    /// <summary>What a person reads: the outcome codes of the table.</summary>
    private static readonly Dictionary<string, string> Outcomes = new()
    {
        ["s"] = Regex.Escape(DefaultUnknownUserHandler.NotRegistered(KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi")),
        ["role"] = "chỉ dành cho|Chỉ quản trị viên",
        ["scope"] = "chỉ được xem số liệu|không có quyền xem",
        ["priv"] = "chỉ dùng trong tin nhắn riêng",
        ["grp"] = "trong nhóm này",
        ["btn"] = "không dùng được trong nhóm",
        ["nf"] = "Không tìm thấy|Không có thông báo",
        ["exp"] = "hết hạn",
        ["nu"] = "chưa hiểu",
        ["safe"] = "không gửi tệp .* qua Zalo",
    };

    /// <summary>
    /// One action: what is typed (or, starting with "button:", pressed), what "ok" looks like, and the expected outcome of the five people
    /// (stranger, deactivated, other-officer, manager, admin) in a private chat, in a group on Telegram and in a group on Zalo.
    /// "ok" is the action working; "-" is a cell that does not exist (Zalo has no buttons).
    /// </summary>
    public sealed record Row(string Action, string Ok, string Private, string TelegramGroup, string ZaloGroup, string? Setup = null, string? ZaloPrivate = null);

    private const string PT = "Phú Thọ bao nhiêu gian hàng năm 2024";

    public static readonly IReadOnlyList<Row> Rows =
    [
        // Commands.
        new("/start", "Các lệnh", "s s ok ok ok", "s s ok ok ok", "s s ok ok ok"),
        new("/help", "Các lệnh", "s s ok ok ok", "s s ok ok ok", "s s ok ok ok"),
        new("/huy", "Không có thao tác", "s s ok ok ok", "s s ok ok ok", "s s ok ok ok"),
        new("/ghi hội chợ", "Phiếu mới", "s s ok role ok", "s s priv priv priv", "s s priv priv priv"),
        new("/cuatoi", "bản ghi", "s s ok role ok", "s s priv priv priv", "s s priv priv priv"),
        new("/baocao 6 tháng đầu năm 2024 Phú Thọ", @"gian hàng|cơ sở", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        // Everyone may view plans (their own scope); only admins set them.
        new("/kehoach 2024", "(?i)kế hoạch năm 2024", "s s ok ok ok", "s s ok ok ok", "s s grp grp grp"),
        new("/moi", "Mời người dùng mới", "s s role role ok", "s s role role priv", "s s role role priv"),
        new("/nguoidung", "người dùng", "s s role role ok", "s s role role priv", "s s role role priv"),
        new("/lienket", "Mã liên kết", "s s ok ok ok", "s s priv priv priv", "s s priv priv priv"),
        new("/thongbao", "Soạn thông báo", "s s role role ok", "s s role role priv", "s s role role priv"),
        new("/saoluu", "<khuyencong-", "s s role role ok", "s s role role priv", "s s role role priv", ZaloPrivate: "s s role role safe"),
        // Questions.
        new(PT, "gian hàng", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        new("cả nước bao nhiêu gian hàng năm 2024", "gian hàng", "s s scope scope ok", "s s grp grp ok", "s s grp grp grp"),
        new("top tỉnh kinh phí 2024", "(?i)kinh phí", "s s ok ok ok", "s s ok ok ok", "s s grp grp grp"),
        new("top tỉnh kinh phí cả nước 2024", "(?i)kinh phí", "s s scope scope ok", "s s grp grp ok", "s s grp grp grp"),
        new("Phú Thọ gian hàng 2024 so với kế hoạch", "kế hoạch", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        new("Phú Thọ gian hàng 2024 biểu đồ", "<photo>", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        new("Phú Thọ gian hàng 2024 tải excel", "<document>", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        new("báo cáo 6 tháng đầu năm 2024 Phú Thọ", @"gian hàng|cơ sở", "s s scope ok ok", "s s grp ok ok", "s s grp grp grp"),
        new("ghi hội chợ", "Phiếu mới", "s s ok role ok", "s s noform noform noform", "s s noform noform noform"),
        new("xin chào bot", "Chào bạn", "s s ok ok ok", "s s ok ok ok", "s s ok ok ok"),
        // Buttons (Telegram only): a figure button after a question, another's record, people, broadcasts.
        new("button:fq:by:m", "tháng", "s s ok ok ok", "s s ok ok ok", "- - - - -", Setup: "bao nhiêu gian hàng năm 2024"),
        new("button:f:r:{record}", "", "s s nf role nf", "s s btn btn btn", "- - - - -"),
        new("button:u:1", "", "s s exp exp exp", "s s btn btn btn", "- - - - -"),
        new("button:bc:cancel:1", "", "s s role role nf", "s s btn btn btn", "- - - - -"),
        new("button:ack:1", "", "s s nf nf nf", "s s btn btn btn", "- - - - -"),
    ];

    public static TheoryData<string, string, string, int> Cells()
    {
        var data = new TheoryData<string, string, string, int>();
        for (var i = 0; i < Rows.Count; i++)
        {
            foreach (var channel in new[] { "telegram", "zalo" })
            {
                foreach (var chat in new[] { "private", "group" })
                {
                    foreach (var person in AccessMatrixBots.People)
                    {
                        if (Expected(Rows[i], channel, chat, person) != "-")
                        {
                            data.Add(channel, chat, person, i);
                        }
                    }
                }
            }
        }
        return data;
    }

    private static string Expected(Row row, string channel, string chat, string person)
    {
        var line = (channel, chat) switch
        {
            ("zalo", "private") => row.ZaloPrivate ?? (row.Action.StartsWith("button:", StringComparison.Ordinal) ? "- - - - -" : row.Private),
            (_, "private") => row.Private,
            ("telegram", _) => row.TelegramGroup,
            _ => row.ZaloGroup,
        };
        return line.Split(' ')[Array.IndexOf(AccessMatrixBots.People, person)];
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_person_gets_what_the_table_says(string channel, string chat, string person, int row)
    {
        var cell = Rows[row];
        var expected = Expected(cell, channel, chat, person);
        var registered = person is not ("stranger" or "deactivated");
        if (registered)
        {
            await Send(channel, "private", person, "/huy");
        }
        if (cell.Setup is { } setup)
        {
            await Send(channel, chat, person, setup);
        }
        var (text, files) = await Send(channel, chat, person, cell.Action);
        var all = text + string.Concat(files.Select(f => $" <{f}>"));
        var where = $"{cell.Action} / {person} / {chat} / {channel}: expected {expected}, got:\n{all}";

        Assert.True(all.Length > 0, where);
        Assert.DoesNotContain("Exception", all);
        Assert.DoesNotContain("bí mật", all);
        switch (expected)
        {
            case "ok":
                Assert.True(Regex.IsMatch(all, cell.Ok), where);
                break;
            case "noform":
                Assert.DoesNotContain("Phiếu mới", all);
                break;
            default:
                Assert.True(Regex.IsMatch(all, Outcomes[expected]), where);
                break;
        }
        if (expected is not ("ok" or "noform"))
        {
            // A refusal shows no figure, chart, spreadsheet or backup.
            Assert.Empty(files);
            Assert.DoesNotMatch(@"\d{3} gian hàng|\d+,\d+ tỷ", text);
        }
    }

    /// <summary>Sends a line (or presses a button) as the person; returns what the bot sent to that chat, and the files it sent.</summary>
    private async Task<(string Text, IReadOnlyList<string> Files)> Send(string channel, string chat, string person, string action)
    {
        var group = chat == "group";
        var button = action.StartsWith("button:", StringComparison.Ordinal) ? action["button:".Length..] : null;
        if (channel == "telegram")
        {
            var bot = bots.Telegram;
            var id = AccessMatrixBots.TelegramId(person);
            var target = group ? AccessMatrixBots.TelegramGroup(person) : id;
            button = button?.Replace("{record}", bots.TelegramRecord.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var text = group && !action.StartsWith('/') ? "@" + FakeTelegramServer.BotUsername + " " + action : action;
            var sent = await bot.Deliver(target, () => button is not null
                ? group ? bot.Server.UserPressesInGroup(target, id, button, 1) : bot.Server.UserPresses(id, button, 1)
                : group ? bot.Server.UserSendsInGroup(target, id, text) : bot.Server.UserSends(id, text));
            // What the person reads: the text and the buttons' labels.
            return (string.Join("\n", sent.Select(m => string.Join(" | ", m.AllButtons.Select(b => b.Text).Prepend(m.Text)))),
                sent.Where(m => m.File is not null).Select(m => m.Kind == "photo" ? "photo" : m.File!.FileName.StartsWith("khuyencong-", StringComparison.Ordinal) ? m.File.FileName : "document").ToList());
        }
        var zalo = bots.Zalo;
        if (!group)
        {
            var replies = await zalo.SayAsync(person, action);
            return Split(replies);
        }
        var chatId = AccessMatrixBots.ZaloGroup(person);
        var before = zalo.Fake.SentTo(chatId).Count;
        var message = zalo.Fake.UserSendsInGroup(chatId, person, action.StartsWith('/') ? action : "@bot.KhuyenCong " + action);
        await zalo.WaitHandledAsync(message);
        return Split(zalo.Fake.SentTo(chatId).Skip(before).Select(m => m.ToString()).ToList());
    }

    /// <summary>Zalo sends charts as photos and files as links: both count as files.</summary>
    private static (string, IReadOnlyList<string>) Split(IReadOnlyList<string> replies)
    {
        var files = replies.Where(r => r.StartsWith("[ảnh", StringComparison.Ordinal)).Select(_ => "photo")
            .Concat(replies.Where(r => r.Contains("/files/", StringComparison.Ordinal)).Select(_ => "document")).ToList();
        return (string.Join("\n", replies), files);
    }
}
