using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The commune of a new facility, read against its province's official 2025 list (seeds/catalogue/communes.json): one name is
/// taken, near names are offered as a numbered short list, and a text not in the list is kept as typed, marked so, once the
/// officer confirms it.
/// </summary>
/// <remarks>Session keys: nf:commune (as stored), nf:ccode (official code), nf:cfree ("1": not in the list, confirmed),
/// nf:ctyped (the text being asked about), nf:cands (codes offered), nf:cmore (how many more matched).</remarks>
public sealed partial class FormRunner
{
    internal static readonly string[] CommuneKeys = ["nf:commune", "nf:ccode", "nf:cfree", "nf:ctyped", "nf:cands", "nf:cmore"];

    /// <summary>"phường Thanh Miếu": the label as written inside a sentence (the type in lower case), as facilities store it.</summary>
    internal static string StoredLabel(Commune commune) => commune.TypeName.ToLowerInvariant() + " " + commune.Name;

    /// <summary>Reads a typed (or suggested) commune of a new facility.</summary>
    private void ReadCommune(BotContext ctx, FormSession s, FormDefinition form, string typed)
    {
        var text = Clean(typed);
        if (text.Length < 2 || text.Length > 80)
        {
            Refuse(ctx, s, form, ctx.T("Tên xã/phường cần từ 2 đến 80 ký tự, ví dụ: xã Tiên Lữ.", "A commune name needs 2 to 80 characters, e.g. xã Tiên Lữ."));
            return;
        }
        var province = FacilityProvince(ctx, s, form);
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
                s.Phase = FormPhase.NewFacilityCommunePick;
                s.Misses = 0;
                Prompt(ctx, s);
                return;
            default:
                s.Set("nf:ctyped", text);
                s.Set("nf:cands", null);
                s.Set("nf:cmore", null);
                s.Phase = FormPhase.NewFacilityCommuneConfirm;
                s.Misses = 0;
                Prompt(ctx, s);
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
        s.Phase = FormPhase.NewFacilityLegal;
        s.Misses = 0;
        var echo = $"✓ {ctx.T("Xã/phường", "Commune")}: {commune}" + (code is null ? "" : ctx.T($" (mã {code})", $" (code {code})"))
            + (free ? ctx.T(" — ngoài danh mục 2025, giữ như đã gõ", " — not in the 2025 list, kept as typed") : "");
        Prompt(ctx, s, echo);
    }

    /// <summary>The answer in the phases that ask about a typed commune: a candidate picked, "keep as typed", or another name.</summary>
    private void HandleCommuneChoice(BotContext ctx, FormSession s, FormDefinition form, string verb, string arg, string input)
    {
        if (verb == "cmp" && int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            && Candidates(s).ElementAtOrDefault(i) is { } code && communes.ByCode(code) is { } picked)
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
            s.Phase = FormPhase.NewFacilityCommune;
            s.Misses = 0;
            Prompt(ctx, s);
            return;
        }
        if (verb == "text")
        {
            ReadCommune(ctx, s, form, input);
            return;
        }
        if (verb == "skip")
        {
            Refuse(ctx, s, form, ctx.T("Xã/phường của cơ sở mới là bắt buộc.", "The new facility's commune is required."));
            return;
        }
        Prompt(ctx, s, NotApplicable(ctx, verb));
    }

    private static string[] Candidates(FormSession s) => (s.Get("nf:cands") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private (string, List<Choice>) RenderCommuneChoice(BotContext ctx, FormSession s, FormDefinition form)
    {
        var step = s.Step.ToString(CultureInfo.InvariantCulture);
        var typed = s.Get("nf:ctyped") ?? "";
        var province = FacilityProvince(ctx, s, form) is { } pid ? ctx.Catalogue.Province(pid)?.ShortName ?? pid : "";
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
            var count = FacilityProvince(ctx, s, form) is { } p ? communes.InProvince(p).Count : 0;
            text = ctx.T($"⚠ \"{typed}\" không có trong danh mục {VnFormat.Number(count)} xã, phường, đặc khu của {province} (từ 01/07/2025). "
                    + "Giữ đúng như đã gõ (ghi là ngoài danh mục), hay gõ lại tên?",
                $"⚠ \"{typed}\" is not in the list of {count} communes of {province} (since 1/7/2025). Keep it as typed (marked as not in the list), or type the name again?");
            choices.Add(new Choice(ctx.T("✎ Giữ như đã gõ", "✎ Keep as typed"), $"f:{step}:cmk"));
            choices.Add(new Choice(ctx.T("🔁 Gõ lại tên", "🔁 Type it again"), $"f:{step}:cmr"));
        }
        choices.Add(Back(ctx));
        choices.Add(CancelChoice(ctx));
        return (Header(ctx, s, form) + "\n" + text, choices);
    }
}
