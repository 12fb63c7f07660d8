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

    /// <summary>Null when the code can be a project code; otherwise why not (<see cref="Explain"/> says it to people).</summary>
    public static ProjectCodeProblem? Problem(string? code)
    {
        var normalized = Normalize(code);
        if (normalized.Length < 3 || normalized.Length > MaxLength)
        {
            return ProjectCodeProblem.Length;
        }
        if (!normalized.Any(char.IsAsciiDigit) || !normalized.Any(char.IsAsciiLetter))
        {
            return ProjectCodeProblem.LettersAndDigits;
        }
        return null;
    }

    /// <summary>Why a code cannot be a project code, in the reader's language.</summary>
    public static string Explain(ProjectCodeProblem problem, UserTexts texts, bool english) => problem switch
    {
        ProjectCodeProblem.Length => texts.Text(english, "project.code.length", ("max", MaxLength)),
        _ => texts.Text(english, "project.code.letters_and_digits"),
    };

    private static void TrimDash(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == '-')
        {
            sb.Length--;
        }
    }
}

/// <summary>Why a text cannot be a project code.</summary>
public enum ProjectCodeProblem
{
    /// <summary>Shorter than 3 or longer than <see cref="ProjectCode.MaxLength"/> characters.</summary>
    Length,

    /// <summary>Without a digit or without a letter.</summary>
    LettersAndDigits,
}
