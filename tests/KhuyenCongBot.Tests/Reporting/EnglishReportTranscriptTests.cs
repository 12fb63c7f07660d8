using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reporting;

/// <summary>
/// /baocao for an English reader: the report paragraph in English with English numbers ("1,300 booths", "4.87 billion VND", "49.1%");
/// the Vietnamese paragraph, pasted into provincial reports, stays word for word what it was.
/// </summary>
public sealed class EnglishReportTranscriptTests(ITestOutputHelper output)
{
    private static BotHarness Bot()
    {
        var bot = BotHarness.Create(new DateOnly(2026, 11, 26), demo: true);
        bot.AddUser("a", Role.Admin);
        bot.AddUser("pt", Role.Officer, "phu-tho");
        return bot;
    }

    /// <summary>The paragraph of a reply: its first line (the projects' sentence and the buttons follow).</summary>
    private static string Paragraph(string reply) => reply.Split('\n')[0];

    [Theory]
    [InlineData("/baocao năm 2025", "a")]
    [InlineData("/report 6 tháng đầu năm 2024", "a")]
    [InlineData("/baocao năm 2025", "pt")]
    public async Task An_English_reader_gets_the_report_paragraph_in_English_with_English_numbers(string command, string user)
    {
        using var bot = Bot();
        var reply = await bot.Say(command, user, "en");
        output.WriteLine(reply);
        // Province names are proper nouns and keep their marks.
        var paragraph = bot.Catalogue.Provinces.SelectMany(p => new[] { p.Name, p.ShortName }).Where(x => x.Length > 0).OrderByDescending(x => x.Length)
            .Aggregate(Paragraph(reply), (text, name) => text.Replace(name, "P", StringComparison.Ordinal));
        // No Vietnamese word with its marks (province names aside), no Vietnamese number ("1.300", "4,87", "tỷ đồng").
        Assert.DoesNotMatch(@"[à-ỹÀ-Ỹđ]", paragraph);
        Assert.DoesNotMatch(@"\d\.\d{3}(?!\d)|\d,\d{1,2}(?!\d)", paragraph);
        Assert.DoesNotContain("đồng", paragraph);
        Assert.Matches(@"\d", paragraph);
    }

    [Fact]
    public async Task The_English_paragraph_reads_like_the_Vietnamese_one_with_English_numbers()
    {
        using var bot = Bot();
        var paragraph = Paragraph(await bot.Say("/baocao 6 tháng đầu năm 2024", "a", "en"));
        output.WriteLine(paragraph);
        Assert.StartsWith("According to estimated figures for first 6 months of 2024 (01/01/2024 – 30/06/2024), the industry and trade sector of 18 provinces", paragraph);
        Assert.Contains("supported 701 standard booths for 296 participations", paragraph);
        Assert.Contains("with revenue of 4.87 billion VND, 49.1% of the year plan, 153.7% of the same period of 2023", paragraph);
        Assert.Contains("(Figures cover 18/34 provinces and cities with records in the period:", paragraph);
    }

    /// <summary>The Vietnamese paragraphs as the code before the English one wrote them (26/11/2026, demo data).</summary>
    [Theory]
    [InlineData("/baocao năm 2025", "a", 0)]
    [InlineData("/baocao 6 tháng đầu năm 2024", "a", 1)]
    [InlineData("/baocao năm 2025", "pt", 2)]
    public async Task The_Vietnamese_paragraph_is_unchanged(string command, string user, int expected)
    {
        using var bot = Bot();
        Assert.Equal(Before[expected], Paragraph(await bot.Say(command, user)));
    }

