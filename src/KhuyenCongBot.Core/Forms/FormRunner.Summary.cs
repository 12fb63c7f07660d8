using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The end of a form: "continue the unfinished form or start a new one?" and the summary before saving.</summary>
public sealed partial class FormRunner
{
    private void HandleDraft(BotContext ctx, FormSession s, string input)
    {
        if (input == "f:dc")
        {
            s.Phase = FormPhases.Parse(s.Get("prevphase"));
            s.Set("prevphase", null);
            s.Set("next", null);
            Prompt(ctx, s, ctx.T("▶ Tiếp tục phiếu đang dở.", "▶ Continuing the unfinished form."));
            return;
        }
        if (input == "f:dd")
        {
            var next = s.Get("next") ?? "pick";
            s.End();
            ctx.Say(ctx.T("🗑 Đã bỏ phiếu dở.", "🗑 Draft discarded."));
            Launch(ctx, next);
            return;
        }
        // Typed: "tiếp" continues; "mới", or the name of an activity (the new one, or another), starts it.
        var folded = VnText.FoldWords(input);
        if (ResumeWords.Contains(folded))
        {
            HandleDraft(ctx, s, "f:dc");
            return;
        }
        if (NewWords.Contains(folded))
        {
            HandleDraft(ctx, s, "f:dd");
            return;
        }
        var named = folded.Length == 0 ? null
            : ParseIntent(ctx.Catalogue, input) is { Length: > 0 } intent ? ctx.Catalogue.Activity(intent)
            : ctx.Catalogue.FindActivity(input) ?? ctx.Catalogue.FindActivityIn(folded);
        if (named is not null && forms.Get(named.Id) is not null)
        {
            s.Set("next", "a:" + named.Id);
            HandleDraft(ctx, s, "f:dd");
            return;
        }
        Prompt(ctx, s, ctx.T("⚠ Chưa rõ ý bạn. Gõ \"tiếp\" để tiếp tục phiếu đang dở, \"mới\" để bỏ nó và mở phiếu mới, hoặc \"thôi\" để không mở phiếu mới.",
            "⚠ Not understood. Type \"continue\" for the unfinished form, \"new\" to drop it and open the new one, or \"cancel\" to open nothing."));
    }

    /// <summary>"thôi" at the draft question: the new form is not opened, the unfinished one stays as it was.</summary>
    private void KeepDraft(BotContext ctx, FormSession s)
    {
        s.Phase = FormPhases.Parse(s.Get("prevphase"));
        s.Set("prevphase", null);
        s.Set("next", null);
        var form = forms.Get(s.FormId);
        Prompt(ctx, s, ctx.T($"↩ Không mở phiếu mới; phiếu {(form is null ? "" : Title(ctx, form) + " ")}đang dở vẫn giữ nguyên.",
            $"↩ No new form opened; the unfinished {(form is null ? "form" : Title(ctx, form))} is kept as it was."));
    }

    private static readonly string[] NewWords = ["moi", "phieu moi", "mo phieu moi", "bat dau moi", "bo", "bo phieu do", "new", "discard"];

    private static readonly Regex EditCommand = new(@"^(?:sua|edit|doi|s)\s*(?:cau\s*|so\s*)?([0-9]{1,3})$", RegexOptions.CultureInvariant);

    private void HandleSummary(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input, bool isButton, string folded)
    {
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
            else if (SaveWords.Contains(folded) && s.Phase == FormPhase.Summary)
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
            Prompt(ctx, s, ctx.T("Chưa lưu. Chọn câu cần sửa, hoặc ✖ Hủy để bỏ phiếu (⬅ Quay lại để xem lại bản tóm tắt).",
                "Not saved. Pick the item to change, or ✖ Cancel to drop the form (⬅ Back to the summary)."));
            return;
        }
        if (pick is { } number)
        {
            if (number < 1 || number > applicable.Count)
            {
                Prompt(ctx, s, ctx.T($"⚠ Không có câu số {number}; các câu được đánh số từ 1 đến {applicable.Count}.",
                    $"⚠ There is no item {number}; items are numbered 1 to {applicable.Count}."), edits: false);
                return;
            }
            s.Step = applicable[number - 1];
            s.Phase = FormPhase.Ask;
            s.Misses = 0;
            Prompt(ctx, s);
            return;
        }
        switch (verb)
        {
            case "save":
                Save(ctx, s, form);
                return;
            case "edit":
                s.Phase = FormPhase.EditPick;
                Prompt(ctx, s);
                return;
            case "back" when s.Phase == FormPhase.EditPick:
                s.Phase = FormPhase.Summary;
                Prompt(ctx, s);
                return;
            case "back":
                s.Step = applicable.Count > 0 ? applicable[^1] : 0;
                s.Phase = FormPhase.Ask;
                Prompt(ctx, s);
                return;
            case "skip":
                Prompt(ctx, s, ctx.T("⚠ Phiếu đã đủ câu trả lời; chọn Lưu, hoặc \"sửa N\" để sửa câu N.",
                    "⚠ The form is complete; choose Save, or \"edit N\" to change item N."), edits: false);
                return;
        }
        Prompt(ctx, s, ctx.T("⚠ Chọn ✅ Lưu để lưu, hoặc gõ \"sửa N\" (ví dụ: sửa 2) để sửa câu N.",
            "⚠ Choose ✅ Save, or type \"edit N\" (e.g. edit 2) to change item N."), edits: false);
    }
}
