using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Projects (đề án) in chat: /dean (/project) lists them and registers a new one through a short dialog; officers move a project
/// on ("đề án KC-2026-07 đã nghiệm thu ngày 15/11") and record what was disbursed ("đề án KC-2026-07 giải ngân 300 triệu");
/// everyone asks "bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ", "giải ngân đạt bao nhiêu %", within their scope.
/// The module reads the request and hands it on: <see cref="ProjectLookup"/> shows, <see cref="ProjectMoves"/> moves and
/// records, <see cref="ProjectQuestionReplies"/> answers questions, <see cref="ProjectRegistrationFlow"/> registers.
/// </summary>
public sealed class ProjectsModule : IBotModule
{
    private readonly ProjectQuestionParser _parser;
    private readonly UserTexts _texts;
    private readonly ProjectAnswers _answers;
    private readonly ProjectLookup _lookup;
    private readonly ProjectMoves _moves;
    private readonly ProjectQuestionReplies _questions;
    private readonly ProjectRegistrationFlow _registration;
    private readonly ProjectNames _names;

    public ProjectsModule(CatalogueIndex catalogue, ProjectVocabulary vocabulary, ProjectMoveParser moves,
        ProjectLifecycle lifecycle, ProjectQueries queries, Storage.IBotStore store, UserTexts texts, Lexicon? lexicon = null, AccessPolicy? access = null,
        Beneficiaries.BeneficiaryCatalogue? beneficiaries = null)
    {
        _texts = texts;
        _parser = new ProjectQuestionParser(vocabulary, moves, (lexicon ?? Lexicon.Default).Sources.Select(x => x.Phrase).ToList());
        _answers = new ProjectAnswers(store, queries, vocabulary, catalogue, texts);
        var scopes = new ScopeResolver(catalogue, texts);
        var knownWords = _parser.KnownPhrases().SelectMany(p => p.Split(' ')).Concat(ExtraWords).ToHashSet(StringComparer.Ordinal);
        var questions = new QuestionParser(catalogue, lexicon);
        _names = new ProjectNames(vocabulary, _parser, scopes, questions, knownWords);
        _lookup = new ProjectLookup(_answers, vocabulary, scopes, access, _names);
        _moves = new ProjectMoves(lifecycle, vocabulary, _lookup, _parser, TryHandleTextAsync);
        _questions = new ProjectQuestionReplies(_answers, new ProjectPeriodAnswers(store, vocabulary, texts), vocabulary, catalogue, scopes, questions, access, knownWords, beneficiaries, store);
        _registration = new ProjectRegistrationFlow(this, catalogue, vocabulary, lifecycle);
        Flows = [_registration.Dialog, _moves.DateDialog];
    }

    /// <summary>Words of project questions that are neither steps nor question phrases ("nào", "có", "đã"): not "not understood".</summary>
    private static readonly string[] ExtraWords =
        ["nao", "nhung", "cac", "co", "da", "dang", "duoc", "chua", "bao", "nhieu", "may", "the", "so", "ma", "khong", "hien", "nay", "cua", "va", "how", "many", "which", "are", "is", "not", "yet", "what",
         "von", "nguon", "dung", "su", "tu", "bang", "with", "money", "use", "using", "uses", "been", "have", "has", "by", "do", "does", "funded", "financed", "haven", "hasn", "t"];

    public int TextPriority => 50;

    public bool ButtonsInGroups => false;

    public IEnumerable<IConversationFlow> Flows { get; }

    public IEnumerable<BotCommand> Commands =>
    [
        new("project", ["dean", "projects"], _texts.Text(UserTexts.Vietnamese, "project.command"), _texts.Text("en", "project.command"), Role.Officer, ListCommandAsync,
            ViewOnlyVi: _texts.Text(UserTexts.Vietnamese, "project.command_view_only"), ViewOnlyEn: _texts.Text("en", "project.command_view_only"), Writes: true),
    ];

    /// <summary>The help's examples, one a line of their text.</summary>
    public IEnumerable<string> HelpExamples(BotContext context) => (context.User.Role == Role.Manager
        ? context.Text("project.help.examples_manager")
        : context.Text("project.help.examples_officer")).Split('\n');

