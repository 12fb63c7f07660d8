using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Projects (đề án) in chat: /dean (/project) lists them and registers a new one through a short dialog; officers move a project
/// on ("đề án KC-2026-07 đã nghiệm thu ngày 15/11") and record what was disbursed ("đề án KC-2026-07 giải ngân 300 triệu");
/// everyone asks "bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ", "giải ngân đạt bao nhiêu %", within their scope.
/// </summary>
public sealed partial class ProjectsModule : IBotModule
{
    internal const string DateFlow = "project:date";
    internal const string CodeKey = "pj:code";
    internal const string TargetKey = "pj:to";

    private readonly ProjectQuestionParser _parser;
    private readonly ProjectLifecycle _lifecycle;
    private readonly ProjectAnswers _answers;
    private readonly ProjectVocabulary _vocabulary;
    private readonly CatalogueIndex _catalogue;
    private readonly ScopeResolver _scopes;
    private readonly QuestionParser _questions;
    private readonly AccessPolicy? _access;
    private readonly HashSet<string> _knownWords;

    public ProjectsModule(CatalogueIndex catalogue, ProjectVocabulary vocabulary, ProjectMoveParser moves,
        ProjectLifecycle lifecycle, ProjectQueries queries, Storage.IBotStore store, Lexicon? lexicon = null, AccessPolicy? access = null)
    {
        _catalogue = catalogue;
        _vocabulary = vocabulary;
        _lifecycle = lifecycle;
        _parser = new ProjectQuestionParser(vocabulary, moves);
        _answers = new ProjectAnswers(store, queries, vocabulary, catalogue);
        _scopes = new ScopeResolver(catalogue);
        _questions = new QuestionParser(catalogue, lexicon);
        _access = access;
        _knownWords = _parser.KnownPhrases().SelectMany(p => p.Split(' ')).Concat(ExtraWords).ToHashSet(StringComparer.Ordinal);
        _dateDialog = DateDialog();
        Flows = [new ProjectRegistrationFlow(this, catalogue, vocabulary, lifecycle), _dateDialog];
    }

    /// <summary>Words of project questions that are neither steps nor question phrases ("nào", "có", "đã"): not "not understood".</summary>
    private static readonly string[] ExtraWords =
        ["nao", "nhung", "cac", "co", "da", "dang", "duoc", "chua", "bao", "nhieu", "may", "the", "so", "ma", "khong", "hien", "nay", "cua", "va", "how", "many", "which", "are", "is", "not", "yet", "what"];

    public int TextPriority => 50;

    public bool ButtonsInGroups => false;

    public IEnumerable<IConversationFlow> Flows { get; }

    public IEnumerable<BotCommand> Commands =>
    [
        new("project", ["dean", "projects"], "Đề án khuyến công: xem, ghi đề án mới, chuyển bước", "Projects: list, register, move on", Role.Officer, ListCommandAsync),
    ];

    public IEnumerable<string> HelpExamples(BotContext context) => context.English
        ? ["how many projects not yet accepted", "project KC-2026-07 accepted on 15/11"]
        : ["bao nhiêu đề án chưa nghiệm thu", "đề án nào chậm tiến độ", "giải ngân đạt bao nhiêu %", "đề án KC-2026-07 đã nghiệm thu ngày 15/11", "/dean – ghi đề án mới"];

