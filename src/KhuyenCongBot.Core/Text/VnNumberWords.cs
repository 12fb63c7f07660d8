namespace KhuyenCongBot.Core.Text;

/// <summary>Reads whole numbers written in (folded) Vietnamese words: "ba", "muoi hai", "hai muoi lam", "mot tram linh nam", "hai nghin".</summary>
internal static class VnNumberWords
{
    private static readonly Dictionary<string, int> Digits = new(StringComparer.Ordinal)
    {
        ["khong"] = 0, ["mot"] = 1, ["hai"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4,
        ["nam"] = 5, ["lam"] = 5, ["nham"] = 5, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.Ordinal)
    {
        ["nghin"] = 1_000, ["ngan"] = 1_000, ["trieu"] = 1_000_000, ["ty"] = 1_000_000_000, ["ti"] = 1_000_000_000,
    };

    /// <summary>Whether the folded word can be part of a number in words.</summary>
    public static bool IsNumberWord(string word) =>
        Digits.ContainsKey(word) || Scales.ContainsKey(word) || word is "muoi" or "chuc" or "tram" or "linh" or "le" or "ruoi";

    /// <summary>Units digits only said after tens ("lăm", "mốt", "tư"): after a bare digit they make the spoken short form of
    /// tens ("ba lăm" = 35, "hai mốt" = 21, "tám lăm" = 85); "hai ba" stays unread (a list, or 23?).</summary>
    private static readonly HashSet<string> TensUnits = new(StringComparer.Ordinal) { "lam", "nham", "mot", "tu" };

    /// <summary>Parses folded words (already split); false when any word is not a number word or the order is wrong ("hai ba").</summary>
    public static bool TryParse(IReadOnlyList<string> words, out long value)
    {
        value = 0;
        if (words.Count == 0)
        {
            return false;
        }
        long total = 0;
        long group = 0;
        int? pending = null;
        var lastScale = long.MaxValue;
        var sawTens = false;
        var sawHundreds = false;
        var sawLinh = false;
        string? previous = null;
        foreach (var w in words)
        {
            if (w == "ruoi")
            {
                // "một trăm rưỡi" = 150, "hai triệu rưỡi" = 2 500 000: half of the unit just said.
                if (previous == "tram" && !sawTens && pending is null)
                {
                    group += 50;
                    sawTens = true;
                }
                else if (previous is not null && Scales.ContainsKey(previous) && lastScale >= 1_000)
                {
                    total += lastScale / 2;
                    lastScale = 1;
                }
                else
                {
                    return false;
                }
            }
            else if (Digits.TryGetValue(w, out var d))
            {
                if (pending is { } tens && tens >= 2 && !sawTens && !sawLinh && TensUnits.Contains(w))
                {
                    group += tens * 10;
                    sawTens = true;
                }
                else if (pending is not null)
                {
                    return false;
                }
                pending = d;
            }
            else if (w == "tram")
            {
                if (pending is null || sawHundreds || sawTens)
                {
                    return false;
                }
                group += pending.Value * 100;
                pending = null;
                sawHundreds = true;
            }
            else if (w is "muoi" or "chuc")
            {
                if (sawTens || sawLinh)
                {
                    return false;
                }
                group += (pending ?? 1) * 10;
                pending = null;
                sawTens = true;
            }
            else if (w is "linh" or "le")
            {
                if (!sawHundreds || sawTens || sawLinh || pending is not null)
                {
                    return false;
                }
                sawLinh = true;
            }
            else if (Scales.TryGetValue(w, out var scale))
            {
                var g = group + (pending ?? 0);
                if (g == 0 || scale >= lastScale)
                {
                    return false;
                }
                total += g * scale;
                lastScale = scale;
                group = 0;
                pending = null;
                sawTens = sawHundreds = sawLinh = false;
            }
            else
            {
                return false;
            }
            previous = w;
        }
        if (sawLinh && pending is null)
        {
            return false;
        }
        value = total + group + (pending ?? 0);
        return true;
    }
}