    private static readonly string[] Before =
    [
        "Theo số liệu chính thức năm 2025 (01/01/2025 – 31/12/2025), ngành công thương 18 tỉnh, thành phố có số liệu đã giúp 105 cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sản xuất công nghiệp - tiểu thủ công nghiệp và 25 cơ sở công nghiệp nông thôn được hỗ trợ đánh giá sản xuất sạch hơn. Đồng thời, hỗ trợ được 1.300 gian hàng tiêu chuẩn cho 567 lượt cơ sở công nghiệp nông thôn tham gia các hội chợ triển lãm trong nước. Ngoài ra, tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cho 452 lượt cơ sở; hỗ trợ đăng ký nhãn hiệu và trưng bày quảng bá sản phẩm cho 15 cơ sở công nghiệp nông thôn. Bên cạnh đó, ngành công thương đã tư vấn phát triển công nghiệp cho 115 dự án, với doanh thu đạt 10,25 tỷ đồng, đạt 87,1% kế hoạch năm, đạt 106,1% so với cùng kỳ năm 2024. Các hoạt động khác: hỗ trợ đào tạo, truyền nghề 61 lượt cơ sở; mô hình trình diễn 16 lượt cơ sở; xử lý ô nhiễm 8 lượt cơ sở; thị trường, xuất khẩu 37 lượt cơ sở; thông tin, tuyên truyền 24 lượt (không gắn với cơ sở); liên kết, cụm công nghiệp 6 lượt cơ sở. (Số liệu gồm 18/34 tỉnh, thành phố có bản ghi trong kỳ: Bắc Ninh, Cao Bằng, Điện Biên, Hà Nội, Hà Tĩnh, Hải Phòng, Hưng Yên, Lai Châu, Lạng Sơn, Lào Cai, Nghệ An, Ninh Bình, Phú Thọ, Quảng Ninh, Sơn La, Thái Nguyên, Thanh Hóa, Tuyên Quang; các tỉnh, thành phố khác chưa có bản ghi.)",
        "Theo báo cáo ước thực hiện 6 tháng đầu năm 2024 (01/01/2024 – 30/06/2024), ngành công thương 18 tỉnh, thành phố có số liệu đã giúp 57 cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sản xuất công nghiệp - tiểu thủ công nghiệp và 11 cơ sở công nghiệp nông thôn được hỗ trợ đánh giá sản xuất sạch hơn. Đồng thời, hỗ trợ được 701 gian hàng tiêu chuẩn cho 296 lượt cơ sở công nghiệp nông thôn tham gia các hội chợ triển lãm trong nước. Ngoài ra, tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cho 245 lượt cơ sở; hỗ trợ đăng ký nhãn hiệu và trưng bày quảng bá sản phẩm cho 5 cơ sở công nghiệp nông thôn. Bên cạnh đó, ngành công thương đã tư vấn phát triển công nghiệp cho 62 dự án, với doanh thu đạt 4,87 tỷ đồng, đạt 49,1% kế hoạch năm, đạt 153,7% so với cùng kỳ năm 2023. Các hoạt động khác: hỗ trợ đào tạo, truyền nghề 27 lượt cơ sở; mô hình trình diễn 8 lượt cơ sở; xử lý ô nhiễm 4 lượt cơ sở; thị trường, xuất khẩu 17 lượt cơ sở; thông tin, tuyên truyền 12 lượt (không gắn với cơ sở); liên kết, cụm công nghiệp 3 lượt cơ sở. (Số liệu gồm 18/34 tỉnh, thành phố có bản ghi trong kỳ: Bắc Ninh, Cao Bằng, Điện Biên, Hà Nội, Hà Tĩnh, Hải Phòng, Hưng Yên, Lai Châu, Lạng Sơn, Lào Cai, Nghệ An, Ninh Bình, Phú Thọ, Quảng Ninh, Sơn La, Thái Nguyên, Thanh Hóa, Tuyên Quang; các tỉnh, thành phố khác chưa có bản ghi.)",
        "Theo số liệu chính thức năm 2025 (01/01/2025 – 31/12/2025), ngành công thương Phú Thọ (gồm cả số liệu ghi dưới tên Hòa Bình, Vĩnh Phúc trước sáp nhập) đã giúp 7 cơ sở công nghiệp nông thôn ứng dụng máy móc thiết bị tiên tiến vào dây chuyền sản xuất công nghiệp - tiểu thủ công nghiệp và 2 cơ sở công nghiệp nông thôn được hỗ trợ đánh giá sản xuất sạch hơn. Đồng thời, hỗ trợ được 93 gian hàng tiêu chuẩn cho 43 lượt cơ sở công nghiệp nông thôn tham gia các hội chợ triển lãm trong nước. Ngoài ra, tổ chức bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cho 33 lượt cơ sở; hỗ trợ đăng ký nhãn hiệu và trưng bày quảng bá sản phẩm cho 2 cơ sở công nghiệp nông thôn. Bên cạnh đó, ngành công thương đã tư vấn phát triển công nghiệp cho 7 dự án, với doanh thu đạt 578,5 triệu đồng, đạt 82,6% kế hoạch năm, đạt 87,9% so với cùng kỳ năm 2024. Các hoạt động khác: hỗ trợ đào tạo, truyền nghề 1 lượt cơ sở; xử lý ô nhiễm 1 lượt cơ sở; thị trường, xuất khẩu 1 lượt cơ sở; thông tin, tuyên truyền 1 lượt (không gắn với cơ sở); liên kết, cụm công nghiệp 2 lượt cơ sở.",
    ];
}
