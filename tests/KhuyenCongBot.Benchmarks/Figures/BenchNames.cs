namespace KhuyenCongBot.Benchmarks.Figures;

/// <summary>
/// Facility names as registries hold them: a legal form's word, a trade and an owner's or a place's name ("HTX Mây tre đan Phú
/// Vinh", "Cơ sở mộc Nguyễn Văn Thành", "Công ty TNHH Gốm sứ Minh Long"). Common words ("cơ sở", "HTX", "gốm") recur across
/// thousands of facilities and the names repeat sometimes, as in a real registry.
/// </summary>
internal static class BenchNames
{
    /// <summary>The words a name begins with, per legal form of seeds/catalogue/beneficiaries.json.</summary>
    private static readonly Dictionary<string, string[]> Forms = new()
    {
        ["household_business"] = ["Cơ sở", "Cơ sở", "Cơ sở", "Hộ kinh doanh", "Xưởng"],
        ["sme"] = ["Công ty TNHH", "Công ty TNHH", "Công ty cổ phần", "Doanh nghiệp tư nhân"],
        ["cooperative"] = ["HTX", "HTX", "Hợp tác xã"],
        ["cooperative_group"] = ["Tổ hợp tác"],
        ["craft_village"] = ["Làng nghề"],
    };

    private static readonly string[] Trades =
    [
        "mây tre đan", "gốm sứ", "gốm", "mộc", "đồ gỗ mỹ nghệ", "sơn mài", "khảm trai", "dệt thổ cẩm", "dệt may", "thêu ren", "cơ khí",
        "rèn", "đúc đồng", "chế biến nông sản", "chế biến chè", "chè", "bún bánh", "mì gạo", "nước mắm", "rượu", "giấy", "nón lá",
        "chiếu cói", "đá mỹ nghệ", "bánh kẹo", "thực phẩm", "may mặc", "in ấn", "bao bì", "gạch ngói", "nhựa", "dược liệu", "cà phê",
        "mắm", "tranh dân gian", "đan lát", "sợi tơ tằm", "đồ gốm", "gỗ", "vật liệu xây dựng",
    ];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Nông", "Lò", "Hà"];

    private static readonly string[] Middles = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Công"];

    private static readonly string[] Given =
    [
        "An", "Bình", "Cường", "Dũng", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn",
        "Tâm", "Thành", "Thảo", "Tuấn", "Vinh", "Yến", "Hải", "Hoa", "Linh", "Đạt", "Trung", "Hiếu", "Lực", "Toàn",
    ];

    private static readonly string[] Places =
    [
        "Phú Cường", "Minh Long", "Thành Đạt", "Hưng Thịnh", "Bình Minh", "Tân Tiến", "Đại Phát", "Hồng Hà", "Sông Đà", "Trường Sơn",
        "Gia Huy", "An Phát", "Thịnh Vượng", "Kim Sơn", "Đông Hồ", "Phù Lãng", "Bát Tràng", "Vạn Phúc", "Hạ Thái", "Chuyên Mỹ", "Tân Lập",
        "Hòa Bình", "Việt Hưng", "Nam Sơn", "Quyết Thắng", "Đồng Tâm", "Tiến Thành", "Phú Thịnh", "Hợp Tiến", "Xuân Lộc",
    ];

    /// <summary>A name for a facility of this legal form, from <paramref name="r"/>; never <paramref name="reserved"/> (the one facility the history question names).</summary>
    public static string Next(Random r, string legalForm, string reserved)
    {
        var forms = Forms.GetValueOrDefault(legalForm) ?? Forms["household_business"];
        while (true)
        {
            var form = forms[r.Next(forms.Length)];
            var trade = Trades[r.Next(Trades.Length)];
            var owner = form is "Cơ sở" or "Hộ kinh doanh" or "Xưởng" && r.Next(3) != 0
                ? $"{Surnames[r.Next(Surnames.Length)]} {Middles[r.Next(Middles.Length)]} {Given[r.Next(Given.Length)]}"
                : Places[r.Next(Places.Length)];
            var name = $"{form} {trade} {owner}";
            if (!string.Equals(name, reserved, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }
    }
}
