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
            Description = c => c.T("đề án mới đang ghi dở", "a project being registered"),
            Resume = c => c.T("gõ tiếp câu trả lời để ghi tiếp đề án, hoặc /huy để bỏ", "answer to go on with the project, or /cancel"),
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
            ? context.T("Nút này không dùng cho câu hỏi hiện tại; trả lời câu hỏi dưới đây.", "That button is not for this question.")
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
            echo = context.T("✓ Loại đề án: ", "✓ Project type: ") + _vocabulary.Name(_answers.Type(context), context.English)
                + context.T($" (loại duy nhất của {_vocabulary.Name(_answers.Programme(context), false)})", "");
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
        var (vi, en, choices) = step switch
        {
            RegistrationStep.Code => ("Mã đề án? (ví dụ KC-2026-07)", "Project code? (e.g. KC-2026-07)", new List<Choice>()),
            RegistrationStep.Name => ("Tên đề án?", "Project name?", []),
            RegistrationStep.DecisionNumber => ("Số quyết định phê duyệt? (ví dụ 123/QĐ-SCT)", "Approving decision number? (e.g. 123/QĐ-SCT)", []),
            RegistrationStep.DecisionDate => ($"Ngày quyết định phê duyệt? (ví dụ 15/3/{today.Year})", $"Decision date? (e.g. 15/3/{today.Year})", []),
            RegistrationStep.Programme => ("Chương trình?", "Programme?",
                Enum.GetValues<ProjectProgramme>().Select(p => new Choice(_vocabulary.Name(p, context.English), "pj:prog:" + (int)p)).ToList()),
            RegistrationStep.Type => ("Loại đề án?", "Project type?",
                _answers.Types(context).Select(t => new Choice(_vocabulary.Name(t, context.English), "pj:type:" + (int)t)).ToList()),
            RegistrationStep.Activity => ("Hoạt động khuyến công của đề án?", "Activity of the project?",
                _catalogue.Activities.Select(a => new Choice(a.ShortName, "pj:act:" + a.Id)).ToList()),
            RegistrationStep.Province => ("Tỉnh/thành phố của đề án? (gõ tên, ví dụ Phú Thọ)", "Province of the project? (type its name)", []),
            RegistrationStep.Approved => (
                $"Kinh phí khuyến công được duyệt ({(_answers.Programme(context) == ProjectProgramme.National ? "KCQG" : "KCĐP")})? (ví dụ 500 triệu, 1,2 tỷ)",
                "Approved extension funding? (e.g. 500 triệu, 1,2 tỷ)", []),
            RegistrationStep.Counterpart => ("Vốn đối ứng của cơ sở? (ví dụ 300 triệu; 0 hoặc \"bỏ qua\" nếu không có)", "Counterpart funding? (0 or \"skip\" if none)",
                [new Choice(context.T("Không có", "None"), "pj:zero")]),
            RegistrationStep.PlannedEnd => ($"Ngày kết thúc dự kiến? (ví dụ 30/11/{today.Year})", $"Planned end date? (e.g. 30/11/{today.Year})", []),
            RegistrationStep.Facilities => (_answers.Type(context) == ProjectType.Single
                    ? "Cơ sở được hỗ trợ? (gõ tên cơ sở đã có trong danh sách; \"bỏ qua\" để thêm sau)"
                    : "Các cơ sở được hỗ trợ? (gõ tên, cách nhau bằng dấu \";\"; \"bỏ qua\" để thêm sau)",
                "Supported facilities? (names separated by \";\", or \"skip\")", [new Choice(context.T("Bỏ qua", "Skip"), "pj:skip")]),
            _ => (_answers.Summary(context, false), _answers.Summary(context, true),
                [new Choice(context.T("Lưu đề án", "Save"), "pj:save"), new Choice(context.T("Hủy", "Cancel"), "pj:drop")]),
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
        var head = step == RegistrationStep.Confirm ? "" : context.T($"📁 Đề án mới – bước {n}/{last}: ", $"📁 New project – step {n}/{last}: ");
        var tail = step is RegistrationStep.Confirm or RegistrationStep.Code ? "" : context.T(" (\"quay lại\" để sửa bước trước, /huy để bỏ)", " (\"back\" for the previous step, /cancel to drop)");
        return new Reply { Text = prefix + head + context.T(vi, en) + tail, Choices = choices };
    }

    /// <summary>The summary's answer: save, drop, or the problem with it. Saved or dropped, the dialog is left and the reply given here.</summary>
    private string? Confirm(BotContext context, string text, bool isButton)
    {
        var folded = VnText.FoldWords(text);
        if ((isButton && text == "pj:drop") || (!isButton && folded is "huy" or "khong" or "cancel"))
        {
            context.State.Clear();
            context.Say(context.T("Đã bỏ đề án đang ghi; không lưu gì.", "Dropped; nothing saved."));
            return null;
        }
        if (!((isButton && text == "pj:save") || (!isButton && folded is "luu" or "luu de an" or "co" or "ok" or "dong y" or "save" or "yes")))
        {
            return context.T("Bấm Lưu đề án để lưu, Hủy để bỏ, hoặc \"quay lại\" để sửa.", "Press Save, Cancel, or \"back\".");
        }
        var result = _lifecycle.Register(context.User, _answers.Draft(context), confirmed: true);
        context.State.Clear();
        if (!result.Ok)
        {
            context.Say(context.T("Chưa lưu: ", "Not saved: ") + result.Text(context.English));
            return null;
        }
        var choices = result.Project is { } saved && _module.NextStepChoice(context, saved) is { } next ? new List<Choice> { next } : [];
        context.Ask(result.Text(context.English) + context.T(" Chuyển bước: \"đề án " + result.Project!.Code + " đang thực hiện ngày …\", hoặc /dean.", ""), choices);
        return null;
    }
}
