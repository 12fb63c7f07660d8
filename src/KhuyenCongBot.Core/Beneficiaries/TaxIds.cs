using System.Text;
using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Beneficiaries;

/// <summary>What kind of number was recognised.</summary>
public enum TaxIdKind
{
    /// <summary>Mã số thuế of an enterprise, cooperative or household: 10 digits, the last a check digit.</summary>
    TaxCode,

    /// <summary>Mã số thuế of a branch or dependent unit: the parent's 10 digits, "-", 3 digits.</summary>
    BranchTaxCode,

    /// <summary>A 12-digit personal identification number (the tax code of a business household from 1/7/2025).</summary>
    PersonalId,

    /// <summary>The number of a business household's registration certificate ("01A8001234").</summary>
    HouseholdRegistration,
}

/// <summary>The result of checking a number.</summary>
/// <param name="Ok">Accepted (an empty answer is accepted: the number is optional).</param>
/// <param name="Normalized">The number as stored ("0100109106-001"), null when empty or refused.</param>
/// <param name="Kind">What it was recognised as.</param>
/// <param name="Checksummed">True when a check digit confirmed it; false when only its shape was plausible (no public checksum exists).</param>
/// <param name="Problem">Why it was refused, in Vietnamese.</param>
/// <param name="ProblemEn">The same in English.</param>
public sealed record TaxIdCheck(bool Ok, string? Normalized, TaxIdKind? Kind, bool Checksummed, string? Problem, string? ProblemEn)
{
    public static readonly TaxIdCheck Empty = new(true, null, null, false, null, null);

    internal static TaxIdCheck Refused(string vi, string en) => new(false, null, null, false, vi, en);
}

/// <summary>Checks Vietnamese tax and registration numbers.</summary>
/// <remarks>
/// Tax codes (mã số thuế, 10 digits): N10 = 10 − (31·N1 + 29·N2 + 23·N3 + 19·N4 + 17·N5 + 13·N6 + 7·N7 + 5·N8 + 3·N9) mod 11;
/// a remainder of 0 would need a check digit of 10, so no such code exists. Branches add "-" and a three-digit number (001–999).
/// Business households: a household registration certificate number has no published check digit, nor has a 12-digit
/// personal id (căn cước) in public sources; both are accepted when their shape is plausible, and reported as not checksummed.
/// </remarks>
public static partial class TaxIds
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    public static TaxIdCheck Check(string? text, RegistrationKind kind)
    {
        var raw = Clean(text);
        if (raw.Length == 0)
        {
            return TaxIdCheck.Empty;
        }
        if (kind == RegistrationKind.None)
        {
            return TaxIdCheck.Refused(
                "Làng nghề không có mã số thuế hay số đăng ký; bỏ qua câu này (mã số thuế ghi cho từng cơ sở trong làng nghề).",
                "A craft village has no tax or registration number; skip this question.");
        }
        var m = TaxCodeShape().Match(raw);
        if (m.Success)
        {
            var main = m.Groups["main"].Value;
            var branch = m.Groups["branch"].Success ? m.Groups["branch"].Value : null;
            if (!CheckDigitOk(main))
            {
                return TaxIdCheck.Refused(
                    $"Mã số thuế {main} không đúng: chữ số kiểm tra (chữ số cuối) không khớp. Kiểm tra lại từng chữ số trên giấy đăng ký.",
                    $"Tax code {main} is not valid: its check digit (the last one) does not match. Check every digit.");
            }
            if (branch == "000")
            {
                return TaxIdCheck.Refused(
                    $"Mã số thuế chi nhánh {main}-000 không hợp lệ: ba số cuối từ 001 đến 999.",
                    $"Branch tax code {main}-000 is not valid: the last three digits run from 001 to 999.");
            }
            return branch is null
                ? new TaxIdCheck(true, main, TaxIdKind.TaxCode, true, null, null)
                : new TaxIdCheck(true, main + "-" + branch, TaxIdKind.BranchTaxCode, true, null, null);
        }
        if (PersonalIdShape().IsMatch(raw))
        {
            if (kind != RegistrationKind.Household)
            {
                return TaxIdCheck.Refused(
                    "12 chữ số là số định danh cá nhân; doanh nghiệp, hợp tác xã, tổ hợp tác dùng mã số thuế 10 chữ số (chi nhánh: 10 chữ số - 3 chữ số).",
                    "12 digits is a personal id; enterprises and cooperatives have a 10-digit tax code (branches: 10 digits - 3 digits).");
            }
            return new TaxIdCheck(true, raw, TaxIdKind.PersonalId, false, null, null);
        }
        if (kind == RegistrationKind.Household && HouseholdShape().IsMatch(raw))
        {
            return new TaxIdCheck(true, raw, TaxIdKind.HouseholdRegistration, false, null, null);
        }
        return kind == RegistrationKind.Household
            ? TaxIdCheck.Refused(
                $"\"{text!.Trim()}\" không giống mã số thuế (10 chữ số), số định danh cá nhân (12 chữ số) hay số giấy chứng nhận đăng ký hộ kinh doanh (ví dụ 01A8001234).",
                $"\"{text!.Trim()}\" does not look like a tax code (10 digits), a personal id (12 digits) or a household registration number (e.g. 01A8001234).")
            : TaxIdCheck.Refused(
                $"\"{text!.Trim()}\" không phải mã số thuế: cần 10 chữ số, chi nhánh thêm \"-\" và 3 chữ số (ví dụ 0100109106-001).",
                $"\"{text!.Trim()}\" is not a tax code: 10 digits, branches add \"-\" and 3 digits (e.g. 0100109106-001).");
    }

    /// <summary>Whether the last of ten digits is the check digit of the first nine.</summary>
    public static bool CheckDigitOk(string tenDigits)
    {
        if (tenDigits.Length != 10 || !tenDigits.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += Weights[i] * (tenDigits[i] - '0');
        }
        var check = 10 - sum % 11;
        return check < 10 && tenDigits[9] - '0' == check;
    }

    /// <summary>Spaces and dots out, dashes unified, letters upper case: "0100 109 106 – 001" -> "0100109106-001".</summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Trim())
        {
            if (ch is ' ' or '.' or '\u00A0')
            {
                continue;
            }
            sb.Append(ch is '–' or '—' or '‐' or '_' ? '-' : char.ToUpperInvariant(ch));
        }
        return sb.ToString();
    }

    [GeneratedRegex("^(?<main>[0-9]{10})(?:-?(?<branch>[0-9]{3}))?$")]
    private static partial Regex TaxCodeShape();

    [GeneratedRegex("^0[0-9]{11}$")]
    private static partial Regex PersonalIdShape();

    /// <summary>Two digits (province), one or two letters, five to ten digits: the shapes seen on household registration certificates.</summary>
    [GeneratedRegex("^[0-9]{2}[A-Z]{1,2}-?[0-9]{5,10}$")]
    private static partial Regex HouseholdShape();
}
