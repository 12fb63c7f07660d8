using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>The steps of registering a project, in order. Saved as their numbers: never renumber.</summary>
public enum RegistrationStep
{
    Code = 0,
    Name = 1,
    DecisionNumber = 2,
    DecisionDate = 3,
    Programme = 4,
    Type = 5,
    Activity = 6,
    Province = 7,
    Approved = 8,
    Counterpart = 9,
    PlannedEnd = 10,
    Facilities = 11,
    Confirm = 12,
}

/// <summary>
/// Registers a project in a short dialog (a table of steps, <see cref="Dialog{TStep}"/>): code, name, decision number and date,
/// programme, type, activity, province (asked only when the person covers several), approved khuyến công amount, counterpart
/// funding, planned end, facility or facilities, then a summary to save. Every step is a form step: it keeps its draft while
/// another question is answered; "quay lại" goes one step back. The answers are read by <see cref="ProjectRegistrationAnswers"/>.
/// </summary>
internal sealed class ProjectRegistrationFlow
{
    public const string FlowName = "project:new";

    private readonly ProjectsModule _module;
    private readonly CatalogueIndex _catalogue;
    private readonly ProjectVocabulary _vocabulary;
    private readonly ProjectLifecycle _lifecycle;
    private readonly ProjectRegistrationAnswers _answers;

    public ProjectRegistrationFlow(ProjectsModule module, CatalogueIndex catalogue, ProjectVocabulary vocabulary, ProjectLifecycle lifecycle)
    {
        _module = module;
        _catalogue = catalogue;
        _vocabulary = vocabulary;
        _lifecycle = lifecycle;
        _answers = new ProjectRegistrationAnswers(catalogue, vocabulary);
        Dialog = new Dialog<RegistrationStep>(FlowName,
            Enum.GetValues<RegistrationStep>().Select(step =>
                new DialogStep<RegistrationStep>(step, c => Prompt(c, step, null), turn => Answer(turn, step)) { Kind = DialogKind.Form }))
        {
            Description = c => c.Text("projects.register.description"),
            Resume = c => c.Text("projects.register.resume"),
        };
    }

    /// <summary>The dialog: one row per step, each asking its question and reading its answer.</summary>
    public Dialog<RegistrationStep> Dialog { get; }

    public void Start(BotContext context) => Dialog.Start(context, RegistrationStep.Code);

    /// <summary>A decision number as written ("123/QĐ-SCT"); see <see cref="ProjectRegistrationAnswers.DecisionNumber"/>.</summary>
    internal static string? DecisionNumber(string text) => ProjectRegistrationAnswers.DecisionNumber(text);

    private DialogMove<RegistrationStep> Answer(DialogTurn turn, RegistrationStep step)
    {
        var context = turn.Context;
        var text = turn.Input.Trim();
        var isButton = turn.IsButton;
        if (!isButton && VnText.FoldWords(text) is "quay lai" or "back")
        {
            ProjectRegistrationChecks.Clear(context);
            return Previous(context, step);
        }
        // An answer asked back ("đã qua, đúng chứ?"): yes keeps it, no asks the question again, anything else is a new answer.
        if (ProjectRegistrationChecks.Pending(context, step) is { } waiting)
        {
            var folded = VnText.FoldWords(text);
            ProjectRegistrationChecks.Clear(context);
            if (isButton ? text == ProjectRegistrationChecks.Yes : ChoiceMatcher.YesWords.Contains(folded))
            {
                ProjectRegistrationAnswers.Set(context, step, waiting);
                return Forward(context, step);
            }
            if (isButton ? text == ProjectRegistrationChecks.No : ChoiceMatcher.NoWords.Contains(folded))
            {
                return DialogMove.Stay();
            }
        }
        // A project command where free text is asked ("đề án KC-2026-07 đã nghiệm thu ngày 15/11" as the name) is handled, not kept as the answer.
        if (!isButton && step is RegistrationStep.Name or RegistrationStep.DecisionNumber && _module.CommandInsideRegistration(context, text))
        {
            return DialogMove.Stay();
        }
        // A button of another step (an old message, forged data) is not an answer to this one.
        var error = isButton && !ButtonsOf(step).Any(b => text.StartsWith(b, StringComparison.Ordinal))
            ? context.Text("projects.register.wrong_button")
            : step == RegistrationStep.Confirm ? Confirm(context, text, isButton) : _answers.Take(context, step, text, isButton);
        if (error is not null)
        {
            return DialogMove.Stay(Prompt(context, step, error).Text);
        }
        return step == RegistrationStep.Confirm ? DialogMove.Handled : Forward(context, step);
    }

