using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>
/// Finds projects by part of their name or code, typed with or without diacritics ("may say che", "máy sấy chè", "hội chợ hàng
/// việt nam"): every word typed must be a word of the project's name or code, the last one may be the start of a word ("đóng g").
/// It only ever searches the projects it is given: the caller passes those the person may see (their role and province).
/// </summary>
public static class ProjectSearch
{
    /// <summary>How many matches a list shows (the rest are counted, and the person asked to type more of the name).</summary>
    public const int MaxShown = 8;

    /// <summary>Words that say "a project", not which one: "đề án", "dự án", "project", "mã", "tên".</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "project", "projects", "ma", "ten", "la" };

    /// <summary>The words of a typed name that must match (folded, "đề án" and filler dropped); empty when nothing is left to search.</summary>
    public static IReadOnlyList<string> Words(string? typed)
    {
        var folded = " " + VnText.FoldWords(typed ?? "") + " ";
        folded = folded.Replace(" de an ", " ", StringComparison.Ordinal).Replace(" du an ", " ", StringComparison.Ordinal);
        return folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !Filler.Contains(w)).ToList();
    }

    /// <summary>
    /// The projects among <paramref name="candidates"/> whose name or code holds every word typed: open projects first, then the
    /// latest decision. A code typed in full matches its project alone.
    /// </summary>
    public static List<Project> Find(IEnumerable<Project> candidates, string? typed)
    {
        var list = candidates as IReadOnlyCollection<Project> ?? candidates.ToList();
        var normalized = ProjectCode.Normalize(typed);
        if (normalized.Length > 0 && list.FirstOrDefault(p => p.NormalizedCode == normalized) is { } byCode)
        {
            return [byCode];
        }
        var words = Words(typed);
        if (words.Count == 0)
        {
            return [];
        }
        return list.Where(p => Matches(p, words))
            .OrderBy(p => p.Status == ProjectStatus.Settled).ThenByDescending(p => p.DecisionDate).ThenByDescending(p => p.Id).ToList();
    }

    private static bool Matches(Project p, IReadOnlyList<string> words)
    {
        var own = VnText.FoldWords(p.Name + " " + p.Code.Replace('-', ' ').Replace('/', ' ')).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var last = i == words.Count - 1;
            if (!own.Any(o => o == w || (last && w.Length >= 2 && o.StartsWith(w, StringComparison.Ordinal))))
            {
                return false;
            }
        }
        return true;
    }
}
