using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "tỉnh nào không có gian hàng năm 2025", "hoạt động nào chưa có kinh phí năm nay", "which provinces had no booths in 2025": the
/// provinces (activities) in scope whose figure is zero. It had been refused ("câu hỏi về những gì không có") or, in English, "did
/// not understand 'no'"; the bot knows the provinces and activities, so it can list those with nothing recorded.
/// </summary>
public static partial class MissingRecogniser
{
    public static readonly IReadOnlyList<string> Words =
        ["nao", "khong", "chua", "which", "what", "provinces", "province", "activities", "activity", "no", "not", "any", "had", "have", "has"];

    public static void Read(ref string s, QuestionParts parts)
    {
        if (parts.Kind != QuestionKind.Figure)
        {
            return;
        }
        var head = HeadRegex().Match(s);
        if (head.Success)
        {
            // "tỉnh nào không có", "tỉnh nào ở khu vực phía Bắc chưa có": the place between is left for the scope reader. A plan's
            // "tỉnh nào chưa đạt kế hoạch" is not a negation of a record (no "có/được/tham gia/nhận/ghi" after "chưa").
            var negation = NegationRegex().Match(s, head.Index + head.Length);
            if (!negation.Success || negation.Index - (head.Index + head.Length) > 40)
            {
                return;
            }
            Take(ref s, parts, head.Groups["activity"].Success, negation, head);
            return;
        }
        if (EnglishRegex().Match(s) is { Success: true } m)
        {
            Take(ref s, parts, m.Groups["activity"].Success, m);
        }
    }

    private static void Take(ref string s, QuestionParts parts, bool activities, params System.Text.RegularExpressions.Match[] matches)
    {
        parts.Kind = QuestionKind.Missing;
        parts.Breakdown = activities ? BreakdownBy.Activity : BreakdownBy.Province;
        // The later match first, so that the earlier one's position still holds.
        foreach (var m in matches.OrderByDescending(m => m.Index))
        {
            s = KindRecognisers.Cut(s, m);
        }
    }

    [GeneratedRegex(@" (?:(?:nhung|cac) )?(?:(?<province>tinh thanh pho|tinh thanh|tinh|thanh pho|dia phuong)|(?<activity>hoat dong|noi dung)) nao(?: ma)?(?= )")]
    private static partial Regex HeadRegex();

    [GeneratedRegex(@" (?:(?:van|hien|con|hien van|hien nay) )?(?:khong|chua)(?: (?:he|tung))? (?:co|duoc|tham gia|nhan|ghi)(?: (?:duoc|ban ghi|so lieu))?(?= )")]
    private static partial Regex NegationRegex();

    [GeneratedRegex(@" (?:(?:which|what) (?:(?<province>provinces?|cities|localities)|(?<activity>activities|activity))(?: (?:had|have|has|got|received|recorded|saw)(?: no| zero)| (?:did not|didn t|didnt|have not|haven t|has not|hasn t) (?:have|had|get|got|receive|record|hold)(?: any)?)|(?:(?<province>provinces?)|(?<activity>activities)) (?:with|having) no)(?= )")]
    private static partial Regex EnglishRegex();
}
