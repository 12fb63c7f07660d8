using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>A location far from the record's province is asked back (never refused): kept when confirmed, retyped otherwise.</summary>
public sealed class EvidenceFarTests
{
    private static readonly ProvinceAreas Areas = ProvinceAreas.Load(SeedFiles.Locate(null));

    [Fact]
    public void Every_current_province_has_an_area()
    {
        var seeds = SeedFiles.Locate(null);
        var current = SeedFiles.Provinces(seeds).Where(p => p.IsCurrent).Select(p => p.Id).ToList();
        Assert.Equal(34, current.Count);
        Assert.All(current, id => Assert.True(Areas.Knows(id), id));
    }

    [Theory]
    // A provincial capital (or a craft village) is inside its own unit.
    [InlineData("ha-noi", 21.0285, 105.8542)]
    [InlineData("phu-tho", 21.3269, 105.3938)]
    [InlineData("phu-tho", 20.8133, 105.3383)] // Hòa Bình, merged into Phú Thọ
    [InlineData("ho-chi-minh", 10.7769, 106.7009)]
    [InlineData("ho-chi-minh", 10.3460, 107.0843)] // Vũng Tàu
    [InlineData("ho-chi-minh", 8.6833, 106.6089)] // Côn Đảo
    [InlineData("an-giang", 10.2270, 103.9670)] // Phú Quốc
    [InlineData("lam-dong", 11.9404, 108.4583)] // Đà Lạt
    [InlineData("lam-dong", 10.9289, 108.1021)] // Phan Thiết
    [InlineData("gia-lai", 13.7830, 109.2190)] // Quy Nhơn
    [InlineData("quang-ngai", 14.3545, 108.0076)] // Kon Tum
    [InlineData("ca-mau", 9.2941, 105.7278)] // Bạc Liêu
    [InlineData("hue", 16.4637, 107.5909)]
    [InlineData("lao-cai", 21.7229, 104.9113)] // Yên Bái
    public void A_point_in_the_province_is_not_far(string province, double lat, double lon) =>
        Assert.Null(Areas.FarFrom(province, lat, lon));

    [Theory]
    [InlineData("ha-noi", 10.7769, 106.7009, 1000, 1300)] // Ho Chi Minh City typed for Hà Nội
    [InlineData("phu-tho", 16.0544, 108.2022, 450, 650)] // Đà Nẵng for Phú Thọ
    [InlineData("ca-mau", 21.0285, 105.8542, 1200, 1400)]
    [InlineData("lang-son", 21.0285, 105.8542, 20, 90)] // Hà Nội, next door but outside
    public void A_point_in_another_region_is_far_by_about_its_distance(string province, double lat, double lon, double atLeast, double atMost)
    {
        var km = Areas.FarFrom(province, lat, lon);
        Assert.NotNull(km);
        Assert.InRange(km!.Value, atLeast, atMost);
    }

    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    [Fact]
    public async Task Typed_coordinates_far_from_the_province_are_asked_back_then_retyped_or_kept()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi máy móc", "o1");
        var chat = new TerminalChatDriver(bot);
        await EvidenceSteps.AnswerUntil(chat, "o1", "location");

        var asked = Text(await chat.SayAsync("o1", "16.0544, 108.2022"));
        Assert.Matches(@"ở xa tỉnh Phú Thọ khoảng [\d.]+ km, bạn kiểm tra lại", asked);
        Assert.Equal("location", EvidenceSteps.Current(chat.Services, chat.IdentityOf("o1"))?.Id);
        // "No": the point is not kept and the question is asked again.
        var again = Text(await chat.ChooseAsync("o1", 2, "Không, gõ lại tọa độ"));
        Assert.Contains("Gõ tọa độ", again);
        Assert.Equal("location", EvidenceSteps.Current(chat.Services, chat.IdentityOf("o1"))?.Id);

        // Typed again far away and confirmed: kept as typed.
        Assert.Contains("ở xa tỉnh", Text(await chat.SayAsync("o1", "16.0544, 108.2022")));
        var kept = Text(await chat.ChooseAsync("o1", 1, "Đúng, giữ tọa độ này"));
        Assert.Contains("✓ Vị trí (tọa độ): 16.054400,108.202200", kept);
        await EvidenceSteps.FinishAndSave(chat, "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal("16.054400,108.202200", record.Extra["location"]);
    }

