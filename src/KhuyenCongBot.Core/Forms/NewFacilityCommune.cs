using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The commune of a new facility, read against its province's official 2025 list (seeds/catalogue/communes.json): one name is
/// taken, near names are offered as a numbered short list, and a text not in the list is kept as typed, marked so, once the
/// officer confirms it.
/// </summary>
/// <remarks>Session keys: nf:commune (as stored), nf:ccode (official code), nf:cfree ("1": not in the list, confirmed),
/// nf:ctyped (the text being asked about), nf:cands (codes offered), nf:cmore (how many more matched).</remarks>
public sealed class NewFacilityCommune(FormNavigator navigator, FormPrompter prompter, CommuneCatalogue communes)
{
    internal static readonly string[] Keys = ["nf:commune", "nf:ccode", "nf:cfree", "nf:ctyped", "nf:cands", "nf:cmore"];

    /// <summary>"phường Thanh Miếu": the label as written inside a sentence (the type in lower case), as facilities store it.</summary>
    internal static string StoredLabel(Commune commune) => commune.TypeName.ToLowerInvariant() + " " + commune.Name;

    /// <summary>Reads a typed (or suggested) commune of a new facility.</summary>
    internal void ReadCommune(BotContext ctx, FormSession s, FormDefinition form, string typed)
    {
        var text = FormText.Clean(typed);
        if (text.Length < 2 || text.Length > 80)
        {
            navigator.Refuse(ctx, s, form, ctx.Text("form.new_facility.commune_length"));
            return;
        }
        var province = FormScope.FacilityProvince(ctx, s, form);
        if (province is null)
        {
            // No province known yet (an admin's form without one): kept as typed, never checked.
            TakeCommune(ctx, s, text, null, free: false);
            return;
        }
        var match = communes.Match(province, text);
        switch (match.Kind)
        {
            case CommuneMatchKind.Exact:
                TakeCommune(ctx, s, StoredLabel(match.Commune!), match.Commune!.Code, free: false);
                return;
            case CommuneMatchKind.Candidates:
                s.Set("nf:ctyped", text);
                s.Set("nf:cands", string.Join('\n', match.Candidates.Select(c => c.Commune.Code)));
                s.Set("nf:cmore", match.More > 0 ? match.More.ToString(CultureInfo.InvariantCulture) : null);
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityCommunePick);
                return;
            default:
                s.Set("nf:ctyped", text);
                s.Set("nf:cands", null);
                s.Set("nf:cmore", null);
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityCommuneConfirm);
                return;
        }
    }

    /// <summary>Keeps the commune and moves on to the legal form.</summary>
    private void TakeCommune(BotContext ctx, FormSession s, string commune, string? code, bool free)
    {
        s.Set("nf:commune", commune);
        s.Set("nf:ccode", code);
        s.Set("nf:cfree", free ? "1" : null);
        s.Set("nf:ctyped", null);
        s.Set("nf:cands", null);
        s.Set("nf:cmore", null);
        var echo = $"✓ {ctx.Text("form.new_facility.commune_label")}: {commune}" + (code is null ? "" : ctx.Text("form.new_facility.commune_code", ("code", code)))
            + (free ? ctx.Text("form.new_facility.commune_not_listed") : "");
        navigator.MoveTo(ctx, s, FormPhase.NewFacilityLegal, echo);
    }

    /// <summary>The answer in the phases that ask about a typed commune: a candidate picked, "keep as typed", or another name.</summary>
    internal void HandleChoice(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input)
    {
        if (verb == "cmp" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && NewFacilityView.Candidates(s).ElementAtOrDefault(i) is { } code && communes.ByCode(code) is { } picked)
        {
            TakeCommune(ctx, s, StoredLabel(picked), picked.Code, free: false);
            return;
        }
        if (verb == "cmk" && s.Get("nf:ctyped") is { } typed)
        {
            TakeCommune(ctx, s, typed, null, free: true);
            return;
        }
        if (verb == "text" && s.Phase == FormPhase.NewFacilityCommuneConfirm && ChoiceMatcher.YesWords.Contains(VnText.FoldWords(input)))
        {
            TakeCommune(ctx, s, s.Get("nf:ctyped")!, null, free: true);
            return;
        }
        if (verb == "text" && ChoiceMatcher.NoWords.Contains(VnText.FoldWords(input)) || verb == "cmr")
        {
            navigator.MoveTo(ctx, s, FormPhase.NewFacilityCommune);
            return;
        }
        if (verb == "text")
        {
            ReadCommune(ctx, s, form, input);
            return;
        }
        if (verb == "skip")
        {
            navigator.Refuse(ctx, s, form, ctx.Text("form.new_facility.commune_required"));
            return;
        }
        prompter.Prompt(ctx, s, FormText.NotApplicable(ctx, verb));
    }
}
