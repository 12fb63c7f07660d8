using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The summary before saving: "lưu" saves, a number (or "sửa 2") goes back to that answer, "không" offers what to change.</summary>
public sealed class FormSummary(FormPrompter prompter, FormSaver saver)
{
    private static readonly string[] SaveWords =
        ["luu", "save", "ok", "xong", "dong y", "luu lai", "luu ban ghi", "co", "ok luu", "luu di", "luu nhe", "co luu", "dong y luu", "luu luon", "ok save"];

    private static readonly Regex EditCommand = new(@"^(?:sua|edit|doi|s)\s*(?:cau\s*|so\s*)?([0-9]{1,3})$", RegexOptions.CultureInvariant);

    internal void Handle(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, bool isButton, string folded)
    {
        if (PendingConfirmation.Shown(s) is not null)
        {
            // The question asked at save time is answered now: a number or label typed means its own choices, not an item of the summary.
            if (!isButton && PendingConfirmation.Match(s, folded) is { } chosen)
            {
                (verb, arg, isButton) = (FormAnswer.Read(s, chosen, true).Verb, "", true);
            }
            PendingConfirmation.Clear(s);
        }
        var applicable = s.Applicable(form);
        int? pick = null;
        if (verb == "e" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            pick = n;
        }
        else if (!isButton)
        {
            var m = EditCommand.Match(folded);
            if (m.Success)
            {
                pick = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) && folded.Length <= 3)
            {
                pick = bare;
            }
            else if ((SaveWords.Contains(folded) || (ChoiceMatcher.YesWords.Contains(folded) && folded != "y")) && s.Phase == FormPhase.Summary)
            {
                verb = "save";
            }
            else if (folded is "sua" or "edit" or "chinh sua")
            {
                verb = "edit";
            }
        }
        if (!isButton && s.Phase == FormPhase.Summary && folded != "thoi" && ChoiceMatcher.NoWords.Contains(folded))
        {
            // "không" to "save?": nothing is saved yet; what to change is offered, and ✖ Hủy drops the form.
            s.Phase = FormPhase.EditPick;
            prompter.Prompt(ctx, s, ctx.Text("form.summary.pick_item_to_edit"));
            return;
        }
        if (pick is { } number)
        {
            if (number < 1 || number > applicable.Count)
            {
                prompter.Prompt(ctx, s, ctx.Text("form.summary.no_such_item", ("number", number), ("count", applicable.Count)), edits: false);
                return;
            }
            s.Step = applicable[number - 1];
            s.Phase = FormPhase.Ask;
            s.Misses = 0;
            prompter.Prompt(ctx, s);
            return;
        }
        switch (verb)
        {
            case "save":
                saver.Save(ctx, s, form);
                return;
            case "edit":
                s.Phase = FormPhase.EditPick;
                prompter.Prompt(ctx, s);
                return;
            case "back" when s.Phase == FormPhase.EditPick:
                s.Phase = FormPhase.Summary;
                prompter.Prompt(ctx, s);
                return;
            case "back":
                s.Step = applicable.Count > 0 ? applicable[^1] : 0;
                s.Phase = FormPhase.Ask;
                prompter.Prompt(ctx, s);
                return;
            case "skip":
                prompter.Prompt(ctx, s, ctx.Text("form.summary.complete_choose_save"), edits: false);
                return;
        }
        prompter.Prompt(ctx, s, ctx.Text("form.summary.choose_save"), edits: false);
    }
}
