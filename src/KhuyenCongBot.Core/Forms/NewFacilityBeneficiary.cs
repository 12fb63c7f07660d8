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
                        ? ctx.T("Loại hình của cơ sở mới là bắt buộc (báo cáo theo Nghị định 235 cần nó). Chọn một số.",
                            "The new facility's legal form is required (reports under Decree 235 need it). Pick a number.")
                        : ctx.T("Chưa rõ loại hình nào. Chọn một số, hoặc gõ: doanh nghiệp, HTX, tổ hợp tác, hộ kinh doanh, làng nghề.",
                            "Which legal form? Pick a number, or type: enterprise, cooperative, cooperative group, household, craft village."));
                    return;
                }
                s.Set("nf:legal", legal.Id);
                if (legal.Registration == RegistrationKind.None)
                {
                    s.Set("nf:taxid", null);
                }
                navigator.MoveTo(ctx, s, AfterLegalForm(s), $"✓ {ctx.T("Loại hình", "Legal form")}: {legal.Label(ctx.English)}");
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
                    navigator.Refuse(ctx, s, form, check?.Problem is { } problem
                        ? ctx.English ? check.ProblemEn ?? problem : problem
                        : ctx.T("Gõ mã số thuế (10 chữ số) hoặc \"bỏ qua\".", "Type the tax code (10 digits) or \"skip\"."));
                    return;
                }
                if (TaxIdTaken(ctx, s, number))
                {
                    return;
                }
                s.Set("nf:taxid", number);
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityPriority, $"✓ {ctx.T("Mã số", "Number")}: {number}" + (check.Checksummed
                    ? ctx.T(" (đúng chữ số kiểm tra)", " (check digit correct)")
                    : ctx.T(" (không có chữ số kiểm tra để đối chiếu, chỉ kiểm tra dạng số)", " (no check digit exists; only its shape was checked)")));
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
                    navigator.Refuse(ctx, s, form, ctx.T("Chưa rõ nhóm nào. Chọn một số, hoặc gõ: phụ nữ, dân tộc thiểu số, cả hai, không.",
                        "Which group? Pick a number, or type: women, ethnic minority, both, none."));
                    return;
                }
                s.Set("nf:prio", string.Join(',', groups.Select(g => g.Id)));
                navigator.MoveTo(ctx, s, FormPhase.NewFacilityVillage, $"✓ {ctx.T("Nhóm ưu tiên", "Priority group")}: {PriorityText(ctx, groups)}");
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
            ? ctx.T($"cơ sở \"{holder.Name}\" ({ctx.Catalogue.Province(holder.ProvinceId)?.ShortName ?? holder.ProvinceId})", $"\"{holder.Name}\" ({ctx.Catalogue.Province(holder.ProvinceId)?.ShortName ?? holder.ProvinceId})")
            : ctx.T("một cơ sở ở tỉnh/thành phố khác", "a facility in another province");
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        ctx.Ask(ctx.T($"⚠ Mã số {number} đã được ghi cho {who}. Nếu đó chính là cơ sở này, quay lại và chọn cơ sở có sẵn thay vì tạo mới. Vẫn dùng mã này cho \"{s.Get("nf:name")}\"? Hoặc gõ mã khác.",
                $"⚠ Number {number} is already recorded for {who}. If it is the same facility, go back and pick it instead of creating a new one. Keep this number for \"{s.Get("nf:name")}\" anyway? Or type another."),
            [new Choice(ctx.T("Vẫn dùng mã này", "Keep this number"), $"f:{step}:tx:ok"), FormText.Skip(ctx), FormText.Back(ctx), FormText.Cancel(ctx)]);
        return true;
    }

    private static string PriorityText(BotContext ctx, IReadOnlyList<PriorityGroup> groups) =>
        groups.Count == 0 ? ctx.T("không thuộc nhóm nào", "none") : string.Join(", ", groups.Select(g => g.Label(ctx.English)));
}
