using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Text;

public class VnTextTests
{
    [Theory]
    [InlineData("Bao nhiêu GIAN HÀNG  từ đầu năm?", "bao nhieu gian hang tu dau nam?")]
    [InlineData("Thanh Hoá", "thanh hoa")]
    [InlineData("Thanh Hóa", "thanh hoa")]
    [InlineData("ĐỒNG Đăng", "dong dang")]
    [InlineData("Quý I/2024", "quy i/2024")]
    [InlineData("  lũy   kế\t\n", "luy ke")]
    [InlineData("Nghệ An, Hà Tĩnh", "nghe an, ha tinh")]
    [InlineData("ưởng ợ ỹ", "uong o y")]
    [InlineData("Tha\u0300nh pho\u0302\u0301", "thanh pho")] // decomposed input
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold(string? text, string expected) => Assert.Equal(expected, VnText.Fold(text));

    [Theory]
    [InlineData("Thanh Hoá,", "thanh hoa")]
    [InlineData("15/5/2024", "15 5 2024")]
    [InlineData("  Bắc  Ninh!! (mới) ", "bac ninh moi")]
    [InlineData("...", "")]
    public void FoldWords(string text, string expected) => Assert.Equal(expected, VnText.FoldWords(text));

    [Theory]
    [InlineData("Vĩnh Phúc", "vinh-phuc")]
    [InlineData("Thành phố Hà Nội", "thanh-pho-ha-noi")]
    public void Slug(string text, string expected) => Assert.Equal(expected, VnText.Slug(text));

    [Theory]
    [InlineData("bao nhieu gian hang o ha noi", "ha noi", true)]
    [InlineData("bao nhieu gian hang o ha noi", "noi", true)]
    [InlineData("hanoi", "ha", false)]
    [InlineData("x", "", false)]
    public void ContainsWords(string text, string phrase, bool expected) => Assert.Equal(expected, VnText.ContainsWords(text, phrase));

    [Theory]
    [InlineData(1250L, "1.250")]
    [InlineData(0L, "0")]
    [InlineData(1_500_000_000L, "1.500.000.000")]
    [InlineData(-1250L, "-1.250")]
    public void Format_number(long value, string expected) => Assert.Equal(expected, VnFormat.Number(value));

    [Theory]
    [InlineData(4_870_000_000L, "4,87 tỷ đồng")]
    [InlineData(120_000_000L, "120 triệu đồng")]
    [InlineData(1_500_000_000L, "1,5 tỷ đồng")]
    [InlineData(500_000L, "500 nghìn đồng")]
    [InlineData(999L, "999 đồng")]
    [InlineData(999_999_999L, "1 tỷ đồng")]
    [InlineData(999_999L, "1 triệu đồng")]
    [InlineData(994_000L, "994 nghìn đồng")]
    [InlineData(-4_870_000_000L, "-4,87 tỷ đồng")]
    public void Format_money(long vnd, string expected) => Assert.Equal(expected, VnFormat.Money(vnd));

    [Fact]
    public void Format_money_full() => Assert.Equal("1.500.000.000 đồng", VnFormat.MoneyFull(1_500_000_000));

    [Theory]
    [InlineData("0.491", "49,1%")]
    [InlineData("1.537", "153,7%")]
    [InlineData("0.5", "50%")]
    [InlineData("12.3456", "1.234,6%")]
    public void Format_percent(string ratio, string expected) =>
        Assert.Equal(expected, VnFormat.Percent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Format_dates()
    {
        Assert.Equal("05/03/2024", VnFormat.Date(new DateOnly(2024, 3, 5)));
        Assert.Equal("05/03/2024 07:09", VnFormat.DateTime(new DateTimeOffset(2024, 3, 5, 7, 9, 0, TimeSpan.FromHours(7))));
    }
}
