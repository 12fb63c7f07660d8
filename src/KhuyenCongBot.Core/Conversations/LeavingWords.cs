using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// Words that say "I am leaving this" in any dialog, with or without diacritics: "thôi", "hủy", "huỷ bỏ", "thôi không ghi nữa",
/// "không ghi nữa", "dừng lại", "để sau", "thoát", "cancel"… — typed alone, possibly with a particle ("thôi nhé", "dừng lại đi").
/// "không" alone is not one: it answers a yes/no question or skips an optional question.
/// </summary>
public static class LeavingWords
{
    private static readonly HashSet<string> Cores = new(StringComparer.Ordinal)
    {
        "huy", "huy bo", "huy phieu", "huy phieu nay", "huy het", "bo phieu", "bo phieu nay",
        "khong ghi", "khong ghi nua", "khong nhap nua", "khong lam nua", "khong can nua", "khong gui nua", "khong moi nua",
        "dung lai", "ngung", "ngung lai", "tam dung", "de sau", "lam sau", "ghi sau", "thoat", "thoat ra",
        "cancel", "exit", "quit", "stop", "leave",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "a", "nhe", "nha", "di", "luon", "nhi", "ha", "thoi" };

    /// <summary>True when <paramref name="text"/> is a leaving phrase typed alone.</summary>
    public static bool Are(string text)
    {
        var words = VnText.FoldWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count is 0 or > 7)
        {
            return false;
        }
        var saidThoi = false;
        while (words.Count > 0 && words[0] == "thoi")
        {
            saidThoi = true;
            words.RemoveAt(0);
        }
        while (words.Count > 0 && Particles.Contains(words[^1]))
        {
            saidThoi |= words[^1] == "thoi";
            words.RemoveAt(words.Count - 1);
        }
        // "thôi", "thôi nhé": leaving; "thôi không" = "never mind, no": leaving too.
        // "dừng" alone (with its diacritics: folded, it is also "đúng", a yes).
        return words.Count == 0 ? saidThoi
            : Cores.Contains(string.Join(' ', words)) || (saidThoi && words is ["khong"] or ["bo"] or ["khoi"])
            || (words is ["dung"] && text.Contains("dừng", StringComparison.OrdinalIgnoreCase));
    }
}
