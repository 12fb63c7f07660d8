using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>A question ready to answer, with the lines that say what was assumed (notes, before) and a footer (after).</summary>
public sealed record BuiltQuestion(Question Question, IReadOnlyList<string> Notes, string? Footer);

/// <summary>
/// Turns what the parser read (<see cref="QuestionParts"/>) into the question to answer: a new question with the person's defaults,
/// or a follow-up built on the previous one (only when it is clearly a follow-up, and only while it is fresh: see
/// <see cref="QuestionMemory"/>), saying in one line each what it assumed (a typo read, the period or source kept, "cơ sở" read as
/// distinct facilities).
/// </summary>
public sealed class QuestionBuilder(CatalogueIndex catalogue, QuestionParser parser, ScopeResolver scopes, FigureAnswerer answerer, QuestionMemory memory)
{
    /// <summary>The question a figures message asks; null when it names no measure and is no follow-up (the caller asks which one).</summary>
    public BuiltQuestion? Build(BotContext context, string text, QuestionParts parts)
    {
        var last = memory.FreshLast(context);
        var notes = new List<string>();
        if (parts.Corrections.Count > 0)
        {
            notes.Add(context.Text("figures.follow.read_as", ("corrections", string.Join(", ", parts.Corrections.Select(c => context.Text("figures.follow.read_one", ("typed", c.Typed), ("read", c.Read)))))));
        }
        if (parts.Scope == "own" && context.User.ScopeKind != People.ScopeKind.Province)
        {
            // "của tỉnh", "tỉnh mình" from someone who works for no one province: their whole scope, and how to ask for one province.
            notes.Add(context.Text("hforms.own_scope.not_one_province", ("scope", scopes.ShortName(scopes.DefaultScope(context.User), context.English))));
        }
        if (parts.MeasureWord is { } folded && parts.Measure is { } counted)
        {
            var word = AsTyped(text, folded.StartsWith("so ", StringComparison.Ordinal) ? folded[3..] : folded);
            var countedActivity = catalogue.Activity(parts.ActivityId ?? "");
            notes.Add(context.Text("figures.follow.word_counts", ("word", word), ("unit", MetricText.Unit(context.Texts, counted, context.English)),
                ("activity", context.English ? countedActivity?.EnglishName : countedActivity?.ShortName)));
        }
        if (last is not null && parts.Period is { } asked && !NamesAYear(text) && !RelativeToToday(text) && (parts.FollowUpMarker || !parts.HasMetric)
            && last.From.Year == last.To.Year && asked.From.Year == asked.To.Year && asked.From.Year != last.From.Year
            && parser.Parse(text + " năm " + last.From.Year.ToString(CultureInfo.InvariantCulture), context.Today).Period is { } sameYear
            && SameDatesInAnotherYear(asked, sameYear))
        {
            // "quý 1 năm 2025" then "còn quý 2": the quarter of the year asked about just before. Only a follow-up, and only a period
            // that names no year of its own ("quý 2", "tháng 3"): "hôm qua", "tuần trước" are dates, never moved to another year.
            parts.Period = sameYear;
            notes.Add(context.Text("figures.follow.same_year", ("year", sameYear.From.Year)));
        }
        Question question;
        if (!parts.HasMetric)
        {
            if (last is not null && parts.HasModifier)
            {
                question = Merge(last, parts, context);
                if (last.Kind == QuestionKind.Average && parts.Kind != QuestionKind.Average && !parts.FollowUpMarker && AsksAnAmount(text))
                {
                    // "funding per facility on average in 2025" then "how much did Vinh Phuc get in 2024": the amount it got, not the
                    // average again (outside tester: "Average … per facilities: 243.76 million VND" where the total, 5.61 billion, was asked).
                    var (activity, measure, _) = KindAnswerer.AverageParts(last);
                    question = question with { Kind = QuestionKind.Figure, PerMeasure = null, ActivityId = activity, Measure = measure };
                }
                var kept = parts.Source is null && question.Source is { } source ? context.Text("figures.follow.kept_source", ("source", FundingSources.Label(context.Texts, source, context.English))) : "";
                notes.Add(context.Text("figures.follow.previous_question", ("metric", MetricName(question, context.English)), ("kept", kept)));
            }
            else
            {
                return null;
            }
        }
        else
        {
            // A follow-up: "còn ... thì sao", or a metric alone ("doanh thu bao nhiêu") right after a question: keep its period and scope.
            // Only after a figure: after a plan ranking, a plan gap or a facility's history, a measure asked plainly ("tư vấn bao nhiêu",
            // "bao nhiêu cơ sở được hỗ trợ") is a new question; it was answered as that ranking again, for the ranking's year and activity,
            // without a word (outside tester). "còn tư vấn thì sao" still follows the ranking.
            var metricOnly = last is { Kind: QuestionKind.Figure } && parts.Period is null && parts.Scope is null && !parts.FollowUpMarker;
            var baseQuestion = last is not null && (parts.FollowUpMarker || metricOnly)
                ? last with { Breakdown = null, Top = null, ComparePlan = false, CompareLastYear = false, Change = false }
                : null;
            question = baseQuestion is null ? Fill(new Question(), parts, context) : Merge(baseQuestion, parts, context);
            // "gian hàng năm 2024" then "lượt tham gia bao nhiêu": the same activity's participations.
            var activity = parts.ActivityId;
            if (baseQuestion is not null && activity is null && !parts.AllActivities && parts.Measure is Measures.Participations or Measures.Facilities
                && baseQuestion.ActivityId is { } previous && catalogue.Activity(previous)?.Measures.Contains(parts.Measure) == true)
            {
                activity = previous;
            }
            question = question with
            {
                ActivityId = activity, Measure = parts.Measure, Summary = parts.Summary,
                Kind = parts.Kind != QuestionKind.Figure || baseQuestion is null ? parts.Kind : question.Kind,
            };
            if (baseQuestion is not null && parts.Source is null && question.Source is not null
                && !parts.FollowUpMarker && parts.Measure != Measures.Funding)
            {
                // "kinh phí KCQG 2025" then "tiến độ kế hoạch tư vấn": a new measure that is not money starts without the source filter.
                question = question with { Source = null };
            }
            if (baseQuestion is not null && question.Beneficiary is not null && !parts.FollowUpMarker && parts.FacilityGroup is null)
            {
                // "cơ sở do phụ nữ làm chủ năm 2025" then "bao nhiêu gian hàng": a new measure asked plainly is about every facility; the
                // group is kept only by a follow-up ("còn gian hàng thì sao"), whose answer names it (found by the outside tester).
                question = question with { Beneficiary = null };
            }
            // The activity kept from the previous question is named with what else is kept, never silently (outside tester:
            // "bao nhiêu hội chợ năm nay" then "bao nhiêu cơ sở … được hỗ trợ" counted trade-fair facilities only).
            var keptActivity = activity is not null && parts.ActivityId is null ? catalogue.Activity(activity) : null;
            if (baseQuestion is not null && parts.Period is null)
            {
                var kept = parts.Source is null && question.Source is { } source ? context.Text("figures.follow.kept_source", ("source", FundingSources.Label(context.Texts, source, context.English))) : "";
                var keptPeriod = FigureAnswerer.PeriodText(context.Texts, question, context.English);
                var keptScope = scopes.ShortName(question.Scope, context.English);
                notes.Add(keptActivity is null
                    ? context.Text("figures.follow.same_period_scope", ("period", keptPeriod), ("scope", keptScope), ("kept", kept))
                    : context.Text("figures.follow.same_period_scope_activity", ("period", keptPeriod), ("scope", keptScope), ("kept", kept),
                        ("activity", context.English ? keptActivity.EnglishName : keptActivity.ShortName)));
            }
            else
            {
                if (keptActivity is not null)
                {
                    notes.Add(context.Text("figures.follow.same_activity", ("activity", context.English ? keptActivity.EnglishName : keptActivity.ShortName)));
                }
                if (baseQuestion is not null && parts.Source is null && question.Source is { } keptSource)
                {
                    notes.Add(context.Text("figures.follow.same_source", ("source", FundingSources.Label(context.Texts, keptSource, context.English))));
                }
            }
        }
        if (parts.FacilityGroup is { } group && question.Kind != QuestionKind.FacilityHistory)
        {
            // A follow-up naming another group ("còn hợp tác xã thì sao") replaces the one kept.
            question = question with { Beneficiary = group };
        }

        string? footer = null;
        if (parts.BareFacilities && question.Measure == Measures.Facilities)
        {
            footer = BothCounts(context, question);
        }
        return new BuiltQuestion(question, notes, footer);
    }

