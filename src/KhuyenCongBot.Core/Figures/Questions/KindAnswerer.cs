using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Answers the question kinds of issue 13 other than plain figures: plans, averages, facilities, records entered.</summary>
public sealed class KindAnswerer(IFigureSource figures, IBotStore store, CatalogueIndex catalogue, ScopeResolver scopes, FigureAnswerer answerer, TimeZoneInfo zone)
{
    private readonly PlanKindAnswers _plans = new(figures, store, catalogue, scopes, answerer);
    private PlanRankingText? _ranking;

    private PlanRankingText Rankings => _ranking ??= new PlanRankingText(_plans, catalogue, scopes, answerer);
    private readonly FacilityKindAnswers _facilities = new(figures as IFacilityFigures ?? new ScanFigureSource(store, catalogue), store, catalogue, scopes, answerer);
    private readonly MissingAnswers _missing = new(figures, catalogue, scopes, answerer);
    private readonly IEnteredFigures _entered = figures as IEnteredFigures ?? new ScanFigureSource(store, catalogue);

    /// <summary>The default period of a kind when the question names none.</summary>
    public static Period DefaultPeriod(UserTexts texts, QuestionKind kind, DateOnly today) => kind switch
    {
        QuestionKind.FacilityHistory or QuestionKind.OwnRecords => PeriodParser.AllTime(today),
        QuestionKind.NewRecords => PeriodParser.TryFind("tuan nay", today, out var week, out _) ? week : RunningPeriod.YearToDate(texts, today),
        _ => RunningPeriod.YearToDate(texts, today),
    };

    public string Answer(Question q, BotUser user, DateOnly today, bool english) => q.Kind switch
    {
        QuestionKind.PlanGap => _plans.Gap(q, today, english),
        QuestionKind.PlanRanking => Rankings.Ranking(q, today, english),
        QuestionKind.Average => Average(q, english),
        QuestionKind.FacilityHistory => _facilities.History(q, english),
        QuestionKind.TopFacilities => _facilities.Top(q, english),
        QuestionKind.OwnRecords => Entered(q, user, own: true, english),
        QuestionKind.NewRecords => Entered(q, user, own: false, english),
        QuestionKind.Missing => _missing.Answer(q, today, english),
        _ => answerer.Answer(q, english),
    };

    /// <summary>A plan question about a period not begun: the plan if set, no achieved figure, no "0 %", no time pace.</summary>
    public string PlanNotStarted(Question q, DateOnly today, bool english) => Rankings.NotStarted(q, today, english);

    /// <summary>Numerator and denominator of an average: "mỗi gian hàng" is about fairs, "mỗi dự án" about consulting.</summary>
    public static (string? ActivityId, string Measure, string Per) AverageParts(Question q)
    {
        var per = q.PerMeasure ?? Measures.Facilities;
        var activity = q.ActivityId ?? per switch
        {
            Measures.Booths => "trade_fair",
            Measures.Projects => "consulting",
            _ => null,
        };
        var measure = q.Measure is { } m && m != per ? m : Measures.Funding;
        return (activity, measure, per);
    }

