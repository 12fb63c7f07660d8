using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Tests.Fakes;
using KhuyenCongBot.Tests.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.EndToEnd;

/// <summary>One bot for every forged press: demo data, an officer of Phú Thọ, an officer of Tuyên Quang with a record of
/// "Công ty CP Mộc Tân Trào" (a Tuyên Quang facility), a manager, a deactivated officer and a stranger.</summary>
public sealed class ForgedCallbackBot : IAsyncLifetime
{
    public const long PhuTho = 3001;
    public const long TuyenQuang = 3002;
    public const long Manager = 3003;
    public const long Deactivated = 3004;
    public const long Stranger = 3009;
    public const long Admin = TelegramBotFixture.AdminId;
    public const string ForeignFacility = "Công ty CP Mộc Tân Trào";

    public TelegramBotFixture Bot { get; private set; } = null!;
    public IBotStore Store => Bot.Services.GetRequiredService<IBotStore>();
    public long ForeignFacilityId { get; private set; }
    public long ForeignRecordId { get; private set; }

    public async Task InitializeAsync()
    {
        Bot = await TelegramBotFixture.StartAsync(o =>
        {
            o.Demo = true;
            o.Today = new DateOnly(2026, 11, 26);
            o.Settings["Bot:FloodBurst"] = "0";
            o.Settings["Broadcast:ReminderEnabled"] = "false";
        });
        var now = Bot.Services.GetRequiredService<BotClock>().Now;
        Add(PhuTho, Role.Officer, "phu-tho");
        var tq = Add(TuyenQuang, Role.Officer, "tuyen-quang");
        Add(Manager, Role.Manager, "phu-tho");
        Add(Deactivated, Role.Officer, "phu-tho", active: false);
        var facility = Store.Facilities.All().First(f => f.Name == ForeignFacility);
        ForeignFacilityId = facility.Id;
        ForeignRecordId = Store.Records.Add(new SupportRecord
        {
            ActivityId = "trade_fair", ProvinceId = "tuyen-quang", FacilityId = facility.Id, FacilityName = facility.Name, Commune = facility.Commune,
            Booths = 2, Date = new DateOnly(2026, 11, 20), CreatedByUserId = tq, CreatedAt = now, Source = "form",
        });
    }

    private long Add(long telegramId, Role role, string province, bool active = true) => Store.Users.Add(new BotUser
    {
        DisplayName = "người " + telegramId, Role = role, ScopeKind = ScopeKind.Province, ScopeId = province, Active = active,
        Identities = ["telegram:" + telegramId], Chats = { ["telegram"] = telegramId.ToString(CultureInfo.InvariantCulture) },
    });

    public ConversationState? StateOf(long telegramId) =>
        Store.Users.FindByIdentity("telegram:" + telegramId) is { } u ? Store.Conversations.Get(u.Id) : null;

    /// <summary>Answers the person's form until it reaches its summary.</summary>
    public async Task ToSummary(long telegramId)
    {
        for (var i = 0; i < 40 && new FormSession(StateOf(telegramId)!).Phase != FormPhase.Summary; i++)
        {
            await Bot.Say(telegramId, FormDriver.NextAnswer(Bot.Services, "telegram:" + telegramId)!);
        }
        Assert.Equal(FormPhase.Summary, new FormSession(StateOf(telegramId)!).Phase);
    }

    /// <summary>Everything a forged press could change: people, records, facilities, broadcasts, and the presser's form answers.</summary>
    public string Snapshot(long presser)
    {
        var state = StateOf(presser);
        return JsonSerializer.Serialize(new
        {
            Users = Store.Users.All().OrderBy(u => u.Id).Select(InvitationService.Describe).ToList(),
            Records = Store.Records.All().Select(r => $"{r.Id}:{r.ProvinceId}:{r.FacilityId}:{r.Booths}").ToList(),
            Facilities = Store.Facilities.All().Count(),
            Broadcasts = Bot.Services.GetRequiredService<IBroadcastRepository>().Recent(50).Select(b => $"{b.Id}:{b.Status}").ToList(),
            Flow = state?.Flow,
            Answers = state?.Data.Where(kv => kv.Key.StartsWith("a:", StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key + "=" + kv.Value).ToList(),
        });
    }

    public Task DisposeAsync() => Bot.DisposeAsync().AsTask();
}

/// <summary>
/// Every kind of button the bot emits (found in the code, see <see cref="Every_button_kind_in_the_code_is_forged_here"/>), pressed with
/// forged or stale data through the real Telegram client: checked like typed input against what the presser may see and change,
/// answered with a polite Vietnamese refusal, nothing changed, nothing of another province shown.
/// </summary>
public sealed class ForgedCallbackTests(ForgedCallbackBot fx) : IClassFixture<ForgedCallbackBot>
{
    /// <summary>One forged press: who presses, what they typed before (to be where the real button would be), the data, what they must read.</summary>
    /// <param name="ThenSummary">After the set-up, answer the form up to its summary, then type these lines.</param>
    public sealed record Forge(long Who, string[] Setup, Func<ForgedCallbackBot, string> Data, string Expect, string[]? ThenSummary = null);

