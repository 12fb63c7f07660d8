using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Tests.Text;

/// <summary>Folding works without culture data (invariant globalization), for composed and decomposed input.</summary>
public sealed class VnTextFoldingTests
{
    [Theory]
    [InlineData("Bao nhiêu GIAN HÀNG  từ đầu năm?", "bao nhieu gian hang tu dau nam?")]
    [InlineData("Đắk Lắk", "dak lak")]
    [InlineData("Thanh Hoá", "thanh hoa")]
    [InlineData("Thanh Hóa", "thanh hoa")]
    [InlineData("Hòa Bình", "hoa binh")]
    [InlineData("Vĩnh Phúc", "vinh phuc")]
    [InlineData("Thừa Thiên Huế", "thua thien hue")]
    [InlineData("ƯỚC THỰC HIỆN", "uoc thuc hien")]
    [InlineData("Quảng Ngãi", "quang ngai")]
    [InlineData("Thanh Hoa\u0301", "thanh hoa")]
    [InlineData("  a \t b \n", "a b")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Fold_strips_diacritics_and_folds_case(string? input, string expected) => Assert.Equal(expected, VnText.Fold(input));

    [Theory]
    [InlineData("Vĩnh Phúc", "vinh-phuc")]
    [InlineData("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau")]
    [InlineData("Thành phố Hồ Chí Minh", "thanh-pho-ho-chi-minh")]
    public void Slug_is_ascii(string name, string slug) => Assert.Equal(slug, VnText.Slug(name));
}