    /// <summary>A project request that names projects ("đề án …", "giải ngân …"): a bare code-shaped answer ("AB-12") inside another dialog stays its answer.</summary>
    public bool IsClearIntent(BotContext context, string text)
    {
        text = _parser.AsProjects(text);
        return _parser.Parse(text, context.Today) is { } request && (request.Ask != ProjectAsk.One || _parser.NamesProjects(text));
    }

    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (DisbursementCorrection.TryHandle(context, text))
        {
            return Task.FromResult(true);
        }
        text = _parser.AsProjects(text);
        if (_parser.Parse(text, context.Today) is not { } request)
        {
            return Task.FromResult(false);
        }
        // "đề án máy sấy chè đã nghiệm thu ngày 20/11": a project named by its name, found among those the person may see.
        if (!_names.TryHandle(context, text, request, (rewritten, read) => Handle(context, rewritten, read)))
        {
            Handle(context, text, request);
        }
        return Task.FromResult(true);
    }

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (!data.StartsWith("pj:", StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        HandleButton(context, data);
        return Task.FromResult(true);
    }

    private void Handle(BotContext context, string text, ProjectRequest request)
    {
        switch (request.Ask)
        {
            case ProjectAsk.Register:
                StartRegistration(context);
                return;
            case ProjectAsk.Move:
                _moves.Move(context, request.Code!, request.Status!.Value, request.Date, request.Problem);
                return;
            case ProjectAsk.Disburse:
                _moves.Disburse(context, request);
                return;
            case ProjectAsk.One:
                _lookup.ShowOne(context, request.Code!);
                return;
            default:
                _questions.Answer(context, text, request);
                return;
        }
    }

    /// <summary>The report paragraph's sentence on the projects of a scope in a period (null when there are none).</summary>
    public string? ReportSentence(IReadOnlySet<string>? units, Period period, DateOnly today, bool english) =>
        _answers.ReportSentence(units, period, today, english, _texts);

    internal Choice? NextStepChoice(BotContext context, Project p) => _lookup.NextStepChoice(context, p);

    private Task ListCommandAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var words = VnText.FoldWords(arguments);
        if (words is "moi" or "new" or "ghi" or "them")
        {
            StartRegistration(context);
            return Task.CompletedTask;
        }
        if (arguments.Trim().Length > 0)
        {
            _lookup.ShowOne(context, arguments);
            return Task.CompletedTask;
        }
        _lookup.ListMine(context, true);
        return Task.CompletedTask;
    }

    /// <summary>The projects the person looks after, each with a button to move it on (/dean lists them with "Ghi đề án mới").</summary>
    public void ListMine(BotContext context, bool offerNew) => _lookup.ListMine(context, offerNew);

    /// <summary>"📁 Đề án đang theo dõi" and a move-on button per project; null text when there are none.</summary>
    public (string? Text, List<Choice> Choices) MineSection(BotContext context, bool everyInScope = false) => _lookup.MineSection(context, everyInScope);

    internal void StartRegistration(BotContext context)
    {
        if (context.Message.IsGroupChat)
        {
            context.Say(context.Text("projects.module.group_chat"));
            return;
        }
        if (context.User.Role == Role.Manager)
        {
            context.Say(context.Text("projects.module.manager"));
            return;
        }
        _registration.Start(context);
    }

    private void HandleButton(BotContext context, string data)
    {
        var parts = data.Split(':');
        switch (parts.ElementAtOrDefault(1))
        {
            case "new":
                StartRegistration(context);
                return;
            case "no":
                context.Say(context.Text("projects.module.nothing_saved"));
                return;
            case "pk":
                // A project picked from the projects matching a name: what was asked of it ("pj:pk:ID:o|m:STEP:DAY|d:AMOUNT:DAY").
                if (_names.Picked(context, parts, _lookup) is { } picked)
                {
                    Handle(context, picked.Code!, picked);
                }
                return;
        }
        if (parts.Length >= 2 && _moves.HandleButton(context, parts))
        {
            return;
        }
        context.Say(context.Text("projects.module.stale_button"));
    }

    /// <summary>
    /// A project command typed where the registration dialog waits for free text (the name, the decision number): true when it is one.
    /// Showing a project is done, a move with its date is shown to confirm aside (the registration waits); one that needs a dialog of
    /// its own (a move without a date, a disbursement, another registration) is said not done. Either way it is not taken as the
    /// answer, and the draft stays.
    /// </summary>
    internal bool CommandInsideRegistration(BotContext context, string text)
    {
        if (_parser.Parse(text, context.Today) is not { } request || request.Ask is not (ProjectAsk.Move or ProjectAsk.Disburse or ProjectAsk.One or ProjectAsk.Register)
            || (request.Ask == ProjectAsk.One && !_parser.NamesProjects(text)))
        {
            return false;
        }
        if (request.Ask == ProjectAsk.One || (request.Ask == ProjectAsk.Move && (request.Date is not null || request.Problem is not null)))
        {
            Handle(context, text, request);
            // The move's confirmation is answered aside: its buttons (and "1") go to this module while the registration waits.
            context.ShownAside = request.Ask == ProjectAsk.Move;
            return true;
        }
        context.Say(context.Text("projects.module.command_inside", ("typed", Clip(text))));
        return true;
    }

    private static string Clip(string text) => text.Length <= 60 ? text.Trim() : text[..59].Trim() + "…";
}
