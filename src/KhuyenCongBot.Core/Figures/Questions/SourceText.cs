using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>How answers name a funding source filter: in the metric's title, and in one line when the measure is not money.</summary>
public static class SourceText
{
    /// <summary>"Kinh phí hỗ trợ nguồn KCQG (mọi hoạt động)", "Số gian hàng – Hội chợ, triển lãm (nguồn KCĐP)"; the plain title without a source.</summary>
    public static string Title(CatalogueIndex catalogue, string? activityId, string measure, FundingSource? source, bool english = false)
    {
        var title = MetricText.Title(catalogue, activityId, measure, english);
        if (source is not { } s)
        {
            return title;
        }
        var name = FundingSources.Label(s, english);
        if (measure == Measures.Funding)
        {
            var plain = english ? "Funding" : "Kinh phí hỗ trợ";
            if (!title.StartsWith(plain, StringComparison.Ordinal))
            {
                return title;
            }
            // The counterpart is the facilities' own money, not support: it is named as such.
            var head = s switch
            {
                FundingSource.Counterpart => english ? "Counterpart funding (the facilities' own)" : "Vốn đối ứng của cơ sở",
                FundingSource.Other => english ? "Funding from other sources" : "Kinh phí nguồn khác",
                _ => plain + (english ? $" from {name}" : $" nguồn {name}"),
            };
            return head + title[plain.Length..];
        }
        return title + (english ? $" ({name} funded)" : $" (nguồn {name})");
    }

    /// <summary>
    /// The one line that says what a source filter means for a measure that is not money: the records funded by that
    /// source are counted (gian hàng, cơ sở have no source of their own). Empty without a filter or for money.
    /// </summary>
    public static string Note(FundingSource? source, string measure, int records, bool english = false)
    {
        if (source is not { } s || MetricText.IsMoney(measure))
        {
            return "";
        }
        var name = FundingSources.Label(s, english);
        return english
            ? $"Counted on the {VnFormat.Number(records)} records funded by {name} ({MetricText.Unit(measure, true)} have no source of their own)."
            : $"Chỉ tính {VnFormat.Number(records)} bản ghi có kinh phí nguồn {name} ({MetricText.Unit(measure)} không tự có nguồn kinh phí).";
    }

    /// <summary>" (nguồn KCQG)" after a period or a scope; "" without a source.</summary>
    public static string Suffix(FundingSource? source, bool english = false) =>
        source is { } s ? (english ? $" ({FundingSources.Label(s, true)} only)" : $" (nguồn {FundingSources.Label(s)})") : "";

    /// <summary>"KCQG 100 triệu đồng, KCĐP 50 triệu đồng, Vốn đối ứng 80 triệu đồng": the parts above 0, in report order.</summary>
    public static string Parts(FundingSplit split, bool english = false) =>
        string.Join(", ", FundingSources.All.Where(s => split[s] > 0)
            .Select(s => FundingSources.Label(s, english) + " " + MetricText.Value(Measures.Funding, split[s], english)));
}
