using System.Text;
using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Text;

/// <summary>Finds a period in a question: today, this/last week or month, tháng 5, quý I-IV, 6 tháng đầu/cuối năm, 9 tháng, từ đầu năm (đến nay), năm nay, năm ngoái, năm 2023, từ 1/3/2024 đến 15/5/2024, 3 năm qua, từ năm 2020 đến nay, giai đoạn 2021-2025; and simple English.</summary>
/// <remarks>
/// Rules: weeks run Monday-Sunday; a missing year is the year of today, except that a month, quarter or
/// "N tháng đầu/cuối năm" that would start after today means last year ("tháng 12" asked in May 2026 is 12/2025).
/// When several phrases match, the longest wins ("6 tháng đầu năm 2024" over "năm 2024"). A phrase right after
/// "cùng kỳ" or "so với" is a comparison, not the period asked about, and is skipped (see <see cref="MentionsSamePeriodLastYear"/>).
/// </remarks>
public static class PeriodParser
{
    /// <summary>Looks for a period phrase in <paramref name="foldedText"/>: either text folded by <see cref="VnText.FoldWords"/> or the raw message.</summary>
    /// <remarks>
    /// Prefer passing the raw message (diacritics and upper case are fine): FoldWords turns "15/5/2024" into "15 5 2024",
    /// which is only read as a date after "từ", "đến" or "ngày". Either way <paramref name="matched"/> is the exact
    /// substring of the text passed in, so <c>text.Replace(matched, "")</c> removes it.
    /// </remarks>
    /// <param name="matched">The phrase that was read, so callers can remove it before reading the rest.</param>
    public static bool TryFind(string foldedText, DateOnly today, out Period period, out string matched)
    {
        period = null!;
        matched = "";
        if (string.IsNullOrWhiteSpace(foldedText))
        {
            return false;
        }
        var (n, map) = Normalize(foldedText);
        Period? best = null;
        int bestStart = 0, bestLength = 0;
        var invalid = new List<(int Start, int End)>();
        foreach (var rule in PeriodRules.All)
        {
            foreach (Match m in rule.Pattern.Matches(n))
            {
                if (m.Length < bestLength || (m.Length == bestLength && m.Index >= bestStart) || IsComparison(n, m.Index))
                {
                    continue;
                }
                var p = rule.Build(m, today);
                if (p is null || p.From > p.To)
                {
                    invalid.Add((m.Index, m.Index + m.Length));
                    continue;
                }
                best = p;
                bestStart = m.Index;
                bestLength = m.Length;
            }
        }
        // A phrase that reads as a period but is impossible ("từ 31/2/2024 đến 15/5/2024") hides the pieces inside it.
        if (best is null || invalid.Any(x => x.Start <= bestStart && x.End >= bestStart + bestLength && x.End - x.Start > bestLength))
        {
            return false;
        }
        var from = map[bestStart];
        var to = map[bestStart + bestLength - 1] + 1;
        while (to < foldedText.Length && VnText.IsMark(foldedText[to]))
        {
            to++;
        }
        period = best;
        matched = foldedText[from..to];
        return true;
    }

    /// <summary>Whether the question asks for a comparison with the same period last year ("cùng kỳ", "so với năm trước", "same period").</summary>
    public static bool MentionsSamePeriodLastYear(string text)
    {
        var f = VnText.FoldWords(text);
        return VnText.ContainsWords(f, "cung ky") || VnText.ContainsWords(f, "same period")
            || VnText.ContainsWords(f, "so voi nam truoc") || VnText.ContainsWords(f, "so voi nam ngoai");
    }

    private static bool IsComparison(string n, int index)
    {
        var before = n[..index].TrimEnd();
        return before.EndsWith("cung ky", StringComparison.Ordinal) || before.EndsWith("so voi", StringComparison.Ordinal)
            || before.EndsWith("same period", StringComparison.Ordinal) || before.EndsWith("compared to", StringComparison.Ordinal);
    }

    /// <summary>Lower case, no diacritics, date separators "/", "-", "." kept, other punctuation as single spaces; map[i] is the index in the input of n[i].</summary>
    private static (string Text, List<int> Map) Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (VnText.IsMark(ch))
            {
                continue;
            }
            var c = VnText.BaseLetter(ch);
            if (c is '–' or '—')
            {
                c = '-';
            }
            if (char.IsLetterOrDigit(c) || c is '/' or '-' or '.')
            {
                sb.Append(c);
                map.Add(i);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
                map.Add(i);
            }
        }
        return (sb.ToString(), map);
    }

    /// <summary>The words of every period phrase ("quy", "thang", "dau", "luy"...): known words for typo correction.</summary>
    public static IEnumerable<string> Words => PeriodRules.All.SelectMany(r => Regex.Matches(r.Pattern.ToString(), "[a-z]{3,}").Select(m => m.Value)).Distinct();

    /// <summary>The first day counted by "từ trước đến nay" (all records: khuyến công began in 2004).</summary>
    public static readonly DateOnly Beginning = new(2000, 1, 1);

    /// <summary>Every record up to <paramref name="today"/>: "từ trước đến nay".</summary>
    public static Period AllTime(DateOnly today) => new(Beginning, today, PeriodLabel.Of("period.all_time", today));
}
