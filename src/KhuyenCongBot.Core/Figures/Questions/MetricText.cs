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
        var noun = english
            ? measure switch
            {
                Measures.Facilities => "Facilities supported",
                Measures.Participations => "Facility participations",
                Measures.Booths => "Booths",
                Measures.Projects => "Projects",
                Measures.Revenue => "Revenue",
                Measures.Trainees => "Trainees",
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
                _ => "Kinh phí hỗ trợ",
            };
        var activity = activityId is null ? null : catalogue.Activity(activityId);
        if (activity is null)
        {
            return measure == Measures.Facilities && !english ? noun + " (mỗi cơ sở tính một lần, mọi hoạt động)" : noun + (english ? " (all activities)" : " (mọi hoạt động)");
        }
        return $"{noun} – {(english ? activity.EnglishName : activity.ShortName)}";
    }

    /// <summary>Unit word after a count: "gian hàng", "lượt cơ sở".</summary>
    public static string Unit(string measure, bool english = false) => english
        ? measure switch
        {
            Measures.Facilities => "facilities",
            Measures.Participations => "participations",
            Measures.Booths => "booths",
            Measures.Projects => "projects",
            Measures.Trainees => "trainees",
            _ => "VND",
        }
        : measure switch
        {
            Measures.Facilities => "cơ sở",
            Measures.Participations => "lượt cơ sở",
            Measures.Booths => "gian hàng",
            Measures.Projects => "dự án",
            Measures.Trainees => "học viên",
            _ => "đồng",
        };

    /// <summary>"1.250 gian hàng", "4,87 tỷ đồng".</summary>
    public static string Value(string measure, decimal value, bool english = false)
    {
        var rounded = (long)Math.Round(value, MidpointRounding.AwayFromZero);
        return IsMoney(measure) ? (english ? MoneyEnglish(rounded) : VnFormat.Money(rounded)) : VnFormat.Number(rounded) + " " + Unit(measure, english);
    }

    /// <summary>"4,87 billion VND" (Vietnamese digits, English unit words).</summary>
    public static string MoneyEnglish(long vnd)
    {
        var abs = Math.Abs((decimal)vnd);
        foreach (var (size, name) in new[] { (1_000_000_000m, "billion"), (1_000_000m, "million") })
        {
            if (Math.Round(abs / size, 2, MidpointRounding.AwayFromZero) >= 1m)
            {
                return VnFormat.Decimal(vnd / size, 2) + " " + name + " VND";
            }
        }
        return VnFormat.Number(vnd) + " VND";
    }

    /// <summary>What a status filter counts: " (chỉ tính số ước thực hiện)", " (chỉ tính số chính thức)"; "" without a filter.</summary>
    public static string StatusNote(Records.RecordStatus? status, bool english = false) => status switch
    {
        Records.RecordStatus.Estimate => english ? " (estimates only)" : " (chỉ tính số ước thực hiện)",
        Records.RecordStatus.Actual => english ? " (actual figures only)" : " (chỉ tính số chính thức)",
        _ => "",
    };

    /// <summary>The note after a figure: the status filter when there is one, otherwise how much of it is estimated.</summary>
    public static string Note(Records.RecordStatus? status, string measure, FigureValue value, bool english = false) =>
        status is null ? EstimateNote(measure, value, english) : StatusNote(status, english);

    /// <summary>The estimate label of a figure: "(ước thực hiện)", "(trong đó 120 gian hàng ước thực hiện)", or "" for actuals.</summary>
    public static string EstimateNote(string measure, FigureValue value, bool english = false)
    {
        if (value.Value == 0 || value.EstimatePart == 0)
        {
            return value.Value == 0 ? "" : english ? " (actual)" : " (chính thức)";
        }
        if (value.EstimatePart >= value.Value)
        {
            return english ? " (estimate)" : " (ước thực hiện)";
        }
        return english
            ? $" (of which {Value(measure, value.EstimatePart, true)} estimated)"
            : $" (trong đó {Value(measure, value.EstimatePart)} ước thực hiện)";
    }

    /// <summary>"Tháng 5/2024" for a "2024-05" key.</summary>
    public static string MonthLabel(string key, bool english = false)
    {
        var parts = key.Split('-');
        return parts.Length == 2 && int.TryParse(parts[1], out var m) ? (english ? $"{m}/{parts[0]}" : $"Tháng {m}/{parts[0]}") : key;
    }
}
