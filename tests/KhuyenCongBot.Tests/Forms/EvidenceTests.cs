using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Evidence from the field: photos and a location in the machinery form, on Telegram (fake Bot API, getFile faked) and typed on the terminal.</summary>
public sealed class EvidenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("21.0285, 105.8542", "21.028500,105.854200")]
    [InlineData("21,0285, 105,8542", "21.028500,105.854200")]
    [InlineData("21.0285 105.8542", "21.028500,105.854200")]
    [InlineData("21.0285;105.8542", "21.028500,105.854200")]
    [InlineData("21.0285N 105.8542E", "21.028500,105.854200")]
    [InlineData("10.7769, 106.7009", "10.776900,106.700900")]
    [InlineData("16.5, 112.3", "16.500000,112.300000")]
    public void Typed_coordinates_are_read_in_the_ways_people_write_them(string typed, string stored)
    {
        var result = Coordinates.Read(typed, KhuyenCongBot.Tests.Support.TestTexts.Seeds, english: false);
        Assert.True(result.Ok, result.Error);
        Assert.Equal(stored, result.Value);
    }

    [Theory]
    [InlineData("105.8542, 21.0285", "nhầm thứ tự")]
    [InlineData("48.8566, 2.3522", "ngoài Việt Nam")]
    [InlineData("21.0285", "Gõ tọa độ")]
    [InlineData("xã Tiên Lữ", "Gõ tọa độ")]
    [InlineData("21.0285, 105.8542, 3", "Gõ tọa độ")]
    public void Coordinates_that_are_not_a_point_in_Vietnam_are_refused_with_the_reason(string typed, string reason)
    {
        var result = Coordinates.Read(typed, KhuyenCongBot.Tests.Support.TestTexts.Seeds, english: false);
        Assert.False(result.Ok);
        Assert.Contains(reason, result.Error);
    }

    private static Task AnswerUntil(IChatDriver chat, string user, string fieldId) => EvidenceSteps.AnswerUntil(chat, user, fieldId);

    private static Task FinishAndSave(IChatDriver chat, string user) => EvidenceSteps.FinishAndSave(chat, user);

    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    [Fact]
    public async Task Telegram_photos_and_a_shared_location_are_kept_with_the_record_and_listed_in_my_records()
    {
        await using var chat = await TelegramChatDriver.StartAsync(FormTestKit.Today, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        chat.AddUser("o1", Role.Officer, "phu-tho");
        var id = chat.IdOf("o1");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        await chat.SayAsync("o1", "ghi máy móc");
        await AnswerUntil(chat, "o1", "evidence_photos");

        var first = Reporting.AttachmentStoreTests.Jpeg(120_000);
        var second = Reporting.AttachmentStoreTests.Jpeg(80_000);
        var got1 = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, first));
        Assert.Contains("Đã nhận ảnh 1", string.Join("\n", got1.Select(m => m.Text)));
        var got2 = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, second));
        Assert.Contains("Đã nhận ảnh 2", string.Join("\n", got2.Select(m => m.Text)));
        // Not a photo: refused, nothing kept.
        Assert.Contains("Gửi ảnh", Text(await chat.SayAsync("o1", "ảnh đây")));
        var done = Text(await chat.SayAsync("o1", "xong"));
        Assert.Contains("✓ Ảnh minh chứng: 2 ảnh", done);
        Assert.Contains("Gửi vị trí", done);

        var located = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsLocation(id, 21.3269, 105.3938));
        Assert.Contains("✓ Vị trí (tọa độ): 21.326900,105.393800", string.Join("\n", located.Select(m => m.Text)));
        await FinishAndSave(chat, "o1");

        var record = Assert.Single(chat.Store.Records.All());
        Assert.Equal(("2", "21.326900,105.393800"), (record.Extra["evidence_photos"], record.Extra["location"]));
        var files = chat.Store.Attachments.ForRecord(record.Id);
        Assert.Equal(2, files.Count);
        using var copy = new MemoryStream();
        // The clock stands still in tests, so both photos have the same time: find the first by its size.
        Assert.True(chat.Store.Attachments.CopyTo(files.Single(f => f.Length == first.Length).Id, copy));
        Assert.Equal(first, copy.ToArray());
        Assert.Empty(chat.Store.Attachments.ForRecord(DraftPhotos.DraftOwner(chat.Store.Users.FindByIdentity(chat.IdentityOf("o1"))!.Id)));

        await chat.SayAsync("o1", "/cuatoi");
        var shown = Text(await chat.ChooseAsync("o1", 1, chat.Bot.Server.SentTo(id).Last().AllButtons.First().Text));
        output.WriteLine(shown);
        Assert.Contains("📎 2 tệp minh chứng", shown);
    }

    [Fact]
    public async Task Photos_of_a_cancelled_form_are_dropped_and_a_photo_outside_a_form_is_explained()
    {
        await using var chat = await TelegramChatDriver.StartAsync(FormTestKit.Today, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        chat.AddUser("o1", Role.Officer, "phu-tho");
        var id = chat.IdOf("o1");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho" });
        var outside = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, Reporting.AttachmentStoreTests.Jpeg(1000)));
        Assert.Contains("Bot nhận ảnh và vị trí khi đang ghi một phiếu", string.Join("\n", outside.Select(m => m.Text)));
        await chat.SayAsync("o1", "ghi máy móc");
        // A photo at a question that does not ask for one keeps nothing.
        var early = await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, Reporting.AttachmentStoreTests.Jpeg(1000)));
        Assert.Contains("không hỏi ảnh", string.Join("\n", early.Select(m => m.Text)));
        await AnswerUntil(chat, "o1", "evidence_photos");
        await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, Reporting.AttachmentStoreTests.Jpeg(1000)));
        var owner = DraftPhotos.DraftOwner(chat.Store.Users.FindByIdentity(chat.IdentityOf("o1"))!.Id);
        Assert.Single(chat.Store.Attachments.ForRecord(owner));
        // /huy leaves the form with its answers and photos kept as a draft; dropping the draft drops its photos.
        Assert.Contains("giữ làm nháp", Text(await chat.SayAsync("o1", "/huy")));
        Assert.Single(chat.Store.Attachments.ForRecord(owner));
        Assert.Contains("Tiếp tục phiếu đó hay bỏ", Text(await chat.SayAsync("o1", "/ghi")));
        Assert.Contains("Đã bỏ phiếu dở", Text(await chat.SayAsync("o1", "mới")));
        Assert.Empty(chat.Store.Attachments.ForRecord(owner));
        Assert.Empty(chat.Store.Records.All());
    }

    [Fact]
    public async Task On_the_terminal_coordinates_are_typed_and_photos_skipped()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("ghi máy móc", "o1");
        var chat = new TerminalChatDriver(bot);
        await AnswerUntil(chat, "o1", "evidence_photos");
        Assert.Contains("Gõ tọa độ", Text(await chat.SayAsync("o1", "bỏ qua")));
        Assert.Contains("nhầm thứ tự", Text(await chat.SayAsync("o1", "105.3938, 21.3269")));
        Assert.Contains("✓ Vị trí (tọa độ): 21.326900,105.393800", Text(await chat.SayAsync("o1", "21,3269 105,3938")));
        await FinishAndSave(chat, "o1");
        var record = Assert.Single(bot.Store.Records.All());
        Assert.Equal("21.326900,105.393800", record.Extra["location"]);
        Assert.False(record.Extra.ContainsKey("evidence_photos"));
        Assert.Empty(bot.Store.Attachments.ForRecord(record.Id));
    }
}
