using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>One metric line of an answer.</summary>
public sealed record AnswerLine(string? ActivityId, string Measure, FigureValue Value);

/// <summary>
/// Computes what a question asks (figures, plan, same period, breakdown) and writes the answer in Vietnamese format: the
/// figure lines here, the other parts by <see cref="PlanLineText"/>, <see cref="ComparisonText"/>, <see cref="MemberFigures"/>
/// and <see cref="BreakdownText"/> (rows from <see cref="Breakdowns"/>).
/// </summary>
public sealed class FigureAnswerer
{
    private readonly IFigureSource _figures;
    private readonly IBotStore _store;
    private readonly CatalogueIndex _catalogue;
    private readonly ScopeResolver _scopes;
    private readonly QuestionQueries _queries;
    private readonly PlanLineText _plans;
    private readonly ComparisonText _comparison;
    private readonly MemberFigures _members;
    private readonly Breakdowns _breakdowns;
    private readonly BreakdownText _breakdownText;
    private readonly ComparedBreakdownText _comparedText;

    public FigureAnswerer(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, UserTexts texts)
    {
        (_figures, _store, _catalogue, _scopes, Texts) = (figures, store, catalogue, scopes, texts);
        _queries = new QuestionQueries(scopes);
        Coverage = new PlanCoverage(figures, store, catalogue, scopes);
        _plans = new PlanLineText(store, catalogue, texts, Coverage);
        _comparison = new ComparisonText(figures, _queries, texts);
        _members = new MemberFigures(figures, _queries, scopes, catalogue, texts);
        _breakdowns = new Breakdowns(figures, store, catalogue, scopes, _queries, _members, texts);
        _breakdownText = new BreakdownText(_breakdowns, _plans, texts);
        Compared = new ComparedBreakdown(_breakdowns, catalogue);
        _comparedText = new ComparedBreakdownText(Compared, _breakdowns, texts);
    }

    /// <summary>The rows of a comparison of two periods broken down.</summary>
    public ComparedBreakdown Compared { get; }

    /// <summary>A figure of the question's scope and filters, in its period or another.</summary>
    public FigureValue Total(Question q, string? activityId, string measure, Period? period = null) => _figures.Total(Query(q, activityId, measure, period));

    /// <summary>Which provinces of a scope a year plan covers.</summary>
    public PlanCoverage Coverage { get; }

    /// <summary>The texts of seeds/texts that answers are written with.</summary>
    public UserTexts Texts { get; }

    public FigureQuery Query(Question q, string? activityId, string measure, Period? period = null) => _queries.Query(q, activityId, measure, period);

    /// <summary>"năm 2024", or its English label "2024".</summary>
    public static string PeriodText(UserTexts texts, Question q, bool english) => q.Period.Text(texts, english);

    /// <summary>The (activity, measure) pairs a question covers: one, an activity's measures, or the whole summary.</summary>
    public IReadOnlyList<(string? ActivityId, string Measure)> Metrics(Question q)
    {
        if (q.Measure is not null)
        {
            return [(q.ActivityId, q.Measure)];
        }
        if (q.ActivityId is not null && _catalogue.Activity(q.ActivityId) is { } activity)
        {
            return activity.Measures.Select(m => ((string?)activity.Id, m)).ToList();
        }
        // The summary: each activity's headline measures (up to its first count of facilities or participations), as the article reports them.
        return _catalogue.Activities.SelectMany(a => HeadlineMeasures(a).Select(m => ((string?)a.Id, m)))
            .Append((null, Measures.Facilities)).Append((null, Measures.Funding)).ToList();
    }

    private static IEnumerable<string> HeadlineMeasures(Activity activity)
    {
        foreach (var m in activity.Measures)
        {
            if (m == Measures.Funding)
            {
                continue;
            }
            yield return m;
            if (m is Measures.Facilities or Measures.Participations)
            {
                yield break;
            }
        }
    }

    /// <summary>The metric used for breakdowns, charts and comparisons of a many-metric question.</summary>
    public (string? ActivityId, string Measure) Primary(Question q)
    {
        if (q.Measure is not null)
        {
            return (q.ActivityId, q.Measure);
        }
        if (q.ActivityId is not null && _catalogue.Activity(q.ActivityId) is { Measures.Count: > 0 } activity)
        {
            return (activity.Id, activity.Measures[0]);
        }
        return (null, Measures.Participations);
    }

    public IReadOnlyList<AnswerLine> Lines(Question q)
    {
        var lines = Metrics(q).Select(m => new AnswerLine(m.ActivityId, m.Measure, _figures.Total(Query(q, m.ActivityId, m.Measure)))).ToList();
        if (q.Measure is null)
        {
            // Many metrics: keep those with data (and always the first, so an empty answer still says 0).
            var kept = lines.Where(l => l.Value.Value != 0).ToList();
            return kept.Count > 0 ? kept : lines.Take(1).ToList();
        }
        return lines;
    }

    /// <summary>The year plan of a metric over a set of recorded units (a region's plan is the sum of its provinces'); null when none is set.</summary>
    public decimal? PlanTarget(int year, string metric, IReadOnlySet<string>? unitIds) => _plans.PlanTarget(year, metric, unitIds);

