using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Text;

/// <summary>Numbers as each language writes them: an English reader must never read "4,87 billion" as 487 billion.</summary>
public class NumberTextTests
{
    [Theory]
    [InlineData(1250L, false, "1.250")]
    [InlineData(1250L, true, "1,250")]
    [InlineData(-1300000L, true, "-1,300,000")]
    [InlineData(999L, true, "999")]
    public void Number(long value, bool english, string expected) => Assert.Equal(expected, NumberText.For(english).Number(value));

    [Theory]
    [InlineData("4.8712", 2, false, "4,87")]
    [InlineData("4.8712", 2, true, "4.87")]
    [InlineData("1234.5", 1, true, "1,234.5")]
    [InlineData("5.00", 2, true, "5")]
    public void Decimal(string value, int decimals, bool english, string expected) =>
        Assert.Equal(expected, NumberText.For(english).Decimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("0.491", false, "49,1%")]
    [InlineData("0.491", true, "49.1%")]
    [InlineData("1.2345", true, "123.5%")]
    public void Percent(string ratio, bool english, string expected) =>
        Assert.Equal(expected, NumberText.For(english).Percent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(4_870_000_000L, false, "4,87 tỷ đồng")]
    [InlineData(4_870_000_000L, true, "4.87 billion VND")]
    [InlineData(120_000_000L, true, "120 million VND")]
    [InlineData(999_999_999L, true, "1 billion VND")]
    [InlineData(85_000L, true, "85 thousand VND")]
    [InlineData(850L, true, "850 VND")]
    [InlineData(1_300_000_000_000L, true, "1,300 billion VND")]
    public void Money(long vnd, bool english, string expected) => Assert.Equal(expected, NumberText.For(english).Money(vnd));

    [Theory]
    [InlineData(1_500_000_000L, false, "1.500.000.000 đồng")]
    [InlineData(1_500_000_000L, true, "1,500,000,000 VND")]
    public void MoneyFull(long vnd, bool english, string expected) => Assert.Equal(expected, NumberText.For(english).MoneyFull(vnd));

    [Fact]
    public void VnFormat_is_the_Vietnamese_writer()
    {
        Assert.Equal(NumberText.Vi.Money(4_870_000_000L), VnFormat.Money(4_870_000_000L));
        Assert.Equal(NumberText.Vi.Percent(0.491m), VnFormat.Percent(0.491m));
        Assert.False(NumberText.Vi.English);
        Assert.True(NumberText.En.English);
    }
}
