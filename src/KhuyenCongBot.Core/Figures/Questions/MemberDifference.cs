using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "Chênh lệch: Bắc Ninh nhiều hơn Phú Thọ 18 gian hàng." under the lines of a two-province question ("so sánh gian hàng Phú Thọ
/// với Bắc Ninh"): the answer's headline is the two provinces' total, and a manager who asked to compare them reads the difference
/// here instead of working it out (or copying the total).
/// </summary>
public static class MemberDifference
{
    /// <summary>The difference line, or "" unless exactly two provinces were named.</summary>
    public static string Line(UserTexts texts, IReadOnlyList<(string Name, decimal Value)> members, string measure, bool english)
    {
        if (members.Count != 2)
        {
            return "";
        }
        var (a, b) = (members[0], members[1]);
        if (a.Value == b.Value)
        {
            return texts.Text(english, "figures.difference.equal", ("a", a.Name), ("b", b.Name)) + "\n";
        }
        var (more, less) = a.Value > b.Value ? (a, b) : (b, a);
        var delta = MetricText.Value(texts, measure, more.Value - less.Value, english);
        var ratio = less.Value > 0
            ? texts.Text(english, "figures.difference.times", ("times", NumberText.For(english).Decimal(more.Value / less.Value, 2)))
            : "";
        return texts.Text(english, "figures.difference.more", ("more", more.Name), ("less", less.Name), ("delta", delta), ("ratio", ratio)) + "\n";
    }
}
