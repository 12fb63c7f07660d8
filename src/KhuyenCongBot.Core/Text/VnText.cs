using System.Globalization;
using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>Folds Vietnamese text for matching: NFC, lower case, no diacritics, "đ" to "d", single spaces.</summary>
public static class VnText
{
    /// <summary>Folds text: "Bao nhiêu GIAN HÀNG  từ đầu năm?" -> "bao nhieu gian hang tu dau nam?".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastSpace = true;
        foreach (var ch in decomposed)
        {
            var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (cat == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastSpace)
                {
                    sb.Append(' ');
                    lastSpace = true;
                }
                continue;
            }
            sb.Append(c);
            lastSpace = false;
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    /// <summary>Folds and keeps only letters, digits and single spaces: "Thanh Hoá," -> "thanh hoa".</summary>
    public static string FoldWords(string? text)
    {
        var folded = Fold(text);
        var sb = new StringBuilder(folded.Length);
        var lastSpace = true;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                sb.Append(' ');
                lastSpace = true;
            }
        }
        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }
        return sb.ToString();
    }

    /// <summary>A URL-safe id from a name: "Vĩnh Phúc" -> "vinh-phuc".</summary>
    public static string Slug(string name) => FoldWords(name).Replace(' ', '-');

    /// <summary>Whether <paramref name="foldedText"/> contains <paramref name="foldedPhrase"/> as whole words.</summary>
    public static bool ContainsWords(string foldedText, string foldedPhrase)
    {
        if (foldedPhrase.Length == 0)
        {
            return false;
        }
        var index = 0;
        while ((index = foldedText.IndexOf(foldedPhrase, index, StringComparison.Ordinal)) >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(foldedText[index - 1]);
            var end = index + foldedPhrase.Length;
            var after = end == foldedText.Length || !char.IsLetterOrDigit(foldedText[end]);
            if (before && after)
            {
                return true;
            }
            index++;
        }
        return false;
    }
}
