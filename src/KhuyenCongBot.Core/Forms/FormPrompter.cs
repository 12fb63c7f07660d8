using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Forms.FormText;

namespace KhuyenCongBot.Core.Forms;

/// <summary>How a form is shown: the activity picker, the current question with its buttons, the summary, the draft question.</summary>
public sealed class FormPrompter(FormCatalogue forms, BeneficiaryCatalogue beneficiaries, NewFacilityView facilityView, UserTexts texts)
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
            return (ctx.Text("form.prompt.which_activity"), choices);
        }
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            return (ctx.Text("form.prompt.form_gone"), []);
        }
        if (s.Phase == FormPhase.Draft)
        {
            return RenderDraftQuestion(ctx, s, form);
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
            sb.Append(ctx.Text("form.prompt.optional_mark"));
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
                choices.Add(new Choice(ctx.Text("form.prompt.today") + $" ({VnFormat.Date(ctx.Today)[..5]})", $"f:{step}:today", false));
                choices.Add(new Choice(ctx.Text("form.prompt.yesterday") + $" ({VnFormat.Date(ctx.Today.AddDays(-1))[..5]})", $"f:{step}:yday", false));
                sb.Append('\n').Append(ctx.Text("form.prompt.date_hint"));
                break;
            case FieldType.Province:
                var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User);
                if (allowed.Count <= 6)
                {
                    choices.AddRange(allowed.Select(p => new Choice(p.ShortName, $"f:{step}:prov:{p.Id}")));
                }
                else
                {
                    sb.Append('\n').Append(ctx.Text("form.prompt.province_hint"));
                }
                break;
            case FieldType.Facility:
                sb.Append('\n').Append(ctx.Text("form.prompt.facility_hint"));
                var (project, listed) = ProjectFacilityOffer.Of(ctx, s, form);
                if (listed.Count > 0)
                {
                    sb.Append('\n').Append(ctx.Text("form.prompt.project_facilities_heading", ("code", project!.Code)));
                    choices.AddRange(listed.Select(f => new Choice(Clip(f.Name, MaxButtonLabel), $"f:{step}:fid:{f.Id}")));
                }
                var recent = FacilityMemory.Recent(ctx, s, form).Where(r => !listed.Any(f => f.Id == r.Id)).ToList();
                if (recent.Count > 0)
                {
                    sb.Append('\n').Append(ctx.Text("form.prompt.recent_facilities_heading"));
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
                sb.Append('\n').Append(ctx.Text("form.prompt.integer_hint", ("min", (long)field.Min), ("max", (long)field.Max)));
                break;
            case FieldType.Money:
                sb.Append('\n').Append(ctx.Text("form.prompt.money_hint"));
                break;
        }
        if (field.Default is not null && field.Kind is not (FieldType.Choice or FieldType.Date) && DefaultValue(ctx, field) is { } dv)
        {
            choices.Add(new Choice(Clip(ctx.Text("form.prompt.default_button") + FieldReader.Display(field, dv, ctx.Catalogue, ctx.Texts, ctx.English), MaxButtonLabel), $"f:{step}:def", false));
        }
        if (current is not null)
        {
            var shown = DisplayAnswer(ctx, s, field);
            sb.Append('\n').Append(ctx.Text("form.prompt.current_answer")).Append(shown);
            choices.Add(new Choice(Clip(ctx.Text("form.prompt.keep_button") + shown, MaxButtonLabel), $"f:{step}:keep", false));
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
            ? ctx.Text("form.prompt.summary_heading_edit", ("id", id), ("title", Title(ctx, form)))
            : ctx.Text("form.prompt.summary_heading", ("title", Title(ctx, form))));
        for (var i = 0; i < applicable.Count; i++)
        {
            var field = form.Fields[applicable[i]];
            sb.Append('\n').Append(i + 1).Append(". ").Append(field.LabelIn(ctx.English)).Append(": ").Append(DisplayAnswer(ctx, s, field));
        }
        var choices = new List<Choice>();
        if (s.Phase == FormPhase.EditPick)
        {
            sb.Append("\n\n").Append(ctx.Text("form.prompt.which_item"));
            for (var i = 0; i < applicable.Count; i++)
            {
                choices.Add(new Choice(Clip($"{form.Fields[applicable[i]].LabelIn(ctx.English)}", MaxButtonLabel), "f:e:" + (i + 1).ToString(CultureInfo.InvariantCulture)));
            }
            choices.Add(Back(ctx));
            choices.Add(Cancel(ctx));
            return (sb.ToString(), choices);
        }
        sb.Append("\n\n").Append(ctx.Text("form.prompt.summary_hint_text"));
        choices.Add(new Choice(ctx.Text("form.common.save"), "f:save", false));
        choices.Add(new Choice(ctx.Text("form.common.edit"), "f:edit", false));
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
            return FieldReader.Display(field, value, ctx.Catalogue, ctx.Texts, ctx.English);
        }
        if (value == "new")
        {
            var where = (s.Get("nf:commune") is { } c ? ", " + c + (s.Get("nf:cfree") is null ? "" : ctx.Text("form.prompt.not_in_list_mark")) : "")
                + (beneficiaries.LegalForm(s.Get("nf:legal")) is { } legal ? ", " + legal.Label(ctx.English) : "");
            return (s.Get("nf:name") ?? "?") + ctx.Text("form.prompt.new_facility_mark", ("where", where));
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
    public string Describe(BotContext ctx, FormSession s) => Describe(s, ctx.Language, ctx.Catalogue, ctx.User);

    /// <summary>The same in <paramref name="language"/> ("vi", "en"), for a reminder sent outside a conversation.</summary>
    public string Describe(FormSession s, string language, CatalogueIndex catalogue, BotUser? user)
    {
        var english = language == "en";
        var form = forms.Get(s.FormId);
        if (form is null)
        {
            return texts.Text(language, "form.prompt.describe_unknown");
        }
        var title = english
            ? form.TitleEn ?? catalogue.Activity(form.Activity)?.EnglishName ?? form.Activity
            : form.Title ?? catalogue.Activity(form.Activity)?.ShortName ?? form.Activity;
        // The same questions as the counter "câu 1/10" (not "đã trả lời 1/9" for the province the bot filled in).
        var counted = Counted(catalogue, user, s, form);
        var answered = counted.Count(i => s.HasAnswer(form.Fields[i].Id));
        return texts.Text(language, "form.prompt.describe", ("title", title), ("answered", answered), ("total", counted.Count));
    }

    /// <summary>"Continue the unfinished form or drop it?", naming a correction left open as one (not "phiếu … 10/10 câu") and a
    /// record to correct as what the second button opens (not "mở phiếu mới").</summary>
    private (string, List<Choice>) RenderDraftQuestion(BotContext ctx, FormSession s, FormDefinition form)
    {
        var next = s.Get("next") ?? "";
        long? editTarget = next.StartsWith("edit:", StringComparison.Ordinal)
            && long.TryParse(next[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (s.EditId is null && editTarget is null)
        {
            return (ctx.Text("form.prompt.continue_or_discard", ("describe", Describe(ctx, s))),
                [new(ctx.Text("form.prompt.continue_draft"), "f:dc"), new(ctx.Text("form.prompt.discard_draft"), "f:dd")]);
        }
        var open = s.EditId is { } editing
            ? ctx.Text("form.edit_draft.open_edit", ("id", editing), ("title", Title(ctx, form)))
            : ctx.Text("form.edit_draft.open_new", ("describe", Describe(ctx, s)));
        var question = editTarget is { } target
            ? ctx.Text("form.edit_draft.question_edit", ("open", open), ("id", target))
            : ctx.Text("form.edit_draft.question_new", ("open", open));
        var discard = editTarget is { } opens
            ? ctx.Text("form.edit_draft.discard_for_edit", ("id", opens))
            : ctx.Text("form.prompt.discard_draft");
        return (question, [new(ctx.Text("form.prompt.continue_draft"), "f:dc"), new(discard, "f:dd")]);
    }

    /// <summary>The photo question's line and its "done" button.</summary>
    private static void RenderPhotoQuestion(BotContext ctx, FormSession s, string step, StringBuilder sb, List<Choice> choices)
    {
        var count = DraftPhotos.Count(ctx, s);
        sb.Append('\n').Append(ctx.Text("form.prompt.photo_hint"));
        if (count > 0)
        {
            sb.Append('\n').Append(ctx.Text("form.prompt.photos_so_far", ("count", count)));
            choices.Add(new Choice(ctx.Text("form.prompt.photos_done", ("count", count)), $"f:{step}:phd", false));
        }
    }

    /// <summary>The location question's line.</summary>
    private static void RenderLocationQuestion(BotContext ctx, StringBuilder sb) =>
        sb.Append('\n').Append(ctx.HasButtons
            ? ctx.Text("form.prompt.location_hint_buttons")
            : ctx.Text("form.prompt.location_hint_text"));
}
