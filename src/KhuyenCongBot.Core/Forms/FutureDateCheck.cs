using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A record dated after today (a training that opens next month, a fair at the end of the week) is not an actual figure yet: the
/// forms that take such a date (seeds/forms "maxDaysAhead") save it only as "ước thực hiện", to be replaced by the actual figures
/// once it has happened. Marked "Chính thức", the status question is asked again with the reason, before the summary; the officer
/// picks "Ước thực hiện" or corrects the date. The import refuses such a row the same way (RecordRowReader).
/// </summary>
public sealed class FutureDateCheck(FormPrompter prompter) : IFormCrossCheck
{
    public bool Asks(BotContext ctx, FormSession s, FormDefinition form, string? echo)
    {
        if (form.Bound("date") is not { } dateField || form.Bound("status") is not { } statusField
            || !DateOnly.TryParseExact(s.Answer(dateField.Id), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date <= ctx.Today || s.Answer(statusField.Id) == "estimate")
        {
            return false;
        }
        var estimate = statusField.Choices.FirstOrDefault(c => c.Value == "estimate");
        s.ClearAnswer(statusField.Id);
        s.Step = form.Fields.IndexOf(statusField);
        s.Phase = FormPhase.Ask;
        s.Misses = 0;
        var note = "⚠ " + ctx.Text("sforms.date.future_not_actual", ("label", dateField.LabelIn(ctx.English)), ("date", VnFormat.Date(date)),
            ("today", VnFormat.Date(ctx.Today)), ("estimate", estimate is null ? "" : ctx.English ? estimate.LabelEn ?? estimate.Label : estimate.Label));
        prompter.Prompt(ctx, s, (echo is null ? "" : echo + "\n") + note);
        return true;
    }
}