    [Fact]
    public async Task A_point_inside_the_province_is_taken_without_a_question()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi máy móc", "o1");
        var chat = new TerminalChatDriver(bot);
        await EvidenceSteps.AnswerUntil(chat, "o1", "location");
        var answered = Text(await chat.SayAsync("o1", "20.8133, 105.3383"));
        Assert.DoesNotContain("ở xa tỉnh", answered);
        Assert.Contains("✓ Vị trí (tọa độ): 20.813300,105.338300", answered);
    }

    [Fact]
    public async Task A_shared_Telegram_location_far_away_is_asked_back_too()
    {
        await using var chat = await TelegramChatDriver.StartAsync(FormTestKit.Today, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        chat.AddUser("o1", Role.Officer, "phu-tho");
        var id = chat.IdOf("o1");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        await chat.SayAsync("o1", "ghi máy móc");
        await EvidenceSteps.AnswerUntil(chat, "o1", "location");
        var shared = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsLocation(id, 10.7769, 106.7009));
        var text = string.Join("\n", shared.Select(m => m.Text));
        Assert.Matches(@"ở xa tỉnh Phú Thọ khoảng [\d.]+ km", text);
        Assert.Contains("Đúng, giữ tọa độ này", string.Join("|", chat.Bot.Server.SentTo(id).Last().AllButtons.Select(b => b.Text)));
        var kept = Text(await chat.SayAsync("o1", "có"));
        Assert.Contains("✓ Vị trí (tọa độ): 10.776900,106.700900", kept);
    }

    [Fact]
    public async Task On_Zalo_a_shared_location_is_not_delivered_so_coordinates_are_typed_and_checked_the_same_way()
    {
        // The Zalo Bot API has text, image, sticker and "unsupported" events only: a shared location arrives as unsupported.
        await using var chat = await ZaloChatDriver.StartAsync(new ZaloDriverOptions { Today = FormTestKit.Today, Settings = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" } });
        chat.AddUser("z1", Role.Officer, "phu-tho");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        await chat.SayAsync("z1", "ghi máy móc");
        await EvidenceSteps.AnswerUntil(chat, "z1", "location");
        var before = chat.Received("z1").Count;
        var id = chat.Fake.UserSendsUnsupported("z1");
        await chat.WaitHandledAsync(id);
        var shared = Text(chat.Received("z1").Skip(before).ToList());
        Assert.Contains("vị trí: gõ tọa độ", shared);
        Assert.Equal("location", EvidenceSteps.Current(chat.Services, chat.IdentityOf("z1"))?.Id);

        Assert.Matches(@"ở xa tỉnh Phú Thọ khoảng [\d.]+ km", Text(await chat.SayAsync("z1", "10.7769, 106.7009")));
        Assert.Contains("✓ Vị trí (tọa độ): 21.326900,105.393800", Text(await chat.SayAsync("z1", "21.3269, 105.3938")));
    }
}

/// <summary>Walking a form to a question and to its end, shared by the evidence tests.</summary>
internal static class EvidenceSteps
{
    public static FormField? Current(IServiceProvider services, string identity)
    {
        var store = services.GetRequiredService<Core.Storage.IBotStore>();
        var state = store.Conversations.Get(store.Users.FindByIdentity(identity)!.Id);
        if (state?.Flow != FormRunner.FlowName)
        {
            return null;
        }
        var s = new FormSession(state);
        return s.Phase == FormPhase.Ask ? services.GetRequiredService<FormCatalogue>().Get(s.FormId)!.Fields[s.Step] : null;
    }

    public static async Task AnswerUntil(IChatDriver chat, string user, string fieldId)
    {
        for (var i = 0; i < 40 && Current(chat.Services, chat.IdentityOf(user))?.Id != fieldId; i++)
        {
            await chat.SayAsync(user, FormDriver.NextAnswer(chat.Services, chat.IdentityOf(user))!);
        }
        Assert.Equal(fieldId, Current(chat.Services, chat.IdentityOf(user))?.Id);
    }

    public static async Task FinishAndSave(IChatDriver chat, string user)
    {
        for (var i = 0; i < 40 && FormDriver.NextAnswer(chat.Services, chat.IdentityOf(user)) is { } answer; i++)
        {
            await chat.SayAsync(user, answer);
        }
    }
}
