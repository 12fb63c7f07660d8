using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>What a message about projects asks or does.</summary>
public enum ProjectAsk
{
    /// <summary>"bao nhiêu đề án chưa nghiệm thu": projects that have not reached a step.</summary>
    NotReached,

    /// <summary>"đề án nào đang thực hiện": projects at a step.</summary>
    AtStatus,

    /// <summary>"đề án nào chậm tiến độ": planned end passed, not accepted.</summary>
    Late,

    /// <summary>"giải ngân đạt bao nhiêu %": disbursed against approved (and the year plan).</summary>
    Rate,

    /// <summary>"tình hình đề án", "bao nhiêu đề án theo bước": projects by step.</summary>
    Overview,

    /// <summary>"đề án KC-2026-07 thế nào": one project.</summary>
    One,

    /// <summary>"đề án KC-2026-07 đã nghiệm thu ngày 15/11": a move.</summary>
    Move,

    /// <summary>"đề án KC-2026-07 giải ngân 300 triệu": the amount disbursed so far.</summary>
    Disburse,

    /// <summary>"ghi đề án": register a new project.</summary>
    Register,
}

/// <summary>A message read as a project request.</summary>
/// <param name="Ask">What is asked.</param>
/// <param name="Code">The project code typed (One, Move, Disburse).</param>
/// <param name="Status">The step named (NotReached, AtStatus, Move).</param>
/// <param name="Date">The date named (Move, Disburse); null when none.</param>
/// <param name="Amount">The amount (Disburse).</param>
/// <param name="Problem">Why a date or amount was not taken (Vietnamese); null when fine.</param>
public sealed record ProjectRequest(ProjectAsk Ask, string? Code = null, ProjectStatus? Status = null, DateOnly? Date = null, long? Amount = null, ProjectParseProblem? Problem = null);

