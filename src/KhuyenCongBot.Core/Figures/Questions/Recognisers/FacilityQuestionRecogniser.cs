using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// One facility's history ("HTX Mây tre Phú Vinh đã được hỗ trợ những gì", "lịch sử hỗ trợ của công ty …") and the top
/// facilities ("top 10 cơ sở nhận nhiều kinh phí nhất", "cơ sở nào được hỗ trợ nhiều kinh phí nhất").
/// </summary>
public static partial class FacilityQuestionRecogniser
{
    public static readonly IReadOnlyList<string> Words =
        ["lich su ho tro", "qua trinh ho tro", "nhung gi", "ho tro gi", "top", "nhieu nhat", "cao nhat", "nao", "nhan", "duoc ho tro"];

    private static readonly HashSet<string> TopNoise = new(StringComparer.Ordinal)
    {
        "top", "co", "so", "doanh", "nghiep", "htx", "hop", "tac", "xa", "facilities", "nao", "duoc", "ho", "tro", "nhan", "nhieu", "cao", "lon", "nhat", "most", "the", "which",
    };

    /// <summary>Where the facility's name is in a facility-history question (folded, padded with spaces), or null: its words are not typo-corrected.</summary>
    public static (int Start, int Length)? NameSpan(string s) =>
        HistoryRegex().Match(s) is { Success: true } m ? (m.Groups["name"].Index, m.Groups["name"].Length) : null;

    /// <summary>The words of <paramref name="original"/> that fold to <paramref name="folded"/> ("Công ty ABC" for "cong ty abc"), to quote a name as typed.</summary>
    public static string AsTyped(string original, string folded)
    {
        var words = original.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var acc = "";
            for (var j = i; j < words.Length && acc.Length < folded.Length; j++)
            {
                acc = (acc + " " + VnText.FoldWords(words[j])).Trim();
                if (acc == folded)
                {
                    return string.Join(' ', words[i..(j + 1)]).Trim(',', '.', '?', '!', ':', ';', '"', '\'');
                }
            }
        }
        return folded;
    }

    public static void Read(ref string s, QuestionParts parts)
    {
        if (HistoryRegex().Match(s) is { Success: true } history)
        {
            parts.Kind = QuestionKind.FacilityHistory;
            parts.FacilityName = history.Groups["name"].Value.Trim();
            s = KindRecognisers.Cut(s, history);
            return;
        }
        if (TopRegex().Match(s) is { Success: true } top)
        {
            parts.Kind = QuestionKind.TopFacilities;
            parts.Top = top.Groups["n"].Success ? int.Parse(top.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : top.Groups["one"].Success ? 1 : 10;
            // Keep the measure's words ("kinh phí", "gian hàng") for the parser; take the rest.
            var kept = top.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !TopNoise.Contains(w) && w != top.Groups["n"].Value.Trim());
            s = s[..top.Index] + " " + string.Join(' ', kept) + " " + s[(top.Index + top.Length)..];
        }
    }

    private const string Kinds = "htx|hop tac xa|cong ty|cty|co so|doanh nghiep|ho kinh doanh|hkd|xuong|lang nghe|to hop tac";

    [GeneratedRegex(@" ((lich su|qua trinh) ho tro (cua |cho )?(?<name>(" + Kinds + @")( [a-z0-9]+){1,8})|(?<name>(" + Kinds + @")( [a-z0-9]+){1,8}?)( da)?( duoc)?( da)? (ho tro|nhan)( duoc)?( nhung)? (gi|nhung gi|nhung hoat dong nao|hoat dong nao|nhung khoan nao|nhung nao|bao nhieu lan|nhung lan nao))(?= )"
        // "Vũ Minh Hiền được hỗ trợ những gì": a name without its legal form, from the start of the message (not a place, a period,
        // a person asking or a measure; "máy" is machinery, "mây tre" the rattan-and-bamboo trade of a name).
        + @"|^ (?!(tinh|thanh pho|tp|ca nuoc|toi|minh|ban|chung toi|em|nam|quy|thang|gian hang|kinh phi|de an|du an|hoi cho|cac|nhung|may(?! tre)|bao nhieu|khuyen cong) )(?<name>[a-z]+( [a-z0-9]+){1,5}?)( da)?( duoc)?( da)? (ho tro|nhan)( duoc)?( nhung)? (gi|nhung gi|nhung hoat dong nao|hoat dong nao|nhung khoan nao|nhung lan nao)(?= )"
        // English: "support history of Vu Minh Hien", "what has HTX Dong Tien received", "what support did Vu Minh Hien get".
        + @"| (support )?history of (the )?(?<name>[a-z]+( [a-z0-9]+){1,8})(?= )"
        + @"| what (support )?(has|have|did) (?!(the province|province|we|our|you|i|they|it) )(the )?(?<name>[a-z]+( [a-z0-9]+){1,6}?) (received|receive|got|get|been given)( so far)?(?= )")]
    private static partial Regex HistoryRegex();

    [GeneratedRegex(@" (top (?<n>[0-9]{1,2} )?(co so|doanh nghiep|htx|hop tac xa|facilities)( duoc ho tro| nhan)?|(?<n>[0-9]{1,2}) (co so|doanh nghiep|htx|hop tac xa)( duoc ho tro| nhan| co)? (nhieu|cao|lon)( \w+){0,3} nhat|(?<one>(co so|doanh nghiep|htx|hop tac xa) nao)( duoc ho tro| nhan| co)? (nhieu|cao|lon)( \w+){0,3} nhat|which facilit(y|ies)( \w+){0,3} (the )?most)(?= )")]
    private static partial Regex TopRegex();
}
