using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Vietnamese phone numbers as a facility keeps them.</summary>
public static class PhoneNumber
{
    /// <summary>"0912 345 678", "+84 912.345.678" -> "0912345678"; null when not a Vietnamese phone number.</summary>
    public static string? Normalize(string text)
    {
        var digits = Regex.Replace(text, @"[\s.\-()]", "");
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11)
        {
            digits = "0" + digits[2..];
        }
        return Regex.IsMatch(digits, @"^0\d{9,10}$") ? digits : null;
    }
}
