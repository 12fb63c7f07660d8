using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Which measures each activity records (seeds/catalogue/activities.json, "measures"). A pair the data does not hold ("doanh thu hội
/// chợ": fairs record no revenue) is said so and the activity's measures offered, never answered "0 đồng": a 0 would read as a result.
/// </summary>
public static class MeasureCoverage
{
    /// <summary>The first (activity, measure) pair of the question the activity does not record; null when every pair is recorded.</summary>
    public static (Activity Activity, string Measure)? Untracked(CatalogueIndex catalogue, Question q)
    {
        foreach (var (activityId, measure) in Pairs(q))
        {
            if (activityId is not null && catalogue.Activity(activityId) is { } activity && !Recorded(activity).Contains(measure))
            {
                return (activity, measure);
            }
        }
        return null;
    }

    /// <summary>What the data holds for an activity: its measures and those of its form ("trainees" of training).</summary>
    public static IReadOnlyList<string> Recorded(Activity activity) => [.. activity.Measures, .. activity.FormMeasures];

    /// <summary>The (activity, measure) pairs a question counts: an average counts two.</summary>
    private static IEnumerable<(string? ActivityId, string Measure)> Pairs(Question q)
    {
        switch (q.Kind)
        {
            case QuestionKind.Average:
                var (activity, measure, per) = KindAnswerer.AverageParts(q);
                return [(activity, measure), (activity, per)];
            case QuestionKind.FacilityHistory or QuestionKind.OwnRecords or QuestionKind.NewRecords:
                return [];
            default:
                if (q.Measure is { } m)
                {
                    return [(q.ActivityId, m)];
                }
                return [];
        }
    }

    /// <summary>"Doanh thu" → "doanh thu"; "Số gian hàng" → "số gian hàng".</summary>
    public static string Noun(Text.UserTexts texts, CatalogueIndex catalogue, string activityId, string measure, bool english)
    {
        var title = MetricText.Title(texts, catalogue, activityId, measure, english);
        var noun = title.Split(" – ")[0];
        return noun.Length == 0 ? noun : char.ToLowerInvariant(noun[0]) + noun[1..];
    }

    /// <summary>Says the measure is not recorded for the activity and offers each measure it records (buttons "fq:m:&lt;activity&gt;.&lt;measure&gt;").</summary>
    public static void Say(BotContext context, CatalogueIndex catalogue, Activity activity, string measure)
    {
        var english = context.English;
        var asked = Noun(context.Texts, catalogue, activity.Id, measure, english);
        var recorded = string.Join(", ", Recorded(activity).Select(m => Noun(context.Texts, catalogue, activity.Id, m, english)));
        context.Ask(
            context.Text("figures.coverage.not_recorded", ("asked", asked), ("activity", english ? activity.EnglishName : activity.ShortName), ("recorded", recorded)),
            Recorded(activity).Select(m => new Choice(MetricText.Title(context.Texts, catalogue, activity.Id, m, english), $"fq:m:{activity.Id}.{m}")));
    }
}
