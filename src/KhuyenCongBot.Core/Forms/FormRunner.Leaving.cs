using System.Globalization;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Leaving the form, and the buttons of receipts and /cuatoi that work with or without a form.</summary>
public sealed partial class FormRunner
{
    /// <summary>
    /// /huy, "✖ Hủy" or a leaving phrase ("thôi", "không ghi nữa", "dừng lại"): the form is left. Its answers are kept as a draft
    /// (<see cref="FormDrafts"/>) that the next /ghi offers to continue; a correction leaves the record as it was. At "continue the
    /// unfinished form or start a new one?", the new one is given up and the unfinished one stays as it was.
    /// </summary>
    public void Leave(BotContext ctx)
    {
        var s = new FormSession(ctx.State);
        if (s.Phase == FormPhase.Draft && s.Get(FormDrafts.RestoredKey) is null)
        {
            starter.KeepDraft(ctx, s);
            return;
        }
        var restored = s.Phase == FormPhase.Draft;
        if (restored)
        {
            // The draft was brought back for the question: it goes back aside, untouched.
            s.Phase = FormPhases.Parse(s.Get("prevphase"));
            s.Set("prevphase", null);
            s.Set("next", null);
        }
        var form = forms.Get(s.FormId);
        var edit = s.EditId;
        if (edit is null && form is not null && s.Phase != FormPhase.Pick && FormDrafts.Answered(ctx, s, form) > 0)
        {
            var what = prompter.Describe(ctx, s);
            FormDrafts.Keep(s);
            ctx.Say(restored
                ? ctx.Text("form.runner.draft_still_kept", ("what", what))
                : ctx.Text("form.runner.stopped_draft_kept", ("what", what)));
            return;
        }
        var formId = s.FormId;
        s.End();
        DraftPhotos.Drop(ctx);
        ctx.Say(edit is not null
            ? ctx.Text("form.runner.correction_cancelled", ("id", edit))
            : form is null || formId is null
                ? ctx.Text("form.runner.cancelled")
                : ctx.Text("form.runner.form_cancelled", ("title", FormText.Title(ctx, form))));
    }

    /// <summary>Buttons that work with or without an active form: receipts and /my.</summary>
    public static bool IsGlobal(string data) =>
        data == "f:my" || data.StartsWith("f:again:", StringComparison.Ordinal) || data.StartsWith("f:r:", StringComparison.Ordinal)
        || data.StartsWith("f:re:", StringComparison.Ordinal) || data.StartsWith("f:rd:", StringComparison.Ordinal)
        || data.StartsWith("f:rdy:", StringComparison.Ordinal) || data.StartsWith(MyRecords.RestorePrefix, StringComparison.Ordinal)
        || data.StartsWith("f:" + ActualFigures.StartKind + ":", StringComparison.Ordinal);

    /// <summary>Handles a global button; false when the data is not one.</summary>
    public bool HandleGlobal(BotContext ctx, string data)
    {
        // Checked like /cuatoi typed: a manager's records (from an earlier role) are not opened from a button either.
        if (IsGlobal(data) && FormScope.RefusedAsManager(ctx))
        {
            return true;
        }
        if (data == "f:my")
        {
            records.List(ctx);
            return true;
        }
        var parts = data.Split(':');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        switch (parts[1])
        {
            case "again":
                starter.Start(ctx, "again:" + parts[2]);
                return true;
            case "re":
                starter.Start(ctx, "edit:" + parts[2]);
                return true;
        }
        return records.HandleButton(ctx, parts[1], id);
    }
}