    /// <summary>The whole text answer.</summary>
    public string Answer(Question q, bool english)
    {
        var sb = new StringBuilder();
        var lines = Lines(q);
        if (lines.Count == 1)
        {
            var l = lines[0];
            sb.Append(SourceText.Title(Texts, _catalogue, l.ActivityId, l.Measure, q.Source, english)).Append(": ")
              .Append(MetricText.Value(Texts, _catalogue, l.ActivityId, l.Measure, l.Value.Value, english)).Append(MetricText.Note(Texts, q.Status, l.Measure, l.Value, english)).AppendLine();
            if (SourceText.Note(Texts, q.Source, l.Measure, l.Value.Records, english) is { Length: > 0 } note)
            {
                sb.AppendLine(note);
            }
            if (l.Measure == Measures.Trainees)
            {
                sb.AppendLine(TraineeAnswers.RecordsNote(Texts, _figures, Query(q, l.ActivityId, l.Measure), l.Value.Records, english));
            }
        }
        else
        {
            var title = q.Summary || q.ActivityId is null
                ? Texts.Text(english, "figures.answer.summary_title")
                : english ? _catalogue.Activity(q.ActivityId)?.EnglishName : _catalogue.Activity(q.ActivityId)?.ShortName;
            sb.Append(title).Append(MetricText.StatusNote(Texts, q.Status, english)).Append(SourceText.Suffix(Texts, q.Source, english)).AppendLine(":");
            foreach (var l in lines)
            {
                sb.Append("• ").Append(MetricText.Title(Texts, _catalogue, l.ActivityId, l.Measure, english)).Append(": ")
                  .Append(MetricText.Value(Texts, _catalogue, l.ActivityId, l.Measure, l.Value.Value, english)).Append(q.Status is null ? MetricText.EstimateNote(Texts, l.Measure, l.Value, english) : "").AppendLine();
            }
        }
        var periodText = PeriodText(Texts, q, english);
        if (!periodText.Contains(VnFormat.Date(q.To), StringComparison.Ordinal))
        {
            periodText += " (" + VnFormat.Date(q.From) + " – " + VnFormat.Date(q.To) + ")";
        }
        sb.AppendLine(Texts.Text(english, "figures.answer.period", ("period", periodText)));
        sb.AppendLine(Texts.Text(english, "figures.answer.scope", ("scope", _scopes.Label(q.Scope, english))));

        var (activity, measure) = Primary(q);
        var main = lines.FirstOrDefault(l => l.ActivityId == activity && l.Measure == measure)
            ?? new AnswerLine(activity, measure, _figures.Total(Query(q, activity, measure)));
        var comparedMetric = lines.Count > 1 ? ", " + SourceText.Title(Texts, _catalogue, activity, measure, q.Source, english) : "";
        // Two periods compared and broken down (or several provinces named): every row shows both periods and the difference.
        var compared = ComparedBreakdown.Applies(q);
        if (ScopeResolver.IsMany(q.Scope) && q.Breakdown is null && !compared)
        {
            sb.Append(_members.Text(q, activity, measure, lines.Count > 1, english));
            sb.Append(_members.Overlap(q.Scope) is not null ? "" : MemberDifference.Line(Texts, _members.Values(q, activity, measure).Select(m => (_scopes.ShortName(m.Scope, english), m.Value.Value)).ToList(), measure, english));
        }
        if (q.ComparePlan)
        {
            // Several metrics ("tiến độ kế hoạch tư vấn"): every one that has a plan; else what is missing for the main one.
            var planned = lines.Count > 1
                ? lines.Where(l => PlanTarget(q.To.Year, $"{l.ActivityId ?? "*"}.{l.Measure}", _scopes.UnitIds(q.Scope)) is > 0).ToList()
                : [];
            // One line per planned measure; the same line twice ("plans are set per year") is said once.
            foreach (var planText in (planned.Count > 0 ? planned : [main])
                .Select(line => _plans.PlanLine(q, line, lines.Count > 1 ? ", " + MetricText.Title(Texts, _catalogue, line.ActivityId, line.Measure, english) : "", english,
                    units => _figures.Total(Query(q, line.ActivityId, line.Measure) with { ProvinceIds = units })))
                .Distinct(StringComparer.Ordinal))
            {
                sb.AppendLine(planText);
            }
        }
        if (q.CompareLastYear || q.Change)
        {
            sb.AppendLine(_comparison.YearLine(q, main, comparedMetric, english));
        }
        if (compared && (q.Breakdown ?? (ScopeResolver.IsMany(q.Scope) ? BreakdownBy.Province : null)) is { } rowsBy)
        {
            sb.Append(_comparedText.Text(q, activity, measure, rowsBy, english));
            if (ScopeResolver.IsMany(q.Scope) && _members.Overlap(q.Scope) is { } overlap)
            {
                sb.AppendLine(Texts.Text(english, "figures.members.overlap", ("whole", _scopes.ShortName(overlap.Whole, english)), ("part", _scopes.ShortName(overlap.Part, english))));
            }
        }
        else if (q.Breakdown is { } by)
        {
            sb.Append(_breakdownText.Text(q, activity, measure, by, english));
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Breakdown rows with labels, ordered and cut to the question's top N.</summary>
    public IReadOnlyList<(string Key, string Label, FigureValue Value)> BreakdownRows(Question q, string? activityId, string measure, BreakdownBy by) =>
        _breakdowns.Rows(q, activityId, measure, by);

    public string KeyLabel(string key, BreakdownBy by, bool english = false) => _breakdowns.KeyLabel(key, by, english);

    /// <summary>Records in the question's scope and period (and activity), for the spreadsheet.</summary>
    public IEnumerable<SupportRecord> RecordsOf(Question q)
    {
        var units = _scopes.UnitIds(q.Scope);
        return _store.Records.All()
            .Where(r => r.Date >= q.From && r.Date <= q.To)
            .Where(r => units is null || units.Contains(r.ProvinceId))
            .Where(r => q.ActivityId is null || r.ActivityId == q.ActivityId)
            .Where(r => q.Status is null || r.Status == q.Status)
            .Where(r => q.Source is null || RecordFunding.Has(r, q.Source.Value))
            .OrderBy(r => r.Date).ThenBy(r => r.Id);
    }
}
