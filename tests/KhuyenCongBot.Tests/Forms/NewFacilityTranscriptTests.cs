using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>
/// A new facility on the terminal chat: its commune read against the province's official 2025 list (exact, a numbered short
/// list, or kept as typed once confirmed), then its legal form, tax number and priority groups (Decree 235).
/// </summary>
public sealed class NewFacilityTranscriptTests(ITestOutputHelper output)
{
    /// <summary>Opens a machinery form for a Phú Thọ officer and reaches the commune question of a new facility.</summary>
    private static async Task<TerminalChatDriver> AtCommune(string name = "Xưởng mộc Thành Công")
    {
        var chat = TerminalChatDriver.Start(FormTestKit.Today);
        chat.AddUser("o1", Core.People.Role.Officer, "phu-tho");
        await chat.SayAsync("o1", "ghi máy móc");
        var search = Text(await chat.SayAsync("o1", name));
        Assert.Contains("Tạo mới", search);
        Assert.Contains("xã/phường nào", Text(await chat.SayAsync("o1", "1")));
        return chat;
    }

    private static string Text(IReadOnlyList<string> messages) => string.Join("\n", messages);

    public static TheoryData<string, string, string> ExactRows() => new()
    {
        // typed, stored commune, official code (Phú Thọ)
        { "phường Thanh Miếu", "phường Thanh Miếu", "07909" },
        { "thanh mieu", "phường Thanh Miếu", "07909" },
        { "P. Thanh Miếu", "phường Thanh Miếu", "07909" },
        { "xa tien lu", "xã Tiên Lữ", "08842" },
        { "Tiên Lữ", "xã Tiên Lữ", "08842" },
        // A former province's commune: Vĩnh Yên (Vĩnh Phúc) is in Phú Thọ's list since 1/7/2025.
        { "vinh yen", "phường Vĩnh Yên", "08707" },
        { "08842", "xã Tiên Lữ", "08842" },
    };

    [Theory]
    [MemberData(nameof(ExactRows))]
    public async Task A_commune_of_the_list_is_taken_at_once_and_stored_with_its_code(string typed, string stored, string code)
    {
        await using var chat = await AtCommune();
        var reply = Text(await chat.SayAsync("o1", typed));
        Assert.Contains($"✓ Xã/phường: {stored} (mã {code})", reply);
        Assert.Contains("thuộc loại hình nào", reply);
        await FinishAndSave(chat);
        var facility = Assert.Single(chat.Store.Facilities.All());
        Assert.Equal((stored, code, false), (facility.Commune, facility.CommuneCode, facility.CommuneNotInList));
    }

    [Fact]
    public async Task Only_communes_of_the_official_list_are_offered_as_quick_picks()
    {
        var chat = TerminalChatDriver.Start(FormTestKit.Today);
        await using (chat)
        {
            chat.AddUser("o1", Core.People.Role.Officer, "phu-tho");
            foreach (var (name, commune) in new[] { ("Gốm A", "thị trấn Hương Canh"), ("Gốm B", "thị trấn Hương Canh"), ("Mộc C", "phường Thanh Miếu") })
            {
                chat.Store.Facilities.Add(new Core.Records.Facility { Name = name, ProvinceId = "phu-tho", Commune = commune });
            }
            await chat.SayAsync("o1", "ghi máy móc");
            Assert.Contains("Tạo mới", Text(await chat.SayAsync("o1", "Xưởng mộc Thành Công")));
            var prompt = Text(await chat.SayAsync("o1", "1"));
            output.WriteLine(prompt);
            Assert.Contains("Thanh Miếu", prompt);
            Assert.DoesNotContain("Hương Canh", prompt);
        }
    }

