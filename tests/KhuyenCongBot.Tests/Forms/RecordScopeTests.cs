using System.Globalization;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Records and facilities are checked against the person's province as it is now, whatever a button or an older answer says.</summary>
public sealed class RecordScopeTests
{
    [Fact]
    public async Task An_officer_moved_to_another_province_no_longer_sees_or_changes_the_old_records()
    {
        using var bot = FormTestKit.WithOfficer();
        await bot.Say("/ghi hội chợ", "o1");
        Assert.Contains("Đã lưu bản ghi số", await FormDriver.FillAndSave(bot, "o1"));
        var record = Assert.Single(bot.Store.Records.All());
        var id = record.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Contains("#" + id, await bot.Say("/cuatoi", "o1"));

        var officer = bot.Store.Users.FindByIdentity("terminal:o1")!;
        officer.ScopeId = "ha-noi";
        bot.Store.Users.Update(officer);

        Assert.Contains("chưa ghi bản ghi nào", await bot.Say("/cuatoi", "o1"));
        foreach (var data in new[] { "f:r:", "f:re:", "f:rd:", "f:rdy:", "f:again:" })
        {
            var reply = string.Join("\n", (await bot.Press(data + id, "o1")).Select(r => r.Text));
            Assert.True(reply.Contains("Không tìm thấy bản ghi số " + id), data + ": " + reply);
            Assert.DoesNotContain("Gốm", reply);
        }
        Assert.NotNull(bot.Store.Records.Get(record.Id));
    }

    [Fact]
    public async Task A_facility_of_another_province_than_the_record_is_asked_again_before_saving()
    {
        using var bot = FormTestKit.WithOfficer();
        bot.AddUser("admin", Role.Admin);
        await bot.Say("/ghi hội chợ", "admin");
        await bot.Say("Phú Thọ", "admin");
        Assert.Contains("Gốm Phù Lãng", await bot.Say("Gốm Phù Lãng", "admin"));
        for (var i = 0; i < 20 && FormDriver.NextAnswer(bot, "admin") is { } answer && answer != "lưu"; i++)
        {
            await bot.Say(answer, "admin");
        }
        await bot.Say("sửa 1", "admin");
        await bot.Say("Hà Nội", "admin");

        var reply = await bot.Say("lưu", "admin");
        Assert.Contains("không thuộc tỉnh/thành phố của bản ghi", reply);
        Assert.Empty(bot.Store.Records.All());
        // Picking a Hà Nội facility then saves under Hà Nội.
        await bot.Say("Gốm Bát Tràng", "admin");
        Assert.Contains("Đã lưu bản ghi số", await FormDriver.FillAndSave(bot, "admin"));
        var saved = Assert.Single(bot.Store.Records.All());
        Assert.Equal(("ha-noi", "Gốm Bát Tràng"), (saved.ProvinceId, saved.FacilityName));
    }
}
