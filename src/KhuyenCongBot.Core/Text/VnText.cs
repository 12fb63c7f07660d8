using System.Globalization;
using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>Folds Vietnamese text for matching: lower case, no diacritics (precomposed or combining), "đ" to "d", single spaces.</summary>
public static class VnText
{
    /// <summary>Folds text: "Bao nhiêu GIAN HÀNG  từ đầu năm?" -> "bao nhieu gian hang tu dau nam?".</summary>
    /// <remarks>
    /// Works without culture data: in InvariantGlobalization mode string.Normalize is a no-op, so precomposed
    /// letters are mapped through <see cref="BaseLetter"/>; combining marks (decomposed input) are dropped.
    /// </remarks>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        var lastSpace = true;
        foreach (var ch in text)
        {
            if (IsMark(ch))
            {
                continue;
            }
            var c = BaseLetter(ch);
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

    /// <summary>Whether <paramref name="ch"/> is a combining mark (tone marks of decomposed text) or a zero-width format character.</summary>
    internal static bool IsMark(char ch)
    {
        var cat = CharUnicodeInfo.GetUnicodeCategory(ch);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            || cat == UnicodeCategory.Format;
    }

    /// <summary>Lower case without diacritics for one character: 'Ệ' -> 'e', 'Đ' -> 'd'; other characters lower-cased.</summary>
    internal static char BaseLetter(char ch)
    {
        var lower = char.ToLowerInvariant(ch);
        if (lower < 128)
        {
            return lower;
        }
        return Bases.TryGetValue(lower, out var b) ? b : lower;
    }

    private static readonly Dictionary<char, char> Bases = BuildBases();

    private static Dictionary<char, char> BuildBases()
    {
        var groups = new (char Base, string Letters)[]
        {
            ('a', "àáảãạăằắẳẵặâầấẩẫậäåāą"),
            ('e', "èéẻẽẹêềếểễệëēę"),
            ('i', "ìíỉĩịîïī"),
            ('o', "òóỏõọôồốổỗộơờớởỡợöøō"),
            ('u', "ùúủũụưừứửữựûüū"),
            ('y', "ỳýỷỹỵÿ"),
            ('d', "đð"),
            ('c', "ç"),
            ('n', "ñ"),
        };
        var map = new Dictionary<char, char>();
        foreach (var (b, letters) in groups)
        {
            foreach (var l in letters)
            {
                map[l] = b;
            }
        }
        return map;
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
