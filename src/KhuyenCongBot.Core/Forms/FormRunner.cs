using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// Runs the conversational forms: takes each message of the "form" flow and hands it to the step it answers — the picker and the
/// draft question (<see cref="FormStarter"/>), a question (<see cref="FieldAnswers"/>, <see cref="EvidenceAnswers"/>), the facility's
/// own steps (<see cref="FacilityAnswers"/>), the summary (<see cref="FormSummary"/>) — plus cancel, and the buttons of receipts
/// and /my that work with or without a form (<see cref="MyRecords"/>).
/// </summary>
public sealed class FormRunner(FormCatalogue forms, FormPrompter prompter, FormNavigator navigator, FormIntents intents, FormStarter starter,
    FieldAnswers answers, EvidenceAnswers evidence, FacilityAnswers facilities, FormSummary summary, MyRecords records, FormCorrections corrections)
{
    public const string FlowName = "form";

    private static readonly string[] BackWords = ["quay lai", "back", "tro lai", "lui", "lui lai", "quay ve"];
    private static readonly string[] SkipWords = ["bo qua", "skip", "khong co", "ko co", "k co", "khong"];
    /// <summary>Takes the next answer of the active form.</summary>
    public Task ContinueAsync(BotContext ctx, string input, bool isButton, CancellationToken ct)
    {
        ctx.State.RemindedAt = null;
        var s = new FormSession(ctx.State);
        if (isButton && IsGlobal(input))
        {
            HandleGlobal(ctx, input);
            return Task.CompletedTask;
        }
        var folded = isButton ? "" : VnText.FoldWords(input);
        if (input == "f:cancel" || (!isButton && LeavingWords.Are(input)))
        {
            Leave(ctx);
            return Task.CompletedTask;
        }
        if (!isButton && FormIntents.ResumeWords.Contains(folded) && s.Phase != FormPhase.Draft)
        {
            prompter.Prompt(ctx, s);
            return Task.CompletedTask;
        }
        if (s.Phase == FormPhase.Pick)
        {
            starter.HandlePick(ctx, s, input, isButton);
            return Task.CompletedTask;
        }
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            s.End();
            ctx.Say(ctx.T("Mẫu phiếu đang dở không còn nữa nên đã được bỏ. Gõ /ghi để mở phiếu mới.",
                "The unfinished form no longer exists and was dropped. Type /log to open a new one."));
            return Task.CompletedTask;
        }
        s.Realign(form);
        if (s.Step < 0 || s.Step >= form.Fields.Count)
        {
            navigator.Advance(ctx, s, form, -1, null);
            return Task.CompletedTask;
        }
        if (s.Phase == FormPhase.Draft)
        {
            starter.HandleDraft(ctx, s, input);
            return Task.CompletedTask;
        }
        if (!isButton && (ctx.Message.Photo is not null || ctx.Message.Location is not null))
        {
            return evidence.HandleMediaAsync(ctx, s, form, ct);
        }
        if (!isButton && corrections.TryHandle(ctx, s, form, input))
        {
            return Task.CompletedTask;
        }
        // "ghi máy móc" is a request to log, not an answer; where any text may answer (a name), only when it names an activity exactly.
        if (!isButton && s.Phase is FormPhase.Ask && (form.Fields[s.Step].Kind is not (FieldType.Text or FieldType.Commune or FieldType.Facility)
                ? intents.ParseIntent(ctx.Catalogue, input)
                : intents.ExactIntent(ctx.Catalogue, folded)) is { } intent)
        {
            starter.Start(ctx, intent.Length == 0 ? "pick" : "a:" + intent);
            return Task.CompletedTask;
        }
        var (verb, arg, stale) = Classify(s, input, isButton, folded);
        if (stale)
        {
            ctx.Say(ctx.T("Nút đó thuộc câu hỏi trước. Câu hiện tại:", "That button belongs to an earlier question. The current one:"));
            prompter.Prompt(ctx, s);
            return Task.CompletedTask;
        }
        switch (s.Phase)
        {
            case FormPhase.Summary:
            case FormPhase.EditPick:
                summary.Handle(ctx, s, form, verb, arg, isButton, folded);
                break;
            case FormPhase.Facility:
            case FormPhase.NewFacilityDuplicate:
            case FormPhase.NewFacilityCommune:
            case FormPhase.NewFacilityCommunePick:
            case FormPhase.NewFacilityCommuneConfirm:
            case FormPhase.NewFacilityLegal:
            case FormPhase.NewFacilityTaxId:
            case FormPhase.NewFacilityPriority:
            case FormPhase.NewFacilityVillage:
            case FormPhase.NewFacilityPhone:
                if (!facilities.HandlePhase(ctx, s, form, verb, arg, input))
                {
                    // "bỏ qua" while picking among the matches: the facility question itself is skipped if it is optional, or said to be required.
                    answers.Handle(ctx, s, form, verb, arg, input, isButton);
                }
                break;
            default:
                s.Phase = FormPhase.Ask;
                answers.Handle(ctx, s, form, verb, arg, input, isButton);
                break;
        }
        return Task.CompletedTask;
    }

    /// <summary>Splits button data "f:{step}:{verb}[:{arg}]" (or a typed action word) into verb and argument; stale when the step is not the current one.</summary>
    private static (string Verb, string Arg, bool Stale) Classify(FormSession s, string input, bool isButton, string folded)
    {
        if (!isButton)
        {
            if (BackWords.Contains(folded))
            {
                return ("back", "", false);
            }
            if (SkipWords.Contains(folded))
            {
                return ("skip", "", false);
            }
            return ("text", "", false);
        }
        var parts = input.Split(':', 4);
        if (parts.Length < 2 || parts[0] != "f")
        {
            return ("unknown", "", false);
        }
        if (parts[1] is "back" or "skip" or "save" or "edit")
        {
            return (parts[1], "", false);
        }
        if (parts[1] == "e" && parts.Length >= 3)
        {
            return ("e", parts[2], false);
        }
        if (int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && parts.Length >= 3)
        {
            if (step != s.Step || s.Phase is FormPhase.Summary or FormPhase.EditPick)
            {
                return ("", "", true);
            }
            return (parts[2], parts.Length >= 4 ? parts[3] : "", false);
        }
        return ("unknown", "", false);
    }

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
                ? ctx.T($"↩ Không mở phiếu mới; {what} vẫn được giữ làm nháp (gõ /ghi khi muốn ghi tiếp).",
                    $"↩ No new form opened; {what} is still kept as a draft (type /log to continue it).")
                : ctx.T($"⏹ Đã dừng {what}; chưa lưu bản ghi nào. Các câu đã trả lời được giữ làm nháp: gõ /ghi khi muốn ghi tiếp (hoặc bỏ nháp đó).",
                    $"⏹ Stopped {what}; nothing was saved. Your answers are kept as a draft: type /log to continue it (or discard it)."));
            return;
        }
        var formId = s.FormId;
        s.End();
        DraftPhotos.Drop(ctx);
        ctx.Say(edit is not null
            ? ctx.T($"Đã hủy việc sửa. Bản ghi số {edit} giữ nguyên như trước.", $"Correction cancelled. Record {edit} is unchanged.")
            : form is null || formId is null
                ? ctx.T("Đã hủy.", "Cancelled.")
                : ctx.T($"Đã hủy phiếu {FormText.Title(ctx, form)}. Không có gì được lưu. Gõ /ghi để mở phiếu mới.",
                    $"Form {FormText.Title(ctx, form)} cancelled; nothing was saved. Type /log to open a new one."));
    }

    /// <summary>Buttons that work with or without an active form: receipts and /my.</summary>
    public static bool IsGlobal(string data) =>
        data == "f:my" || data.StartsWith("f:again:", StringComparison.Ordinal) || data.StartsWith("f:r:", StringComparison.Ordinal)
        || data.StartsWith("f:re:", StringComparison.Ordinal) || data.StartsWith("f:rd:", StringComparison.Ordinal)
        || data.StartsWith("f:rdy:", StringComparison.Ordinal) || data.StartsWith(MyRecords.RestorePrefix, StringComparison.Ordinal);

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
