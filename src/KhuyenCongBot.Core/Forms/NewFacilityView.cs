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
        var where = province is null ? "" : ctx.T($" ở {province}", $" in {province}");
        var duplicate = s.Phase == FormPhase.NewFacilityDuplicate;
        var matches = ctx.Store.Facilities.Search(FormScope.FacilityUnits(ctx, s, form), query, duplicate ? 3 : 5,
            duplicate ? FacilitySearch.DuplicateThreshold : FacilitySearch.OfferThreshold);
        var choices = matches.Select(m => new Choice(
            Clip(m.Facility.Name + (m.Facility.Commune is { } c ? $" ({c})" : ""), MaxButtonLabel), $"f:{step}:fid:{m.Facility.Id}")).ToList();
        string text;
        if (duplicate)
        {
            var named = s.Get("nf:name") ?? query;
            text = ctx.T($"⚠ Có thể cơ sở \"{named}\" đã có{where}. Chọn nếu đúng là cơ sở đó, hoặc chọn \"Vẫn tạo mới\".",
                $"⚠ \"{named}\" may already exist{where}. Pick it if it is the same facility, or choose \"Create anyway\".");
            choices.Add(new Choice(ctx.T("➕ Vẫn tạo mới", "➕ Create anyway"), $"f:{step}:fnew"));
        }
        else
        {
            text = matches.Count > 0
                ? ctx.T($"🔎 Các cơ sở gần giống \"{query}\"{where}. Chọn một, gõ tên khác để tìm lại, hoặc tạo cơ sở mới.",
                    $"🔎 Facilities like \"{query}\"{where}. Pick one, type another name to search again, or create a new one.")
                : ctx.T($"🔎 Chưa có cơ sở nào tên giống \"{query}\"{where}. Tạo cơ sở mới với tên này, hoặc gõ tên khác để tìm lại.",
                    $"🔎 No facility like \"{query}\"{where}. Create a new one with this name, or type another name.");
            // A name typed without capitals or diacritics is offered back written properly first; as typed stays possible.
            if (ProperName(ctx, s, form, query) is { } proper)
            {
                text += "\n" + ctx.T($"💡 Tên cơ sở thường được viết: \"{proper}\".", $"💡 The name is usually written: \"{proper}\".");
                choices.Add(new Choice(Clip(ctx.T("➕ Tạo mới: ", "➕ New: ") + proper, MaxButtonLabel), $"f:{step}:fnew:p"));
                choices.Add(new Choice(Clip(ctx.T("➕ Tạo mới, đúng như đã gõ: ", "➕ New, as typed: ") + query, MaxButtonLabel), $"f:{step}:fnew"));
            }
            else
            {
                choices.Add(new Choice(Clip(ctx.T("➕ Tạo mới: ", "➕ New: ") + query, MaxButtonLabel), $"f:{step}:fnew"));
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
                question = ctx.T($"➕ Cơ sở mới \"{name}\". Cơ sở ở xã/phường nào? (tên theo danh mục từ 01/07/2025, có dấu hoặc không)",
                    $"➕ New facility \"{name}\". Which commune/ward is it in? (as named since 1/7/2025)");
                AddCommuneSuggestions(ctx, s, form, step, choices);
                break;
            case FormPhase.NewFacilityVillage:
                question = ctx.T($"Cơ sở \"{name}\" thuộc làng nghề nào? (không bắt buộc)", $"Which craft village is \"{name}\" in? (optional)");
                choices.Add(Skip(ctx));
                break;
            default:
                question = ctx.T($"Số điện thoại của cơ sở \"{name}\"? (không bắt buộc)", $"Phone number of \"{name}\"? (optional)");
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
            text = ctx.T($"🔎 Các xã/phường của {province} gần giống \"{typed}\". Chọn một, gõ lại tên, hoặc giữ đúng như đã gõ (ghi là ngoài danh mục).",
                $"🔎 Communes of {province} like \"{typed}\". Pick one, type the name again, or keep it as typed (marked as not in the list).");
            if (int.TryParse(s.Get("nf:cmore"), NumberStyles.None, CultureInfo.InvariantCulture, out var more) && more > 0)
            {
                text += "\n" + ctx.T($"… và {VnFormat.Number(more)} nơi khác cũng giống: gõ thêm tên để thu hẹp.", $"… and {more} more alike: type more of the name.");
            }
            choices.Add(new Choice(Clip(ctx.T("✎ Giữ như đã gõ: ", "✎ Keep as typed: ") + typed, MaxButtonLabel), $"f:{step}:cmk"));
        }
        else
        {
            var count = FormScope.FacilityProvince(ctx, s, form) is { } p ? communes.InProvince(p).Count : 0;
            text = ctx.T($"⚠ \"{typed}\" không có trong danh mục {VnFormat.Number(count)} xã, phường, đặc khu của {province} (từ 01/07/2025). "
                    + "Giữ đúng như đã gõ (ghi là ngoài danh mục), hay gõ lại tên?",
                $"⚠ \"{typed}\" is not in the list of {count} communes of {province} (since 1/7/2025). Keep it as typed (marked as not in the list), or type the name again?");
            choices.Add(new Choice(ctx.T("✎ Giữ như đã gõ", "✎ Keep as typed"), $"f:{step}:cmk"));
            choices.Add(new Choice(ctx.T("🔁 Gõ lại tên", "🔁 Type it again"), $"f:{step}:cmr"));
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
                question = ctx.T($"Cơ sở \"{name}\" thuộc loại hình nào?", $"What legal form is \"{name}\"?");
                var current = s.Get("nf:legal");
                choices.AddRange(beneficiaries.LegalForms.Select(f =>
                    new Choice((f.Id == current ? "✓ " : "") + f.Label(ctx.English), $"f:{step}:lf:{f.Id}")));
                break;
            case FormPhase.NewFacilityTaxId:
                question = ctx.T($"Mã số thuế (hoặc số đăng ký hộ kinh doanh) của \"{name}\"? (không bắt buộc)",
                    $"Tax code (or household registration number) of \"{name}\"? (optional)");
                choices.Add(Skip(ctx));
                break;
            default:
                question = ctx.T($"\"{name}\" có thuộc nhóm được ưu tiên (Nghị định 235) không? Gõ số, hoặc ví dụ: phụ nữ, dtts.",
                    $"Is \"{name}\" in a priority group (Decree 235)? Pick a number, or type e.g. women, ethnic minority.");
                choices.Add(new Choice(ctx.T("Không thuộc nhóm nào", "None"), $"f:{step}:pg:none"));
                choices.AddRange(beneficiaries.PriorityGroups.Select(g => new Choice(g.Label(ctx.English), $"f:{step}:pg:{g.Id}")));
                if (beneficiaries.PriorityGroups.Count == 2)
                {
                    choices.Add(new Choice(ctx.T("Cả hai", "Both"), $"f:{step}:pg:all"));
                }
                choices.Add(Skip(ctx));
                break;
        }
        choices.Insert(choices.Count(c => c.Numbered), Back(ctx));
        choices.Add(Cancel(ctx));
        return (Header(ctx, s, form) + "\n" + question, choices);
    }
}
