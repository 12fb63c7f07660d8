using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Before a record linked to a project is saved, what looks wrong about the link (<see cref="ProjectLinkCheck"/>) is shown and
/// the officer confirms ("Đúng, vẫn lưu") or corrects it ("Sửa lại" picks the answer to change). A confirmation holds while the
/// warnings stay the same: an amount or a facility changed after it is asked again.
/// </summary>
internal static class ProjectLinkConfirmation
{
    /// <summary>The warnings the officer confirmed last, as one text.</summary>
    internal const string ConfirmedKey = "pjw";

    /// <summary>True, with the warnings asked to confirm, when the record is not to be saved yet.</summary>
    public static bool AskFirst(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Fields.Find(f => f.Kind == FieldType.Project) is not { } field || s.Answer(field.Id) is not { Length: > 0 } code
            || ctx.Store.Projects.FindByCode(code) is not { } project)
        {
            return false;
        }
        var draft = s.EditId is { } editId && ctx.Store.Records.Get(editId) is { } before ? before.Clone() : new SupportRecord();
        RecordWriter.Fill(draft, form, s, ctx.Store);
        var warnings = ProjectLinkCheck.Warnings(ctx.Texts, ctx.Store, project, draft, s.EditId, newLink: s.Get("pjorig") != project.Code);
        if (warnings.Count == 0)
        {
            return false;
        }
        var mark = string.Join("\n", warnings.Select(w => w.Vi));
        if (s.Get(ConfirmedKey) == mark)
        {
            return false;
        }
        s.Set(ConfirmedKey, mark);
        var lines = warnings.Select(w => "⚠ " + (ctx.English ? w.En : w.Vi));
        PendingConfirmation.Ask(ctx, s, ctx.Text("form.project_check.not_saved_heading") + "\n" + string.Join("\n", lines) + "\n"
                + ctx.Text("form.project_check.confirm_hint"),
            [new Choice(ctx.Text("form.project_check.save_anyway"), "f:save"), new Choice(ctx.Text("form.project_check.correct"), "f:edit")]);
        return true;
    }
}
