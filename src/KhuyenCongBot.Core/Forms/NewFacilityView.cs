using System.Globalization;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;
using static KhuyenCongBot.Core.Forms.FormText;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// How the facility question's own steps are shown: the registry's matches for a typed name (or the possible duplicates of a new
/// facility), then the new facility's commune, legal form, number, priority groups, craft village and phone.
/// </summary>
public sealed class NewFacilityView(CommuneCatalogue communes, BeneficiaryCatalogue beneficiaries)
{
    internal (string, List<Choice>) RenderFacilityResults(BotContext ctx, FormSession s, FormDefinition form)
    {
        var query = s.Get("fq") ?? "";
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var province = FormScope.FacilityProvince(ctx, s, form) is { } pid ? ctx.Catalogue.Province(pid)?.ShortName : null;
        var where = province is null ? "" : ctx.Text("form.new_facility.in_province", ("province", province));
        var duplicate = s.Phase == FormPhase.NewFacilityDuplicate;
        var matches = ctx.Store.Facilities.Search(FormScope.FacilityUnits(ctx, s, form), query, duplicate ? 3 : 5,
            duplicate ? FacilitySearch.DuplicateThreshold : FacilitySearch.OfferThreshold);
        var choices = matches.Select(m => new Choice(
            Clip(m.Facility.Name + (m.Facility.Commune is { } c ? $" ({c})" : ""), MaxButtonLabel), $"f:{step}:fid:{m.Facility.Id}")).ToList();
        string text;
        if (duplicate)
        {
            var named = s.Get("nf:name") ?? query;
            text = ctx.Text("form.new_facility.may_exist", ("named", named), ("where", where));
            choices.Add(new Choice(ctx.Text("form.new_facility.create_anyway"), $"f:{step}:fnew"));
        }
        else
        {
            text = matches.Count > 0
                ? ctx.Text("form.new_facility.similar_found", ("query", query), ("where", where))
                : ctx.Text("form.new_facility.none_similar", ("query", query), ("where", where));
            // A name typed without capitals or diacritics is offered back written properly first; as typed stays possible.
            if (ProperName(ctx, s, form, query) is { } proper)
            {
                text += "\n" + ctx.Text("form.new_facility.usual_spelling", ("proper", proper));
                choices.Add(new Choice(Clip(ctx.Text("form.new_facility.create_button") + proper, MaxButtonLabel), $"f:{step}:fnew:p"));
                choices.Add(new Choice(Clip(ctx.Text("form.new_facility.create_as_typed_button") + query, MaxButtonLabel), $"f:{step}:fnew"));
            }
            else
            {
                choices.Add(new Choice(Clip(ctx.Text("form.new_facility.create_button") + query, MaxButtonLabel), $"f:{step}:fnew"));
            }
        }
        choices.Add(Back(ctx));
        choices.Add(Cancel(ctx));
        return (Header(ctx, s, form) + "\n" + text, choices);
    }

    /// <summary>The typed name written properly, from the facilities registered in the form's provinces; null when nothing changes.</summary>
    internal static string? ProperName(BotContext ctx, FormSession s, FormDefinition form, string typed) =>
        FacilityNameStyle.Suggest(typed, FormScope.FacilityUnits(ctx, s, form).SelectMany(ctx.Store.Facilities.InProvince).Select(f => f.Name));

    /// <summary>The new facility's commune, craft village or phone question.</summary>
    internal (string, List<Choice>) RenderNewFacility(BotContext ctx, FormSession s, FormDefinition form)
    {
        var name = s.Get("nf:name") ?? "";
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var choices = new List<Choice>();
        string question;
        switch (s.Phase)
        {
            case FormPhase.NewFacilityCommune:
                question = ctx.Text("form.new_facility.ask_commune", ("name", name));
                AddCommuneSuggestions(ctx, s, form, step, choices);
                break;
            case FormPhase.NewFacilityVillage:
                question = ctx.Text("form.new_facility.ask_village", ("name", name));
                choices.Add(Skip(ctx));
                break;
            default:
                question = ctx.Text("form.new_facility.ask_phone", ("name", name));
                choices.Add(Skip(ctx));
                break;
        }
        choices.Insert(choices.Count(c => c.Numbered), Back(ctx));
        choices.Add(Cancel(ctx));
        return (Header(ctx, s, form) + "\n" + question, choices);
    }

