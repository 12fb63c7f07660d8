using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>The one step of the "on which date?" dialog of a project move. Its value is saved: never renumber.</summary>
public enum DateStep
{
    Date = 0,
}

/// <summary>
/// Officers move a project on ("đề án KC-2026-07 đã nghiệm thu ngày 15/11", or its button): what will be recorded (project, from → to,
/// date, who) is shown and confirmed first; a move without a date asks it. The date of the last move can be corrected (typed again
/// with the new date, or "Sửa ngày" after the move), confirmed and audited. Disbursement is recorded here too.
/// </summary>
public sealed class ProjectMoves
{
    internal const string DateFlow = "project:date";
    internal const string CodeKey = "pj:code";
    internal const string TargetKey = "pj:to";

    /// <summary>Set when the date asked corrects the date of the last move rather than moves the project on.</summary>
    internal const string RedateKey = "pj:re";

    private readonly ProjectLifecycle _lifecycle;
    private readonly ProjectVocabulary _vocabulary;
    private readonly ProjectLookup _lookup;
    private readonly ProjectQuestionParser _parser;
    private readonly Func<BotContext, string, CancellationToken, Task<bool>> _handleText;

    /// <param name="handleText">Handles a project request typed where the date is asked (the module's text handler).</param>
    public ProjectMoves(ProjectLifecycle lifecycle, ProjectVocabulary vocabulary, ProjectLookup lookup, ProjectQuestionParser parser,
        Func<BotContext, string, CancellationToken, Task<bool>> handleText)
    {
        _lifecycle = lifecycle;
        _vocabulary = vocabulary;
        _lookup = lookup;
        _parser = parser;
        _handleText = handleText;
        DateDialog = new(DateFlow, [new(DateStep.Date, null, TakeDateAsync)])
        {
            Description = c => c.Text("projects.move.description", ("code", c.State.Data.GetValueOrDefault(CodeKey))),
        };
    }

    /// <summary>Asks the date of a move (from a move typed without a date, or a button); the question itself is asked by <see cref="AskDate"/>.</summary>
    public Dialog<DateStep> DateDialog { get; }

    /// <summary>A move typed in chat: checked, then shown to confirm (a date is asked when none was typed). The project's current step
    /// typed with another date offers to correct that date.</summary>
    public void Move(BotContext context, string code, ProjectStatus target, DateOnly? date, ProjectParseProblem? problem)
    {
        if (problem is not null)
        {
            context.Say(context.Text("projects.move.problem", ("problem", problem.Say(context.Texts, context.English)), ("code", code), ("step", _vocabulary.Name(target, context.English).ToLowerInvariant())));
            return;
        }
        if (_lookup.Visible(context, code) is not { } project)
        {
            return;
        }
        if (date is null)
        {
            AskDate(context, project, target, redate: false);
            return;
        }
        if (target == project.Status && target != ProjectStatus.Approved && project.DateOf(target) != date)
        {
            PreviewRedate(context, project, date.Value);
            return;
        }
        PreviewMove(context, project, target, date.Value);
    }

    /// <summary>Shows what the move will record and asks to confirm; a move that would be refused is said so, nothing asked.</summary>
    private void PreviewMove(BotContext context, Project project, ProjectStatus target, DateOnly date)
    {
        var result = _lifecycle.Move(context.User, project.Code, target, date, confirmed: false);
        if (result.Outcome != ProjectOutcome.NeedsConfirmation)
        {
            context.Say(result.Text(context.English));
            return;
        }
        var id = project.Id.ToString(CultureInfo.InvariantCulture);
        var t = ((int)target).ToString(CultureInfo.InvariantCulture);
        context.Ask(result.Text(context.English),
        [
            new Choice(context.Text("projects.move.yes_record"), $"pj:mc:{id}:{t}:{date.DayNumber.ToString(CultureInfo.InvariantCulture)}"),
            new Choice(context.Text("projects.move.another_date"), $"pj:md:{id}:{t}"),
            new Choice(context.Text("projects.move.do_not_record"), "pj:no"),
        ]);
    }

