using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Vietnamese (and English) names, units and number formats of metrics.</summary>
public static class MetricText
{
    public static bool IsMoney(string measure) => measure is Measures.Revenue or Measures.Funding;

    /// <summary>"Số gian hàng – Hội chợ, triển lãm".</summary>
    public static string Title(CatalogueIndex catalogue, string? activityId, string measure, bool english = false)
    {
        var noun = Noun(measure, english);
        var activity = activityId is null ? null : catalogue.Activity(activityId);
        if (activity is null)
        {
            return measure == Measures.Facilities && !english ? noun + " (mỗi cơ sở tính một lần, mọi hoạt động)" : noun + (english ? " (all activities)" : " (mọi hoạt động)");
        }
        if (measure == Measures.Participations && !activity.Measures.Contains(Measures.Facilities))
        {
            // Information and propaganda support no facility: their records are "lượt (không gắn với cơ sở)", never "lượt cơ sở".
            noun = english ? "Records (not tied to a facility)" : "Số lượt (không gắn với cơ sở)";
        }
        return $"{noun} – {(english ? activity.EnglishName : activity.ShortName)}";
    }

    /// <summary>The name of a measure alone: "Số gian hàng", "Kinh phí hỗ trợ".</summary>
    public static string Noun(string measure, bool english = false) => english
        ? measure switch
        {
            Measures.Facilities => "Facilities supported",
            Measures.Participations => "Facility participations",
            Measures.Booths => "Booths",
            Measures.Projects => "Projects",
            Measures.Revenue => "Revenue",
            Measures.Trainees => "Trainees",
            Measures.Classes => "Training classes",
            _ => "Funding",
        }
        : measure switch
        {
            Measures.Facilities => "Số cơ sở được hỗ trợ",
            Measures.Participations => "Số lượt cơ sở",
            Measures.Booths => "Số gian hàng",
            Measures.Projects => "Số dự án",
            Measures.Revenue => "Doanh thu",
            Measures.Trainees => "Số học viên",
            Measures.Classes => "Số lớp",
            _ => "Kinh phí hỗ trợ",
        };

    /// <summary>Unit word after a count: "gian hàng", "lượt cơ sở".</summary>
    public static string Unit(string measure, bool english = false) => english
        ? measure switch
        {
            Measures.Facilities => "facilities",
            Measures.Participations => "participations",
            Measures.Booths => "booths",
            Measures.Projects => "projects",
            Measures.Trainees => "trainees",
            Measures.Classes => "classes",
            _ => "VND",
        }
        : measure switch
        {
            Measures.Facilities => "cơ sở",
            Measures.Participations => "lượt cơ sở",
            Measures.Booths => "gian hàng",
            Measures.Projects => "dự án",
            Measures.Trainees => "học viên",
            Measures.Classes => "lớp",
            _ => "đồng",
        };

    /// <summary>The unit of an activity's measure: "lượt" for the records of an activity that supports no facility, else <see cref="Unit(string, bool)"/>.</summary>
    public static string Unit(CatalogueIndex catalogue, string? activityId, string measure, bool english = false) =>
        measure == Measures.Participations && activityId is not null && !FigureRules.SupportsFacilities(catalogue, activityId)
            ? (english ? "records" : "lượt")
            : Unit(measure, english);

    /// <summary>The value of an activity's measure: as <see cref="Value(string, decimal, bool)"/>, but "24 lượt" for the records of an activity
    /// that supports no facility (information, propaganda), which are not "lượt cơ sở".</summary>
    public static string Value(CatalogueIndex catalogue, string? activityId, string measure, decimal value, bool english = false) =>
        measure == Measures.Participations && activityId is not null && !FigureRules.SupportsFacilities(catalogue, activityId)
            ? NumberText.For(english).Number((long)Math.Round(value, MidpointRounding.AwayFromZero)) + (english ? " records" : " lượt")
            : Value(measure, value, english);

    /// <summary>"1.250 gian hàng", "4,87 tỷ đồng"; in English "1,250 booths", "4.87 billion VND" (<see cref="NumberText"/>).</summary>
    public static string Value(string measure, decimal value, bool english = false)
    {
        var rounded = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        var numbers = NumberText.For(english);
        return IsMoney(measure) ? numbers.Money(rounded) : numbers.Number(rounded) + " " + Unit(measure, english);
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
        if (value.EstimatePart >= value.Value)
        {
            return texts.Text(english, "figures.metric.estimate");
        }
        return texts.Text(english, "figures.metric.partly_estimated", ("value", Value(measure, value.EstimatePart, english)));
    }
}