    /// <summary>A project request that names projects ("đề án …", "giải ngân …"): a bare code-shaped answer ("AB-12") inside another dialog stays its answer.</summary>
    public bool IsClearIntent(BotContext context, string text) =>
        _parser.Parse(text, context.Today) is { } request && (request.Ask != ProjectAsk.One || _parser.NamesProjects(text));

    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (_parser.Parse(text, context.Today) is not { } request)
        {
            return Task.FromResult(false);
        }
        Handle(context, text, request);
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
                Move(context, request.Code!, request.Status!.Value, request.Date, request.Problem);
                return;
            case ProjectAsk.Disburse:
                Disburse(context, request);
                return;
            case ProjectAsk.One:
                ShowOne(context, request.Code!);
                return;
        }
        var parts = _questions.Parse(text, context.Today);
        var unknown = parts.Unknown.SelectMany(u => VnText.FoldWords(u).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => !_knownWords.Contains(w)).ToList();
        if (unknown.Count > 0)
        {
            context.Say(context.T(
                $"Bot chưa hiểu \"{string.Join(" ", unknown)}\" trong câu hỏi về đề án, nên chưa trả lời số nào. Ví dụ hỏi: \"bao nhiêu đề án chưa nghiệm thu\", \"đề án nào chậm tiến độ ở Phú Thọ\", \"giải ngân đạt bao nhiêu %\".",
                $"The bot did not understand \"{string.Join(" ", unknown)}\" in that question about projects. E.g. \"how many projects not yet accepted\"."));
            return;
        }
        // A source, an activity, a measure or a group of facilities read in the question is not a filter of the project answers:
        // "đề án KCĐP chưa nghiệm thu" must not be answered for every project.
        var unused = new List<string>();
        // The word "đề án"/"dự án" itself reads as consulting projects to the figures parser: filters are read without it.
        var withoutProjectWords = " " + VnText.FoldWords(text) + " ";
        foreach (var w in _vocabulary.ProjectWords)
        {
            withoutProjectWords = withoutProjectWords.Replace(" " + w + " ", " ", StringComparison.Ordinal);
        }
        var filters = _questions.Parse(withoutProjectWords.Trim(), context.Today);
        if (filters.Source is { } source)
        {
            unused.Add(context.T("nguồn ", "source ") + Figures.FundingSources.Label(source, context.English));
        }
        if (filters.ActivityId is { } activity)
        {
            unused.Add(context.T("hoạt động \"", "activity \"") + (_catalogue.Activity(activity)?.ShortName ?? activity) + "\"");
        }
        if (filters.FacilityGroup is { } group)
        {
            unused.Add(group);
        }
        if (unused.Count > 0)
        {
            context.Say(context.T(
                $"Câu hỏi về đề án chưa lọc được theo {string.Join(", ", unused)}, nên bot chưa trả lời số nào (số của mọi đề án sẽ sai với câu hỏi). Bạn hỏi không kèm điều kiện đó, ví dụ: \"bao nhiêu đề án chưa nghiệm thu\", hoặc xem từng đề án bằng /dean.",
                $"Project questions cannot be filtered by {string.Join(", ", unused)} yet, so no figure is given. Ask without it, e.g. \"how many projects not yet accepted\", or see each project with /dean."));
            return;
        }
        var scope = parts.Scope is null or "own" ? _scopes.DefaultScope(context.User) : parts.Scope;
        var units = _scopes.UnitIds(scope);
        var refusal = (context.Message.IsGroupChat
            ? _access?.RefusalInChat(context, units) ?? AccessPolicy.GroupRefusal(context)
            : null) ?? _scopes.Refusal(context.User, scope, context.English);
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
        var name = _scopes.ShortName(scope, context.English);
        var english = context.English;
        var answer = request.Ask switch
        {
            ProjectAsk.NotReached => _answers.NotReached(units, name, request.Status!.Value, at, english),
            ProjectAsk.AtStatus => _answers.AtStatus(units, name, request.Status!.Value, at, english),
            ProjectAsk.Late => _answers.Late(units, name, at, english),
            ProjectAsk.Rate => _answers.Rate(units, name, at, english),
            _ => _answers.Overview(units, name, at, english),
        };
        if (parts.Corrections.Count > 0)
        {
            answer = context.T("Bot hiểu " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" là \"{c.Read}\"")) + ".\n",
                "Read " + string.Join(", ", parts.Corrections.Select(c => $"\"{c.Typed}\" as \"{c.Read}\"")) + ".\n") + answer;
        }
        context.Say(answer);
    }

    /// <summary>The report paragraph's sentence on the projects of a scope in a period (null when there are none).</summary>
    public string? ReportSentence(IReadOnlySet<string>? units, Period period, DateOnly today, bool english) =>
        _answers.ReportSentence(units, period, today, english);

    /// <summary>A project the person may see, or null after saying "không tìm thấy" (the same words whether it does not exist or is not theirs to see).</summary>
    private Project? Visible(BotContext context, string code)
    {
        var project = context.Store.Projects.FindByCode(code);
        var allowed = _scopes.UnitIds(_scopes.DefaultScope(context.User));
        if (project is null || (allowed is not null && !allowed.Contains(project.ProvinceId)))
        {
            context.Say(context.T(
                $"Không tìm thấy đề án {code.Trim()}. Kiểm tra lại mã (ví dụ KC-2026-07), hoặc gõ /dean để xem các đề án.",
                $"No project {code.Trim()} found. Check the code, or type /project to list projects."));
            return null;
        }
        return project;
    }

    private void ShowOne(BotContext context, string code)
    {
        if (context.Message.IsGroupChat)
        {
            context.Say(AccessPolicy.GroupRefusal(context));
            return;
        }
        if (Visible(context, code) is not { } project)
        {
            return;
        }
        var choices = NextStepChoice(context, project) is { } next ? new List<Choice> { next } : [];
        context.Ask(_answers.One(project, context.Today, context.English), choices);
    }

    internal Choice? NextStepChoice(BotContext context, Project p) =>
        p.Status < ProjectStatus.Settled && _access?.CanLog(context.User, p.ProvinceId) != false
            ? new Choice(context.T($"{p.Code} → {_vocabulary.Name(p.Status + 1).ToLowerInvariant()}", $"{p.Code} → {_vocabulary.Name(p.Status + 1, true).ToLowerInvariant()}"),
                "pj:n:" + p.Id.ToString(CultureInfo.InvariantCulture))
            : null;

    private void Move(BotContext context, string code, ProjectStatus target, DateOnly? date, string? problem)
    {
        if (problem is not null)
        {
            context.Say(context.T($"Chưa ghi: {problem}. Ví dụ: đề án {code} đã {_vocabulary.Name(target).ToLowerInvariant()} ngày 15/11.", $"Not recorded: the date was not understood ({problem})."));
            return;
        }
        if (Visible(context, code) is not { } project)
        {
            return;
        }
        if (date is null)
        {
            AskDate(context, project, target);
            return;
        }
        var result = _lifecycle.Move(context.User, project.Code, target, date.Value);
        context.Say(result.Text(context.English));
    }

    private void AskDate(BotContext context, Project project, ProjectStatus target)
    {
        _dateDialog.Start(context, DateStep.Date, new Dictionary<string, string>
        {
            [CodeKey] = project.Code,
            [TargetKey] = ((int)target).ToString(CultureInfo.InvariantCulture),
        });
        var step = _vocabulary.Name(target).ToLowerInvariant();
        context.Ask(context.T(
            $"Đề án {project.Code} ({_vocabulary.Name(project.Status).ToLowerInvariant()}) → {step}: {step} ngày nào? Gõ ngày (ví dụ 15/11) hoặc chọn Hôm nay. /huy để thôi.",
            $"Project {project.Code} → {_vocabulary.Name(target, true).ToLowerInvariant()}: on which date? Type it (e.g. 15/11) or pick Today. /cancel to stop."),
            [new Choice(context.T("Hôm nay", "Today"), "pj:today")]);
    }

    private void Disburse(BotContext context, ProjectRequest request, bool confirmed = false)
    {
        if (request.Amount is null)
        {
            context.Say(context.T($"Chưa ghi: {request.Problem ?? "chưa đọc được số tiền"}.", "Not recorded: the amount was not understood."));
            return;
        }
        if (request.Problem is not null)
        {
            context.Say(context.T($"Chưa ghi: {request.Problem}.", "Not recorded: the date was not understood."));
            return;
        }
        if (Visible(context, request.Code!) is not { } project)
        {
            return;
        }
        var asOf = request.Date ?? context.Today;
        var result = _lifecycle.SetDisbursed(context.User, project.Code, request.Amount.Value, asOf, confirmed);
        if (result.Outcome == ProjectOutcome.NeedsConfirmation)
        {
            var data = $"pj:dc:{project.Id}:{request.Amount.Value}:{asOf.DayNumber}";
            context.Ask(result.Text(context.English), [new Choice(context.T("Đúng, lưu", "Yes, save"), data), new Choice(context.T("Không lưu", "Do not save"), "pj:no")]);
            return;
        }
        context.Say(result.Text(context.English));
    }

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
            ShowOne(context, arguments);
            return Task.CompletedTask;
        }
        ListMine(context, true);
        return Task.CompletedTask;
    }

    /// <summary>The projects the person looks after (their scope's, not yet settled, latest decision first) with a button each to move on.</summary>
    /// <param name="offerNew">Whether to offer "Ghi đề án mới" (the /dean list) or only the projects (the /cuatoi section).</param>
    public void ListMine(BotContext context, bool offerNew)
    {
        var (text, choices) = MineSection(context, everyInScope: offerNew);
        if (offerNew && context.User.Role != Role.Manager)
        {
            choices.Add(new Choice(context.T("Ghi đề án mới", "Register a project"), "pj:new"));
        }
        if (text is null && !offerNew)
        {
            return;
        }
        context.Ask(text ?? context.T("Chưa có đề án nào trong phạm vi của bạn.", "No projects in your scope yet."), choices);
    }

    /// <summary>"📁 Đề án đang theo dõi" and a move-on button per project; null text when there are none.</summary>
    /// <param name="everyInScope">/dean lists every open project of the scope; /cuatoi of a person without a province lists only theirs.</param>
    public (string? Text, List<Choice> Choices) MineSection(BotContext context, bool everyInScope = false)
    {
        var units = _scopes.UnitIds(_scopes.DefaultScope(context.User));
        var open = context.Store.Projects.Find(new ProjectFilter(units))
            .Where(p => p.Status < ProjectStatus.Settled && (everyInScope || units is not null || p.CreatedByUserId == context.User.Id))
            .OrderByDescending(p => p.DecisionDate).ThenByDescending(p => p.Id).ToList();
        if (open.Count == 0)
        {
            return (null, []);
        }
        var lines = open.Take(ProjectAnswers.ListSize).Select(p =>
        {
            var late = ProjectQueries.DaysLate(p, context.Today) is > 0 and var d ? context.T($", chậm {d} ngày", $", {d} days late") : "";
            return $"• {p.Code} – {p.Name}: {_vocabulary.Name(p.Status, context.English).ToLowerInvariant()}{late}";
        });
        var text = context.T($"📁 Đề án đang theo dõi ({VnFormat.Number(open.Count)}); chọn để chuyển sang bước tiếp:", $"📁 Open projects ({open.Count}); pick one to move it on:")
            + "\n" + string.Join("\n", lines);
        var choices = open.Take(ProjectAnswers.ListSize).Select(p => NextStepChoice(context, p)).OfType<Choice>().ToList();
        return (text, choices);
    }

    internal void StartRegistration(BotContext context)
    {
        if (context.Message.IsGroupChat)
        {
            context.Say(context.T("Ghi đề án trong tin nhắn riêng với bot nhé.", "Register projects in a private chat with the bot."));
            return;
        }
        if (context.User.Role == Role.Manager)
        {
            context.Say(context.T("Tài khoản lãnh đạo chỉ xem số liệu; cán bộ hoặc quản trị viên ghi đề án.", "Managers view figures; officers and admins register projects."));
            return;
        }
        ((ProjectRegistrationFlow)Flows.First()).Start(context);
    }

    private void HandleButton(BotContext context, string data)
    {
        var parts = data.Split(':');
        switch (parts.ElementAtOrDefault(1))
        {
            case "new":
                StartRegistration(context);
                return;
            case "n" when long.TryParse(parts.ElementAtOrDefault(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                var project = context.Store.Projects.Get(id);
                if (project is null || Visible(context, project.Code) is null)
                {
                    if (project is null)
                    {
                        context.Say(context.T("Không tìm thấy đề án này.", "Project not found."));
                    }
                    return;
                }
                if (project.Status == ProjectStatus.Settled)
                {
                    context.Say(context.T($"Đề án {project.Code} đã quyết toán: không còn bước nào.", $"Project {project.Code} is settled."));
                    return;
                }
                AskDate(context, project, project.Status + 1);
                return;
            case "dc" when parts.Length == 5 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                && context.Store.Projects.Get(pid) is { } p && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber:
                Disburse(context, new ProjectRequest(ProjectAsk.Disburse, p.Code, Date: DateOnly.FromDayNumber(day), Amount: amount), confirmed: true);
                return;
            case "no":
                context.Say(context.T("Không lưu gì.", "Nothing saved."));
                return;
            default:
                context.Say(context.T("Nút này không còn dùng được. Gõ /dean để xem các đề án.", "This button no longer works. Type /project."));
                return;
        }
    }

    /// <summary>
    /// A project command typed where the registration dialog waits for free text (the name, the decision number): true when it is one.
    /// One that needs no dialog of its own (show a project, a move with its date) is done; one that does (a move without a date, a
    /// disbursement, another registration) is said not done. Either way it is not taken as the answer, and the draft stays.
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
            return true;
        }
        context.Say(context.T($"\"{FormRunnerClip(text)}\" là một lệnh về đề án, không phải câu trả lời: chưa làm, vì đề án mới đang ghi dở. Ghi xong (hoặc /huy) rồi gõ lại lệnh đó.",
            $"\"{FormRunnerClip(text)}\" is a project command, not an answer: not done while the new project is being registered. Finish it (or /cancel), then type the command again."));
        return true;
    }

    private static string FormRunnerClip(string text) => text.Length <= 60 ? text.Trim() : text[..59].Trim() + "…";
}
