using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Answers managers' questions about figures in free text (the bot's fallback) and /report (/baocao); /kehoach is <see cref="PlansModule"/>.
/// A message goes: <see cref="QuestionParser"/> (what was understood) → the honest replies without a figure
/// (<see cref="UnderstandingReplies"/>) → <see cref="QuestionBuilder"/> (a new question or a follow-up) → <see cref="FigureResponder"/>
/// (the figure, or why not). The buttons under an answer act on the last question (<see cref="QuestionMemory"/>); a clarifying
/// question is the <see cref="FigureClarification"/> dialog.
/// </summary>
public sealed class FiguresModule : IBotModule
{
    /// <inheritdoc cref="QuestionMemory.LastKey"/>
    public const string LastKey = QuestionMemory.LastKey;

    /// <inheritdoc cref="QuestionMemory.PendingKey"/>
    public const string PendingKey = QuestionMemory.PendingKey;

    public const string ClarifyFlow = FigureClarification.Name;

    /// <inheritdoc cref="QuestionMemory.LastAtKey"/>
    public const string LastAtKey = QuestionMemory.LastAtKey;

    private readonly Text.UserTexts _texts;
    private readonly QuestionParser _parser;
    private readonly ScopeResolver _scopes;
    private readonly QuestionBuilder _builder;
    private readonly FigureResponder _responder;
    private readonly FigureReports _reports;
    private readonly FigureClarification _clarification;

    /// <summary>The optional parts (lexicon, charts, spreadsheets, access rules, report workbook…) are null where not registered.</summary>
    public FiguresModule(
        CatalogueIndex catalogue,
        IFigureSource figures,
        Storage.IBotStore store,
        Text.UserTexts texts,
        Lexicon? lexicon = null,
        Microsoft.Extensions.Options.IOptions<FiguresOptions>? options = null,
        IChartRenderer? charts = null,
        ISpreadsheetWriter? spreadsheets = null,
        Time.BotClock? clock = null,
        AccessPolicy? access = null,
        Beneficiaries.BeneficiaryCatalogue? beneficiaries = null,
        Reports.ReportWorkbook? workbook = null,
        Reports.IReportWorkbookWriter? workbookWriter = null)
    {
        _texts = texts;
        _parser = new QuestionParser(catalogue, lexicon);
        _scopes = new ScopeResolver(catalogue, texts);
        var memory = new QuestionMemory(TimeSpan.FromMinutes(options?.Value.FollowUpMinutes ?? 30));
        var answerer = new FigureAnswerer(figures, store, catalogue, _scopes, texts);
        var zone = clock?.Zone ?? TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        var kinds = new KindAnswerer(figures, store, catalogue, _scopes, answerer, zone);
        _builder = new QuestionBuilder(catalogue, _parser, _scopes, answerer, memory);
        _responder = new FigureResponder(catalogue, _scopes, answerer, kinds, new FigureOutputs(answerer, _scopes, catalogue, charts, spreadsheets),
            access, beneficiaries, store);
        _reports = new FigureReports(_parser, _scopes, new ReportWriter(figures, answerer, _scopes, catalogue), _responder, workbook, workbookWriter);
        _clarification = new FigureClarification(_scopes);
        Flows = [FigureClarification.Table(HandleButton, HandleQuestion)];
    }

    /// <summary>Example questions that work in the reader's language, shown when a question is not understood (button "fq:ex:&lt;index&gt;" asks it).</summary>
    public static IReadOnlyList<string> Examples(BotContext context) => ExamplesIn(context.Texts, context.English);

    /// <summary>The same in one language (each answered with a figure: <c>EnglishReaderTests</c>, <c>NonsenseGetsThreeExamplesThatWork</c>).</summary>
    public static IReadOnlyList<string> ExamplesIn(Text.UserTexts texts, bool english) =>
    [
        texts.Text(english, "examples.figures.booths_this_year"),
        texts.Text(english, "examples.figures.revenue_vs_plan"),
        texts.Text(english, "examples.figures.most_booths"),
    ];

    public int TextPriority => 900;

    /// <summary>Answers' buttons work in groups: every figure they show goes through the group check in <see cref="FigureResponder.Respond"/>.</summary>
    public bool ButtonsInGroups => true;

    public IEnumerable<BotCommand> Commands =>
    [
        new("baocao", ["report"], _texts.Text(Text.UserTexts.Vietnamese, "figures.command_report"), _texts.Text("en", "figures.command_report"), Role.Officer, ReportAsync),
    ];

    public IEnumerable<IConversationFlow> Flows { get; }