    /// <summary>The next step, after the answer just taken read back (a date with its year, an amount in words, a type that follows).</summary>
    private DialogMove<RegistrationStep> Forward(BotContext context, RegistrationStep step)
    {
        if (step == RegistrationStep.DecisionNumber && _answers.Get(context, RegistrationStep.DecisionDate) is not null)
        {
            // The date came with the number ("123/QĐ-SCT ngày 10/11/2026"): read back, its question skipped.
            return Forward(context, RegistrationStep.DecisionDate);
        }
        var next = Next(context, step);
        var echo = ProjectRegistrationChecks.Echo(context, step, _answers.Get(context, step));
        if (step == RegistrationStep.Programme && next > RegistrationStep.Type)
        {
            echo = context.Text("projects.register.echo.only_type", ("type", _vocabulary.Name(_answers.Type(context), context.English)),
                ("programme", _vocabulary.Name(_answers.Programme(context), context.English)));
        }
        return echo is null ? next : DialogMove.Go(next, echo + "\n" + Prompt(context, next, null).Text);
    }

    private static string[] ButtonsOf(RegistrationStep step) => step switch
    {
        RegistrationStep.Programme => ["pj:prog:"],
        RegistrationStep.Type => ["pj:type:"],
        RegistrationStep.Activity => ["pj:act:"],
        RegistrationStep.Counterpart => ["pj:zero"],
        RegistrationStep.Facilities => ["pj:skip", ProjectFacilityPick.ButtonPrefix],
        RegistrationStep.Confirm => ["pj:save", "pj:drop"],
        _ => [],
    };

    private RegistrationStep Next(BotContext context, RegistrationStep step)
    {
        var next = step + 1;
        if (next == RegistrationStep.Type && _answers.Types(context).ToList() is [var onlyType])
        {
            ProjectRegistrationAnswers.Set(context, RegistrationStep.Type, ((int)onlyType).ToString(System.Globalization.CultureInfo.InvariantCulture));
            next++;
        }
        if (next == RegistrationStep.Province && FieldReader.AllowedProvinces(_catalogue, context.User) is { Count: 1 } only)
        {
            ProjectRegistrationAnswers.Set(context, RegistrationStep.Province, only[0].Id);
            next++;
        }
        return next;
    }

    private RegistrationStep Previous(BotContext context, RegistrationStep step)
    {
        var previous = step == RegistrationStep.Code ? RegistrationStep.Code : step - 1;
        if (previous == RegistrationStep.Province && FieldReader.AllowedProvinces(_catalogue, context.User).Count == 1)
        {
            previous--;
        }
        if (previous == RegistrationStep.Type && _answers.Types(context).Count() == 1)
        {
            previous--;
        }
        return previous;
    }

