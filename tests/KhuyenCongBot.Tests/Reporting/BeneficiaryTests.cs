using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>Beneficiaries as Decree 235 defines them: legal forms, priority groups, tax and registration numbers, award levels.</summary>
public sealed class BeneficiaryTests
{
    private static BeneficiaryCatalogue Beneficiaries => ReportingTestKit.Beneficiaries;

    [Fact]
    public void The_catalogue_has_the_five_legal_forms_and_two_priority_groups_of_the_decree()
    {
        Assert.Equal(["sme", "cooperative", "cooperative_group", "household_business", "craft_village"], Beneficiaries.LegalForms.Select(f => f.Id));
        Assert.Equal(["women_owned", "ethnic_minority_owned"], Beneficiaries.PriorityGroups.Select(g => g.Id));
        Assert.Equal("Hợp tác xã", Beneficiaries.LegalForm("cooperative")!.Name);
        Assert.Equal(RegistrationKind.None, Beneficiaries.LegalForm("craft_village")!.Registration);
        Assert.Equal(RegistrationKind.Household, Beneficiaries.LegalForm("household_business")!.Registration);
    }

    [Theory]
    [InlineData("Hợp tác xã", "cooperative")]
    [InlineData("hop tac xa", "cooperative")]
    [InlineData("HTX", "cooperative")]
    [InlineData("HTX gốm Hương Canh", "cooperative")]
    [InlineData("doanh nghiệp nhỏ và vừa", "sme")]
    [InlineData("doanh nghiep", "sme")]
    [InlineData("Công ty TNHH Gốm Bát Tràng", "sme")]
    [InlineData("cty co phan may tre", "sme")]
    [InlineData("DNTN", "sme")]
    [InlineData("tổ hợp tác", "cooperative_group")]
    [InlineData("to hop tac san xuat", "cooperative_group")]
    [InlineData("Hộ kinh doanh", "household_business")]
    [InlineData("hkd", "household_business")]
    [InlineData("hộ cá thể", "household_business")]
    [InlineData("làng nghề", "craft_village")]
    [InlineData("lang nghe truyen thong", "craft_village")]
    [InlineData("cooperative", "cooperative")]
    [InlineData("xưởng gốm", null)]
    [InlineData("", null)]
    [InlineData("HTX hay công ty", null)]
    [InlineData("hộ kinh doanh trong làng nghề", null)]
    public void The_legal_form_is_read_from_an_answer_or_a_name(string typed, string? expected)
    {
        Assert.Equal(expected, Beneficiaries.FindLegalForm(typed)?.Id);
    }

    [Theory]
    [InlineData("phụ nữ", true, "women_owned")]
    [InlineData("phu nu lam chu", true, "women_owned")]
    [InlineData("Do phụ nữ làm chủ", true, "women_owned")]
    [InlineData("DTTS", true, "ethnic_minority_owned")]
    [InlineData("dân tộc thiểu số", true, "ethnic_minority_owned")]
    [InlineData("phụ nữ, dân tộc thiểu số", true, "women_owned,ethnic_minority_owned")]
    [InlineData("dtts va phu nu", true, "ethnic_minority_owned,women_owned")]
    [InlineData("không", true, "")]
    [InlineData("ko", true, "")]
    [InlineData("Không thuộc nhóm nào", true, "")]
    [InlineData("không phải phụ nữ làm chủ", false, "")]
    [InlineData("chủ là nam", false, "")]
    [InlineData("", false, "")]
    public void Priority_groups_are_read_and_a_negated_answer_is_asked_again(string typed, bool understood, string ids)
    {
        var answer = Beneficiaries.ReadPriorityGroups(typed);
        Assert.Equal(understood, answer.Understood);
        Assert.Equal(ids, string.Join(",", answer.Groups.Select(g => g.Id)));
    }

