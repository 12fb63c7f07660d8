using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// "tỉnh nào không có gian hàng năm 2025", "hoạt động nào chưa có kinh phí năm nay": the provinces of the catalogue within the
/// question's scope (the activities of the catalogue) whose figure is zero in the period. The bot only knows what was recorded, so the
/// answer says "chưa có bản ghi", never "không được hỗ trợ"; provinces that recorded nothing at all in the period are named apart.
/// </summary>
public sealed class MissingAnswers(IFigureSource figures, CatalogueIndex catalogue, ScopeResolver scopes, FigureAnswerer answerer)
{
    private UserTexts Texts => answerer.Texts;

    public string Answer(Question q, DateOnly today, bool english)
    {
        var period = FigureAnswerer.PeriodText(Texts, q, english) + " (" + VnFormat.Date(q.From) + " – " + VnFormat.Date(q.To) + ")";
        if (q.From > today)
        {
            return Texts.Text(english, "figures.answer.not_started", ("period", FigureAnswerer.PeriodText(Texts, q, english)), ("today", today));
        }
        // A measure named: its figure is zero. Only an activity (or nothing) named: no record of it (of any activity).
        var byRecords = q.Measure is null;
        var measure = q.Measure ?? Measures.Funding;
        var metric = byRecords
            ? q.ActivityId is { } a ? (english ? catalogue.Activity(a)?.EnglishName : catalogue.Activity(a)?.ShortName) ?? a : Texts.Text(english, "hmiss.any_activity")
            : SourceText.Title(Texts, catalogue, q.ActivityId, measure, q.Source, english);
        var scope = scopes.ShortName(q.Scope, english);
        var sb = new StringBuilder();
        if (q.Breakdown == BreakdownBy.Activity)
        {
            var activities = catalogue.Activities.Where(x => byRecords || x.Measures.Contains(measure)).ToList();
            var values = Values(q with { ActivityId = null }, measure, BreakdownBy.Activity);
            var missing = activities.Where(x => IsZero(values.GetValueOrDefault(x.Id), byRecords)).Select(x => english ? x.EnglishName : x.ShortName).ToList();
            sb.AppendLine(missing.Count == 0
                ? Texts.Text(english, "hmiss.activities_none", ("total", activities.Count), ("metric", metric), ("period", period), ("scope", scope))
                : Texts.Text(english, "hmiss.activities", ("count", missing.Count), ("total", activities.Count), ("metric", metric), ("period", period), ("scope", scope),
                    ("names", string.Join(", ", missing))));
        }
        else
        {
            var provinces = Provinces(catalogue, scopes, q.Scope);
            var values = Values(q, measure, BreakdownBy.Province);
            var missing = provinces.Where(p => IsZero(values.GetValueOrDefault(p.Id), byRecords)).ToList();
            if (provinces.Count == 1)
            {
                // An officer's one province ("tỉnh nào không có …" asked within Phú Thọ): whether it has, not "1/1 tỉnh".
                sb.AppendLine(missing.Count == 0
                    ? Texts.Text(english, "hmiss.one_has", ("scope", scope), ("metric", metric), ("period", period))
                    : Texts.Text(english, "hmiss.one_missing", ("scope", scope), ("metric", metric), ("period", period)));
            }
            else if (missing.Count == 0)
            {
                sb.AppendLine(Texts.Text(english, "hmiss.provinces_none", ("total", provinces.Count), ("metric", metric), ("period", period), ("scope", scope)));
            }
            if (missing.Count > 0 && provinces.Count > 1)
            {
                sb.AppendLine(Texts.Text(english, "hmiss.provinces", ("count", missing.Count), ("total", provinces.Count), ("metric", metric), ("period", period), ("scope", scope),
                    ("names", string.Join(", ", missing.Select(p => p.ShortName)))));
                if (!byRecords || q.ActivityId is not null)
                {
                    // Of those, the provinces with no record of any activity in the period.
                    var any = Values(q with { ActivityId = null, Source = null, Status = null, Beneficiary = null }, Measures.Funding, BreakdownBy.Province);
                    var nothing = missing.Where(p => IsZero(any.GetValueOrDefault(p.Id), byRecords: true)).Select(p => p.ShortName).ToList();
                    if (nothing.Count > 0)
                    {
                        // Every one of them recorded nothing at all: said in one line, not the same names twice.
                        sb.AppendLine(nothing.Count == missing.Count
                            ? Texts.Text(english, "hmiss.nothing_at_all_every")
                            : Texts.Text(english, "hmiss.nothing_at_all", ("count", nothing.Count), ("names", string.Join(", ", nothing))));
                    }
                }
            }
        }
        sb.AppendLine(Texts.Text(english, "hmiss.recorded_only"));
        return sb.ToString().TrimEnd();
    }

    private static bool IsZero(FigureValue value, bool byRecords) => byRecords ? value.Records == 0 : value.Value == 0;

    private Dictionary<string, FigureValue> Values(Question q, string measure, BreakdownBy by) =>
        figures.Breakdown(answerer.Query(q, q.ActivityId, measure), by).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    /// <summary>The present provinces of a scope, in the catalogue's order: every one, a region's, those named (a former one: the province it is in now).</summary>
    public static IReadOnlyList<ProvinceUnit> Provinces(CatalogueIndex catalogue, ScopeResolver scopes, string scope)
    {
        var (kind, id) = ScopeResolver.Split(scope);
        IEnumerable<string> ids = kind switch
        {
            "all" => catalogue.CurrentProvinces.Select(p => p.Id),
            "r" => catalogue.Region(id)?.Members ?? [],
            "m" => scopes.Members(scope).Select(m => catalogue.CurrentOf(ScopeResolver.Split(m).Id)?.Id ?? ScopeResolver.Split(m).Id),
            _ => [catalogue.CurrentOf(id)?.Id ?? id],
        };
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return catalogue.Provinces.Where(p => p.IsCurrent && wanted.Contains(p.Id)).ToList();
    }
}
