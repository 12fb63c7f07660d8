using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>A move of a project read from chat: which project, to which step, on which date.</summary>
/// <param name="Code">The code as typed ("kc-2026-07"); look it up with <see cref="ProjectCode.Normalize"/>.</param>
/// <param name="Target">The step named.</param>
/// <param name="Date">The date named; null when none was (ask for it) or it was not understood (see <paramref name="DateProblem"/>).</param>
/// <param name="DateProblem">Why the date was not taken ("31/2" is no date, two dates named), in Vietnamese; null when fine or absent.</param>
public sealed record ProjectMoveRequest(string Code, ProjectStatus Target, DateOnly? Date, ProjectParseProblem? DateProblem);

/// <summary>
/// Reads the chat phrasing of a project's move: "đề án KC-2026-07 đã nghiệm thu ngày 15/11", "de an kc-2026-07 nghiem thu
/// 15/11/2026", "KC-2026-07 quyết toán hôm qua".
/// </summary>
/// <remarks>
/// Null unless the text names exactly one code and exactly one step and is neither a question nor a negation ("đã nghiệm thu
/// chưa?", "chưa nghiệm thu"): anything else is not a move, and must not be taken for one. A date without a year is in the
/// year of <c>today</c> (as everywhere in the bot); the lifecycle refuses a date in the future.
/// </remarks>
public sealed partial class ProjectMoveParser(ProjectVocabulary vocabulary)
{
    public ProjectMoveRequest? Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Contains('?'))
        {
            return null;
        }
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(CleanToken).Where(t => t.Length > 0).ToList();
        var folded = tokens.Select(VnText.FoldWords).ToList();
        var used = new bool[tokens.Count];

        // "đề án [số] X": X is the code whatever its shape; elsewhere a token shaped like a code ("KC-2026-07").
        var codes = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = ProjectWordAt(folded, i);
            if (length == 0)
            {
                continue;
            }
            for (var j = i; j < i + length; j++)
            {
                used[j] = true;
            }
            var next = i + length;
            if (next < tokens.Count && folded[next] is "so" or "ma")
            {
                used[next] = true;
                next++;
            }
            if (next < tokens.Count && LooksLikeCodeAfterWord(tokens[next]))
            {
                codes.Add(next);
            }
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!used[i] && !codes.Contains(i) && CodeShape().IsMatch(tokens[i]) && tokens[i].Any(char.IsAsciiDigit) && ProjectCode.Problem(tokens[i]) is null)
            {
                codes.Add(i);
            }
        }
        var distinct = codes.Select(i => ProjectCode.Normalize(tokens[i])).Distinct().ToList();
        if (distinct.Count != 1)
        {
            return null;
        }
        foreach (var i in codes)
        {
            used[i] = true;
        }
        var code = tokens[codes[0]];
        var rest = string.Join(' ', tokens.Where((_, i) => !used[i]));
        var restWords = VnText.FoldWords(rest);
        if (vocabulary.NotAMove.Any(w => VnText.ContainsWords(restWords, w)))
        {
            return null;
        }
        var steps = vocabulary.Statuses.FindAll(rest);
        if (steps.Count != 1 || ProjectVocabulary.StatusOf(steps[0]) is not { } target)
        {
            return null;
        }
        var (date, problem) = ReadDate(rest, today);
        return new ProjectMoveRequest(code, target, date, problem);
    }

    private int ProjectWordAt(List<string> folded, int i)
    {
        foreach (var phrase in vocabulary.ProjectWords)
        {
            var words = phrase.Split(' ');
            if (i + words.Length <= folded.Count && words.Select((w, k) => folded[i + k] == w).All(x => x))
            {
                return words.Length;
            }
        }
        return 0;
    }

    private static bool LooksLikeCodeAfterWord(string token) =>
        token.Any(char.IsAsciiDigit) && ProjectCode.Problem(token) is null && !DateInText().IsMatch(VnText.Fold(token));

    private static (DateOnly? Date, ProjectParseProblem? Problem) ReadDate(string rest, DateOnly today)
    {
        var text = VnText.Fold(rest);
        var found = DateInText().Matches(text).Select(m => m.Value.Trim()).Distinct().ToList();
        if (found.Count == 0)
        {
            return (null, null);
        }
        if (found.Count > 1)
        {
            return (null, new ProjectParseProblem(ProjectParseProblemKind.SeveralDates, string.Join(", ", found), found.Count));
        }
        return VnParse.TryParseDate(found[0], today, out var date) ? (date, null) : (null, new ProjectParseProblem(ProjectParseProblemKind.BadDate, found[0]));
    }

    private static string CleanToken(string token) => token.Trim(',', ';', ':', '!', '(', ')', '"', '\'', '“', '”', '…').TrimEnd('.');

    /// <summary>Letters first, then letters or digits, in two or more parts joined by "-", "/", ".", "_": "KC-2026-07", "KCĐP-2026/03".</summary>
    [GeneratedRegex(@"^\p{L}[\p{L}\p{Mn}0-9]*(?:[-–_./][\p{L}\p{Mn}0-9]+)+$")]
    internal static partial Regex CodeShape();

    /// <summary>Dates inside folded text: "15/11", "15-11-2026", "15.11.26", "2026-11-15", "15 thang 11 nam 2026", "hom qua".</summary>
    [GeneratedRegex(@"(?<![0-9/.\-])[0-9]{1,2}\s*([/.\-])\s*[0-9]{1,2}(?:\s*\1\s*(?:[0-9]{4}|[0-9]{2}))?(?![0-9/.\-])|(?<![0-9])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])|(?<![0-9])[0-9]{1,2} thang [0-9]{1,2}(?:,? nam [0-9]{4})?(?![0-9])|\b(?:hom nay|hom qua|hom kia|today|yesterday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateInText();
}
