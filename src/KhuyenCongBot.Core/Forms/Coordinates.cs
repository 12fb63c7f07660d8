using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A location answer: typed coordinates ("21.0285, 105.8542", "21,0285 105,8542", "21.0285N 105.8542E") or a shared location,
/// stored as "21.028500,105.854200" (latitude, longitude, dot decimal, six places: about 0,1 m). Points outside Vietnam's
/// mainland and islands are refused: a slip (swapped or cut numbers) would put the facility elsewhere.
/// </summary>
public static partial class Coordinates
{
    /// <summary>Vietnam with its islands (Hoàng Sa, Trường Sa), generously: latitude 8–24° N, longitude 102–118° E.</summary>
    public const double MinLatitude = 8, MaxLatitude = 24, MinLongitude = 102, MaxLongitude = 118;

    public static FieldResult Read(string text, UserTexts texts, bool english)
    {
        var m = Shape().Match(text.Trim());
        if (!m.Success || !TryNumber(m.Groups["lat"].Value, out var lat) || !TryNumber(m.Groups["lon"].Value, out var lon))
        {
            return FieldResult.Refuse(texts.Text(english, "form.coordinates.how_to_type"));
        }
        return Check(lat, lon, texts, english);
    }

    /// <summary>A shared location, checked like a typed one.</summary>
    public static FieldResult Check(double lat, double lon, UserTexts texts, bool english)
    {
        if (lat is < MinLatitude or > MaxLatitude || lon is < MinLongitude or > MaxLongitude)
        {
            var swapped = lon is >= MinLatitude and <= MaxLatitude && lat is >= MinLongitude and <= MaxLongitude;
            return FieldResult.Refuse(swapped
                ? texts.Text(english, "form.coordinates.outside_vietnam_swapped", ("point", Format(lat, lon)))
                : texts.Text(english, "form.coordinates.outside_vietnam", ("point", Format(lat, lon))));
        }
        return FieldResult.Accept(Format(lat, lon));
    }

    /// <summary>"21.028500,105.854200".</summary>
    public static string Format(double lat, double lon) =>
        lat.ToString("0.000000", CultureInfo.InvariantCulture) + "," + lon.ToString("0.000000", CultureInfo.InvariantCulture);

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Two decimal numbers (dot or comma decimals) separated by a comma, semicolon or spaces, with optional N/E marks.</summary>
    [GeneratedRegex(@"^(?<lat>[+-]?\d{1,3}(?:[.,]\d+)?)\s*(?:°\s*)?[NnBb]?\s*(?:[,;]\s*|\s+)(?<lon>[+-]?\d{1,3}(?:[.,]\d+)?)\s*(?:°\s*)?[EeĐđ]?$")]
    private static partial Regex Shape();
}
