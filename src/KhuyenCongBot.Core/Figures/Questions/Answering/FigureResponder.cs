using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Answers an understood figures question: checks first what must not be answered with a figure (a period not started, a measure
/// the activity does not record, a scope the person or the group may not see, a ranking of one province, a group of facilities
/// the figures cannot keep apart), then writes the figure, the chart or the file, and offers the next steps as buttons.
/// </summary>
public sealed class FigureResponder(
    CatalogueIndex catalogue,
    ScopeResolver scopes,
    FigureAnswerer answerer,
    KindAnswerer kinds,
    FigureOutputs outputs,
    People.AccessPolicy? access,
    Beneficiaries.BeneficiaryCatalogue? beneficiaries,
    Storage.IBotStore? store = null)
{
    /// <summary>In a group chat: why the figures of <paramref name="scope"/> may not be shown there (some member may not see them), or null.</summary>
    public string? GroupRefusal(BotContext context, string scope)
    {
        if (!context.Message.IsGroupChat)
        {
            return null;
        }
        // Without the access rules nothing is known about the group's members: no figures there.
        return access is { } policy
            ? policy.RefusalInChat(context, scopes.UnitIds(scope))
            : People.AccessPolicy.GroupRefusal(context);
    }

    /// <summary>Answers a question understood: every way to a figure passes here (typed questions, follow-ups, the buttons under an answer).</summary>
    public void Respond(BotContext context, Question question, IReadOnlyList<string>? notes = null, string? footer = null)
    {
        if (question.WholeYear && question.Kind == QuestionKind.Figure && question.From.Year == question.To.Year)
        {
            // "ước cả năm 2026": the whole year, counted up to today when it is still running.
            var year = question.To.Year;
            question = question.WithPeriod(new Period(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), PeriodLabel.Of("period.year", year)));
        }
        question = RunningPeriod.Clip(context.Texts, question, context.Today);
        if (scopes.IsFormerSameName(question.Scope) && question.To >= ProvinceUnit.MergedOn)
        {
            // "Phú Thọ cũ" after 1/7/2025: the merged province's records carry the same name, the former part cannot be told apart.
            var (_, id) = ScopeResolver.Split(question.Scope);
            context.Say(context.Text("figures.findings.former_after_merger", ("name", catalogue.Province(id)!.ShortName),
                ("date", VnFormat.Date(ProvinceUnit.MergedOn)), ("others", string.Join(", ", catalogue.FormerUnitsOf(id).Select(f => f.ShortName)))));
            return;
        }
        if (MeasureCoverage.Untracked(catalogue, question) is { } untracked)
        {
            // "doanh thu hội chợ": fairs record no revenue; "0 đồng" would read as a result. The buttons answer the activity's measures
            // for the same period and scope.
            FigureClarification.Open(context, question with { Measure = null, Kind = QuestionKind.Figure, PerMeasure = null });
            MeasureCoverage.Say(context, catalogue, untracked.Activity, untracked.Measure);
            return;
        }
        if (question.From > context.Today && !question.ComparePlan && question.Kind == QuestionKind.Figure)
        {
            // "gian hàng năm 2030": nothing can have happened yet; "0" would read as a result.
            context.Say(context.Text("figures.answer.not_started", ("period", FigureAnswerer.PeriodText(context.Texts, question, context.English)), ("today", context.Today)));
            return;
        }
        if (GroupRefusal(context, question.Scope) is { } groupRefusal)
        {
            context.Say(groupRefusal);
            return;
        }
        if (scopes.Refusal(context.User, question.Scope, context.English) is { } refusal)
        {
            var own = question with { Scope = scopes.DefaultScope(context.User), Output = OutputKind.Text };
            QuestionMemory.SetLast(context, own);
            context.Ask(refusal, [new Choice(context.Text("figures.answer.see_own_scope", ("scope", scopes.ShortName(own.Scope, context.English))), "fq:again")]);
            return;
        }
        if (question.From > context.Today && (question.ComparePlan || question.Kind is QuestionKind.PlanGap or QuestionKind.PlanRanking))
        {
            // "tiến độ kế hoạch gian hàng năm 2027": nothing done yet, no time gone; "0 … đạt 0%" would read as a result.
            QuestionMemory.SetLast(context, question with { Output = OutputKind.Text });
            var plan = kinds.PlanNotStarted(question, context.Today, context.English);
            context.Say(notes is { Count: > 0 } ? string.Join("\n", notes) + "\n" + plan : plan);
            return;
        }
        if (question.WholeYear && question.Kind == QuestionKind.Figure)
        {
            // "ước cả năm 2026": the bot does not forecast; the figure to date (its estimate part said), the plan and what is left.
            notes = [.. notes ?? [], question.To.Year == context.Today.Year
                ? context.Text("hplan.whole_year.running", ("year", question.To.Year), ("today", question.To))
                : context.Text("hplan.whole_year.done", ("year", question.To.Year))];
        }
        if (question.Kind == QuestionKind.Figure && question.Top is not null && question.Breakdown == BreakdownBy.Province && !scopes.IsMultiProvince(question.Scope))
        {
            // An officer of one province asks "tỉnh nào nhiều gian hàng nhất": a ranking of one province would read "cao nhất: Phú Thọ".
            var limited = !scopes.IsMultiProvince(scopes.DefaultScope(context.User));
            notes = [.. notes ?? [], limited
                ? context.Text("figures.answer.no_ranking_own_scope", ("scope", scopes.ShortName(question.Scope, context.English)))
                : context.Text("figures.answer.no_ranking_one_province", ("scope", scopes.ShortName(question.Scope, context.English)))];
            question = question with { Top = null, Breakdown = null, Ascending = false };
        }
        if (ClassAnswers.Asks(question))
        {
            // Training classes are read from the records that name them, not from the figures index (only a total).
            var classes = ClassAnswers.Text(context, answerer, scopes, question);
            context.Say(notes is { Count: > 0 } ? string.Join("\n", notes) + "\n" + classes : classes);
            return;
        }
        if (question.Beneficiary is { } beneficiary)
        {
            // Every way to a figure passes here (typed questions, follow-ups, the buttons under an answer).
            var names = beneficiaries;
            if (!BeneficiaryText.Applies(question.Kind) || question.ComparePlan || BeneficiaryText.TwoLegalForms(names, beneficiary))
            {
                context.Say(BeneficiaryText.Refusal(context, names, beneficiary));
                return;
            }
            if (NotRecorded(beneficiary, context.Now) is { } missing)
            {
                // "bao nhiêu làng nghề": no facility of the directory is recorded as one, so a count would be a "0" that means "not kept".
                context.Say(context.Text("figures.findings.group_not_recorded", ("name", BeneficiaryText.Name(names, missing, context.English))));
                return;
            }
            notes = [.. notes ?? [], BeneficiaryText.Note(context, names, beneficiary)];
        }
        if (question.Kind != QuestionKind.Figure)
        {
            QuestionMemory.SetLast(context, question with { Output = OutputKind.Text });
            var answer = kinds.Answer(question, context.User, context.Today, context.English);
            // What was assumed (a period, scope or activity kept from the previous question, a typo read) is said here too.
            context.Say(notes is { Count: > 0 } ? string.Join("\n", notes) + "\n" + answer : answer);
            return;
        }
        var text = answerer.Answer(question, context.English);
        if ((NoDataNote(context, question) ?? CoverageNote.For(context, answerer, catalogue, question)) is { } noData)
        {
            footer = footer is null ? noData : footer + "\n" + noData;
        }
        if (AfterToday.Note(context, answerer, question) is { } later)
        {
            footer = footer is null ? later : footer + "\n" + later;
        }
        if (notes is { Count: > 0 })
        {
            text = string.Join("\n", notes) + "\n" + text;
        }
        if (footer is not null)
        {
            text += "\n" + footer;
        }
        QuestionMemory.SetLast(context, question with { Output = OutputKind.Text });
        switch (question.Output)
        {
            case OutputKind.Chart:
                context.Say(text);
                context.Say(outputs.Chart(question, context.English));
                break;
            case OutputKind.Excel:
                context.Say(text);
                context.Say(outputs.Spreadsheet(question, context.English));
                break;
            default:
                context.Ask(text, NextSteps(context, question));
                return;
        }
        var lastReply = context.Replies[^1];
        context.Replies[^1] = lastReply with { Choices = NextSteps(context, question) };
    }

    /// <summary>
    /// A zero where the data holds nothing at all (a province never recorded, a period before the first record) says so: "0 gian
    /// hàng ở TP. Hồ Chí Minh" would read as a result when it is only an absence of records.
    /// </summary>
    private string? NoDataNote(BotContext context, Question q)
    {
        if (q.Top is not null || q.Breakdown is not null || answerer.Lines(q).Any(l => l.Value.Records != 0 || l.Value.Value != 0))
        {
            return null;
        }
        var everything = q.WithPeriod(PeriodParser.AllTime(context.Today)) with
        {
            // Funding counts every record (participations of every activity leave out those without a facility).
            ActivityId = null, Measure = Measures.Funding, Source = null, Status = null, Breakdown = null, Top = null,
            ComparePlan = false, CompareLastYear = false, Change = false, VsFrom = null, VsTo = null, VsLabel = null,
        };
        var scope = scopes.ShortName(q.Scope, context.English);
        if (answerer.Lines(everything).All(l => l.Value.Records == 0))
        {
            return context.Text("figures.answer.no_records_for_scope", ("scope", scope));
        }
        var before = everything.WithPeriod(new Period(PeriodParser.Beginning, q.To, ""));
        return answerer.Lines(before).All(l => l.Value.Records == 0)
            ? context.Text("figures.answer.data_starts_later", ("scope", scope))
            : null;
    }

    private List<Choice> NextSteps(BotContext context, Question q)
    {
        var choices = new List<Choice>();
        if (q.Breakdown != BreakdownBy.Province && scopes.IsMultiProvince(q.Scope))
        {
            choices.Add(new Choice(context.Text("figures.next.by_province"), "fq:by:p"));
        }
        if (q.Breakdown != BreakdownBy.Month && q.To.Year - q.From.Year < 2)
        {
            choices.Add(new Choice(context.Text("figures.next.by_month"), "fq:by:m"));
        }
        if (q.Breakdown != BreakdownBy.Year && q.To.Year > q.From.Year)
        {
            choices.Add(new Choice(context.Text("figures.next.by_year"), "fq:by:y"));
        }
        if (q.Breakdown != BreakdownBy.Activity && q.Measure is not null && q.ActivityId is null)
        {
            choices.Add(new Choice(context.Text("figures.next.by_activity"), "fq:by:a"));
        }
        // Plans are set per year; "từ trước đến nay" has no same period before it.
        if (!q.ComparePlan && q.From.Year == q.To.Year)
        {
            choices.Add(new Choice(context.Text("figures.next.against_plan"), "fq:cmp:plan"));
        }
        if (!q.CompareLastYear && q.From > PeriodParser.Beginning)
        {
            choices.Add(new Choice(context.Text("figures.next.same_period_last_year"), "fq:cmp:yoy"));
        }
        choices.Add(new Choice(context.Text("figures.next.chart"), "fq:chart"));
        choices.Add(new Choice(context.Text("figures.next.excel"), "fq:xlsx"));
        return choices;
    }

    /// <summary>The legal form or priority group of <paramref name="filter"/> that no facility of the directory records, or null.</summary>
    private string? NotRecorded(string filter, DateTimeOffset now)
    {
        if (store is null)
        {
            return null;
        }
        foreach (var id in filter.Split('+'))
        {
            // A facility keeps its legal form and groups once registered: a group found recorded stays so, and is not looked for
            // again (reading the registry at every "bao nhiêu hợp tác xã" cost 30 ms a question at 120.000 facilities). A group
            // not found is looked for again after a few minutes, for the facilities registered since.
            if (_recorded.ContainsKey(id) || (_notRecorded.TryGetValue(id, out var checkedAt) && now - checkedAt < NotRecordedFor))
            {
                if (_recorded.ContainsKey(id))
                {
                    continue;
                }
                return id;
            }
            var legal = beneficiaries?.LegalForm(id) is not null;
            if (store.Facilities.All().Any(f => legal ? f.LegalForm == id : f.PriorityGroups?.Contains(id) == true))
            {
                _recorded[id] = true;
                _notRecorded.TryRemove(id, out _);
                continue;
            }
            _notRecorded[id] = now;
            return id;
        }
        return null;
    }

    private static readonly TimeSpan NotRecordedFor = TimeSpan.FromMinutes(10);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _recorded = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _notRecorded = new(StringComparer.Ordinal);
}
