using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Answers managers' questions about figures in free text (the bot's fallback) and /report (/baocao); /kehoach is <see cref="PlansModule"/>.</summary>
public sealed class FiguresModule : IBotModule
{
    /// <summary>ConversationState.Data key of the last answered question (compact JSON), for follow-ups and buttons.</summary>
    public const string LastKey = "q:last";

    /// <summary>ConversationState.Data key of the question waiting for a clarification.</summary>
    public const string PendingKey = "q:pending";

    public const string ClarifyFlow = "figures:clarify";

    /// <summary>ConversationState.Data key of when the last question was answered (ISO 8601): older than <see cref="FiguresOptions.FollowUpMinutes"/>, it is not reused.</summary>
    public const string LastAtKey = "q:last:at";

    private readonly CatalogueIndex _catalogue;
    private readonly QuestionParser _parser;
    private readonly ScopeResolver _scopes;
    private readonly FigureAnswerer _answerer;
    private readonly ReportWriter _reports;
    private readonly FigureOutputs _outputs;
    private readonly KindAnswerer _kinds;
    private readonly People.AccessPolicy? _access;
    private readonly Beneficiaries.BeneficiaryCatalogue? _beneficiaries;
    private readonly Reports.ReportWorkbook? _workbook;
    private readonly Reports.IReportWorkbookWriter? _workbookWriter;
    private readonly TimeSpan _followUp;

    /// <summary>The optional parts (lexicon, charts, spreadsheets, access rules, report workbook…) are null where not registered.</summary>
    public FiguresModule(
        CatalogueIndex catalogue,
        IFigureSource figures,
        Storage.IBotStore store,
        Lexicon? lexicon = null,
        Microsoft.Extensions.Options.IOptions<FiguresOptions>? options = null,
        IChartRenderer? charts = null,
        ISpreadsheetWriter? spreadsheets = null,
        Time.BotClock? clock = null,
        People.AccessPolicy? access = null,
        Beneficiaries.BeneficiaryCatalogue? beneficiaries = null,
        Reports.ReportWorkbook? workbook = null,
        Reports.IReportWorkbookWriter? workbookWriter = null)
    {
        _catalogue = catalogue;
        _access = access;
        _beneficiaries = beneficiaries;
        _workbook = workbook;
        _workbookWriter = workbookWriter;
        _parser = new QuestionParser(catalogue, lexicon);
        _followUp = TimeSpan.FromMinutes(options?.Value.FollowUpMinutes ?? 30);
        _scopes = new ScopeResolver(catalogue);
        _answerer = new FigureAnswerer(figures, store, catalogue, _scopes);
        _reports = new ReportWriter(figures, _answerer, _scopes, catalogue);
        _outputs = new FigureOutputs(_answerer, _scopes, catalogue, charts, spreadsheets);
        var zone = clock?.Zone ?? TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        _kinds = new KindAnswerer(figures, store, catalogue, _scopes, _answerer, zone);
        Flows = [new ClarifyFlowImpl(this)];
    }

