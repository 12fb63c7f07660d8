using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// An admin changed the officer's province while a form was open (an outside tester, finding 7): the form kept searching the old
/// province's facilities, then saved a Hà Nội record with a Phú Thọ commune and quietly dropped the project. At the officer's next
/// answer the change is said in one line and the questions that depend on the province (province, facility, project) are asked again;
/// a draft wholly within the new scope is kept as it is.
/// </summary>
internal static class FormScopeChange
{
    /// <summary>The scope the form was begun (or last checked) under.</summary>
    internal const string Key = "scope";

    private static readonly string[] FacilityKeys =
        ["fq", "fname", "nf:name", "nf:village", "nf:phone", "cms", .. NewFacilityCommune.Keys, .. NewFacilityBeneficiary.Keys];

    internal static string Stamp(BotUser user) => user.ScopeKind + ":" + user.ScopeId;

    /// <summary>True when the scope changed and something in the draft is outside it: said, reset, and the next question asked.</summary>
    internal static bool Changed(BotContext ctx, FormSession s, FormDefinition form, FormNavigator navigator)
    {
        var stamp = Stamp(ctx.User);
        var before = s.Get(Key);
        s.Set(Key, stamp);
        if (before is null || before == stamp)
        {
            return false;
        }
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Select(p => p.Id).ToHashSet();
        bool Allowed(string? province) =>
            string.IsNullOrEmpty(province) || allowed.Contains(ctx.Catalogue.CurrentOf(province)?.Id ?? province);

        var provinceField = form.Bound("province");
        var facilityField = form.Fields.Find(f => f.Kind == FieldType.Facility);
        var projectField = form.Fields.Find(f => f.Kind == FieldType.Project);
        var facility = facilityField is not null && long.TryParse(s.Answer(facilityField.Id), out var id) ? ctx.Store.Facilities.Get(id) : null;
        var project = projectField is not null && s.Answer(projectField.Id) is { Length: > 0 } code ? ctx.Store.Projects.FindByCode(code) : null;
        var newFacility = facilityField is not null && s.HasAnswer(facilityField.Id) && facility is null;
        var outside = !Allowed(provinceField is null ? null : s.Answer(provinceField.Id)) || (facility is not null && !Allowed(facility.ProvinceId))
            || (project is not null && !Allowed(project.ProvinceId));
        var scope = ctx.Access?.ScopeName(ctx.User, ctx.Language) ?? stamp;
        if (!outside)
        {
            ctx.Say(ctx.Text("dialogs2.scope_changed_kept", ("scope", scope)));
            return false;
        }
        if (provinceField is not null)
        {
            s.ClearAnswer(provinceField.Id);
            if (allowed.Count == 1)
            {
                s.SetAnswer(provinceField.Id, allowed.First());
            }
        }
        if (facilityField is not null && (facility is not null || newFacility))
        {
            s.ClearAnswer(facilityField.Id);
            foreach (var key in FacilityKeys)
            {
                s.Set(key, null);
            }
        }
        if (projectField is not null)
        {
            s.ClearAnswer(projectField.Id);
            s.Set(FormSession.ProjectChoicesKey, null);
            s.Set(ProjectLinkConfirmation.ConfirmedKey, null);
        }
        var line = ctx.Text("dialogs2.scope_changed_reset", ("scope", scope))
            + (project is null ? "" : " " + ctx.Text("dialogs2.scope_changed_project", ("code", project.Code)));
        navigator.Advance(ctx, s, form, -1, "⚠ " + line);
        return true;
    }
}
