using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The figure of each province named in a several-province question ("Phú Thọ và Bắc Ninh"), as values and as the answer's lines.</summary>
public sealed class MemberFigures(IFigureSource figures, QuestionQueries queries, ScopeResolver scopes, CatalogueIndex catalogue, UserTexts texts)
{
    /// <summary>Each named province's figure, in the order asked: "m:phu-tho,bac-ninh" -> ("p:phu-tho", value), ("p:bac-ninh", value).</summary>
    public IReadOnlyList<(string Scope, FigureValue Value)> Values(Question q, string? activityId, string measure) =>
        scopes.Members(q.Scope).Select(m => (m, figures.Total(queries.In(q, m, activityId, measure)))).ToList();

    /// <summary>"Từng tỉnh, thành phố:" and one line per named province.</summary>
    public string Text(Question q, string? activityId, string measure, bool namedMetric, bool english)
    {
        var sb = new StringBuilder(texts.Text(english, "figures.members.head"));
        if (namedMetric)
        {
            sb.Append(" (").Append(MetricText.Title(texts, catalogue, activityId, measure, english)).Append(')');
        }
        sb.AppendLine(":");
        foreach (var (scope, value) in Values(q, activityId, measure))
        {
            sb.Append("• ").Append(scopes.ShortName(scope, english)).Append(": ").Append(MetricText.Value(texts, measure, value.Value, english))
              .AppendLine(BreakdownText.RowNote(texts, q, measure, value, english));
        }
        if (measure == Measures.Facilities)
        {
            sb.AppendLine(texts.Text(english, "figures.members.facilities_once"));
        }
        if (Overlap(q.Scope) is { } overlap)
        {
            sb.AppendLine(texts.Text(english, "figures.members.overlap", ("whole", scopes.ShortName(overlap.Whole, english)), ("part", scopes.ShortName(overlap.Part, english))));
        }
        return sb.ToString();
    }

    /// <summary>A former province named beside the province it merged into ("Vĩnh Phúc và Phú Thọ"): the merged one's figure already
    /// holds the former one's, so the rows overlap and their difference means nothing.</summary>
    public (string Whole, string Part)? Overlap(string scope)
    {
        var members = scopes.Members(scope);
        foreach (var part in members)
        {
            var (_, id) = ScopeResolver.Split(part);
            if (catalogue.Province(id) is { IsCurrent: false } && catalogue.CurrentOf(id) is { } current
                && members.FirstOrDefault(m => ScopeResolver.Split(m).Id == current.Id) is { } whole)
            {
                return (whole, part);
            }
        }
        return null;
    }
}
