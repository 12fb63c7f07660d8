using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>The figure query a question means for one metric: its period (or another), scope, status, source and beneficiary.</summary>
public sealed class QuestionQueries(ScopeResolver scopes)
{
    public FigureQuery Query(Question q, string? activityId, string measure, Period? period = null)
    {
        var p = period ?? q.Period;
        return new FigureQuery(activityId, measure, p.From, p.To, scopes.UnitIds(q.Scope), q.Status, q.Source, q.Beneficiary);
    }

    /// <summary>The same query limited to one scope (a member of a several-province question).</summary>
    public FigureQuery In(Question q, string scope, string? activityId, string measure) =>
        Query(q, activityId, measure) with { ProvinceIds = scopes.UnitIds(scope) };
}
