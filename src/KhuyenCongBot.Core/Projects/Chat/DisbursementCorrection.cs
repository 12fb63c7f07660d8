using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// "không, 238 triệu" typed at a disbursement's confirmation ("Đúng, lưu / Không lưu"): no, the amount is 238.000.000 đồng. It was
/// read as a new question ("chưa hiểu '238 trieu'") and the confirmation silently disappeared (an outside tester, finding 11).
/// The new amount is shown and asked again; a "no" with words the bot cannot read keeps the confirmation and says how to correct.
/// </summary>
internal static class DisbursementCorrection
{
    /// <summary>The button data of "disburse this amount, checked as if typed" (a corrected amount is checked again, not confirmed).</summary>
    internal const string Recheck = "dn";

    private static readonly string[] NoHeads = ["khong phai", "chua dung", "khong dung", "khong", "ko", "k", "kg", "no", "not", "sai", "nham"];
    private static readonly string[] Fillers = ["ma la", "phai la", "so tien la", "so tien", "la", "it is", "its", "is", "it s"];

    /// <summary>The confirmation of a disbursement still on screen: its project id and date, or null.</summary>
    private static (long Project, int Day)? Pending(BotContext context)
    {
        foreach (var choice in context.State.LastChoices)
        {
            var parts = choice.Data.Split(':');
            if (parts is ["pj", "dc", var id, _, var day] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var project)
                && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var dayNumber))
            {
                return (project, dayNumber);
            }
        }
        return null;
    }

    /// <summary>Handles a typed correction of the disbursement confirmation on screen; false when none is pending or the text is not one.</summary>
    public static bool TryHandle(BotContext context, string text)
    {
        if (Pending(context) is not { } pending)
        {
            return false;
        }
        var folded = VnText.FoldWords(text);
        var rest = folded;
        var saidNo = false;
        foreach (var head in NoHeads)
        {
            if (rest == head || rest.StartsWith(head + " ", StringComparison.Ordinal))
            {
                rest = rest[head.Length..].Trim();
                saidNo = true;
                break;
            }
        }
        foreach (var filler in Fillers)
        {
            if (rest.StartsWith(filler + " ", StringComparison.Ordinal))
            {
                rest = rest[filler.Length..].Trim();
                break;
            }
        }
        var english = rest.Replace("million", "trieu", StringComparison.Ordinal).Replace("billion", "ty", StringComparison.Ordinal)
            .Replace("vnd", "", StringComparison.Ordinal).Trim();
        if (rest.Length > 0 && VnParse.TryParseMoney(english, out var amount) && amount > 0)
        {
            var project = context.Store.Projects.Get(pending.Project);
            if (project is null)
            {
                return false;
            }
            var day = DateOnly.FromDayNumber(pending.Day);
            var again = $"pj:{Recheck}:{project.Id}:{amount.ToString(CultureInfo.InvariantCulture)}:{pending.Day.ToString(CultureInfo.InvariantCulture)}";
            context.Ask(context.Text("dialogs2.disburse_corrected", ("code", project.Code), ("amount", context.Numbers.MoneyFull(amount)), ("date", day)),
                [new Choice(context.Text("projects.move.yes_save"), again), new Choice(context.Text("projects.move.do_not_save"), "pj:no")]);
            return true;
        }
        if (!saidNo || rest.Length == 0)
        {
            return false;
        }
        // "không, để sau" or a "no" with words the bot cannot read: the confirmation stays, with how to correct the amount.
        context.Ask(context.Text("dialogs2.disburse_how_to_correct"), [.. context.State.LastChoices]);
        return true;
    }
}
