using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Vietnamese (and English) names, units and number formats of metrics.</summary>
public static class MetricText
{
    public static bool IsMoney(string measure) => measure is Measures.Revenue or Measures.Funding;

    /// <summary>"Số gian hàng – Hội chợ, triển lãm".</summary>
    public static string Title(UserTexts texts, CatalogueIndex catalogue, string? activityId, string measure, bool english = false)
    {
        var noun = Noun(texts, measure, english);
        var activity = activityId is null ? null : catalogue.Activity(activityId);
        if (activity is null)
        {
            return measure == Measures.Facilities
                ? texts.Text(english, "metric.title.facilities_all", ("noun", noun))
                : texts.Text(english, "metric.title.all_activities", ("noun", noun));
        }
        if (measure == Measures.Participations && !activity.Measures.Contains(Measures.Facilities))
        {
            // Information and propaganda support no facility: their records are "lượt (không gắn với cơ sở)", never "lượt cơ sở".
            noun = texts.Text(english, "metric.noun.records_no_facility");
        }
        return $"{noun} – {(english ? activity.EnglishName : activity.ShortName)}";
    }

    /// <summary>The name of a measure alone: "Số gian hàng", "Kinh phí hỗ trợ".</summary>
    public static string Noun(UserTexts texts, string measure, bool english = false) => measure switch
    {
        Measures.Facilities => texts.Text(english, "metric.noun.facilities"),
        Measures.Participations => texts.Text(english, "metric.noun.participations"),
        Measures.Booths => texts.Text(english, "metric.noun.booths"),
        Measures.Projects => texts.Text(english, "metric.noun.projects"),
        Measures.Revenue => texts.Text(english, "metric.noun.revenue"),
        Measures.Trainees => texts.Text(english, "metric.noun.trainees"),
        Measures.Classes => texts.Text(english, "metric.noun.classes"),
        _ => texts.Text(english, "metric.noun.funding"),
    };

    /// <summary>Unit word after a count: "gian hàng", "lượt cơ sở".</summary>
    public static string Unit(UserTexts texts, string measure, bool english = false) => measure switch
    {
        Measures.Facilities => texts.Text(english, "metric.unit.facilities"),
        Measures.Participations => texts.Text(english, "metric.unit.participations"),
        Measures.Booths => texts.Text(english, "metric.unit.booths"),
        Measures.Projects => texts.Text(english, "metric.unit.projects"),
        Measures.Trainees => texts.Text(english, "metric.unit.trainees"),
        Measures.Classes => texts.Text(english, "metric.unit.classes"),
        _ => texts.Text(english, "metric.unit.money"),
    };

    /// <summary>The unit of an activity's measure: "lượt" for the records of an activity that supports no facility, else <see cref="Unit(UserTexts, string, bool)"/>.</summary>
    public static string Unit(UserTexts texts, CatalogueIndex catalogue, string? activityId, string measure, bool english = false) =>
        measure == Measures.Participations && activityId is not null && !FigureRules.SupportsFacilities(catalogue, activityId)
            ? texts.Text(english, "metric.unit.records")
            : Unit(texts, measure, english);

    /// <summary>The value of an activity's measure: as <see cref="Value(UserTexts, string, decimal, bool)"/>, but "24 lượt" for the records of an activity
    /// that supports no facility (information, propaganda), which are not "lượt cơ sở".</summary>
    public static string Value(UserTexts texts, CatalogueIndex catalogue, string? activityId, string measure, decimal value, bool english = false) =>
        measure == Measures.Participations && activityId is not null && !FigureRules.SupportsFacilities(catalogue, activityId)
            ? NumberText.For(english).Number((long)Math.Round(value, MidpointRounding.AwayFromZero)) + " " + texts.Text(english, "metric.unit.records")
            : Value(texts, measure, value, english);

    /// <summary>"1.250 gian hàng", "4,87 tỷ đồng"; in English "1,250 booths", "4.87 billion VND" (<see cref="NumberText"/>).</summary>
    public static string Value(UserTexts texts, string measure, decimal value, bool english = false)
    {
        var rounded = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        var numbers = NumberText.For(english);
        return IsMoney(measure) ? numbers.Money(rounded) : numbers.Number(rounded) + " " + Unit(texts, measure, english);
    }

    /// <summary>What a status filter counts: " (chỉ tính số ước thực hiện)", " (chỉ tính số chính thức)"; "" without a filter.</summary>
    public static string StatusNote(UserTexts texts, Records.RecordStatus? status, bool english = false) => status switch
    {
        Records.RecordStatus.Estimate => texts.Text(english, "figures.metric.estimates_only"),
        Records.RecordStatus.Actual => texts.Text(english, "figures.metric.actual_only"),
        _ => "",
    };

    /// <summary>The note after a figure: the status filter when there is one, otherwise how much of it is estimated.</summary>
    public static string Note(UserTexts texts, Records.RecordStatus? status, string measure, FigureValue value, bool english = false) =>
        status is null ? EstimateNote(texts, measure, value, english) : StatusNote(texts, status, english);

    /// <summary>The estimate label of a figure: "(ước thực hiện)", "(trong đó 120 gian hàng ước thực hiện)", or "" for actuals.</summary>
    public static string EstimateNote(UserTexts texts, string measure, FigureValue value, bool english = false)
    {
        if (value.Value == 0 || value.EstimatePart == 0)
        {
            return value.Value == 0 ? "" : texts.Text(english, "figures.metric.actual");
        }
        if (!FigureRules.IsAdditive(measure))
        {
            // Distinct facilities: the estimate part counts those with an estimate record, many of which also have actual ones, so
            // it is not a "trong đó" (a tester read "55 cơ sở, trong đó 43 ước thực hiện" as 12 official; the bot's own official
            // count was 29).
            return texts.Text(english, "figures.metric.facilities_with_estimates", ("value", Value(texts, measure, value.EstimatePart, english)));
        }
        if (value.EstimatePart >= value.Value)
        {
            return texts.Text(english, "figures.metric.estimate");
        }
        return texts.Text(english, "figures.metric.partly_estimated", ("value", Value(texts, measure, value.EstimatePart, english)));
    }
}
