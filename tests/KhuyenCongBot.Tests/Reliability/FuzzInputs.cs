using System.Text;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>Random and mutated inputs for fuzzing: texts officers might type, hostile texts, and mutations of both.</summary>
public sealed class FuzzInputs(int seed)
{
    public Random Random { get; } = new(seed);

    /// <summary>Plausible inputs: commands, form answers, questions, choice numbers.</summary>
    public static readonly string[] Seeds =
    [
        "/start", "/help", "/trogiup", "/huongdan", "/ghi", "/log", "/nhap", "/huy", "/cancel", "/cuatoi", "/my",
        "/baocao", "/baocao 6 tháng đầu năm 2024", "/report first half 2024", "/kehoach", "/kehoach 2024", "/plan 2024 bac-ninh",
        "/batdau", "/start ABC123", "/start inv_XYZ", "/khonglenh", "/ghi@khuyencong_test_bot", "/help@otherbot", "/", "//", "/ /",
        "1", "2", "3", "4", "12", "0", "-1", "99", "1.", "2)", "bỏ qua", "bo qua", "quay lại", "tiếp", "hủy", "Lưu", "✅ Lưu", "sửa 2", "sửa 99", "sua",
        "Bắc Ninh", "bac ninh", "Hà Nội", "Vĩnh Phúc", "Phú Thọ", "Gốm Phù Lãng", "Phù Lãng", "hôm nay", "hôm qua", "15/5/2024", "31/2/2024",
        "15/05/2024", "2024-05-15", "120tr", "1,5 tỷ", "45.000.000", "1.000.000.000.000.000", "3 gian hàng", "quốc gia", "KCĐP", "ước",
        "bao nhiêu gian hàng từ đầu năm", "bao nhieu co so ho tro may moc 6 thang dau nam 2024",
        "doanh thu tư vấn so với cùng kỳ", "tỉnh nào nhiều gian hàng nhất", "so sánh kế hoạch năm 2024", "Bắc Ninh quý 2",
        "báo cáo 6 tháng đầu năm 2024", "tổng hợp", "xin chào", "hello", "ok", "?", "...", "   ", "\n", "\t",
    ];

    /// <summary>Texts that have broken bots: markup, control characters, other scripts, odd Unicode.</summary>
    public static readonly string[] Hostile =
    [
        "<b>đậm</b>", "*in đậm*", "_nghiêng_", "`code`", "```\nblock\n```", "[link](http://x)", "<script>alert(1)</script>", "&amp;&lt;",
        "\u0000", "\u0001\u0002\u0003", "\u001b[31mred", "\u007f", "\u200b\u200c\u200d", "\ufeff", "\u202e", "\u202eدرهم\u202c",
        "مرحبا بالعالم", "שלום", "😀🎉👍🏽", "👨‍👩‍👧‍👦", "🇻🇳", "Ｆｕｌｌｗｉｄｔｈ", "ẞß", "İı", "ǅ", "ｶﾀｶﾅ", "中文字符",
        "Tiếng Việt có dấu: ặ ẵ ỡ ữ", "Tie\u0302\u0301ng Vie\u0323\u0302t", "%s%s%n", "{0}", "{{}}", "${jndi:ldap://x}", "' OR 1=1 --",
        "\\", "\"", "'", "null", "undefined", "NaN", "Infinity", "-0", "1e309", "９９", "٣", "Ⅻ", "𝟙𝟚𝟛",
    ];

    private static readonly string[] Pieces = [.. Hostile, "\n", " ", "/", "@", "#", ":", "0", "9", "đ", "Đ", "ư", "\r\n"];

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>One text: a seed, a hostile string, a mutation, a combination, random characters, or a huge text.</summary>
    public string Text()
    {
        var roll = Random.Next(100);
        return roll switch
        {
            < 35 => Pick(Seeds),
            < 50 => Pick(Hostile),
            < 80 => Mutate(Random.Next(2) == 0 ? Pick(Seeds) : Pick(Hostile)),
            < 90 => Pick(Seeds) + " " + Pick(Hostile) + " " + Pick(Seeds),
            < 98 => RandomChars(Random.Next(1, 60)),
            _ => Huge(),
        };
    }

    /// <summary>Very long texts: 4.001, 4.096, 10.000 or 100.000 characters.</summary>
    public string Huge()
    {
        var length = Pick(new[] { 4001, 4096, 4097, 10_000, 100_000 });
        var unit = Pick(new[] { "a", "ặ", "😀", "<b>", "\n", "1 " });
        var sb = new StringBuilder(length + 4);
        while (sb.Length < length)
        {
            sb.Append(unit);
        }
        return sb.ToString();
    }

    /// <summary>Random code points from every plane, including control characters and (sometimes) lone surrogates.</summary>
    public string RandomChars(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            switch (Random.Next(10))
            {
                case 0:
                    sb.Append((char)Random.Next(0, 32));
                    break;
                case 1:
                    sb.Append(char.ConvertFromUtf32(Random.Next(0x1F300, 0x1FAFF)));
                    break;
                case 2:
                    sb.Append((char)Random.Next(0x0590, 0x06FF));
                    break;
                case 3:
                    sb.Append((char)Random.Next(0xD800, 0xDFFF));
                    break;
                default:
                    var cp = Random.Next(0x20, 0x2FFF);
                    sb.Append((char)cp);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Inserts, deletes, duplicates, swaps or replaces characters or pieces of <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        var sb = new StringBuilder(text);
        var edits = Random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = sb.Length == 0 ? 0 : Random.Next(sb.Length + 1);
            switch (Random.Next(6))
            {
                case 0:
                    sb.Insert(at, Pick(Pieces));
                    break;
                case 1 when sb.Length > 0:
                    sb.Remove(Math.Min(at, sb.Length - 1), 1);
                    break;
                case 2 when sb.Length > 0:
                    sb[Math.Min(at, sb.Length - 1)] = (char)Random.Next(0, 0xFFFF);
                    break;
                case 3:
                    sb.Insert(at, sb.ToString(0, Math.Min(sb.Length, 30)));
                    break;
                case 4:
                    sb.Insert(at, RandomChars(Random.Next(1, 4)));
                    break;
                default:
                    sb.Append(Pick(Pieces));
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Callback data as a tampering client might send it: changed, cut, padded, over 64 bytes, or random.</summary>
    public string TamperData(string? valid)
    {
        var data = valid ?? "f:again:1";
        return Random.Next(8) switch
        {
            0 => data[..Random.Next(data.Length + 1)],
            1 => data + ":" + Random.Next(),
            2 => data.Replace(data.Length > 0 ? data[^1] : 'x', (char)Random.Next(0x20, 0x7E)),
            3 => new string('x', Random.Next(65, 300)),
            4 => "",
            5 => Pick(new[] { "f:r:999999999999", "f:rdy:-1", "f:re:abc", "f:again:99999999999999999999", "f:x", "q:", ":::", "f:my:extra" }),
            6 => Mutate(data),
            _ => RandomChars(Random.Next(1, 20)),
        };
    }
}
