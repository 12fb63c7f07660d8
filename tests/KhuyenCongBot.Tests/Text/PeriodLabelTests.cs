using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Text;

/// <summary>
/// Period labels are text keys with values (issue 16), shown in the reader's language: the Vietnamese as it always was, the English
/// with no Vietnamese word; a question stored with a label reads back the same, and one stored by an older version (a string) still loads.
/// </summary>
public sealed class PeriodLabelTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static Period Parse(string text)
    {
        Assert.True(PeriodParser.TryFind(text, Today, out var period, out _), text);
        return period;
    }

    [Theory]
    [InlineData("năm 2025", "năm 2025", "2025")]
    [InlineData("quý 1/2025", "quý I/2025", "Q1 2025")]
    [InlineData("tháng 5/2024", "tháng 5/2024", "May 2024")]
    [InlineData("6 tháng đầu năm 2024", "6 tháng đầu năm 2024", "first 6 months of 2024")]
    [InlineData("6 tháng cuối năm 2024", "6 tháng cuối năm 2024", "last 6 months of 2024")]
    [InlineData("từ tháng 3 đến tháng 5 năm 2024", "từ tháng 3 đến tháng 5/2024", "March–May 2024")]
    [InlineData("quý 1 đến quý 3 năm 2025", "từ quý I đến quý III/2025", "Q1–Q3 2025")]
    [InlineData("lũy kế đến hết quý 3 năm 2025", "lũy kế từ đầu năm 2025 đến hết quý III/2025", "cumulative from the start of 2025 to the end of Q3 2025")]
    [InlineData("lũy kế đến tháng 9/2025", "lũy kế từ đầu năm 2025 đến hết tháng 9/2025", "cumulative from the start of 2025 to the end of September 2025")]
    [InlineData("từ đầu năm đến nay", "từ đầu năm 2026 đến 26/11/2026", "from the start of 2026 to 26/11/2026")]
    [InlineData("tuần này", "tuần này (23/11–29/11/2026)", "this week (23/11–29/11/2026)")]
    [InlineData("tuần trước", "tuần trước (16/11–22/11/2026)", "last week (16/11–22/11/2026)")]
    [InlineData("hôm nay", "hôm nay (26/11/2026)", "today (26/11/2026)")]
    [InlineData("hôm qua", "hôm qua (25/11/2026)", "yesterday (25/11/2026)")]
    [InlineData("tháng này", "tháng 11/2026 tính đến nay", "November 2026 so far")]
    [InlineData("tháng trước", "tháng 10/2026", "October 2026")]
    [InlineData("từ tháng 7 đến nay", "từ tháng 7/2026 đến nay (01/07–26/11/2026)", "from July 2026 to date (01/07–26/11/2026)")]
    [InlineData("từ quý 2/2025 đến nay", "từ quý II/2025 đến nay (01/04/2025–26/11/2026)", "from Q2 2025 to date (01/04/2025–26/11/2026)")]
    [InlineData("30 ngày qua", "30 ngày qua (28/10–26/11/2026)", "last 30 days (28/10–26/11/2026)")]
    [InlineData("3 tháng qua", "3 tháng qua (27/08–26/11/2026)", "last 3 months (27/08–26/11/2026)")]
    [InlineData("3 năm qua", "3 năm qua, từ năm 2024 đến nay", "last 3 years, from 2024 to date")]
    [InlineData("từ năm 2020 đến nay", "từ năm 2020 đến nay", "from 2020 to date")]
    [InlineData("giai đoạn 2021-2025", "giai đoạn 2021–2025", "2021–2025")]
    [InlineData("từ 1/3/2024 đến 15/5/2024", "từ 01/03/2024 đến 15/05/2024", "01/03/2024 to 15/05/2024")]
    [InlineData("ngày 15/5/2024", "ngày 15/05/2024", "15/05/2024")]
    [InlineData("từ trước đến nay", "từ trước đến nay (mọi số liệu đến 26/11/2026)", "all records up to 26/11/2026")]
    [InlineData("Q1 2025", "quý I/2025", "Q1 2025")]
    [InlineData("first half 2024", "6 tháng đầu năm 2024", "first 6 months of 2024")]
    public void A_period_reads_the_same_in_Vietnamese_and_in_English_words(string text, string vi, string en)
    {
        var period = Parse(text);
        Assert.Equal(vi, period.Text(TestTexts.Seeds, "vi"));
        Assert.Equal(en, period.Text(TestTexts.Seeds, "en"));
        Assert.Equal(en, period.Text(TestTexts.Seeds, "en-US"));
        Assert.DoesNotMatch(VietnameseLetter, period.Text(TestTexts.Seeds, "en"));
    }

    internal const string VietnameseLetter = "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]";

    [Theory]
    [InlineData("2024-01-01", "2024-06-30", "6 tháng đầu năm 2023", "first 6 months of 2023")]
    [InlineData("2024-01-01", "2024-03-31", "quý I/2023", "Q1 2023")]
    [InlineData("2026-01-01", "2026-11-26", "từ 01/01/2025 đến 26/11/2025", "01/01/2025 to 26/11/2025")]
    [InlineData("2026-11-23", "2026-11-29", "từ 23/11/2025 đến 29/11/2025", "23/11/2025 to 29/11/2025")]
    [InlineData("2024-02-01", "2024-02-29", "tháng 2/2023", "February 2023")]
    public void The_same_period_last_year_is_labelled_from_its_dates(string from, string to, string vi, string en)
    {
        var last = new Period(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), "x").SamePeriodLastYear();
        Assert.Equal(vi, last.Text(TestTexts.Seeds, "vi"));
        Assert.Equal(en, last.Text(TestTexts.Seeds, "en"));
    }

    [Theory]
    [InlineData("lũy kế đến hết quý 3 năm 2025")]
    [InlineData("tháng này")]
    [InlineData("từ quý 2/2025 đến nay")]
    [InlineData("3 tháng qua")]
    [InlineData("từ trước đến nay")]
    public void A_question_stored_with_its_label_reads_it_back(string text)
    {
        var period = Parse(text);
        var stored = new Question { Measure = "booths" }.WithPeriod(period) with { VsFrom = period.From, VsTo = period.To, VsLabel = period.Label };
        var back = Question.FromJson(stored.ToJson())!;
        Assert.Equal(period, back.Period);
        Assert.Equal(period.Label, back.VsLabel);
        Assert.Equal(period.Text(TestTexts.Seeds, "en"), back.Period.Text(TestTexts.Seeds, "en"));
    }

    /// <summary>A conversation stored by an older version holds the label as a Vietnamese string: Vietnamese shows it as it was, English describes the dates.</summary>
    [Theory]
    [InlineData("""{"m":"booths","f":"2025-01-01","t":"2025-12-31","l":"năm 2025","vf":"2024-01-01","vt":"2024-12-31","vl":"năm 2024"}""", "năm 2025", "2025", "2024")]
    [InlineData("""{"m":"booths","f":"2026-01-01","t":"2026-11-26","l":"từ đầu năm 2026 đến nay"}""", "từ đầu năm 2026 đến nay", "01/01/2026 to 26/11/2026", null)]
    [InlineData("""{"m":"booths","f":"2000-01-01","t":"2026-11-26","l":"từ trước đến nay (mọi số liệu đến 26/11/2026)"}""", "từ trước đến nay (mọi số liệu đến 26/11/2026)", "all records up to 26/11/2026", null)]
    public void A_question_stored_by_an_older_version_still_loads(string json, string vi, string en, string? vsEn)
    {
        var q = Question.FromJson(json);
        Assert.NotNull(q);
        Assert.Equal(vi, q.Period.Text(TestTexts.Seeds, "vi"));
        Assert.Equal(en, q.Period.Text(TestTexts.Seeds, "en"));
        if (vsEn is not null)
        {
            Assert.Equal(vsEn, ComparisonText.BasePeriod(q).Text(TestTexts.Seeds, "en"));
        }
        Assert.Equal(vi, Question.FromJson(q.ToJson())!.Period.Text(TestTexts.Seeds, "vi"));
    }

    [Fact]
    public void A_label_is_stored_as_its_key_and_values()
    {
        var json = new Question().WithPeriod(Parse("lũy kế đến hết quý 3 năm 2025")).ToJson();
        Assert.Contains("""
            "l":{"k":"period.cumulative","a":[2025,{"k":"period.quarter","a":[3,2025]}]}
            """.Trim(), json);
        Assert.DoesNotContain("lũy kế", json);
    }
}
