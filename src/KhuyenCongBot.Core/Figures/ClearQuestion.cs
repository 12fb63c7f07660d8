using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Whether a message typed while a dialog is open is clearly a figures question (answered aside of the dialog) rather than an
/// answer to it. Strict on purpose: a facility name such as "Cơ sở mộc Thành Đạt" or "Xưởng may Thành Công" names a measure-like
/// word but asks nothing, so it stays an answer. Clear means a measure (or activity) the parser understood AND a question marker
/// ("bao nhiêu", "?", "nhiều nhất"...), or a report request for a period ("báo cáo 6 tháng đầu năm 2024").
/// </summary>
public static class ClearQuestion
{
    /// <summary>Folded phrases that ask something (not "mấy"/"may", which also means sewing in facility names).</summary>
    private static readonly string[] Markers =
    [
        "bao nhieu", "bn", "how many", "how much", "the nao", "ra sao", "nhieu nhat", "it nhat", "cao nhat", "thap nhat",
        "so sanh", "nao", "dat bao nhieu", "tong cong", "tong so", "la bao nhieu", "bao nhieu phan tram", "so voi ke hoach",
    ];

    public static bool Is(QuestionParser parser, string text, DateOnly today)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0 || char.IsDigit(folded[0]) && !folded.Contains(' '))
        {
            return false;
        }
        var parts = parser.Parse(text, today);
        if (FiguresModule.ReportRequest(text.Trim(), parts) is not null)
        {
            return parts.Period is not null;
        }
        if (!parts.HasMetric)
        {
            return false;
        }
        return text.Contains('?') || Markers.Any(m => VnText.ContainsWords(folded, m));
    }
}
