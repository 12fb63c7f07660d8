using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// "tỉnh nào chưa có đề án năm 2026": the present provinces of the scope with no project approved (by its decision date) in the
/// period, or ever when no period is named. It had been refused as a ranking; the bot holds every project and its province.
/// </summary>
public static class ProjectMissing
{
    public static string Answer(BotContext context, Storage.IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, string scope, ProjectFilter filter,
        Period? period, DateOnly at)
    {
        var english = context.English;
        var from = period?.From ?? DateOnly.MinValue;
        var with = store.Projects.Read(filter).Where(p => p.DecisionDate >= from && p.DecisionDate <= at)
            .Select(p => catalogue.CurrentOf(p.ProvinceId)?.Id ?? p.ProvinceId).ToHashSet(StringComparer.Ordinal);
        var provinces = MissingAnswers.Provinces(catalogue, scopes, scope);
        var missing = provinces.Where(p => !with.Contains(p.Id)).Select(p => p.ShortName).ToList();
        var when = period is { } p0
            ? context.Text("hmiss.projects_period", ("period", p0.Text(context.Texts, english)), ("from", VnFormat.Date(p0.From)), ("to", VnFormat.Date(at)))
            : context.Text("hmiss.projects_ever", ("to", VnFormat.Date(at)));
        var head = missing.Count == 0
            ? context.Text("hmiss.projects_none", ("total", provinces.Count), ("scope", scopes.ShortName(scope, english)), ("when", when))
            : context.Text("hmiss.projects", ("count", missing.Count), ("total", provinces.Count), ("scope", scopes.ShortName(scope, english)), ("when", when),
                ("names", string.Join(", ", missing)));
        return head + "\n" + context.Text("hmiss.recorded_only");
    }
}