    /// <summary>Shows the correction of the last move's date and asks to confirm.</summary>
    private void PreviewRedate(BotContext context, Project project, DateOnly date)
    {
        var result = _lifecycle.CorrectDate(context.User, project.Code, date, confirmed: false);
        if (result.Outcome != ProjectOutcome.NeedsConfirmation)
        {
            context.Say(result.Text(context.English));
            return;
        }
        var id = project.Id.ToString(CultureInfo.InvariantCulture);
        context.Ask(result.Text(context.English),
        [
            new Choice(context.Text("projects.move.yes_correct"), $"pj:rc:{id}:{date.DayNumber.ToString(CultureInfo.InvariantCulture)}"),
            new Choice(context.Text("projects.move.leave"), "pj:no"),
        ]);
    }

    /// <summary>After a move or a correction: the result, and a button to correct the date just recorded.</summary>
    private void Recorded(BotContext context, ProjectResult result)
    {
        if (!result.Ok || result.Project is not { } p)
        {
            context.Say(result.Text(context.English));
            return;
        }
        var label = context.Text("projects.move.correct_date", ("step", _vocabulary.Name(p.Status, context.English).ToLowerInvariant()));
        context.Ask(result.Text(context.English), [new Choice(label, "pj:rd:" + p.Id.ToString(CultureInfo.InvariantCulture))]);
    }

    public void AskDate(BotContext context, Project project, ProjectStatus target, bool redate)
    {
        DateDialog.Start(context, DateStep.Date, new Dictionary<string, string>
        {
            [CodeKey] = project.Code,
            [TargetKey] = ((int)target).ToString(CultureInfo.InvariantCulture),
            [RedateKey] = redate ? "1" : "0",
        });
        var step = _vocabulary.Name(target, context.English).ToLowerInvariant();
        string question;
        if (redate)
        {
            question = context.Text("projects.move.ask_redate", ("code", project.Code), ("step", step), ("date", project.DateOf(target)!.Value));
        }
        else
        {
            question = context.Text("projects.move.ask_date", ("code", project.Code), ("from", _vocabulary.Name(project.Status, context.English).ToLowerInvariant()), ("step", step));
        }
        context.Ask(question, [new Choice(context.Text("projects.move.today"), "pj:today")]);
    }

    private async Task<DialogMove<DateStep>> TakeDateAsync(DialogTurn turn)
    {
        var context = turn.Context;
        var input = turn.Input;
        if (!turn.IsButton && !VnParse.TryParseDate(input, context.Today, out _))
        {
            if (VnText.FoldWords(input) is "quay lai" or "back")
            {
                return DialogMove.End(turn.Text("projects.move.stopped"));
            }
            if (_parser.Parse(input, context.Today) is not null)
            {
                // Another project request typed instead of the date ("đề án KC-2026-07 đã quyết toán ngày 25/11"): this one is
                // left (nothing was moved) and the new one is done, rather than read as a date that is not one.
                context.State.Clear();
                context.Say(turn.Text("projects.move.left_waiting"));
                await _handleText(context, input, turn.CancellationToken).ConfigureAwait(false);
                return DialogMove.Handled;
            }
        }
        var code = context.State.Data.GetValueOrDefault(CodeKey) ?? "";
        var target = (ProjectStatus)int.Parse(context.State.Data.GetValueOrDefault(TargetKey) ?? "0", CultureInfo.InvariantCulture);
        var redate = context.State.Data.GetValueOrDefault(RedateKey) == "1";
        var today = new Choice(turn.Text("projects.move.today"), "pj:today");
        DateOnly date;
        if (turn.IsButton && input == "pj:today")
        {
            date = context.Today;
        }
        else if (turn.IsButton || !VnParse.TryParseDate(input, context.Today, out date))
        {
            context.Ask(turn.Text("projects.move.bad_date"), [today]);
            return DialogMove.Handled;
        }
        var result = redate ? _lifecycle.CorrectDate(context.User, code, date, confirmed: false) : _lifecycle.Move(context.User, code, target, date, confirmed: false);
        if (result.Outcome is ProjectOutcome.DateInFuture or ProjectOutcome.DateBeforePreviousStep)
        {
            context.Ask(result.Text(context.English) + turn.Text("projects.move.retype_date"), [today]);
            return DialogMove.Handled;
        }
        context.State.Clear();
        if (result.Outcome != ProjectOutcome.NeedsConfirmation || result.Project is not { } project)
        {
            context.Say(result.Text(context.English));
        }
        else if (redate)
        {
            PreviewRedate(context, project, date);
        }
        else
        {
            PreviewMove(context, project, target, date);
        }
        return DialogMove.Handled;
    }