    public IEnumerable<string> HelpExamples(BotContext context) => context.English
        ? Examples(context)
        : [.. Examples(context), context.Text("examples.figures.unaccented"), context.Text("examples.figures.compare_last_year"),
            context.Text("examples.figures.three_years"), context.Text("examples.figures.report_half_year")];

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
        if (FigureReports.ReportRequest(text.Trim(), parts) is { } reportArguments)
        {
            _reports.Write(context, reportArguments);
            return;
        }
        if (parts.Unsupported is { } unsupported)
        {
            UnderstandingReplies.CannotAnswer(context, context.English && parts.UnsupportedEnglish is { } english ? english : unsupported);
            return;
        }
        if (parts.Unknown.Count > 0)
        {
            UnderstandingReplies.NotUnderstood(context, parts.Unknown, parts.HasMetric ? null : Examples(context));
            return;
        }
        if (parts.Second is { } second)
        {
            UnderstandingReplies.TwoAtOnce(context, parts, second);
            return;
        }
        if ((parts.Greeting || parts.Thanks) && !parts.HasMetric && !parts.HasModifier)
        {
            UnderstandingReplies.SmallTalk(context, parts.Thanks && !parts.Greeting);
            return;
        }
        if (parts.Kind != QuestionKind.Figure)
        {
            _responder.Respond(context, _builder.Fill(new Question(), parts, context));
            return;
        }
        if (parts.IsEmpty || (!parts.HasMetric && !parts.HasModifier && !parts.QuestionWords))
        {
            NotUnderstood(context);
            return;
        }
        if (_builder.Build(context, text, parts) is not { } built)
        {
            var filled = _builder.Fill(new Question(), parts, context);
            if (filled.ComparePlan && filled.From > context.Today)
            {
                // "kế hoạch năm 2027": a year not begun has no figure to pick; its plans, whichever are set, are the answer.
                _responder.Respond(context, filled);
                return;
            }
            _clarification.AskMetric(context, filled);
            return;
        }
        _responder.Respond(context, built.Question, built.Notes, built.Footer);
    }

    private void HandleButton(BotContext context, string data)
    {
        if (data.StartsWith("fq:ex:", StringComparison.Ordinal) && int.TryParse(data[6..], out var ex) && ex >= 0 && ex < Examples(context).Count)
        {
            HandleQuestion(context, Examples(context)[ex]);
            return;
        }
        var pending = QuestionMemory.Pending(context);
        var last = data.StartsWith("fq:m:", StringComparison.Ordinal) && pending is not null ? pending : QuestionMemory.Last(context);
        FigureClarification.End(context);
        if (last is null)
        {
            context.Say(context.Text("figures.button.previous_gone"));
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
                if ((_responder.GroupRefusal(context, q.Scope) ?? _scopes.Refusal(context.User, q.Scope, context.English)) is { } refusal)
                {
                    context.Say(refusal);
                    return;
                }
                context.Say(_reports.Workbook(context, q));
                return;
            case "fq:again": break;
            default:
                if (data.StartsWith("fq:m:", StringComparison.Ordinal) && FigureClarification.IsKnownMetric(context, data[5..]))
                {
                    q = FigureClarification.ApplyMetric(q, data[5..]);
                    break;
                }
                context.Say(context.Text("figures.button.expired"));
                return;
        }
        var shown = context.State.LastChoices.ToList();
        _responder.Respond(context, q);
        KeepNumbers(context, shown, data);
    }

    /// <summary>The next steps offered after a figure ("1. Theo tháng … 5. Tải Excel") lost the one just picked, so every number after
    /// it moved: "4" read in the list above picked what had been 5. A step picked from that list answers with the same list, in the
    /// same order (a step already applied gives the same answer again), so a number read in it keeps meaning the same step.</summary>
    private static void KeepNumbers(BotContext context, List<Choice> shown, string picked)
    {
        static bool NextStep(string data) => data is "fq:by:p" or "fq:by:m" or "fq:by:y" or "fq:by:a" or "fq:cmp:plan" or "fq:cmp:yoy" or "fq:chart" or "fq:xlsx";
        var last = context.Replies.FindLastIndex(r => r.Choices.Count > 0);
        if (last < 0 || !shown.Any(c => c.Data == picked) || !shown.All(c => NextStep(c.Data))
            || !context.Replies[last].Choices.All(c => NextStep(c.Data) && shown.Any(s => s.Data == c.Data)))
        {
            return;
        }
        context.Replies[last] = context.Replies[last] with { Choices = shown };
    }

    private static void NotUnderstood(BotContext context)
    {
        var examples = Examples(context);
        context.Ask(
            context.Text("figures.understanding.question_not_understood"),
            examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    private Task ReportAsync(BotContext context, string arguments, CancellationToken ct)
    {
        _reports.Write(context, arguments);
        return Task.CompletedTask;
    }
}
