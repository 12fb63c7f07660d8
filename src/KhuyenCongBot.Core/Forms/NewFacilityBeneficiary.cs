using System.Globalization;
using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A new facility as the decree defines beneficiaries (seeds/catalogue/beneficiaries.json): its legal form (one tap), an optional
/// tax or registration number (checked), and the priority groups (one tap, or typed: "phụ nữ", "dtts", "không").
/// </summary>
/// <remarks>Session keys: nf:legal (legal form id), nf:taxid (number as stored), nf:prio (absent: not asked or skipped;
/// "": none; else group ids joined by ","), nf:taxdup (a number another facility has, asked to be confirmed).</remarks>
public sealed class NewFacilityBeneficiary(FormNavigator navigator, BeneficiaryCatalogue beneficiaries)
{
    internal static readonly string[] Keys = ["nf:legal", "nf:taxid", "nf:prio", "nf:taxdup"];

    private static readonly string[] SkipTyped = ["bo qua", "skip"];

    /// <summary>The phase after the legal form: the number, except for a craft village (it has none).</summary>
    private FormPhase AfterLegalForm(FormSession s) =>
        beneficiaries.LegalForm(s.Get("nf:legal"))?.Registration == RegistrationKind.None ? FormPhase.NewFacilityPriority : FormPhase.NewFacilityTaxId;

    /// <summary>The phase before the priority groups, for "quay lại": the legal form of a craft village, else the number.</summary>
    internal FormPhase BeforePriority(FormSession s) =>
        beneficiaries.LegalForm(s.Get("nf:legal"))?.Registration == RegistrationKind.None ? FormPhase.NewFacilityLegal : FormPhase.NewFacilityTaxId;

    internal void Handle(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input)
    {
        switch (s.Phase)
        {
            case FormPhase.NewFacilityLegal:
                var legal = verb == "lf" ? beneficiaries.LegalForm(arg) : verb == "text" ? beneficiaries.FindLegalForm(input) : null;
                if (legal is null)
                {
                    navigator.Refuse(ctx, s, form, verb == "skip"
                        ? ctx.Text("form.new_facility.legal_form_required")
                        : ctx.Text("form.new_facility.which_legal_form"));
                    return;
                }
                s.Set("nf:legal", legal.Id);
                if (legal.Registration == RegistrationKind.None)
                {
                    s.Set("nf:taxid", null);
                }
                navigator.MoveTo(ctx, s, AfterLegalForm(s), $"✓ {ctx.Text("form.new_facility.legal_form_label")}: {legal.Label(ctx.English)}");
                return;
            case FormPhase.NewFacilityTaxId:
                if (verb == "skip")
                {
                    s.Set("nf:taxid", null);
                    s.Set("nf:taxdup", null);
                    navigator.MoveTo(ctx, s, FormPhase.NewFacilityPriority);
                    return;
                }
                if (verb == "tx" && arg == "ok" && s.Get("nf:taxdup") is { } kept)
                {
                    // The officer confirmed the number another facility already has.
                    input = kept;
                    verb = "text";
                }
                var check = verb == "text" ? beneficiaries.CheckNumber(s.Get("nf:legal"), input) : null;
                if (check is not { Ok: true, Normalized: { } number })
                {
                    navigator.Refuse(ctx, s, form, check?.Say(ctx.Texts, ctx.English) ?? ctx.Text("form.new_facility.tax_code_hint"));
                    return;
                }
                if (TaxIdTaken(ctx, s, number))
                {
                    return;
                }
                s.Set("nf:taxid", number);
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityPriority, $"✓ {ctx.Text("form.new_facility.tax_code_label")}: {number}" + (check.Checksummed
                    ? ctx.Text("form.new_facility.check_digit_ok")
                    : ctx.Text("form.new_facility.no_check_digit")));
                return;
            case FormPhase.NewFacilityPriority:
                var folded = VnText.FoldWords(input);
                if (verb == "skip" && (input == "f:skip" || SkipTyped.Contains(folded)))
                {
                    s.Set("nf:prio", null);
                    navigator.MoveTo(ctx, s, FormPhase.NewFacilityVillage);
                    return;
                }
                IReadOnlyList<PriorityGroup>? groups = verb switch
                {
                    "pg" when arg == "none" => [],
                    "pg" when arg == "all" => beneficiaries.PriorityGroups,
                    "pg" => beneficiaries.PriorityGroup(arg) is { } g ? [g] : null,
                    // "không" is an answer here (no group), not a skip.
                    "text" or "skip" => beneficiaries.ReadPriorityGroups(input) is { Understood: true } read ? read.Groups : null,
                    _ => null,
                };
                if (groups is null)
                {
                    navigator.Refuse(ctx, s, form, ctx.Text("form.new_facility.which_group"));
                    return;
                }
                s.Set("nf:prio", string.Join(',', groups.Select(g => g.Id)));
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityVillage, $"✓ {ctx.Text("form.new_facility.priority_group_label")}: {PriorityText(ctx, groups)}");
                return;
        }
    }

    /// <summary>
    /// A number another facility already has is said, naming it when the person may see it (their provinces), and asked to be
    /// confirmed (the button, or the same number typed again) or changed; true while it waits for that answer.
    /// </summary>
    private static bool TaxIdTaken(BotContext ctx, FormSession s, string number)
    {
        var confirmed = s.Get("nf:taxdup") == number;
        s.Set("nf:taxdup", null);
        var holder = confirmed ? null : ctx.Store.Facilities.ByTaxId(number, 1).FirstOrDefault();
        if (holder is null)
        {
            return false;
        }
        s.Set("nf:taxdup", number);
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var visible = allowed.Contains(ctx.Catalogue.CurrentOf(holder.ProvinceId)?.Id ?? holder.ProvinceId);
        var who = visible
            ? ctx.Text("form.new_facility.tax_code_holder", ("name", holder.Name), ("province", ctx.Catalogue.Province(holder.ProvinceId)?.ShortName ?? holder.ProvinceId))
            : ctx.Text("form.new_facility.tax_code_holder_elsewhere");
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        ctx.Ask(ctx.Text("form.new_facility.tax_code_taken", ("number", number), ("who", who), ("name", s.Get("nf:name"))),
            [new Choice(ctx.Text("form.new_facility.keep_tax_code"), $"f:{step}:tx:ok"), FormText.Skip(ctx), FormText.Back(ctx), FormText.Cancel(ctx)]);
        return true;
    }

    private static string PriorityText(BotContext ctx, IReadOnlyList<PriorityGroup> groups) =>
        groups.Count == 0 ? ctx.Text("form.new_facility.no_priority_group") : string.Join(", ", groups.Select(g => g.Label(ctx.English)));
}
