using System.Globalization;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Text;

public class PeriodParserTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Vi(Period p) => p.Text(TestTexts.Seeds, "vi");

    // today is 2026-11-26 (a Thursday) unless the row says otherwise.
    [Theory]
    [InlineData("hom nay", "2026-11-26", "2026-11-26", "hôm nay (26/11/2026)", "hom nay")]
    [InlineData("Hôm nay có bao nhiêu gian hàng?", "2026-11-26", "2026-11-26", "hôm nay (26/11/2026)", "Hôm nay")]
    [InlineData("hom qua", "2026-11-25", "2026-11-25", "hôm qua (25/11/2026)", "hom qua")]
    [InlineData("yesterday", "2026-11-25", "2026-11-25", "hôm qua (25/11/2026)", "yesterday")]
    [InlineData("tuan nay", "2026-11-23", "2026-11-29", "tuần này (23/11–29/11/2026)", "tuan nay")]
    [InlineData("tuan truoc", "2026-11-16", "2026-11-22", "tuần trước (16/11–22/11/2026)", "tuan truoc")]
    [InlineData("last week", "2026-11-16", "2026-11-22", "tuần trước (16/11–22/11/2026)", "last week")]
    [InlineData("thang nay", "2026-11-01", "2026-11-26", "tháng 11/2026 tính đến nay", "thang nay")]
    [InlineData("thang truoc", "2026-10-01", "2026-10-31", "tháng 10/2026", "thang truoc")]
    [InlineData("this month", "2026-11-01", "2026-11-26", "tháng 11/2026 tính đến nay", "this month")]
    [InlineData("last month", "2026-10-01", "2026-10-31", "tháng 10/2026", "last month")]
    [InlineData("thang 5", "2026-05-01", "2026-05-31", "tháng 5/2026", "thang 5")]
    [InlineData("thang 12", "2025-12-01", "2025-12-31", "tháng 12/2025", "thang 12")]
    [InlineData("so gian hang thang 5 2024 o ha noi", "2024-05-01", "2024-05-31", "tháng 5/2024", "thang 5 2024")]
    [InlineData("thang 5/2024", "2024-05-01", "2024-05-31", "tháng 5/2024", "thang 5/2024")]
    [InlineData("Tháng 05/2024", "2024-05-01", "2024-05-31", "tháng 5/2024", "Tháng 05/2024")]
    [InlineData("thang 2 nam 2024", "2024-02-01", "2024-02-29", "tháng 2/2024", "thang 2 nam 2024")]
    [InlineData("thang 5 nam ngoai", "2025-05-01", "2025-05-31", "tháng 5/2025", "thang 5 nam ngoai")]
    [InlineData("quy 1", "2026-01-01", "2026-03-31", "quý I/2026", "quy 1")]
    [InlineData("quy i", "2026-01-01", "2026-03-31", "quý I/2026", "quy i")]
    [InlineData("quy ii", "2026-04-01", "2026-06-30", "quý II/2026", "quy ii")]
    [InlineData("quy iii", "2026-07-01", "2026-09-30", "quý III/2026", "quy iii")]
    [InlineData("quy iv", "2026-10-01", "2026-12-31", "quý IV/2026", "quy iv")]
    [InlineData("quy i 2024", "2024-01-01", "2024-03-31", "quý I/2024", "quy i 2024")]
    [InlineData("Doanh thu quý I/2024?", "2024-01-01", "2024-03-31", "quý I/2024", "quý I/2024")]
    [InlineData("quy 1 nam 2024", "2024-01-01", "2024-03-31", "quý I/2024", "quy 1 nam 2024")]
    [InlineData("q1 2024", "2024-01-01", "2024-03-31", "quý I/2024", "q1 2024")]
    [InlineData("quy truoc", "2026-07-01", "2026-09-30", "quý III/2026", "quy truoc")]
    [InlineData("6 thang dau nam", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026", "6 thang dau nam")]
    [InlineData("6 thang dau nam 2024", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "6 thang dau nam 2024")]
    [InlineData("6 tháng đầu năm 2024 có bao nhiêu cơ sở", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "6 tháng đầu năm 2024")]
    [InlineData("6 thang cuoi nam", "2026-07-01", "2026-12-31", "6 tháng cuối năm 2026", "6 thang cuoi nam")]
    [InlineData("6 thang cuoi nam 2024", "2024-07-01", "2024-12-31", "6 tháng cuối năm 2024", "6 thang cuoi nam 2024")]
    [InlineData("9 thang", "2026-01-01", "2026-09-30", "9 tháng đầu năm 2026", "9 thang")]
    [InlineData("9 thang nam 2024", "2024-01-01", "2024-09-30", "9 tháng đầu năm 2024", "9 thang nam 2024")]
    [InlineData("9 thang dau nam ngoai", "2025-01-01", "2025-09-30", "9 tháng đầu năm 2025", "9 thang dau nam ngoai")]
    [InlineData("first half of 2024", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "first half of 2024")]
    [InlineData("tu dau nam", "2026-01-01", "2026-11-26", "từ đầu năm 2026 đến 26/11/2026", "tu dau nam")]
    [InlineData("bao nhieu gian hang tu dau nam den nay", "2026-01-01", "2026-11-26", "từ đầu năm 2026 đến 26/11/2026", "tu dau nam den nay")]
    [InlineData("Lũy kế", "2026-01-01", "2026-11-26", "từ đầu năm 2026 đến 26/11/2026", "Lũy kế")]
    [InlineData("year to date", "2026-01-01", "2026-11-26", "từ đầu năm 2026 đến 26/11/2026", "year to date")]
    [InlineData("ytd", "2026-01-01", "2026-11-26", "từ đầu năm 2026 đến 26/11/2026", "ytd")]
    [InlineData("nam nay", "2026-01-01", "2026-12-31", "năm 2026", "nam nay")]
    [InlineData("nam ngoai", "2025-01-01", "2025-12-31", "năm 2025", "nam ngoai")]
    [InlineData("năm trước", "2025-01-01", "2025-12-31", "năm 2025", "năm trước")]
    [InlineData("this year", "2026-01-01", "2026-12-31", "năm 2026", "this year")]
    [InlineData("last year", "2025-01-01", "2025-12-31", "năm 2025", "last year")]
    [InlineData("năm kia", "2024-01-01", "2024-12-31", "năm 2024", "năm kia")]
    [InlineData("so hoc vien nam kia", "2024-01-01", "2024-12-31", "năm 2024", "nam kia")]
    [InlineData("năm trước nữa", "2024-01-01", "2024-12-31", "năm 2024", "năm trước nữa")]
    [InlineData("the year before last", "2024-01-01", "2024-12-31", "năm 2024", "the year before last")]
    [InlineData("quý 2 năm kia", "2024-04-01", "2024-06-30", "quý II/2024", "quý 2 năm kia")]
    [InlineData("6 tháng đầu năm kia", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "6 tháng đầu năm kia")]
    [InlineData("nam 2023", "2023-01-01", "2023-12-31", "năm 2023", "nam 2023")]
    [InlineData("so co so 2023", "2023-01-01", "2023-12-31", "năm 2023", "2023")]
    [InlineData("tu 1/3/2024 den 15/5/2024", "2024-03-01", "2024-05-15", "từ 01/03/2024 đến 15/05/2024", "tu 1/3/2024 den 15/5/2024")]
    [InlineData("Từ 1/3/2024 đến 15/5/2024 có bao nhiêu?", "2024-03-01", "2024-05-15", "từ 01/03/2024 đến 15/05/2024", "Từ 1/3/2024 đến 15/5/2024")]
    [InlineData("tu 1 3 2024 den 15 5 2024", "2024-03-01", "2024-05-15", "từ 01/03/2024 đến 15/05/2024", "tu 1 3 2024 den 15 5 2024")]
    [InlineData("tu 1/3 den 15/5", "2026-03-01", "2026-05-15", "từ 01/03/2026 đến 15/05/2026", "tu 1/3 den 15/5")]
    [InlineData("from 1/3/2024 to 15/5/2024", "2024-03-01", "2024-05-15", "từ 01/03/2024 đến 15/05/2024", "from 1/3/2024 to 15/5/2024")]
    [InlineData("1/3/2024 - 15/5/2024", "2024-03-01", "2024-05-15", "từ 01/03/2024 đến 15/05/2024", "1/3/2024 - 15/5/2024")]
    [InlineData("tu 1/10 den nay", "2026-10-01", "2026-11-26", "từ 01/10/2026 đến 26/11/2026", "tu 1/10 den nay")]
    [InlineData("tu thang 3 den thang 5 nam 2024", "2024-03-01", "2024-05-31", "từ tháng 3 đến tháng 5/2024", "tu thang 3 den thang 5 nam 2024")]
    [InlineData("ngay 15/5/2024", "2024-05-15", "2024-05-15", "ngày 15/05/2024", "ngay 15/5/2024")]
    [InlineData("30 ngay qua", "2026-10-28", "2026-11-26", "30 ngày qua (28/10–26/11/2026)", "30 ngay qua")]
    [InlineData("doanh thu 6 thang dau nam so voi cung ky nam truoc", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026", "6 thang dau nam")]
    [InlineData("gian hang nam nay so voi nam ngoai", "2026-01-01", "2026-12-31", "năm 2026", "nam nay")]
    [InlineData("Quy\u0301 I/2024 nhe\u0301", "2024-01-01", "2024-03-31", "quý I/2024", "Quy\u0301 I/2024")] // decomposed input
    [InlineData("q1/2024", "2024-01-01", "2024-03-31", "quý I/2024", "q1/2024")]
    [InlineData("QUÝ IV NĂM 2025", "2025-10-01", "2025-12-31", "quý IV/2025", "QUÝ IV NĂM 2025")]
    [InlineData("h1 2024", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "h1 2024")]
    [InlineData("second half of 2024", "2024-07-01", "2024-12-31", "6 tháng cuối năm 2024", "second half of 2024")]
    [InlineData("6 thang dau nam nay", "2026-01-01", "2026-06-30", "6 tháng đầu năm 2026", "6 thang dau nam nay")]
    [InlineData("nửa đầu năm 2024", "2024-01-01", "2024-06-30", "6 tháng đầu năm 2024", "nửa đầu năm 2024")]
    [InlineData("tu dau nam 2024", "2024-01-01", "2024-12-31", "năm 2024", "tu dau nam 2024")]
    [InlineData("luy ke tu dau nam den 30/6", "2026-01-01", "2026-06-30", "từ đầu năm 2026 đến 30/06/2026", "luy ke tu dau nam den 30/6")]
    [InlineData("thang 10", "2026-10-01", "2026-10-31", "tháng 10/2026", "thang 10")]
    [InlineData("bao cao thang 11.", "2026-11-01", "2026-11-30", "tháng 11/2026", "thang 11")]
    [InlineData("ngay 15 thang 5 nam 2024", "2024-05-15", "2024-05-15", "ngày 15/05/2024", "ngay 15 thang 5 nam 2024")]
    [InlineData("ho tro ngay 15/5", "2026-05-15", "2026-05-15", "ngày 15/05/2026", "ngay 15/5")]
    [InlineData("hôm kia", "2026-11-24", "2026-11-24", "hôm kia (24/11/2026)", "hôm kia")]
    [InlineData("3 thang gan day", "2026-08-27", "2026-11-26", "3 tháng qua (27/08–26/11/2026)", "3 thang gan day")]
    // Everything recorded so far.
    [InlineData("co so duoc ho tro tu truoc den nay", "2000-01-01", "2026-11-26", "từ trước đến nay (mọi số liệu đến 26/11/2026)", "tu truoc den nay")]
    [InlineData("gian hàng từ trước tới giờ", "2000-01-01", "2026-11-26", "từ trước đến nay (mọi số liệu đến 26/11/2026)", "từ trước tới giờ")]
    [InlineData("booths of all time", "2000-01-01", "2026-11-26", "từ trước đến nay (mọi số liệu đến 26/11/2026)", "of all time")]
    // Several years: the last N calendar years up to today, a year to today, a range of whole years.
    [InlineData("3 nam qua", "2024-01-01", "2026-11-26", "3 năm qua, từ năm 2024 đến nay", "3 nam qua")]
    [InlineData("gian hàng 3 năm gần đây", "2024-01-01", "2026-11-26", "3 năm qua, từ năm 2024 đến nay", "3 năm gần đây")]
    [InlineData("10 năm qua", "2017-01-01", "2026-11-26", "10 năm qua, từ năm 2017 đến nay", "10 năm qua")]
    [InlineData("trong 5 nam tro lai day", "2022-01-01", "2026-11-26", "5 năm qua, từ năm 2022 đến nay", "trong 5 nam tro lai day")]
    [InlineData("booths in the last 3 years", "2024-01-01", "2026-11-26", "3 năm qua, từ năm 2024 đến nay", "the last 3 years")]
    [InlineData("past 2 years", "2025-01-01", "2026-11-26", "2 năm qua, từ năm 2025 đến nay", "past 2 years")]
    [InlineData("6 tháng qua", "2026-05-27", "2026-11-26", "6 tháng qua (27/05–26/11/2026)", "6 tháng qua")]
    [InlineData("last 3 months", "2026-08-27", "2026-11-26", "3 tháng qua (27/08–26/11/2026)", "last 3 months")]
    [InlineData("từ năm 2020 đến nay", "2020-01-01", "2026-11-26", "từ năm 2020 đến nay", "từ năm 2020 đến nay")]
    [InlineData("tu 2020 den nay", "2020-01-01", "2026-11-26", "từ năm 2020 đến nay", "tu 2020 den nay")]
    [InlineData("since 2021", "2021-01-01", "2026-11-26", "từ năm 2021 đến nay", "since 2021")]
    [InlineData("từ 2020 đến 2024", "2020-01-01", "2024-12-31", "giai đoạn 2020–2024", "từ 2020 đến 2024")]
    [InlineData("tu nam 2020 den nam 2024", "2020-01-01", "2024-12-31", "giai đoạn 2020–2024", "tu nam 2020 den nam 2024")]
    [InlineData("giai đoạn 2021-2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025", "giai đoạn 2021-2025")]
    [InlineData("giai doan 2021 2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025", "giai doan 2021 2025")]
    [InlineData("kinh phí 2021 - 2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025", "2021 - 2025")]
    [InlineData("2021–2025", "2021-01-01", "2025-12-31", "giai đoạn 2021–2025", "2021–2025")]
    [InlineData("from 2020 to 2024", "2020-01-01", "2024-12-31", "giai đoạn 2020–2024", "from 2020 to 2024")]
    [InlineData("between 2022 and 2024", "2022-01-01", "2024-12-31", "giai đoạn 2022–2024", "between 2022 and 2024")]
    public void Finds_period(string text, string from, string to, string label, string matched)
    {
        Assert.True(PeriodParser.TryFind(text, new DateOnly(2026, 11, 26), out var period, out var m), text);
        Assert.Equal(D(from), period.From);
        Assert.Equal(D(to), period.To);
        Assert.Equal(label, Vi(period));
        Assert.Equal(matched, m);
        Assert.Contains(m, text);
    }

    [Theory]
    [InlineData("thang 5", "2026-03-10", "2025-05-01", "2025-05-31")]
    [InlineData("thang 3", "2026-03-10", "2026-03-01", "2026-03-31")]
    [InlineData("quy iv", "2026-03-10", "2025-10-01", "2025-12-31")]
    [InlineData("tuan nay", "2026-01-01", "2025-12-29", "2026-01-04")]
    [InlineData("tuan nay", "2026-11-23", "2026-11-23", "2026-11-29")]
    [InlineData("tuan nay", "2026-11-29", "2026-11-23", "2026-11-29")]
    [InlineData("thang truoc", "2026-01-15", "2025-12-01", "2025-12-31")]
    [InlineData("quy truoc", "2026-02-01", "2025-10-01", "2025-12-31")]
    [InlineData("hom qua", "2026-03-01", "2026-02-28", "2026-02-28")]
    [InlineData("tu dau nam", "2024-02-29", "2024-01-01", "2024-02-29")]
    [InlineData("nam kia", "2027-01-01", "2025-01-01", "2025-12-31")]
    public void Relative_to_other_days(string text, string today, string from, string to)
    {
        Assert.True(PeriodParser.TryFind(text, D(today), out var period, out _));
        Assert.Equal((D(from), D(to)), (period.From, period.To));
    }

    [Fact]
    public void Week_label_across_years()
    {
        Assert.True(PeriodParser.TryFind("tuan nay", D("2026-01-01"), out var period, out _));
        Assert.Equal("tuần này (29/12/2025–04/01/2026)", Vi(period));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bao nhieu gian hang o ha noi")]
    [InlineData("co 1250 gian hang")]
    [InlineData("quy khuyen cong")]
    [InlineData("tu 31/2/2024 den 15/5/2024")]
    [InlineData("thang 13")]
    [InlineData("nam 1999")]
    [InlineData("doanh thu 1.5 ty")]
    [InlineData("so voi cung ky nam truoc")]
    [InlineData("tu 15/5/2024 den 1/3/2024")]
    [InlineData("giai doan 2025-2021")]
    [InlineData("tu nam 2030 den nay")]
    [InlineData("0 nam qua")]
    public void Finds_nothing(string text)
    {
        Assert.False(PeriodParser.TryFind(text, new DateOnly(2026, 11, 26), out _, out _));
    }

    [Fact]
    public void Matched_text_can_be_removed_from_the_input()
    {
        const string text = "Có bao nhiêu gian hàng 6 tháng đầu năm 2024 ở Hà Nội?";
        Assert.True(PeriodParser.TryFind(text, new DateOnly(2026, 11, 26), out _, out var matched));
        Assert.Equal("Có bao nhiêu gian hàng  ở Hà Nội?", text.Replace(matched, ""));
    }

    [Fact]
    public void Works_on_text_folded_by_FoldWords()
    {
        var folded = VnText.FoldWords("Số gian hàng quý I/2024");
        Assert.True(PeriodParser.TryFind(folded, new DateOnly(2026, 11, 26), out var period, out var matched));
        Assert.Equal("quý I/2024", Vi(period));
        Assert.Equal("quy i 2024", matched);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-06-30", "2023-01-01", "2023-06-30", "6 tháng đầu năm 2023")]
    [InlineData("2024-01-01", "2024-03-31", "2023-01-01", "2023-03-31", "quý I/2023")]
    [InlineData("2026-01-01", "2026-11-26", "2025-01-01", "2025-11-26", "từ 01/01/2025 đến 26/11/2025")]
    [InlineData("2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28", "ngày 28/02/2023")]
    [InlineData("2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28", "tháng 2/2023")]
    [InlineData("2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29", "tháng 2/2024")]
    [InlineData("2024-07-01", "2024-12-31", "2023-07-01", "2023-12-31", "6 tháng cuối năm 2023")]
    [InlineData("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31", "năm 2023")]
    [InlineData("2024-03-01", "2024-05-15", "2023-03-01", "2023-05-15", "từ 01/03/2023 đến 15/05/2023")]
    [InlineData("2026-11-23", "2026-11-29", "2025-11-23", "2025-11-29", "từ 23/11/2025 đến 29/11/2025")]
    public void Same_period_last_year(string from, string to, string expFrom, string expTo, string label)
    {
        var last = new Period(D(from), D(to), "x").SamePeriodLastYear();
        Assert.Equal((D(expFrom), D(expTo), label), (last.From, last.To, Vi(last)));
    }

    [Fact]
    public void Same_period_last_year_of_parsed_ytd()
    {
        Assert.True(PeriodParser.TryFind("tu dau nam", new DateOnly(2026, 11, 26), out var period, out _));
        Assert.Equal("từ 01/01/2025 đến 26/11/2025", Vi(period.SamePeriodLastYear()));
    }

    [Theory]
    [InlineData("doanh thu so voi cung ky", true)]
    [InlineData("So với cùng kỳ năm trước", true)]
    [InlineData("tăng bao nhiêu so với năm ngoái", true)]
    [InlineData("doanh thu nam nay", false)]
    public void Mentions_same_period(string text, bool expected) =>
        Assert.Equal(expected, PeriodParser.MentionsSamePeriodLastYear(text));
}
