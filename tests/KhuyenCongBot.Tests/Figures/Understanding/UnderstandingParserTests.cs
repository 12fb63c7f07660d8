using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Tests.Figures.Questions;
using static KhuyenCongBot.Tests.Figures.Questions.QuestionTestKit;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>What the parser consumes and what it leaves as "not understood" (today is 26/11/2026).</summary>
public class UnderstandingParserTests
{
    private static readonly QuestionParser Parser = new(Catalogue);

    private static string Unknown(QuestionParts p) => string.Join(" | ", p.Unknown);

    [Theory]
    [InlineData("bao nhiêu con gà năm 2025", "con gà")]
    [InlineData("tỉnh Hà Sơn Bình có bao nhiêu gian hàng năm 2024", "tỉnh Hà Sơn Bình")]
    [InlineData("số trâu năm 2025", "trâu")]
    [InlineData("gian hàng sao Hỏa năm 2024", "sao Hỏa")]
    [InlineData("asdf qwer", "asdf qwer")]
    [InlineData("bao nhiêu học sinh năm 2024", "học sinh")]
    [InlineData("gian hàng năm 2024", "")]
    [InlineData("cho mình hỏi số gian hàng năm 2025 ạ", "")]
    [InlineData("bn cs dc ho tro may moc nam 2025", "")]
    [InlineData("kinh phí KCQG năm 2025", "")]
    [InlineData("tỉnh dẫn đầu về gian hàng năm 2024", "")]
    [InlineData("doanh thu của các dự án tư vấn năm 2023", "")]
    [InlineData("how many facilities got machinery support in 2024", "")]
    [InlineData("gian hàng Bắc Giang cũ năm 2023", "")]
    public void Leftover_words_are_quoted_as_typed(string text, string unknown) =>
        Assert.Equal(unknown, Unknown(Parser.Parse(text, Today)));

    [Theory]
    [InlineData("số công nhân của các cơ sở năm 2024", "số công nhân, lao động")]
    [InlineData("lợi nhuận của các cơ sở năm 2025", "lợi nhuận")]
    [InlineData("dân số Bắc Ninh năm 2024", "dân số")]
    [InlineData("what is the weather today", "thời tiết")]
    [InlineData("kinh phí hỗ trợ xuất khẩu năm 2024", null)]
    [InlineData("Lai Châu gian hàng 2024", null)]
    public void Data_the_bot_does_not_hold_is_named(string text, string? what) =>
        Assert.Equal(what, Parser.Parse(text, Today).Unsupported);

