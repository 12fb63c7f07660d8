using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The facility question: search the registry as they type, pick one, or create a new facility (duplicates shown first), then the
/// new facility's own steps (commune, legal form, number, priority groups, craft village, phone).
/// </summary>
/// <remarks>Session keys: fq (the name searched), fname (the facility's name), nf:name, nf:village, nf:phone, cms (communes offered).</remarks>
public sealed class FacilityAnswers(FormNavigator navigator, FormPrompter prompter, NewFacilityCommune communeStep, NewFacilityBeneficiary beneficiaryStep)
{
    private const int MaxFacilityName = FieldReader.MaxFacilityName;

    /// <summary>An answer to the facility question itself: a facility's button, "create new", or a name to search.</summary>
    internal void Handle(BotContext ctx, FormSession s, FormDefinition form, FormField field, string verb, string arg, string input)
    {
        switch (verb)
        {
            case "fid" when long.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                // Checked like a typed name: only a facility of the form's province (one the person may log for) is taken.
                if (ctx.Store.Facilities.Get(id) is not { } facility || !FormScope.MayUseFacility(ctx, s, form, facility))
                {
                    prompter.Prompt(ctx, s, ctx.Text("form.facility.button_other_province"), edits: false);
                    return;
                }
                SelectFacility(ctx, s, form, field, facility, null);
                return;
            case "fnew" when s.Get("fq") is { Length: > 0 }:
                NewFacility(ctx, s, form, arg);
                return;
            case "text":
                SearchFacility(ctx, s, form, field, input);
                return;
            default:
                prompter.Prompt(ctx, s, FormText.NotApplicable(ctx, verb));
                return;
        }
    }

