namespace KhuyenCongBot.Core.Text;

/// <summary>Reads values the way officers type them on a phone: numbers, money, dates.</summary>
public static class VnParse
{
    /// <summary>Whole numbers: "3", "1.250", "1 250", "ba", "mười hai". False for "3,5", "abc", "".</summary>
    public static bool TryParseInteger(string? text, out long value) => throw new NotImplementedException();

    /// <summary>Money in đồng: "120tr", "1,5 tỷ", "1 tỉ 200 triệu", "45.000.000", "45000000", "500 nghìn", "500k", "2.5 ty".</summary>
    public static bool TryParseMoney(string? text, out long vnd) => throw new NotImplementedException();

    /// <summary>Dates: "hôm nay", "hôm qua", "hôm kia", "15/5" (this year), "15/05/2024", "15-5-2024", "2024-05-15".</summary>
    public static bool TryParseDate(string? text, DateOnly today, out DateOnly date) => throw new NotImplementedException();
}

/// <summary>Numbers in Vietnamese words (Humanizer's "vi"): 1500000000 -> "một tỉ năm trăm triệu".</summary>
public static class VnWords
{
    public static string Number(long value) => throw new NotImplementedException();

    /// <summary>"một tỉ năm trăm triệu đồng".</summary>
    public static string Money(long vnd) => Number(vnd) + " đồng";
}