    /// <summary>The communes offered as buttons (remembered under "cms" so a tap reads back the same list).</summary>
    internal void AddCommuneSuggestions(BotContext ctx, FormSession s, FormDefinition form, string step, List<Choice> choices)
    {
        // The communes most used by registered facilities, as far as they are in the official 2025 list (older names are not offered).
        var province = FormScope.FacilityProvince(ctx, s, form);
        var offered = ctx.Store.Facilities.TopCommunes(FormScope.FacilityUnits(ctx, s, form), 15)
            .Where(c => province is null || communes.Match(province, c).Kind == CommuneMatchKind.Exact)
            .Take(5).ToList();
        s.Set("cms", offered.Count == 0 ? null : string.Join('\n', offered));
        for (var i = 0; i < offered.Count; i++)
        {
            choices.Add(new Choice(Clip(offered[i], MaxButtonLabel), $"f:{step}:cm:{i}"));
        }
    }

    /// <summary>The commune of the suggestion button <paramref name="index"/>; null when there is none.</summary>
    internal static string? Suggestion(FormSession s, int index)
    {
        var list = (s.Get("cms") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return index >= 0 && index < list.Length ? list[index] : null;
    }

    /// <summary>The codes of the communes offered for a typed name.</summary>
    internal static string[] Candidates(FormSession s) => (s.Get("nf:cands") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The near communes of a typed name to pick from, or "not in the list: keep it as typed?".</summary>
    internal (string, List<Choice>) RenderCommuneChoice(BotContext ctx, FormSession s, FormDefinition form)
    {
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var typed = s.Get("nf:ctyped") ?? "";
        var province = FormScope.FacilityProvince(ctx, s, form) is { } pid ? ctx.Catalogue.Province(pid)?.ShortName ?? pid : "";
        var choices = new List<Choice>();
        string text;
        if (s.Phase == FormPhase.NewFacilityCommunePick)
        {
            var codes = Candidates(s);
            for (var i = 0; i < codes.Length; i++)
            {
                if (communes.ByCode(codes[i]) is { } c)
                {
                    choices.Add(new Choice(Clip(c.Label(ctx.English), MaxButtonLabel), $"f:{step}:cmp:{i}"));
                }
            }
            text = ctx.Text("form.new_facility.similar_communes", ("province", province), ("typed", typed));
            if (int.TryParse(s.Get("nf:cmore"), NumberStyles.None, CultureInfo.InvariantCulture, out var more) && more > 0)
            {
                text += "\n" + ctx.Text("form.new_facility.more_similar_communes", ("more", more));
            }
            choices.Add(new Choice(Clip(ctx.Text("form.new_facility.keep_commune_typed_button") + typed, MaxButtonLabel), $"f:{step}:cmk"));
        }
        else
        {
            var count = FormScope.FacilityProvince(ctx, s, form) is { } p ? communes.InProvince(p).Count : 0;
            text = ctx.Text("form.new_facility.commune_not_in_list", ("typed", typed), ("count", count), ("province", province));
            choices.Add(new Choice(ctx.Text("form.new_facility.keep_typed_button"), $"f:{step}:cmk"));
            choices.Add(new Choice(ctx.Text("form.new_facility.retype_button"), $"f:{step}:cmr"));
        }
        choices.Add(Back(ctx));
        choices.Add(Cancel(ctx));
        return (Header(ctx, s, form) + "\n" + text, choices);
    }

    /// <summary>The new facility's legal form, number or priority groups question.</summary>
    internal (string, List<Choice>) RenderBeneficiary(BotContext ctx, FormSession s, FormDefinition form)
    {
        var name = s.Get("nf:name") ?? "";
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var choices = new List<Choice>();
        string question;
        switch (s.Phase)
        {
            case FormPhase.NewFacilityLegal:
                question = ctx.Text("form.new_facility.ask_legal_form", ("name", name));
                var current = s.Get("nf:legal");
                choices.AddRange(beneficiaries.LegalForms.Select(f =>
                    new Choice((f.Id == current ? "✓ " : "") + f.Label(ctx.English), $"f:{step}:lf:{f.Id}")));
                break;
            case FormPhase.NewFacilityTaxId:
                question = ctx.Text("form.new_facility.ask_tax_code", ("name", name));
                choices.Add(Skip(ctx));
                break;
            default:
                question = ctx.Text("form.new_facility.ask_priority_group", ("name", name));
                choices.Add(new Choice(ctx.Text("form.new_facility.no_priority_group_choice"), $"f:{step}:pg:none"));
                choices.AddRange(beneficiaries.PriorityGroups.Select(g => new Choice(g.Label(ctx.English), $"f:{step}:pg:{g.Id}")));
                if (beneficiaries.PriorityGroups.Count == 2)
                {
                    choices.Add(new Choice(ctx.Text("form.new_facility.both_groups"), $"f:{step}:pg:all"));
                }
                choices.Add(Skip(ctx));
                break;
        }
        choices.Insert(choices.Count(c => c.Numbered), Back(ctx));
        choices.Add(Cancel(ctx));
        return (Header(ctx, s, form) + "\n" + question, choices);
    }
}
