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

public sealed partial class ProjectsModule
{
    private readonly Dialog<DateStep> _dateDialog;

    /// <summary>Asks the date of a move (from a move typed without a date, or a /cuatoi button); the question itself is asked by
    /// <see cref="AskDate"/>, which names the project.</summary>
    private Dialog<DateStep> DateDialog() => new(DateFlow, [new(DateStep.Date, null, TakeDateAsync)])
    {
        Description = c => c.T(
            $"ngày chuyển bước của đề án {c.State.Data.GetValueOrDefault(CodeKey)}", $"the date of project {c.State.Data.GetValueOrDefault(CodeKey)}'s move"),
    };

    private async Task<DialogMove<DateStep>> TakeDateAsync(DialogTurn turn)
    {
        var context = turn.Context;
        var input = turn.Input;
        if (!turn.IsButton && !VnParse.TryParseDate(input, context.Today, out _))
        {
            if (VnText.FoldWords(input) is "quay lai" or "back")
            {
                return DialogMove.End(turn.T("Đã thôi, chưa chuyển bước đề án nào.", "Stopped: no project was moved."));
            }
            if (_parser.Parse(input, context.Today) is not null)
            {
                // Another project request typed instead of the date ("đề án KC-2026-07 đã quyết toán ngày 25/11"): this one is
                // left (nothing was moved) and the new one is done, rather than read as a date that is not one.
                context.State.Clear();
                context.Say(turn.T("(Đã bỏ việc đang chờ ngày; chưa chuyển bước đề án nào ở việc đó.)", "(Left the move waiting for a date; nothing was moved.)"));
                await TryHandleTextAsync(context, input, turn.CancellationToken).ConfigureAwait(false);
                return DialogMove.Handled;
            }
        }
        var code = context.State.Data.GetValueOrDefault(CodeKey) ?? "";
        var target = (ProjectStatus)int.Parse(context.State.Data.GetValueOrDefault(TargetKey) ?? "0", CultureInfo.InvariantCulture);
        var today = new Choice(turn.T("Hôm nay", "Today"), "pj:today");
        DateOnly date;
        if (turn.IsButton && input == "pj:today")
        {
            date = context.Today;
        }
        else if (turn.IsButton || !VnParse.TryParseDate(input, context.Today, out date))
        {
            context.Ask(turn.T("Bot chưa đọc được ngày. Gõ ngày, ví dụ 15/11 hoặc 15/11/2026; hoặc /huy để thôi.",
                "Could not read the date. Type e.g. 15/11/2026, or /cancel."), [today]);
            return DialogMove.Handled;
        }
        var result = _lifecycle.Move(context.User, code, target, date);
        if (result.Outcome is ProjectOutcome.DateInFuture or ProjectOutcome.DateBeforePreviousStep)
        {
            context.Ask(result.Text(context.English) + turn.T(" Gõ lại ngày, hoặc /huy.", " Type the date again, or /cancel."), [today]);
            return DialogMove.Handled;
        }
        return DialogMove.End(result.Text(context.English));
    }
}