    private void SearchFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field, string input)
    {
        if (FreeTextGuard.Refusal(ctx, s, form, field, input) is { } notAName)
        {
            s.Phase = FormPhase.Ask;
            navigator.Refuse(ctx, s, form, notAName);
            return;
        }
        var query = FormText.Clean(input);
        var folded = VnText.FoldWords(query);
        if (folded.Replace(" ", "").Length < 2 || query.Length > MaxFacilityName)
        {
            s.Phase = FormPhase.Ask;
            navigator.Refuse(ctx, s, form, ctx.Text("form.facility.name_length", ("max", MaxFacilityName)));
            return;
        }
        var exact = ctx.Store.Facilities.Search(FormScope.FacilityUnits(ctx, s, form), folded, 2, 1.0);
        if (exact.Count == 1)
        {
            SelectFacility(ctx, s, form, field, exact[0].Facility, ctx.Text("form.facility.already_registered"));
            return;
        }
        s.Set("fq", query);
        navigator.MoveTo(ctx, s, FormPhase.Facility);
    }

    private void SelectFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field, Facility facility, string? note)
    {
        s.SetAnswer(field.Id, facility.Id.ToString(CultureInfo.InvariantCulture));
        s.Set("fname", facility.Name);
        foreach (var key in new[] { "fq", "nf:name", "nf:village", "nf:phone", "cms" }.Concat(NewFacilityCommune.Keys).Concat(NewFacilityBeneficiary.Keys))
        {
            s.Set(key, null);
        }
        var echo = $"✓ {field.LabelIn(ctx.English)}: {facility.Name}" + (facility.Commune is { } c ? $" ({c})" : "") + (note is null ? "" : " " + note);
        navigator.Advance(ctx, s, form, s.Step, echo);
    }

    /// <summary>Starts a new facility named as typed, or (<paramref name="arg"/> "p") as offered back properly written.</summary>
    private void NewFacility(BotContext ctx, FormSession s, FormDefinition form, string arg = "")
    {
        var name = s.Phase == FormPhase.NewFacilityDuplicate && s.Get("nf:name") is { } chosen ? chosen : s.Get("fq")!;
        if (arg == "p" && NewFacilityView.ProperName(ctx, s, form, name) is { } proper)
        {
            name = proper;
        }
        s.Set("nf:name", name);
        var duplicates = ctx.Store.Facilities.Search(FormScope.FacilityUnits(ctx, s, form), name, 3, FacilitySearch.DuplicateThreshold);
        navigator.MoveTo(ctx, s, duplicates.Count > 0 && s.Phase != FormPhase.NewFacilityDuplicate ? FormPhase.NewFacilityDuplicate : FormPhase.NewFacilityCommune);
    }

    /// <summary>
    /// An answer at one of the facility question's own phases (its matches, a new facility's steps). False for "bỏ qua" at the
    /// matches: that skips the facility question itself, and is the question's answer to read (optional, or said to be required).
    /// </summary>
    internal bool HandlePhase(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input)
    {
        var field = form.Fields[s.Step];
        if (field.Kind != FieldType.Facility)
        {
            s.Phase = FormPhase.Ask;
            prompter.Prompt(ctx, s);
            return true;
        }
        if (verb == "fid" || (verb == "text" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate))
        {
            Handle(ctx, s, form, field, verb, arg, input);
            return true;
        }
        if (verb == "skip" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate)
        {
            s.Phase = FormPhase.Ask;
            return false;
        }
        if (verb == "fnew" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate)
        {
            NewFacility(ctx, s, form, arg);
            return true;
        }
        if (verb == "back")
        {
            s.Phase = s.Phase switch
            {
                FormPhase.NewFacilityPhone => FormPhase.NewFacilityVillage,
                FormPhase.NewFacilityVillage => FormPhase.NewFacilityPriority,
                FormPhase.NewFacilityPriority => beneficiaryStep.BeforePriority(s),
                FormPhase.NewFacilityTaxId => FormPhase.NewFacilityLegal,
                FormPhase.NewFacilityLegal or FormPhase.NewFacilityCommunePick or FormPhase.NewFacilityCommuneConfirm => FormPhase.NewFacilityCommune,
                _ => FormPhase.Ask,
            };
            s.Misses = 0;
            prompter.Prompt(ctx, s);
            return true;
        }
        switch (s.Phase)
        {
            case FormPhase.NewFacilityCommune:
                if (verb == "skip")
                {
                    navigator.Refuse(ctx, s, form, ctx.Text("form.new_facility.commune_required"));
                    return true;
                }
                if ((verb == "cm" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var ci) ? NewFacilityView.Suggestion(s, ci) : verb == "text" ? input : null) is { } typed)
                {
                    communeStep.ReadCommune(ctx, s, form, typed);
                    return true;
                }
                break;
            case FormPhase.NewFacilityCommunePick:
            case FormPhase.NewFacilityCommuneConfirm:
                communeStep.HandleChoice(ctx, s, form, verb, arg, input);
                return true;
            case FormPhase.NewFacilityLegal:
            case FormPhase.NewFacilityTaxId:
            case FormPhase.NewFacilityPriority:
                beneficiaryStep.Handle(ctx, s, form, verb, arg, input);
                return true;
            case FormPhase.NewFacilityVillage:
                if (verb == "skip")
                {
                    s.Set("nf:village", null);
                }
                else if (verb == "text" && FreeTextGuard.Refusal(ctx, s, form, field, input, ctx.Text("form.facility.village_name_asked")) is { } notAVillage)
                {
                    navigator.Refuse(ctx, s, form, notAVillage);
                    return true;
                }
                else if (verb == "text" && FormText.Clean(input) is { Length: >= 2 and <= 80 } village)
                {
                    s.Set("nf:village", village);
                }
                else
                {
                    navigator.Refuse(ctx, s, form, ctx.Text("form.facility.village_name_length"));
                    return true;
                }
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityPhone);
                return true;
            case FormPhase.NewFacilityPhone:
                if (verb == "skip")
                {
                    s.Set("nf:phone", null);
                }
                else if (verb == "text" && PhoneNumber.Normalize(input) is { } phone)
                {
                    s.Set("nf:phone", phone);
                }
                else
                {
                    navigator.Refuse(ctx, s, form, ctx.Text("form.facility.phone_shape"));
                    return true;
                }
                s.SetAnswer(field.Id, "new");
                s.Set("fname", s.Get("nf:name"));
                navigator.Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {s.Get("nf:name")} " + ctx.Text("form.facility.new_added_on_saving"));
                return true;
        }
        prompter.Prompt(ctx, s, FormText.NotApplicable(ctx, verb));
        return true;
    }
}