    [Fact]
    public async Task A_typo_offers_a_numbered_short_list_and_the_pick_is_stored()
    {
        await using var chat = await AtCommune();
        var list = Text(await chat.SayAsync("o1", "thanh mieuu"));
        output.WriteLine(list);
        Assert.Contains("gần giống \"thanh mieuu\"", list);
        Assert.Contains("1. Phường Thanh Miếu", list);
        Assert.Contains("Giữ như đã gõ: thanh mieuu", list);
        var taken = Text(await chat.SayAsync("o1", "1"));
        Assert.Contains("✓ Xã/phường: phường Thanh Miếu (mã 07909)", taken);
        await FinishAndSave(chat);
        Assert.Equal("07909", Assert.Single(chat.Store.Facilities.All()).CommuneCode);
    }

    [Fact]
    public async Task A_short_beginning_offers_at_most_five_and_more_of_the_name_narrows_it()
    {
        await using var chat = await AtCommune();
        var list = Text(await chat.SayAsync("o1", "phu"));
        output.WriteLine(list);
        Assert.Contains("5. ", list);
        Assert.Contains("6. ✎ Giữ như đã gõ: phu", list);
        Assert.DoesNotContain("7. ", list);
        // Typing more of the name narrows it down to one.
        Assert.Contains("✓ Xã/phường: phường Phú Thọ", Text(await chat.SayAsync("o1", "phường Phú Thọ")));
    }

    [Fact]
    public async Task An_address_not_in_the_list_is_kept_as_typed_only_after_the_officer_confirms_it()
    {
        await using var chat = await AtCommune();
        var ask = Text(await chat.SayAsync("o1", "Khu công nghiệp Thụy Vân"));
        output.WriteLine(ask);
        Assert.Contains("không có trong danh mục 148 xã, phường, đặc khu của Phú Thọ", ask);
        Assert.DoesNotContain("loại hình", ask);
        // "Type it again" goes back to the question; a real name then is taken.
        Assert.Contains("xã/phường nào", Text(await chat.SayAsync("o1", "2")));
        Assert.Contains("không có trong danh mục", Text(await chat.SayAsync("o1", "Khu công nghiệp Thụy Vân")));
        var kept = Text(await chat.SayAsync("o1", "có"));
        Assert.Contains("✓ Xã/phường: Khu công nghiệp Thụy Vân — ngoài danh mục 2025, giữ như đã gõ", kept);
        await FinishAndSave(chat);
        var facility = Assert.Single(chat.Store.Facilities.All());
        Assert.Equal(("Khu công nghiệp Thụy Vân", null, true), (facility.Commune, facility.CommuneCode, facility.CommuneNotInList));
    }

    [Fact]
    public async Task Back_from_the_short_list_returns_to_the_commune_question_and_a_new_name_is_read_again()
    {
        await using var chat = await AtCommune();
        Assert.Contains("gần giống", Text(await chat.SayAsync("o1", "thanh mieuu")));
        Assert.Contains("xã/phường nào", Text(await chat.SayAsync("o1", "quay lại")));
        Assert.Contains("gần giống", Text(await chat.SayAsync("o1", "thanh mieuu")));
        Assert.Contains("✓ Xã/phường: xã Tiên Lữ", Text(await chat.SayAsync("o1", "Tiên Lữ")));
    }

    public static TheoryData<string, string, string?, string?, string[]?> BeneficiaryRows() => new()
    {
        // legal form typed, stored id, number typed (null: skip), number stored, priority typed -> groups (null: skipped)
        { "HTX", "cooperative", "0100109106", "0100109106", ["women_owned"] },
        { "doanh nghiep", "sme", "0100109106-001", "0100109106-001", [] },
        { "hộ kinh doanh", "household_business", "012345678901", "012345678901", ["women_owned", "ethnic_minority_owned"] },
        { "3", "cooperative_group", null, null, null },
    };

