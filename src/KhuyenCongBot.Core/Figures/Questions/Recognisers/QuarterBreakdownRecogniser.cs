using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>"theo quý", "từng quý", "by quarter": a breakdown by calendar quarter.</summary>
public static partial class QuarterBreakdownRecogniser
{
    public static readonly IReadOnlyList<string> Words = ["theo quy", "tung quy", "cac quy", "by quarter", "quarterly"];

    public static void Read(ref string s, QuestionParts parts)
    {
        if (QuarterRegex().Match(s) is { Success: true } m)
        {
            parts.Breakdown = BreakdownBy.Quarter;
            s = KindRecognisers.Cut(s, m);
        }
    }

    [GeneratedRegex(@" ((chia |phan )?theo (tung |cac )?quy|tung quy|cac quy|moi quy|by quarters?|per quarter|quarterly)(?! ([0-9]|i|ii|iii|iv)(?![0-9a-z]))(?= )")]
    private static partial Regex QuarterRegex();
}
