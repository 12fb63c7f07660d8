using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A record dated before 1/7/2025 for a facility whose commune lies in a former province of a merged unit (xã Chiềng Châu, former
/// Hòa Bình, now in Phú Thọ) counts under that former province, as it was then: the province answer follows the facility's commune
/// (<see cref="CommuneFormerMap"/>) and the summary says so in one line. When the commune's former province cannot be told, the
/// record stays under the current unit and the summary says how to change it. Evaluated again whenever the date, the facility or
/// the commune changes (a date corrected at the summary, a record opened with /sua); a province typed by a former name
/// (<see cref="DateDependentCheck"/>) is left as typed.
/// </summary>
public sealed class CommuneMergerCheck(FormPrompter prompter, CommuneCatalogue communes) : IFormCrossCheck
{
    /// <summary>The facility, commune and date last evaluated: the same again says nothing (the officer may have corrected the province).</summary>
    internal const string DecidedKey = "provcommune";

    /// <summary>The former unit this check set as the province answer (to move back when the date moves past the merger).</summary>
    internal const string SetKey = "provcommuneset";

    public bool Asks(BotContext ctx, FormSession s, FormDefinition form, string? echo)
    {
        if (s.Get(DateDependentCheck.TypedFormerKey) is not null || form.Bound("province") is not { } provinceField || form.Bound("date") is not { } dateField
            || !DateOnly.TryParseExact(s.Answer(dateField.Id), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || s.Answer(provinceField.Id) is not { } answered || ctx.Catalogue.CurrentOf(answered) is not { } current
            || ctx.Catalogue.Provinces.Count(p => !p.IsCurrent && p.CurrentId == current.Id) < 2 || Commune(ctx, s, form) is not { } place)
        {
            return false;
        }
        var decided = $"{place.Key}|{date:yyyy-MM-dd}|{current.Id}";
        if (s.Get(DecidedKey) == decided)
        {
            return false;
        }
        s.Set(DecidedKey, decided);
        var setBefore = s.Get(SetKey);
        string? note = null;
        if (date >= FieldReader.MergerDate)
        {
            if (setBefore is not null && answered == setBefore && ctx.Catalogue.Province(setBefore) is { } moved)
            {
                s.SetAnswer(provinceField.Id, current.Id);
                s.Set(SetKey, null);
                note = ctx.Text("form.merger.dated_after_merger", ("date", VnFormat.Date(date)), ("former", moved.Name), ("current", current.Name));
            }
        }
        else if ((communes.Former.FormerOf(place.Code) ?? communes.Former.FormerOfName(communes, current.Id, place.Label)) is { } formerId
            && ctx.Catalogue.Province(formerId) is { } former)
        {
            if (former.Id != answered && (answered == current.Id || answered == setBefore))
            {
                s.SetAnswer(provinceField.Id, former.Id);
                s.Set(SetKey, former.Id == current.Id ? null : former.Id);
                note = former.Id == current.Id
                    ? null
                    : ctx.Text("merger.commune_before", ("date", VnFormat.Date(date)), ("former", former.Name), ("current", current.Name), ("commune", place.Label));
            }
        }
        else if (answered == current.Id || answered == setBefore)
        {
            s.SetAnswer(provinceField.Id, current.Id);
            s.Set(SetKey, null);
            note = ctx.Text("merger.commune_unknown", ("date", VnFormat.Date(date)), ("current", current.Name), ("commune", place.Label),
                ("formers", string.Join(", ", ctx.Catalogue.Provinces.Where(p => !p.IsCurrent && p.CurrentId == current.Id).Select(p => p.Name))));
        }
        if (note is null)
        {
            return false;
        }
        s.Phase = FormPhase.Summary;
        prompter.Prompt(ctx, s, (echo is null ? "" : echo + "\n") + note);
        return true;
    }

    /// <summary>The record's commune (its own question) or its facility's, with the 2025 code when known; null when none is given.</summary>
    private static Place? Commune(BotContext ctx, FormSession s, FormDefinition form)
    {
        var facilityKey = form.Bound("facility") is { } facilityField ? s.Answer(facilityField.Id) ?? "" : "";
        if (form.Bound("commune") is { } communeField && s.Answer(communeField.Id) is { Length: > 0 } typed)
        {
            return new Place(facilityKey + "|" + VnText.FoldWords(typed), typed.Trim(), null);
        }
        if (facilityKey == "new")
        {
            return s.Get("nf:commune") is { Length: > 0 } commune ? new Place("new|" + VnText.FoldWords(commune), commune, s.Get("nf:ccode")) : null;
        }
        return long.TryParse(facilityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && ctx.Store.Facilities.Get(id) is { Commune: { Length: > 0 } name } facility
            ? new Place(facilityKey + "|" + VnText.FoldWords(name), name, facility.CommuneCode)
            : null;
    }

    private sealed record Place(string Key, string Label, string? Code);
}