    [Theory]
    // Real tax codes (Vinamilk, FPT, Viettel) and branches.
    [InlineData("0300588569", RegistrationKind.Enterprise, "0300588569", TaxIdKind.TaxCode, true)]
    [InlineData("0101248141", RegistrationKind.Enterprise, "0101248141", TaxIdKind.TaxCode, true)]
    [InlineData("0100109106", RegistrationKind.Enterprise, "0100109106", TaxIdKind.TaxCode, true)]
    [InlineData(" 0100 109 106 ", RegistrationKind.Enterprise, "0100109106", TaxIdKind.TaxCode, true)]
    [InlineData("0100109106-001", RegistrationKind.Enterprise, "0100109106-001", TaxIdKind.BranchTaxCode, true)]
    [InlineData("0100109106 – 012", RegistrationKind.Enterprise, "0100109106-012", TaxIdKind.BranchTaxCode, true)]
    [InlineData("0100109106001", RegistrationKind.Enterprise, "0100109106-001", TaxIdKind.BranchTaxCode, true)]
    [InlineData("0100109106", RegistrationKind.Household, "0100109106", TaxIdKind.TaxCode, true)]
    // Business households: a personal id or a registration number, accepted by shape only.
    [InlineData("001085012345", RegistrationKind.Household, "001085012345", TaxIdKind.PersonalId, false)]
    [InlineData("01A8001234", RegistrationKind.Household, "01A8001234", TaxIdKind.HouseholdRegistration, false)]
    [InlineData("25f8.003.842", RegistrationKind.Household, "25F8003842", TaxIdKind.HouseholdRegistration, false)]
    public void Numbers_are_accepted_normalised_and_say_whether_a_check_digit_confirmed_them(
        string typed, RegistrationKind kind, string normalized, TaxIdKind recognised, bool checksummed)
    {
        var check = TaxIds.Check(typed, kind);
        Assert.True(check.Ok, check.Problem?.ToString());
        Assert.Equal(normalized, check.Normalized);
        Assert.Equal(recognised, check.Kind);
        Assert.Equal(checksummed, check.Checksummed);
        Assert.Null(check.Problem);
    }

    [Theory]
    [InlineData("0100109107", RegistrationKind.Enterprise, "chữ số kiểm tra")]
    [InlineData("0300588560", RegistrationKind.Household, "chữ số kiểm tra")]
    [InlineData("0100109106-000", RegistrationKind.Enterprise, "001 đến 999")]
    [InlineData("010010910", RegistrationKind.Enterprise, "10 chữ số")]
    [InlineData("01001091061", RegistrationKind.Enterprise, "10 chữ số")]
    [InlineData("001085012345", RegistrationKind.Enterprise, "định danh cá nhân")]
    [InlineData("01A8001234", RegistrationKind.Enterprise, "10 chữ số")]
    [InlineData("abc", RegistrationKind.Household, "hộ kinh doanh")]
    [InlineData("0100109106", RegistrationKind.None, "Làng nghề")]
    public void Wrong_numbers_are_refused_with_the_reason(string typed, RegistrationKind kind, string reason)
    {
        var check = TaxIds.Check(typed, kind);
        Assert.False(check.Ok);
        Assert.Null(check.Normalized);
        Assert.Contains(reason, check.Say(Support.TestTexts.Seeds, english: false));
        Assert.False(string.IsNullOrWhiteSpace(check.Say(Support.TestTexts.Seeds, english: true)));
    }

    [Fact]
    public void An_empty_number_is_fine_the_number_is_optional()
    {
        Assert.Equal(TaxIdCheck.Empty, TaxIds.Check("  ", RegistrationKind.Enterprise));
        Assert.Equal(TaxIdCheck.Empty, Beneficiaries.CheckNumber("craft_village", null));
    }

