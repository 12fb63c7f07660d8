using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The facility question: search the registry as they type, pick one, or create a new facility (duplicates shown first).</summary>
public sealed partial class FormRunner
{
    private const int MaxFacilityName = FieldReader.MaxFacilityName;

    /// <summary>The current province whose facilities are offered: the form's province answer, else the person's province.</summary>
    private static string? FacilityProvince(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Bound("province") is { } pf && s.Answer(pf.Id) is { Length: > 0 } answered)
        {
            return ctx.Catalogue.CurrentOf(answered)?.Id ?? answered;
        }
        return ctx.User.ScopeKind == ScopeKind.Province && ctx.User.ScopeId is { } scope ? ctx.Catalogue.CurrentOf(scope)?.Id ?? scope : null;
    }

    /// <summary>The province units whose facilities are offered: the current province and its former units, or every unit.</summary>
    private static IReadOnlyCollection<string> FacilityUnits(BotContext ctx, FormSession s, FormDefinition form)
    {
        var province = FacilityProvince(ctx, s, form);
        return province is null ? ctx.Catalogue.Provinces.Select(p => p.Id).Distinct().ToList() : ctx.Catalogue.UnitsOf(province);
    }

    /// <summary>How many recent facilities a conversation remembers (four are offered, within the form's province).</summary>
    internal const int RecentKept = 12;

    private static List<RecentFacility> RecentFacilities(BotContext ctx, FormSession s, FormDefinition form)
    {
        var province = FacilityProvince(ctx, s, form);
        var units = province is null ? null : ctx.Catalogue.UnitsOf(province);
        // Read from the person's records once; kept up to date by every save since.
        ctx.State.RecentFacilities ??= ctx.Store.Records.ByUser(ctx.User.Id, 30)
            .Where(r => r.FacilityId is not null && r.FacilityName is { Length: > 0 })
            .DistinctBy(r => r.FacilityId)
            .Take(RecentKept)
            .Select(r => new RecentFacility { Id = r.FacilityId!.Value, Name = r.FacilityName!, ProvinceId = r.ProvinceId })
            .ToList();
        return ctx.State.RecentFacilities.Where(f => units is null || units.Contains(f.ProvinceId)).Take(4).ToList();
    }

    /// <summary>Puts the facility of a record just saved at the head of the person's recent facilities.</summary>
    internal static void RememberFacility(ConversationState state, SupportRecord record)
    {
        if (record.FacilityId is not { } id || record.FacilityName is not { Length: > 0 } name || state.RecentFacilities is null)
        {
            // Unknown yet: the list is read from the records (which include this one) when first needed.
            return;
        }
        state.RecentFacilities.RemoveAll(f => f.Id == id);
        state.RecentFacilities.Insert(0, new RecentFacility { Id = id, Name = name, ProvinceId = record.ProvinceId });
        if (state.RecentFacilities.Count > RecentKept)
        {
            state.RecentFacilities.RemoveRange(RecentKept, state.RecentFacilities.Count - RecentKept);
        }
    }

    private void HandleFacilityAnswer(BotContext ctx, FormSession s, FormDefinition form, FormField field, string verb, string arg, string input, bool isButton)
    {
        switch (verb)
        {
            case "fid" when long.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                // Checked like a typed name: only a facility of the form's province (one the person may log for) is taken.
                if (ctx.Store.Facilities.Get(id) is not { } facility || !MayUseFacility(ctx, s, form, facility))
                {
                    Prompt(ctx, s, ctx.T("⚠ Nút đó không còn dùng được (cơ sở không thuộc tỉnh của phiếu này). Gõ tên cơ sở để tìm.",
                        "⚠ That button no longer works (the facility is not in this form's province). Type the facility's name to search."), edits: false);
                    return;
                }
                SelectFacility(ctx, s, form, field, facility, null);
                return;
            case "fnew" when s.Get("fq") is { Length: > 0 }:
                NewFacility(ctx, s, form, field, arg);
                return;
            case "text":
                SearchFacility(ctx, s, form, field, input);
                return;
            default:
                Prompt(ctx, s, NotApplicable(ctx, verb));
                return;
        }
    }

    /// <summary>Whether a facility (from a button, a recent list or a record copied with "again") belongs to the form's province and the person may log for it.</summary>
    private static bool MayUseFacility(BotContext ctx, FormSession s, FormDefinition form, Facility facility)
    {
        var current = ctx.Catalogue.CurrentOf(facility.ProvinceId)?.Id ?? facility.ProvinceId;
        return FacilityUnits(ctx, s, form).Contains(facility.ProvinceId)
            && FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Any(p => p.Id == current);
    }

    private void SearchFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field, string input)
    {
        var query = Regex.Replace(input, @"\s+", " ").Trim();
        var folded = VnText.FoldWords(query);
        if (folded.Replace(" ", "").Length < 2 || query.Length > MaxFacilityName)
        {
            s.Phase = FormPhase.Ask;
            Refuse(ctx, s, form, ctx.T($"Tên cơ sở cần từ 2 đến {MaxFacilityName} ký tự.", $"A facility name needs 2 to {MaxFacilityName} characters."));
            return;
        }
        var exact = ctx.Store.Facilities.Search(FacilityUnits(ctx, s, form), folded, 2, 1.0);
        if (exact.Count == 1)
        {
            SelectFacility(ctx, s, form, field, exact[0].Facility, ctx.T("(cơ sở đã có trong danh bạ)", "(already in the registry)"));
            return;
        }
        s.Set("fq", query);
        s.Phase = FormPhase.Facility;
        s.Misses = 0;
        Prompt(ctx, s);
    }

    private void SelectFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field, Facility facility, string? note)
    {
        s.SetAnswer(field.Id, facility.Id.ToString(CultureInfo.InvariantCulture));
        s.Set("fname", facility.Name);
        foreach (var key in new[] { "fq", "nf:name", "nf:village", "nf:phone", "cms" }.Concat(CommuneKeys).Concat(BeneficiaryKeys))
        {
            s.Set(key, null);
        }
        var echo = $"✓ {field.LabelIn(ctx.English)}: {facility.Name}" + (facility.Commune is { } c ? $" ({c})" : "") + (note is null ? "" : " " + note);
        Advance(ctx, s, form, s.Step, echo);
    }

    /// <summary>Starts a new facility named as typed, or (<paramref name="arg"/> "p") as offered back properly written.</summary>
    private void NewFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field, string arg = "")
    {
        var name = s.Phase == FormPhase.NewFacilityDuplicate && s.Get("nf:name") is { } chosen ? chosen : s.Get("fq")!;
        if (arg == "p" && ProperName(ctx, s, form, name) is { } proper)
        {
            name = proper;
        }
        s.Set("nf:name", name);
        var duplicates = ctx.Store.Facilities.Search(FacilityUnits(ctx, s, form), name, 3, FacilitySearch.DuplicateThreshold);
        s.Phase = duplicates.Count > 0 && s.Phase != FormPhase.NewFacilityDuplicate ? FormPhase.NewFacilityDuplicate : FormPhase.NewFacilityCommune;
        s.Misses = 0;
        Prompt(ctx, s);
    }

    private (string, List<Choice>) RenderFacilityResults(BotContext ctx, FormSession s, FormDefinition form, FormField field)
    {
        var query = s.Get("fq") ?? "";
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var province = FacilityProvince(ctx, s, form) is { } pid ? ctx.Catalogue.Province(pid)?.ShortName : null;
        var where = province is null ? "" : ctx.T($" ở {province}", $" in {province}");
        var duplicate = s.Phase == FormPhase.NewFacilityDuplicate;
        var matches = ctx.Store.Facilities.Search(FacilityUnits(ctx, s, form), query, duplicate ? 3 : 5,
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
        choices.Add(CancelChoice(ctx));
        return (Header(ctx, s, form) + "\n" + text, choices);
    }

    /// <summary>The typed name written properly, from the facilities registered in the form's provinces; null when nothing changes.</summary>
    private static string? ProperName(BotContext ctx, FormSession s, FormDefinition form, string typed) =>
        FacilityNameStyle.Suggest(typed, FacilityUnits(ctx, s, form).SelectMany(ctx.Store.Facilities.InProvince).Select(f => f.Name));

    private (string, List<Choice>) RenderNewFacility(BotContext ctx, FormSession s, FormDefinition form, FormField field)
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
        choices.Add(CancelChoice(ctx));
        return (Header(ctx, s, form) + "\n" + question, choices);
    }

    private void HandleFacilityPhase(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input, bool isButton)
    {
        var field = form.Fields[s.Step];
        if (field.Kind != FieldType.Facility)
        {
            s.Phase = FormPhase.Ask;
            Prompt(ctx, s);
            return;
        }
        if (verb == "fid" || (verb == "text" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate))
        {
            HandleFacilityAnswer(ctx, s, form, field, verb, arg, input, isButton);
            return;
        }
        if (verb == "skip" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate)
        {
            // "bỏ qua" while picking among the matches: the facility question itself is skipped if it is optional, or said to be required.
            s.Phase = FormPhase.Ask;
            HandleAnswer(ctx, s, form, verb, arg, input, isButton);
            return;
        }
        if (verb == "fnew" && s.Phase is FormPhase.Facility or FormPhase.NewFacilityDuplicate)
        {
            NewFacility(ctx, s, form, field, arg);
            return;
        }
        if (verb == "back")
        {
            s.Phase = s.Phase switch
            {
                FormPhase.NewFacilityPhone => FormPhase.NewFacilityVillage,
                FormPhase.NewFacilityVillage => FormPhase.NewFacilityPriority,
                FormPhase.NewFacilityPriority => beneficiaries.LegalForm(s.Get("nf:legal"))?.Registration == Beneficiaries.RegistrationKind.None ? FormPhase.NewFacilityLegal : FormPhase.NewFacilityTaxId,
                FormPhase.NewFacilityTaxId => FormPhase.NewFacilityLegal,
                FormPhase.NewFacilityLegal or FormPhase.NewFacilityCommunePick or FormPhase.NewFacilityCommuneConfirm => FormPhase.NewFacilityCommune,
                _ => FormPhase.Ask,
            };
            s.Misses = 0;
            Prompt(ctx, s);
            return;
        }
        switch (s.Phase)
        {
            case FormPhase.NewFacilityCommune:
                if (verb == "skip")
                {
                    Refuse(ctx, s, form, ctx.T("Xã/phường của cơ sở mới là bắt buộc.", "The new facility's commune is required."));
                    return;
                }
                if ((verb == "cm" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var ci) ? Suggestion(s, ci) : verb == "text" ? input : null) is { } typed)
                {
                    ReadCommune(ctx, s, form, typed);
                    return;
                }
                break;
            case FormPhase.NewFacilityCommunePick:
            case FormPhase.NewFacilityCommuneConfirm:
                HandleCommuneChoice(ctx, s, form, verb, arg, input);
                return;
            case FormPhase.NewFacilityLegal:
            case FormPhase.NewFacilityTaxId:
            case FormPhase.NewFacilityPriority:
                HandleBeneficiary(ctx, s, form, verb, arg, input);
                return;
            case FormPhase.NewFacilityVillage:
                if (verb == "skip")
                {
                    s.Set("nf:village", null);
                }
                else if (verb == "text" && Clean(input) is { Length: >= 2 and <= 80 } village)
                {
                    s.Set("nf:village", village);
                }
                else
                {
                    Refuse(ctx, s, form, ctx.T("Tên làng nghề cần từ 2 đến 80 ký tự; gõ \"bỏ qua\" nếu không thuộc làng nghề.",
                        "A craft village name needs 2 to 80 characters; type \"skip\" if none."));
                    return;
                }
                s.Phase = FormPhase.NewFacilityPhone;
                s.Misses = 0;
                Prompt(ctx, s);
                return;
            case FormPhase.NewFacilityPhone:
                if (verb == "skip")
                {
                    s.Set("nf:phone", null);
                }
                else if (verb == "text" && NormalizePhone(input) is { } phone)
                {
                    s.Set("nf:phone", phone);
                }
                else
                {
                    Refuse(ctx, s, form, ctx.T("Số điện thoại cần 10 hoặc 11 chữ số, bắt đầu bằng 0 (ví dụ 0912345678); gõ \"bỏ qua\" nếu không có.",
                        "A phone number has 10 or 11 digits starting with 0 (e.g. 0912345678); type \"skip\" if none."));
                    return;
                }
                s.SetAnswer(field.Id, "new");
                s.Set("fname", s.Get("nf:name"));
                Advance(ctx, s, form, s.Step, $"✓ {field.LabelIn(ctx.English)}: {s.Get("nf:name")} " + ctx.T("(cơ sở mới, sẽ được thêm khi lưu)", "(new facility, added on saving)"));
                return;
        }
        Prompt(ctx, s, NotApplicable(ctx, verb));
    }

    /// <summary>A button of another step, or "bỏ qua" at a step of a new facility that must be answered: said plainly.</summary>
    private static string NotApplicable(BotContext ctx, string verb) => verb == "skip"
        ? ctx.T("⚠ Bước này là bắt buộc, không bỏ qua được: trả lời câu dưới đây, gõ \"quay lại\" để về bước trước, hoặc /huy để dừng.",
            "⚠ This step is required and cannot be skipped: answer below, type \"back\" for the previous step, or /cancel to stop.")
        : ctx.T("Nút đó không dùng được ở bước này.", "That button does not apply here.");

    private static string Clean(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>"0912 345 678", "+84 912.345.678" -> "0912345678"; null when not a Vietnamese phone number.</summary>
    public static string? NormalizePhone(string text)
    {
        var digits = Regex.Replace(text, @"[\s.\-()]", "");
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11)
        {
            digits = "0" + digits[2..];
        }
        return Regex.IsMatch(digits, @"^0\d{9,10}$") ? digits : null;
    }
}
