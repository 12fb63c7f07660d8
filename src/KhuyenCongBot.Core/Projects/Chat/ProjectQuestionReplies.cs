using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Managers' questions about projects ("bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ ở Phú Thọ", "giải ngân đạt bao
/// nhiêu %"): the scope and period read as the figures read them, within the person's scope; a word not understood, or a filter
/// projects cannot apply (a source, an activity), gets no figure.
/// </summary>
public sealed class ProjectQuestionReplies(
    ProjectAnswers answers, ProjectVocabulary vocabulary, CatalogueIndex catalogue, ScopeResolver scopes, QuestionParser questions,
    AccessPolicy? access, IReadOnlySet<string> knownWords)
{
    public void Answer(BotContext context, string text, ProjectRequest request)
    {
        var parts = questions.Parse(text, context.Today);
        var unknown = parts.Unknown.SelectMany(u => VnText.FoldWords(u).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => !knownWords.Contains(w)).ToList();
        if (unknown.Count > 0)
        {
            context.Say(context.T(
                $"Bot chưa hiểu \"{string.Join(" ", unknown)}\" trong câu hỏi về đề án, nên chưa trả lời số nào. Ví dụ hỏi: \"bao nhiêu đề án chưa nghiệm thu\", \"đề án nào chậm tiến độ ở Phú Thọ\", \"giải ngân đạt bao nhiêu %\".",
                $"The bot did not understand \"{string.Join(" ", unknown)}\" in that question about projects. E.g. \"how many projects not yet accepted\"."));
            return;
        }
        if (UnusedFilters(context, text) is { Count: > 0 } unused)
        {
            context.Say(context.T(
                $"Câu hỏi về đề án chưa lọc được theo {string.Join(", ", unused)}, nên bot chưa trả lời số nào (số của mọi đề án sẽ sai với câu hỏi). Bạn hỏi không kèm điều kiện đó, ví dụ: \"bao nhiêu đề án chưa nghiệm thu\", hoặc xem từng đề án bằng /dean.",
                $"Project questions cannot be filtered by {string.Join(", ", unused)} yet, so no figure is given. Ask without it, e.g. \"how many projects not yet accepted\", or see each project with /dean."));
            return;
        }
        var scope = parts.Scope is null or "own" ? scopes.DefaultScope(context.User) : parts.Scope;
        var units = scopes.UnitIds(scope);
        var refusal = (context.Message.IsGroupChat
            ? access?.RefusalInChat(context, units) ?? AccessPolicy.GroupRefusal(context)
            : null) ?? scopes.Refusal(context.User, scope, context.English);
        if (refusal is not null)
        {
            context.Say(refusal);
            return;
        }
        var at = context.Today;
        if (parts.Period is { } period)
        {
            if (period.From > context.Today)
            {
                context.Say(context.T($"Kỳ bạn hỏi ({period.Label}) chưa bắt đầu (hôm nay là {VnFormat.Date(context.Today)}), nên chưa có số liệu đề án.",
                    $"The period asked about has not started yet (today is {VnFormat.Date(context.Today)})."));
                return;
            }
            at = period.To < at ? period.To : at;
        }
        var name = scopes.ShortName(scope, context.English);
        var english = context.English;
        var answer = request.Ask switch
        {
            ProjectAsk.NotReached => answers.NotReached(units, name, request.Status!.Value, at, english),
            ProjectAsk.AtStatus => answers.AtStatus(units, name, request.Status!.Value, at, english),
            ProjectAsk.Late => answers.Late(units, name, at, english),
            ProjectAsk.Rate => answers.Rate(units, name, at, english),
            _ => answers.Overview(units, name, at, english),
        };
        if (parts.Corrections.Count > 0)
        {
            answer = context.T("Bot hiểu " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" là \"{c.Read}\"")) + ".\n",
                "Read " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" as \"{c.Read}\"")) + ".\n") + answer;
        }
        context.Say(answer);
    }

    /// <summary>
    /// A source, an activity or a group of facilities read in the question: not a filter of the project answers ("đề án KCĐP chưa
    /// nghiệm thu" must not be answered for every project).
    /// </summary>
    private List<string> UnusedFilters(BotContext context, string text)
    {
        var unused = new List<string>();
        // The word "đề án"/"dự án" itself reads as consulting projects to the figures parser: filters are read without it.
        var withoutProjectWords = " " + VnText.FoldWords(text) + " ";
        foreach (var w in vocabulary.ProjectWords)
        {
            withoutProjectWords = withoutProjectWords.Replace(" " + w + " ", " ", StringComparison.Ordinal);
        }
        var filters = questions.Parse(withoutProjectWords.Trim(), context.Today);
        if (filters.Source is { } source)
        {
            unused.Add(context.T("nguồn ", "source ") + Figures.FundingSources.Label(source, context.English));
        }
        if (filters.ActivityId is { } activity)
        {
            unused.Add(context.T("hoạt động \"", "activity \"") + (catalogue.Activity(activity)?.ShortName ?? activity) + "\"");
        }
        if (filters.FacilityGroup is { } group)
        {
            unused.Add(group);
        }
        return unused;
    }
}
