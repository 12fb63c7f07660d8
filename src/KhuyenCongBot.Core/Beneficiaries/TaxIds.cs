using System.Text;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

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
/// <param name="Problem">Why it was refused (<see cref="Say"/> tells people).</param>
/// <param name="Typed">The number the problem is about, as typed (or its ten digits).</param>
public sealed record TaxIdCheck(bool Ok, string? Normalized, TaxIdKind? Kind, bool Checksummed, TaxIdProblem? Problem, string? Typed)
{
    public static readonly TaxIdCheck Empty = new(true, null, null, false, null, null);

    internal static TaxIdCheck Refused(TaxIdProblem problem, string typed = "") => new(false, null, null, false, problem, typed);

    /// <summary>Why the number was refused, in the reader's language; null when it was not.</summary>
    public string? Say(UserTexts texts, bool english) => Problem switch
    {
        null => null,
        TaxIdProblem.CraftVillage => texts.Text(english, "taxid.craft_village"),
        TaxIdProblem.CheckDigit => texts.Text(english, "taxid.check_digit", ("number", Typed)),
        TaxIdProblem.BranchZero => texts.Text(english, "taxid.branch_zero", ("number", Typed)),
        TaxIdProblem.PersonalIdNotHousehold => texts.Text(english, "taxid.personal_id_not_household"),
        TaxIdProblem.NotHouseholdNumber => texts.Text(english, "taxid.not_household_number", ("typed", Typed)),
        _ => texts.Text(english, "taxid.not_tax_code", ("typed", Typed)),
    };
}

/// <summary>Why a tax or registration number was refused.</summary>
public enum TaxIdProblem
{
    /// <summary>A craft village has no number.</summary>
    CraftVillage,

    /// <summary>Ten digits whose check digit does not match.</summary>
    CheckDigit,

    /// <summary>A branch number "-000".</summary>
    BranchZero,

    /// <summary>Twelve digits (a personal id) for a legal form that is not a business household.</summary>
    PersonalIdNotHousehold,

    /// <summary>A household's answer that is no number it may have.</summary>
    NotHouseholdNumber,

    /// <summary>An answer that is no tax code.</summary>
    NotTaxCode,
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
            return TaxIdCheck.Refused(TaxIdProblem.CraftVillage);
        }
        var m = TaxCodeShape().Match(raw);
        if (m.Success)
        {
            var main = m.Groups["main"].Value;
            var branch = m.Groups["branch"].Success ? m.Groups["branch"].Value : null;
            if (!CheckDigitOk(main))
            {
                return TaxIdCheck.Refused(TaxIdProblem.CheckDigit, main);
            }
            if (branch == "000")
            {
                return TaxIdCheck.Refused(TaxIdProblem.BranchZero, main);
            }
            return branch is null
                ? new TaxIdCheck(true, main, TaxIdKind.TaxCode, true, null, null)
                : new TaxIdCheck(true, main + "-" + branch, TaxIdKind.BranchTaxCode, true, null, null);
        }
        if (PersonalIdShape().IsMatch(raw))
        {
            if (kind != RegistrationKind.Household)
            {
                return TaxIdCheck.Refused(TaxIdProblem.PersonalIdNotHousehold);
            }
            return new TaxIdCheck(true, raw, TaxIdKind.PersonalId, false, null, null);
        }
        if (kind == RegistrationKind.Household && HouseholdShape().IsMatch(raw))
        {
            return new TaxIdCheck(true, raw, TaxIdKind.HouseholdRegistration, false, null, null);
        }
        return TaxIdCheck.Refused(kind == RegistrationKind.Household ? TaxIdProblem.NotHouseholdNumber : TaxIdProblem.NotTaxCode, text!.Trim());
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