    [Fact]
    public void Any_single_wrong_digit_of_a_tax_code_is_caught()
    {
        foreach (var valid in new[] { "0300588569", "0101248141", "0100109106" })
        {
            Assert.True(TaxIds.CheckDigitOk(valid));
            for (var position = 0; position < 10; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (valid[position] == digit)
                    {
                        continue;
                    }
                    var wrong = valid[..position] + digit + valid[(position + 1)..];
                    Assert.False(TaxIds.CheckDigitOk(wrong), wrong);
                }
            }
        }
    }

    [Fact]
    public void The_legal_form_chooses_which_numbers_apply()
    {
        Assert.True(Beneficiaries.CheckNumber("household_business", "001085012345").Ok);
        Assert.False(Beneficiaries.CheckNumber("cooperative", "001085012345").Ok);
        Assert.False(Beneficiaries.CheckNumber("craft_village", "0100109106").Ok);
        Assert.True(Beneficiaries.CheckNumber("sme", "0100109106").Ok);
    }

    [Theory]
    [InlineData("tinh", "2024-05-16", true)]
    [InlineData("khu_vuc", "2026-11-26", true)]
    [InlineData("quoc_gia", "2026-11-26", true)]
    [InlineData("huyen", "2024-05-16", true)]
    [InlineData("huyen", "2025-06-30", true)]
    [InlineData("huyen", "2025-07-01", false)]
    [InlineData("huyen", "2026-11-26", false)]
    [InlineData("xa", "2026-11-26", false)]
    public void District_level_awards_exist_only_before_1_7_2025(string level, string date, bool ok)
    {
        var problem = ReportingTestKit.Awards.Check(Support.TestTexts.Seeds, level, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ok, problem is null);
        if (level == "huyen" && !ok)
        {
            Assert.Contains("30/06/2025", problem!.Value.Vi);
            Assert.Contains("cấp tỉnh", problem.Value.Vi);
        }
    }

    [Theory]
    [InlineData("cấp huyện", "huyen")]
    [InlineData("quoc gia", "quoc_gia")]
    [InlineData("Cấp khu vực", "khu_vuc")]
    [InlineData("vùng", "khu_vuc")]
    [InlineData("tinh", "tinh")]
    [InlineData("OCOP 4 sao", null)]
    public void Award_levels_are_read_from_typed_answers(string typed, string? expected)
    {
        Assert.Equal(expected, ReportingTestKit.Awards.Find(typed)?.Id);
    }

    [Fact]
    public void The_levels_offered_depend_on_the_award_date()
    {
        Assert.Equal(["huyen", "tinh", "khu_vuc", "quoc_gia"], ReportingTestKit.Awards.On(new DateOnly(2024, 5, 16)).Select(l => l.Id));
        Assert.Equal(["tinh", "khu_vuc", "quoc_gia"], ReportingTestKit.Awards.On(new DateOnly(2026, 1, 1)).Select(l => l.Id));
    }

    [Fact]
    public void The_award_ids_are_those_the_product_selection_form_stores()
    {
        var form = KhuyenCongBot.Core.Forms.FormCatalogue.Read(Path.Combine(Records.RecordsTestKit.SeedsPath, "forms", "product_award.json"));
        var stored = form.Fields.Single(f => f.Id == "level").Choices.Select(c => c.Value);
        Assert.All(stored, id => Assert.NotNull(ReportingTestKit.Awards.Level(id)));
    }

    [Fact]
    public void Broken_beneficiary_or_award_files_stop_the_start_naming_the_file()
    {
        using (var seeds = ReportingTestKit.CopySeeds())
        {
            seeds.Edit(BeneficiaryCatalogue.FileName, s => s.Replace("\"htx\", ", "\"htx\", \"hộ kinh doanh\", "));
            var ex = Assert.Throws<SeedException>(() => BeneficiaryCatalogue.Load(seeds.Path));
            Assert.Contains(BeneficiaryCatalogue.FileName, ex.Message);
            Assert.Contains("hai mục", ex.Message);
        }
        using (var seeds = ReportingTestKit.CopySeeds())
        {
            seeds.Edit(BeneficiaryCatalogue.FileName, s => s.Replace("\"id\": \"cooperative\"", "\"id\": \"coop\""));
            Assert.Contains("cooperative", Assert.Throws<SeedException>(() => BeneficiaryCatalogue.Load(seeds.Path)).Message);
        }
        using (var seeds = ReportingTestKit.CopySeeds())
        {
            seeds.Edit(AwardLevels.FileName, s => s.Replace("\"id\": \"quoc_gia\"", "\"id\": \"national\""));
            var ex = Assert.Throws<SeedException>(() => AwardLevels.Load(seeds.Path));
            Assert.Contains(AwardLevels.FileName, ex.Message);
            Assert.Contains("quoc_gia", ex.Message);
        }
    }
}
