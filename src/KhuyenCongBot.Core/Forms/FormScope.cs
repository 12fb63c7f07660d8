using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Who may log what: managers log nothing; facilities and records are those of the provinces the person may log for.</summary>
internal static class FormScope
{
    /// <summary>Managers see figures and edit nothing (AccessPolicy): true, with a refusal said, when the person is a manager.</summary>
    internal static bool RefusedAsManager(BotContext ctx)
    {
        if (ctx.User.Role != Role.Manager)
        {
            return false;
        }
        ctx.Say(ctx.Text("form.scope.officers_only"));
        return true;
    }

    /// <summary>The current province whose facilities are offered: the form's province answer, else the person's province.</summary>
    internal static string? FacilityProvince(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Bound("province") is { } pf && s.Answer(pf.Id) is { Length: > 0 } answered)
        {
            return ctx.Catalogue.CurrentOf(answered)?.Id ?? answered;
        }
        return ctx.User.ScopeKind == ScopeKind.Province && ctx.User.ScopeId is { } scope ? ctx.Catalogue.CurrentOf(scope)?.Id ?? scope : null;
    }

    /// <summary>The province units whose facilities are offered: the current province and its former units, or every unit.</summary>
    internal static IReadOnlyCollection<string> FacilityUnits(BotContext ctx, FormSession s, FormDefinition form)
    {
        var province = FacilityProvince(ctx, s, form);
        return province is null ? ctx.Catalogue.Provinces.Select(p => p.Id).Distinct().ToList() : ctx.Catalogue.UnitsOf(province);
    }

    /// <summary>Whether a facility (from a button, a recent list or a record copied with "again") belongs to the form's province and the person may log for it.</summary>
    internal static bool MayUseFacility(BotContext ctx, FormSession s, FormDefinition form, Facility facility)
    {
        var current = ctx.Catalogue.CurrentOf(facility.ProvinceId)?.Id ?? facility.ProvinceId;
        return FacilityUnits(ctx, s, form).Contains(facility.ProvinceId)
            && FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Any(p => p.Id == current);
    }

    /// <summary>Whether a record is of a province the person may log for now (an officer moved elsewhere no longer sees the old one's).</summary>
    internal static bool InScope(BotContext ctx, SupportRecord record)
    {
        var current = ctx.Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
        return FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Any(p => p.Id == current);
    }
}
