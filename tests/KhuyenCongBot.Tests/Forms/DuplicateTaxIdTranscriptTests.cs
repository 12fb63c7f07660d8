using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>A new facility's tax number that another facility already has is said (the holder named when it is in the officer's
/// province, not otherwise), then kept on confirmation (button or typed again) or changed (issue 15, outside tester).</summary>
public sealed class DuplicateTaxIdTranscriptTests
{
    private static async Task<TerminalChatDriver> AtTaxNumber(string holderProvince)
    {
        var chat = TerminalChatDriver.Start(FormTestKit.Today);
        chat.AddUser("o1", Core.People.Role.Officer, "phu-tho");
        chat.Store.Facilities.Add(new Facility
        {
            Name = "HTX Gốm Phù Lãng", NormalizedName = "htx gom phu lang", ProvinceId = holderProvince, TaxId = "0100109106", CreatedAt = DateTimeOffset.UnixEpoch,
        });
        await chat.SayAsync("o1", "ghi máy móc");
        await chat.SayAsync("o1", "Xưởng mộc Thành Công");
        await chat.SayAsync("o1", "1");
        await chat.SayAsync("o1", "thanh mieu");
        Assert.Contains("Mã số thuế", Text(await chat.SayAsync("o1", "hợp tác xã")));
        return chat;
    }

    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    [Theory]
    [InlineData("phu-tho", "cơ sở \"HTX Gốm Phù Lãng\" (Phú Thọ)", "1")]
    [InlineData("phu-tho", "cơ sở \"HTX Gốm Phù Lãng\" (Phú Thọ)", "0100109106")]
    [InlineData("bac-ninh", "một cơ sở ở tỉnh/thành phố khác", "1")]
    public async Task A_number_another_facility_has_is_said_and_kept_once_confirmed(string holderProvince, string named, string confirm)
    {
        await using var chat = await AtTaxNumber(holderProvince);
        var warned = Text(await chat.SayAsync("o1", "0100109106"));
        Assert.Contains("Mã số 0100109106 đã được ghi cho " + named, warned);
        if (holderProvince != "phu-tho")
        {
            Assert.DoesNotContain("HTX Gốm Phù Lãng", warned);
        }
        Assert.Contains("nhóm được ưu tiên", Text(await chat.SayAsync("o1", confirm)));
        await chat.SayAsync("o1", "không");
        await chat.SayAsync("o1", "bỏ qua");
        await chat.SayAsync("o1", "bỏ qua");
        await FormDriver.FillAndSave(chat.Harness, "o1");
        var created = chat.Store.Facilities.All().Single(f => f.Name == "Xưởng mộc Thành Công");
        Assert.Equal("0100109106", created.TaxId);
    }

    [Fact]
    public async Task Another_number_typed_after_the_warning_is_taken_without_one()
    {
        await using var chat = await AtTaxNumber("phu-tho");
        Assert.Contains("đã được ghi cho", Text(await chat.SayAsync("o1", "0100109106")));
        Assert.Contains("nhóm được ưu tiên", Text(await chat.SayAsync("o1", "0100109106-001")));
    }
}