/// <summary>
/// Reads the chat phrasings about projects: managers' questions ("bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ",
/// "giải ngân đạt bao nhiêu %"), officers' moves ("đề án KC-2026-07 đã nghiệm thu ngày 15/11"), disbursement
/// ("đề án KC-2026-07 giải ngân 300 triệu") and "ghi đề án". Vocabulary: seeds/catalogue/projects.json.
/// </summary>
/// <remarks>
/// Null for anything else: a question must name projects ("đề án") with a step, lateness, disbursement or an overview word,
/// or name a project code. "bao nhiêu đề án tư vấn 2024" (no step) stays a figures question (consulting projects).
/// </remarks>
/// <param name="sources">The folded phrases that name a funding source (seeds/lexicon/sources.json): "which projects use national funds".</param>
public sealed partial class ProjectQuestionParser(ProjectVocabulary vocabulary, ProjectMoveParser moves, IReadOnlyList<string>? sources = null)
{
    public ProjectRequest? Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('/'))
        {
            return null;
        }
        var folded = VnText.FoldWords(text);
        var words = vocabulary.Questions;
        if (Has(folded, words.Register) && Codes(text).Count == 0 && folded.Split(' ').Length <= 6)
        {
            return new ProjectRequest(ProjectAsk.Register);
        }
        var codes = Codes(text);
        var distinct = codes.Select(ProjectCode.Normalize).Distinct().ToList();
        if (distinct.Count > 1)
        {
            return null;
        }
        var code = codes.FirstOrDefault();
        var disbursement = Has(folded, words.Disbursement);
        if (code is not null)
        {
            if (disbursement && !IsQuestion(text, folded) && moves.Parse(text, today) is not null)
            {
                // "đã nghiệm thu ngày 15/11 và giải ngân 600 triệu": two things in one message; doing one would lose the other silently.
                return new ProjectRequest(ProjectAsk.Disburse, code, Problem: new ProjectParseProblem(ProjectParseProblemKind.MoveAndDisburse, code));
            }
            if (disbursement && !IsQuestion(text, folded) && ReadAmount(text, today) is { } amount)
            {
                return new ProjectRequest(ProjectAsk.Disburse, code, Date: amount.Date, Amount: amount.Amount, Problem: amount.Problem);
            }
            if (moves.Parse(text, today) is { } move)
            {
                return new ProjectRequest(ProjectAsk.Move, move.Code, move.Target, move.Date, Problem: move.DateProblem);
            }
            // "gian hàng T7/2025" names a month, not a project: a code alone is a project only with "đề án", a step, or nothing else.
            var alone = codes.Count == 1 && Clean(text.Trim()) == code;
            return NamesProjects(text) || alone || vocabulary.Statuses.FindAll(text).Count > 0 ? new ProjectRequest(ProjectAsk.One, code) : null;
        }
        var projectWord = vocabulary.ProjectWords.Any(w => VnText.ContainsWords(folded, w));
        // "giải ngân năm 2025", "giải ngân năm 2025 Phú Thọ", "kinh phí đã giải ngân 2025": disbursement is the projects' (recorded on
        // them), whatever the word order; it was left to the figures, which read it as the records' support funding (another figure).
        // Only "giải ngân 300 triệu" without a code (an amount told, not asked) goes on.
        if (disbursement && (text.Contains('%') || Has(folded, words.Rate) || IsQuestion(text, folded) || ReadAmount(text, today) is not { Amount: not null }))
        {
            return new ProjectRequest(ProjectAsk.Rate);
        }
        if (!projectWord)
        {
            return null;
        }
        if (vocabulary.ProjectWords.Contains(folded))
        {
            // "đề án" alone: the overview of projects, not consulting "dự án" figures.
            return new ProjectRequest(ProjectAsk.Overview);
        }
        if (Has(folded, words.Late))
        {
            return new ProjectRequest(ProjectAsk.Late);
        }
        // "Số đề án tư vấn ước thực hiện 6 tháng đầu năm 2024": "ước thực hiện" is the records' estimate status (the article's figure),
        // not the step "thực hiện"; without a step the question stays with the figures (consulting projects).
        var steps = vocabulary.Statuses.FindAll(words.Estimate.Aggregate(" " + folded + " ", (t, w) => t.Replace(" " + w + " ", " ", StringComparison.Ordinal)));
        if (steps.Count == 1 && ProjectVocabulary.StatusOf(steps[0]) is { } status)
        {
            // "chưa nghiệm thu", "not yet accepted", "have not been accepted yet", "haven't been settled".
            var not = VnText.ContainsWords(folded, "chua") || VnText.ContainsWords(folded, "not") || VnText.ContainsWords(folded, "n t")
                || VnText.ContainsWords(folded, "yet to be");
            return new ProjectRequest(not ? ProjectAsk.NotReached : ProjectAsk.AtStatus, Status: status);
        }
        if (steps.Count == 0 && Has(folded, words.Overview))
        {
            return new ProjectRequest(ProjectAsk.Overview);
        }
        // "số đề án khuyến công năm 2025", "bao nhiêu đề án": "đề án" (not the English "projects", not "dự án") without "tư vấn" is the
        // khuyến công projects, whose overview is answered; it was answered as consulting projects, another thing.
        if (steps.Count == 0 && VnText.ContainsWords(folded, "de an") && !Has(folded, words.Consulting))
        {
            return new ProjectRequest(ProjectAsk.Overview);
        }
        // "which projects use national funds", "projects funded by the province": projects named with a funding source are the
        // khuyến công projects (consulting projects have no source), listed as "đề án nào dùng vốn KCQG" lists them.
        if (steps.Count == 0 && !Has(folded, words.Consulting) && sources is not null && Has(folded, sources))
        {
            return new ProjectRequest(ProjectAsk.Overview);
        }
        return null;
    }

    /// <summary>
    /// "dự án khuyến công", "dự án KCQG", "dự án nào chậm tiến độ", "giải ngân dự án": the khuyến công projects (đề án), written "de an"
    /// for the rest of the parsing; "dự án tư vấn" and a bare "dự án" stay the consulting activity's projects (a figures question, whose
    /// answer names them). A tester got "115 dự án" (consulting) for "bao nhiêu dự án khuyến công năm 2025" and "0 dự án" for "dự án KCQG".
    /// </summary>
    public string AsProjects(string text)
    {
        var words = vocabulary.Questions;
        var folded = VnText.FoldWords(text);
        if (!Has(folded, words.Alias) || Has(folded, words.Consulting) || VnText.ContainsWords(folded, "ke hoach")
            || !(Has(folded, words.AliasContext) || Has(folded, words.Late) || Has(folded, words.Disbursement) || Has(folded, words.Overview)
                || vocabulary.Statuses.FindAll(text).Count > 0))
        {
            return text;
        }
        var tokens = text.Split(' ');
        foreach (var alias in words.Alias)
        {
            var parts = alias.Split(' ');
            for (var i = 0; i + parts.Length <= tokens.Length; i++)
            {
                if (Enumerable.Range(0, parts.Length).All(k => VnText.FoldWords(tokens[i + k]) == parts[k]))
                {
                    // The alias becomes "de an"; its last word keeps what follows it ("án?" -> "an?").
                    var tail = tokens[i + parts.Length - 1];
                    var punctuation = tail[tail.TrimEnd('?', '.', ',', '!', ':', ';').Length..];
                    for (var k = 0; k < parts.Length; k++)
                    {
                        tokens[i + k] = "";
                    }
                    tokens[i] = "de an" + punctuation;
                }
            }
        }
        return string.Join(' ', tokens.Where(t => t.Length > 0));
    }

    /// <summary>Whether the text names projects ("đề án", "project").</summary>
    public bool NamesProjects(string text)
    {
        var folded = VnText.FoldWords(text);
        return vocabulary.ProjectWords.Any(w => VnText.ContainsWords(folded, w));
    }

    /// <summary>Every folded phrase the project questions use (steps, question words), so the rest can be checked as understood.</summary>
    public IEnumerable<string> KnownPhrases() =>
        vocabulary.Questions.All.Concat(vocabulary.ProjectWords)
            .Concat(Enum.GetValues<ProjectStatus>().Select(s => VnText.FoldWords(vocabulary.Name(s))))
            .Concat(vocabulary.Statuses.AllPhrases());

    private static bool Has(string folded, IEnumerable<string> phrases) => phrases.Any(p => VnText.ContainsWords(folded, p));

    private static bool IsQuestion(string text, string folded) =>
        text.Contains('?') || VnText.ContainsWords(folded, "bao nhieu") || VnText.ContainsWords(folded, "chua") || VnText.ContainsWords(folded, "how much");

    /// <summary>Project codes in the text: a token shaped like a code ("KC-2026-07"), or the token after "đề án" ("đề án 07A").</summary>
    public List<string> Codes(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Clean).Where(t => t.Length > 0).ToList();
        var folded = tokens.Select(VnText.FoldWords).ToList();
        var codes = new List<string>();
        var period = PeriodParser.TryFind(text, new DateOnly(2026, 1, 1), out _, out var matched) ? matched : "";
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsPeriod(tokens[i]) || (period.Length > 0 && period.Contains(tokens[i], StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            if (ProjectMoveParser.CodeShape().IsMatch(tokens[i]) && tokens[i].Any(char.IsAsciiDigit) && ProjectCode.Problem(tokens[i]) is null)
            {
                codes.Add(tokens[i]);
                continue;
            }
            if (i >= 2 && folded[i - 2] == "de" && folded[i - 1] == "an" && tokens[i].Any(char.IsAsciiDigit)
                && tokens[i].Any(char.IsLetter) && ProjectCode.Problem(tokens[i]) is null)
            {
                codes.Add(tokens[i]);
            }
        }
        return codes;
    }

    /// <summary>"q2/2024", "T7/2025", "III/2025" are periods, never project codes.</summary>
    private static bool IsPeriod(string token) =>
        PeriodParser.TryFind(token, new DateOnly(2026, 1, 1), out _, out var matched) && matched.Trim().Length == token.Length;

    /// <summary>"giải ngân 300 triệu", "giải ngân được 1,2 tỷ đến ngày 20/11": the amount after the word, and a date if one is named.</summary>
    private (long? Amount, DateOnly? Date, ProjectParseProblem? Problem)? ReadAmount(string text, DateOnly today)
    {
        var folded = VnText.Fold(text);
        var at = vocabulary.Questions.Disbursement.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (at < 0)
        {
            return null;
        }
        var rest = folded[at..];
        var word = vocabulary.Questions.Disbursement.First(w => rest.StartsWith(w, StringComparison.Ordinal));
        rest = rest[word.Length..];
        DateOnly? date = null;
        ProjectParseProblem? problem = null;
        var dateMatch = DatePart().Match(rest);
        if (dateMatch.Success)
        {
            if (VnParse.TryParseDate(dateMatch.Groups["d"].Value, today, out var d))
            {
                date = d;
            }
            else
            {
                problem = new ProjectParseProblem(ProjectParseProblemKind.BadDate, dateMatch.Groups["d"].Value);
            }
            rest = rest[..dateMatch.Index] + " " + rest[(dateMatch.Index + dateMatch.Length)..];
        }
        rest = Lead().Replace(rest, "").Trim();
        if (rest.StartsWith("them ", StringComparison.Ordinal))
        {
            // "giải ngân thêm 100 triệu": the bot keeps the total disbursed so far, not an increment.
            return (null, date, new ProjectParseProblem(ProjectParseProblemKind.Increment));
        }
        // "giải ngân 2025", "tiến độ giải ngân 2026": a year, not an amount (a tester got the year's support funding, 22 times the
        // disbursement, because "2025" was read as 2.025 đồng told and the question left to the figures).
        if (BareYear().IsMatch(rest))
        {
            return null;
        }
        return VnParse.TryParseMoney(rest, out var vnd) ? (vnd, date, problem) : null;
    }

    [GeneratedRegex(@"^(?:nam\s+)?(?:19|20)[0-9]{2}\b(?!\s*(?:trieu|tr|ty|ti|dong|d|nghin|ngan|k|vnd|million|billion)\b)")]
    private static partial Regex BareYear();

    private static string Clean(string token) => token.Trim(',', ';', ':', '!', '?', '(', ')', '"', '\'', '“', '”', '…').TrimEnd('.');

    /// <summary>"(đến|tính đến) [ngày] 20/11[/2026]", "hôm qua", "hôm nay".</summary>
    [GeneratedRegex(@"(?:(?:tinh )?den |tai |vao )?(?:ngay )?(?<d>[0-9]{1,2}[/.\-][0-9]{1,2}(?:[/.\-][0-9]{2,4})?|hom nay|hom qua|hom kia)")]
    private static partial Regex DatePart();

    /// <summary>Words between "giải ngân" and the amount: "được", "đã", "là", "thêm"? (thêm is not taken: the amount is the total so far).</summary>
    [GeneratedRegex(@"^(?:\s|duoc|da|la|tong|tong cong|so tien|dat|:)+")]
    private static partial Regex Lead();
}