    /// <summary>The question of a step (after the problem with the last answer, when there is one).</summary>
    private Reply Prompt(BotContext context, RegistrationStep step, string? error)
    {
        var today = context.Today;
        var prefix = error is null ? "" : "⚠️ " + error + "\n";
        var n = (int)step + 1;
        var (question, choices) = step switch
        {
            RegistrationStep.Code => (context.Text("projects.register.ask.code"), new List<Choice>()),
            RegistrationStep.Name => (context.Text("projects.register.ask.name"), []),
            RegistrationStep.DecisionNumber => (context.Text("projects.register.ask.decision_number"), []),
            RegistrationStep.DecisionDate => (context.Text("projects.register.ask.decision_date", ("year", today.Year)), []),
            RegistrationStep.Programme => (context.Text("projects.register.ask.programme"),
                Enum.GetValues<ProjectProgramme>().Select(p => new Choice(_vocabulary.Name(p, context.English), "pj:prog:" + (int)p)).ToList()),
            RegistrationStep.Type => (context.Text("projects.register.ask.type"),
                _answers.Types(context).Select(t => new Choice(_vocabulary.Name(t, context.English), "pj:type:" + (int)t)).ToList()),
            RegistrationStep.Activity => (context.Text("projects.register.ask.activity"),
                _catalogue.Activities.Select(a => new Choice(context.English && a.EnglishName.Length > 0 ? a.EnglishName : a.ShortName, "pj:act:" + a.Id)).ToList()),
            RegistrationStep.Province => (context.Text("projects.register.ask.province"), []),
            RegistrationStep.Approved => (context.Text("projects.register.ask.approved",
                ("source", _answers.Programme(context) == ProjectProgramme.National ? "KCQG" : "KCĐP")), []),
            RegistrationStep.Counterpart => (context.Text("projects.register.ask.counterpart"),
                [new Choice(context.Text("projects.register.none"), "pj:zero")]),
            RegistrationStep.PlannedEnd => (context.Text("projects.register.ask.planned_end", ("year", today.Year)), []),
            RegistrationStep.Facilities => (FacilitiesQuestion(context), [new Choice(context.Text("projects.register.skip"), "pj:skip")]),
            _ => (_answers.Summary(context, context.English),
                [new Choice(context.Text("projects.register.save"), "pj:save"), new Choice(context.Text("projects.register.cancel"), "pj:drop")]),
        };
        if (ProjectRegistrationChecks.Choices(context, step) is { Count: > 0 } yesNo)
        {
            choices = yesNo;
        }
        else if (step == RegistrationStep.Facilities)
        {
            choices = [.. ProjectFacilityPick.Choices(context, _catalogue, _answers.Get(context, RegistrationStep.Province) ?? ""), .. choices];
        }
        var last = (int)RegistrationStep.Confirm;
        var head = step == RegistrationStep.Confirm ? "" : context.Text("projects.register.head", ("n", n), ("last", last));
        var tail = step is RegistrationStep.Confirm or RegistrationStep.Code ? "" : context.Text("projects.register.tail");
        return new Reply { Text = prefix + head + question + tail, Choices = choices };
    }

    /// <summary>The facilities question: one facility for a single-facility project, several for a group project.</summary>
    private string FacilitiesQuestion(BotContext context)
    {
        if (_answers.Type(context) == ProjectType.Single)
        {
            return context.Text("projects.register.ask.facility");
        }
        return context.Text("projects.register.ask.facilities");
    }

    /// <summary>The summary's answer: save, drop, or the problem with it. Saved or dropped, the dialog is left and the reply given here.</summary>
    private string? Confirm(BotContext context, string text, bool isButton)
    {
        var folded = VnText.FoldWords(text);
        if ((isButton && text == "pj:drop") || (!isButton && folded is "huy" or "khong" or "cancel"))
        {
            context.State.Clear();
            context.Say(context.Text("projects.register.dropped"));
            return null;
        }
        if (!((isButton && text == "pj:save") || (!isButton && folded is "luu" or "luu de an" or "co" or "ok" or "dong y" or "save" or "yes")))
        {
            return context.Text("projects.register.confirm_hint");
        }
        var result = _lifecycle.Register(context.User, _answers.Draft(context), confirmed: true);
        context.State.Clear();
        if (!result.Ok)
        {
            context.Say(context.Text("projects.register.not_saved", ("reason", result.Text(context.English))));
            return null;
        }
        var choices = result.Project is { } saved && _module.NextStepChoice(context, saved) is { } next ? new List<Choice> { next } : [];
        context.Ask(result.Text(context.English) + context.Text("projects.register.saved_next", ("code", result.Project!.Code)), choices);
        return null;
    }
}
