using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Deleting a record from /cuatoi keeps its photos; undoing the delete brings the record back under its number with them.</summary>
public sealed class EvidenceDeleteTests
{
    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    [Fact]
    public async Task A_deleted_record_keeps_its_photos_and_the_undo_brings_both_back()
    {
        await using var chat = await TelegramChatDriver.StartAsync(FormTestKit.Today, settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" });
        chat.AddUser("o1", Role.Officer, "phu-tho");
        var id = chat.IdOf("o1");
        chat.Store.Facilities.Add(new Facility { Name = "Gốm Phù Lãng", NormalizedName = "gom phu lang", ProvinceId = "phu-tho", Commune = "xã Phù Lãng" });
        await chat.SayAsync("o1", "ghi máy móc");
        await EvidenceSteps.AnswerUntil(chat, "o1", "evidence_photos");
        var photo = Reporting.AttachmentStoreTests.Jpeg(40_000);
        await chat.Bot.Deliver(id, () => chat.Bot.Server.UserSendsPhoto(id, photo));
        await chat.SayAsync("o1", "xong");
        await chat.SayAsync("o1", "21.3269, 105.3938");
        await EvidenceSteps.FinishAndSave(chat, "o1");
        var saved = Assert.Single(chat.Store.Records.All());

        await chat.SayAsync("o1", "/cuatoi");
        await chat.ChooseAsync("o1", 1, chat.Bot.Server.SentTo(id).Last().AllButtons.First().Text);
        await chat.ChooseAsync("o1", 2, "🗑 Xóa");
        var deleted = Text(await chat.ChooseAsync("o1", 1, "🗑 Xóa hẳn"));
        Assert.Contains($"Đã xóa bản ghi số {saved.Id}", deleted);
        Assert.Empty(chat.Store.Records.All());
        // The photo is kept under the record's number (never given to another record).
        var kept = Assert.Single(chat.Store.Attachments.ForRecord(saved.Id));

        var restored = Text(await chat.ChooseAsync("o1", 1, "↩ Hoàn tác (khôi phục bản ghi)"));
        Assert.Contains($"Đã khôi phục bản ghi số {saved.Id}", restored);
        Assert.Contains("📎 1 tệp minh chứng", restored);
        var back = Assert.Single(chat.Store.Records.All());
        Assert.Equal(CsvRecordImporter.Fingerprint(saved), CsvRecordImporter.Fingerprint(back));
        Assert.Equal((saved.Id, saved.CreatedAt, saved.Split), (back.Id, back.CreatedAt, back.Split));
        using var bytes = new MemoryStream();
        Assert.True(chat.Store.Attachments.CopyTo(kept.Id, bytes));
        Assert.Equal(photo, bytes.ToArray());

        // Pressed again: the record is there, nothing doubles.
        Assert.Contains("vẫn còn", Text(await chat.ChooseAsync("o1", 1, "↩ Hoàn tác (khôi phục bản ghi)")));
        Assert.Single(chat.Store.Records.All());
        Assert.Equal(["create", "delete", "restore"], chat.Store.Audit.ForEntity("record", saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(e => e.Action).ToList());
    }
}
