using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Forms.FormText;

namespace KhuyenCongBot.Core.Forms;

/// <summary>How a form is shown: the activity picker, the current question with its buttons, the summary, the draft question.</summary>
public sealed class FormPrompter(FormCatalogue forms, BeneficiaryCatalogue beneficiaries, NewFacilityView facilityView)
{
    /// <summary>Shows the current question (or summary, or picker) again, with an optional line before it.</summary>
    public void Prompt(BotContext ctx, FormSession s, string? before = null, bool edits = true)
    {
        var (text, choices) = Render(ctx, s);
        if (before is not null)
        {
            text = before + "\n\n" + text;
        }
        ctx.Ask(text, choices, edits && ctx.Message.ButtonData is not null && ctx.HasButtons);
    }

    /// <summary>The current question's text and choices.</summary>
    public (string Text, List<Choice> Choices) Render(BotContext ctx, FormSession s)
    {
        if (s.Phase == FormPhase.Pick)
        {
            var choices = ctx.Catalogue.Activities.Where(a => forms.Get(a.Id) is not null)
                .Select(a => new Choice(ctx.English ? a.EnglishName : a.ShortName, "f:a:" + a.Id)).ToList();
            choices.Add(Cancel(ctx));
            return (ctx.T("📝 Ghi nhận hoạt động nào?", "📝 Which activity do you want to log?"), choices);
        }
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            return (ctx.T("Phiếu này không còn. Gõ /ghi để mở phiếu mới.", "This form no longer exists. Type /log."), []);
        }
        if (s.Phase == FormPhase.Draft)
        {
            return (ctx.T($"Bạn đang nhập dở {Describe(ctx, s)}. Tiếp tục phiếu đó hay bỏ để bắt đầu phiếu mới?",
                    $"You have {Describe(ctx, s)} unfinished. Continue it, or discard it and start the new one?"),
                [new(ctx.T("▶ Tiếp tục phiếu dở", "▶ Continue the draft"), "f:dc"), new(ctx.T("🗑 Bỏ phiếu dở, mở phiếu mới", "🗑 Discard it, start new"), "f:dd")]);
        }
        if (s.Phase is FormPhase.Summary or FormPhase.EditPick)
        {
            // A question asked at save time and not answered yet is still the question (after something answered aside).
            return PendingConfirmation.Shown(s) ?? RenderSummary(ctx, s, form);
        }
        if (s.Step < 0 || s.Step >= form.Fields.Count)
        {
            s.Step = 0;
        }
        var field = form.Fields[s.Step];
        return s.Phase switch
        {
            FormPhase.Facility or FormPhase.NewFacilityDuplicate => facilityView.RenderFacilityResults(ctx, s, form),
            FormPhase.NewFacilityCommune or FormPhase.NewFacilityVillage or FormPhase.NewFacilityPhone => facilityView.RenderNewFacility(ctx, s, form),
            FormPhase.NewFacilityCommunePick or FormPhase.NewFacilityCommuneConfirm => facilityView.RenderCommuneChoice(ctx, s, form),
            FormPhase.NewFacilityLegal or FormPhase.NewFacilityTaxId or FormPhase.NewFacilityPriority => facilityView.RenderBeneficiary(ctx, s, form),
            _ => RenderQuestion(ctx, s, form, field),
        };
    }

    private (string, List<Choice>) RenderQuestion(BotContext ctx, FormSession s, FormDefinition form, FormField field)
    {
        var sb = new StringBuilder(Header(ctx, s, form)).Append('\n');
        sb.Append("❓ ").Append(field.LabelIn(ctx.English));
        if (!field.IsRequired)
        {
            sb.Append(ctx.T(" (không bắt buộc)", " (optional)"));
        }
        if (field.HelpIn(ctx.English) is { } help)
        {
            sb.Append('\n').Append(help);
        }
        var choices = new List<Choice>();
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var current = s.Answer(field.Id);
        switch (field.Kind)
        {
            case FieldType.Choice:
                for (var i = 0; i < field.Choices.Count; i++)
                {
                    var c = field.Choices[i];
                    var mark = string.Equals(c.Value, current, StringComparison.OrdinalIgnoreCase) ? "✓ " : "";
                    choices.Add(new Choice(mark + Clip(c.LabelIn(ctx.English), MaxButtonLabel), $"f:{step}:v:{i}"));
                }
                break;
            case FieldType.Date:
                choices.Add(new Choice(ctx.T("Hôm nay", "Today") + $" ({VnFormat.Date(ctx.Today)[..5]})", $"f:{step}:today", false));
                choices.Add(new Choice(ctx.T("Hôm qua", "Yesterday") + $" ({VnFormat.Date(ctx.Today.AddDays(-1))[..5]})", $"f:{step}:yday", false));
                sb.Append('\n').Append(ctx.T("Gõ ngày dạng 15/5 hoặc 15/05/2024.", "Type a date like 15/5 or 15/05/2024."));
                break;
            case FieldType.Province:
                var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User);
                if (allowed.Count <= 6)
                {
                    choices.AddRange(allowed.Select(p => new Choice(p.ShortName, $"f:{step}:prov:{p.Id}")));
                }
                else
                {
                    sb.Append('\n').Append(ctx.T("Gõ tên tỉnh/thành phố (có dấu hoặc không).", "Type the province name."));
                }
                break;
            case FieldType.Facility:
                sb.Append('\n').Append(ctx.T("Gõ tên cơ sở (một phần tên cũng được, có dấu hoặc không).", "Type the facility's name (part of it is enough)."));
                var (project, listed) = ProjectFacilityOffer.Of(ctx, s, form);
                if (listed.Count > 0)
                {
                    sb.Append('\n').Append(ctx.T($"Các cơ sở của đề án {project!.Code} chưa có bản ghi:", $"Facilities of project {project!.Code} not logged yet:"));
                    choices.AddRange(listed.Select(f => new Choice(Clip(f.Name, MaxButtonLabel), $"f:{step}:fid:{f.Id}")));
                }
                var recent = FacilityMemory.Recent(ctx, s, form).Where(r => !listed.Any(f => f.Id == r.Id)).ToList();
                if (recent.Count > 0)
                {
                    sb.Append('\n').Append(ctx.T("Hoặc chọn cơ sở bạn ghi gần đây:", "Or pick one you logged recently:"));
                    choices.AddRange(recent.Select(f => new Choice(Clip(f.Name, MaxButtonLabel), $"f:{step}:fid:{f.Id}")));
                }
                break;
            case FieldType.Commune:
                facilityView.AddCommuneSuggestions(ctx, s, form, step, choices);
                break;
            case FieldType.Photo:
                RenderPhotoQuestion(ctx, s, step, sb, choices);
                break;
            case FieldType.Location:
                RenderLocationQuestion(ctx, sb);
                break;
            case FieldType.Project:
                FormProjects.RenderQuestion(ctx, s, step, sb, choices);
                break;
            case FieldType.Integer when field.Min is { } && field.Max is { }:
                sb.Append('\n').Append(ctx.T($"Số nguyên từ {VnFormat.Number((long)field.Min)} đến {VnFormat.Number((long)field.Max)}.",
                    $"A whole number from {field.Min:0} to {field.Max:0}."));
                break;
            case FieldType.Money:
                sb.Append('\n').Append(ctx.T("Gõ số tiền, ví dụ: 120tr, 1,5 tỷ, 45.000.000.", "Type an amount, e.g. 120tr, 1,5 tỷ, 45.000.000."));
                break;
        }
        if (field.Default is not null && field.Kind is not (FieldType.Choice or FieldType.Date) && DefaultValue(ctx, field) is { } dv)
        {
            choices.Add(new Choice(Clip(ctx.T("Mặc định: ", "Default: ") + FieldReader.Display(field, dv, ctx.Catalogue, ctx.English), MaxButtonLabel), $"f:{step}:def", false));
        }
        if (current is not null)
        {
            var shown = DisplayAnswer(ctx, s, field);
            sb.Append('\n').Append(ctx.T("Hiện tại: ", "Now: ")).Append(shown);
            choices.Add(new Choice(Clip(ctx.T("Giữ: ", "Keep: ") + shown, MaxButtonLabel), $"f:{step}:keep", false));
        }
        choices.Add(Back(ctx));
        if (!field.IsRequired)
        {
            choices.Add(Skip(ctx));
        }
        choices.Add(Cancel(ctx));
        return (sb.ToString(), choices);
    }

    /// <summary>The field's default as an answer ("today" as today's date); null without one.</summary>
    internal static string? DefaultValue(BotContext ctx, FormField field) => field.Kind switch
    {
        _ when field.Default is null => null,
        FieldType.Date when field.Default == "today" => ctx.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldType.Date when field.Default == "yesterday" => ctx.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => field.Default,
    };

    private (string, List<Choice>) RenderSummary(BotContext ctx, FormSession s, FormDefinition form)
    {
        var applicable = s.Applicable(form);
        var sb = new StringBuilder();
        sb.Append(s.EditId is { } id
            ? ctx.T($"📋 Kiểm tra lại bản ghi số {id} ({Title(ctx, form)}):", $"📋 Check record {id} ({Title(ctx, form)}):")
            : ctx.T($"📋 Kiểm tra trước khi lưu – {Title(ctx, form)}:", $"📋 Check before saving – {Title(ctx, form)}:"));
        for (var i = 0; i < applicable.Count; i++)
        {
            var field = form.Fields[applicable[i]];
            sb.Append('\n').Append(i + 1).Append(". ").Append(field.LabelIn(ctx.English)).Append(": ").Append(DisplayAnswer(ctx, s, field));
        }
        var choices = new List<Choice>();
        if (s.Phase == FormPhase.EditPick)
        {
            sb.Append("\n\n").Append(ctx.T("Sửa câu nào? Chọn số.", "Which item? Pick a number."));
            for (var i = 0; i < applicable.Count; i++)
            {
                choices.Add(new Choice(Clip($"{form.Fields[applicable[i]].LabelIn(ctx.English)}", MaxButtonLabel), "f:e:" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            }
            choices.Add(Back(ctx));
            choices.Add(Cancel(ctx));
            return (sb.ToString(), choices);
        }
        sb.Append("\n\n").Append(ctx.T("Gõ số của câu cần sửa (ví dụ: 2 hoặc \"sửa 2\"), hoặc \"lưu\" (✅ Lưu) để lưu.", "Type the number of the item to change (e.g. 2 or \"edit 2\"), or \"save\" (✅ Save) to save."));
        choices.Add(new Choice(ctx.T("✅ Lưu", "✅ Save"), "f:save", false));
        choices.Add(new Choice(ctx.T("✏ Sửa", "✏ Edit"), "f:edit", false));
        choices.Add(Back(ctx));
        choices.Add(Cancel(ctx));
        return (sb.ToString(), choices);
    }

    /// <summary>An answer as shown in questions and the summary (facilities by name).</summary>
    internal string DisplayAnswer(BotContext ctx, FormSession s, FormField field)
    {
        var value = s.Answer(field.Id);
        if (field.Kind == FieldType.Project && value is not null)
        {
            return FormProjects.Display(ctx, value);
        }
        if (field.Kind != FieldType.Facility || string.IsNullOrEmpty(value))
        {
            return FieldReader.Display(field, value, ctx.Catalogue, ctx.English);
        }
        if (value == "new")
        {
            var where = (s.Get("nf:commune") is { } c ? ", " + c + (s.Get("nf:cfree") is null ? "" : ctx.T(" (ngoài danh mục)", " (not in the list)")) : "")
                + (beneficiaries.LegalForm(s.Get("nf:legal")) is { } legal ? ", " + legal.Label(ctx.English) : "");
            return (s.Get("nf:name") ?? "?") + ctx.T($" (cơ sở mới{where})", $" (new facility{where})");
        }
        if (value == "keep")
        {
            return s.Get("fname") ?? "?";
        }
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ctx.Store.Facilities.Get(id) is { } f
            ? f.Name + (f.Commune is { } commune ? $" ({commune})" : "")
            : s.Get("fname") ?? value;
    }

    /// <summary>"phiếu Hội chợ, triển lãm (đã trả lời 3/8 câu)", for reminders and the continue-or-discard question.</summary>
    public string Describe(BotContext ctx, FormSession s) => Describe(s, ctx.English, ctx.Catalogue);

    public string Describe(FormSession s, bool english, CatalogueIndex catalogue)
    {
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            return english ? "a form" : "một phiếu";
        }
        var title = english
            ? form.TitleEn ?? catalogue.Activity(form.Activity)?.EnglishName ?? form.Activity
            : form.Title ?? catalogue.Activity(form.Activity)?.ShortName ?? form.Activity;
        var applicable = s.Applicable(form);
        var answered = applicable.Count(i => s.HasAnswer(form.Fields[i].Id));
        return english
            ? $"the form \"{title}\" ({answered}/{applicable.Count} answered)"
            : $"phiếu \"{title}\" (đã trả lời {answered}/{applicable.Count} câu)";
    }

    /// <summary>The photo question's line and its "done" button.</summary>
    private static void RenderPhotoQuestion(BotContext ctx, FormSession s, string step, StringBuilder sb, List<Choice> choices)
    {
        var count = DraftPhotos.Count(ctx, s);
        sb.Append('\n').Append(ctx.T(
            "📷 Gửi ảnh (chụp hoặc chọn trong thư viện; Telegram: gửi dạng ảnh), mỗi lần một hoặc nhiều ảnh, rồi gõ \"xong\".",
            "📷 Send photos (camera or gallery), then type \"done\"."));
        if (count > 0)
        {
            sb.Append('\n').Append(ctx.T($"Đã có {count} ảnh.", $"{count} photo(s) so far."));
            choices.Add(new Choice(ctx.T($"✅ Xong ({count} ảnh)", $"✅ Done ({count})"), $"f:{step}:phd", false));
        }
    }

    /// <summary>The location question's line.</summary>
    private static void RenderLocationQuestion(BotContext ctx, StringBuilder sb) =>
        sb.Append('\n').Append(ctx.HasButtons
            ? ctx.T("📍 Gửi vị trí (📎 → Vị trí) hoặc gõ tọa độ, ví dụ: 21.0285, 105.8542.", "📍 Share your location (📎 → Location) or type coordinates, e.g. 21.0285, 105.8542.")
            : ctx.T("📍 Gõ tọa độ (vĩ độ, kinh độ), ví dụ: 21.0285, 105.8542 (trên Google Maps: giữ ngón tay trên điểm để xem tọa độ).",
                "📍 Type the coordinates (latitude, longitude), e.g. 21.0285, 105.8542."));
}
