using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Managers' questions about projects ("bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ ở Phú Thọ", "giải ngân đạt bao
/// nhiêu %"): the scope, period, funding source and activity read as the figures read them, within the person's scope; a word not
/// understood, or a filter projects cannot apply (a group of facilities), gets no figure. A period on a lifecycle question is when
/// the step happened (<see cref="ProjectPeriodAnswers"/>); a source keeps the projects with money from it; an activity ("đề án máy
/// móc chưa nghiệm thu", "giải ngân đề án hội chợ") the projects of that activity.
/// </summary>
public sealed class ProjectQuestionReplies(
    ProjectAnswers answers, ProjectPeriodAnswers periodAnswers, ProjectVocabulary vocabulary, CatalogueIndex catalogue, ScopeResolver scopes,
    QuestionParser questions, AccessPolicy? access, IReadOnlySet<string> knownWords, Beneficiaries.BeneficiaryCatalogue? beneficiaries = null,
    Storage.IBotStore? store = null)
{
    public void Answer(BotContext context, string text, ProjectRequest request)
    {
        var parts = questions.Parse(text, context.Today);
        var unknown = parts.Unknown.SelectMany(u => VnText.FoldWords(u).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => !knownWords.Contains(w)).ToList();
        if (unknown.Count > 0 && NamesASource(text))
        {
            // "giải ngân vốn ODA": a source the bot does not know must not be dropped (the figure of every source would be given).
            context.Say(context.Text("projects.ask.unknown_source", ("typed", SourceWords(text, unknown))));
            return;
        }
        if (unknown.Count > 0)
        {
            context.Say(context.Text("projects.ask.unknown", ("typed", string.Join(" ", unknown))));
            return;
        }
        // "giải ngân theo tỉnh", "tỉnh nào giải ngân cao nhất": a row per province, the same definition as the single figure.
        var byProvince = request.Ask == ProjectAsk.Rate && ByProvince(parts);
        // "tỉnh nào chưa có đề án năm 2026": the provinces of the scope with no project approved in the period.
        var missing = parts.Kind == QuestionKind.Missing && parts.Breakdown == BreakdownBy.Province && store is not null;
        if (!byProvince && !missing && Unanswered(context, parts) is { } shape)
        {
            // "tỉnh nào giải ngân cao nhất", "giải ngân theo tỉnh", "kinh phí trung bình một đề án": answering the whole scope's single
            // figure would read as the province ranked first, or as the average; say what is not answered and what is.
            context.Say(context.Text("projects.ask.unanswered_shape", ("what", shape)));
            return;
        }
        var filters = FiltersOf(text, context.Today);
        if (UnusedFilters(context, filters) is { Count: > 0 } unused)
        {
            context.Say(context.Text("projects.ask.unused_filter", ("filters", string.Join(", ", unused))));
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
        var period = parts.Period;
        if (period is not null)
        {
            if (period.From > context.Today)
            {
                context.Say(context.Text("projects.ask.period_not_started", ("period", period.Text(context.Texts, context.English)), ("today", context.Today)));
                return;
            }
            at = period.To < at ? period.To : at;
        }
        var english = context.English;
        if (missing)
        {
            context.Say(ProjectMissing.Answer(context, store!, catalogue, scopes, scope, new ProjectFilter(units, ActivityId: filters.ActivityId, Source: filters.Source), period, at));
            return;
        }
        if (byProvince && filters.Source is null && store is not null)
        {
            var rateWords = VnText.FoldWords(text);
            var byRate = text.Contains('%') || RateWords.Any(w => VnText.ContainsWords(rateWords, w));
            var groups = store.Projects.Groups(units);
            var scopeName = filters.ActivityId is { } a && catalogue.Activity(a) is { } act
                ? context.Text("projects.scope_of_activity", ("scope", scopes.ShortName(scope, english)), ("activity", ActivityName(act, english)))
                : scopes.ShortName(scope, english);
            context.Say(ProjectProvinceDisbursement.Answer(context, groups, new ProjectFilter(ActivityId: filters.ActivityId), catalogue, scopeName, period, at, byRate, parts.Top, parts.Ascending));
            return;
        }
        if (byProvince)
        {
            context.Say(context.Text("projects.ask.unanswered_shape", ("what", context.Text("projects.ask.shape_by_group"))));
            return;
        }
        var source = filters.Source;
        var activity = filters.ActivityId is { } id ? catalogue.Activity(id) : null;
        var plainName = activity is null ? scopes.ShortName(scope, english)
            : context.Text("projects.scope_of_activity", ("scope", scopes.ShortName(scope, english)),
                ("activity", ActivityName(activity, english)));
        var name = plainName
            + (source is { } named ? context.Text("projects.ask.with_source", ("money", ProjectPeriodAnswers.Money(context.Texts, named, english))) : "");
        var filter = new ProjectFilter(units, ActivityId: activity?.Id, Source: source);
        var answer = (request.Ask, period, source) switch
        {
            (ProjectAsk.Rate, _, { } s) => periodAnswers.SourceRate(filter, plainName, s, period, at, context.Today, english),
            // "giải ngân năm 2025": the period's projects, as /baocao counts them (one computation), not every project's figure as at its end.
            (ProjectAsk.Rate, { } p, _) => periodAnswers.DisbursedIn(filter, name, p, context.Today, context.Texts, english),
            (ProjectAsk.Rate, _, _) => answers.Rate(filter, name, at, english),
            (ProjectAsk.AtStatus, { } p, _) when request.Status == ProjectStatus.InProgress && Ongoing(text) => periodAnswers.Ongoing(filter, name, p, at, english),
            (ProjectAsk.AtStatus, { } p, _) => periodAnswers.Reached(filter, name, request.Status!.Value, p, at, english),
            (ProjectAsk.AtStatus, _, _) => answers.AtStatus(filter, name, request.Status!.Value, at, english),
            (ProjectAsk.NotReached, _, _) => answers.NotReached(filter, name, request.Status!.Value, at, english),
            (ProjectAsk.Late, _, _) => answers.Late(filter, name, at, english),
            (_, null, { } s) => periodAnswers.SourceList(filter, plainName, s, at, english),
            // "vốn đối ứng các đề án năm 2025": the money, for the projects approved in the period (not their count by step).
            (ProjectAsk.Overview, { } p, { } s) when store is not null && (filters.SourceNamesMoney || filters.Measure == Measures.Funding) && !NamesOverview(text) => ProjectSourceAmounts.Answer(context, store!, filter, plainName, s, p, at),
            (_, { } p, _) => answers.Overview(filter, name, at, english) + "\n" + periodAnswers.EventsLine(filter, p, at, english),
            _ => answers.Overview(filter, name, at, english),
        };
        if (parts.Corrections.Count > 0)
        {
            var read = parts.Corrections.Select(c => context.Text("projects.ask.read_as_item", ("typed", c.Typed), ("read", c.Read)));
            answer = context.Text("projects.ask.read_as", ("corrections", string.Join(", ", read))) + "\n" + answer;
        }
        context.Say(answer);
    }

    /// <summary>The filters of the question (source, activity, group of facilities), read without the word "đề án".</summary>
    private QuestionParts FiltersOf(string text, DateOnly today)
    {
        // The word "đề án"/"dự án" itself reads as consulting projects to the figures parser: filters are read without it.
        var withoutProjectWords = " " + VnText.FoldWords(text) + " ";
        foreach (var w in vocabulary.ProjectWords)
        {
            withoutProjectWords = withoutProjectWords.Replace(" " + w + " ", " ", StringComparison.Ordinal);
        }
        return questions.Parse(withoutProjectWords.Trim(), today);
    }

    /// <summary>"tình hình", "tiến độ": the question asks how the projects stand, not their money.</summary>
    private bool NamesOverview(string text) => vocabulary.Questions.Overview.Any(w => VnText.ContainsWords(VnText.FoldWords(text), w));

    /// <summary>"đang thực hiện trong năm 2025": projects in progress during the period, not those that started in it.</summary>
    private static bool Ongoing(string text) => VnText.ContainsWords(VnText.FoldWords(text), "dang");

    /// <summary>The words after "vốn"/"nguồn" up to a question word ("vốn ngân hàng bao nhiêu": "ngan hang"), else the unknown words.</summary>
    private static string SourceWords(string text, List<string> unknown)
    {
        var words = VnText.FoldWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => w is "von" or "nguon" or "source");
        var after = at < 0 ? [] : words.Skip(at + 1).TakeWhile(w => !StopWords.Contains(w)).Take(4).ToArray();
        return after.Length > 0 && after.Intersect(unknown).Any() ? string.Join(" ", after) : string.Join(" ", unknown);
    }

    private static readonly HashSet<string> StopWords = ["bao", "nhieu", "dat", "nao", "o", "tai", "cua", "nam", "trong", "la", "duoc", "chua", "da", "thang", "quy", "tu", "den", "khong", "the"];

    /// <summary>"vốn …", "nguồn …": the question names a source of money.</summary>
    private static bool NamesASource(string text) =>
        VnText.ContainsWords(VnText.FoldWords(text), "von") || VnText.ContainsWords(VnText.FoldWords(text), "nguon") || VnText.ContainsWords(VnText.FoldWords(text), "source");

    /// <summary>The activity as named inside a sentence: its English name, or its short name in lower case.</summary>
    private static string ActivityName(Catalogue.Activity activity, bool english)
    {
        if (english)
        {
            return activity.EnglishName;
        }
        return Lower(activity.ShortName);
    }

    /// <summary>"Máy móc thiết bị" → "máy móc thiết bị" (inside a sentence).</summary>
    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// A group of facilities read in the question: not a filter of the project answers (its figure would be every project's).
    /// A source and an activity are filters (<see cref="ProjectFilter.Source"/>, <see cref="ProjectFilter.ActivityId"/>).
    /// </summary>
    private List<string> UnusedFilters(BotContext context, QuestionParts filters)
    {
        var unused = new List<string>();
        if (filters.FacilityGroup is { } group)
        {
            // "hợp tác xã", "do phụ nữ làm chủ": by name, never the id ("cooperative").
            unused.Add(string.Join(context.Text("projects.ask.and"), group.Split('+').Select(id => BeneficiaryText.Name(beneficiaries, id, context.English))));
        }
        return unused;
    }

    /// <summary>A breakdown or ranking by province with nothing else the project answers do not give (no average, comparison).</summary>
    private static bool ByProvince(QuestionParts parts) =>
        parts.Breakdown == BreakdownBy.Province && parts.Kind == QuestionKind.Figure
        && parts.PerMeasure is null && !parts.CompareLastYear && parts.VsPeriod is null && parts.CompareYear is null;

    /// <summary>Words that rank disbursement by its rate rather than its amount.</summary>
    private static readonly string[] RateWords = ["ty le", "ti le", "phan tram", "rate", "percent"];

    /// <summary>What the question asks that project answers do not give (a breakdown, a ranking, an average, a comparison); null when none.</summary>
    private static string? Unanswered(BotContext context, QuestionParts parts)
    {
        if (parts.Kind is QuestionKind.Average || parts.PerMeasure is not null)
        {
            return context.Text("projects.ask.shape_average");
        }
        if (parts.Top is not null || parts.Kind is QuestionKind.PlanRanking or QuestionKind.TopFacilities)
        {
            return context.Text("projects.ask.shape_ranking");
        }
        if (parts.Breakdown is { } by)
        {
            return by is BreakdownBy.Month or BreakdownBy.Quarter or BreakdownBy.Year
                ? context.Text("projects.ask.shape_by_period")
                : context.Text("projects.ask.shape_by_group");
        }
        return parts.CompareLastYear || parts.VsPeriod is not null || parts.CompareYear is not null ? context.Text("projects.ask.shape_compare") : null;
    }
}
