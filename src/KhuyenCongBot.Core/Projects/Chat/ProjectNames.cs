using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Projects named by part of their name rather than their code ("/dean máy sấy chè", "đề án may dong goi đã nghiệm thu ngày 20/11",
/// "tình hình đề án hội chợ hàng việt nam"), searched only among the projects the person may see (<see cref="ProjectSearch"/>):
/// one match is taken as if its code had been typed, several are a numbered choice ("pj:pk:" buttons that carry the request),
/// none is said, with how to list the projects. A typed phrase is a name only when the project questions do not understand it
/// (a province, a source or an activity stays what it was: "đề án KCĐP chưa nghiệm thu" is a question about local projects).
/// </summary>
public sealed class ProjectNames(ProjectVocabulary vocabulary, ProjectQuestionParser parser, ScopeResolver scopes, QuestionParser questions,
    IReadOnlySet<string> knownWords)
{
    /// <summary>Words ending a name typed after "đề án" (besides the steps and the question phrases).</summary>
    private static readonly string[] Stops =
        ["da", "dang", "duoc", "chua", "o", "tai", "cua", "hien", "nay", "bao nhieu", "ty le", "ti le", "phan tram", "co phai", "vao", "tu", "den ngay", "ngay"];

    private List<string> StopPhrases => field ??= vocabulary.Statuses.AllPhrases().Select(VnText.FoldWords)
        .Concat(vocabulary.Questions.Late).Concat(vocabulary.Questions.Disbursement).Concat(vocabulary.Questions.Overview)
        .Concat(vocabulary.NotAMove).Concat(Stops).Where(p => p.Length > 0).Distinct().ToList();

    /// <summary>The projects the person may see (their role's scope: a province officer sees their province's only): the committed
    /// projects themselves, read only (a move or a disbursement reads its project again by code before it writes).</summary>
    public IReadOnlyList<Project> Visible(BotContext context) =>
        context.Store.Projects.Read(new ProjectFilter(scopes.UnitIds(scopes.DefaultScope(context.User))));

    /// <summary>
    /// A project request typed with a name where the code goes: handled (true) when the name is one, <paramref name="handle"/> getting
    /// the request with the code of the one project found; false when the text names no project by name (the caller goes on).
    /// </summary>
    public bool TryHandle(BotContext context, string text, ProjectRequest request, Action<string, ProjectRequest> handle)
    {
        if (request.Code is not null || request.Ask == ProjectAsk.Register || Phrase(text) is not { } phrase)
        {
            return false;
        }
        var matches = ProjectSearch.Find(Visible(context), phrase.Text);
        var rewritten = phrase.With(matches.Count > 0 ? matches[0].Code : "KC-0000-00");
        var read = parser.Parse(rewritten, context.Today) is { Code: not null } r ? r : new ProjectRequest(ProjectAsk.One, matches.FirstOrDefault()?.Code);
        // A dated move or a disbursement names one project whatever its words; elsewhere only words the project questions do not read
        // are a name ("máy sấy chè"): "KCĐP", "Phú Thọ", "đào tạo" stay filters of a question ("đề án KCĐP đã nghiệm thu").
        var action = read.Ask == ProjectAsk.Move && read.Date is not null || read.Ask == ProjectAsk.Disburse && read.Amount is not null;
        if (!action && !Unknown(context, phrase.Text))
        {
            return false;
        }
        if (context.Message.IsGroupChat)
        {
            context.Say(AccessPolicy.GroupRefusal(context));
            return true;
        }
        if (matches.Count == 0)
        {
            NoneFound(context, phrase.Text);
            return true;
        }
        if (matches.Count == 1 && read.Ask == ProjectAsk.Disburse && read.Problem is null && read.Amount is { } amount)
        {
            // A disbursement is saved without a question when its code is typed; found by a name, the project is confirmed first.
            var p = matches[0];
            context.Ask(context.Text("projects.names.confirm_disbursement", ("amount", context.Numbers.MoneyFull(amount)), ("code", p.Code), ("name", p.Name)),
            [
                new Choice(context.Text("projects.names.yes_this"), $"pj:pk:{p.Id.ToString(CultureInfo.InvariantCulture)}:{Tail(read)}"),
                new Choice(context.Text("projects.move.do_not_record"), "pj:no"),
            ]);
            return true;
        }
        if (matches.Count == 1 || read.Problem is not null)
        {
            handle(rewritten, read);
            return true;
        }
        Choose(context, phrase.Text, matches, read);
        return true;
    }

    private bool Unknown(BotContext context, string phrase) =>
        questions.Parse(phrase, context.Today).Unknown
            .SelectMany(u => VnText.FoldWords(u).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Any(w => !knownWords.Contains(w));

    /// <summary>/dean followed by a name: the project when one matches (true, its code given back), a choice or "not found" (handled, null).</summary>
    public string? FindOne(BotContext context, string typed)
    {
        var matches = ProjectSearch.Find(Visible(context), typed);
        switch (matches.Count)
        {
            case 1:
                return matches[0].Code;
            case 0:
                NoneFound(context, typed);
                return null;
            default:
                Choose(context, typed, matches, new ProjectRequest(ProjectAsk.One));
                return null;
        }
    }

    private static void NoneFound(BotContext context, string typed) =>
        context.Say(context.Text("projects.names.none_found", ("typed", Clip(typed.Trim(), 60))));

    /// <summary>Several projects match: a numbered list, each button carrying what was asked of the project.</summary>
    private void Choose(BotContext context, string typed, List<Project> matches, ProjectRequest read)
    {
        var shown = matches.Take(ProjectSearch.MaxShown).ToList();
        var sb = new StringBuilder(context.Text("projects.names.several", ("count", matches.Count), ("typed", Clip(typed.Trim(), 60))));
        foreach (var p in shown)
        {
            sb.Append('\n').Append($"• {p.Code} – {p.Name} ({vocabulary.Name(p.Status, context.English).ToLowerInvariant()})");
        }
        if (matches.Count > shown.Count)
        {
            sb.Append('\n').Append(context.Text("projects.names.more", ("count", matches.Count - shown.Count)));
        }
        var tail = Tail(read);
        context.Ask(sb.ToString(), shown.Select(p => new Choice(Clip($"{p.Code} – {p.Name}", 60), $"pj:pk:{p.Id.ToString(CultureInfo.InvariantCulture)}:{tail}")).ToList());
    }

    /// <summary>What the pick buttons carry: "o" (show), "m:STEP:DAY" (a move, DAY 0 when no date), "d:AMOUNT:DAY" (disbursed).</summary>
    private static string Tail(ProjectRequest r) => r.Ask switch
    {
        ProjectAsk.Move when r.Status is { } s => $"m:{(int)s}:{r.Date?.DayNumber ?? 0}",
        ProjectAsk.Disburse when r.Amount is { } a => $"d:{a.ToString(CultureInfo.InvariantCulture)}:{r.Date?.DayNumber ?? 0}",
        _ => "o",
    };

    /// <summary>A pick button ("pj:pk:ID:…"): the request it carries for that project, or null after "không tìm thấy" (forged or gone).</summary>
    public ProjectRequest? Picked(BotContext context, string[] parts, ProjectLookup lookup)
    {
        var project = parts.Length >= 4 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? context.Store.Projects.Get(id) : null;
        if (project is null)
        {
            context.Say(context.Text("projects.not_found_list"));
            return null;
        }
        if (lookup.Visible(context, project.Code, fromButton: true) is null)
        {
            return null;
        }
        long Number(int i) => parts.Length > i && long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        DateOnly? Day(int i) => Number(i) is > 0 and <= 3652058 and var d ? DateOnly.FromDayNumber((int)d) : null;
        return parts[3] switch
        {
            "m" when Number(4) is >= 0 and <= (int)ProjectStatus.Settled and var s => new ProjectRequest(ProjectAsk.Move, project.Code, (ProjectStatus)s, Day(5)),
            "d" when Number(4) >= 0 => new ProjectRequest(ProjectAsk.Disburse, project.Code, Date: Day(5), Amount: Number(4)),
            _ => new ProjectRequest(ProjectAsk.One, project.Code),
        };
    }

    /// <summary>The words typed after "đề án" up to the first step, question word, date or period: the name, and where it stands.</summary>
    private NamePhrase? Phrase(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var folded = tokens.Select(t => VnText.FoldWords(t)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = vocabulary.ProjectWords.FirstOrDefault(w => StartsWith(folded, i, w));
            if (word is null)
            {
                continue;
            }
            var start = i + word.Split(' ').Length;
            var end = start;
            while (end < tokens.Count && !Stop(tokens[end], folded, end))
            {
                end++;
            }
            var name = string.Join(' ', tokens.Skip(start).Take(end - start)).Trim(',', ';', ':', '.', '"');
            return ProjectSearch.Words(name).Count == 0 ? null : new NamePhrase(name, tokens, start, end);
        }
        return null;
    }

    private bool Stop(string token, List<string> folded, int at) =>
        token.Contains('?') || folded[at].Length == 0 || (token.Any(char.IsAsciiDigit) && token.IndexOfAny(['/', '.']) > 0)
        || StopPhrases.Any(p => StartsWith(folded, at, p))
        || (folded[at] is "nam" or "thang" or "quy" && at + 1 < folded.Count && folded[at + 1].Length > 0 && folded[at + 1].All(char.IsAsciiDigit));

    /// <summary>Whether the folded words from <paramref name="at"/> begin with the phrase (whole words).</summary>
    private static bool StartsWith(List<string> folded, int at, string phrase)
    {
        var words = phrase.Split(' ');
        var joined = string.Join(' ', folded.Skip(at).Take(words.Length * 2)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return joined.Length >= words.Length && words.Select((w, k) => joined[k] == w).All(x => x);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>A name typed in a message: its words, and the message with a code in their place.</summary>
    private sealed record NamePhrase(string Text, List<string> Tokens, int Start, int End)
    {
        public string With(string code) => string.Join(' ', Tokens.Take(Start).Append(code).Concat(Tokens.Skip(End)));
    }
}