    private string Average(Question q, bool english)
    {
        var (activity, measure, per) = AverageParts(q);
        var top = figures.Total(answerer.Query(q, activity, measure));
        var bottom = figures.Total(answerer.Query(q, activity, per));
        var sb = new StringBuilder();
        var perName = MetricText.Unit(answerer.Texts, per, english);
        var title = SourceText.Title(answerer.Texts, catalogue, activity, measure, q.Source, english);
        // "per facility", never "per facilities" (outside tester).
        var perOne = per switch
        {
            Measures.Facilities => answerer.Texts.Text(english, "en2.per.facility"),
            Measures.Participations => answerer.Texts.Text(english, "en2.per.participation"),
            Measures.Booths => answerer.Texts.Text(english, "en2.per.booth"),
            Measures.Projects => answerer.Texts.Text(english, "en2.per.project"),
            Measures.Trainees => answerer.Texts.Text(english, "en2.per.trainee"),
            Measures.Classes => answerer.Texts.Text(english, "en2.per.class"),
            _ => perName,
        };
        sb.Append(answerer.Texts.Text(english, "figures.average.head", ("title", title), ("per", perOne)));
        if (bottom.Value == 0)
        {
            sb.AppendLine(answerer.Texts.Text(english, "figures.average.none", ("per", perName)));
        }
        else
        {
            var average = top.Value / bottom.Value;
            sb.Append(MetricText.IsMoney(measure)
                ? NumberText.For(english).Money((long)Math.Round(average))
                : NumberText.For(english).Decimal(average, 2) + " " + MetricText.Unit(answerer.Texts, measure, english));
            sb.Append(" (= ").Append(MetricText.Value(answerer.Texts, measure, top.Value, english)).Append(" / ").Append(MetricText.Value(answerer.Texts, per, bottom.Value, english)).AppendLine(")");
        }
        if (per == Measures.Facilities)
        {
            // The total takes in support tied to no facility (information, propaganda) only over every activity; under one activity's
            // booths or machinery funding that line was wrong (outside tester).
            sb.AppendLine(activity is null
                ? answerer.Texts.Text(english, "figures.average.facilities_once")
                : answerer.Texts.Text(english, "figures.average.facilities_once_only"));
        }
        AppendPeriodAndScope(sb, q, english);
        sb.Append(AverageRows.Text(answerer, q, activity, measure, per, english));
        return sb.ToString().TrimEnd();
    }

    /// <summary>Records by the date they were entered (in Vietnam time): one's own, or everyone's within the question's provinces.</summary>
    private string Entered(Question q, BotUser user, bool own, bool english)
    {
        var units = own ? null : scopes.UnitIds(q.Scope);
        // From the first instant of the first day to the first instant after the last day, in the bot's time zone.
        var from = StartOf(q.From);
        var to = q.To == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOf(q.To.AddDays(1));
        var byActivity = _entered.EnteredByActivity(own ? user.Id : null, units, from, to);
        var total = byActivity.Sum(kv => kv.Value);
        var sb = new StringBuilder();
        var period = FigureAnswerer.PeriodText(answerer.Texts, q, english);
        sb.AppendLine(own
            ? answerer.Texts.Text(english, "figures.entered.own", ("period", period), ("count", NumberText.For(english).Number(total)))
            : answerer.Texts.Text(english, "figures.entered.new", ("period", period), ("count", NumberText.For(english).Number(total))));
        foreach (var (activity, count) in byActivity.Take(12))
        {
            var name = (english ? catalogue.Activity(activity)?.EnglishName : catalogue.Activity(activity)?.ShortName) ?? activity;
            sb.Append("• ").Append(name).Append(": ").AppendLine(NumberText.For(english).Number(count));
        }
        sb.AppendLine(answerer.Texts.Text(english, "figures.entered.period", ("from", q.From), ("to", q.To)));
        if (!own)
        {
            sb.AppendLine(answerer.Texts.Text(english, "figures.answer.scope", ("scope", scopes.Label(q.Scope, english))));
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>The first instant of a day in the bot's time zone.</summary>
    private DateTimeOffset StartOf(DateOnly day)
    {
        if (day.Year < 2)
        {
            return DateTimeOffset.MinValue;
        }
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    internal void AppendPeriodAndScope(StringBuilder sb, Question q, bool english)
    {
        var period = FigureAnswerer.PeriodText(answerer.Texts, q, english) + " (" + VnFormat.Date(q.From) + " – " + VnFormat.Date(q.To) + ")";
        sb.AppendLine(answerer.Texts.Text(english, "figures.answer.period", ("period", period)));
        sb.AppendLine(answerer.Texts.Text(english, "figures.answer.scope", ("scope", scopes.Label(q.Scope, english))));
    }
}