    private const long PT = ForgedCallbackBot.PhuTho;
    // The demo's open fair project of Phú Thọ is asked about first (issue 15): answered, the form is at the facility.
    private static readonly string[] FacilityStep = ["/huy", "/ghi hội chợ", "không thuộc đề án nào"];
    private static readonly string[] ProjectStep = ["/huy", "/ghi hội chợ"];
    private const string Expired = "hết hạn|đã kết thúc|không dùng được|Không tìm thấy|không còn lưu|chỉ dành cho";

    private static string Step(ForgedCallbackBot fx, long who) => fx.StateOf(who)!.Step.ToString(CultureInfo.InvariantCulture);

    /// <summary>The forged press for each kind of button (the kind as it appears in the code, ids as {}).</summary>
    public static readonly IReadOnlyDictionary<string, Forge> Forges = new Dictionary<string, Forge>
    {
        // Forms: the facility button with another province's facility, other buttons at the wrong question or out of range.
        ["f:{}:fid:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:fid:{fx.ForeignFacilityId}", "không thuộc tỉnh"),
        ["f:{}:prov:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:prov:tuyen-quang", "nằm ngoài phạm vi", ThenSummary: ["sửa 1"]),
        ["f:{}:v:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:v:99", "không dùng được"),
        ["f:{}:today"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:today", "không dùng được"),
        ["f:{}:yday"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:yday", "không dùng được"),
        ["f:{}:def"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:def", "không dùng được"),
        ["f:{}:keep"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:keep", "không dùng được"),
        ["f:{}:cm:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:cm:7", "không dùng được"),
        ["f:{}:fnew"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:fnew", "không dùng được"),
        ["f:{}:fnew:p"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:fnew:p", "không dùng được"),
        ["f:{}:pl:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pl:999999999999", "không dùng được"),
        ["f:{}:pl:no"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pl:no", "không dùng được"),
        ["f:{}:plx:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:plx:5000000000", "không dùng được"),
        // A new facility's commune, legal form and priority groups, and the photo question's "done", pressed at another question.
        ["f:{}:cmk"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:cmk", "không dùng được"),
        ["f:{}:cmp:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:cmp:3", "không dùng được"),
        ["f:{}:cmr"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:cmr", "không dùng được"),
        ["f:{}:lf:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:lf:cooperative", "không dùng được"),
        ["f:{}:pg:all"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pg:all", "không dùng được"),
        ["f:{}:pg:none"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pg:none", "không dùng được"),
        ["f:{}:pg:{}"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pg:women_owned", "không dùng được"),
        ["f:{}:phd"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:phd", "không dùng được"),
        // The project question: another province's code forged as a button, and project buttons at another question.
        ["f:{}:pj:{}"] = new(PT, ProjectStep, fx => $"f:{Step(fx, PT)}:pj:KC-2026-04", "Chọn một đề án trong danh sách"),
        ["f:{}:pj:none"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:pj:none", "không dùng được"),
        ["f:{}:tx:ok"] = new(PT, FacilityStep, fx => $"f:{Step(fx, PT)}:tx:ok", "không dùng được"),
        ["f:a:"] = new(PT, ["/huy", "/ghi"], _ => "f:a:khong-co", "Chưa rõ hoạt động"),
        ["f:e:"] = new(PT, FacilityStep, _ => "f:e:99", "Không có câu số 99", ThenSummary: []),
        ["f:save"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "f:save", Expired),
        ["f:edit"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "f:edit", Expired),
        ["f:back"] = new(ForgedCallbackBot.Stranger, [], _ => "f:back", "mã mời"),
        ["f:skip"] = new(ForgedCallbackBot.Deactivated, [], _ => "f:skip", "mã mời"),
        ["f:cancel"] = new(ForgedCallbackBot.Stranger, [], _ => "f:cancel", "mã mời"),
        ["f:dc"] = new(PT, ["/huy"], _ => "f:dc", Expired),
        ["f:dd"] = new(PT, ["/huy"], _ => "f:dd", Expired),
        // Records: another officer's record, by id.
        ["f:my"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "f:my", "chỉ dành cho cán bộ khuyến công"),
        ["f:r:"] = new(PT, ["/huy"], fx => "f:r:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        ["f:re:"] = new(PT, ["/huy"], fx => "f:re:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        ["f:rd:"] = new(PT, ["/huy"], fx => "f:rd:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        ["f:rdy:"] = new(PT, ["/huy"], fx => "f:rdy:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        ["f:ra:"] = new(PT, ["/huy"], fx => "f:ra:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        ["f:again:"] = new(PT, ["/huy", "/ghi", "/huy"], fx => "f:again:" + fx.ForeignRecordId, "Không tìm thấy bản ghi"),
        // Figures: the question a button acts on is the presser's own, checked again (here one stored before a narrower scope).
        ["fq:by:p"] = new(PT, [], _ => "fq:by:p", "chỉ được xem số liệu"),
        ["fq:by:m"] = new(PT, [], _ => "fq:by:m", "chỉ được xem số liệu"),
        ["fq:by:y"] = new(PT, [], _ => "fq:by:y", "chỉ được xem số liệu"),
        ["fq:by:a"] = new(PT, [], _ => "fq:by:a", "chỉ được xem số liệu"),
        ["fq:cmp:plan"] = new(PT, [], _ => "fq:cmp:plan", "chỉ được xem số liệu"),
        ["fq:cmp:yoy"] = new(PT, [], _ => "fq:cmp:yoy", "chỉ được xem số liệu"),
        ["fq:chart"] = new(PT, [], _ => "fq:chart", "chỉ được xem số liệu"),
        ["fq:xlsx"] = new(PT, [], _ => "fq:xlsx", "chỉ được xem số liệu"),
        ["fq:again"] = new(PT, [], _ => "fq:again", "chỉ được xem số liệu"),
        ["fq:m:{}"] = new(PT, [], _ => "fq:m:evil.drop", "hết hạn"),
        ["fq:ex:"] = new(ForgedCallbackBot.Stranger, [], _ => "fq:ex:0", "mã mời"),
        ["fq:rxlsx"] = new(PT, [], _ => "fq:rxlsx", "chỉ được xem số liệu"),
        // Projects: another province's project by id, the registration's buttons outside it, a manager registering.
        ["pj:new"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "pj:new", "chỉ xem số liệu"),
        ["pj:n:"] = new(PT, ["/huy"], fx => "pj:n:" + fx.Store.Projects.FindByCode("KC-2026-04")!.Id, "Không tìm thấy đề án"),
        ["pj:dc:"] = new(PT, ["/huy"], fx => $"pj:dc:{fx.Store.Projects.FindByCode("KC-2026-04")!.Id}:1:{new DateOnly(2026, 11, 20).DayNumber}", "Không tìm thấy đề án"),
        ["pj:mc:{}:{}:{}"] = new(PT, ["/huy"], fx => $"pj:mc:{fx.Store.Projects.FindByCode("KC-2026-04")!.Id}:2:{new DateOnly(2026, 11, 20).DayNumber}", "Không tìm thấy đề án"),
        ["pj:md:{}:{}"] = new(PT, ["/huy"], fx => $"pj:md:{fx.Store.Projects.FindByCode("KC-2026-04")!.Id}:2", "Không tìm thấy đề án"),
        ["pj:rc:{}:{}"] = new(PT, ["/huy"], fx => $"pj:rc:{fx.Store.Projects.FindByCode("KC-2026-04")!.Id}:{new DateOnly(2026, 11, 20).DayNumber}", "Không tìm thấy đề án"),
        ["pj:rd:"] = new(PT, ["/huy"], fx => "pj:rd:" + fx.Store.Projects.FindByCode("KC-2026-04")!.Id, "Không tìm thấy đề án"),
        ["pj:pk:{}:{}"] = new(PT, ["/huy"], fx => $"pj:pk:{fx.Store.Projects.FindByCode("KC-2026-04")!.Id}:m:2:{new DateOnly(2026, 11, 20).DayNumber}", "Không tìm thấy đề án"),
        ["pj:today"] = new(PT, ["/huy"], _ => "pj:today", "không còn dùng được"),
        ["pj:no"] = new(PT, ["/huy"], _ => "pj:no", "Không lưu gì"),
        ["pj:prog:"] = new(PT, ["/huy"], _ => "pj:prog:1", "không còn dùng được"),
        ["pj:type:"] = new(PT, ["/huy"], _ => "pj:type:1", "không còn dùng được"),
        ["pj:act:"] = new(PT, ["/huy"], _ => "pj:act:machinery", "không còn dùng được"),
        ["pj:zero"] = new(PT, ["/huy"], _ => "pj:zero", "không còn dùng được"),
        ["pj:skip"] = new(PT, ["/huy"], _ => "pj:skip", "không còn dùng được"),
        ["pj:keep"] = new(PT, ["/huy"], _ => "pj:keep", "không còn dùng được"),
        ["pj:retype"] = new(PT, ["/huy"], _ => "pj:retype", "không còn dùng được"),
        ["pj:fac:"] = new(PT, ["/huy"], _ => "pj:fac:1", "không còn dùng được"),
        ["pj:save"] = new(PT, ["/huy"], _ => "pj:save", "không còn dùng được"),
        ["pj:drop"] = new(PT, ["/huy"], _ => "pj:drop", "không còn dùng được"),
        // People: admin-only buttons pressed by an officer, or out of the flow.
        ["u:"] = new(PT, ["/huy"], _ => "u:1", Expired),
        ["a:role"] = new(PT, ["/huy"], _ => "a:role", Expired),
        ["a:scope"] = new(PT, ["/huy"], _ => "a:scope", Expired),
        ["a:deactivate"] = new(PT, ["/huy"], _ => "a:deactivate", Expired),
        ["a:activate"] = new(ForgedCallbackBot.Deactivated, [], _ => "a:activate", "mã mời"),
        ["a:back"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "a:back", Expired),
        ["role:officer"] = new(PT, ["/huy"], _ => "role:admin", Expired),
        ["role:manager"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "role:manager", Expired),
        ["role:admin"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "role:admin", Expired),
        ["scope:province"] = new(PT, ["/huy"], _ => "scope:province", Expired),
        ["scope:region:"] = new(ForgedCallbackBot.Admin, ["/huy", "/moi", "2"], _ => "scope:region:mat-trang", "chọn một phạm vi"),
        ["scope:all"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "scope:all", Expired),
        // Broadcasts: the composer's buttons outside it, another's acknowledgement, an admin's cancel.
        ["aud:all"] = new(PT, ["/huy"], _ => "aud:all", Expired),
        ["aud:role:officer"] = new(PT, ["/huy"], _ => "aud:role:officer", Expired),
        ["aud:role:manager"] = new(ForgedCallbackBot.Admin, ["/huy", "/thongbao", "Họp giao ban"], _ => "aud:role:chua-co", "chọn người nhận"),
        ["aud:role:admin"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "aud:role:admin", Expired),
        ["aud:provinces"] = new(PT, ["/huy"], _ => "aud:provinces", Expired),
        ["aud:rp:officer"] = new(PT, ["/huy"], _ => "aud:rp:officer", Expired),
        ["aud:rp:manager"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "aud:rp:manager", Expired),
        ["when:now"] = new(PT, ["/huy"], _ => "when:now", Expired),
        ["confirm"] = new(PT, ["/huy"], _ => "confirm", Expired),
        ["drop"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "drop", Expired),
        ["bc:cancel:"] = new(PT, ["/huy"], _ => "bc:cancel:1", "chỉ dành cho quản trị viên"),
        ["bc:report:"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "bc:report:1", "chỉ dành cho quản trị viên"),
        ["ack:"] = new(PT, ["/huy"], _ => "ack:424242", "Không tìm thấy thông báo"),
        // The broadcast preview's "Sửa" list: no broadcast is being written by the presser.
        ["edit:aud"] = new(PT, ["/huy"], _ => "edit:aud", Expired),
        ["edit:text"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "edit:text", Expired),
        ["edit:time"] = new(PT, ["/huy"], _ => "edit:time", Expired),
        // Plan confirmations (/kehoach): no plan question is open for the presser.
        ["kh:ok"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "kh:ok", Expired),
        ["kh:alt"] = new(PT, ["/huy"], _ => "kh:alt", Expired),
        ["kh:no"] = new(PT, ["/huy"], _ => "kh:no", Expired),
        ["kh:rerun"] = new(ForgedCallbackBot.Manager, ["/huy"], _ => "kh:rerun", Expired),
        ["imp:keep"] = new(ForgedCallbackBot.Stranger, [], _ => "imp:keep", "mã mời"),
        ["imp:undo:"] = new(PT, ["/huy"], _ => "imp:undo:1", "Chỉ quản trị viên"),
    };

    public static TheoryData<string> Kinds => [.. Forges.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_forged_press_is_refused_politely_and_changes_and_shows_nothing(string kind)
    {
        var forge = Forges[kind];
        var bot = fx.Bot;
        foreach (var line in forge.Setup)
        {
            var said = await bot.Say(forge.Who, line);
            // "/huy" keeps a form's answers as a draft: a setup that opens a form again starts a new one.
            if (TelegramBotFixture.Transcript(said).Contains("Tiếp tục phiếu đó hay bỏ", StringComparison.Ordinal))
            {
                await bot.Say(forge.Who, "mới");
            }
        }
        if (forge.ThenSummary is { } after)
        {
            await fx.ToSummary(forge.Who);
            foreach (var line in after)
            {
                await bot.Say(forge.Who, line);
            }
        }
        if (kind.StartsWith("fq:", StringComparison.Ordinal) && forge.Who == PT)
        {
            // A national question kept from before (e.g. the person was a manager of the whole country until today).
            var state = fx.StateOf(PT)!;
            state.Flow = null;
            state.Data[Core.Figures.Questions.FiguresModule.LastKey] =
                new Core.Figures.Questions.Question { Measure = "booths", ActivityId = "trade_fair", Scope = "all" }
                    .WithPeriod(new Core.Text.Period(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), "năm 2024")).ToJson();
            fx.Store.Conversations.Save(state);
        }
        var data = forge.Data(fx);
        var before = fx.Snapshot(forge.Who);
        var lastMessage = bot.Server.SentTo(forge.Who).LastOrDefault()?.MessageId ?? 1;

        var replies = await bot.Deliver(forge.Who, () => bot.Server.UserPresses(forge.Who, data, lastMessage));

        var text = TelegramBotFixture.Transcript(replies);
        Assert.True(replies.Count > 0, $"{kind} ({data}): no answer");
        Assert.True(Regex.IsMatch(text, forge.Expect), $"{kind} ({data}) expected /{forge.Expect}/:\n{text}");
        Assert.DoesNotContain("Tân Trào", text);
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain(replies, m => m.Kind is "photo" or "document");
        Assert.DoesNotMatch(@"\b(701|1\.\d{3}) gian hàng", text);
        Assert.Equal(before, fx.Snapshot(forge.Who));
    }

    [Fact]
    public void Every_button_kind_in_the_code_is_forged_here()
    {
        var emitted = ButtonKinds();
        Assert.True(emitted.Count > 40, string.Join(", ", emitted));
        var missing = emitted.Where(k => !Forges.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Button kinds with no forged press: " + string.Join(", ", missing));
    }

    /// <summary>The button data the code emits: string literals given to a Choice, ids written as {}; figure metrics as "fq:m:{}".</summary>
    internal static IReadOnlySet<string> ButtonKinds()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src"));
        var kinds = new SortedSet<string>(StringComparer.Ordinal) { "bc:report:" };
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadLines(file).Where(l => Regex.IsMatch(l, @"Choice\(|new\((ctx|context)\.T\(")))
            {
                foreach (Match m in Regex.Matches(line, @"\$?""((?:[a-z]+:)[^""\s]*|confirm|drop)"""))
                {
                    var kind = Regex.Replace(m.Groups[1].Value, @"\{[^}]*\}", "{}");
                    kinds.Add(kind.StartsWith("fq:m:", StringComparison.Ordinal) ? "fq:m:{}" : kind);
                }
            }
        }
        return kinds;
    }
}