    [Theory]
    [MemberData(nameof(BeneficiaryRows))]
    public async Task The_legal_form_number_and_priority_groups_are_stored_with_the_new_facility(string legal, string legalId, string? number, string? stored, string[]? groups)
    {
        await using var chat = await AtCommune();
        await chat.SayAsync("o1", "thanh mieu");
        var taxQuestion = Text(await chat.SayAsync("o1", legal));
        Assert.Contains("Mã số thuế", taxQuestion);
        var priority = Text(await chat.SayAsync("o1", number ?? "bỏ qua"));
        Assert.Contains("nhóm được ưu tiên", priority);
        var typed = groups switch { null => "bỏ qua", [] => "không", [_] => "phụ nữ", _ => "phụ nữ, dtts" };
        var village = Text(await chat.SayAsync("o1", typed));
        Assert.Contains("làng nghề nào", village);
        await chat.SayAsync("o1", "bỏ qua");
        var summary = Text(await chat.SayAsync("o1", "bỏ qua"));
        Assert.Contains("❓ Máy móc", summary);
        await FormDriver.FillAndSave(chat.Harness, "o1");
        var facility = Assert.Single(chat.Store.Facilities.All());
        Assert.Equal((legalId, stored), (facility.LegalForm, facility.TaxId));
        Assert.Equal(groups, facility.PriorityGroups?.ToArray());
    }

    [Theory]
    [InlineData("0100109107", "chữ số kiểm tra")]
    [InlineData("12345", "không phải mã số thuế")]
    [InlineData("012345678901", "số định danh cá nhân")]
    public async Task A_wrong_number_is_refused_with_the_reason_and_the_question_stays(string typed, string reason)
    {
        await using var chat = await AtCommune();
        await chat.SayAsync("o1", "thanh mieu");
        await chat.SayAsync("o1", "hợp tác xã");
        var refused = Text(await chat.SayAsync("o1", typed));
        Assert.Contains(reason, refused);
        Assert.Contains("Mã số thuế", refused);
        Assert.Contains("nhóm được ưu tiên", Text(await chat.SayAsync("o1", "0100109106")));
    }

    [Fact]
    public async Task A_craft_village_is_not_asked_a_tax_number_and_back_steps_through_every_question()
    {
        await using var chat = await AtCommune("Làng nghề mây tre Phú Thọ");
        await chat.SayAsync("o1", "thanh mieu");
        Assert.Contains("nhóm được ưu tiên", Text(await chat.SayAsync("o1", "làng nghề")));
        Assert.Contains("thuộc loại hình nào", Text(await chat.SayAsync("o1", "quay lại")));
        Assert.Contains("xã/phường nào", Text(await chat.SayAsync("o1", "quay lại")));
        Assert.Contains("✓ Xã/phường: xã Tiên Lữ", Text(await chat.SayAsync("o1", "tien lu")));
        Assert.Contains("Mã số thuế", Text(await chat.SayAsync("o1", "1")));
        Assert.Contains("thuộc loại hình nào", Text(await chat.SayAsync("o1", "quay lại")));
        Assert.Contains("bắt buộc", Text(await chat.SayAsync("o1", "bỏ qua")));
        Assert.Contains("Chưa rõ loại hình", Text(await chat.SayAsync("o1", "công ty hay htx")));
    }

    [Fact]
    public async Task The_priority_question_understands_none_both_and_refuses_a_mixed_answer()
    {
        await using var chat = await AtCommune();
        await FormTestKitTalk(chat, "thanh mieu", "1", "bỏ qua");
        Assert.Contains("Chưa rõ nhóm", Text(await chat.SayAsync("o1", "không phải phụ nữ")));
        Assert.Contains("✓ Nhóm ưu tiên: Do phụ nữ làm chủ, Do người dân tộc thiểu số làm chủ", Text(await chat.SayAsync("o1", "4")));
    }

    private static async Task FormTestKitTalk(TerminalChatDriver chat, params string[] lines)
    {
        foreach (var line in lines)
        {
            await chat.SayAsync("o1", line);
        }
    }

    /// <summary>Answers the rest of the form validly and saves.</summary>
    private static async Task FinishAndSave(TerminalChatDriver chat)
    {
        var transcript = await FormDriver.FillAndSave(chat.Harness, "o1");
        Assert.Contains("Đã lưu bản ghi", transcript);
        Assert.Contains("Đã thêm cơ sở mới", transcript);
    }
}
