using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>
/// Reads a typed answer against the choices last shown: "2" for the second numbered one, a label typed as shown (with or without
/// diacritics), a shortcut under "Hoặc gõ:" by its first word or the words before its colon ("giu" for "Giữ: Phú Thọ",
/// "mac dinh" for "Mặc định: Chính thức") or its first words ("quay lai" for "Quay lại danh sách"), and yes/no words ("có", "ok", "ừ", "không") for a yes/no pair.
/// </summary>
public static class ChoiceMatcher
{
    /// <summary>Folded words that say yes to a yes/no question.</summary>
    public static readonly IReadOnlySet<string> YesWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "co", "ok", "oke", "okay", "okie", "u", "uh", "uk", "um", "ukm", "vang", "da", "dong y", "yes", "y", "yep", "duoc", "chac chan",
        "xac nhan", "co a", "da co", "vang a", "da vang", "dong y a", "ok luon", "co chu", "dung roi", "dung vay", "phai",
    };

    /// <summary>Folded words that say no.</summary>
    public static readonly IReadOnlySet<string> NoWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "khong", "ko", "k", "kg", "hong", "no", "n", "nope", "khong a", "da khong", "khong dau", "chua",
    };

    /// <summary>The data of the choice <paramref name="text"/> picks, or null when it picks none (or more than one).</summary>
    public static string? Match(IReadOnlyList<Choice> choices, string text)
    {
        if (choices.Count == 0)
        {
            return null;
        }
        var numbered = choices.Where(c => c.Numbered).ToList();
        if (int.TryParse(text.Trim().TrimEnd('.', ')'), out var n) && n >= 1 && n <= numbered.Count)
        {
            return numbered[n - 1].Data;
        }
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0)
        {
            return null;
        }
        if (choices.FirstOrDefault(c => VnText.FoldWords(c.Label) == folded) is { } exact)
        {
            return exact.Data;
        }
        if (Unique(choices.Where(c => Head(c.Label) == folded)) is { } head)
        {
            return head.Data;
        }
        // A shortcut shown under "Hoặc gõ:" by its first word; numbered items need their whole label (or their number).
        if (!folded.Contains(' ') && Unique(choices.Where(c => !c.Numbered && FirstWord(c.Label) == folded)) is { } first)
        {
            return first.Data;
        }
        // A shortcut by its first words as shown ("quay lại" for "Quay lại danh sách"); numbered items, whose labels are often names
        // an officer may type as a new answer (a facility), still need their whole label.
        if (folded.Contains(' ') && Unique(choices.Where(c => !c.Numbered && VnText.FoldWords(c.Label).StartsWith(folded + " ", StringComparison.Ordinal))) is { } words)
        {
            return words.Data;
        }
        return YesNo(numbered, folded);
    }

    /// <summary>
    /// For a dialog step reading its own list: a label typed whole or by its first words, with or without diacritics ("tat ca" for
    /// "Tất cả mọi người", "quản trị" for "Quản trị viên"), numbered or not. When the words begin several labels, the shortest is taken
    /// if it begins every other one ("cán bộ" is "Cán bộ khuyến công", not "Cán bộ khuyến công của một số tỉnh/thành"); otherwise none.
    /// </summary>
    public static string? MatchLabelStart(IReadOnlyList<Choice> choices, string text)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0)
        {
            return null;
        }
        var labels = choices.Select(c => (Choice: c, Label: VnText.FoldWords(c.Label))).ToList();
        if (labels.FirstOrDefault(l => l.Label == folded) is { Choice: { } exact })
        {
            return exact.Data;
        }
        var begun = labels.Where(l => l.Label.StartsWith(folded + " ", StringComparison.Ordinal)).OrderBy(l => l.Label.Length).ToList();
        if (begun.Count == 0)
        {
            return null;
        }
        var shortest = begun[0].Label;
        return begun.Skip(1).All(l => l.Label.StartsWith(shortest + " ", StringComparison.Ordinal)) ? begun[0].Choice.Data : null;
    }

    /// <summary>For a yes/no pair (one choice says no: "Không xóa", "Hủy"), the choice a yes or no word picks.</summary>
    private static string? YesNo(List<Choice> numbered, string folded)
    {
        var yes = YesWords.Contains(folded);
        var no = NoWords.Contains(folded);
        if ((!yes && !no) || numbered.Count < 2)
        {
            return null;
        }
        var negative = numbered.Where(c => IsNegative(c.Label)).ToList();
        if (negative.Count != 1)
        {
            return null;
        }
        // Two choices: one says no, the other yes. More ("Đúng, ghi / Sửa ngày / Không ghi"): a yes picks the one choice that says yes,
        // a no the one that says "Không …" (not a "Hủy", which may drop more than the question asked).
        var others = numbered.Where(c => c != negative[0]).ToList();
        if (others.Count == 1)
        {
            return no ? negative[0].Data : others[0].Data;
        }
        if (no)
        {
            var label = VnText.FoldWords(negative[0].Label);
            return label.StartsWith("khong ", StringComparison.Ordinal) || label.StartsWith("no ", StringComparison.Ordinal)
                || label.StartsWith("do not ", StringComparison.Ordinal) ? negative[0].Data : null;
        }
        return others.Where(c => IsAffirmative(c.Label)).ToList() is [var only] ? only.Data : null;
    }

    /// <summary>Whether a choice's label says yes ("Đúng, ghi", "✅ Lưu", "Có", "Yes, save"): read with its diacritics, so that
    /// "Cơ sở …" is not "Có" and "Dừng" is not "Đúng".</summary>
    public static bool IsAffirmative(string label)
    {
        var start = label.AsSpan().TrimStart(" ✅✔☑👍💾".AsSpan()).ToString().ToLowerInvariant();
        string[] words = ["đúng", "có", "lưu", "xác nhận", "đồng ý", "yes", "ok", "save", "confirm"];
        return !IsNegative(label) && words.Any(w => start.StartsWith(w, StringComparison.Ordinal)
            && (start.Length == w.Length || !char.IsLetter(start[w.Length])));
    }

    /// <summary>Whether a choice's label says no ("Không xóa", "✖ Hủy", "No").</summary>
    public static bool IsNegative(string label)
    {
        var folded = VnText.FoldWords(label);
        return folded is "khong" or "no" or "huy" or "thoi" or "cancel" or "keep it" or "leave it"
            || folded.StartsWith("khong ", StringComparison.Ordinal) || folded.StartsWith("huy ", StringComparison.Ordinal)
            || folded.StartsWith("do not ", StringComparison.Ordinal) || folded.StartsWith("dont ", StringComparison.Ordinal) || folded.StartsWith("don t ", StringComparison.Ordinal)
            || folded.StartsWith("no ", StringComparison.Ordinal) || folded.StartsWith("dung lai", StringComparison.Ordinal);
    }

    /// <summary>The folded words of a label before its colon or bracket ("Giữ: Phú Thọ" → "giu", "Hôm nay (26/11)" → "hom nay").</summary>
    private static string Head(string label)
    {
        var cut = label.IndexOfAny([':', '(']);
        return cut <= 0 ? "" : VnText.FoldWords(label[..cut]);
    }

    private static string FirstWord(string label)
    {
        var folded = VnText.FoldWords(label);
        var space = folded.IndexOf(' ');
        return space < 0 ? folded : folded[..space];
    }

    private static Choice? Unique(IEnumerable<Choice> candidates)
    {
        Choice? found = null;
        foreach (var c in candidates)
        {
            if (found is not null && found.Data != c.Data)
            {
                return null;
            }
            found = c;
        }
        return found;
    }
}
