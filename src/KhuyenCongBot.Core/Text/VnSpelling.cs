using System.Text;

namespace KhuyenCongBot.Core.Text;

/// <summary>Compares Vietnamese spellings with their diacritics: "Phú Hòa" and "phú hoà" are the same, "Tân Thành" and "Tân Thạnh" are not.</summary>
public static class VnSpelling
{
    /// <summary>
    /// Lower case, diacritics kept, tone marks placed the new way ("òa" -> "oà", "úy" -> "uý"), only letters and digits
    /// separated by single spaces: "Phú Hòa - 1" -> "phú hoà 1".
    /// </summary>
    /// <remarks>Decomposed input (combining marks) is not composed (no culture data): its marks are dropped, so it compares unequal and callers fall back to asking.</remarks>
    public static string Canonical(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        var lastSpace = true;
        foreach (var ch in text)
        {
            if (VnText.IsMark(ch))
            {
                // Decomposed input: the mark is dropped (no culture data to compose it), the word stays one word.
                continue;
            }
            var c = char.ToLowerInvariant(ch);
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
        for (var i = 0; i + 1 < sb.Length; i++)
        {
            if (OldTone.TryGetValue((sb[i], sb[i + 1]), out var moved))
            {
                sb[i] = moved.First;
                sb[i + 1] = moved.Second;
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether the text carries any Vietnamese diacritic (then the typist chose a spelling worth comparing).</summary>
    public static bool HasDiacritics(string? text) => !string.IsNullOrEmpty(text) && text.Any(c => c > 127 && char.IsLetter(c));

    /// <summary>Old tone placement (on the first vowel of oa, oe, uy) to the new one (on the second).</summary>
    private static readonly Dictionary<(char, char), (char First, char Second)> OldTone = Build();

    private static Dictionary<(char, char), (char, char)> Build()
    {
        var map = new Dictionary<(char, char), (char, char)>();
        void Add(char plain, string toned, char second, string secondToned)
        {
            for (var t = 0; t < 5; t++)
            {
                map[(toned[t], second)] = (plain, secondToned[t]);
            }
        }
        // Tones in the order huyền, sắc, hỏi, ngã, nặng.
        Add('o', "òóỏõọ", 'a', "àáảãạ");
        Add('o', "òóỏõọ", 'e', "èéẻẽẹ");
        Add('u', "ùúủũụ", 'y', "ỳýỷỹỵ");
        return map;
    }
}
