namespace KhuyenCongBot.Benchmarks.Facilities;

/// <summary>
/// Plausible facility names: a kind and a craft, then an owner's name ("HTX gốm Nguyễn Văn Hùng") or a place made of two
/// of ~1.100 syllables ("Cơ sở mộc Thanh Khương"), so a province's vocabulary is about as large as real names give.
/// </summary>
internal static class FacilityNames
{
    private static readonly string[] Kinds = ["Cơ sở", "HTX", "Công ty TNHH", "Hộ kinh doanh", "Doanh nghiệp tư nhân", "Tổ hợp tác"];
    private static readonly string[] Crafts =
    [
        "mây tre đan", "gốm", "dệt", "chè", "mộc", "sơn mài", "thêu ren", "rèn", "đúc đồng", "nón lá", "bánh đa", "miến",
        "nước mắm", "chiếu cói", "gỗ mỹ nghệ", "cơ khí", "may mặc", "giấy dó", "hương", "đá mỹ nghệ", "bún", "gạch ngói",
    ];
    private static readonly string[] Families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Ngọc", "Xuân", "Công"];
    private static readonly string[] Givens =
    [
        "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phong", "Phúc",
        "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Xuân", "Yến", "Hạnh", "Huệ", "Nga", "Thắng", "Toàn",
    ];
    private static readonly string[] Onsets = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"];
    private static readonly string[] Rhymes =
    [
        "a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "e", "em", "en", "eo", "ê", "ên", "i", "im", "in", "inh", "it", "o", "oa",
        "oai", "oan", "oang", "oc", "oi", "om", "on", "ong", "ô", "ôi", "ông", "ơ", "ơi", "ơn", "u", "ua", "uân", "uc", "ui", "um", "un",
        "ung", "uy", "uyên", "ư", "ưa", "ưng", "ương",
    ];

    public static IEnumerable<string> Generate(int count, int seed)
    {
        var r = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var head = $"{Kinds[r.Next(Kinds.Length)]} {Crafts[r.Next(Crafts.Length)]}";
            yield return r.Next(2) == 0
                ? $"{head} {Families[r.Next(Families.Length)]} {Middles[r.Next(Middles.Length)]} {Givens[r.Next(Givens.Length)]}"
                : $"{head} {Syllable(r)} {Syllable(r)}";
        }
    }

    /// <summary>A capitalised syllable such as "Khương".</summary>
    public static string Syllable(Random r)
    {
        var s = Onsets[r.Next(Onsets.Length)] + Rhymes[r.Next(Rhymes.Length)];
        return char.ToUpperInvariant(s[0]) + s[1..];
    }
}