    /// <summary>Whether <paramref name="moved"/> is <paramref name="asked"/> with only the year changed (a quarter, a month, a half).</summary>
    private static bool SameDatesInAnotherYear(Period asked, Period moved)
    {
        var years = moved.From.Year - asked.From.Year;
        return moved.From == asked.From.AddYears(years) && moved.To == asked.To.AddYears(years);
    }

    /// <summary>"quý này", "tháng trước", "hôm qua", "gần đây": a period counted from today, never moved to another year.</summary>
    private static bool RelativeToToday(string text) => RelativeWords.IsMatch(VnText.FoldWords(text));

    /// <summary>The words of <paramref name="text"/> that fold to <paramref name="folded"/>, as typed ("sản phẩm"); the folded words if none.</summary>
    private static string AsTyped(string text, string folded)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var n = folded.Split(' ').Length;
        for (var i = 0; i + n <= words.Length; i++)
        {
            var typed = string.Join(' ', words[i..(i + n)]);
            if (VnText.FoldWords(typed) == folded)
            {
                return typed.ToLowerInvariant();
            }
        }
        return folded;
    }

    /// <summary>"how much did X get", "được bao nhiêu", "nhận bao nhiêu": a question of its own about an amount, no follow-up of an average.</summary>
    private static bool AsksAnAmount(string text) => AmountVerbs.IsMatch(VnText.FoldWords(text));

    private static readonly System.Text.RegularExpressions.Regex AmountVerbs =
        new(@"(^| )(get|got|gets|receive|received|spend|spent|was given|were given|duoc bao nhieu|nhan bao nhieu|nhan duoc|chi bao nhieu|het bao nhieu)( |$)");

    private static bool NamesAYear(string text) => YearWords.IsMatch(VnText.FoldWords(text));

    // Built once: inline patterns were rebuilt at each question once Regex's cache of 15 was full.
    private static readonly System.Text.RegularExpressions.Regex RelativeWords =
        new(@"(^| )(nay|truoc|qua|toi|sau|gan day|vua qua|this|last|next|previous|today|yesterday)( |$)");

    private static readonly System.Text.RegularExpressions.Regex YearWords =
        new(@"(^| )((19|20)[0-9]{2}|nam nay|nam ngoai|nam truoc|nam qua|this year|last year)( |$)");

    private string MetricName(Question q, bool english) => q.Summary
        ? answerer.Texts.Text(english, "figures.follow.summary")
        : q.Measure is null
            ? (english ? catalogue.Activity(q.ActivityId ?? "")?.EnglishName : catalogue.Activity(q.ActivityId ?? "")?.ShortName) ?? ""
            : MetricText.Title(answerer.Texts, catalogue, q.ActivityId, q.Measure, english);

    /// <summary>
    /// "cơ sở" typed alone may mean facilities (each once) or participations (each time): the answer counts facilities and,
    /// when it is one figure, gives the participations in one line instead of asking.
    /// </summary>
    private string BothCounts(BotContext context, Question question)
    {
        if (question.Breakdown is not null || question.Top is not null || question.CompareLastYear || question.ComparePlan || question.Kind != QuestionKind.Figure)
        {
            return context.Text("figures.follow.facilities_distinct");
        }
        var participations = answerer.Lines(question with { Measure = Measures.Participations }).FirstOrDefault()?.Value.Value ?? 0;
        var without = "";
        if (question.ActivityId is null)
        {
            // Every activity: the participations of facilities only, not the records of activities without one (information, propaganda).
            var apart = catalogue.Activities.Where(a => !a.Measures.Contains(Measures.Facilities)).ToList();
            var rows = answerer.BreakdownRows(question with { Measure = Measures.Participations }, null, Measures.Participations, BreakdownBy.Activity);
            participations = rows.Where(r => !apart.Any(a => a.Id == r.Key)).Sum(r => r.Value.Value);
            without = context.Text("figures.follow.not_counting", ("activities", string.Join(", ", apart.Select(a => context.English ? a.EnglishName : a.ShortName))));
        }
        return context.Text("figures.follow.facilities_and_participations", ("without", without), ("count", context.Numbers.Number((long)participations)));
    }

    /// <summary>A new question: what the parser found, with the person's default scope and "from the start of the year" as defaults.</summary>
    public Question Fill(Question q, QuestionParts parts, BotContext context)
    {
        // "năm nào nhiều gian hàng nhất" without a period: every year so far.
        var period = parts.Period ?? (parts.Breakdown == BreakdownBy.Year ? PeriodParser.AllTime(context.Today) : KindAnswerer.DefaultPeriod(answerer.Texts, parts.Kind, context.Today));
        return q.WithPeriod(period) with
        {
            ActivityId = parts.ActivityId,
            Measure = parts.Measure,
            Summary = parts.Summary,
            Scope = parts.Scope is null or "own" ? scopes.DefaultScope(context.User) : parts.Scope,
            ComparePlan = parts.ComparePlan || parts.WholeYear,
            CompareLastYear = parts.CompareLastYear,
            CompareYear = parts.CompareYear,
            Change = parts.Change,
            Breakdown = parts.Breakdown,
            Top = parts.Top,
            Ascending = parts.Ascending,
            Reach = parts.Reach,
            WholeYear = parts.WholeYear,
            Output = parts.Output,
            Status = parts.Status,
            Source = parts.Source,
            Kind = parts.Kind,
            PerMeasure = parts.PerMeasure,
            FacilityName = parts.FacilityName,
            Beneficiary = parts.Kind == QuestionKind.FacilityHistory ? null : parts.FacilityGroup,
            VsFrom = parts.VsPeriod?.From,
            VsTo = parts.VsPeriod?.To,
            VsLabel = parts.VsPeriod?.Label,
        };
    }

    /// <summary>A follow-up: the previous question with what the new message changes.</summary>
    private Question Merge(Question last, QuestionParts parts, BotContext context)
    {
        var q = parts.Period is { } p ? last.WithPeriod(p) : last;
        return q with
        {
            Scope = parts.Scope is null ? last.Scope : parts.Scope == "own" ? scopes.DefaultScope(context.User) : parts.Scope,
            ComparePlan = parts.ComparePlan || parts.WholeYear || (last.ComparePlan && !parts.CompareLastYear && parts.Period is null && parts.Scope is null),
            // "tỉnh nào chưa đạt kế hoạch gian hàng" then "còn tư vấn thì sao": still the provinces that have not met it.
            Reach = parts.Kind == QuestionKind.PlanRanking || last.Kind != QuestionKind.PlanRanking ? parts.Reach : last.Reach,
            WholeYear = parts.WholeYear || (last.WholeYear && parts.Period is null),
            CompareLastYear = parts.CompareLastYear || (last.CompareLastYear && !parts.ComparePlan && parts.Period is null && parts.Scope is null),
            CompareYear = parts.CompareYear ?? (parts.CompareLastYear ? null : last.CompareYear),
            Change = parts.Change,
            // "xuất excel", "biểu đồ" after a breakdown: the table just shown (a comparison by month exported without its months had
            // lost what the manager asked for); not after a top N, whose rows the file would not cut the same way.
            Breakdown = parts.Breakdown ?? (parts.Top is null && (parts.Output == OutputKind.Text || last.Top is null) && !parts.ComparePlan && !parts.CompareLastYear ? last.Breakdown : null),
            Top = parts.Top,
            Ascending = parts.Ascending || (parts.Kind != QuestionKind.PlanRanking && last.Kind == QuestionKind.PlanRanking && last.Ascending),
            Output = parts.Output,
            Status = parts.BothStatuses ? null : parts.Status ?? last.Status,
            Source = parts.Source ?? last.Source,
            // A new period or comparison replaces a second period kept from the previous question.
            VsFrom = parts.VsPeriod?.From ?? (parts.Period is null && !parts.CompareLastYear ? last.VsFrom : null),
            VsTo = parts.VsPeriod?.To ?? (parts.Period is null && !parts.CompareLastYear ? last.VsTo : null),
            VsLabel = parts.VsPeriod?.Label ?? (parts.Period is null && !parts.CompareLastYear ? last.VsLabel : null),
        };
    }
}