    public void Disburse(BotContext context, ProjectRequest request, bool confirmed = false, bool fromButton = false)
    {
        if (request.Amount is null)
        {
            if (request.Problem is { } amountProblem)
            {
                context.Say(context.Text("projects.disburse.amount_problem", ("problem", amountProblem.Say(context.Texts, context.English))));
            }
            else
            {
                context.Say(context.Text("projects.disburse.amount_unread"));
            }
            return;
        }
        if (request.Problem is not null)
        {
            context.Say(context.Text("projects.disburse.date_problem", ("problem", request.Problem.Say(context.Texts, context.English))));
            return;
        }
        if (_lookup.Visible(context, request.Code!, fromButton: confirmed || fromButton) is not { } project)
        {
            return;
        }
        var asOf = request.Date ?? context.Today;
        var result = _lifecycle.SetDisbursed(context.User, project.Code, request.Amount.Value, asOf, confirmed);
        if (result.Outcome == ProjectOutcome.NeedsConfirmation)
        {
            var data = $"pj:dc:{project.Id}:{request.Amount.Value}:{asOf.DayNumber}";
            context.Ask(result.Text(context.English), [new Choice(context.Text("projects.move.yes_save"), data), new Choice(context.Text("projects.move.do_not_save"), "pj:no")]);
            return;
        }
        context.Say(result.Text(context.English));
    }

    /// <summary>The buttons of moves, corrections and disbursements ("pj:n:", "pj:mc:", "pj:md:", "pj:rd:", "pj:rc:", "pj:dc:"); false for another.</summary>
    public bool HandleButton(BotContext context, string[] parts)
    {
        var project = parts.Length >= 3 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? context.Store.Projects.Get(id) : null;
        switch (parts[1])
        {
            case "n" when parts.Length == 3:
                if (Found(context, project) is not { } next)
                {
                    return true;
                }
                if (next.Status == ProjectStatus.Settled)
                {
                    context.Say(context.Text("projects.move.settled", ("code", next.Code)));
                    return true;
                }
                AskDate(context, next, next.Status + 1, redate: false);
                return true;
            case "mc" when parts.Length == 5 && Step(parts[3]) is { } target && Day(parts[4]) is { } date:
                if (Found(context, project) is { } moved)
                {
                    Recorded(context, _lifecycle.Move(context.User, moved.Code, target, date));
                }
                return true;
            case "md" when parts.Length == 4 && Step(parts[3]) is { } target:
                if (Found(context, project) is { } asked)
                {
                    AskDate(context, asked, target, redate: false);
                }
                return true;
            case "rd" when parts.Length == 3:
                if (Found(context, project) is { } redated)
                {
                    if (redated.Status == ProjectStatus.Approved)
                    {
                        context.Say(context.Text("projects.move.not_moved", ("code", redated.Code)));
                        return true;
                    }
                    AskDate(context, redated, redated.Status, redate: true);
                }
                return true;
            case "rc" when parts.Length == 4 && Day(parts[3]) is { } newDate:
                if (Found(context, project) is { } corrected)
                {
                    Recorded(context, _lifecycle.CorrectDate(context.User, corrected.Code, newDate));
                }
                return true;
            case "dc" when parts.Length == 5 && project is not null && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                && Day(parts[4]) is { } asOf:
                Disburse(context, new ProjectRequest(ProjectAsk.Disburse, project.Code, Date: asOf, Amount: amount), confirmed: true);
                return true;
            case DisbursementCorrection.Recheck when parts.Length == 5 && project is not null
                && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var newAmount) && Day(parts[4]) is { } correctedAsOf:
                // A corrected amount ("không, 238 triệu") is checked like a typed one: a warning it needs is still asked.
                Disburse(context, new ProjectRequest(ProjectAsk.Disburse, project.Code, Date: correctedAsOf, Amount: newAmount), fromButton: true);
                return true;
        }
        return false;
    }

    /// <summary>The project of a button when the person may see it; otherwise null after "không tìm thấy" (the data may be forged).</summary>
    private Project? Found(BotContext context, Project? project)
    {
        if (project is null)
        {
            context.Say(context.Text("projects.not_found"));
            return null;
        }
        return _lookup.Visible(context, project.Code, fromButton: true);
    }

    private static ProjectStatus? Step(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && Enum.IsDefined((ProjectStatus)s) ? (ProjectStatus)s : null;

    private static DateOnly? Day(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber(day) : null;
}
