using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// Whether a message typed while a dialog is open is clearly a figures question (answered aside of the dialog) rather than an
/// answer to it. Strict on purpose: a facility name such as "Cơ sở mộc Thành Đạt" or "Xưởng may Thành Công" names a measure-like
/// word but asks nothing, so it stays an answer. Clear means a measure (or activity) the parser understood AND a question marker
/// ("bao nhiêu", "?", "nhiều nhất"...) or a measure word with a period and nothing else unknown, or a report request for a period ("báo cáo 6 tháng đầu năm 2024").
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
        if (FigureReports.ReportRequest(text.Trim(), parts) is not null)
        {
            return parts.Period is not null;
        }
        if (!parts.HasMetric)
        {
            return false;
        }
        // "kinh phí năm ngoái của Phú Thọ", "gian hàng năm 2025": a measure word and a period, every other word understood, asks
        // a figure even without a question word (a facility or fair name leaves words the parser does not know).
        if (parts.Measure is not null && parts.Period is not null && parts.Unknown.Count == 0 && parts.FacilityName is null)
        {
            return true;
        }
        return text.Contains('?') || Markers.Any(m => VnText.ContainsWords(folded, m));
    }
}
