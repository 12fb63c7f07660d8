using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>"kinh phí bình quân mỗi gian hàng", "kinh phí trung bình mỗi cơ sở", "average funding per project".</summary>
public static partial class AverageRecogniser
{
    public static readonly IReadOnlyList<string> Words = ["binh quan", "trung binh", "average", "moi", "tren moi", "cho moi", "per", "each"];

    public static void Read(ref string s, QuestionParts parts)
    {
        var average = AverageRegex().Match(s);
        var per = PerRegex().Match(s);
        if (!average.Success || !per.Success)
        {
            return;
        }
        parts.Kind = QuestionKind.Average;
        parts.PerMeasure = per.Groups["what"].Value switch
        {
            "gian hang" or "booth" => Measures.Booths,
            "du an" or "de an" or "project" => Measures.Projects,
            "luot co so" or "luot" or "luot tham gia" or "participation" => Measures.Participations,
            _ => Measures.Facilities,
        };
        // Cut the later match first so the earlier one's position still holds.
        foreach (var m in new[] { average, per }.OrderByDescending(m => m.Index))
        {
            s = KindRecognisers.Cut(s, m);
        }
    }

    [GeneratedRegex(@" (binh quan|trung binh|average|avg)(?= )")]
    private static partial Regex AverageRegex();

    [GeneratedRegex(@" (moi|tren moi|cho moi|tren|mot|1|per|each|a|an) (?<what>luot co so|luot tham gia|luot|gian hang|co so|doanh nghiep|htx|du an|de an|booth|facility|project|participation)(?= )")]
    private static partial Regex PerRegex();
}
