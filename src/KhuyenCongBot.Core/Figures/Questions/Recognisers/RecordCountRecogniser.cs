using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Records by the date they were entered: one's own ("tôi đã ghi bao nhiêu bản ghi tháng này") and, within one's provinces,
/// everyone's ("tuần này có bao nhiêu bản ghi mới").
/// </summary>
public static partial class RecordCountRecogniser
{
    public static readonly IReadOnlyList<string> Words = ["toi da ghi", "ban ghi", "ban ghi moi", "cua toi", "my records", "new records"];

    public static void Read(ref string s, QuestionParts parts)
    {
        if (OwnRegex().Match(s) is { Success: true } own)
        {
            parts.Kind = QuestionKind.OwnRecords;
            s = KindRecognisers.Cut(s, own);
            s = RecordWordRegex().Replace(s, " ");
            return;
        }
        if (NewRegex().Match(s) is { Success: true } fresh)
        {
            parts.Kind = QuestionKind.NewRecords;
            s = KindRecognisers.Cut(s, fresh);
        }
    }

    [GeneratedRegex(@" ((toi|minh|em|tui|i|i have|i ve)( da)? (ghi|nhap|khai bao|tao|log|logged|enter|entered|record|recorded|add|added|input|inputted|submit|submitted)( duoc)?|(ban ghi|records?) (cua toi|cua minh|cua em|toi da ghi|toi ghi|minh ghi|em ghi)|my records)(?= )")]
    private static partial Regex OwnRegex();

    [GeneratedRegex(@" ((ban ghi|records?) (moi|vua ghi|vua nhap|duoc (ghi|nhap|tao)( moi)?)( duoc (ghi|nhap|tao))?|new records|records (entered|added))(?= )")]
    private static partial Regex NewRegex();

    [GeneratedRegex(@" (ban ghi|records?)(?= )")]
    private static partial Regex RecordWordRegex();
}
