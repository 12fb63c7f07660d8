using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>Project codes: "KC-2026-07", typed "kc-2026-07", "KC 2026 07", "KC–2026–07", "KCĐP-2026-03" (= "KCDP-2026-03").</summary>
/// <remarks>
/// The normalised code is the key: upper case, no diacritics (Đ -> D), spaces, dashes, dots and underscores as one "-",
/// "/" kept (decision-style codes "05/ĐA-KC"). Leading zeros are kept: "KC-2026-7" and "KC-2026-07" are different codes.
/// </remarks>
public static class ProjectCode
{
    public const int MaxLength = 40;

    /// <summary>The normalised code, or "" when nothing is left.</summary>
    public static string Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }
        var sb = new StringBuilder(code.Length);
        foreach (var ch in code.Trim())
        {
            if (VnText.IsMark(ch))
            {
                continue;
            }
            var c = VnText.BaseLetter(ch);
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
            else if (c == '/')
            {
                TrimDash(sb);
                sb.Append('/');
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '–' or '—' or '‐' or '_' or '.')
            {
                if (sb.Length > 0 && sb[^1] is not ('-' or '/'))
                {
                    sb.Append('-');
                }
            }
            else
            {
                // Anything else (letters of other scripts, symbols) cannot be part of a code.
                return "";
            }
        }
        TrimDash(sb);
        while (sb.Length > 0 && sb[0] is '-' or '/')
        {
            sb.Remove(0, 1);
        }
        return sb.ToString();
    }

    /// <summary>Null when the code can be a project code; otherwise why not (Vietnamese, English).</summary>
    public static (string Vi, string En)? Problem(string? code)
    {
        var normalized = Normalize(code);
        if (normalized.Length < 3 || normalized.Length > MaxLength)
        {
            return ($"Mã đề án phải dài 3 đến {MaxLength} ký tự, gồm chữ, số và dấu \"-\" hoặc \"/\" (ví dụ KC-2026-07).",
                $"A project code has 3 to {MaxLength} characters: letters, digits, \"-\" or \"/\" (e.g. KC-2026-07).");
        }
        if (!normalized.Any(char.IsAsciiDigit) || !normalized.Any(char.IsAsciiLetter))
        {
            return ("Mã đề án cần có cả chữ và số (ví dụ KC-2026-07).", "A project code has letters and digits (e.g. KC-2026-07).");
        }
        return null;
    }

    private static void TrimDash(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == '-')
        {
            sb.Length--;
        }
    }
}
