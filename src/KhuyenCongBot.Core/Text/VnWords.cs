namespace KhuyenCongBot.Core.Text;

/// <summary>Numbers in Vietnamese words (Humanizer's "vi"): 1500000000 -> "một tỉ năm trăm triệu".</summary>
/// <remarks>
/// InvariantGlobalization refuses <c>new CultureInfo("vi")</c> (CultureNotFoundException), so Humanizer's
/// culture lookup cannot reach its Vietnamese converter; we create Humanizer's internal
/// VietnameseNumberToWordsConverter directly (reflection, once). If a future Humanizer renames it, the words fall
/// back to digits ("1.500.000.000") rather than failing.
/// </remarks>
public static class VnWords
{
    private static readonly Humanizer.INumberToWordsConverter? Converter = CreateConverter();

    /// <summary>Whether Humanizer's Vietnamese converter was found (false means <see cref="Number"/> writes digits).</summary>
    public static bool HasWords => Converter is not null;

    /// <summary>1500000000 -> "một tỉ năm trăm triệu"; 21 -> "hai mươi mốt".</summary>
    public static string Number(long value) => Converter?.Convert(value) ?? VnFormat.Number(value);

    /// <summary>"một tỉ năm trăm triệu đồng".</summary>
    public static string Money(long vnd) => Number(vnd) + " đồng";

    private static Humanizer.INumberToWordsConverter? CreateConverter()
    {
        try
        {
            var type = typeof(Humanizer.Configurator).Assembly.GetType("Humanizer.VietnameseNumberToWordsConverter");
            return type is null ? null : Activator.CreateInstance(type, nonPublic: true) as Humanizer.INumberToWordsConverter;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