    /// <summary>Example questions that work, shown when a question is not understood.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "bao nhiêu gian hàng từ đầu năm",
        "doanh thu tư vấn 6 tháng đầu năm 2024 đạt bao nhiêu % kế hoạch",
        "tỉnh nào nhiều gian hàng nhất năm 2024",
    ];

    private static readonly IReadOnlyList<string> ExamplesEn =
    [
        "how many booths this year",
        "consulting revenue first half 2024 vs plan",
        "which province has the most booths in 2024",
    ];

    public int TextPriority => 900;

    /// <summary>Answers' buttons work in groups: every figure they show goes through the group check in <see cref="Respond"/>.</summary>
    public bool ButtonsInGroups => true;

    public IEnumerable<BotCommand> Commands =>
    [
        new("baocao", ["report"], "Viết đoạn báo cáo theo kỳ (vd: /baocao 6 tháng đầu năm 2024)", "Write a report paragraph (e.g. /report first half 2024)", Role.Officer, ReportAsync),
    ];

    public IEnumerable<IConversationFlow> Flows { get; }

    public IEnumerable<string> HelpExamples(BotContext context) => context.English
        ? ExamplesEn
        : [.. Examples, "bn co so duoc ho tro may moc quy 1", "so sánh gian hàng năm nay với năm ngoái", "kinh phí 3 năm qua theo từng năm", "báo cáo 6 tháng đầu năm 2024"];

    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return Task.FromResult(false);
        }
        HandleQuestion(context, text);
        return Task.FromResult(true);
    }

    /// <summary>A question with a measure and a question word, or a report request for a period: see <see cref="ClearQuestion"/>.</summary>
    public bool IsClearIntent(BotContext context, string text) => ClearQuestion.Is(_parser, text, context.Today);

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (!data.StartsWith("fq:", StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        HandleButton(context, data);
        return Task.FromResult(true);
    }

    private void HandleQuestion(BotContext context, string text)
    {
        var parts = _parser.Parse(text, context.Today);
        if (ReportRequest(text.Trim(), parts) is { } reportArguments)
        {
            Report(context, reportArguments);
            return;
        }
        if (parts.Unsupported is { } unsupported)
        {
            UnderstandingReplies.CannotAnswer(context, unsupported);
            return;
        }
        if (parts.Unknown.Count > 0)
        {
            UnderstandingReplies.NotUnderstood(context, parts.Unknown, parts.HasMetric ? null : Examples);
            return;
        }
        if ((parts.Greeting || parts.Thanks) && !parts.HasMetric && !parts.HasModifier)
        {
            UnderstandingReplies.SmallTalk(context, parts.Thanks && !parts.Greeting);
            return;
        }
        if (parts.Kind != QuestionKind.Figure)
        {
            Respond(context, Fill(new Question(), parts, context), null);
            return;
        }
        var last = FreshLast(context);
        if (parts.IsEmpty || (!parts.HasMetric && !parts.HasModifier && !parts.QuestionWords))
        {
            NotUnderstood(context);
            return;
        }
        var notes = new List<string>();
        if (parts.Corrections.Count > 0)
        {
            notes.Add(context.T(
                "Bot hiểu " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" là \"{c.Read}\"")) + ".",
                "Read " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" as \"{c.Read}\"")) + "."));
        }
        if (parts.MeasureWord is { } folded && parts.Measure is { } counted)
        {
            var word = AsTyped(text, folded.StartsWith("so ", StringComparison.Ordinal) ? folded[3..] : folded);
            notes.Add(context.T(
                $"(Số {word} = số {MetricText.Unit(counted, false)} tham gia {_catalogue.Activity(parts.ActivityId ?? "")?.ShortName}: mỗi {word} là một lượt ghi.)",
                $"(Number of {word} = {MetricText.Unit(counted, true)} in {_catalogue.Activity(parts.ActivityId ?? "")?.EnglishName}: each {word} is one record.)"));
        }
        if (last is not null && parts.Period is { } asked && !NamesAYear(text) && !RelativeToToday(text) && (parts.FollowUpMarker || !parts.HasMetric)
            && last.From.Year == last.To.Year && asked.From.Year == asked.To.Year && asked.From.Year != last.From.Year
            && _parser.Parse(text + " năm " + last.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Today).Period is { } sameYear
            && SameDatesInAnotherYear(asked, sameYear))
        {
            // "quý 1 năm 2025" then "còn quý 2": the quarter of the year asked about just before. Only a follow-up, and only a period
            // that names no year of its own ("quý 2", "tháng 3"): "hôm qua", "tuần trước" are dates, never moved to another year.
            parts.Period = sameYear;
            notes.Add(context.T($"(Giữ năm {sameYear.From.Year} của câu trước.)", $"(Same year as the previous question: {sameYear.From.Year}.)"));
        }
        Question question;
        if (!parts.HasMetric)
        {
            if (last is not null && parts.HasModifier)
            {
                question = Merge(last, parts, context);
                var kept = parts.Source is null && question.Source is { } source ? ", " + context.T("nguồn ", "source ") + FundingSources.Label(source, context.English) : "";
                notes.Add(context.T($"(Tiếp câu hỏi trước: {MetricName(question, false)}{kept}.)", $"(Following up the previous question: {MetricName(question, true)}{kept}.)"));
            }
            else
            {
                AskMetric(context, Fill(new Question(), parts, context));
                return;
            }
        }
        else
        {
            // A follow-up: "còn ... thì sao", or a metric alone ("doanh thu bao nhiêu") right after a question: keep its period and scope.
            var metricOnly = last is not null && parts.Period is null && parts.Scope is null && !parts.FollowUpMarker;
            var baseQuestion = last is not null && (parts.FollowUpMarker || metricOnly)
                ? last with { Breakdown = null, Top = null, ComparePlan = false, CompareLastYear = false, Change = false }
                : null;
            question = baseQuestion is null ? Fill(new Question(), parts, context) : Merge(baseQuestion, parts, context);
            // "gian hàng năm 2024" then "lượt tham gia bao nhiêu": the same activity's participations.
            var activity = parts.ActivityId;
            if (baseQuestion is not null && activity is null && parts.Measure is Measures.Participations or Measures.Facilities
                && baseQuestion.ActivityId is { } previous && _catalogue.Activity(previous)?.Measures.Contains(parts.Measure) == true)
            {
                activity = previous;
            }
            question = question with { ActivityId = activity, Measure = parts.Measure, Summary = parts.Summary };
            if (baseQuestion is not null && parts.Source is null && question.Source is not null
                && !parts.FollowUpMarker && parts.Measure != Measures.Funding)
            {
                // "kinh phí KCQG 2025" then "tiến độ kế hoạch tư vấn": a new measure that is not money starts without the source filter.
                question = question with { Source = null };
            }
            if (baseQuestion is not null && parts.Period is null)
            {
                var kept = parts.Source is null && question.Source is { } source ? ", " + context.T("nguồn ", "source ") + FundingSources.Label(source, context.English) : "";
                notes.Add(context.T(
                    $"(Giữ kỳ và phạm vi của câu trước: {question.PeriodLabel}, {_scopes.ShortName(question.Scope)}{kept}.)",
                    $"(Same period and scope as the previous question: {FigureAnswerer.PeriodText(question, true)}, {_scopes.ShortName(question.Scope, true)}{kept}.)"));
            }
            else if (baseQuestion is not null && parts.Source is null && question.Source is { } keptSource)
            {
                notes.Add(context.T($"(Giữ nguồn {FundingSources.Label(keptSource)} của câu trước.)", $"(Same funding source as the previous question: {FundingSources.Label(keptSource, true)}.)"));
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
        Respond(context, question, parts.Scope == "own" ? null : parts.ScopeName, notes, footer);
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

    private static bool NamesAYear(string text) => YearWords.IsMatch(VnText.FoldWords(text));

    // Built once: inline patterns were rebuilt at each question once Regex's cache of 15 was full.
    private static readonly System.Text.RegularExpressions.Regex RelativeWords =
        new(@"(^| )(nay|truoc|qua|toi|sau|gan day|vua qua|this|last|next|previous|today|yesterday)( |$)");

    private static readonly System.Text.RegularExpressions.Regex YearWords =
        new(@"(^| )((19|20)[0-9]{2}|nam nay|nam ngoai|nam truoc|nam qua|this year|last year)( |$)");

    /// <summary>The previous question, if it was answered less than <see cref="FiguresOptions.FollowUpMinutes"/> ago (a context without a time is stale).</summary>
    private Question? FreshLast(BotContext context)
    {
        var last = Question.FromJson(context.State.Data.GetValueOrDefault(LastKey));
        if (last is null || !DateTimeOffset.TryParse(context.State.Data.GetValueOrDefault(LastAtKey), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var at))
        {
            return null;
        }
        return context.Now - at <= _followUp && context.Now >= at ? last : null;
    }

    private string MetricName(Question q, bool english) => q.Summary
        ? (english ? "summary" : "tổng hợp các chỉ tiêu")
        : q.Measure is null
            ? (english ? _catalogue.Activity(q.ActivityId ?? "")?.EnglishName : _catalogue.Activity(q.ActivityId ?? "")?.ShortName) ?? ""
            : MetricText.Title(_catalogue, q.ActivityId, q.Measure, english);

    private static void SetLast(BotContext context, Question q)
    {
        context.State.Data[LastKey] = q.ToJson();
        context.State.Data[LastAtKey] = context.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// "cơ sở" typed alone may mean facilities (each once) or participations (each time): the answer counts facilities and,
    /// when it is one figure, gives the participations in one line instead of asking.
    /// </summary>
    private string BothCounts(BotContext context, Question question)
    {
        if (question.Breakdown is not null || question.Top is not null || question.CompareLastYear || question.ComparePlan || question.Kind != QuestionKind.Figure)
        {
            return context.T("(\"Cơ sở\" được hiểu là số cơ sở khác nhau, mỗi cơ sở đếm một lần.)", "(Facilities are distinct facilities, each counted once.)");
        }
        var participations = _answerer.Lines(question with { Measure = Measures.Participations }).FirstOrDefault()?.Value.Value ?? 0;
        var without = "";
        if (question.ActivityId is null)
        {
            // Every activity: the participations of facilities only, not the records of activities without one (information, propaganda).
            var apart = _catalogue.Activities.Where(a => !a.Measures.Contains(Measures.Facilities)).ToList();
            var rows = _answerer.BreakdownRows(question with { Measure = Measures.Participations }, null, Measures.Participations, BreakdownBy.Activity);
            participations = rows.Where(r => !apart.Any(a => a.Id == r.Key)).Sum(r => r.Value.Value);
            without = context.T(" (không tính " + string.Join(", ", apart.Select(a => a.ShortName)) + ": không gắn với cơ sở)",
                " (not counting " + string.Join(", ", apart.Select(a => a.EnglishName)) + ": not tied to a facility)");
        }
        return context.T(
            $"(\"Cơ sở\" được hiểu là số cơ sở khác nhau, mỗi cơ sở đếm một lần; nếu đếm theo lượt cơ sở được hỗ trợ/tham gia{without}: {VnFormat.Number((long)participations)} lượt.)",
            $"(Distinct facilities, each counted once; counted per participation of a facility{without}: {VnFormat.Number((long)participations)}.)");
    }

    /// <summary>A new question: what the parser found, with the person's default scope and "from the start of the year" as defaults.</summary>
    private Question Fill(Question q, QuestionParts parts, BotContext context)
    {
        // "năm nào nhiều gian hàng nhất" without a period: every year so far.
        var period = parts.Period ?? (parts.Breakdown == BreakdownBy.Year ? PeriodParser.AllTime(context.Today) : KindAnswerer.DefaultPeriod(parts.Kind, context.Today));
        return q.WithPeriod(period) with
        {
            ActivityId = parts.ActivityId,
            Measure = parts.Measure,
            Summary = parts.Summary,
            Scope = parts.Scope is null or "own" ? _scopes.DefaultScope(context.User) : parts.Scope,
            ComparePlan = parts.ComparePlan,
            CompareLastYear = parts.CompareLastYear,
            CompareYear = parts.CompareYear,
            Change = parts.Change,
            Breakdown = parts.Breakdown,
            Top = parts.Top,
            Ascending = parts.Ascending,
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
            Scope = parts.Scope is null ? last.Scope : parts.Scope == "own" ? _scopes.DefaultScope(context.User) : parts.Scope,
            ComparePlan = parts.ComparePlan || (last.ComparePlan && !parts.CompareLastYear && parts.Period is null && parts.Scope is null),
            CompareLastYear = parts.CompareLastYear || (last.CompareLastYear && !parts.ComparePlan && parts.Period is null && parts.Scope is null),
            CompareYear = parts.CompareYear ?? (parts.CompareLastYear ? null : last.CompareYear),
            Change = parts.Change,
            Breakdown = parts.Breakdown ?? (parts.Top is null && parts.Output == OutputKind.Text && !parts.ComparePlan && !parts.CompareLastYear ? last.Breakdown : null),
            Top = parts.Top,
            Ascending = parts.Ascending,
            Output = parts.Output,
            Status = parts.BothStatuses ? null : parts.Status ?? last.Status,
            Source = parts.Source ?? last.Source,
            // A new period or comparison replaces a second period kept from the previous question.
            VsFrom = parts.VsPeriod?.From ?? (parts.Period is null && !parts.CompareLastYear ? last.VsFrom : null),
            VsTo = parts.VsPeriod?.To ?? (parts.Period is null && !parts.CompareLastYear ? last.VsTo : null),
            VsLabel = parts.VsPeriod?.Label ?? (parts.Period is null && !parts.CompareLastYear ? last.VsLabel : null),
        };
    }

    /// <summary>
    /// A comparison with last year over a period still running ("năm nay", "quý này") counts up to today and compares with the
    /// same dates a year earlier: eleven months of this year against twelve of last year would read as a fall.
    /// </summary>
    public static Question ClipRunningPeriod(Question q, DateOnly today)
    {
        if (!(q.CompareLastYear || q.Change))
        {
            return q;
        }
        var clipped = q.WithPeriod(UpToToday(q.Period, today));
        // Two periods compared ("tháng này so với tháng trước"): the second is cut to as many days as the first has so far.
        if (clipped.To != q.To && q.VsFrom is { } vf && q.VsTo is { } vt)
        {
            clipped = clipped with { VsTo = DateOnly.FromDayNumber(Math.Min(vt.DayNumber, vf.DayNumber + (clipped.To.DayNumber - clipped.From.DayNumber))) };
        }
        return clipped;
    }

    /// <summary>A period still running on <paramref name="today"/> cut at today ("từ đầu năm 2026 đến nay"); any other period as it is.</summary>
    public static Period UpToToday(Period period, DateOnly today) => today < period.From || today >= period.To
        ? period
        : new Period(period.From, today, period.From == new DateOnly(today.Year, 1, 1) ? YearToDate(today).Label : period.Label + " tính đến nay");

    public static Period YearToDate(DateOnly today) => new(new DateOnly(today.Year, 1, 1), today, $"từ đầu năm {today.Year} đến nay");

    /// <summary>In a group chat: why the figures of <paramref name="scope"/> may not be shown there (some member may not see them), or null.</summary>
    private string? GroupRefusal(BotContext context, string scope)
    {
        if (!context.Message.IsGroupChat)
        {
            return null;
        }
        // Without the access rules nothing is known about the group's members: no figures there.
        return _access is { } access
            ? access.RefusalInChat(context, _scopes.UnitIds(scope))
            : People.AccessPolicy.GroupRefusal(context);
    }

    private void Respond(BotContext context, Question question, string? scopeName, IReadOnlyList<string>? notes = null, string? footer = null)
    {
        question = ClipRunningPeriod(question, context.Today);
        if (question.From > context.Today && !question.ComparePlan && question.Kind == QuestionKind.Figure)
        {
            // "gian hàng năm 2030": nothing can have happened yet; "0" would read as a result.
            context.Say(context.T(
                $"Kỳ bạn hỏi ({question.PeriodLabel}) chưa bắt đầu (hôm nay là {VnFormat.Date(context.Today)}), nên chưa có số liệu. Bạn có thể hỏi kế hoạch năm (/kehoach) hoặc một kỳ đã qua.",
                $"The period asked about ({FigureAnswerer.PeriodText(question, true)}) has not started yet, so there are no figures. Ask for the year plan (/plan) or a past period."));
            return;
        }
        if (GroupRefusal(context, question.Scope) is { } groupRefusal)
        {
            context.Say(groupRefusal);
            return;
        }
        if (_scopes.Refusal(context.User, question.Scope, context.English) is { } refusal)
        {
            var own = question with { Scope = _scopes.DefaultScope(context.User), Output = OutputKind.Text };
            SetLast(context, own);
            context.Ask(refusal, [new Choice(context.T($"Xem số liệu {_scopes.ShortName(own.Scope)}", $"See {_scopes.ShortName(own.Scope, true)}"), "fq:again")]);
            return;
        }
        if (question.Kind == QuestionKind.Figure && question.Top is not null && question.Breakdown == BreakdownBy.Province && !_scopes.IsMultiProvince(question.Scope))
        {
            // An officer of one province asks "tỉnh nào nhiều gian hàng nhất": a ranking of one province would read "cao nhất: Phú Thọ".
            var limited = !_scopes.IsMultiProvince(_scopes.DefaultScope(context.User));
            notes = [.. notes ?? [], limited ? context.T(
                $"(Bạn được xem số liệu của {_scopes.ShortName(question.Scope)}, không xem được các tỉnh khác, nên bot không xếp hạng giữa các tỉnh. Đây là số liệu của {_scopes.ShortName(question.Scope)}.)",
                $"(You may see the figures of {_scopes.ShortName(question.Scope, true)} only, so provinces cannot be ranked for you. Here is {_scopes.ShortName(question.Scope, true)}'s figure.)")
                : context.T(
                $"(Câu hỏi chỉ có một tỉnh ({_scopes.ShortName(question.Scope)}) nên không có gì để xếp hạng; đây là số liệu của tỉnh đó.)",
                $"(Only one province ({_scopes.ShortName(question.Scope, true)}) is in the question, so there is nothing to rank; here is its figure.)")];
            question = question with { Top = null, Breakdown = null, Ascending = false };
        }
        if (question.Beneficiary is { } beneficiary)
        {
            // Every way to a figure passes here (typed questions, follow-ups, the buttons under an answer).
            var names = _beneficiaries;
            if (!BeneficiaryText.Applies(question.Kind) || question.ComparePlan || BeneficiaryText.TwoLegalForms(names, beneficiary))
            {
                context.Say(BeneficiaryText.Refusal(context, names, beneficiary));
                return;
            }
            notes = [.. notes ?? [], BeneficiaryText.Note(context, names, beneficiary)];
        }
        if (question.Kind != QuestionKind.Figure)
        {
            SetLast(context, question with { Output = OutputKind.Text });
            var answer = _kinds.Answer(question, context.User, context.Today, context.English);
            context.Say(question.Beneficiary is not null && notes is { Count: > 0 } ? string.Join("\n", notes) + "\n" + answer : answer);
            return;
        }
        var text = _answerer.Answer(question, context.English);
        if (NoDataNote(context, question) is { } noData)
        {
            footer = footer is null ? noData : footer + "\n" + noData;
        }
        if (notes is { Count: > 0 })
        {
            text = string.Join("\n", notes) + "\n" + text;
        }
        if (footer is not null)
        {
            text += "\n" + footer;
        }
        SetLast(context, question with { Output = OutputKind.Text });
        switch (question.Output)
        {
            case OutputKind.Chart:
                context.Say(text);
                context.Say(_outputs.Chart(question, context.English));
                break;
            case OutputKind.Excel:
                context.Say(text);
                context.Say(_outputs.Spreadsheet(question, context.English));
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
        if (q.Top is not null || q.Breakdown is not null || _answerer.Lines(q).Any(l => l.Value.Records != 0 || l.Value.Value != 0))
        {
            return null;
        }
        var everything = q.WithPeriod(PeriodParser.AllTime(context.Today)) with
        {
            ActivityId = null, Measure = Measures.Participations, Source = null, Status = null, Breakdown = null, Top = null,
            ComparePlan = false, CompareLastYear = false, Change = false, VsFrom = null, VsTo = null, VsLabel = null,
        };
        var scope = _scopes.ShortName(q.Scope);
        if (_answerer.Lines(everything).All(l => l.Value.Records == 0))
        {
            return context.T(
                $"(Dữ liệu chưa có bản ghi nào của {scope}: số 0 ở đây nghĩa là chưa có số liệu, không phải đã xác nhận là không có hỗ trợ.)",
                $"(The data holds no record at all for {_scopes.ShortName(q.Scope, true)}: 0 here means no figures, not a confirmed absence of support.)");
        }
        var before = everything.WithPeriod(new Period(PeriodParser.Beginning, q.To, ""));
        return _answerer.Lines(before).All(l => l.Value.Records == 0)
            ? context.T(
                $"(Dữ liệu của {scope} bắt đầu sau kỳ này: số 0 nghĩa là chưa có số liệu cho kỳ bạn hỏi.)",
                $"(The data of {_scopes.ShortName(q.Scope, true)} starts after this period: 0 means no figures for it.)")
            : null;
    }

    private List<Choice> NextSteps(BotContext context, Question q)
    {
        var choices = new List<Choice>();
        if (q.Breakdown != BreakdownBy.Province && _scopes.IsMultiProvince(q.Scope))
        {
            choices.Add(new Choice(context.T("Theo tỉnh", "By province"), "fq:by:p"));
        }
        if (q.Breakdown != BreakdownBy.Month && q.To.Year - q.From.Year < 2)
        {
            choices.Add(new Choice(context.T("Theo tháng", "By month"), "fq:by:m"));
        }
        if (q.Breakdown != BreakdownBy.Year && q.To.Year > q.From.Year)
        {
            choices.Add(new Choice(context.T("Theo năm", "By year"), "fq:by:y"));
        }
        if (q.Breakdown != BreakdownBy.Activity && q.Measure is not null && q.ActivityId is null)
        {
            choices.Add(new Choice(context.T("Theo hoạt động", "By activity"), "fq:by:a"));
        }
        // Plans are set per year; "từ trước đến nay" has no same period before it.
        if (!q.ComparePlan && q.From.Year == q.To.Year)
        {
            choices.Add(new Choice(context.T("So với kế hoạch", "Against plan"), "fq:cmp:plan"));
        }
        if (!q.CompareLastYear && q.From > PeriodParser.Beginning)
        {
            choices.Add(new Choice(context.T("So với cùng kỳ", "Same period last year"), "fq:cmp:yoy"));
        }
        choices.Add(new Choice(context.T("Biểu đồ", "Chart"), "fq:chart"));
        choices.Add(new Choice(context.T("Tải Excel", "Excel file"), "fq:xlsx"));
        return choices;
    }

    private void HandleButton(BotContext context, string data)
    {
        if (data.StartsWith("fq:ex:", StringComparison.Ordinal) && int.TryParse(data[6..], out var ex) && ex >= 0 && ex < Examples.Count)
        {
            HandleQuestion(context, context.English ? ExamplesEn[ex] : Examples[ex]);
            return;
        }
        var pending = Question.FromJson(context.State.Data.GetValueOrDefault(PendingKey));
        var last = data.StartsWith("fq:m:", StringComparison.Ordinal) && pending is not null
            ? pending
            : Question.FromJson(context.State.Data.GetValueOrDefault(LastKey));
        EndClarify(context);
        if (last is null)
        {
            context.Say(context.T(
                "Câu hỏi trước không còn lưu, bạn hãy hỏi lại (ví dụ: \"bao nhiêu gian hàng từ đầu năm\").",
                "The previous question is no longer kept; please ask again."));
            return;
        }
        var q = last with { Output = OutputKind.Text };
        switch (data)
        {
            case "fq:by:p": q = q with { Breakdown = BreakdownBy.Province, Top = null }; break;
            case "fq:by:m": q = q with { Breakdown = BreakdownBy.Month, Top = null }; break;
            case "fq:by:y": q = q with { Breakdown = BreakdownBy.Year, Top = null }; break;
            case "fq:by:a": q = q with { Breakdown = BreakdownBy.Activity, Top = null }; break;
            case "fq:cmp:plan": q = q with { ComparePlan = true }; break;
            case "fq:cmp:yoy": q = q with { CompareLastYear = true, Change = true }; break;
            case "fq:chart": q = q with { Output = OutputKind.Chart }; break;
            case "fq:xlsx": q = q with { Output = OutputKind.Excel }; break;
            case "fq:rxlsx":
                // The report's workbook, for the period and scope of the report just written (checked again: the role may have changed).
                if ((GroupRefusal(context, q.Scope) ?? _scopes.Refusal(context.User, q.Scope, context.English)) is { } refusal)
                {
                    context.Say(refusal);
                    return;
                }
                context.Say(ReportWorkbook(context, q));
                return;
            case "fq:again": break;
            default:
                if (data.StartsWith("fq:m:", StringComparison.Ordinal) && IsKnownMetric(context, data[5..]))
                {
                    q = ApplyMetric(q, data[5..]);
                    break;
                }
                context.Say(context.T("Nút này đã hết hạn. Bạn hãy hỏi lại.", "This button has expired. Please ask again."));
                return;
        }
        Respond(context, q, null);
    }

    /// <summary>Whether button data names a metric the bot offers (tampered data is treated as an expired button).</summary>
    private static bool IsKnownMetric(BotContext context, string metric)
    {
        if (metric == "all")
        {
            return true;
        }
        var dot = metric.IndexOf('.');
        var activity = dot <= 0 ? null : metric[..dot];
        var measure = dot < 0 ? metric : metric[(dot + 1)..];
        return (measure.Length == 0 || Measures.All.Contains(measure))
            && (activity is null or "*" || context.Catalogue.Activity(activity) is not null);
    }

    private static Question ApplyMetric(Question q, string metric)
    {
        if (metric == "all")
        {
            return q with { Summary = true, ActivityId = null, Measure = null };
        }
        var dot = metric.IndexOf('.');
        var activity = dot <= 0 ? null : metric[..dot];
        var measure = dot < 0 ? metric : metric[(dot + 1)..];
        return q with { Summary = false, ActivityId = activity == "*" ? null : activity, Measure = measure.Length == 0 ? null : measure };
    }

    private void AskMetric(BotContext context, Question pending)
    {
        context.State.Flow = ClarifyFlow;
        context.State.Step = 0;
        context.State.Data[PendingKey] = pending.ToJson();
        context.Ask(
            context.T(
                $"Bạn muốn xem số liệu nào ({pending.PeriodLabel}, {_scopes.ShortName(pending.Scope)})?",
                $"Which figure do you want ({FigureAnswerer.PeriodText(pending, true)}, {_scopes.ShortName(pending.Scope, true)})?"),
            [
                new Choice(context.T("Số gian hàng hội chợ", "Fair booths"), "fq:m:trade_fair.booths"),
                new Choice(context.T("Số lượt cơ sở tham gia", "Facility participations"), "fq:m:*.participations"),
                new Choice(context.T("Số cơ sở được hỗ trợ", "Facilities supported"), "fq:m:*.facilities"),
                new Choice(context.T("Doanh thu tư vấn", "Consulting revenue"), "fq:m:consulting.revenue_vnd"),
                new Choice(context.T("Kinh phí hỗ trợ", "Funding"), "fq:m:*.funding_vnd"),
                new Choice(context.T("Tất cả (tổng hợp)", "Everything (summary)"), "fq:m:all"),
            ]);
    }

    private static void EndClarify(BotContext context)
    {
        if (context.State.Flow == ClarifyFlow)
        {
            context.State.Flow = null;
            context.State.Step = 0;
        }
        context.State.Data.Remove(PendingKey);
    }

    private static void NotUnderstood(BotContext context)
    {
        var examples = context.English ? ExamplesEn : Examples;
        context.Ask(
            context.T(
                "Bot chưa hiểu câu hỏi này. Bạn có thể hỏi, có dấu hoặc không dấu, ví dụ:",
                "The bot did not understand that question. You can ask, for example:"),
            examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    private Task ReportAsync(BotContext context, string arguments, CancellationToken ct)
    {
        Report(context, arguments);
        return Task.CompletedTask;
    }

    /// <summary>"báo cáo 6 tháng đầu năm 2024" typed without the slash: the report paragraph; the rest of the text (period, scope), or null.</summary>
    internal static string? ReportRequest(string text, QuestionParts parts)
    {
        if (parts.ActivityId is not null || parts.Measure is not null)
        {
            return null;
        }
        var folded = VnText.FoldWords(text);
        foreach (var lead in ReportLeads)
        {
            if (folded == lead || folded.StartsWith(lead + " ", StringComparison.Ordinal))
            {
                // Drop as many words of the original text as the lead has.
                var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return string.Join(' ', words.Skip(lead.Split(' ').Length));
            }
        }
        return null;
    }

    private static readonly string[] ReportLeads =
    [
        "viet doan bao cao", "viet bao cao", "lam bao cao", "soan bao cao", "doan bao cao", "bao cao tong hop", "bao cao",
        "write a report for", "write a report", "report for", "report on", "report",
    ];

    private void Report(BotContext context, string arguments)
    {
        // "/baocao 6 tháng đầu năm 2024 excel": the period's report workbook (issue 15) rather than the paragraph.
        var excel = Reports.ReportWorkbookReply.StripExcel(ref arguments);
        var parts = _parser.Parse(arguments, context.Today);
        if (arguments.Trim().Length > 0 && parts.Period is null)
        {
            context.Say(context.T(
                "Bot chưa đọc được kỳ báo cáo. Ví dụ: /baocao 6 tháng đầu năm 2024, /baocao quý III, /baocao năm nay.",
                "Could not read the period. E.g. /report first half 2024."));
            return;
        }
        var period = parts.Period ?? YearToDate(context.Today);
        // A running period is reported up to today (its same-period comparison then covers the same dates a year earlier).
        period = UpToToday(period, context.Today);
        var scope = parts.Scope is null or "own" ? _scopes.DefaultScope(context.User) : parts.Scope;
        if ((GroupRefusal(context, scope) ?? _scopes.Refusal(context.User, scope, context.English)) is { } refusal)
        {
            context.Say(refusal);
            return;
        }
        var summary = new Question { Summary = true, Scope = scope, Source = parts.Source }.WithPeriod(period);
        SetLast(context, summary);
        if (excel)
        {
            context.Say(ReportWorkbook(context, summary));
            return;
        }
        var paragraph = _reports.Write(period, scope, parts.Source);
        if (parts.Source is null && context.Module<Projects.Chat.ProjectsModule>()?.ReportSentence(_scopes.UnitIds(scope), period, context.Today, context.English) is { } projects)
        {
            paragraph += "\n" + projects;
        }
        context.Ask(
            paragraph,
            [
                new Choice(context.T("Tải Excel", "Excel file"), "fq:rxlsx"),
                new Choice(context.T("Biểu đồ", "Chart"), "fq:chart"),
            ]);
    }

    private Reply ReportWorkbook(BotContext context, Question q) =>
        Reports.ReportWorkbookReply.Make(_workbook, _workbookWriter,
            q.Period, _scopes.UnitIds(q.Scope), _scopes.ShortName(q.Scope, context.English), context.Today, context.English);

    /// <summary>Waits for the answer to one clarifying question; anything typed instead is read as a new question.</summary>
    private sealed class ClarifyFlowImpl(FiguresModule module) : IConversationFlow
    {
        public string Name => ClarifyFlow;

        public Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken)
        {
            if (isButton && input.StartsWith("fq:", StringComparison.Ordinal))
            {
                module.HandleButton(context, input);
                return Task.CompletedTask;
            }
            EndClarify(context);
            module.HandleQuestion(context, input);
            return Task.CompletedTask;
        }

        public string Describe(BotContext context) => context.T("một câu hỏi số liệu đang chờ bạn chọn", "a figures question waiting for your choice");
    }
}
