using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// The facility question of a record linked to a project offers first the facilities the project lists (approved with it) that
/// have no record of the project yet: "➕ Thêm cơ sở khác cho đề án" then goes through them; search and a new facility stay open.
/// </summary>
internal static class ProjectFacilityOffer
{
    /// <summary>At most this many of the project's facilities are offered as buttons.</summary>
    public const int Max = 8;

    /// <summary>The project the form's answers link to, and its listed facilities still without a record, the person may log for.</summary>
    public static (Project? Project, List<Facility> Facilities) Of(BotContext ctx, FormSession s, FormDefinition form)
    {
        if (form.Fields.Find(f => f.Kind == FieldType.Project) is not { } field || s.Answer(field.Id) is not { Length: > 0 } code
            || ctx.Store.Projects.FindByCode(code) is not { FacilityIds.Count: > 0 } project)
        {
            return (null, []);
        }
        var logged = ctx.Store.Records.ByProject(project.Code).Where(r => r.Id != s.EditId).Select(r => r.FacilityId).OfType<long>().ToHashSet();
        var allowed = FieldReader.AllowedProvinces(ctx.Catalogue, ctx.User).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var facilities = project.FacilityIds.Distinct().Where(id => !logged.Contains(id))
            .Select(id => ctx.Store.Facilities.Get(id)).OfType<Facility>()
            .Where(f => allowed.Contains(ctx.Catalogue.CurrentOf(f.ProvinceId)?.Id ?? f.ProvinceId))
            .Take(Max).ToList();
        return (project, facilities);
    }
}