    [Theory]
    [InlineData("chào bot, khỏe không?", true, false)]
    [InlineData("xin chào", true, false)]
    [InlineData("cảm ơn bot nhé", false, true)]
    [InlineData("chào bot, gian hàng năm 2024", true, false)]
    [InlineData("gian hàng năm 2024", false, false)]
    public void Greetings_and_thanks(string text, bool greeting, bool thanks)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal((greeting, thanks), (p.Greeting, p.Thanks));
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("kinh phí khuyến công quốc gia năm 2025", FundingSource.Kcqg, "*.funding_vnd")]
    [InlineData("kinh phí KCQG năm 2024", FundingSource.Kcqg, "*.funding_vnd")]
    [InlineData("ngân sách trung ương năm 2024", FundingSource.Kcqg, "*.funding_vnd")]
    [InlineData("kinh phí TW năm 2025", FundingSource.Kcqg, "*.funding_vnd")]
    [InlineData("kinh phí KCĐP quý 1", FundingSource.Kcdp, "*.funding_vnd")]
    [InlineData("kinh phi kcdp nam 2024", FundingSource.Kcdp, "*.funding_vnd")]
    [InlineData("ngân sách tỉnh năm 2025", FundingSource.Kcdp, "*.funding_vnd")]
    [InlineData("khuyến công địa phương năm 2025", FundingSource.Kcdp, "-")]
    [InlineData("vốn đối ứng năm 2025", FundingSource.Counterpart, "*.funding_vnd")]
    [InlineData("vốn đối ứng của cơ sở năm 2025", FundingSource.Counterpart, "*.funding_vnd")]
    [InlineData("kinh phí đối ứng máy móc năm 2024", FundingSource.Counterpart, "machinery.funding_vnd")]
    [InlineData("von doi ung nam 2024", FundingSource.Counterpart, "*.funding_vnd")]
    [InlineData("counterpart funding in 2025", FundingSource.Counterpart, "*.funding_vnd")]
    [InlineData("kinh phí nguồn khác năm 2025", FundingSource.Other, "*.funding_vnd")]
    [InlineData("kinh phí xử lý ô nhiễm nguồn khác năm 2024", FundingSource.Other, "pollution.funding_vnd")]
    [InlineData("kinh phí từ các nguồn khác năm 2024", FundingSource.Other, "*.funding_vnd")]
    [InlineData("riêng nguồn KCQG", FundingSource.Kcqg, "-")]
    [InlineData("kinh phí máy móc nguồn KCQG năm 2024", FundingSource.Kcqg, "machinery.funding_vnd")]
    public void Funding_sources(string text, FundingSource source, string metric)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal(source, p.Source);
        Assert.Equal(metric, Metric(p));
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("kinh phí theo nguồn năm 2025")]
    [InlineData("kinh phí năm 2024 theo từng nguồn")]
    [InlineData("funding by source 2024")]
    public void By_source(string text)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal(Core.Figures.BreakdownBy.Source, p.Breakdown);
        Assert.Null(p.Source);
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("gian hàng tháng 07/2025", "2025-07-01..2025-07-31")]
    [InlineData("gian hàng T7/2025", "2025-07-01..2025-07-31")]
    [InlineData("gian hàng t3/2025", "2025-03-01..2025-03-31")]
    [InlineData("gian hàng tháng 7 năm 2025", "2025-07-01..2025-07-31")]
    [InlineData("gian hàng 10/2025", "2025-10-01..2025-10-31")]
    [InlineData("gian hàng quý 1/2025", "2025-01-01..2025-03-31")]
    [InlineData("gian hàng q1/2024", "2024-01-01..2024-03-31")]
    [InlineData("gian hàng từ 1/3/2024 đến 15/5/2024", "2024-03-01..2024-05-15")]
    [InlineData("gian hàng tính đến hết quý 3 năm 2025", "2025-01-01..2025-09-30")]
    [InlineData("gian hàng tính đến hết quý 3", "2026-01-01..2026-09-30")]
    [InlineData("lũy kế đến tháng 9 năm 2025 gian hàng", "2025-01-01..2025-09-30")]
    [InlineData("gian hàng luỹ kế đến hết tháng 6/2024", "2024-01-01..2024-06-30")]
    [InlineData("gian hàng từ đầu năm 2024 đến hết quý 2", "2024-01-01..2024-06-30")]
    [InlineData("gian hàng đến hết tháng 8", "2026-01-01..2026-08-31")]
    [InlineData("gian hàng 6t đầu năm 2025", "2025-01-01..2025-06-30")]
    public void Months_and_cumulative_periods(string text, string period)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal(period, Period(p));
        Assert.Equal("trade_fair.booths", Metric(p));
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("gian hàng Hanoi 2025", "p:ha-noi")]
    [InlineData("Hanoi booths 2024", "p:ha-noi")]
    [InlineData("gian hàng Bac Ninh province 2024", "p:bac-ninh")]
    [InlineData("gian hàng Ho Chi Minh City 2024", "p:ho-chi-minh")]
    [InlineData("gian hàng HCMC năm 2024", "p:ho-chi-minh")]
    [InlineData("gian hàng Bắc Nin năm 2024", "p:bac-ninh")]
    [InlineData("gian hàng Danang 2024", "p:da-nang")]
    public void Places_in_english_and_with_typos(string text, string scope)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal(scope, p.Scope);
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("gian hnag tu dau nam", "hnag", "hang")]
    [InlineData("doanh thu tư vấn nam 2024 theo tinhh", "tinhh", "tinh")]
    [InlineData("gian hnag gian hnag nam 2024", "hnag", "hang")]
    public void Typos_of_known_words_are_corrected_and_noted(string text, string typed, string read)
    {
        var p = Parser.Parse(text, Today);
        Assert.Contains((typed, read), p.Corrections);
        Assert.Empty(p.Unknown);
    }

    [Theory]
    [InlineData("bao nhiêu htx được hỗ trợ năm 2025", "cooperative", "facilities")]
    [InlineData("hợp tác xã được hỗ trợ năm 2025", "cooperative", "facilities")]
    [InlineData("số công ty được hỗ trợ máy móc năm 2024", "sme", "facilities")]
    [InlineData("kinh phí hỗ trợ các doanh nghiệp năm 2024", "sme", "funding_vnd")]
    [InlineData("bao nhiêu hộ kinh doanh được hỗ trợ năm nay", "household_business", "facilities")]
    [InlineData("bao nhiêu tổ hợp tác được hỗ trợ năm 2024", "cooperative_group", "facilities")]
    [InlineData("bao nhiêu cơ sở do phụ nữ làm chủ được hỗ trợ năm nay", "women_owned", "facilities")]
    [InlineData("bao nhieu co so do phu nu lam chu duoc ho tro nam nay", "women_owned", "facilities")]
    [InlineData("co so nu lam chu duoc ho tro nam 2025", "women_owned", "facilities")]
    [InlineData("kinh phí hỗ trợ cơ sở do người dân tộc thiểu số làm chủ năm 2025", "ethnic_minority_owned", "funding_vnd")]
    [InlineData("bn co so dtts duoc ho tro nam 2025", "ethnic_minority_owned", "facilities")]
    [InlineData("bao nhiêu cơ sở được hỗ trợ năm 2025", null, "facilities")]
    [InlineData("bao nhiêu hợp tác xã do phụ nữ làm chủ được hỗ trợ năm nay", "cooperative+women_owned", "facilities")]
    [InlineData("co so do phu nu dan toc thieu so lam chu nam 2025", "ethnic_minority_owned+women_owned", "facilities")]
    [InlineData("htx và doanh nghiệp được hỗ trợ năm 2025", "cooperative+sme", "facilities")]
    [InlineData("vốn đối ứng của hợp tác xã năm nay", "cooperative", "funding_vnd")]
    [InlineData("von doi ung cua htx nam 2025", "cooperative", "funding_vnd")]
    [InlineData("kinh phí KCQG của hợp tác xã năm 2025", "cooperative", "funding_vnd")]
    [InlineData("bao nhiêu hợp tác xã có vốn đối ứng năm nay", "cooperative", "facilities")]
    public void Legal_forms_and_priority_groups_of_facilities_are_read(string text, string? group, string measure)
    {
        var p = Parser.Parse(text, Today);
        Assert.Equal(group, p.FacilityGroup);
        Assert.Equal(measure, p.Measure);
        Assert.Empty(p.Unknown);
    }

    [Fact]
    public void Every_group_of_the_lexicon_is_a_legal_form_or_priority_group_of_the_beneficiaries_catalogue()
    {
        var lexicon = Lexicon.Load(KhuyenCongBot.Tests.Records.RecordsTestKit.SeedsPath);
        var beneficiaries = KhuyenCongBot.Tests.Reporting.ReportingTestKit.Beneficiaries;
        var ids = beneficiaries.LegalForms.Select(f => f.Id).Concat(beneficiaries.PriorityGroups.Select(g => g.Id)).ToHashSet();
        Assert.All(lexicon.FacilityGroups, g => Assert.Contains(g.Group, ids));
        Assert.All(lexicon.FacilityGroups, g => Assert.DoesNotContain('+', g.Group));
        Assert.Equal(ids.Order(), lexicon.FacilityGroups.Select(g => g.Group).Distinct().Order());
    }

    [Theory]
    [InlineData("hnag", "hang", true)]
    [InlineData("hang", "hang", false)]
    [InlineData("nin", "ninh", true)]
    [InlineData("tinhh", "tinh", true)]
    [InlineData("abcd", "abdc", true)]
    [InlineData("abcd", "badc", false)]
    public void One_edit(string a, string b, bool expected) => Assert.Equal(expected, QuestionNormaliser.OneEditApart(a, b));
}
