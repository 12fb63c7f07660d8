using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "còn thiếu bao nhiêu gian hàng để đạt kế hoạch" (what is left of the year plan) and "tỉnh nào chưa đạt kế hoạch",
/// "tiến độ kế hoạch các tỉnh" (% of plan for each province, ranked, with the expected pace at today's date).
/// </summary>
public static partial class PlanQuestionRecogniser
{
    public static readonly IReadOnlyList<string> Words =
        ["con thieu", "con lai", "con can", "con phai", "thieu", "nua", "de dat", "moi dat", "ke hoach", "chi tieu", "tien do", "chua dat", "khong dat", "vuot", "xep hang", "plan"];

    public static void Read(ref string s, QuestionParts parts)
    {
        if (RankingRegex().Match(s) is { Success: true } ranking)
        {
            parts.Kind = QuestionKind.PlanRanking;
            parts.Ascending = ranking.Value.Contains(" chua ", StringComparison.Ordinal) || ranking.Value.Contains(" khong ", StringComparison.Ordinal)
                || ranking.Value.Contains("behind", StringComparison.Ordinal) || ranking.Value.Contains("below", StringComparison.Ordinal) || ranking.Value.Contains("under", StringComparison.Ordinal)
                || ranking.Value.Contains(" not ", StringComparison.Ordinal) || ranking.Value.Contains("n t ", StringComparison.Ordinal)
                || ranking.Value.Contains("furthest", StringComparison.Ordinal) || ranking.Value.Contains("farthest", StringComparison.Ordinal) || ranking.Value.Contains("most behind", StringComparison.Ordinal);
            // "chưa đạt" lists the provinces that have not met the plan, "đã đạt"/"vượt" those that have (a province at 113 % was
            // "Hạng 18" of "chưa đạt"); "cao nhất", "furthest" rank them all.
            parts.Reach = SuperlativeRegex().IsMatch(s) ? PlanReach.All
                : parts.Ascending ? PlanReach.NotMet
                : ReachedRegex().Match(ranking.Value) is { Success: true } reached ? reached.Groups["over"].Success ? PlanReach.Exceeded : PlanReach.Met
                : PlanReach.All;
            // Keep the metric's words typed inside the phrase ("tiến độ kế hoạch gian hàng các tỉnh").
            s = s[..ranking.Index] + " " + ranking.Groups["mid"].Value + " " + s[(ranking.Index + ranking.Length)..];
            s = PlanWordsRegex().Replace(s, " ");
            return;
        }
        if (GapRegex().Match(s) is { Success: true } gap && PlanWordsRegex().IsMatch(s))
        {
            parts.Kind = QuestionKind.PlanGap;
            s = KindRecognisers.Cut(s, gap);
            s = PlanWordsRegex().Replace(s, " ");
            s = NuaRegex().Replace(s, " ");
        }
    }

    [GeneratedRegex(@" ((cac )?(tinh|dia phuong)( thanh)?( nao)? ((chua|khong|da) (dat|hoan thanh|dat duoc|vuot)|(nao )?(dat|hoan thanh|vuot))( duoc)? (ke hoach|chi tieu)( nam)?|tien do (thuc hien )?(ke hoach|chi tieu)( nam)?(?<mid>( \w+){0,4}?)( cua)? (cac|tung|theo|moi|theo tung) (tinh|dia phuong)( thanh)?|(ty le|phan tram|%) (dat |hoan thanh )?(ke hoach|chi tieu)( nam)?(?<mid>( \w+){0,4}?)( cua)? (cac|tung|theo|moi|theo tung) (tinh|dia phuong)( thanh)?|(tinh|dia phuong)( thanh)?( nao)? (dat |co )?(ty le|ti le|phan tram|%) (dat |hoan thanh )?(ke hoach|chi tieu)( nam)?|xep hang (tien do|ke hoach|muc dat ke hoach)( cac tinh)?|(which )?provinces? (are )?(behind|below|under) (the |their |its )?(?<mid>(\w+ ){0,3}?)plan|plan progress by province|(which )?provinces? (have |has |haven t |hasn t )?(not |n t )?(yet )?(reached|met|achieved|hit|completed) (the |their |its )?(?<mid>(\w+ ){0,3}?)(plan|target)( yet)?|((which )?provinces? (is |are )?)?(furthest|farthest|most behind) (from |on )?(the |their |its )?(plan|target)|(percent|percentage|share|%) of (the )?(plan|target)( reached| achieved)? (by|for each|per|of each) province|(plan|target) (progress|achievement|completion) (by|for each|per|of each) province)(?= )")]
    private static partial Regex RankingRegex();

    [GeneratedRegex(@"^ (cac )?(tinh|dia phuong)( thanh)?( nao)? (da )?((?<over>vuot)|dat|hoan thanh)|(?<over>exceeded)|reached|met|achieved|hit|completed")]
    private static partial Regex ReachedRegex();

    [GeneratedRegex(@" (nhat|highest|lowest|best|worst|most|least|furthest|farthest)(?= )")]
    private static partial Regex SuperlativeRegex();

    [GeneratedRegex(@" (con thieu|con lai|con can|con phai|thieu|how (much|many) (more|is left|are left)|(is |are )?still (missing|left|needed|to go)|(is |are )?missing)(?= )")]
    private static partial Regex GapRegex();

    [GeneratedRegex(@" ((de |moi |thi )?(dat |hoan thanh |den |toi |reach |vuot )?(duoc )?(so voi )?(the )?(ke hoach|chi tieu|plan|target)( nam| year)?)(?= )")]
    private static partial Regex PlanWordsRegex();

    [GeneratedRegex(@" (nua|more)(?= )")]
    private static partial Regex NuaRegex();
}
